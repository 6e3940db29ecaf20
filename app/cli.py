"""Command line: `flask catalog load|sync|coverage|edit`."""

from __future__ import annotations

from pathlib import Path

import click
from flask import Flask
from flask.cli import AppGroup

from app.extensions import db

catalog = AppGroup("catalog", help="Load, sync, inspect and edit the error-code catalogue.")


@catalog.command("load")
def load_command() -> None:
    """Load the shipped catalogue into the database (idempotent; staff edits are kept)."""
    from app.catalog.bundle import read_bundle
    from app.catalog.loader import load_bundle

    bundle = read_bundle()
    with click.progressbar(length=len(bundle.codes), label="Loading catalogue") as bar:
        try:
            report = load_bundle(bundle, progress=bar.update)
            db.session.commit()
        except Exception:
            db.session.rollback()
            raise
    click.echo(report.summary())


@catalog.command("sync")
@click.option(
    "--zh",
    "zh_source",
    default="installed",
    show_default=True,
    help="tencentcloud-sdk-python: a wheel, a directory, or 'installed'.",
)
@click.option(
    "--en",
    "en_source",
    default="installed",
    show_default=True,
    help="tencentcloud-sdk-python-intl-en: a wheel, a directory, or 'installed'.",
)
@click.option("--verbose", is_flag=True, help="List every changed code.")
@click.option("--dry-run", is_flag=True, help="Print the changes without writing the snapshot.")
@click.option("--load/--no-load", default=False, help="Also load the new snapshot into the database.")
@click.pass_context
def sync_command(ctx, zh_source, en_source, verbose, dry_run, load) -> None:
    """Regenerate the catalogue snapshot from the official SDKs and print what changed."""
    from app.catalog.diff import diff_snapshots, format_diff
    from app.catalog.sdk_source import PACKAGES, SdkSourceError, open_tree
    from app.catalog.snapshot import DEFAULT_SNAPSHOT_PATH, build_snapshot, read_snapshot, write_snapshot

    try:
        with open_tree(zh_source, PACKAGES["zh"]) as zh_tree, open_tree(en_source, PACKAGES["en"]) as en_tree:
            new = build_snapshot(zh_tree, en_tree)
    except SdkSourceError as error:
        raise click.ClickException(str(error)) from error
    path = Path(DEFAULT_SNAPSHOT_PATH)
    old = read_snapshot(path) if path.exists() else None
    click.echo(format_diff(diff_snapshots(old, new), verbose=verbose) if old else "No previous snapshot.")
    if dry_run:
        return
    write_snapshot(new, path)
    click.echo(f"Wrote {path}")
    if load:
        ctx.invoke(load_command)


@catalog.command("coverage")
@click.option("--product", "only", multiple=True, help="Only these products.")
def coverage_command(only) -> None:
    """Per language and product: codes with a description, and codes with their own remediation."""
    from app.catalog.coverage import coverage_table

    click.echo(coverage_table(only))


@catalog.command("review")
def review_command() -> None:
    """List the translations whose official source text changed since they were written."""
    from app.catalog.coverage import translations_to_review

    rows = translations_to_review()
    for product, code, lang, was, now in rows:
        click.echo(f"{product}:{code} [{lang}]\n  translated from: {was}\n  official now:    {now}")
    click.echo(f"{len(rows)} translation(s) to review")


@catalog.command("edit")
@click.argument("code")
@click.option("--product", default=None, help="Product slug; omit for a common code.")
@click.option("--lang", required=True, type=click.Choice(["ja", "en", "zh"]))
@click.option("--description", default=None)
@click.option("--step", "steps", multiple=True, help="A remediation step (repeat, in order).")
@click.option("--author", required=True)
@click.option("--note", default=None)
def edit_command(code, product, lang, description, steps, author, note) -> None:
    """Write staff text for a code; the edit is recorded as a revision."""
    from app.catalog.curation import CurationError, edit_text, find_code

    try:
        row = find_code(code, product)
        edit_text(
            row,
            lang,
            author=author,
            description=description,
            remediation=list(steps) if steps else None,
            note=note,
        )
        db.session.commit()
    except CurationError as error:
        db.session.rollback()
        raise click.ClickException(str(error)) from error
    click.echo(f"Saved staff text for {product or 'common'}:{code} ({lang}).")


def init_app(app: Flask) -> None:
    from app.translate_cli import translate

    app.cli.add_command(catalog)
    app.cli.add_command(translate)
