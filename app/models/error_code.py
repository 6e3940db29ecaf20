"""An error code of the catalogue: unique per (product, code); product '' for common codes."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import JSON, Boolean, DateTime, Index, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.extensions import db


def utcnow() -> datetime:
    return datetime.now(UTC)


class ErrorCode(db.Model):
    __tablename__ = "error_code"
    __table_args__ = (
        UniqueConstraint("product", "code"),
        Index("ix_error_code_code", "code"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    # '' rather than NULL: NULLs never collide in a unique constraint, so two common rows could.
    product: Mapped[str] = mapped_column(String(64), default="")
    code: Mapped[str] = mapped_column(String(200))
    category: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(16), default="code")  # code | category | client
    source: Mapped[str] = mapped_column(String(16))  # seed | official | sdk | project | staff
    retryable: Mapped[str] = mapped_column(String(16), default="after_fix")  # yes | no | after_fix
    versions: Mapped[list] = mapped_column(JSON, default=list)  # API versions that define it
    last_seen_in: Mapped[str | None] = mapped_column(String(64))  # catalogue release last seen in
    retired: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow, onupdate=utcnow)

    texts = relationship("ErrorText", back_populates="error_code", cascade="all, delete-orphan")

    def __repr__(self) -> str:
        return f"<ErrorCode {self.product or '-'}:{self.code}>"
