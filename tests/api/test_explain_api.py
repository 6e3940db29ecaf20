"""POST /api/v1/explain: bodies, limits, masking and the answers."""

from __future__ import annotations

from tests.api.test_errors import error, ok

PYTHON_PASTE = (
    'Traceback (most recent call last):\n  File "run.py", line 12, in <module>\n'
    "tencentcloud.common.exception.tencent_cloud_sdk_exception.TencentCloudSDKException: "
    "[TencentCloudSDKException] code:AuthFailure.SignatureExpire message:Signature expired. "
    "Timestamp: 1700000000. requestId:6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b\n"
)


def test_explain_json_body(client):
    body = ok(client.post("/api/v1/explain?lang=ja", json={"Text": PYTHON_PASTE}))
    assert body["TotalCount"] == 1
    match = body["MatchSet"][0]
    assert match["Code"] == "AuthFailure.SignatureExpire"
    assert match["RequestId"] == "6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b"
    assert match["MatchedBy"] == "code"
    assert match["ErrorCode"]["Description"] == "署名期限切れ。"


def test_explain_plain_text_body(client):
    body = ok(client.post("/api/v1/explain?lang=en", data=PYTHON_PASTE, content_type="text/plain"))
    assert [m["Code"] for m in body["MatchSet"]] == ["AuthFailure.SignatureExpire"]


def test_explain_product_from_host(client):
    text = (
        "POST https://cvm.tencentcloudapi.com/ failed: [TencentCloudSDKError] "
        "Code=InvalidParameterValue.InvalidImageId, Message=The image does not support this operation., "
        "RequestId=0e6a2e0a-2f7c-4f63-9d4c-1b2a3c4d5e6f"
    )
    match = ok(client.post("/api/v1/explain?lang=en", json={"Text": text}))["MatchSet"][0]
    assert match["Product"] == "cvm"
    assert match["ErrorCode"]["Product"] == "cvm"


def test_no_code_says_so(client):
    body = ok(
        client.post(
            "/api/v1/explain?lang=en",
            json={
                "Text": "botocore.exceptions.ClientError: An error occurred (AccessDenied) when calling the "
                "GetObject operation: Access Denied"
            },
        )
    )
    assert body["TotalCount"] == 0 and body["MatchSet"] == []
    assert "No Tencent Cloud API error code" in body["Answer"]


def test_secrets_are_masked_in_the_answer(client):
    secret_id = "AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE1"
    text = (
        f"SecretId={secret_id} [TencentCloudSDKException] code:AuthFailure.SecretIdNotFound "
        f"message:The SecretId {secret_id} is not found requestId:11111111-2222-4333-8444-555555555555"
    )
    response = client.post("/api/v1/explain?lang=en", json={"Text": text})
    assert secret_id not in response.get_data(as_text=True)
    assert ok(response)["MatchSet"][0]["Code"] == "AuthFailure.SecretIdNotFound"


def test_explain_errors(client):
    error(client.post("/api/v1/explain", json={}), 400, "MissingParameter")
    error(client.post("/api/v1/explain", json={"Text": "   "}), 400, "MissingParameter")
    error(client.post("/api/v1/explain", json={"Text": 5}), 400, "InvalidParameterValue")
    error(client.post("/api/v1/explain", json={"Text": "x", "Extra": 1}), 400, "UnknownParameter")
    error(client.post("/api/v1/explain", json=["Text"]), 400, "InvalidParameter")
    error(
        client.post("/api/v1/explain", data=b"{broken", content_type="application/json"),
        400,
        "InvalidParameter",
    )
    error(
        client.post("/api/v1/explain", data=b"\xff\xfe\xfa", content_type="text/plain"),
        400,
        "InvalidParameterValue",
    )
    error(client.get("/api/v1/explain"), 405, "UnsupportedProtocol")


def test_explain_size_limits(client):
    error(client.post("/api/v1/explain", json={"Text": "a" * (64 * 1024 + 1)}), 400, "InvalidParameterValue")
    error(
        client.post("/api/v1/explain", data="a" * (300 * 1024), content_type="text/plain"),
        413,
        "RequestSizeLimitExceeded",
    )
    ok(client.post("/api/v1/explain", json={"Text": "InternalError " + "a" * (60 * 1024)}))


def test_secrets_echoed_in_errors_and_pages_are_masked(client):
    secret_id = "AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE1"
    for response in (
        client.get(f"/api/v1/errors/{secret_id}"),
        client.get(f"/api/v1/errors/InternalError?product={secret_id}"),
        client.get(f"/search?q={secret_id}&lang=en"),
        client.get(f"/errors/{secret_id}?lang=en"),
    ):
        assert response.status_code < 500
        assert secret_id not in response.get_data(as_text=True)


def test_code_of_several_products_gets_category_guidance_and_candidates(client):
    text = (
        "[TencentCloudSDKError] Code=ResourceNotFound.InstanceNotFound, Message=Instance not found., "
        "RequestId=3f2c9a1e-7b6d-4e5f-8a9b-0c1d2e3f4a5b"
    )
    match = ok(client.post("/api/v1/explain?lang=en", json={"Text": text}))["MatchSet"][0]
    assert match["Code"] == "ResourceNotFound.InstanceNotFound" and match["Product"] is None
    assert len(match["ProductCandidates"]) > 1
    assert match["ErrorCode"]["Code"] == "ResourceNotFound" and match["ErrorCode"]["Remediation"]
