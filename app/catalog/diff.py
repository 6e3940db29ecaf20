"""Catalogue sources -> database: what changed between two SDK snapshots, per product, as a report.

A sync shows this report before it replaces the snapshot, so a reviewer sees which codes a new SDK
release adds, drops or rewords.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from app.catalog.snapshot import LANGUAGES, ProductInfo, Snapshot, SnapshotEntry


@dataclass(frozen=True, slots=True)
class TextChange:
    """A description of one code that changed in one language (None: the SDK lacked the code)."""

    code: str
    lang: str
    old: str | None
    new: str | None


@dataclass
class ProductDiff:
    """Changes within one product; `status` is "added", "removed" or "changed"."""

    product: str
    status: str = "changed"
    added: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    texts: list[TextChange] = field(default_factory=list)
    # Codes whose API versions changed (a code dropped from a new API version, for instance).
    versions: list[str] = field(default_factory=list)
    # Product-level fields that changed: (name, old, new).
    fields: list[tuple[str, str, str]] = field(default_factory=list)

    @property
    def changed(self) -> list[str]:
        """Codes with at least one changed description, in order."""
        return sorted({change.code for change in self.texts})

    def changed_in(self, lang: str) -> int:
        return sum(1 for change in self.texts if change.lang == lang)

    def is_empty(self) -> bool:
        return not (self.added or self.removed or self.texts or self.versions or self.fields)


@dataclass
class SnapshotDiff:
    """Per-product changes, only for products that changed, sorted by slug."""

    products: dict[str, ProductDiff] = field(default_factory=dict)
    sources: dict[str, tuple[str | None, str | None]] = field(default_factory=dict)

    @property
    def products_added(self) -> list[str]:
        return [slug for slug, change in self.products.items() if change.status == "added"]

    @property
    def products_removed(self) -> list[str]:
        return [slug for slug, change in self.products.items() if change.status == "removed"]

    def is_empty(self) -> bool:
        """True when the content is the same; a new package version alone is not a change."""
        return not self.products


def _codes(snapshot: Snapshot) -> dict[str, dict[str, SnapshotEntry]]:
    grouped: dict[str, dict[str, SnapshotEntry]] = {slug: {} for slug in snapshot.products}
    for (slug, code), entry in snapshot.entries.items():
        grouped.setdefault(slug, {})[code] = entry
    return grouped


def _version_label(source: dict[str, str | None] | None) -> str | None:
    if not source:
        return None
    return f"{source.get('package')} {source.get('version')}"


def _diff_product(
    slug: str,
    was: dict[str, SnapshotEntry] | None,
    now: dict[str, SnapshotEntry] | None,
    old_info: ProductInfo | None,
    new_info: ProductInfo | None,
) -> ProductDiff:
    change = ProductDiff(slug, status="added" if was is None else "removed" if now is None else "changed")
    was, now = was or {}, now or {}
    change.added = sorted(now.keys() - was.keys())
    change.removed = sorted(was.keys() - now.keys())
    for code in sorted(was.keys() & now.keys()):
        before, after = was[code], now[code]
        for lang in LANGUAGES:
            old_text, new_text = getattr(before, lang), getattr(after, lang)
            if old_text != new_text:
                change.texts.append(TextChange(code, lang, old_text, new_text))
        if before.versions != after.versions:
            change.versions.append(code)
    if old_info and new_info:
        if old_info.endpoint != new_info.endpoint:
            change.fields.append(("endpoint", str(old_info.endpoint), str(new_info.endpoint)))
        if old_info.versions != new_info.versions:
            change.fields.append(("versions", ", ".join(old_info.versions), ", ".join(new_info.versions)))
    return change


def diff_snapshots(old: Snapshot, new: Snapshot) -> SnapshotDiff:
    """Compare two snapshots code by code, per product."""
    old_codes, new_codes = _codes(old), _codes(new)
    diff = SnapshotDiff()
    for lang in LANGUAGES:
        old_label, new_label = _version_label(old.sources.get(lang)), _version_label(new.sources.get(lang))
        if old_label != new_label:
            diff.sources[lang] = (old_label, new_label)
    for slug in sorted(old_codes.keys() | new_codes.keys()):
        change = _diff_product(
            slug, old_codes.get(slug), new_codes.get(slug), old.products.get(slug), new.products.get(slug)
        )
        if change.status != "changed" or not change.is_empty():
            diff.products[slug] = change
    return diff


def _counts(added: int, removed: int, changed: int, zh: int, en: int, versions: int) -> str:
    text = f"+{added} -{removed} ~{changed} (zh {zh}, en {en})"
    return text + (f", versions of {versions} codes" if versions else "")


def _summary_line(change: ProductDiff) -> str:
    label = {"added": " (new product)", "removed": " (product removed)"}.get(change.status, "")
    counts = _counts(
        len(change.added),
        len(change.removed),
        len(change.changed),
        change.changed_in("zh"),
        change.changed_in("en"),
        len(change.versions),
    )
    extra = "".join(f"; {name}: {old} -> {new}" for name, old, new in change.fields)
    return f"{change.product}{label}: {counts}{extra}"


def _detail_lines(change: ProductDiff) -> list[str]:
    lines = [f"  + {code}" for code in change.added]
    lines += [f"  - {code}" for code in change.removed]
    for item in change.texts:
        lines.append(f"  ~ {item.code} [{item.lang}]")
        lines.append(f"      old: {'(none)' if item.old is None else item.old}")
        lines.append(f"      new: {'(none)' if item.new is None else item.new}")
    lines += [f"  v {code}" for code in change.versions]
    return lines


def format_diff(diff: SnapshotDiff, verbose: bool = False) -> str:
    """A readable report: a line per product, then totals; with `verbose`, the codes too."""
    if diff.is_empty():
        return "No changes."
    lines = [f"{lang}: {old} -> {new}" for lang, (old, new) in diff.sources.items()]
    for change in diff.products.values():
        lines.append(_summary_line(change))
        if verbose:
            lines.extend(_detail_lines(change))
    changes = list(diff.products.values())
    totals = _counts(
        sum(len(c.added) for c in changes),
        sum(len(c.removed) for c in changes),
        sum(len(c.changed) for c in changes),
        sum(c.changed_in("zh") for c in changes),
        sum(c.changed_in("en") for c in changes),
        sum(len(c.versions) for c in changes),
    )
    lines.append(
        f"Total: {len(changes)} products changed ({len(diff.products_added)} added, "
        f"{len(diff.products_removed)} removed): {totals}"
    )
    return "\n".join(lines)
