"""Texts of an error code per language and origin, and the revisions staff edits leave behind.

Each origin has its own row, so an import (seed, official, project) can never overwrite what staff
wrote; which text is shown is decided when reading, not by overwriting.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, Boolean, DateTime, ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.extensions import db
from app.models.error_code import utcnow

ORIGINS = ("staff", "seed", "official", "project")


class ErrorText(db.Model):
    __tablename__ = "error_text"
    __table_args__ = (UniqueConstraint("error_code_id", "lang", "origin"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    error_code_id: Mapped[int] = mapped_column(ForeignKey("error_code.id", ondelete="CASCADE"), index=True)
    lang: Mapped[str] = mapped_column(String(16))
    origin: Mapped[str] = mapped_column(String(16))
    description: Mapped[str | None] = mapped_column(Text)
    remediation: Mapped[list | None] = mapped_column(JSON)
    # For a translation: the text it was made from, to flag it when that text changes upstream.
    source_text: Mapped[str | None] = mapped_column(Text)
    needs_review: Mapped[bool] = mapped_column(Boolean, default=False)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow, onupdate=utcnow)

    error_code = relationship("ErrorCode", back_populates="texts")


class Revision(db.Model):
    """One staff edit of one text field, kept forever."""

    __tablename__ = "revision"

    id: Mapped[int] = mapped_column(primary_key=True)
    error_code_id: Mapped[int] = mapped_column(ForeignKey("error_code.id", ondelete="CASCADE"), index=True)
    lang: Mapped[str] = mapped_column(String(16))
    field: Mapped[str] = mapped_column(String(32))  # description | remediation
    old_value: Mapped[object | None] = mapped_column(JSON)
    new_value: Mapped[object | None] = mapped_column(JSON)
    author: Mapped[str] = mapped_column(String(200))
    note: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
