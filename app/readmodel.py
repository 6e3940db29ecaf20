"""Database -> in-process read model: every Entry in memory, plus derived indexes built on demand.

Lookups are the hot path and must cost about as much as a bare endpoint, so they are dictionary
lookups in memory rather than a query per request.  Each process asks the database for the
catalogue generation at most every CATALOG_REFRESH_INTERVAL seconds and rebuilds when it changed, so
a change made through any process (or machine) on the same database is seen everywhere within a few
seconds, without a restart.
"""

from __future__ import annotations

import logging
import threading
import time
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from flask import Flask, current_app
from sqlalchemy import select
from sqlalchemy.exc import SQLAlchemyError

from app.entries import Entry, make_entry
from app.extensions import db
from app.models import CatalogState, ErrorCode, ErrorText, Product
from app.search.normalize import normalize_code

log = logging.getLogger(__name__)


@dataclass
class ProductView:
    slug: str
    endpoint: str | None
    names: dict[str, str]
    aliases: tuple[str, ...]
    versions: tuple[str, ...]
    retired: bool
    code_count: int = 0

    def name(self, lang: str) -> str:
        return self.names.get(lang) or self.names.get("en") or self.slug.upper()


@dataclass
class ReadModel:
    generation: int
    entries: list[Entry]
    products: dict[str, ProductView]
    by_key: dict[tuple[str | None, str], Entry] = field(default_factory=dict)
    by_code: dict[str, list[Entry]] = field(default_factory=dict)
    by_product: dict[str, list[Entry]] = field(default_factory=dict)
    by_category: dict[str, list[Entry]] = field(default_factory=dict)
    product_keys: dict[str, str] = field(default_factory=dict)
    # Per-entry results (serialised objects...) of this catalogue version; bounded by the catalogue.
    memo: dict[tuple, Any] = field(default_factory=dict)
    _derived: dict[str, Any] = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def __post_init__(self) -> None:
        by_code: dict[str, list[Entry]] = defaultdict(list)
        by_product: dict[str, list[Entry]] = defaultdict(list)
        by_category: dict[str, list[Entry]] = defaultdict(list)
        for entry in self.entries:
            key = normalize_code(entry.code)
            self.by_key[(entry.product, key)] = entry
            by_code[key].append(entry)
            by_category[entry.category].append(entry)
            if entry.product:
                by_product[entry.product].append(entry)
        self.by_code = dict(by_code)
        self.by_product = dict(by_product)
        self.by_category = dict(by_category)
        for slug, product in self.products.items():
            product.code_count = len(self.by_product.get(slug, ()))
            for alias in (slug, *product.aliases):
                self.product_keys.setdefault(normalize_code(alias), slug)

    def derived(self, name: str, build):
        """A structure derived from the entries (search index, explain catalogue), built once."""
        value = self._derived.get(name)
        if value is None:
            with self._lock:
                value = self._derived.get(name)
                if value is None:
                    value = build(self)
                    self._derived[name] = value
        return value

    def product_slug(self, raw: str) -> str | None:
        return self.product_keys.get(normalize_code(raw))


def read_generation() -> int:
    return db.session.execute(select(CatalogState.generation).where(CatalogState.id == 1)).scalar() or 0


def build_read_model() -> ReadModel:
    """Read the whole catalogue with two plain queries (no ORM objects: 17k rows)."""
    generation = read_generation()
    texts: dict[int, list] = defaultdict(list)
    for row in db.session.execute(
        select(
            ErrorText.error_code_id,
            ErrorText.lang,
            ErrorText.origin,
            ErrorText.description,
            ErrorText.remediation,
        )
    ):
        texts[row[0]].append(row[1:])
    entries = []
    for row in db.session.execute(
        select(
            ErrorCode.id,
            ErrorCode.code,
            ErrorCode.product,
            ErrorCode.category,
            ErrorCode.source,
            ErrorCode.retryable,
            ErrorCode.kind,
            ErrorCode.versions,
            ErrorCode.retired,
            ErrorCode.last_seen_in,
        ).order_by(ErrorCode.product, ErrorCode.code)
    ):
        entries.append(
            make_entry(
                texts.get(row.id, ()),
                id=row.id,
                code=row.code,
                product=row.product or None,
                category=row.category,
                source=row.source,
                retryable=row.retryable,
                kind=row.kind,
                versions=tuple(row.versions or ()),
                retired_in=(row.last_seen_in or "unknown") if row.retired else None,
            )
        )
    products = {
        p.slug: ProductView(
            p.slug,
            p.endpoint,
            dict(p.names or {}),
            tuple(p.aliases or ()),
            tuple(p.versions or ()),
            p.retired,
        )
        for p in db.session.scalars(select(Product))
    }
    db.session.rollback()  # end the read transaction; nothing was written
    return ReadModel(generation, entries, products)


class ReadModelHolder:
    """Keeps one process's read model current with the database's catalogue generation.

    The first model is built on demand.  Later changes are built in a background thread (with the
    derived indexes warmed by `warmers`) while requests keep being answered from the old model,
    which is swapped out only when the new one is complete.
    """

    def __init__(self, app: Flask, interval: float, background: bool) -> None:
        self.app = app
        self.interval = interval
        self.background = background
        self.warmers: list[Callable[[ReadModel], object]] = []
        self._model: ReadModel | None = None
        self._checked = 0.0
        self._lock = threading.Lock()
        self._building: int | None = None  # generation being built in the background

    def get(self) -> ReadModel:
        model = self._model
        if model is not None and time.monotonic() - self._checked < self.interval:
            return model
        with self._lock:
            if self._model is not None and time.monotonic() - self._checked < self.interval:
                return self._model
            try:
                generation = read_generation()
            except SQLAlchemyError:
                db.session.rollback()
                if self._model is None:
                    raise
                return self._model  # keep serving what we have while the database is away
            self._checked = time.monotonic()
            if self._model is None:
                self._model = build_read_model()
                self._warm_later(self._model)
            elif generation != self._model.generation and self._building != generation:
                if self.background:
                    self._building = generation
                    threading.Thread(target=self._rebuild, args=(generation,), daemon=True).start()
                else:
                    self._model = build_read_model()
            return self._model

    def _rebuild(self, generation: int) -> None:
        try:
            with self.app.app_context():
                model = build_read_model()
                self._warm(model)
                db.session.remove()
            self._model = model
        except Exception:  # the old model keeps serving; the next check tries again
            log.exception("rebuilding the catalogue read model failed")
        finally:
            if self._building == generation:
                self._building = None

    def _warm(self, model: ReadModel) -> None:
        for warm in self.warmers:
            warm(model)

    def _warm_later(self, model: ReadModel) -> None:
        if self.background and self.warmers:

            def run() -> None:
                try:
                    self._warm(model)
                except Exception:
                    log.exception("warming the catalogue indexes failed")

            threading.Thread(target=run, daemon=True).start()


def current() -> ReadModel:
    return current_app.extensions["readmodel"].get()


def init_app(app: Flask) -> None:
    app.extensions["readmodel"] = ReadModelHolder(
        app, app.config["CATALOG_REFRESH_INTERVAL"], app.config["CATALOG_REFRESH_IN_BACKGROUND"]
    )
