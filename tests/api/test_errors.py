"""GET /api/v1/errors/<code>: the envelope, normalisation, fallbacks and every error path."""

from __future__ import annotations

import uuid

import pytest

from app.api.envelope import ERROR_CODES_USED


def ok(response):
    assert response.status_code == 200, response.get_json()
    body = response.get_json()["Response"]
    assert uuid.UUID(body["RequestId"]).version == 4
    assert response.headers["X-Request-Id"] == body["RequestId"]
    assert "Error" not in body
    return body


def error(response, status, code):
    assert response.status_code == status, response.get_data(as_text=True)
    assert response.mimetype == "application/json"
    body = response.get_json()["Response"]
    assert body["Error"]["Code"] == code
    assert body["Error"]["Message"]
    assert response.headers["X-Request-Id"] == body["RequestId"]
    return body


@pytest.mark.parametrize(
    "raw",
    [
        "AuthFailure.SignatureExpire",
        "authfailure.signatureexpire",
        "ａｕｔｈｆａｉｌｕｒｅ.signatureexpire",
        "  AuthFailure.SignatureExpire  ",
        '"AuthFailure.SignatureExpire"',
        "'AuthFailure.SignatureExpire'",
        "「AuthFailure．SignatureExpire」",
    ],
)
def test_lookup_forgives_case_width_spaces_and_quotes(client, raw):
    body = ok(client.get(f"/api/v1/errors/{raw}", query_string={"lang": "en"}))
    assert body["ErrorCode"]["Code"] == "AuthFailure.SignatureExpire"


def test_common_code_in_japanese_keeps_the_seed_text(client):
    code = ok(client.get("/api/v1/errors/AuthFailure.SignatureExpire?lang=ja"))["ErrorCode"]
    assert code["Product"] is None
    assert code["Category"] == "AuthFailure"
    assert code["Description"] == "署名期限切れ。"
    assert code["DescriptionSource"] == "seed"
    assert code["Language"] == "ja"
    assert 2 <= len(code["Remediation"]) <= 5
    assert any("NTP" in step for step in code["Remediation"])
    assert code["Retryable"] in {"yes", "no", "after_fix"}
    assert "RequestId" in code["Answer"]
    assert code["Url"].endswith("/errors/AuthFailure.SignatureExpire")


def test_english_lookup(client):
    code = ok(client.get("/api/v1/errors/RequestLimitExceeded?lang=en"))["ErrorCode"]
    assert code["Language"] == "en"
    assert code["Retryable"] == "yes"
    assert code["Answer"].startswith("RequestLimitExceeded means")


def test_all_38_common_codes_resolve_in_both_languages(client):
    from app.catalog.bundle import read_bundle

    common = [c.code for c in read_bundle().codes if c.kind == "code" and not c.product]
    assert len(common) == 38
    for code in common:
        for lang in ("ja", "en"):
            body = ok(client.get(f"/api/v1/errors/{code}", query_string={"lang": lang}))["ErrorCode"]
            assert body["Language"] == lang and body["Description"] and body["Remediation"]


def test_unknown_code_is_404_with_close_matches(client):
    body = error(client.get("/api/v1/errors/AuthFailur.SignatureExpire"), 404, "ResourceNotFound")
    assert "AuthFailure.SignatureExpire" in body["Suggestions"]
    error(client.get("/api/v1/errors/NoSuchThingAnywhere"), 404, "ResourceNotFound")


def test_uncatalogued_subcode_falls_back_to_its_category(client):
    body = ok(client.get("/api/v1/errors/InvalidParameterValue.SomethingNew?lang=en"))
    assert body["Catalogued"] is False and body["Fallback"] is True
    assert body["RequestedCode"] == "InvalidParameterValue.SomethingNew"
    assert body["ErrorCode"]["Code"] == "InvalidParameterValue"
    assert body["ErrorCode"]["Remediation"]


def test_typo_of_a_known_subcode_suggests_it(client):
    body = ok(client.get("/api/v1/errors/AuthFailure.SignatureExpir"))
    assert body["Fallback"] is True
    assert body["Suggestions"][0] == "AuthFailure.SignatureExpire"


def test_unknown_lang_is_invalid_parameter_value(client):
    error(client.get("/api/v1/errors/InternalError?lang=fr"), 400, "InvalidParameterValue")


def test_unknown_parameter(client):
    body = error(client.get("/api/v1/errors/InternalError?language=ja"), 400, "UnknownParameter")
    assert "language" in body["Error"]["Message"]


def test_unknown_api_path_is_invalid_action(client):
    error(client.get("/api/v1/nothing-here"), 404, "InvalidAction")
    error(client.get("/api/v2/errors/InternalError"), 404, "InvalidAction")


def test_wrong_method_is_in_the_envelope(client):
    error(client.delete("/api/v1/errors/InternalError"), 405, "UnsupportedProtocol")


def test_every_error_code_the_api_emits_is_in_the_catalogue(client):
    for code in sorted(ERROR_CODES_USED):
        ok(client.get(f"/api/v1/errors/{code}"))


@pytest.mark.parametrize("raw", ["%00", "a" * 300, "%F0%9F%98%80", "..", "<script>", "Auth%2FFailure"])
def test_odd_codes_never_500(client, raw):
    response = client.get(f"/api/v1/errors/{raw}")
    assert response.status_code in (400, 404)
    assert response.get_json()["Response"]["Error"]["Code"]
