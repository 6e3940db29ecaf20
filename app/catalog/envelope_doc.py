"""The seed's response-envelope sections as content, in one language (zh falls back to English)."""

from __future__ import annotations

import json
from functools import lru_cache

from app.catalog.bundle import DATA_DIR


@lru_cache(maxsize=1)
def _document() -> dict:
    return json.loads((DATA_DIR / "envelope.json").read_text(encoding="utf-8"))


def envelope_document(lang: str) -> dict:
    doc = _document()
    use = lang if lang in doc["title"] else "en"

    def section(name: str) -> dict:
        part = doc[name]
        return {"Example": part["example"], "Points": part["points"].get(use) or part["points"]["en"]}

    return {
        "Language": use,
        "Title": doc["title"][use],
        "Introduction": doc["intro"][use],
        "Success": section("success"),
        "Error": section("error"),
        "Fields": [{"Name": f["name"], "Meaning": f.get(use) or f["en"]} for f in doc["fields"]],
    }
