"""How complete the catalogue is: per product and language, descriptions and own remediation."""

from __future__ import annotations

from collections import defaultdict

from sqlalchemy import select

from app.extensions import db
from app.models import ErrorCode, ErrorText

LANGS = ("ja", "en", "zh")


def coverage_counts(only: tuple[str, ...] = ()) -> dict[str, dict]:
    """{product: {"codes": n, "description": {lang: n}, "remediation": {lang: n}}}; '' = common."""
    codes = {
        row.id: row.product
        for row in db.session.execute(
            select(ErrorCode.id, ErrorCode.product).where(ErrorCode.retired.is_(False))
        )
        if not only or row.product in only
    }
    table: dict[str, dict] = defaultdict(
        lambda: {"codes": 0, "description": defaultdict(set), "remediation": defaultdict(set)}
    )
    for product in codes.values():
        table[product]["codes"] += 1
    for code_id, lang, description, remediation in db.session.execute(
        select(ErrorText.error_code_id, ErrorText.lang, ErrorText.description, ErrorText.remediation)
    ):
        product = codes.get(code_id)
        if product is None:
            continue
        if description:
            table[product]["description"][lang].add(code_id)
        if remediation:
            table[product]["remediation"][lang].add(code_id)
    return {
        product: {
            "codes": row["codes"],
            "description": {lang: len(row["description"][lang]) for lang in LANGS},
            "remediation": {lang: len(row["remediation"][lang]) for lang in LANGS},
        }
        for product, row in table.items()
    }


def coverage_table(only: tuple[str, ...] = ()) -> str:
    counts = coverage_counts(tuple(only))
    header = f"{'product':<22}{'codes':>7}" + "".join(f"{'desc ' + l:>10}" for l in LANGS) + "".join(
        f"{'steps ' + l:>10}" for l in LANGS)
    lines = [header]
    total = {"codes": 0, "description": dict.fromkeys(LANGS, 0), "remediation": dict.fromkeys(LANGS, 0)}
    for product in sorted(counts):
        row = counts[product]
        total["codes"] += row["codes"]
        for kind in ("description", "remediation"):
            for lang in LANGS:
                total[kind][lang] += row[kind][lang]
        lines.append(_line(product or "(common)", row))
    lines.append(_line("TOTAL", total))
    return "\n".join(lines)


def _line(name: str, row: dict) -> str:
    n = row["codes"] or 1
    desc = "".join(f"{row['description'][l]:>6}{100 * row['description'][l] // n:>3}%" for l in LANGS)
    steps = "".join(f"{row['remediation'][l]:>10}" for l in LANGS)
    return f"{name:<22}{row['codes']:>7}" + desc + steps
