"""Bench: index build time and search latency on the full catalogue (p50/p95/p99 per query).

The queries are those of tests/eval/queries.jsonl plus broad ones that match thousands of entries.
Each query runs once to warm up, then `--rounds` times; a query's time is its median, and the
percentiles are taken over all timed runs.  Times are in-process: no Flask, no database.

    .venv/bin/python bench/search_speed.py [--rounds 20] [--builds 3]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from app.catalog.bundle import catalogue_entries  # noqa: E402
from app.search.index import SearchIndex  # noqa: E402
from tests.eval.queries import load_queries  # noqa: E402

# Broad queries: a common word, a whole category, a bare prefix, one kanji, a sentence.
BROAD = [
    ("invalid parameter", None),
    ("Invalid", None),
    ("InvalidParameterValue", None),
    ("not found", None),
    ("failed operation", None),
    ("error", None),
    ("パラメータが不正です", None),
    ("インスタンスが見つかりません", None),
    ("不", None),
    ("操作", None),
    ("in", None),
    ("the request failed because the instance does not exist in this region", None),
    ("InvalidParameter.", "cvm"),
    ("resource", "vpc"),
]


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=20, help="timed runs per query")
    parser.add_argument("--builds", type=int, default=3, help="index builds to time")
    args = parser.parse_args()

    entries = catalogue_entries()
    builds = []
    for _ in range(args.builds):
        started = time.perf_counter()
        index = SearchIndex.build(entries)
        builds.append(time.perf_counter() - started)
    best, median = min(builds), statistics.median(builds)
    print(f"build: {len(entries)} entries, best {best:.2f} s, median {median:.2f} s")

    cases = load_queries()
    queries = [(c["q"], c["product"], c["lang"]) for c in cases] + [(q, p, None) for q, p in BROAD]
    every: list[float] = []
    medians: list[tuple[float, str, int]] = []
    for query, product, lang in queries:
        index.search(query, product=product, lang=lang)
        runs = []
        for _ in range(args.rounds):
            started = time.perf_counter()
            result = index.search(query, product=product, lang=lang)
            runs.append((time.perf_counter() - started) * 1000)
        every += runs
        label = f"{query} [{product}]" if product else query
        medians.append((statistics.median(runs), label, result.total))
    values = [m for m, _, _ in medians]
    print(f"queries: {len(queries)} ({len(cases)} evaluation, {len(BROAD)} broad), {args.rounds} runs each")
    for name, data in (("per query (median of runs)", values), ("all runs", every)):
        print(
            f"{name:27} p50 {percentile(data, 0.50):6.2f} ms  p95 {percentile(data, 0.95):6.2f} ms  "
            f"p99 {percentile(data, 0.99):6.2f} ms  max {max(data):6.2f} ms"
        )
    print("slowest:")
    for median, query, total in sorted(medians, reverse=True)[:8]:
        print(f"  {median:6.2f} ms  total={total:5d}  {query}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
