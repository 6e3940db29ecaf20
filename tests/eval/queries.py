"""The search evaluation set and how a hit is judged, shared by its test and bench/search_quality.py."""

from __future__ import annotations

import json
from pathlib import Path

from app.entries import Entry
from app.search.normalize import normalize_code

QUERIES = Path(__file__).with_name("queries.jsonl")


def load_queries(path: Path = QUERIES) -> list[dict]:
    with path.open(encoding="utf-8") as lines:
        return [json.loads(line) for line in lines if line.strip()]


def is_expected(entry: Entry, expected: list[str]) -> bool:
    """`expected` holds "code" (any product) or "product:code", compared as lookup normalises codes."""
    for item in expected:
        product, _, code = item.rpartition(":")
        if normalize_code(entry.code) == normalize_code(code) and (not product or entry.product == product):
            return True
    return False
