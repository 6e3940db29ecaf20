"""find_errors: which tokens count as codes, request id pairing, products, order and duplicates."""

from __future__ import annotations

import pytest

from app.explain import ExplainCatalog, find_errors
from tests.explain import PRODUCTS, make_entries, small_catalog

R1 = "0b3c5e21-7a4f-4d2e-9b61-2f8e4a7c9d10"
R2 = "6e1b8f42-3c7d-4a15-b2e9-0d4f7a6c8e21"


def codes(text: str) -> list[str]:
    return [f.code for f in find_errors(text, small_catalog())]


def found(text: str) -> list[tuple[str, str | None, str | None]]:
    return [(f.code, f.product, f.request_id) for f in find_errors(text, small_catalog())]


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   \n\t",
        "import os.path\nself.client = cvm_client.CvmClient(cred, region)",
        "psycopg2.errors.InternalError: current transaction is aborted",  # a longer dotted identifier
        "Traceback (most recent call last):\nSystemError: error return without exception set",
        "Credential(secret_id, secret_key) and Cam policies",  # categories that are everyday words
        "internalerror and invalidparameter written in lower case in a sentence",
        "InvalidInstanceID.NotFound",  # EC2's spelling; the catalogue writes InvalidInstanceId
        "HTTP/1.1 500 Internal Server Error",
        "code: AccessDenied, message: denied",  # an error position, but no Tencent Cloud code
        "code=InternalError, message=We encountered an internal error. Please try again.",  # no context
        "botocore.exceptions.ClientError: An error occurred (InvalidParameterValue) when calling Run",
        "ErrorCode: InvalidParameter\nRecommend: https://api.aliyun.com/troubleshoot?q=InvalidParameter",
        "An error occurred (AuthFailure) when calling the DescribeInstances operation: AWS was not able to "
        "validate the provided access credentials",
    ],
)
def test_no_invented_codes(text):
    assert codes(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "every call fails with InvalidParameterValue.InstanceTypeNotFound since noon",
            ["InvalidParameterValue.InstanceTypeNotFound"],
        ),
        ("Tencent Cloud says InternalError again", ["InternalError"]),  # undotted: needs the context
        (f"[TencentCloudSDKException] code:internalerror message:x requestId:{R1}", ["InternalError"]),
        ("ＬｉｍｉｔＥｘｃｅｅｄｅｄ．ＩｎｓｔａｎｃｅＱｕｏｔａ", ["LimitExceeded.InstanceQuota"]),
        ('{\\"Response\\":{\\"Error\\":{\\"Code\\":\\"MissingParameter\\"}}}', ["MissingParameter"]),
        ("log: tencent request failed\\nInternalError\\n", ["InternalError"]),  # after a JSON escape
        ("tccli: ClientNetworkError while calling cvm", ["ClientNetworkError"]),
    ],
)
def test_catalogue_codes_are_found(text, expected):
    assert codes(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # An uncatalogued Detail of a known category in an error position is reported as written.
        (
            f"[TencentCloudSDKError] Code=OperationDenied.NewRule, Message=x, RequestId={R1}",
            ["OperationDenied.NewRule"],
        ),
        (
            f"Tencent: FailedOperation.QuotaPending: quota check pending (requestId: {R1})",
            ["FailedOperation.QuotaPending"],
        ),
        # ... but not outside an error position, nor with an unknown category.
        ("Tencent Cloud: the FailedOperation.QuotaPending state", []),
        (f"[TencentCloudSDKError] Code=Throttling.User, Message=x, RequestId={R1}", []),
    ],
)
def test_uncatalogued_subcodes_only_in_error_position(text, expected):
    assert codes(text) == expected


def test_lines_naming_another_cloud_are_skipped_in_a_tencent_paste():
    text = (
        f"[TencentCloudSDKException] code:InternalError message:x requestId:{R1}\n"
        "aws: An error occurred (InvalidParameterValue) when calling the RunInstances operation\n"
    )
    assert codes(text) == ["InternalError"]


def test_codes_quoted_in_another_errors_message_are_not_separate_errors():
    text = f"[TencentCloudSDKError] Code=FailedOperation, Message=LimitExceeded.InstanceQuota, RequestId={R1}"
    assert found(text) == [("FailedOperation", None, R1)]


def test_findings_come_in_order_and_once_per_code_product_and_request_id():
    error = "[TencentCloudSDKException] code:{code} message:m requestId:{rid}\n"
    text = (
        error.format(code="RequestLimitExceeded", rid=R1)
        + error.format(code="InternalError", rid=R2)
        + error.format(code="RequestLimitExceeded", rid=R1)  # the same error pasted again
        + error.format(code="RequestLimitExceeded", rid=R2)  # the same code, another request
    )
    assert found(text) == [
        ("RequestLimitExceeded", None, R1),
        ("InternalError", None, R2),
        ("RequestLimitExceeded", None, R2),
    ]
    starts = [f.start for f in find_errors(text, small_catalog())]
    assert starts == sorted(starts)


def test_a_repeated_error_keeps_the_message_printed_with_it():
    text = "Tencent Cloud: InternalError\n\n[TencentCloudSDKError] Code=InternalError, Message=内部错误"
    (finding,) = find_errors(text, small_catalog())
    assert (finding.start, finding.message) == (text.index("InternalError"), "内部错误")


@pytest.mark.parametrize(
    ("text", "product"),
    [
        (f"POST https://cvm.ap-guangzhou.tencentcloudapi.com/\ncode:InternalError requestId:{R1}", "cvm"),
        (
            f"host: as.tencentcloudapi.com\ncode:InternalError requestId:{R1}",
            "autoscaling",
        ),  # endpoint prefix
        (f'File "tencentcloud/cbs/v20170312/cbs_client.py"\ncode:InternalError requestId:{R1}', "cbs"),
        (f"at com.tencentcloudapi.sms.v20210111.SmsClient\ncode:InternalError requestId:{R1}", "sms"),
        (f"TencentCloud\\Redis\\V20180412\\RedisClient\ncode:InternalError requestId:{R1}", "redis"),
        (f"tencentcloud-sdk-go/tencentcloud/clb/v20180317\ncode:InternalError requestId:{R1}", "clb"),
        (f"$ tccli tke DescribeClusters\ncode:InternalError requestId:{R1}", "tke"),
        (f"Credential=AKIDEXAMPLE/2024-05-01/vpc/tc3_request\ncode:InternalError requestId:{R1}", "vpc"),
        (
            "code:UnauthorizedOperation message:you are not authorized to perform operation "
            f"(cbs:AttachDisks) requestId:{R1}",
            "cbs",
        ),
        (
            f"Error: [TencentCloudSDKError] Code=InternalError, RequestId={R1}\n"
            "  with tencentcloud_instance.web,",
            "cvm",
        ),
        (
            f"Error: [TencentCloudSDKError] Code=InternalError, RequestId={R1}\n"
            "  in data.tencentcloud_mysql_zone_config.z",
            "cdb",
        ),
        (f"service=css code=InternalError request_id={R1}", "live"),  # an alias
        # A hint for a product that does not have the code is not attached...
        (f"POST https://cbs.tencentcloudapi.com/\ncode:LimitExceeded.InstanceQuota requestId:{R1}", "cvm"),
        # ... and a code of a single product is that product's even without a hint.
        (f"Tencent Cloud: ResourceNotFound.ClusterNotFound requestId:{R1}", "tke"),
        (f"Tencent Cloud: ResourceInsufficient.SpecifiedInstanceType requestId:{R1}", None),  # cvm or tke
        (f"POST https://nosuchproduct.tencentcloudapi.com/\ncode:InternalError requestId:{R1}", None),
    ],
)
def test_products_from_hints_that_fit_the_code(text, product):
    (finding,) = find_errors(text, small_catalog())
    assert finding.product == product


def test_each_error_takes_the_hint_of_its_own_block():
    text = (
        "│ Error: [TencentCloudSDKError] Code=ResourceInsufficient.SpecifiedInstanceType, Message=x, "
        f"RequestId={R1}\n"
        "│   with tencentcloud_kubernetes_node_pool.np,\n╵\n"
        "│ Error: [TencentCloudSDKError] Code=ResourceInsufficient.SpecifiedInstanceType, Message=x, "
        f"RequestId={R2}\n"
        "│   with tencentcloud_instance.web,\n╵\n"
    )
    assert found(text) == [
        ("ResourceInsufficient.SpecifiedInstanceType", "tke", R1),
        ("ResourceInsufficient.SpecifiedInstanceType", "cvm", R2),
    ]


def test_the_spelling_is_the_catalogues_for_the_product():
    cam = f"POST https://cam.tencentcloudapi.com/\ncode:invalidparameter.paramerror requestId:{R1}"
    dlc = f"POST https://dlc.tencentcloudapi.com/\ncode:invalidparameter.paramerror requestId:{R1}"
    assert found(cam) == [("InvalidParameter.ParamError", "cam", R1)]
    assert found(dlc) == [("InvalidParameter.Paramerror", "dlc", R1)]


def test_messages_in_findings_are_masked():
    text = (
        "[TencentCloudSDKException] code:AuthFailure.SecretIdNotFound message:SecretId "
        f"AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE not found requestId:{R1}"
    )
    (finding,) = find_errors(text, small_catalog())
    assert finding.message == "SecretId AKIDz8kr**************************** not found"


def test_message_only_errors_are_recognised_by_their_wording():
    text = (
        "[TencentCloudSDKException]message:The provided credentials could not be validated. "
        f"Please check your signature is correct. requestId:{R1}"
    )
    (finding,) = find_errors(text, small_catalog())
    assert (finding.code, finding.match, finding.request_id) == (
        "AuthFailure.SignatureFailure",
        "message",
        R1,
    )
    assert 0.8 <= finding.confidence < 1.0


def test_a_message_of_one_product_names_that_product():
    text = (
        f"TencentCloudSDKHttpException: 模板未审批或请求的内容与审核通过的模板内容不匹配。\nrequestId: '{R1}'"
    )
    (finding,) = find_errors(text, small_catalog())
    assert (finding.code, finding.product, finding.match) == (
        "FailedOperation.TemplateIncorrectOrUnapproved",
        "sms",
        "message",
    )


def test_wording_shared_by_different_codes_is_not_reported():
    text = f"[TencentCloudSDKException]message:The phone number is in the blacklist. requestId:{R1}"
    assert find_errors(text, small_catalog()) == []


def test_catalogue_is_built_from_entries_and_products():
    catalog = ExplainCatalog.from_entries(make_entries(), PRODUCTS)
    assert catalog.product_slug("AS") == "autoscaling"
    assert catalog.product_slug("css") == "live"
    assert catalog.product_slug("cvm") == "cvm"
    assert catalog.product_slug("nosuch") is None
    assert catalog.terraform_product("tencentcloud_instance") == "cvm"
    assert catalog.terraform_product("tencentcloud_clb_listener_rule") == "clb"
    assert catalog.terraform_product("tencentcloud_dc_gateway") == "vpc"  # the longest prefix wins
    assert catalog.terraform_product("tencentcloud_dc_instances") is None  # dc is not a product here
    info = catalog.codes["resourceinsufficient.specifiedinstancetype"]
    assert info.products == {"cvm", "tke"} and not info.productless
    assert catalog.codes["internalerror"].productless
    assert {"operationdenied", "failedoperation", "credential"} <= catalog.categories
