"""The command line: load twice, sync (dry run) against SDK trees, edit, coverage."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import func, select

from app.extensions import db
from app.models import ErrorCode, Revision

FIXTURES = Path(__file__).parent / "catalog" / "fixtures"


def test_catalog_load_is_idempotent_and_edit_is_recorded(scratch_app):
    runner = scratch_app.test_cli_runner()
    first = runner.invoke(args=["catalog", "load"])
    assert first.exit_code == 0, first.output
    assert "codes added: " in first.output
    with scratch_app.app_context():
        total = db.session.scalar(select(func.count()).select_from(ErrorCode))
    assert total > 17000
    second = runner.invoke(args=["catalog", "load"])
    assert second.exit_code == 0 and "codes added: 0" in second.output and "texts added: 0" in second.output

    edit = runner.invoke(
        args=[
            "catalog",
            "edit",
            "InternalError",
            "--lang",
            "ja",
            "--author",
            "tanaka",
            "--step",
            "時間をおいて再試行します。",
            "--step",
            "RequestId を添えて問い合わせます。",
        ]
    )
    assert edit.exit_code == 0, edit.output
    again = runner.invoke(args=["catalog", "load"])
    assert "codes updated: 0" in again.output
    with scratch_app.app_context():
        assert db.session.scalar(select(func.count()).select_from(Revision)) == 1

    coverage = runner.invoke(args=["catalog", "coverage", "--product", "cvm"])
    assert coverage.exit_code == 0 and "cvm" in coverage.output and "TOTAL" in coverage.output


def test_edit_of_an_unknown_code_fails_cleanly(scratch_app):
    result = scratch_app.test_cli_runner().invoke(
        args=["catalog", "edit", "NoSuchCode", "--lang", "ja", "--author", "x", "--description", "y"]
    )
    assert result.exit_code != 0 and "not in the catalogue" in result.output


def test_sync_dry_run_prints_the_changes(scratch_app):
    zh, en = FIXTURES / "sdk_zh", FIXTURES / "sdk_en"
    result = scratch_app.test_cli_runner().invoke(
        args=["catalog", "sync", "--zh", str(zh), "--en", str(en), "--dry-run"]
    )
    assert result.exit_code == 0, result.output
    assert "cvm" in result.output  # most products disappear against the tiny fixture tree


def test_sync_with_a_missing_source_is_a_clear_error(scratch_app):
    result = scratch_app.test_cli_runner().invoke(
        args=["catalog", "sync", "--zh", "/nonexistent", "--en", "/nonexistent", "--dry-run"]
    )
    assert result.exit_code != 0 and "no such file or directory" in result.output
