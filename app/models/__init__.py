"""The schema: error codes, their texts per language and origin, revisions, products, catalogue state."""

from app.models.catalog_state import CatalogState
from app.models.error_code import ErrorCode
from app.models.error_text import ErrorText, Revision
from app.models.product import Product

__all__ = ["CatalogState", "ErrorCode", "ErrorText", "Product", "Revision"]
