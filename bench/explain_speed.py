"""Bench: time of find_errors on a 64 KB paste (many errors, long logs) on the full catalogue.

The paste is the evaluation pastes one after another, with ordinary log lines between them, cut at
64 KB (the most callers accept).  Prints the time to prepare the catalogue, then p50/p95/max of
find_errors over repeated runs, and the number of findings.  The budget is 50 ms at p95.

    .venv/bin/python bench/explain_speed.py [--runs 50] [--size 65536]
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from app.catalog.bundle import catalogue_entries, products_info  # noqa: E402
from app.explain import ExplainCatalog, find_errors  # noqa: E402

PASTES = ROOT / "tests" / "eval" / "pastes.jsonl"
BUDGET_MS = 50.0
LOG_LINES = (
    "2024-05-01 09:00:{s:02d},120 INFO  worker-{n} GET /api/v1/orders?page={n} status=200 took={n}ms\n",
    "2024-05-01 09:00:{s:02d},188 DEBUG retry policy: attempts=3 backoff=exponential os.path ok\n",
    "    at com.example.billing.Service.handle(Service.java:{n})\n",
    '  File "/srv/app/jobs/sync.py", line {n}, in run\n',
)


def build_paste(size: int) -> str:
    """Evaluation pastes and log lines, repeated up to `size` characters."""
    with PASTES.open(encoding="utf-8") as lines:
        texts = [json.loads(line)["text"] for line in lines if line.strip()]
    parts: list[str] = []
    total, n = 0, 0
    while total < size:
        for text in texts:
            filler = "".join(line.format(s=n % 60, n=n + i) for i, line in enumerate(LOG_LINES))
            for part in (text, "\n", filler):
                parts.append(part)
                total += len(part)
            n += 1
            if total >= size:
                break
    return "".join(parts)[:size]


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=50)
    parser.add_argument("--size", type=int, default=64 * 1024)
    args = parser.parse_args()

    entries, products = catalogue_entries(), products_info()
    started = time.perf_counter()
    catalog = ExplainCatalog.from_entries(entries, products)
    elapsed = 1000 * (time.perf_counter() - started)
    print(f"ExplainCatalog.from_entries: {elapsed:.0f} ms ({len(entries)} entries)")

    paste = build_paste(args.size)
    findings = find_errors(paste, catalog)  # warm-up: first calls compile nothing, but fill CPU caches
    timings = []
    for _ in range(args.runs):
        started = time.perf_counter()
        find_errors(paste, catalog)
        timings.append(1000 * (time.perf_counter() - started))
    p95 = percentile(timings, 0.95)
    print(f"paste: {len(paste)} characters, {paste.count(chr(10))} lines, {len(findings)} findings")
    print(
        f"find_errors over {args.runs} runs: p50 {statistics.median(timings):.1f} ms, "
        f"p95 {p95:.1f} ms, max {max(timings):.1f} ms (budget {BUDGET_MS:.0f} ms)"
    )
    return 0 if p95 <= BUDGET_MS else 1


if __name__ == "__main__":
    raise SystemExit(main())
