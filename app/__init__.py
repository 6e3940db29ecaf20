"""The app factory: configuration, extensions, blueprints, error handlers and CLI in one place."""

from __future__ import annotations

from flask import Flask

from app.config import Config


def create_app(config: type | dict | None = None) -> Flask:
    # The web blueprint serves the static files; an app-level /static route would shadow it.
    app = Flask(__name__, static_folder=None)
    app.config.from_object(Config)
    if isinstance(config, dict):
        app.config.update(config)
    elif config is not None:
        app.config.from_object(config)

    from app.extensions import babel, db, migrate
    from app.i18n import select_ui_locale

    db.init_app(app)
    migrate.init_app(app, db, directory=str(app.config.get("MIGRATIONS_DIR", _migrations_dir())))
    babel.init_app(app, locale_selector=select_ui_locale)

    from app import models  # noqa: F401  (register the tables with the metadata)
    from app.readmodel import init_app as init_readmodel

    init_readmodel(app)
    from app.paste import explain_catalog
    from app.search.service import search_index

    # Built right after each catalogue change, so no request waits for them.
    app.extensions["readmodel"].warmers = [search_index, explain_catalog]

    from app.api import init_app as init_api
    from app.web import init_app as init_web

    init_api(app)
    init_web(app)

    from app.cli import init_app as init_cli

    init_cli(app)
    return app


def _migrations_dir():
    from app.config import ROOT

    return ROOT / "migrations"
