"""Bench: search quality over tests/eval/queries.jsonl on the full catalogue (recall@1, recall@5, MRR).

Prints the figures overall and per kind of query; `--verbose` lists every query whose expected
code is not first, with the hits that came before it.

    .venv/bin/python bench/search_quality.py [--verbose]
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from app.catalog.bundle import catalogue_entries  # noqa: E402
from app.search.index import SearchIndex  # noqa: E402
from tests.eval.queries import is_expected, load_queries  # noqa: E402

DEPTH = 10  # hits looked at for the reciprocal rank


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--verbose", action="store_true", help="list the queries not answered first")
    args = parser.parse_args()

    started = time.perf_counter()
    index = SearchIndex.build(catalogue_entries())
    print(f"index built in {time.perf_counter() - started:.2f} s ({len(index.entries)} entries)")

    by_kind: dict[str, list[int | None]] = defaultdict(list)
    for case in load_queries():
        hits = index.search(case["q"], product=case["product"], lang=case["lang"], limit=DEPTH).hits
        position = next((i for i, hit in enumerate(hits) if is_expected(hit.entry, case["expected"])), None)
        by_kind[case["kind"]].append(position)
        if args.verbose and position != 0:
            print(f"  [{position}] {case['q']!r} expected {case['expected']}")
            for hit in hits[: (position or DEPTH - 1) + 1][:5]:
                print(f"      {hit.reason:6} {hit.score:7.4f} {hit.entry.product or '-'}:{hit.entry.code}")

    def figures(positions: list[int | None]) -> str:
        count = len(positions)
        at1 = sum(1 for p in positions if p == 0) / count
        at5 = sum(1 for p in positions if p is not None and p < 5) / count
        mrr = sum(1 / (p + 1) for p in positions if p is not None) / count
        return f"n={count:3d}  recall@1={at1:.3f}  recall@5={at5:.3f}  MRR={mrr:.3f}"

    for kind, positions in sorted(by_kind.items()):
        print(f"{kind:11} {figures(positions)}")
    everything = [p for positions in by_kind.values() for p in positions]
    print(f"{'all':11} {figures(everything)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
