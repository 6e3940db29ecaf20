"""Gunicorn settings read from the working directory: each worker loads the catalogue on boot."""


def post_worker_init(worker):
    """Read the catalogue (and build its indexes in the background) before the first request."""
    from app.readmodel import current

    with worker.wsgi.test_request_context():
        current()
