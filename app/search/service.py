"""The search operation over the current read model (the index is built once per catalogue version)."""

from __future__ import annotations

from app.readmodel import ReadModel


def search_index(model: ReadModel):
    from app.search.index import SearchIndex

    return model.derived("search", lambda m: SearchIndex.build(m.entries, product_aliases=m.product_keys))


def search(
    model: ReadModel, query: str, *, product: str | None = None, lang: str | None = None, limit: int = 10
):
    return search_index(model).search(query, product=product, lang=lang, limit=limit)
