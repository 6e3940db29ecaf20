"""A product of the catalogue (cvm, vpc, ...): names, endpoint, aliases, API versions."""

from __future__ import annotations

from sqlalchemy import JSON, Boolean, String
from sqlalchemy.orm import Mapped, mapped_column

from app.extensions import db


class Product(db.Model):
    __tablename__ = "product"

    slug: Mapped[str] = mapped_column(String(64), primary_key=True)
    endpoint: Mapped[str | None] = mapped_column(String(200))
    names: Mapped[dict] = mapped_column(JSON, default=dict)  # {lang: name}
    aliases: Mapped[list] = mapped_column(JSON, default=list)
    versions: Mapped[list] = mapped_column(JSON, default=list)
    retired: Mapped[bool] = mapped_column(Boolean, default=False)
