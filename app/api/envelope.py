"""The only code that writes the API envelope.

Success: {"Response": {...fields..., "RequestId": "<uuid4>"}}.
Error:   {"Response": {"Error": {"Code": "<catalogue code>", "Message": "..."}, "RequestId": "..."}}
         (plus extra fields such as "Suggestions" where they help).
Every response also carries the RequestId in the X-Request-Id header.  Every Error.Code used here is
a common code of the catalogue, so an error of this service can be looked up in this service.
"""

from __future__ import annotations

import json
import logging
import uuid

from flask import Flask, Response, current_app, g, request
from werkzeug.exceptions import HTTPException

from app.explain.mask import mask_secrets

API_PREFIX = "/api/"
log = logging.getLogger(__name__)

# HTTP errors raised by Flask/Werkzeug itself, in the catalogue's words.
HTTP_ERRORS = {
    400: ("InvalidParameter", "The request could not be understood."),
    404: ("InvalidAction", "The requested API does not exist."),
    405: ("UnsupportedProtocol", "This API does not support the HTTP method used."),
    413: ("RequestSizeLimitExceeded", "The request body is too large."),
    415: ("InvalidParameter", "The request body has an unsupported content type."),
}
ERROR_CODES_USED = {code for code, _ in HTTP_ERRORS.values()} | {
    "InternalError",
    "InvalidParameter",
    "InvalidParameterValue",
    "RequestSizeLimitExceeded",
    "MissingParameter",
    "ResourceNotFound",
    "UnknownParameter",
}


class ApiError(Exception):
    """An error answered in the envelope; `code` must be a code of the catalogue."""

    def __init__(self, code: str, message: str, status: int = 400, **extra) -> None:
        assert code in ERROR_CODES_USED, code
        super().__init__(message)
        self.code, self.message, self.status, self.extra = code, message, status, extra


def request_id() -> str:
    if "request_id" not in g:
        g.request_id = str(uuid.uuid4())
    return g.request_id


def _json(body: dict, status: int) -> Response:
    # The standard library encoder directly: lookups are the hot path and every value here is plain.
    text = json.dumps(body, ensure_ascii=False, separators=(",", ":"))
    return Response(text, status, mimetype="application/json")


def respond(fields: dict, status: int = 200) -> Response:
    return _json({"Response": {**fields, "RequestId": request_id()}}, status)


def error_response(code: str, message: str, status: int, extra: dict | None = None) -> Response:
    # Messages can quote what the client sent, which may hold a pasted credential.
    body = {"Error": {"Code": code, "Message": mask_secrets(message)}, **(extra or {})}
    return _json({"Response": {**body, "RequestId": request_id()}}, status)


def _is_api() -> bool:
    return request.path.startswith(API_PREFIX) or request.path.rstrip("/") == "/api"


def init_app(app: Flask) -> None:
    @app.after_request
    def add_request_id(response: Response) -> Response:
        response.headers["X-Request-Id"] = request_id()
        return response

    @app.errorhandler(ApiError)
    def handle_api_error(error: ApiError):
        return error_response(error.code, error.message, error.status, error.extra)

    # App-level, not blueprint-level: a blueprint's 404 handler never sees unknown paths.
    @app.errorhandler(HTTPException)
    def handle_http_error(error: HTTPException):
        if not _is_api():
            html = current_app.extensions.get("html_error_page")
            return html(error) if html else error
        code, message = HTTP_ERRORS.get(error.code or 500, ("InternalError", "Internal error."))
        status = error.code or 500
        if status == 404:
            message = f"The API `{request.method} {request.path}` does not exist."
        response = error_response(code, message, status)
        allowed = getattr(error, "valid_methods", None)
        if allowed:
            response.headers["Allow"] = ", ".join(allowed)
        return response

    @app.errorhandler(Exception)
    def handle_unexpected(error: Exception):
        log.exception(
            "unhandled error on %s %s (RequestId %s)",
            request.method,
            mask_secrets(request.path),
            request_id(),
        )
        if not _is_api():
            html = current_app.extensions.get("html_error_page")
            if html:
                return html(None)
            raise error
        return error_response(
            "InternalError", "An internal error occurred. Quote the RequestId to report it.", 500
        )
