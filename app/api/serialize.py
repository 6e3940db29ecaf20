"""Entries and products -> the JSON objects of the API (one shape everywhere)."""

from __future__ import annotations

from app.answer import compose_answer
from app.entries import Entry
from app.links import code_url
from app.lookup import present
from app.readmodel import ProductView, ReadModel


def error_code(model: ReadModel, entry: Entry, lang: str) -> dict:
    """The ErrorCode object; all but the absolute Url is memoised per catalogue version."""
    key = ("error_code", entry.id, lang)
    fields = model.memo.get(key)
    if fields is None:
        fields = model.memo[key] = _error_code_fields(model, entry, lang)
    return {**fields, "Url": code_url(entry)}


def _error_code_fields(model: ReadModel, entry: Entry, lang: str) -> dict:
    presented = present(model, entry, lang)
    product = model.products.get(entry.product) if entry.product else None
    return {
        "Code": entry.code,
        "Product": entry.product,
        "ProductName": product.name(lang) if product else None,
        "Category": entry.category,
        "Kind": entry.kind,
        "Source": entry.source,
        "Description": presented.description,
        "DescriptionSource": presented.description_origin,
        "Remediation": list(presented.remediation),
        "RemediationFrom": presented.remediation_from,
        "Retryable": entry.retryable,
        "Language": presented.language,
        "Versions": list(entry.versions),
        "Retired": entry.retired_in is not None,
        "LastSeenIn": entry.retired_in,
        "Answer": compose_answer(presented, presented.language or lang),
    }


def product_object(product: ProductView, lang: str) -> dict:
    return {
        "Product": product.slug,
        "Name": product.name(lang),
        "Endpoint": product.endpoint,
        "Aliases": list(product.aliases),
        "Versions": list(product.versions),
        "CodeCount": product.code_count,
        "Retired": product.retired,
    }


def match_object(model: ReadModel, item, lang: str) -> dict:
    finding, resolution, entry = item.finding, item.resolution, item.entry
    return {
        "Code": finding.code,
        "Product": finding.product or (entry.product if entry else None),
        "RequestId": finding.request_id,
        "Message": finding.message,
        "MatchedBy": finding.match,
        "Confidence": round(float(finding.confidence), 3),
        "Catalogued": resolution.status in ("found", "ambiguous"),
        # Several products define the code and the paste does not say which: ask the customer.
        "ProductCandidates": [e.product for e in resolution.candidates]
        if resolution.status == "ambiguous"
        else [],
        "ErrorCode": error_code(model, entry, lang) if entry else None,
    }


NO_MATCH = {
    "ja": "Tencent Cloud API のエラーコードは見つかりませんでした。別のクラウドや HTTP のエラーの可能性があります。"
    "エラー応答の全文(Code と RequestId を含む部分)を貼り付けてください。",
    "en": "No Tencent Cloud API error code was found. It may be an error from another cloud or a plain "
    "HTTP error; paste the whole error response, including its Code and RequestId.",
}


def explain_summary(explained: list, lang: str) -> str:
    if not explained:
        return NO_MATCH.get(lang, NO_MATCH["en"])
    found = ", ".join(dict.fromkeys(item.finding.code for item in explained))
    if lang == "ja":
        return f"{len(explained)} 件のエラーが見つかりました: {found}"
    return f"Found {len(explained)} error(s): {found}"
