"""The UI catalogues: complete, no fuzzy entries, and the committed .mo files match the .po files."""

from __future__ import annotations

from io import BytesIO
from pathlib import Path

import pytest
from babel.messages.mofile import read_mo, write_mo
from babel.messages.pofile import read_po

ROOT = Path(__file__).resolve().parent.parent
LANGS = ("ja", "en")


def po_path(lang: str) -> Path:
    return ROOT / "translations" / lang / "LC_MESSAGES" / "messages.po"


@pytest.mark.parametrize("lang", LANGS)
def test_no_fuzzy_entries(lang):
    assert "#, fuzzy" not in po_path(lang).read_text(encoding="utf-8")


def test_japanese_catalogue_is_complete():
    with po_path("ja").open("rb") as handle:
        catalogue = read_po(handle)
    missing = [
        m.id for m in catalogue if m.id and not (m.string if isinstance(m.string, str) else all(m.string))
    ]
    assert not missing, missing


def _key(value):
    return tuple(value) if isinstance(value, (list, tuple)) else value


@pytest.mark.parametrize("lang", LANGS)
def test_mo_matches_po(lang):
    with po_path(lang).open("rb") as handle:
        catalogue = read_po(handle)
    compiled = BytesIO()
    write_mo(compiled, catalogue)
    compiled.seek(0)
    expected = {_key(m.id): _key(m.string) for m in read_mo(compiled) if m.id}
    with po_path(lang).with_suffix(".mo").open("rb") as handle:
        actual = {_key(m.id): _key(m.string) for m in read_mo(handle) if m.id}
    assert actual == expected


def test_every_template_string_is_in_the_catalogue():
    from babel.messages.extract import extract_from_dir

    with po_path("ja").open("rb") as handle:
        known = {m.id if isinstance(m.id, str) else m.id[0] for m in read_po(handle) if m.id}
    method_map = [("app/**.py", "python"), ("app/web/templates/**.html", "jinja2")]
    found = set()
    for _, _, message, _, _ in extract_from_dir(
        str(ROOT), method_map, keywords={"_": None, "_l": None, "gettext": None, "ngettext": (1, 2)}
    ):
        found.add(message if isinstance(message, str) else message[0])
    assert found - known == set()


def test_ui_is_japanese_when_asked(client):
    assert "検索" in client.get("/?lang=ja").get_data(as_text=True)
