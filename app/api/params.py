"""Query parameters of the API: strict parsing into typed values, or an ApiError."""

from __future__ import annotations

from collections.abc import Mapping

from flask import request

from app.api.envelope import ApiError
from app.i18n import CONTENT_LANGUAGES
from app.readmodel import ReadModel

MAX_QUERY_LENGTH = 200
MAX_LIMIT = 100


def check_known(args: Mapping, allowed: set[str]) -> None:
    unknown = sorted(set(args) - allowed)
    if unknown:
        raise ApiError(
            "UnknownParameter",
            f"Unknown parameter `{unknown[0]}`; this API accepts: {', '.join(sorted(allowed))}.",
        )


def lang(args: Mapping) -> str:
    value = args.get("lang")
    if value is None:
        return request.accept_languages.best_match(CONTENT_LANGUAGES) or "ja"
    value = value.strip().lower()
    if value not in CONTENT_LANGUAGES:
        raise ApiError(
            "InvalidParameterValue",
            f"Parameter `lang` must be one of {', '.join(CONTENT_LANGUAGES)}.",
        )
    return value


def limit(args: Mapping, default: int = 10) -> int:
    raw = args.get("limit")
    if raw is None:
        return default
    try:
        value = int(raw)
    except ValueError:
        value = 0
    if not 1 <= value <= MAX_LIMIT:
        raise ApiError(
            "InvalidParameterValue", f"Parameter `limit` must be an integer from 1 to {MAX_LIMIT}."
        )
    return value


def required_text(args: Mapping, name: str, max_length: int = MAX_QUERY_LENGTH) -> str:
    value = (args.get(name) or "").strip()
    if not value:
        raise ApiError("MissingParameter", f"Parameter `{name}` is required.")
    if len(value) > max_length:
        raise ApiError("InvalidParameterValue", f"Parameter `{name}` is longer than {max_length} characters.")
    return value


def product(model: ReadModel, raw: str | None, field_name: str = "product") -> str | None:
    if raw is None:
        return None
    slug = model.product_slug(raw) if raw.strip() else None
    if slug is None:
        raise ApiError(
            "InvalidParameterValue",
            f"Parameter `{field_name}`: unknown product `{raw.strip()[:64]}`; see /api/v1/products.",
        )
    return slug
