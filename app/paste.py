"""Explain a paste: find the errors in it (app.explain) and resolve each against the catalogue.

The pasted text is only held in memory for the request: it is never stored or logged.
"""

from __future__ import annotations

from dataclasses import dataclass

from app.entries import Entry
from app.lookup import Resolution, category_entry, resolve
from app.readmodel import ReadModel

MAX_PASTE_BYTES = 64 * 1024


@dataclass
class Explained:
    finding: object  # app.explain.extract.Finding
    resolution: Resolution
    # What to explain it with: the entry itself, or, when several products define the code and the
    # paste does not say which, the guidance of its category.
    entry: Entry | None


class PasteTooLarge(ValueError):
    pass


def explain_catalog(model: ReadModel):
    from app.explain import ExplainCatalog

    def build(m: ReadModel):
        products = {
            slug: {"endpoint": p.endpoint, "aliases": list(p.aliases), **p.names}
            for slug, p in m.products.items()
        }
        return ExplainCatalog.from_entries(m.entries, products)

    return model.derived("explain", build)


def explain_paste(model: ReadModel, text: str) -> list[Explained]:
    if len(text.encode("utf-8")) > MAX_PASTE_BYTES:
        raise PasteTooLarge(f"The text is larger than {MAX_PASTE_BYTES // 1024} KB.")
    from app.explain.extract import find_errors

    explained = []
    for finding in find_errors(text, explain_catalog(model)):
        resolution = resolve(model, finding.code, finding.product)
        entry = resolution.entry
        if entry is None and resolution.candidates:
            entry = category_entry(model, resolution.candidates[0])
        explained.append(Explained(finding, resolution, entry))
    return explained
