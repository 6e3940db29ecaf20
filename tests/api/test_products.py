"""Product codes: lookup with and without product, fallbacks, zh content, the products API."""

from __future__ import annotations

from tests.api.test_errors import error, ok


def test_product_entry_with_product(client):
    code = ok(client.get("/api/v1/errors/InvalidParameterValue.InvalidImageId?product=cvm&lang=en"))[
        "ErrorCode"
    ]
    assert code["Product"] == "cvm"
    assert code["ProductName"]
    assert code["Description"] == "The image does not support this operation."
    assert code["DescriptionSource"] == "official"
    assert code["Versions"] == ["2017-03-12"]
    # No own steps: the category's guidance is inherited.
    assert code["RemediationFrom"] == "InvalidParameterValue"
    assert code["Remediation"]
    assert code["Url"].endswith("/products/cvm/errors/InvalidParameterValue.InvalidImageId")


def test_product_alias_is_accepted(client):
    code = ok(client.get("/api/v1/errors/InvalidParameterValue.InvalidImageId?product=as"))["ErrorCode"]
    assert code["Product"] == "autoscaling"


def test_without_product_lists_every_product_that_defines_the_code(client):
    body = ok(client.get("/api/v1/errors/ResourceNotFound.InstanceNotFound?lang=en"))
    assert body["TotalCount"] == len(body["ErrorCodeSet"]) > 1
    assert body["ErrorCode"] is None
    products = [item["Product"] for item in body["ErrorCodeSet"]]
    assert len(set(products)) == len(products) and None not in products


def test_common_code_without_product_and_product_entry_with_one(client):
    assert ok(client.get("/api/v1/errors/InternalError"))["ErrorCode"]["Product"] is None
    # cvm lists InternalError itself: its own entry, with the common code's guidance.
    own = ok(client.get("/api/v1/errors/InternalError?product=cvm&lang=en"))["ErrorCode"]
    assert own["Product"] == "cvm" and own["RemediationFrom"] == "InternalError"
    # cvm does not list AuthFailure.SignatureExpire: the common code answers.
    common = ok(client.get("/api/v1/errors/AuthFailure.SignatureExpire?product=cvm"))["ErrorCode"]
    assert common["Product"] is None


def test_uncatalogued_product_subcode_falls_back(client):
    body = ok(client.get("/api/v1/errors/OperationDenied.SomethingBrandNew?product=cvm&lang=ja"))
    assert body["Fallback"] is True and body["Catalogued"] is False
    assert body["ErrorCode"]["Code"] == "OperationDenied"
    assert body["ErrorCode"]["Kind"] == "category"
    assert body["ErrorCode"]["Remediation"]


def test_chinese_content_and_fallback_order(client):
    zh = ok(client.get("/api/v1/errors/FailedOperation.ServiceIsolate?product=aai&lang=zh"))["ErrorCode"]
    assert zh["Language"] == "zh" and zh["Description"] == "账号因为欠费停止服务，请在腾讯云账户充值。"
    en = ok(client.get("/api/v1/errors/FailedOperation.ServiceIsolate?product=aai&lang=en"))["ErrorCode"]
    assert en["Language"] in ("en", "ja", "zh")  # served in the first language that has a text
    if en["Language"] != "en":
        assert en["Language"] in ("ja", "zh")


def test_unknown_product_is_invalid_parameter_value(client):
    error(client.get("/api/v1/errors/InternalError?product=nosuchproduct"), 400, "InvalidParameterValue")


def test_products_list(client):
    body = ok(client.get("/api/v1/products?lang=en"))
    assert body["TotalCount"] == len(body["ProductSet"]) > 200
    cvm = next(p for p in body["ProductSet"] if p["Product"] == "cvm")
    assert cvm["Name"] == "Cloud Virtual Machine"
    assert cvm["Endpoint"] == "cvm.tencentcloudapi.com"
    assert cvm["CodeCount"] > 300


def test_product_detail(client):
    body = ok(client.get("/api/v1/products/cvm?lang=ja"))
    assert body["Product"]["Product"] == "cvm"
    assert body["TotalCount"] == len(body["ErrorCodeSet"]) == body["Product"]["CodeCount"]
    assert all(item["Product"] == "cvm" for item in body["ErrorCodeSet"])
    error(client.get("/api/v1/products/nosuch"), 404, "ResourceNotFound")


def test_search_narrowed_to_a_product(client):
    body = ok(client.get("/api/v1/search?q=InvalidImageId&product=cvm&lang=en"))
    assert body["ErrorCodeSet"] and all(item["Product"] in ("cvm", None) for item in body["ErrorCodeSet"])
    assert body["ErrorCodeSet"][0]["Code"] == "InvalidParameterValue.InvalidImageId"


def test_own_steps_take_precedence_over_the_category(client):
    code = ok(client.get("/api/v1/errors/ResourceInsufficient.Subnet?product=vpc&lang=en"))["ErrorCode"]
    assert code["RemediationFrom"] == "ResourceInsufficient.Subnet"
    assert any("AvailableIpAddressCount" in step for step in code["Remediation"])
    ja = ok(client.get("/api/v1/errors/ResourceInsufficient.Subnet?product=vpc&lang=ja"))["ErrorCode"]
    assert ja["RemediationFrom"] == "ResourceInsufficient.Subnet" and ja["Language"] == "ja"
