"""Requests per second and latency of the lookup endpoint next to a bare Flask endpoint.

Serves the app with gunicorn on loopback (sync workers) against the database of DATABASE_URL (the
SQLite file under instance/ by default: run `make db` first), drives it with wrk, prints both and
the ratio.  Usage: .venv/bin/python bench/lookup_throughput.py [--workers 2] [--seconds 10]
"""

from __future__ import annotations

import argparse
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGETS = {
    "bare": "/bench/bare",
    "lookup (common, ja)": "/api/v1/errors/AuthFailure.SignatureExpire?lang=ja",
    "lookup (product, en)": "/api/v1/errors/InvalidParameterValue.InvalidImageId?product=cvm&lang=en",
    "lookup (normalised)": "/api/v1/errors/%EF%BD%81%EF%BD%95%EF%BD%94%EF%BD%88failure.signatureexpire",
}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wrk(url: str, seconds: int, connections: int) -> dict:
    out = subprocess.run(
        ["wrk", "-t1", f"-c{connections}", f"-d{seconds}s", "--latency", url],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))

    def ms(label: str) -> float:
        value, unit = re.search(rf"\s{label}%\s+([\d.]+)(us|ms|s)", out).groups()
        return float(value) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[unit]

    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    return {"rps": rps, "p50": ms("50"), "p99": ms("99"), "non2xx": int(errors.group(1)) if errors else 0}


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--connections", type=int, default=8)
    args = parser.parse_args()
    if not shutil.which("wrk"):
        print("wrk is needed: apt-get install -y wrk", file=sys.stderr)
        return 2
    port = free_port()
    server = subprocess.Popen(
        [
            str(ROOT / ".venv/bin/gunicorn"),
            "--workers",
            str(args.workers),
            "--bind",
            f"127.0.0.1:{port}",
            "--log-level",
            "warning",
            "bench.bare_app:app",
        ],
        cwd=ROOT,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(base + "/bench/bare", timeout=1)
                break
            except OSError:
                time.sleep(0.1)
        for path in TARGETS.values():  # warm every worker's read model
            for _ in range(args.workers * 4):
                urllib.request.urlopen(base + path, timeout=10).read()
        results = {name: wrk(base + path, args.seconds, args.connections) for name, path in TARGETS.items()}
    finally:
        server.terminate()
        server.wait(timeout=10)
    bare = results["bare"]["rps"]
    print(
        f"gunicorn sync workers: {args.workers}, wrk: 1 thread, {args.connections} connections, {args.seconds}s each"
    )
    print(f"{'endpoint':<24}{'req/s':>10}{'p50 ms':>10}{'p99 ms':>10}{'ratio':>8}{'non-2xx':>9}")
    for name, r in results.items():
        print(
            f"{name:<24}{r['rps']:>10.0f}{r['p50']:>10.2f}{r['p99']:>10.2f}{r['rps'] / bare:>8.2f}{r['non2xx']:>9}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
