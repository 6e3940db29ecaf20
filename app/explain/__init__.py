"""Explain: catalogue entries -> ExplainCatalog (built once) -> find_errors(paste) -> Findings.

`ExplainCatalog.from_entries(entries, products)` prepares what extraction needs: the codes by
normalised key with their spellings per product, the known categories, host/alias -> product, the
Terraform resource prefixes and the message matcher.  It is immutable and shared by every request.
"""

from __future__ import annotations

import json
from bisect import bisect_left
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from app.entries import Entry
from app.explain import formats as f
from app.explain.extract import Finding, Record, find_errors
from app.explain.messages import MessageMatcher, Template
from app.search.normalize import normalize_code

__all__ = ["CodeInfo", "ExplainCatalog", "Finding", "find_errors"]

TERRAFORM_PATH = Path(__file__).resolve().parents[1] / "catalog" / "data" / "terraform_resources.json"


@dataclass(frozen=True, slots=True)
class CodeInfo:
    """One normalised code: how each product (None: common, category or SDK client code) spells it."""

    spellings: Mapping[str | None, str]
    exact: frozenset[str]  # every spelling the catalogue uses
    products: frozenset[str]  # the products that have the code
    productless: bool  # a common code, a category entry or an SDK client code

    @classmethod
    def of(cls, spellings: Mapping[str | None, str]) -> CodeInfo:
        products = frozenset(p for p in spellings if p is not None)
        return cls(spellings, frozenset(spellings.values()), products, None in spellings)

    def spelling(self, product: str | None, written: str) -> str:
        """The catalogue's spelling for `product`, else the common one, else the one written."""
        if product in self.spellings:
            return self.spellings[product]
        if None in self.spellings:
            return self.spellings[None]
        return written if written in self.exact else min(self.exact)


@dataclass(frozen=True, slots=True)
class _Hint:
    pos: int
    slug: str
    leading: bool  # usually printed before its error (a traceback, a request log)


class ExplainCatalog:
    """What find_errors needs from one catalogue version."""

    def __init__(
        self,
        codes: dict[str, CodeInfo],
        categories: frozenset[str],
        product_keys: dict[str, str],
        terraform: list[tuple[str, str]],
        messages: MessageMatcher,
    ) -> None:
        self.codes = codes
        self.categories = categories
        self.product_keys = product_keys
        self.terraform = terraform
        self.messages = messages

    @classmethod
    def from_entries(
        cls,
        entries: Iterable[Entry],
        products: Mapping[str, Any],
        *,
        templates: list[Template] | None = None,
        terraform_path: Path = TERRAFORM_PATH,
    ) -> ExplainCatalog:
        entries = list(entries)
        spellings: dict[str, dict[str | None, str]] = {}
        categories: set[str] = set()
        for entry in entries:
            key = normalize_code(entry.code)
            spellings.setdefault(key, {}).setdefault(entry.product, entry.code)
            categories.add(normalize_code(entry.category))
            if entry.kind == "category":
                categories.add(key)
        codes = {key: CodeInfo.of(value) for key, value in spellings.items()}
        product_keys = _product_keys(products)
        prefixes = json.loads(terraform_path.read_text(encoding="utf-8"))["prefixes"]
        known = set(products)
        terraform = sorted(
            ((prefix, slug) for prefix, slug in prefixes.items() if not known or slug in known),
            key=lambda item: -len(item[0]),
        )
        matcher = MessageMatcher.from_entries(entries, templates)
        return cls(codes, frozenset(categories), product_keys, terraform, matcher)

    def product_slug(self, raw: str) -> str | None:
        """A product slug from a slug, endpoint prefix or alias as found in a paste."""
        return self.product_keys.get(raw.casefold())

    def terraform_product(self, resource: str) -> str | None:
        """The product of a Terraform resource or data source type, by its longest known prefix."""
        for prefix, slug in self.terraform:
            if resource.startswith(prefix):
                return slug
        return None

    def hints(self, scan: str, lower: str) -> list[_Hint]:
        """Product hints in the paste: endpoints, SDK module paths, tccli, CAM, Terraform resources."""
        found = []
        pos = lower.find(f.HOST_TAIL)
        while pos >= 0:
            window = lower[max(0, pos - 64) : pos]
            head = f.HOST_HEAD.search(window)
            slug = self.product_slug(head.group(1)) if head else None
            if slug is not None:
                found.append(_Hint(pos - len(window) + head.start(), slug, True))
            pos = lower.find(f.HOST_TAIL, pos + 1)
        for pattern, needle, leading in f.HINTS:
            if needle not in lower:
                continue
            for m in pattern.finditer(scan):
                raw = m.group(1)
                slug = self.terraform_product(raw) if pattern is f.TERRAFORM_HINT else self.product_slug(raw)
                if slug is not None:
                    found.append(_Hint(m.start(), slug, leading))
        found.sort(key=lambda h: h.pos)
        return found

    def attach_products(self, scan: str, lower: str, records: list[Record]) -> list[str | None]:
        """The product of each record (sorted by start).

        The nearest hint whose product has the code (or the code is common): inside the record, then
        between it and its neighbours, leading hints looked for before it and trailing ones after;
        else the only such product the paste names anywhere; else the only product that has the code.
        """
        hints = self.hints(scan, lower)
        positions = [h.pos for h in hints]
        slugs = {h.slug for h in hints}
        products = []
        for index, record in enumerate(records):
            prev_end = records[index - 1].end if index else -1
            next_start = records[index + 1].start if index + 1 < len(records) else len(scan) + 1
            at_start, at_end = bisect_left(positions, record.start), bisect_left(positions, record.end)
            inside = hints[at_start:at_end]
            before = hints[bisect_left(positions, prev_end) : at_start][::-1]
            after = hints[at_end : bisect_left(positions, next_start)]
            ordered = (
                inside
                + [h for h in before if h.leading]
                + [h for h in after if not h.leading]
                + [h for h in after if h.leading]
                + [h for h in before if not h.leading]
            )
            products.append(self._choose(record, ordered, slugs))
        return products

    def _choose(self, record: Record, ordered: list[_Hint], slugs: set[str]) -> str | None:
        info = record.info
        if record.product is not None:
            return record.product

        def fits(slug: str) -> bool:
            return info is None or info.productless or slug in info.products

        for hint in ordered:
            if fits(hint.slug):
                return hint.slug
        anywhere = {slug for slug in slugs if fits(slug)}
        if len(anywhere) == 1:
            return anywhere.pop()
        if info is not None and not info.productless and len(info.products) == 1:
            return next(iter(info.products))
        return None


def _product_keys(products: Mapping[str, Any]) -> dict[str, str]:
    """slug, endpoint prefix (`as` for autoscaling) and aliases -> slug; a slug wins over an alias."""
    keys: dict[str, str] = {}
    for slug, info in products.items():
        endpoint = _field(info, "endpoint") or ""
        aliases = [*(_field(info, "aliases") or ()), endpoint.split(".", 1)[0]]
        for alias in aliases:
            if alias:
                keys.setdefault(alias.casefold(), slug)
    for slug in products:
        keys[slug.casefold()] = slug
    return keys


def _field(info: Any, name: str) -> Any:
    return info.get(name) if isinstance(info, Mapping) else getattr(info, name, None)
