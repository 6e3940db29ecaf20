"""The JSON API for chatbots, under /api/v1, in the Tencent Cloud API envelope."""

from flask import Flask


def init_app(app: Flask) -> None:
    from app.api import envelope
    from app.api.routes import bp

    app.json.ensure_ascii = False
    envelope.init_app(app)
    app.register_blueprint(bp)
