"""Explain a paste: find the errors in it (app.explain) and resolve each against the catalogue.

The pasted text is only held in memory for the request: it is never stored or logged.
"""

from __future__ import annotations

from dataclasses import dataclass

from app.lookup import Resolution, resolve
from app.readmodel import ReadModel

MAX_PASTE_BYTES = 64 * 1024


@dataclass
class Explained:
    finding: object  # app.explain.extract.Finding
    resolution: Resolution


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
        explained.append(Explained(finding, resolve(model, finding.code, finding.product)))
    return explained
