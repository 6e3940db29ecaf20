"""Several app processes on one database agree: a change through one is seen by the others."""

from __future__ import annotations

import time

from app.catalog.curation import edit_text, find_code
from app.catalog.loader import load_bundle
from app.extensions import db
from app.readmodel import current
from app.search.service import search
from tests.catalog.test_loader import small_bundle
from tests.conftest import build_app

INTERVAL = 0.3


def test_an_edit_through_one_instance_is_found_by_another(scratch_url):
    writer = build_app(scratch_url, CATALOG_REFRESH_INTERVAL=INTERVAL)
    # The reader refreshes the way production processes do: in the background.
    reader = build_app(scratch_url, CATALOG_REFRESH_INTERVAL=INTERVAL, CATALOG_REFRESH_IN_BACKGROUND=True)
    with writer.app_context():
        load_bundle(small_bundle())
        db.session.commit()
    with reader.test_request_context():
        assert search(current(), "ぴよぴよ監視").total == 0
        before = current().generation

    with writer.app_context():
        edit_text(
            find_code("InvalidParameterValue.InvalidImageId", "cvm"),
            "ja",
            author="suzuki",
            description="ぴよぴよ監視の設定で指定したイメージ ID が見つかりません。",
        )
        db.session.commit()

    deadline = time.monotonic() + 5
    found = None
    while time.monotonic() < deadline:
        with reader.test_request_context():
            result = search(current(), "ぴよぴよ監視")
            if result.total:
                found = result.hits[0].entry
                assert current().generation > before
                break
        time.sleep(INTERVAL / 3)
    assert found is not None and found.code == "InvalidParameterValue.InvalidImageId"
    for application in (writer, reader):
        with application.app_context():
            db.session.remove()
            db.engine.dispose()
