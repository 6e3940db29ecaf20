"""The schema comes only from migrations: upgrade from empty works and matches the models."""

from __future__ import annotations

from flask_migrate import downgrade, upgrade
from sqlalchemy import inspect

from app.extensions import db


def test_upgrade_from_empty_creates_every_table(scratch_app):
    with scratch_app.app_context():
        tables = set(inspect(db.engine).get_table_names())
    assert {"error_code", "error_text", "revision", "product", "catalog_state", "alembic_version"} <= tables


def test_models_and_migrations_agree(scratch_app):
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    with scratch_app.app_context(), db.engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        assert compare_metadata(context, db.metadata) == []


def test_downgrade_and_upgrade_again(scratch_app):
    with scratch_app.app_context():
        downgrade(revision="base")
        assert "error_code" not in inspect(db.engine).get_table_names()
        upgrade()
        assert "error_code" in inspect(db.engine).get_table_names()
