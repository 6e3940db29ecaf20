"""Fixtures: databases built by running the migrations, on SQLite or PostgreSQL (TEST_DATABASE_URL).

`app`/`client` share one database per session holding the full shipped catalogue (read-only tests).
`scratch_app` gives a test its own empty, migrated database for tests that write.
"""

from __future__ import annotations

import os
import uuid
from pathlib import Path

import pytest
from flask_migrate import upgrade
from sqlalchemy import create_engine, text

from app import create_app
from app.config import TestConfig
from app.extensions import db

PG_PREFIX = "postgresql"


def _base_url() -> str | None:
    return os.environ.get("TEST_DATABASE_URL") or None


def make_database_url(tmp_dir: Path, name: str) -> str:
    """A new empty database: a SQLite file, or a fresh schema on the PostgreSQL test database."""
    base = _base_url()
    if not base or not base.startswith(PG_PREFIX):
        return f"sqlite:///{tmp_dir / (name + '.sqlite3')}"
    schema = f"t_{name}_{uuid.uuid4().hex[:8]}"
    engine = create_engine(base)
    with engine.begin() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    engine.dispose()
    separator = "&" if "?" in base else "?"
    return f"{base}{separator}options=-csearch_path%3D{schema}"


def drop_database(url: str) -> None:
    if url.startswith(PG_PREFIX) and "search_path%3D" in url:
        schema = url.rsplit("search_path%3D", 1)[1]
        engine = create_engine(_base_url())
        with engine.begin() as conn:
            conn.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
        engine.dispose()


def build_app(url: str, **overrides):
    app = create_app(
        {
            **{k: getattr(TestConfig, k) for k in dir(TestConfig) if k.isupper()},
            "SQLALCHEMY_DATABASE_URI": url,
            **overrides,
        }
    )
    with app.app_context():
        upgrade()
    return app


@pytest.fixture(scope="session")
def app(tmp_path_factory):
    from app.catalog.bundle import read_bundle
    from app.catalog.loader import load_bundle

    url = make_database_url(tmp_path_factory.mktemp("db"), "full")
    application = build_app(url)
    with application.app_context():
        load_bundle(read_bundle())
        db.session.commit()
        db.session.remove()
    yield application
    with application.app_context():
        db.engine.dispose()
    drop_database(url)


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def scratch_url(tmp_path):
    url = make_database_url(tmp_path, "scratch")
    yield url
    drop_database(url)


@pytest.fixture
def scratch_app(scratch_url):
    application = build_app(scratch_url)
    yield application
    with application.app_context():
        db.session.remove()
        db.engine.dispose()
