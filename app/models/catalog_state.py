"""One row that says which version of the catalogue the database holds.

Every change bumps `generation`; each app process compares it with the generation of its in-memory
read model every few seconds, which is how several processes (or machines) agree without a restart.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, DateTime, Integer
from sqlalchemy.orm import Mapped, mapped_column

from app.extensions import db
from app.models.error_code import utcnow


class CatalogState(db.Model):
    __tablename__ = "catalog_state"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    generation: Mapped[int] = mapped_column(Integer, default=0)
    sources: Mapped[dict] = mapped_column(JSON, default=dict)  # what the last load came from
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow, onupdate=utcnow)
