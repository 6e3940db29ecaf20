"""Web views: parse input, call lookup/search, render."""

from __future__ import annotations

from collections import defaultdict

from flask import Blueprint, abort, redirect, render_template, request, url_for
from flask_babel import get_locale

from app.answer import compose_answer
from app.catalog.envelope_doc import envelope_document
from app.explain.mask import mask_secrets
from app.links import code_url
from app.lookup import category_entry, present, resolve
from app.paste import MAX_PASTE_BYTES, PasteTooLarge, explain_paste
from app.readmodel import current
from app.search.normalize import normalize_code
from app.search.service import search
from app.web.errors import not_found_page

bp = Blueprint(
    "web", __name__, template_folder="templates", static_folder="static", static_url_path="/static"
)
MAX_QUERY = 200
RELATED = 12
CATEGORY_PAGE = 100  # the largest categories have thousands of codes


def _lang() -> str:
    return str(get_locale())


@bp.get("/")
def index():
    model = current()
    common = model.derived(
        "common_codes",
        lambda m: sorted(
            (e for e in m.entries if e.product is None and e.kind == "code"), key=lambda e: e.code
        ),
    )
    return render_template("index.html", common=[present(model, e, _lang()) for e in common])


@bp.get("/search")
def search_page():
    query = (request.args.get("q") or "").strip()[:MAX_QUERY]
    if not query:
        return redirect(url_for("web.index"))
    model = current()
    product = model.product_slug(request.args.get("product") or "") if request.args.get("product") else None
    result = search(model, query, product=product, lang=_lang(), limit=50)
    hits = [(hit, present(model, hit.entry, _lang())) for hit in result.hits]
    return render_template(
        "results.html", query=mask_secrets(query), product=product, total=result.total, hits=hits
    )


def _render_code(model, entry, *, requested: str | None = None, suggestions=()):
    requested = mask_secrets(requested) if requested else None
    lang = _lang()
    presented = present(model, entry, lang)
    parent = category_entry(model, entry)
    siblings = (
        [
            e
            for e in model.by_product.get(entry.product, ())
            if e.category == entry.category and e is not entry
        ][:RELATED]
        if entry.product
        else []
    )
    same_category = [
        e
        for e in model.by_category.get(entry.category, ())
        if e.product is None and e is not entry and e is not parent
    ][:RELATED]
    return render_template(
        "code.html",
        p=presented,
        entry=entry,
        product=model.products.get(entry.product) if entry.product else None,
        parent=parent,
        siblings=siblings,
        same_category=same_category,
        answer=compose_answer(presented, presented.language or lang),
        permalink=code_url(entry),
        requested=requested,
        suggestions=suggestions,
    )


def _fallback(found) -> dict:
    if found.status != "fallback":
        return {}
    return {"requested": found.requested, "suggestions": found.suggestions}


@bp.get("/errors/<path:code>")
def code(code: str):
    model = current()
    found = resolve(model, code[:MAX_QUERY])
    if found.status == "not_found":
        return not_found_page(requested=mask_secrets(code[:MAX_QUERY]), suggestions=found.suggestions)
    if found.status == "ambiguous":
        lang = _lang()
        return render_template(
            "choose_product.html",
            code=found.requested,
            candidates=[(e, present(model, e, lang)) for e in found.candidates],
        )
    if found.entry.product:
        return redirect(url_for("web.product_code", product=found.entry.product, code=found.entry.code))
    if found.entry.code != code:
        if found.status == "found":
            return redirect(url_for("web.code", code=found.entry.code))
    return _render_code(model, found.entry, **_fallback(found))


@bp.get("/products/<product>/errors/<path:code>")
def product_code(product: str, code: str):
    model = current()
    slug = model.product_slug(product)
    if slug is None:
        return not_found_page(requested=product[:64], suggestions=[])
    found = resolve(model, code[:MAX_QUERY], slug)
    if found.status == "not_found":
        return not_found_page(requested=mask_secrets(code[:MAX_QUERY]), suggestions=found.suggestions)
    entry = found.entry
    if found.status == "found" and (entry.code != code or (entry.product and entry.product != product)):
        if entry.product:
            return redirect(url_for("web.product_code", product=entry.product, code=entry.code))
        return redirect(url_for("web.code", code=entry.code))
    return _render_code(model, entry, **_fallback(found))


@bp.get("/products")
def products():
    model = current()
    items = sorted(model.products.values(), key=lambda p: p.slug)
    return render_template("products.html", products=items)


@bp.get("/products/<product>")
def product(product: str):
    model = current()
    slug = model.product_slug(product)
    if slug is None:
        abort(404)
    if slug != product:
        return redirect(url_for("web.product", product=slug))
    groups = defaultdict(list)
    for entry in model.by_product.get(slug, ()):
        groups[entry.category].append(present(model, entry, _lang()))
    return render_template("product.html", product=model.products[slug], groups=sorted(groups.items()))


@bp.get("/categories")
def categories():
    model = current()
    lang = _lang()
    rows = []
    counts = ((name, len(entries)) for name, entries in model.by_category.items())
    for name, count in sorted(counts, key=lambda item: (-item[1], item[0])):
        guide = model.by_key.get((None, normalize_code(name)))
        rows.append((name, count, present(model, guide, lang) if guide else None))
    return render_template("categories.html", rows=rows)


@bp.get("/categories/<category>")
def category(category: str):
    model = current()
    entries = model.by_category.get(category, [])
    if not entries:
        abort(404)
    guide = model.by_key.get((None, normalize_code(category)))
    entries = [e for e in entries if e is not guide]
    pages = max(1, -(-len(entries) // CATEGORY_PAGE))
    page = min(max(request.args.get("page", 1, type=int) or 1, 1), pages)
    lang = _lang()
    shown = entries[(page - 1) * CATEGORY_PAGE : page * CATEGORY_PAGE]
    return render_template(
        "category.html",
        category=category,
        guide=present(model, guide, lang) if guide else None,
        total=len(entries),
        entries=[present(model, e, lang) for e in shown],
        page=page,
        pages=pages,
    )


@bp.get("/envelope")
def envelope():
    return render_template("envelope.html", doc=envelope_document(_lang()))


@bp.route("/explain", methods=["GET", "POST"])
def explain_page():
    if request.method == "GET":
        return redirect(url_for("web.index"))
    text = request.form.get("text", "")
    model = current()
    lang = _lang()
    error = None
    results = []
    if not text.strip():
        error = "empty"
    else:
        try:
            results = [
                (item, present(model, item.entry, lang) if item.entry else None)
                for item in explain_paste(model, text)
            ]
        except PasteTooLarge:
            error = "too_large"
    status = 200 if error is None else (413 if error == "too_large" else 400)
    masked = mask_secrets(text[:MAX_PASTE_BYTES]) if text else ""
    return render_template("explain.html", results=results, error=error, masked=masked), status
