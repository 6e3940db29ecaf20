"""`flask translate update|compile`: keep the UI catalogues current (extract with the _l keyword too)."""

from __future__ import annotations

import subprocess
import sys

import click
from flask.cli import AppGroup

from app.config import ROOT

translate = AppGroup("translate", help="Extract, update and compile the UI translations.")
POT = ROOT / "translations" / "messages.pot"


def _pybabel(*args: str) -> None:
    command = [sys.executable, "-m", "babel.messages.frontend", *args]
    if subprocess.run(command, cwd=ROOT).returncode:
        raise click.ClickException("pybabel " + " ".join(args) + " failed")


@translate.command("update")
def update() -> None:
    """Extract the strings of the UI and merge them into every language's .po file."""
    _pybabel("extract", "-F", "babel.cfg", "-k", "_l", "--no-location", "--sort-output", "-o", str(POT), ".")
    # The template's header is marked fuzzy by pybabel; nothing is compiled from it, and a fuzzy
    # mark anywhere under translations/ is what the checks look for.
    POT.write_text(POT.read_text(encoding="utf-8").replace("#, fuzzy\n", "", 1), encoding="utf-8")
    _pybabel("update", "-i", str(POT), "-d", "translations", "--no-fuzzy-matching")


@translate.command("compile")
def compile_catalogues() -> None:
    """Compile the .po files into the .mo files Flask-Babel reads."""
    _pybabel("compile", "-d", "translations", "--statistics")
