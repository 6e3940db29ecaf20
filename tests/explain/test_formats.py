"""The output formats of the SDKs and tools, one real-looking example of each, and the text helpers."""

from __future__ import annotations

import pytest

from app.explain import find_errors
from app.explain.formats import Layout, half_width, lower_ascii, pair_request_ids
from tests.explain import small_catalog

RID = "0b3c5e21-7a4f-4d2e-9b61-2f8e4a7c9d10"
SIG = "The provided credentials could not be validated. Please check your signature is correct."

# (id, paste, code, request id, message)
SDK_FORMATS = [
    (
        "python",
        f"[TencentCloudSDKException] code:AuthFailure.SignatureFailure message:{SIG} requestId:{RID}",
        "AuthFailure.SignatureFailure",
        RID,
        SIG,
    ),
    (
        "python-multiline-message",
        "[TencentCloudSDKException] code:UnauthorizedOperation message:[request id:x]you are not authorized "
        f"to perform operation (cvm:StopInstances)\nresource (qcs::cvm:::instance/ins-1) has no permission\n "
        f"requestId:{RID}",
        "UnauthorizedOperation",
        RID,
        "[request id:x]you are not authorized to perform operation (cvm:StopInstances) "
        "resource (qcs::cvm:::instance/ins-1) has no permission",
    ),
    (
        "go",
        f"[TencentCloudSDKError] Code=InternalError, Message=internal error, please retry, RequestId={RID}",
        "InternalError",
        RID,
        "internal error, please retry",
    ),
    (
        "go-without-request-id",
        "[TencentCloudSDKError] Code=ClientError.NetworkError, Message=Fail to get response because dial tcp",
        "ClientError.NetworkError",
        None,
        "Fail to get response because dial tcp",
    ),
    (
        "go-old-percent-d",
        f"[TencentCloudSDKError] Code=LimitExceeded, Message=quota, RequestId=%!d(string={RID})",
        "LimitExceeded",
        RID,
        "quota",
    ),
    (
        "ruby",
        "TencentCloud::Common::TencentCloudSDKException ([TencentCloudSDKError] "
        "Code=AuthFailure.SignatureExpire, "
        f"Message=签名过期, RequestId={RID})",
        "AuthFailure.SignatureExpire",
        RID,
        "签名过期",
    ),
    (
        "java",
        "[TencentCloudSDKException]code: AuthFailure.SecretIdNotFound message:The SecretId is not found. "
        f"requestId:{RID}",
        "AuthFailure.SecretIdNotFound",
        RID,
        "The SecretId is not found.",
    ),
    (
        "php",
        "[TencentCloud\\Common\\Exception\\TencentCloudSDKException]code:ResourceNotFound.InstanceNotFound "
        f"message:instance not found requestId:{RID}",
        "ResourceNotFound.InstanceNotFound",
        RID,
        "instance not found",
    ),
    (
        "cpp",
        f"RequestId={RID}, ErrorCode=InvalidParameterValue.InstanceTypeNotFound, ErrorMessage=no such type",
        "InvalidParameterValue.InstanceTypeNotFound",
        RID,
        "no such type",
    ),
    (
        "node-object",
        f"TencentCloudSDKHttpException [Error]: {SIG}\n"
        "    at Client.parseResponse (abstract_client.js:134:33) {\n"
        f"  requestId: '{RID}',\n  code: 'AuthFailure.SignatureFailure'\n}}",
        "AuthFailure.SignatureFailure",
        RID,
        SIG,
    ),
    (
        "json-body",
        '{"Response": {"Error": {"Code": "MissingParameter", "Message": "missing `Limit`"}, '
        f'"RequestId": "{RID}"}}}}',
        "MissingParameter",
        RID,
        "missing `Limit`",
    ),
    (
        "json-escaped",
        '{\\"Response\\":{\\"Error\\":{\\"Code\\":\\"LimitExceeded\\",'
        '\\"Message\\":\\"a \\\\\\"b\\\\\\" c\\"},'
        f'\\"RequestId\\":\\"{RID}\\"}}}}',
        "LimitExceeded",
        RID,
        'a \\\\\\"b\\\\\\" c',
    ),
    (
        "json-cut-off",
        '{"Response":{"Error":{"Code":"ResourceNotFound.ClusterNotFound","Message":"cluster cls-1 does not e',
        "ResourceNotFound.ClusterNotFound",
        None,
        "cluster cls-1 does not e",
    ),
    (
        "terraform",
        "│ Error: [TencentCloudSDKError] Code=FailedOperation.InsufficientBalance, Message=no money, "
        f"RequestId={RID}\n"
        "│   with tencentcloud_clb_instance.lb,",
        "FailedOperation.InsufficientBalance",
        RID,
        "no money",
    ),
    (
        "rewrap-code-message",
        f"panic: Code: AuthFailure.SignatureFailure, Message: {SIG}, RequestId: {RID}",
        "AuthFailure.SignatureFailure",
        RID,
        SIG,
    ),
    (
        "rewrap-code-colon",
        "tencent cloud call failed: RequestLimitExceeded: too many requests",
        "RequestLimitExceeded",
        None,
        "too many requests",
    ),
    (
        "chinese-labels",
        f"错误码：ResourceNotFound\n错误信息：资源不存在\n请求ID：{RID}",
        "ResourceNotFound",
        RID,
        "资源不存在",
    ),
    (
        "full-width",
        "ＡｕｔｈＦａｉｌｕｒｅ．ＳｉｇｎａｔｕｒｅＥｘｐｉｒｅ　ＲｅｑｕｅｓｔＩｄ："
        + half_width(RID).replace("-", "－"),
        "AuthFailure.SignatureExpire",
        RID,
        None,
    ),
]


@pytest.mark.parametrize(
    ("paste", "code", "request_id", "message"), [c[1:] for c in SDK_FORMATS], ids=[c[0] for c in SDK_FORMATS]
)
def test_each_sdk_format_gives_its_code_request_id_and_message(paste, code, request_id, message):
    findings = find_errors(paste, small_catalog())
    assert [(f.code, f.request_id, f.message, f.match) for f in findings] == [
        (code, request_id, message, "code")
    ]
    start = findings[0].start
    assert half_width(paste)[start : start + len(code)] == code  # the offset points at the code itself


@pytest.mark.parametrize(
    ("text", "plain"),
    [
        ("ＡｕｔｈＦａｉｌｕｒｅ．Ｓｉｇｎ", "AuthFailure.Sign"),
        ("“Code”：　‘X’", "\"Code\": 'X'"),
        ("発生しました。AuthFailure", "発生しました。AuthFailure"),  # a sentence end stays a sentence end
        ("AuthFailure。SignatureExpire", "AuthFailure.SignatureExpire"),  # typed with a Japanese IME
        ("plain ascii", "plain ascii"),
    ],
)
def test_half_width_keeps_length_and_offsets(text, plain):
    assert half_width(text) == plain
    assert len(half_width(text)) == len(text)


def test_lower_ascii_keeps_length_even_for_letters_that_grow():
    text = "İstanbul ERROR"
    assert len(lower_ascii(text)) == len(text)
    assert lower_ascii(text).endswith("error")


def test_layout_cuts_records_at_sdk_markers_and_blank_lines():
    text = f"[TencentCloudSDKException] code:A requestId:{RID}\n\n[TencentCloudSDKError] Code=B"
    layout = Layout(text)
    first, second = text.index("code:A"), text.index("Code=B")
    assert layout.segment(first) != layout.segment(second)
    assert layout.segment(0) == layout.segment(first)
    assert layout.line(second) == 2


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # C++ prints the request id before the code, one error per line.
        ("RequestId=r1, ErrorCode=A\nRequestId=r2, ErrorCode=B", ["r1", "r2"]),
        # JSON bodies print it after, possibly on a later line.
        ('"Code": "A"\n"RequestId": "r1"\n"Code": "B"\n"RequestId": "r2"', ["r1", "r2"]),
        # Node.js objects print it before the code, on an earlier line.
        ("requestId: 'r1',\ncode: 'A'", ["r1"]),
    ],
)
def test_request_ids_pair_with_their_own_error(text, expected):
    layout = Layout(text)
    positions = [i for i in range(len(text)) if text.startswith(("ErrorCode=", '"Code"', "code:"), i)]
    rids = [(text.index(r), r) for r in ("r1", "r2") if r in text]
    paired = pair_request_ids(positions, rids, layout)
    assert [paired[i][1] for i in range(len(positions))] == expected
