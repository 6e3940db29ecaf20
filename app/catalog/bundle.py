"""Catalogue sources -> records: the data files of the repository read into one Bundle.

The Bundle is what `catalog load` writes into the database; `catalogue_entries()` turns it straight
into Entries for benchmarks and evaluations that need the full catalogue without a database.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from app.entries import Entry, make_entry

DATA_DIR = Path(__file__).resolve().parent / "data"
CONTENT_FILES = {"code": "common_codes.json", "category": "categories.json", "client": "client_codes.json"}


@dataclass
class TextRecord:
    lang: str
    origin: str
    description: str | None = None
    remediation: list[str] | None = None
    source_text: str | None = None


@dataclass
class CodeRecord:
    product: str  # '' for common codes, category entries and SDK client codes
    code: str
    kind: str
    source: str
    retryable: str
    versions: list[str] = field(default_factory=list)
    texts: list[TextRecord] = field(default_factory=list)

    @property
    def category(self) -> str:
        return self.code.split(".", 1)[0]


@dataclass
class ProductRecord:
    slug: str
    endpoint: str | None
    names: dict[str, str]
    aliases: list[str]
    versions: list[str]


@dataclass
class Bundle:
    sources: dict
    products: list[ProductRecord]
    codes: list[CodeRecord]


def _content_records(path: Path, kind: str) -> list[CodeRecord]:
    records = []
    for item in json.loads(path.read_text(encoding="utf-8")):
        texts = {
            (lang, value["origin"]): TextRecord(lang, value["origin"], description=value["text"])
            for lang, value in item.get("description", {}).items()
            if value.get("text")
        }
        for lang, steps in item.get("remediation", {}).items():
            if steps:
                # One row per (language, origin): project steps join a project description.
                texts.setdefault((lang, "project"), TextRecord(lang, "project")).remediation = list(steps)
        records.append(
            CodeRecord("", item["code"], kind, item["source"], item["retryable"], [], list(texts.values()))
        )
    return records


def _translations(data_dir: Path) -> dict[tuple[str, str, str], dict]:
    """(lang, product, code) -> {"text", "source"} from translations/<lang>/<product>.jsonl."""
    found: dict[tuple[str, str, str], dict] = {}
    root = data_dir / "translations"
    if not root.is_dir():
        return found
    for path in sorted(root.glob("*/*.jsonl")):
        lang, product = path.parent.name, path.stem
        with path.open(encoding="utf-8") as lines:
            for line in lines:
                if line.strip():
                    item = json.loads(line)
                    found[(lang, product, item["code"])] = item
    return found


def _remediation(data_dir: Path) -> dict[tuple[str, str], dict]:
    """(product, code) -> {"ja": [...], "en": [...]}: steps of its own for a product code."""
    found: dict[tuple[str, str], dict] = {}
    for path in sorted((data_dir / "remediation").glob("*.jsonl")):
        with path.open(encoding="utf-8") as lines:
            for line in lines:
                if line.strip():
                    item = json.loads(line)
                    found[(path.stem, item["code"])] = item
    return found


def read_bundle(data_dir: Path = DATA_DIR) -> Bundle:
    """Everything the repository ships, merged into records (no database involved)."""
    from app.catalog.snapshot import read_snapshot

    codes: list[CodeRecord] = []
    for kind, name in CONTENT_FILES.items():
        if (data_dir / name).exists():
            codes.extend(_content_records(data_dir / name, kind))
    retryable_by_category = {c.code: c.retryable for c in codes if c.kind != "client"}

    names_path = data_dir / "products.json"
    names = json.loads(names_path.read_text(encoding="utf-8")) if names_path.exists() else {}
    snapshot_path = data_dir / "sdk_snapshot.jsonl"
    if not snapshot_path.exists():
        return Bundle({}, [], codes)
    snapshot = read_snapshot(snapshot_path)
    translations = _translations(data_dir)
    remediation = _remediation(data_dir)

    products = []
    for slug, info in sorted(snapshot.products.items()):
        meta = names.get(slug, {})
        products.append(
            ProductRecord(
                slug,
                info.endpoint,
                {lang: meta[lang] for lang in ("en", "ja", "zh") if meta.get(lang)},
                list(meta.get("aliases", [])),
                list(info.versions),
            )
        )
    for (product, code), entry in sorted(snapshot.entries.items()):
        texts = []
        if entry.zh:
            texts.append(TextRecord("zh", "official", description=entry.zh))
        if entry.en:
            texts.append(TextRecord("en", "official", description=entry.en))
        project: dict[str, TextRecord] = {}
        for lang in ("ja", "en"):
            item = translations.get((lang, product, code))
            if item and item.get("text") and not (lang == "en" and entry.en):
                project[lang] = TextRecord(
                    lang, "project", description=item["text"], source_text=item.get("source")
                )
            steps = remediation.get((product, code), {}).get(lang)
            if steps:  # one row per (language, origin): own steps join the translation
                project.setdefault(lang, TextRecord(lang, "project")).remediation = list(steps)
        texts.extend(project.values())
        category = code.split(".", 1)[0]
        retryable = retryable_by_category.get(category, "after_fix")
        codes.append(CodeRecord(product, code, "code", "official", retryable, list(entry.versions), texts))
    return Bundle(dict(snapshot.sources), products, codes)


def entries_from_bundle(bundle: Bundle) -> list[Entry]:
    entries = []
    for number, record in enumerate(bundle.codes, start=1):
        entries.append(
            make_entry(
                [(t.lang, t.origin, t.description, t.remediation) for t in record.texts],
                id=number,
                code=record.code,
                product=record.product or None,
                category=record.category,
                source=record.source,
                retryable=record.retryable,
                kind=record.kind,
                versions=tuple(record.versions),
            )
        )
    return entries


@lru_cache(maxsize=1)
def catalogue_entries() -> list[Entry]:
    """Every Entry of the shipped catalogue, for benchmarks and evaluations."""
    return entries_from_bundle(read_bundle())


@lru_cache(maxsize=1)
def products_info() -> dict[str, dict]:
    """{slug: {"endpoint", "aliases", "en", "ja", "zh"}} of the shipped catalogue."""
    return {p.slug: {"endpoint": p.endpoint, "aliases": p.aliases, **p.names} for p in read_bundle().products}
