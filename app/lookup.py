"""Resolve a code as typed (with an optional product) to catalogue entries, with fallbacks.

Order: the product's own entry; the common code; every product that defines the code; the entry of
the code's category for an uncatalogued subcode; otherwise close matches to suggest.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from rapidfuzz import fuzz, process

from app.entries import Entry, Text
from app.i18n import content_fallback, pick
from app.readmodel import ReadModel
from app.search.normalize import normalize_code


@dataclass
class Resolution:
    status: str  # found | ambiguous | fallback | not_found
    requested: str
    entry: Entry | None = None
    candidates: list[Entry] = field(default_factory=list)
    suggestions: list[str] = field(default_factory=list)


@dataclass
class Presented:
    """An entry as shown to people in one language, with inherited guidance applied."""

    entry: Entry
    language: str | None
    description: str | None
    description_origin: str | None
    remediation: tuple[str, ...]
    remediation_language: str | None
    remediation_from: str | None  # the code whose steps are shown (own code or its category)
    remediation_origin: str | None
    other_descriptions: dict[str, Text]


def _common(model: ReadModel, key: str) -> Entry | None:
    return model.by_key.get((None, key))


def category_entry(model: ReadModel, entry: Entry) -> Entry | None:
    """The common code or category entry whose guidance a product code or subcode inherits."""
    parent = _common(model, normalize_code(entry.category))
    return None if parent is None or parent is entry else parent


def suggestions(model: ReadModel, key: str, limit: int = 5) -> list[str]:
    keys = model.derived("lookup_keys", lambda m: list(m.by_code))
    found = process.extract(key, keys, scorer=fuzz.ratio, limit=limit, score_cutoff=70)
    return [model.by_code[match][0].code for match, _, _ in found]


def resolve(model: ReadModel, raw_code: str, product: str | None = None) -> Resolution:
    key = normalize_code(raw_code)
    if product:
        own = model.by_key.get((product, key))
        if own is not None:
            return Resolution("found", own.code, own)
    common = _common(model, key)
    if common is not None:
        return Resolution("found", common.code, common)
    candidates = [e for e in model.by_code.get(key, ()) if e.product]
    if candidates and not product:
        status = "found" if len(candidates) == 1 else "ambiguous"
        return Resolution(
            status, candidates[0].code, candidates[0] if status == "found" else None, candidates
        )
    requested = candidates[0].code if candidates else raw_code.strip()
    if "." in key:
        parent = _common(model, key.split(".", 1)[0])
        if parent is not None:
            # A typo of a known code lands here too, so offer the close matches as well.
            return Resolution("fallback", requested, parent, candidates, suggestions(model, key))
    return Resolution("not_found", requested, None, candidates, suggestions(model, key))


def present(model: ReadModel, entry: Entry, lang: str) -> Presented:
    served, text = pick(entry.descriptions, lang)
    steps_lang, steps = pick(entry.remediation, lang)
    remediation_from = entry.code if steps else None
    origin = entry.remediation_origin.get(steps_lang) if steps else None
    if not steps:
        parent = category_entry(model, entry)
        if parent is not None:
            steps_lang, steps = pick(parent.remediation, lang)
            remediation_from = parent.code if steps else None
            origin = parent.remediation_origin.get(steps_lang) if steps else None
    others = {
        other: entry.descriptions[other]
        for other in content_fallback(lang)
        if other != served and other in entry.descriptions
    }
    return Presented(
        entry=entry,
        language=served,
        description=text.text if text else None,
        description_origin=text.origin if text else None,
        remediation=tuple(steps or ()),
        remediation_language=steps_lang,
        remediation_from=remediation_from,
        remediation_origin=origin,
        other_descriptions=others,
    )
