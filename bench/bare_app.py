"""The app plus one bare endpoint, so lookups are compared with Flask on the same server settings."""

from app import create_app

app = create_app()


@app.get("/bench/bare")
def bare():
    return {"Response": {"RequestId": "00000000-0000-4000-8000-000000000000"}}
