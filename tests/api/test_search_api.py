"""GET /api/v1/search: parameters, envelope and the basic ranking promises in both languages."""

from __future__ import annotations

import pytest

from tests.api.test_errors import error, ok


def codes(client, **params):
    body = ok(client.get("/api/v1/search", query_string=params))
    assert body["TotalCount"] >= len(body["ErrorCodeSet"])
    return [item["Code"] for item in body["ErrorCodeSet"]]


@pytest.mark.parametrize(
    "query, lang, expected",
    [
        ("AuthFailure.SignatureExpire", "en", "AuthFailure.SignatureExpire"),
        ("SignatureExpire", "en", "AuthFailure.SignatureExpire"),
        ("署名", "ja", "AuthFailure.SignatureExpire"),
        ("期限切れ", "ja", "AuthFailure.SignatureExpire"),
        ("signature expired", "en", "AuthFailure.SignatureExpire"),
        ("RequestLimitExceeded", "ja", "RequestLimitExceeded"),
    ],
)
def test_search_finds(client, query, lang, expected):
    found = codes(client, q=query, lang=lang, limit=5)
    assert expected in found


def test_exact_code_ranks_first(client):
    assert codes(client, q="internalerror", lang="en")[0] == "InternalError"


def test_limit_is_respected(client):
    assert len(codes(client, q="invalid parameter", lang="en", limit=3)) == 3


def test_missing_q(client):
    error(client.get("/api/v1/search"), 400, "MissingParameter")
    error(client.get("/api/v1/search?q=%20%20"), 400, "MissingParameter")


@pytest.mark.parametrize("limit", ["0", "101", "ten", "-1", "1.5"])
def test_bad_limit(client, limit):
    error(client.get("/api/v1/search", query_string={"q": "x", "limit": limit}), 400, "InvalidParameterValue")


def test_bad_lang_and_unknown_parameter(client):
    error(client.get("/api/v1/search?q=x&lang=de"), 400, "InvalidParameterValue")
    error(client.get("/api/v1/search?q=x&page=2"), 400, "UnknownParameter")


def test_too_long_query(client):
    error(client.get("/api/v1/search", query_string={"q": "x" * 201}), 400, "InvalidParameterValue")
