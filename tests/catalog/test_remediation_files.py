"""Steps of their own for product codes: real codes, 2 to 5 steps in Japanese and English."""

from __future__ import annotations

import json
import re

import pytest

from app.catalog.bundle import DATA_DIR, read_bundle
from tests.catalog.test_translation_files import snapshot

FILES = sorted((DATA_DIR / "remediation").glob("*.jsonl"))
JAPANESE = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")
KANA = re.compile(r"[\u3040-\u30ff]")


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.stem)
def test_remediation_file(path):
    codes = []
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            where = f"{path.name}:{number}"
            item = json.loads(line)
            assert set(item) == {"code", "ja", "en"}, where
            assert (path.stem, item["code"]) in snapshot().entries, f"{where}: unknown code"
            for lang in ("ja", "en"):
                steps = item[lang]
                assert 2 <= len(steps) <= 5 and all(s.strip() for s in steps), where
            assert len(item["ja"]) == len(item["en"]), f"{where}: ja and en steps differ in number"
            assert all(KANA.search(step) for step in item["ja"]), f"{where}: ja step without Japanese"
            assert not any(JAPANESE.search(step) for step in item["en"]), f"{where}: CJK in en steps"
            codes.append(item["code"])
    assert codes == sorted(codes) and len(codes) == len(set(codes)), f"{path}: unsorted or duplicate"


def test_own_steps_reach_the_entries():
    if not FILES:
        pytest.skip("no remediation files")
    with FILES[0].open(encoding="utf-8") as handle:
        first = json.loads(handle.readline())
    record = next(c for c in read_bundle().codes if c.product == FILES[0].stem and c.code == first["code"])
    steps = {t.lang: t.remediation for t in record.texts if t.origin == "project" and t.remediation}
    assert steps == {"ja": first["ja"], "en": first["en"]}
