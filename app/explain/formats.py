"""Explain: the shapes in which SDKs, tools and apps print a Tencent Cloud error, as regular expressions.

Every pattern here is linear: no nested quantifiers, and every free-text span is bounded, so a 64 KB
paste cannot make a search backtrack catastrophically.  The extraction in `extract.py` combines them.

Shapes covered (see tests/explain/test_formats.py for one real-looking example of each):
- Python  `[TencentCloudSDKException] code:X message:Y requestId:Z` (tccli prints it after its usage)
- Go/Ruby `[TencentCloudSDKError] Code=X, Message=Y, RequestId=Z` (Terraform wraps it after `Error:`)
- Java    `[TencentCloudSDKException]code: X message:Y requestId:Z`
- PHP     `[TencentCloud\\Common\\Exception\\TencentCloudSDKException]code:X message:Y requestId:Z`
- C++     `RequestId=Z, ErrorCode=X, ErrorMessage=Y`
- Node.js `TencentCloudSDKHttpException [Error]: Y ... requestId: 'Z'` and .NET `message：Y requestIdZ`
- raw API bodies `{"Response": {"Error": {"Code": X, "Message": Y}, "RequestId": Z}}`, escaped or cut off
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

# Full-width ASCII (a screenshot read by OCR, text typed in a Japanese IME) and typographic quotes
# map one character to one character, so offsets in the translated text are offsets in the paste.
HALF_WIDTH = {code: chr(code - 0xFEE0) for code in range(0xFF01, 0xFF5F)}
HALF_WIDTH.update({0x3000: " ", 0x201C: '"', 0x201D: '"', 0x2018: "'", 0x2019: "'"})
_FULL_WIDTH = re.compile("[" + "".join(chr(code) for code in HALF_WIDTH) + "]")
# An ideographic full stop typed inside a code (`AuthFailure。SignatureExpire`); elsewhere it ends a
# Japanese sentence and must not glue the next word to the previous one.
_STOP_IN_CODE = re.compile(r"(?<=[A-Za-z0-9])\u3002(?=[A-Za-z])")


def half_width(text: str) -> str:
    """`text` with full-width ASCII and curly quotes made plain; same length, so same offsets."""
    if text.isascii():
        return text
    text = _FULL_WIDTH.sub(lambda m: HALF_WIDTH[ord(m.group())], text)
    return _STOP_IN_CODE.sub(".", text) if "\u3002" in text else text


def lower_ascii(text: str) -> str:
    """Lower case for cheap `in` tests; same length as `text` (the rare letters that grow stay)."""
    lower = text.lower()
    if len(lower) == len(text):
        return lower
    return "".join(c if len(c.lower()) != 1 else c.lower() for c in text)


# Where an identifier may start: not inside another one, but right after a JSON escape such as `\n`.
_START = r"(?:(?<=\\[ntr])|(?<![A-Za-z0-9_.\\]))"
# A free-standing candidate code: a CamelCase dotted identifier taken whole, so `os.path` or
# `psycopg2.errors.InternalError` are one token and never yield the code hidden at their end.
# Followed by `: ` it is also `Category.Detail: message`, the way apps re-wrap an error.
FREE_TOKEN = re.compile(_START + r"[A-Z][A-Za-z0-9_]*(?:\.[A-Za-z0-9_]+)*(?P<colon>:\s)?")

_Q = r"\\{0,3}[\"'`]?"  # an optional quote, possibly escaped once or twice inside a JSON string
_SEP = r"\s{0,3}[:=]\s{0,3}"

# An error position: the token right after a code label (`code:`, `Code=`, `ErrorCode=`, `"Code": "`,
# `code: '`, `error code: `, `错误码：`).  Spelled out instead of IGNORECASE, which is several times
# slower on a long paste.
CODE_LABEL = re.compile(
    r"(?<![A-Za-z_])(?:[Ee]rror[ _]?[Cc]ode|ERROR_?CODE|[Ee]rr[ _]?[Cc]ode|errcode|[Cc]ode|CODE"
    r"|错误码|错误代码|エラーコード)"
    + _Q
    + _SEP
    + _Q
    + r"\s{0,2}(?P<code>[A-Za-z][A-Za-z0-9_]*(?:\.[A-Za-z0-9_]+)*)"
)
MESSAGE_LABEL = re.compile(
    r"(?<![A-Za-z_])(?:[Ee]rror[ _]?[Mm]essage|ERROR_?MESSAGE|[Ee]rr[ _]?[Mm]sg|errmsg|[Mm]essage|MESSAGE"
    r"|[Mm]sg|MSG|错误信息|エラーメッセージ)" + _Q + _SEP
)
# Node.js prints the error class and then the message; the class is sometimes cut to `encentCloud...`.
NODE_MESSAGE = re.compile(r"encentCloudSDKHttpException(?: \[Error\])?:[ \t]*")

UUID = r"[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}"
# `requestId:`, `RequestId=`, `"RequestId": "`, `request id:`, `X-TC-RequestId:`, .NET's bare
# `requestId<uuid>` and the old Go SDK's `RequestId=%!d(string=<uuid>)`.
REQUEST_ID = re.compile(
    r"(?:[Rr]equest[ _-]?[Ii][Dd]|REQUEST[ _-]?ID|请求\s?[Ii][Dd]|リクエスト\s?[Ii][Dd])"
    + _Q
    + r"\s{0,3}(?:[:=]|は|为|是)?\s{0,3}"  # `リクエストID は <uuid>`, `请求ID为<uuid>`
    + _Q
    + r"\s{0,2}(?:%!d\(string=)?(?P<rid>"
    + UUID
    + r")(?![0-9A-Fa-f-])"
)
# Where an SDK's message stops: its request id field, which may follow a message of several lines
# (` requestId:`, `, RequestId=`, `  traceId:`).  Led by a literal, so the search skips ahead fast.
MESSAGE_SDK_END = re.compile(
    r"requestId(?<=\srequestId)|RequestId=(?<=, RequestId=)|traceId:(?<=\s\straceId:)"
)
# Labels after which any other message stops (on its own line): the next field of the same error.
MESSAGE_END = re.compile(
    r"[\s,;]{0,3}(?:(?i:request[ _-]?id|trace[ _-]?id)\W|(?<![A-Za-z])(?:Code|ErrorCode|code)[=:])"
)

# Where one printed error starts.  Text between two starts belongs to the first.
RECORD_START = re.compile(
    r"\[(?:[A-Za-z\\]{0,60}\\+)?TencentCloudSDK(?:Exception|Error)\]"
    r"|encentCloudSDK(?:Http)?(?:Exception|Error)\b(?!\])"
    r"|\\{0,3}\"Response\\{0,3}\"\s{0,3}:"
)
TERRAFORM_ERROR = re.compile(r"^[^\S\n]*(?:│[^\S\n]*)?Error:", re.MULTILINE)
_NEWLINE = re.compile("\n")
# Blank lines and the corner lines Terraform draws around each diagnostic end a block.
BLOCK_BREAK = re.compile(r"\n[^\S\n]*[╷╵]?[^\S\n]*(?=\n)")

# Product hints.  Each pattern's first group is a product slug, endpoint prefix or alias; hints are
# searched only when their needle is in the lower-cased paste.
HOST_TAIL = ".tencentcloudapi.com"
HOST_HEAD = re.compile(r"(?<![\w.-])([a-z][a-z0-9-]*)(?:\.[a-z0-9-]+)?\Z")
MODULE_HINT = re.compile(
    r"tencentcloud(?:api)?(?:-sdk-[a-z]+)?[\\/.](?:(?:tencentcloud|services)[\\/.])?"
    r"([A-Za-z][A-Za-z0-9]*)[\\/.]v20\d{6}",
    re.IGNORECASE,
)
TCCLI_HINT = re.compile(r"tccli\s+([a-z][a-z0-9]*)\s+[A-Z][A-Za-z0-9]+")
CAM_HINT = re.compile(r"operation\s?\(([a-z][a-z0-9]*):[A-Za-z*]+\)")
SCOPE_HINT = re.compile(r"/\d{4}-\d{2}-\d{2}/([a-z][a-z0-9]*)/tc3_request")
SERVICE_HINT = re.compile(
    r"(?:[Ss]ervice|SERVICE)(?<![A-Za-z].{7})[\"']?\s{0,2}[:=]\s{0,2}[\"']?([a-z][a-z0-9]*)\b"
)
TERRAFORM_HINT = re.compile(r"(tencentcloud_(?<![A-Za-z0-9_]tencentcloud_)[a-z0-9_]+)")
# (pattern, needle, leading): leading hints usually come before the error they belong to (a
# traceback, a request log); a CAM denial and Terraform's resource name come after it.
HINTS = (
    (MODULE_HINT, "tencentcloud", True),
    (TCCLI_HINT, "tccli", True),
    (SCOPE_HINT, "tc3_request", True),
    (SERVICE_HINT, "service", True),
    (CAM_HINT, "operation", False),
    (TERRAFORM_HINT, "tencentcloud_", False),
)

# Text that says the error came from Tencent Cloud at all (needles, then the envelope's pattern).
TENCENT_NEEDLES = ("tencent", "qcloud", "tccli", "tc3-hmac-sha256", "cloudbase", "腾讯云", "テンセント")
RESPONSE_ENVELOPE = re.compile(r"\\{0,3}\"Response\\{0,3}\"\s{0,3}:\s{0,3}\{")
# Errors of other clouds: several share EC2-style codes (InvalidParameterValue, AuthFailure, ...).
# Plain lower-case words, found with str.find, which is far faster than one regular expression.
FOREIGN_NEEDLES = tuple(
    "an error occurred (|botocore|boto3|amazonaws.com|aws-sdk|com.amazonaws|x-amz-|azure|googleapis.com"
    "|google.api_core|google.cloud|gcloud|aliyun|alibabacloud|alibaba cloud|huaweicloud|volcengine"
    "|volces.com|baidubce|ksyun".split("|")
)


def tencent_context(text: str, lower: str, start: int = 0, end: int | None = None) -> bool:
    """Whether text[start:end] says Tencent Cloud: a name, a tool, the signature, the envelope."""
    window = lower[start:end]
    return any(n in window for n in TENCENT_NEEDLES) or (
        '"response' in window
        and RESPONSE_ENVELOPE.search(text, start, len(text) if end is None else end) is not None
    )


def foreign_positions(lower: str) -> list[int]:
    """Where the paste names another cloud or its SDK."""
    found = []
    for needle in FOREIGN_NEEDLES:
        pos = lower.find(needle)
        while pos >= 0:
            found.append(pos)
            pos = lower.find(needle, pos + 1)
    return sorted(found)


class Layout:
    """Lines, blocks and records of a paste: where each printed error starts and ends.

    A segment runs from one record start (or block break) to the next, so the code, message and
    request id printed together for one error fall into one segment.
    """

    def __init__(self, text: str) -> None:
        self._length = len(text)
        self._line_starts = [0] + [m.end() for m in _NEWLINE.finditer(text)]
        bounds = {0, len(text)}
        bounds.update(m.start() for m in RECORD_START.finditer(text))
        if "Error:" in text:
            bounds.update(m.start() for m in TERRAFORM_ERROR.finditer(text))
        bounds.update(m.start() for m in BLOCK_BREAK.finditer(text))
        self._bounds = sorted(bounds)

    def line(self, pos: int) -> int:
        return bisect_right(self._line_starts, pos) - 1

    def line_bounds(self, pos: int) -> tuple[int, int]:
        number = self.line(pos)
        return self._line_end_bounds(number)

    def _line_end_bounds(self, number: int) -> tuple[int, int]:
        start = self._line_starts[number]
        end = self._line_starts[number + 1] - 1 if number + 1 < len(self._line_starts) else self._length
        return start, end

    def segment(self, pos: int) -> int:
        return min(bisect_right(self._bounds, pos) - 1, len(self._bounds) - 2)

    def segment_bounds(self, segment: int) -> tuple[int, int]:
        return self._bounds[segment], self._bounds[segment + 1]

    def segment_end(self, pos: int) -> int:
        return self.segment_bounds(self.segment(pos))[1]


def pair_request_ids(
    positions: list[int], rids: list[tuple[int, str]], layout: Layout
) -> dict[int, tuple[int, str]]:
    """Pair the errors at `positions` (sorted, one segment) with the request ids of that segment.

    A request id on the same line wins (the SDK one-line formats; C++ prints it first), then one
    printed after the error and before the next (JSON bodies, Node.js objects), then one before it.
    """
    paired: dict[int, tuple[int, str]] = {}
    if not rids:
        return paired
    rid_positions = [pos for pos, _ in rids]
    claimed: set[int] = set()

    def window(index: int) -> tuple[list[int], list[int]]:
        pos = positions[index]
        prev_pos = positions[index - 1] if index else -1
        next_pos = positions[index + 1] if index + 1 < len(positions) else 1 << 62
        lo, mid = bisect_right(rid_positions, prev_pos), bisect_right(rid_positions, pos)
        hi = bisect_left(rid_positions, next_pos)
        after = [i for i in range(mid, hi) if i not in claimed]
        before = [i for i in range(mid - 1, lo - 1, -1) if i not in claimed]
        return after, before

    for same_line in (True, False):
        for index, pos in enumerate(positions):
            if index in paired:
                continue
            after, before = window(index)
            line = layout.line(pos)
            if same_line:
                after = [i for i in after if layout.line(rid_positions[i]) == line]
                before = [i for i in before if layout.line(rid_positions[i]) == line]
            choice = after[0] if after else (before[0] if before else None)
            if choice is not None:
                claimed.add(choice)
                paired[index] = rids[choice]
    return paired
