"""Permanent URLs of code pages, shared by the API (the `Url` field) and the web UI."""

from __future__ import annotations

from flask import request, url_for

from app.entries import Entry

_paths: dict[tuple[str, str | None, str], str] = {}


def code_path(entry: Entry) -> str:
    """The page's path (with the app's script root); url_for is costly on the lookup hot path."""
    key = (request.script_root, entry.product, entry.code)
    path = _paths.get(key)
    if path is None:
        if entry.product:
            path = url_for("web.product_code", product=entry.product, code=entry.code)
        else:
            path = url_for("web.code", code=entry.code)
        if len(_paths) < 100_000:
            _paths[key] = path
    return path


def code_url(entry: Entry) -> str:
    return request.host_url.rstrip("/") + code_path(entry)
