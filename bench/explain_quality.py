"""Bench: explain quality over tests/eval/pastes.jsonl on the full catalogue (precision and recall).

Prints precision and recall of the codes found (counted per paste as multisets), of the request ids
found, and the share of expected products that were attached; `--verbose` lists every paste whose
result differs from the expectation.

    .venv/bin/python bench/explain_quality.py [--verbose]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from app.catalog.bundle import catalogue_entries, products_info  # noqa: E402
from app.explain import ExplainCatalog, find_errors  # noqa: E402

PASTES = ROOT / "tests" / "eval" / "pastes.jsonl"


def load_pastes(path: Path = PASTES) -> list[dict]:
    with path.open(encoding="utf-8") as lines:
        return [json.loads(line) for line in lines if line.strip()]


def ratio(good: int, total: int) -> float:
    return good / total if total else 1.0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--verbose", action="store_true", help="list the pastes that differ")
    args = parser.parse_args()

    started = time.perf_counter()
    catalog = ExplainCatalog.from_entries(catalogue_entries(), products_info())
    print(f"catalogue prepared in {time.perf_counter() - started:.2f} s")

    totals = Counter()
    for case in load_pastes():
        findings = find_errors(case["text"], catalog)
        expected_codes = Counter(item["code"] for item in case["expected"])
        found_codes = Counter(f.code for f in findings)
        expected_rids = Counter(item["request_id"] for item in case["expected"] if item["request_id"])
        found_rids = Counter(f.request_id for f in findings if f.request_id)
        totals["code_tp"] += sum((expected_codes & found_codes).values())
        totals["code_found"] += sum(found_codes.values())
        totals["code_expected"] += sum(expected_codes.values())
        totals["rid_tp"] += sum((expected_rids & found_rids).values())
        totals["rid_found"] += sum(found_rids.values())
        totals["rid_expected"] += sum(expected_rids.values())
        wanted_products = {
            (i["code"], i["request_id"]): i["product"] for i in case["expected"] if i["product"]
        }
        got_products = {(f.code, f.request_id): f.product for f in findings}
        totals["product_expected"] += len(wanted_products)
        totals["product_ok"] += sum(got_products.get(key) == slug for key, slug in wanted_products.items())
        got = [(f.code, f.request_id, f.product) for f in findings]
        want = [(i["code"], i["request_id"], i["product"]) for i in case["expected"]]
        same = [g[:2] for g in got] == [w[:2] for w in want] and all(
            w[2] is None or w[2] == g[2] for g, w in zip(got, want, strict=False)
        )
        totals["pastes"] += 1
        totals["pastes_ok"] += same
        if args.verbose and not same:
            print(f"\n{case['id']}\n  want {want}\n  got  {got}")

    print(f"pastes: {totals['pastes']}, exactly right: {totals['pastes_ok']}")
    print(
        f"codes:       precision {ratio(totals['code_tp'], totals['code_found']):.3f}  "
        f"recall {ratio(totals['code_tp'], totals['code_expected']):.3f}  "
        f"({totals['code_tp']} of {totals['code_expected']} expected, {totals['code_found']} found)"
    )
    print(
        f"request ids: precision {ratio(totals['rid_tp'], totals['rid_found']):.3f}  "
        f"recall {ratio(totals['rid_tp'], totals['rid_expected']):.3f}  "
        f"({totals['rid_tp']} of {totals['rid_expected']} expected, {totals['rid_found']} found)"
    )
    print(
        f"products:    {ratio(totals['product_ok'], totals['product_expected']):.3f} of expected "
        f"products attached ({totals['product_ok']} of {totals['product_expected']})"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
