"""Staff edits: written to the staff row of a text, with a revision in the same transaction.

Imports never write staff rows, so a later catalogue load or sync keeps every edit.
"""

from __future__ import annotations

from sqlalchemy import select

from app.catalog.loader import bump_generation
from app.extensions import db
from app.models import ErrorCode, ErrorText, Revision


class CurationError(ValueError):
    pass


def find_code(code: str, product: str | None) -> ErrorCode:
    row = db.session.scalar(
        select(ErrorCode).where(ErrorCode.code == code, ErrorCode.product == (product or ""))
    )
    if row is None:
        raise CurationError(f"{product or 'common'}:{code} is not in the catalogue")
    return row


def edit_text(
    error_code: ErrorCode,
    lang: str,
    *,
    author: str,
    description: str | None = None,
    remediation: list[str] | None = None,
    note: str | None = None,
) -> ErrorText:
    """Set staff-written text for one language; the caller commits."""
    if not author.strip():
        raise CurationError("an author is required")
    if description is None and remediation is None:
        raise CurationError("nothing to change")
    if remediation is not None and not all(step.strip() for step in remediation):
        raise CurationError("remediation steps must not be empty")
    row = db.session.scalar(
        select(ErrorText).where(
            ErrorText.error_code_id == error_code.id, ErrorText.lang == lang, ErrorText.origin == "staff"
        )
    )
    if row is None:
        row = ErrorText(error_code_id=error_code.id, lang=lang, origin="staff")
        db.session.add(row)
    for field, value in (("description", description), ("remediation", remediation)):
        if value is None or getattr(row, field) == value:
            continue
        db.session.add(
            Revision(
                error_code_id=error_code.id,
                lang=lang,
                field=field,
                old_value=getattr(row, field),
                new_value=value,
                author=author,
                note=note,
            )
        )
        setattr(row, field, value)
    db.session.flush()
    bump_generation()
    return row
