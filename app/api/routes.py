"""API views: parse parameters, call lookup/search/explain, serialise into the envelope."""

from __future__ import annotations

from flask import Blueprint, request

from app.api import params
from app.api.envelope import ApiError, respond
from app.api.serialize import error_code, explain_summary, match_object, product_object
from app.catalog.envelope_doc import envelope_document
from app.lookup import resolve
from app.paste import PasteTooLarge, explain_paste
from app.readmodel import current
from app.search.service import search

bp = Blueprint("api", __name__, url_prefix="/api/v1")


@bp.get("/errors/<path:code>")
def get_error(code: str):
    params.check_known(request.args, {"lang", "product"})
    lang = params.lang(request.args)
    model = current()
    product = params.product(model, request.args.get("product"))
    if not code.strip() or len(code) > params.MAX_QUERY_LENGTH:
        raise ApiError("InvalidParameterValue", "The code must be 1 to 200 characters long.")
    found = resolve(model, code, product)
    if found.status == "not_found":
        raise ApiError(
            "ResourceNotFound",
            f"The error code `{code.strip()[:200]}` is not in the catalogue.",
            404,
            Suggestions=found.suggestions,
        )
    fields: dict = {"Catalogued": found.status != "fallback", "Fallback": found.status == "fallback"}
    if found.status == "fallback":
        fields["RequestedCode"] = found.requested
        fields["Suggestions"] = found.suggestions
    fields["ErrorCode"] = error_code(model, found.entry, lang) if found.entry else None
    if found.candidates and not product:
        fields["TotalCount"] = len(found.candidates)
        fields["ErrorCodeSet"] = [error_code(model, e, lang) for e in found.candidates]
    return respond(fields)


@bp.get("/search")
def search_codes():
    params.check_known(request.args, {"q", "lang", "limit", "product"})
    query = params.required_text(request.args, "q")
    lang = params.lang(request.args)
    limit = params.limit(request.args)
    model = current()
    product = params.product(model, request.args.get("product"))
    result = search(model, query, product=product, lang=lang, limit=limit)
    return respond(
        {
            "TotalCount": result.total,
            "ErrorCodeSet": [error_code(model, hit.entry, lang) for hit in result.hits],
        }
    )


@bp.get("/products")
def list_products():
    params.check_known(request.args, {"lang"})
    lang = params.lang(request.args)
    products = sorted(current().products.values(), key=lambda p: p.slug)
    return respond({"TotalCount": len(products), "ProductSet": [product_object(p, lang) for p in products]})


@bp.get("/products/<name>")
def get_product(name: str):
    params.check_known(request.args, {"lang"})
    lang = params.lang(request.args)
    model = current()
    slug = model.product_slug(name)
    if slug is None:
        raise ApiError("ResourceNotFound", f"The product `{name[:64]}` is not in the catalogue.", 404)
    entries = model.by_product.get(slug, [])
    return respond(
        {
            "Product": product_object(model.products[slug], lang),
            "TotalCount": len(entries),
            "ErrorCodeSet": [error_code(model, e, lang) for e in entries],
        }
    )


@bp.get("/envelope")
def get_envelope():
    params.check_known(request.args, {"lang"})
    return respond({"Envelope": envelope_document(params.lang(request.args))})


@bp.get("/openapi.json")
def openapi():
    from flask import jsonify

    from app.api.openapi import openapi_document

    return jsonify(openapi_document())


def _pasted_text() -> str:
    """The text to explain: {"Text": "..."} as JSON, or the body itself as plain text."""
    if request.mimetype == "application/json":
        body = request.get_json(silent=True)
        if not isinstance(body, dict):
            raise ApiError("InvalidParameter", 'The body must be a JSON object such as {"Text": "..."}.')
        params.check_known(body, {"Text"})
        text = body.get("Text")
        if text is None:
            raise ApiError("MissingParameter", "Parameter `Text` is required.")
        if not isinstance(text, str):
            raise ApiError("InvalidParameterValue", "Parameter `Text` must be a string.")
    else:
        try:
            text = request.get_data(cache=False).decode("utf-8")
        except UnicodeDecodeError:
            raise ApiError("InvalidParameterValue", "The body must be UTF-8 text.") from None
    if not text.strip():
        raise ApiError("MissingParameter", "There is no text to explain.")
    return text


@bp.post("/explain")
def explain():
    params.check_known(request.args, {"lang"})
    lang = params.lang(request.args)
    text = _pasted_text()
    model = current()
    try:
        explained = explain_paste(model, text)
    except PasteTooLarge as error:
        raise ApiError("InvalidParameterValue", f"Parameter `Text`: {error}", 400) from None
    matches = [match_object(model, item, lang) for item in explained]
    return respond(
        {"TotalCount": len(matches), "MatchSet": matches, "Answer": explain_summary(explained, lang)}
    )
