"""Explain: the shapes in which SDKs, tools and apps print a Tencent Cloud error, as regular expressions.

Every pattern here is linear: no nested quantifiers, and every free-text span is bounded, so a 64 KB
paste cannot make a search backtrack catastrophically.  The extraction in `extract.py` combines them.

Shapes covered (see tests/explain/test_formats.py for one real-looking example of each):
- Python  `[TencentCloudSDKException] code:X message:Y requestId:Z` (tccli prints the same after its usage text)
- Go/Ruby `[TencentCloudSDKError] Code=X, Message=Y, RequestId=Z` (Terraform wraps it after `Error:`)
- Java    `[TencentCloudSDKException]code: X message:Y requestId:Z`
- PHP     `[TencentCloud\\Common\\Exception\\TencentCloudSDKException]code:X message:Y requestId:Z`
- C++     `RequestId=Z, ErrorCode=X, ErrorMessage=Y`
- Node.js `TencentCloudSDKHttpException [Error]: Y ... requestId: 'Z'` and .NET `message：Y requestIdZ`
- raw API bodies `{"Response": {"Error": {"Code": X, "Message": Y}, "RequestId": Z}}`, escaped or cut off
"""

from __future__ import annotations

import re

# Full-width ASCII (a screenshot read by OCR, text typed in a Japanese IME) and typographic quotes
# map one character to one character, so offsets in the translated text are offsets in the paste.
HALF_WIDTH = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)}
HALF_WIDTH.update({0x3000: 0x20, 0x3002: 0x2E, 0x201C: 0x22, 0x201D: 0x22, 0x2018: 0x27, 0x2019: 0x27})

# A candidate code: a dotted identifier taken whole, so `os.path` or `psycopg2.errors.InternalError`
# are one token and never yield the code hidden at their end.
TOKEN = re.compile(r"(?<![A-Za-z0-9_.\\])[A-Za-z][A-Za-z0-9_]*(?:\.[A-Za-z0-9_]+)*")
# Free-standing codes are CamelCase; lower-case spellings only count after an explicit code label.
FREE_TOKEN = re.compile(r"(?<![A-Za-z0-9_.])[A-Z][A-Za-z0-9_]*(?:\.[A-Za-z0-9_]+)*")

_Q = r"\\{0,3}[\"'`]?"  # an optional quote, possibly escaped once or twice inside a JSON string
_SEP = r"\s{0,3}[:=]\s{0,3}"

# An error position: the token right after a code label (`code:`, `Code=`, `ErrorCode=`, `"Code": "`,
# `code: '`, `error code: `, `错误码：`).
CODE_LABEL = re.compile(
    r"(?<![A-Za-z_])(?i:error[ _]?code|err[ _]?code|errcode|code|错误码|错误代码|エラーコード)"
    + _Q + _SEP + _Q + r"\s{0,2}(?P<code>[A-Za-z][A-Za-z0-9_]*(?:\.[A-Za-z0-9_]+)*)"
)
# `FailedOperation.Something: message`, the way apps re-wrap an error; only Category.Detail counts.
COLON_CODE = re.compile(r"(?<![A-Za-z0-9_.])(?P<code>[A-Z][A-Za-z0-9]*\.[A-Z][A-Za-z0-9_.]*):\s")

MESSAGE_LABEL = re.compile(
    r"(?<![A-Za-z_])(?i:error[ _]?message|errmsg|err[ _]?msg|message|msg|错误信息|エラーメッセージ)"
    + _Q + _SEP
)
# Node.js prints the error class and then the message; the class is sometimes cut to `encentCloud...`.
NODE_MESSAGE = re.compile(r"encentCloudSDKHttpException(?: \[Error\])?:[ \t]*")

UUID = r"[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}"
# `requestId:`, `RequestId=`, `"RequestId": "`, `request id:`, `X-TC-RequestId:`, .NET's bare
# `requestId<uuid>` and the old Go SDK's `RequestId=%!d(string=<uuid>)`.
REQUEST_ID = re.compile(
    r"(?i:request[ _-]?id|请求\s?id|リクエスト\s?id)" + _Q + r"\s{0,3}[:=]?\s{0,3}" + _Q
    + r"\s{0,2}(?:%!d\(string=)?(?P<rid>" + UUID + r")(?![0-9A-Fa-f-])"
)
# Labels after which a message stops: the next field of the same error.
MESSAGE_END = re.compile(
    r"[\s,;]{0,3}(?:(?i:request[ _-]?id|trace[ _-]?id)\W|(?<![A-Za-z])(?:Code|ErrorCode|code)[=:])"
)

# Where one printed error starts.  Text between two starts belongs to the first.
RECORD_START = re.compile(
    r"\[(?:[A-Za-z\\]{0,60}\\+)?TencentCloudSDK(?:Exception|Error)\]"
    r"|encentCloudSDK(?:Http)?(?:Exception|Error)\b(?!\])"
    r"|\\{0,3}\"Response\\{0,3}\"\s{0,3}:"
    r"|^[^\S\n]*(?:│[^\S\n]*)?Error:",
    re.MULTILINE,
)
# Blank lines and the corner lines Terraform draws around each diagnostic end a block.
BLOCK_BREAK = re.compile(r"\n[^\S\n]*[╷╵]?[^\S\n]*(?=\n)")

# Product hints.  Each pattern's first group is a product slug, endpoint prefix or alias.
HOST_HINT = re.compile(r"(?<![\w.-])([a-z][a-z0-9-]*)(?:\.[a-z0-9-]+)?\.tencentcloudapi\.com", re.IGNORECASE)
MODULE_HINT = re.compile(
    r"tencentcloud(?:api)?(?:-sdk-[a-z]+)?[\\/.](?:(?:tencentcloud|services)[\\/.])?"
    r"([A-Za-z][A-Za-z0-9]*)[\\/.]v20\d{6}",
    re.IGNORECASE,
)
TCCLI_HINT = re.compile(r"\btccli\s+([a-z][a-z0-9]*)\s+[A-Z][A-Za-z0-9]+")
CAM_HINT = re.compile(r"operation\s?\(([a-z][a-z0-9]*):[A-Za-z*]+\)")
SCOPE_HINT = re.compile(r"/\d{4}-\d{2}-\d{2}/([a-z][a-z0-9]*)/tc3_request")
SERVICE_HINT = re.compile(r"(?<![A-Za-z])(?i:service|product)[\"']?\s{0,2}[:=]\s{0,2}[\"']?([a-z][a-z0-9]*)\b")
TERRAFORM_HINT = re.compile(r"\b(tencentcloud_[a-z0-9_]+)")
# Hints that usually come before the error they belong to (a traceback, a request log);
# Terraform names the resource after the error.
LEADING_HINTS = (HOST_HINT, MODULE_HINT, TCCLI_HINT, SCOPE_HINT, SERVICE_HINT)
TRAILING_HINTS = (CAM_HINT, TERRAFORM_HINT)

# Text that says the error came from Tencent Cloud at all.
TENCENT_CONTEXT = re.compile(
    r"(?i:tencentcloud|tencent cloud|tencentcloudapi|qcloud|tccli|tc3-hmac-sha256)|腾讯云|テンセントクラウド"
    r"|\\{0,3}\"Response\\{0,3}\"\s{0,3}:\s{0,3}\{"
)
# Errors of other clouds: several share EC2-style codes (InvalidParameterValue, AuthFailure, ...).
FOREIGN_CONTEXT = re.compile(
    r"An error occurred \(\w+\) when calling|botocore|boto3|amazonaws\.com|aws-sdk|com\.amazonaws|x-amz-"
    r"|(?i:azure)|googleapis\.com|google\.api_core|google\.cloud|gcloud"
    r"|(?i:aliyun|alibabacloud|alibaba cloud)|huaweicloud|volcengine|baidubce|ksyun"
)
