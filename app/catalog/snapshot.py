"""Catalogue sources -> database: the official SDK snapshot file, built from the zh and en SDK trees.

The snapshot is JSON Lines so that a new SDK release shows up in review as a readable line diff:
a header line with the sources, then per product (sorted by slug) one product line followed by its
code lines (sorted by code):

    {"snapshot":1,"sources":{"zh":{"package":"tencentcloud-sdk-python","version":"3.1.195"},"en":{...}}}
    {"product":"cvm","endpoint":"cvm.tencentcloudapi.com","versions":["2017-03-12"]}
    {"product":"cvm","code":"AuthFailure.CamRoleNameAuthenticateFailed","versions":["2017-03-12"],"zh":"...","en":"..."}

"zh" or "en" is null when that SDK does not list the code; "versions" joins both SDKs' versions.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from app.catalog.sdk_parser import walk_sdk
from app.catalog.sdk_source import PACKAGES, SdkSourceError, SdkTree, open_tree

FORMAT_VERSION = 1
LANGUAGES = ("zh", "en")
DEFAULT_SNAPSHOT_PATH = Path(__file__).resolve().parent / "data" / "sdk_snapshot.jsonl"


@dataclass(frozen=True, slots=True)
class ProductInfo:
    """A product as the SDKs describe it; the endpoint is the Chinese SDK's when both have one."""

    endpoint: str | None
    versions: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class SnapshotEntry:
    """One (product, code): its API versions and the official description per language."""

    versions: tuple[str, ...]
    zh: str | None
    en: str | None


@dataclass
class Snapshot:
    """The whole snapshot: sources {lang: {package, version}}, products by slug, entries by key."""

    sources: dict[str, dict[str, str | None]]
    products: dict[str, ProductInfo]
    entries: dict[tuple[str, str], SnapshotEntry]


def _union(groups: Iterable[Iterable[str]]) -> tuple[str, ...]:
    return tuple(sorted(set().union(*groups)))


def build_snapshot(zh_tree: SdkTree, en_tree: SdkTree) -> Snapshot:
    """Merge the Chinese and English SDK trees; a product or code in either one is included."""
    trees = {"zh": zh_tree, "en": en_tree}
    walked = {lang: walk_sdk(tree) for lang, tree in trees.items()}
    sources = {
        lang: {"package": tree.package or PACKAGES[lang], "version": tree.version}
        for lang, tree in trees.items()
    }
    products: dict[str, ProductInfo] = {}
    entries: dict[tuple[str, str], SnapshotEntry] = {}
    for slug in sorted(walked["zh"].keys() | walked["en"].keys()):
        zh, en = walked["zh"].get(slug), walked["en"].get(slug)
        present = [p for p in (zh, en) if p is not None]
        # The international SDK talks to `<slug>.intl.tencentcloudapi.com`; prefer the general host.
        endpoint = next((p.endpoint for p in present if p.endpoint), None)
        products[slug] = ProductInfo(endpoint, _union(p.versions for p in present))
        for code in sorted(set().union(*(p.codes for p in present))):
            zh_code = zh.codes.get(code) if zh else None
            en_code = en.codes.get(code) if en else None
            entries[(slug, code)] = SnapshotEntry(
                _union(c.versions for c in (zh_code, en_code) if c is not None),
                zh_code.description if zh_code else None,
                en_code.description if en_code else None,
            )
    return Snapshot(sources, products, entries)


def _dumps(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def snapshot_lines(snapshot: Snapshot) -> Iterator[str]:
    """The lines of the file, without newlines, in their canonical order."""
    sources = {
        lang: {key: snapshot.sources[lang].get(key) for key in ("package", "version")}
        for lang in LANGUAGES
        if lang in snapshot.sources
    }
    yield _dumps({"snapshot": FORMAT_VERSION, "sources": sources})
    codes_by_product: dict[str, list[str]] = {slug: [] for slug in snapshot.products}
    for slug, code in snapshot.entries:
        codes_by_product[slug].append(code)
    for slug in sorted(snapshot.products):
        info = snapshot.products[slug]
        yield _dumps({"product": slug, "endpoint": info.endpoint, "versions": list(info.versions)})
        for code in sorted(codes_by_product[slug]):
            entry = snapshot.entries[(slug, code)]
            item = {"product": slug, "code": code, "versions": list(entry.versions)}
            yield _dumps(item | {"zh": entry.zh, "en": entry.en})


def write_snapshot(snapshot: Snapshot, path: Path | str = DEFAULT_SNAPSHOT_PATH) -> None:
    """Write the file atomically, so a failed sync never leaves half a snapshot behind."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(path.name + ".partial")
    with partial.open("w", encoding="utf-8", newline="\n") as out:
        for line in snapshot_lines(snapshot):
            out.write(line)
            out.write("\n")
    os.replace(partial, path)


def read_snapshot(path: Path | str = DEFAULT_SNAPSHOT_PATH) -> Snapshot:
    """Read a snapshot file; ValueError names the line of anything malformed."""
    path = Path(path)
    products: dict[str, ProductInfo] = {}
    entries: dict[tuple[str, str], SnapshotEntry] = {}
    sources: dict[str, dict[str, str | None]] | None = None
    with path.open(encoding="utf-8") as lines:
        for number, line in enumerate(lines, start=1):
            try:
                item = json.loads(line)
                if sources is None:
                    if item.get("snapshot") != FORMAT_VERSION:
                        raise ValueError(f"not a version {FORMAT_VERSION} snapshot header")
                    sources = item["sources"]
                elif "code" in item:
                    if item["product"] not in products:
                        raise ValueError(f"code of product {item['product']!r} before its product line")
                    entries[(item["product"], item["code"])] = SnapshotEntry(
                        tuple(item["versions"]), item["zh"], item["en"]
                    )
                else:
                    products[item["product"]] = ProductInfo(item["endpoint"], tuple(item["versions"]))
            except (ValueError, KeyError, TypeError, AttributeError) as error:
                raise ValueError(f"{path}:{number}: malformed snapshot line ({error!r})") from error
    if sources is None:
        raise ValueError(f"{path}: empty snapshot file")
    return Snapshot(sources, products, entries)


def summarize(snapshot: Snapshot) -> dict[str, int]:
    """Counts worth reporting after a sync."""
    values = snapshot.entries.values()
    return {
        "entries": len(snapshot.entries),
        "distinct codes": len({code for _, code in snapshot.entries}),
        "products": len(snapshot.products),
        "products with codes": len({slug for slug, _ in snapshot.entries}),
        "with zh": sum(1 for e in values if e.zh is not None),
        "with en": sum(1 for e in values if e.en is not None),
        "zh only": sum(1 for e in values if e.en is None),
        "en only": sum(1 for e in values if e.zh is None),
        "empty zh text": sum(1 for e in values if e.zh == ""),
        "empty en text": sum(1 for e in values if e.en == ""),
    }


def main(argv: list[str] | None = None) -> int:
    """Build the snapshot from two SDK sources, report what changed, and write it."""
    parser = argparse.ArgumentParser(prog="python -m app.catalog.snapshot", description=main.__doc__)
    parser.add_argument("--zh", required=True, help=f"{PACKAGES['zh']}: directory, .whl/.zip or 'installed'")
    parser.add_argument("--en", required=True, help=f"{PACKAGES['en']}: directory, .whl/.zip or 'installed'")
    parser.add_argument("--out", type=Path, default=DEFAULT_SNAPSHOT_PATH, help="snapshot file to write")
    parser.add_argument("--verbose", action="store_true", help="list the changed codes")
    parser.add_argument("--dry-run", action="store_true", help="report without writing")
    args = parser.parse_args(argv)
    # Imported here because the diff module builds on this one.
    from app.catalog.diff import diff_snapshots, format_diff

    try:
        with open_tree(args.zh, PACKAGES["zh"]) as zh_tree, open_tree(args.en, PACKAGES["en"]) as en_tree:
            snapshot = build_snapshot(zh_tree, en_tree)
    except SdkSourceError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    if args.out.exists():
        print(format_diff(diff_snapshots(read_snapshot(args.out), snapshot), verbose=args.verbose))
    for name, count in summarize(snapshot).items():
        print(f"{name}: {count}")
    if not args.dry_run:
        write_snapshot(snapshot, args.out)
        print(f"wrote {args.out} ({args.out.stat().st_size} bytes)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
