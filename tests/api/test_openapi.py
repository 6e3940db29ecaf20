"""The OpenAPI document describes what the API really answers (including every error path)."""

from __future__ import annotations

import jsonschema
import pytest
import schemathesis
from hypothesis import HealthCheck, settings

from app.api.openapi import openapi_document


def schema_for(name: str) -> dict:
    document = openapi_document()
    return {**document["components"]["schemas"][name], "components": document["components"]}


def validate(response, name: str) -> None:
    # $refs in the document point at #/components/...; resolve them against a root that has them.
    root = {"components": openapi_document()["components"], **schema_for(name)}
    jsonschema.validate(response.get_json(), root)


REAL_CALLS = [
    ("get", "/api/v1/errors/AuthFailure.SignatureExpire?lang=ja", 200, "LookupResponse"),
    ("get", "/api/v1/errors/ResourceNotFound.InstanceNotFound?lang=en", 200, "LookupResponse"),
    ("get", "/api/v1/errors/InvalidParameterValue.Whatever", 200, "LookupResponse"),
    ("get", "/api/v1/errors/NoSuchCodeAnywhere", 404, "ErrorResponse"),
    ("get", "/api/v1/search?q=署名&lang=ja", 200, "SearchResponse"),
    ("get", "/api/v1/search", 400, "ErrorResponse"),
    ("get", "/api/v1/products", 200, "ProductsResponse"),
    ("get", "/api/v1/products/cvm?lang=en", 200, "ProductResponse"),
    ("get", "/api/v1/envelope?lang=en", 200, "EnvelopeResponse"),
    ("get", "/api/v1/nope", 404, "ErrorResponse"),
]


@pytest.mark.parametrize("method, url, status, name", REAL_CALLS)
def test_real_responses_match_the_document(client, method, url, status, name):
    response = getattr(client, method)(url)
    assert response.status_code == status
    validate(response, name)


def test_document_is_served(client):
    body = client.get("/api/v1/openapi.json").get_json()
    assert body["openapi"].startswith("3.1")
    assert "/api/v1/errors/{code}" in body["paths"]


# The document needs no database; the app under test is attached when the session app exists.
schema = schemathesis.openapi.from_dict(openapi_document())


@pytest.fixture
def wsgi_app(app):
    schema.app = app
    return app


@schema.parametrize()
@settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
def test_generated_requests_never_break_the_contract(case, wsgi_app):
    """Whatever a client sends: no 500, JSON in the envelope, as documented."""
    response = case.call(app=wsgi_app)
    assert response.status_code < 500, response.text
    if response.request.method in ("GET", "POST"):  # HEAD and OPTIONS answer without a body
        body = response.json()
        assert "Response" in body and body["Response"]["RequestId"]
    if response.status_code == 413:  # a body over the server's limit: refused before parsing, by design
        assert response.json()["Response"]["Error"]["Code"] == "RequestSizeLimitExceeded"
        return
    # A well-formed but unknown product or code is rightly a 400/404, not "valid data rejected".
    case.validate_response(response, excluded_checks=[schemathesis.checks.positive_data_acceptance])
