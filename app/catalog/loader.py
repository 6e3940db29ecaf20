"""Records -> database: a transactional, idempotent merge of the shipped catalogue.

Rows are matched by natural key ((product, code); (code, language, origin)), so loading twice changes
nothing.  Only rows of import origins are written; staff rows are never touched.  A code that has
disappeared from the sources is marked retired, never deleted, so old tickets still resolve.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

from sqlalchemy import insert, select, update

from app.catalog.bundle import Bundle
from app.extensions import db
from app.models import CatalogState, ErrorCode, ErrorText, Product
from app.models.error_code import utcnow

Progress = Callable[[int], None]
IMPORT_ORIGINS = ("seed", "official", "project")


@dataclass
class LoadReport:
    counts: Counter = field(default_factory=Counter)

    @property
    def changed(self) -> bool:
        return any(v for k, v in self.counts.items() if not k.endswith("unchanged"))

    def summary(self) -> str:
        keys = sorted(self.counts)
        return ", ".join(f"{k}: {self.counts[k]}" for k in keys) or "nothing to load"


def bump_generation(sources: dict | None = None) -> int:
    """Record that the catalogue changed, so every process refreshes its read model."""
    state = db.session.get(CatalogState, 1)
    if state is None:
        state = CatalogState(id=1, generation=0, sources={})
        db.session.add(state)
    state.generation = (state.generation or 0) + 1
    if sources is not None:
        state.sources = sources
    state.updated_at = utcnow()
    db.session.flush()
    return state.generation


def _load_products(bundle: Bundle, report: LoadReport) -> None:
    existing = {p.slug: p for p in db.session.scalars(select(Product))}
    seen = set()
    for record in bundle.products:
        seen.add(record.slug)
        values = {
            "endpoint": record.endpoint,
            "names": record.names,
            "aliases": record.aliases,
            "versions": record.versions,
            "retired": False,
        }
        product = existing.get(record.slug)
        if product is None:
            db.session.add(Product(slug=record.slug, **values))
            report.counts["products added"] += 1
        elif any(getattr(product, k) != v for k, v in values.items()):
            for key, value in values.items():
                setattr(product, key, value)
            report.counts["products updated"] += 1
    if bundle.products:  # a bundle without a snapshot says nothing about products
        for slug, product in existing.items():
            if slug not in seen and not product.retired:
                product.retired = True
                report.counts["products retired"] += 1
    db.session.flush()


def _load_codes(bundle: Bundle, report: LoadReport, release: str | None) -> dict:
    rows = db.session.execute(
        select(
            ErrorCode.id,
            ErrorCode.product,
            ErrorCode.code,
            ErrorCode.category,
            ErrorCode.kind,
            ErrorCode.source,
            ErrorCode.retryable,
            ErrorCode.versions,
            ErrorCode.retired,
            ErrorCode.last_seen_in,
        )
    ).all()
    existing = {(r.product, r.code): r for r in rows}
    new, changed, seen = [], [], set()
    now = utcnow()
    for record in bundle.codes:
        key = (record.product, record.code)
        seen.add(key)
        values = {
            "category": record.category,
            "kind": record.kind,
            "source": record.source,
            "retryable": record.retryable,
            "versions": record.versions,
            "retired": False,
            "last_seen_in": release if record.product else None,
        }
        row = existing.get(key)
        if row is None:
            new.append(
                {
                    "product": record.product,
                    "code": record.code,
                    "created_at": now,
                    "updated_at": now,
                    **values,
                }
            )
        elif any(getattr(row, k) != v for k, v in values.items()):
            changed.append({"id": row.id, "updated_at": now, **values})
    retire = [
        {"id": row.id, "retired": True, "updated_at": now}
        for key, row in existing.items()
        if key not in seen
        and not row.retired
        and row.source != "staff"
        # Product codes retire only against a snapshot that lists products at all.
        and (bundle.products or not row.product)
    ]
    if new:
        db.session.execute(insert(ErrorCode), new)
    if changed:
        db.session.execute(update(ErrorCode), changed)
    if retire:
        db.session.execute(update(ErrorCode), retire)
    report.counts["codes added"] += len(new)
    report.counts["codes updated"] += len(changed)
    report.counts["codes retired"] += len(retire)
    report.counts["codes unchanged"] += len(bundle.codes) - len(new) - len(changed)
    return {
        (r.product, r.code): r.id
        for r in db.session.execute(select(ErrorCode.id, ErrorCode.product, ErrorCode.code))
    }


def _load_texts(bundle: Bundle, ids: dict, report: LoadReport, progress: Progress | None) -> None:
    rows = db.session.execute(
        select(
            ErrorText.id,
            ErrorText.error_code_id,
            ErrorText.lang,
            ErrorText.origin,
            ErrorText.description,
            ErrorText.remediation,
            ErrorText.source_text,
            ErrorText.needs_review,
        ).where(ErrorText.origin.in_(IMPORT_ORIGINS))
    ).all()
    existing = {(r.error_code_id, r.lang, r.origin): r for r in rows}
    new, changed = [], []
    now = utcnow()
    for number, record in enumerate(bundle.codes, start=1):
        code_id = ids[(record.product, record.code)]
        official_zh = next(
            (t.description for t in record.texts if t.lang == "zh" and t.origin == "official"), None
        )
        for text in record.texts:
            values = {
                "description": text.description,
                "remediation": text.remediation,
                "source_text": text.source_text,
                # A translation made from a text that has since changed upstream needs review.
                "needs_review": bool(text.source_text and official_zh and text.source_text != official_zh),
            }
            row = existing.get((code_id, text.lang, text.origin))
            if row is None:
                new.append(
                    {
                        "error_code_id": code_id,
                        "lang": text.lang,
                        "origin": text.origin,
                        "updated_at": now,
                        **values,
                    }
                )
            elif any(getattr(row, k) != v for k, v in values.items()):
                changed.append({"id": row.id, "updated_at": now, **values})
            else:
                report.counts["texts unchanged"] += 1
        if progress and number % 500 == 0:
            progress(500)
    if new:
        db.session.execute(insert(ErrorText), new)
    if changed:
        db.session.execute(update(ErrorText), changed)
    report.counts["texts added"] += len(new)
    report.counts["texts updated"] += len(changed)
    if progress:
        progress(len(bundle.codes) % 500)


def load_bundle(bundle: Bundle, progress: Progress | None = None) -> LoadReport:
    """Merge `bundle` into the database inside the caller's transaction; the caller commits."""
    report = LoadReport()
    zh = bundle.sources.get("zh") or {}
    release = f"{zh['package']} {zh['version']}" if zh.get("version") else None
    _load_products(bundle, report)
    ids = _load_codes(bundle, report, release)
    _load_texts(bundle, ids, report, progress)
    if report.changed or db.session.get(CatalogState, 1) is None:
        bump_generation(bundle.sources)
    return report
