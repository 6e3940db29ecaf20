"""Configuration from the environment: database, languages, read-model refresh."""

from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _database_url() -> str:
    url = os.environ.get("DATABASE_URL", "").strip()
    if not url:
        return f"sqlite:///{ROOT / 'instance' / 'errors.sqlite3'}"
    if url.startswith("postgres://"):  # the scheme many hosts hand out
        url = "postgresql://" + url.removeprefix("postgres://")
    if url.startswith("postgresql://"):
        url = "postgresql+psycopg://" + url.removeprefix("postgresql://")
    return url


class Config:
    SECRET_KEY = os.environ.get("SECRET_KEY", "change-me-in-production")
    SQLALCHEMY_DATABASE_URI = _database_url()
    SQLALCHEMY_ENGINE_OPTIONS = {"pool_pre_ping": True}
    BABEL_DEFAULT_LOCALE = "ja"
    BABEL_TRANSLATION_DIRECTORIES = str(ROOT / "translations")
    # How often a process asks the database whether the catalogue changed (seconds).
    CATALOG_REFRESH_INTERVAL = float(os.environ.get("CATALOG_REFRESH_INTERVAL", "2"))
    # Rebuild in a background thread and keep answering from the previous catalogue meanwhile.
    CATALOG_REFRESH_IN_BACKGROUND = True
    EXPLAIN_MAX_BYTES = 64 * 1024
    MAX_CONTENT_LENGTH = 256 * 1024
    JSON_SORT_KEYS = False


class TestConfig(Config):
    TESTING = True
    SECRET_KEY = "test"
    SQLALCHEMY_DATABASE_URI = os.environ.get("TEST_DATABASE_URL") or _database_url()
    CATALOG_REFRESH_INTERVAL = 0.0
    CATALOG_REFRESH_IN_BACKGROUND = False
