"""Error pages of the web UI (the API answers errors in its envelope instead)."""

from __future__ import annotations

from flask import render_template
from werkzeug.exceptions import HTTPException


def not_found_page(**context):
    return render_template("error.html", status=404, **context), 404


def html_error_page(error: HTTPException | None):
    """The page for any HTTP error (None: an unexpected exception, shown as 500)."""
    status = error.code if error is not None and error.code else 500
    return render_template("error.html", status=status), status
