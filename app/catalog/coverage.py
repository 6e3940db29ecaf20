"""How complete the catalogue is: per product and language, descriptions and own remediation."""

from __future__ import annotations

from collections import defaultdict

from sqlalchemy import func, select

from app.extensions import db
from app.i18n import CONTENT_LANGUAGES
from app.models import ErrorCode, ErrorText

LANGS = CONTENT_LANGUAGES


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
    header = (
        f"{'product':<22}{'codes':>7}"
        + "".join(f"{'desc ' + lang:>13}" for lang in LANGS)
        + "".join(f"{'steps ' + lang:>10}" for lang in LANGS)
    )
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
    distinct = distinct_coverage()
    lines.append(
        "distinct codes: "
        + ", ".join(
            f"{lang} {have}/{all_} ({100 * have / (all_ or 1):.1f}%)"
            for lang, (have, all_) in distinct.items()
        )
    )
    flagged = db.session.scalar(
        select(func.count()).select_from(ErrorText).where(ErrorText.needs_review.is_(True))
    )
    lines.append(f"translations whose source changed upstream (need review): {flagged}")
    return "\n".join(lines)


def distinct_coverage() -> dict[str, tuple[int, int]]:
    """Per language: distinct code strings with a description anywhere, and all distinct codes."""
    live = select(ErrorCode.id, ErrorCode.code).where(ErrorCode.retired.is_(False))
    codes = {row.id: row.code for row in db.session.execute(live)}
    described: dict[str, set[str]] = {lang: set() for lang in LANGS}
    for code_id, lang in db.session.execute(
        select(ErrorText.error_code_id, ErrorText.lang).where(ErrorText.description.is_not(None))
    ):
        if code_id in codes and lang in described:
            described[lang].add(codes[code_id])
    total = len(set(codes.values()))
    return {lang: (len(found), total) for lang, found in described.items()}


def _line(name: str, row: dict) -> str:
    n = row["codes"] or 1
    desc = "".join(
        f"{row['description'][lang]:>7} {100 * row['description'][lang] / n:>4.0f}%" for lang in LANGS
    )
    steps = "".join(f"{row['remediation'][lang]:>10}" for lang in LANGS)
    return f"{name:<22}{row['codes']:>7}" + desc + steps


def translations_to_review() -> list[tuple[str, str, str, str, str]]:
    """(product, code, lang, the source the translation was made from, the current official text)."""
    rows = db.session.execute(
        select(ErrorCode.id, ErrorCode.product, ErrorCode.code, ErrorText.lang, ErrorText.source_text)
        .join(ErrorText, ErrorText.error_code_id == ErrorCode.id)
        .where(ErrorText.needs_review.is_(True))
        .order_by(ErrorCode.product, ErrorCode.code, ErrorText.lang)
    ).all()
    official = {
        code_id: text
        for code_id, text in db.session.execute(
            select(ErrorText.error_code_id, ErrorText.description).where(
                ErrorText.origin == "official",
                ErrorText.lang == "zh",
                ErrorText.error_code_id.in_([row.id for row in rows]),
            )
        )
    }
    return [(r.product, r.code, r.lang, r.source_text or "", official.get(r.id) or "") for r in rows]
