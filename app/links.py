"""Permanent URLs of code pages, shared by the API (the `Url` field) and the web UI."""

from __future__ import annotations

from flask import url_for

from app.entries import Entry


def code_url(entry: Entry, external: bool = True) -> str:
    if entry.product:
        return url_for("web.product_code", product=entry.product, code=entry.code, _external=external)
    return url_for("web.code", code=entry.code, _external=external)
