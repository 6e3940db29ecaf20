"""Languages: the UI locale (Flask-Babel) and, separately, the content-language fallback."""

from __future__ import annotations

from flask import current_app, g, request

UI_LANGUAGES = ("ja", "en")
CONTENT_LANGUAGES = ("ja", "en", "zh")
LANG_COOKIE = "lang"
# Description fallback: the requested language, then English, then Japanese, then Chinese.
_FALLBACK = ("en", "ja", "zh")


def select_ui_locale() -> str:
    """`?lang=` -> cookie -> Accept-Language -> default (ja)."""
    cached = getattr(g, "ui_locale", None)
    if cached:
        return cached
    chosen = None
    for candidate in (request.args.get("lang"), request.cookies.get(LANG_COOKIE)):
        if candidate in UI_LANGUAGES:
            chosen = candidate
            break
    if chosen is None:
        chosen = request.accept_languages.best_match(UI_LANGUAGES) or current_app.config.get(
            "BABEL_DEFAULT_LOCALE", "ja"
        )
    g.ui_locale = chosen
    return chosen


def content_fallback(lang: str) -> tuple[str, ...]:
    """The order in which content languages are tried for a request in `lang`."""
    return (lang, *(other for other in _FALLBACK if other != lang))


def pick(texts: dict, lang: str):
    """The first of `texts` (keyed by language) in fallback order, with the language served."""
    for candidate in content_fallback(lang):
        value = texts.get(candidate)
        if value:
            return candidate, value
    return None, None
