"""The HTML pages for support staff: server-rendered, bilingual, usable without JavaScript."""

from __future__ import annotations

from flask import Flask, Response, request, url_for
from flask_babel import get_locale
from markupsafe import Markup, escape

from app.explain.mask import mask_secrets
from app.i18n import LANG_COOKIE, UI_LANGUAGES

ONE_YEAR = 365 * 24 * 3600


def init_app(app: Flask) -> None:
    from app.web.errors import html_error_page
    from app.web.routes import bp

    app.register_blueprint(bp)
    app.extensions["html_error_page"] = html_error_page
    app.add_template_filter(highlight, "highlight")

    @app.context_processor
    def inject_i18n():
        return {"get_locale": get_locale, "switch_lang_url": switch_lang_url, "ui_languages": UI_LANGUAGES}

    @app.after_request
    def remember_language(response: Response) -> Response:
        chosen = request.args.get("lang")
        if chosen in UI_LANGUAGES and not request.path.startswith("/api/"):
            response.set_cookie(LANG_COOKIE, chosen, max_age=ONE_YEAR, samesite="Lax")
        return response


def switch_lang_url(lang: str) -> str:
    """The current page in another language, keeping its place (path and query)."""
    if request.endpoint is None or request.method != "GET":
        return url_for("web.index", lang=lang)
    args = {k: mask_secrets(v) for k, v in request.args.items() if k != "lang"}
    view_args = {
        k: mask_secrets(v) if isinstance(v, str) else v for k, v in (request.view_args or {}).items()
    }
    return url_for(request.endpoint, **view_args, **args, lang=lang)


def highlight(text: str | None, terms) -> Markup:
    """`text` escaped, with the parts that matched the query wrapped in <mark>."""
    from app.search.highlight import highlight_spans

    text = text or ""
    out, last = [], 0
    for start, end in highlight_spans(text, terms or ()):
        if start < last:
            continue
        out.append(escape(text[last:start]))
        out.append(Markup("<mark>") + escape(text[start:end]) + Markup("</mark>"))
        last = end
    out.append(escape(text[last:]))
    return Markup("").join(out)
