"""Every shipped translation refers to a real code, is non-empty, keeps identifiers, is Japanese."""

from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path

import pytest

from app.catalog.bundle import DATA_DIR
from app.catalog.snapshot import read_snapshot

TRANSLATIONS = DATA_DIR / "translations"
FILES = sorted(TRANSLATIONS.glob("*/*.jsonl"))
JAPANESE = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")
KANA = re.compile(r"[\u3040-\u30ff]")
CJK = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")
BACKTICKED = re.compile(r"`[^`]+`")
PLACEHOLDER = re.compile(r"%\([A-Za-z_]+\)[sd]|%[sd]|\{\{[^}]*\}\}|\$\{[^}]*\}|\{\d*\}")


@lru_cache(maxsize=1)
def snapshot():
    return read_snapshot(DATA_DIR / "sdk_snapshot.jsonl")


def lines(path: Path):
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            yield number, json.loads(line)


def test_there_are_translations_for_both_languages():
    assert {p.parent.name for p in FILES} == {"ja", "en"}


@pytest.mark.parametrize("path", FILES, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_translation_file(path):
    lang, product = path.parent.name, path.stem
    entries = snapshot().entries
    codes = []
    for number, item in lines(path):
        where = f"{lang}/{product}.jsonl:{number}"
        assert set(item) == {"code", "source", "text"}, where
        key = (product, item["code"])
        assert key in entries, f"{where}: {item['code']} is not a code of {product}"
        entry = entries[key]
        assert item["source"] == (entry.zh or entry.en or item["source"]), f"{where}: source differs"
        text = item["text"].strip()
        assert text, f"{where}: empty"
        for span in BACKTICKED.findall(item["source"]) + PLACEHOLDER.findall(item["source"]):
            if not CJK.search(span):  # a backticked Chinese word may be glossed in Japanese
                assert span in item["text"], f"{where}: {span} lost"
        if lang == "ja":
            assert KANA.search(text) or JAPANESE.search(text), f"{where}: no Japanese script"
        else:
            # Chinese may stay only where it is literal: template variables and required wording.
            literal_free = re.sub(r"\{[^}]*\}|拒收请回复R", "", text)
            assert not CJK.search(literal_free), f"{where}: CJK in English text"
            assert not (entry.en or "").strip(), f"{where}: the official English exists"
        codes.append(item["code"])
    assert codes == sorted(codes) and len(codes) == len(set(codes)), f"{path}: unsorted or duplicate"
