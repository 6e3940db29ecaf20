"""The OpenAPI 3.1 document of /api/v1, which the tests check real responses against."""

from __future__ import annotations

from app.i18n import CONTENT_LANGUAGES

NULLABLE_STRING = {"type": ["string", "null"]}
REQUEST_ID = {"type": "string", "format": "uuid"}


def _envelope(fields: dict, required: list[str]) -> dict:
    return {
        "type": "object",
        "required": ["Response"],
        "properties": {
            "Response": {
                "type": "object",
                "required": [*required, "RequestId"],
                "properties": {**fields, "RequestId": REQUEST_ID},
            }
        },
    }


def _ref(name: str) -> dict:
    return {"$ref": f"#/components/schemas/{name}"}


def _param(name: str, schema: dict, description: str, required: bool = False, where: str = "query") -> dict:
    return {"name": name, "in": where, "required": required, "schema": schema, "description": description}


LANG = _param(
    "lang",
    {"type": "string", "enum": list(CONTENT_LANGUAGES)},
    "Content language; descriptions fall back to en, ja, zh. Default: Accept-Language, then ja.",
)
PRODUCT = _param(
    "product", {"type": "string", "minLength": 1, "maxLength": 64}, "Product slug or alias (cvm, as, ...)."
)


def _responses(ok_schema: str, *errors: int) -> dict:
    responses = {
        "200": {"description": "Success", "content": {"application/json": {"schema": _ref(ok_schema)}}}
    }
    for status in (*errors, 404, 405):
        responses[str(status)] = {
            "description": "Error in the envelope; Error.Code is a code of this catalogue",
            "content": {"application/json": {"schema": _ref("ErrorResponse")}},
        }
    return responses


def openapi_document() -> dict:
    error_code = {
        "type": "object",
        "required": [
            "Code",
            "Product",
            "Category",
            "Description",
            "Remediation",
            "Retryable",
            "Language",
            "Answer",
            "Url",
        ],
        "properties": {
            "Code": {"type": "string"},
            "Product": NULLABLE_STRING,
            "ProductName": NULLABLE_STRING,
            "Category": {"type": "string"},
            "Kind": {"type": "string", "enum": ["code", "category", "client"]},
            "Source": {"type": "string"},
            "Description": NULLABLE_STRING,
            "DescriptionSource": NULLABLE_STRING,
            "Remediation": {"type": "array", "items": {"type": "string"}},
            "RemediationFrom": NULLABLE_STRING,
            "Retryable": {"type": "string", "enum": ["yes", "no", "after_fix"]},
            "Language": NULLABLE_STRING,
            "Versions": {"type": "array", "items": {"type": "string"}},
            "Retired": {"type": "boolean"},
            "LastSeenIn": NULLABLE_STRING,
            "Answer": {"type": "string"},
            "Url": {"type": "string"},
        },
    }
    product = {
        "type": "object",
        "required": ["Product", "Name", "CodeCount"],
        "properties": {
            "Product": {"type": "string"},
            "Name": {"type": "string"},
            "Endpoint": NULLABLE_STRING,
            "Aliases": {"type": "array", "items": {"type": "string"}},
            "Versions": {"type": "array", "items": {"type": "string"}},
            "CodeCount": {"type": "integer"},
            "Retired": {"type": "boolean"},
        },
    }
    match = {
        "type": "object",
        "required": ["Code", "Product", "RequestId", "Message", "MatchedBy", "Confidence", "ErrorCode"],
        "properties": {
            "Code": {"type": "string"},
            "Product": NULLABLE_STRING,
            "RequestId": NULLABLE_STRING,
            "Message": NULLABLE_STRING,
            "MatchedBy": {"type": "string", "enum": ["code", "message"]},
            "Confidence": {"type": "number"},
            "Catalogued": {"type": "boolean"},
            "ErrorCode": {"oneOf": [_ref("ErrorCode"), {"type": "null"}]},
        },
    }
    schemas = {
        "ErrorCode": error_code,
        "Product": product,
        "Match": match,
        "ErrorResponse": _envelope(
            {
                "Error": {
                    "type": "object",
                    "required": ["Code", "Message"],
                    "properties": {"Code": {"type": "string"}, "Message": {"type": "string"}},
                },
                "Suggestions": {"type": "array", "items": {"type": "string"}},
            },
            ["Error"],
        ),
        "LookupResponse": _envelope(
            {
                "ErrorCode": {"oneOf": [_ref("ErrorCode"), {"type": "null"}]},
                "Catalogued": {"type": "boolean"},
                "Fallback": {"type": "boolean"},
                "RequestedCode": {"type": "string"},
                "Suggestions": {"type": "array", "items": {"type": "string"}},
                "TotalCount": {"type": "integer"},
                "ErrorCodeSet": {"type": "array", "items": _ref("ErrorCode")},
            },
            ["ErrorCode", "Catalogued", "Fallback"],
        ),
        "SearchResponse": _envelope(
            {
                "TotalCount": {"type": "integer"},
                "ErrorCodeSet": {"type": "array", "items": _ref("ErrorCode")},
            },
            ["TotalCount", "ErrorCodeSet"],
        ),
        "ProductsResponse": _envelope(
            {"TotalCount": {"type": "integer"}, "ProductSet": {"type": "array", "items": _ref("Product")}},
            ["TotalCount", "ProductSet"],
        ),
        "ProductResponse": _envelope(
            {
                "Product": _ref("Product"),
                "TotalCount": {"type": "integer"},
                "ErrorCodeSet": {"type": "array", "items": _ref("ErrorCode")},
            },
            ["Product", "TotalCount", "ErrorCodeSet"],
        ),
        "EnvelopeResponse": _envelope({"Envelope": {"type": "object"}}, ["Envelope"]),
        "ExplainResponse": _envelope(
            {
                "TotalCount": {"type": "integer"},
                "MatchSet": {"type": "array", "items": _ref("Match")},
                "Answer": {"type": "string"},
            },
            ["TotalCount", "MatchSet", "Answer"],
        ),
    }
    paths = {
        "/api/v1/errors/{code}": {
            "get": {
                "operationId": "getErrorCode",
                "summary": "Look up an error code (forgiving case, width, spaces and quotes)",
                "parameters": [
                    _param(
                        "code",
                        {"type": "string", "minLength": 1, "maxLength": 200},
                        "The error code",
                        True,
                        "path",
                    ),
                    LANG,
                    PRODUCT,
                ],
                "responses": _responses("LookupResponse", 400),
            }
        },
        "/api/v1/search": {
            "get": {
                "operationId": "searchErrorCodes",
                "summary": "Ranked search over codes, descriptions and remediation",
                "parameters": [
                    _param("q", {"type": "string", "minLength": 1, "maxLength": 200}, "Query", True),
                    LANG,
                    PRODUCT,
                    _param("limit", {"type": "integer", "minimum": 1, "maximum": 100}, "Default 10"),
                ],
                "responses": _responses("SearchResponse", 400),
            }
        },
        "/api/v1/products": {
            "get": {
                "operationId": "listProducts",
                "summary": "Products with names and code counts",
                "parameters": [LANG],
                "responses": _responses("ProductsResponse", 400),
            }
        },
        "/api/v1/products/{product}": {
            "get": {
                "operationId": "getProduct",
                "summary": "A product and all its codes",
                "parameters": [
                    _param(
                        "product",
                        {"type": "string", "minLength": 1, "maxLength": 64},
                        "Product slug or alias",
                        True,
                        "path",
                    ),
                    LANG,
                ],
                "responses": _responses("ProductResponse", 400),
            }
        },
        "/api/v1/envelope": {
            "get": {
                "operationId": "getEnvelope",
                "summary": "The response envelope and what its fields mean",
                "parameters": [LANG],
                "responses": _responses("EnvelopeResponse", 400),
            }
        },
        "/api/v1/explain": {
            "post": {
                "operationId": "explainPaste",
                "summary": "Find every error code, request id and product in a pasted text",
                "parameters": [LANG],
                "requestBody": {
                    "required": True,
                    "content": {
                        "application/json": {
                            "schema": {
                                "type": "object",
                                "required": ["Text"],
                                "properties": {"Text": {"type": "string", "maxLength": 65536}},
                                "additionalProperties": False,
                            }
                        },
                        "text/plain": {"schema": {"type": "string", "maxLength": 65536}},
                    },
                },
                "responses": _responses("ExplainResponse", 400, 413),
            }
        },
    }
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "Tencent Cloud API error code reference",
            "version": "1.0.0",
            "description": "Answers in the Tencent Cloud API 3.0 envelope. Every error this API "
            "returns is itself a code documented by this API.",
        },
        "paths": paths,
        "components": {"schemas": schemas},
    }
