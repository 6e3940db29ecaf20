"""Loading records into the database: idempotent merge, retirement, staff edits kept, review flags."""

from __future__ import annotations

import copy

from sqlalchemy import func, select

from app.catalog.bundle import Bundle, CodeRecord, ProductRecord, TextRecord
from app.catalog.curation import edit_text, find_code
from app.catalog.loader import load_bundle
from app.extensions import db
from app.models import CatalogState, ErrorCode, ErrorText, Revision
from app.readmodel import build_read_model


def small_bundle(version: str = "3.1.0") -> Bundle:
    sources = {"zh": {"package": "tencentcloud-sdk-python", "version": version}}
    common = CodeRecord(
        "",
        "InvalidParameterValue",
        "code",
        "seed",
        "after_fix",
        [],
        [
            TextRecord("ja", "seed", description="パラメータ値エラー。"),
            TextRecord("en", "official", description="Invalid parameter value."),
            TextRecord("ja", "project", remediation=["値を確認します。", "API ドキュメントを確認します。"]),
            TextRecord("en", "project", remediation=["Check the value.", "Read the API documentation."]),
        ],
    )
    image = CodeRecord(
        "cvm",
        "InvalidParameterValue.InvalidImageId",
        "code",
        "official",
        "after_fix",
        ["2017-03-12"],
        [
            TextRecord("zh", "official", description="镜像ID不合法。"),
            TextRecord("ja", "project", description="イメージ ID が不正です。", source_text="镜像ID不合法。"),
        ],
    )
    zone = CodeRecord(
        "cvm",
        "InvalidZone.MismatchRegion",
        "code",
        "official",
        "after_fix",
        ["2017-03-12"],
        [TextRecord("zh", "official", description="指定的zone不存在。")],
    )
    product = ProductRecord(
        "cvm", "cvm.tencentcloudapi.com", {"en": "Cloud Virtual Machine"}, [], ["2017-03-12"]
    )
    return Bundle(sources, [product], [common, image, zone])


def counts():
    return (
        db.session.scalar(select(func.count()).select_from(ErrorCode)),
        db.session.scalar(select(func.count()).select_from(ErrorText)),
    )


def test_loading_twice_changes_nothing(scratch_app):
    with scratch_app.app_context():
        first = load_bundle(small_bundle())
        db.session.commit()
        assert first.counts["codes added"] == 3
        before, generation = counts(), db.session.get(CatalogState, 1).generation
        second = load_bundle(small_bundle())
        db.session.commit()
        assert not second.changed, second.summary()
        assert counts() == before
        assert db.session.get(CatalogState, 1).generation == generation


def test_code_gone_upstream_is_retired_not_deleted(scratch_app):
    with scratch_app.app_context():
        load_bundle(small_bundle("3.1.0"))
        db.session.commit()
        newer = small_bundle("3.1.1")
        newer.codes = [c for c in newer.codes if c.code != "InvalidZone.MismatchRegion"]
        report = load_bundle(newer)
        db.session.commit()
        assert report.counts["codes retired"] == 1
        row = find_code("InvalidZone.MismatchRegion", "cvm")
        assert row.retired and row.last_seen_in == "tencentcloud-sdk-python 3.1.0"
        model = build_read_model()
        entry = model.by_key[("cvm", "invalidzone.mismatchregion")]
        assert entry.retired_in == "tencentcloud-sdk-python 3.1.0"
        # It comes back when upstream lists it again.
        load_bundle(small_bundle("3.1.2"))
        db.session.commit()
        assert not find_code("InvalidZone.MismatchRegion", "cvm").retired


def test_staff_edit_survives_a_sync_that_changes_official_text(scratch_app):
    with scratch_app.app_context():
        load_bundle(small_bundle())
        db.session.commit()
        row = find_code("InvalidParameterValue.InvalidImageId", "cvm")
        edit_text(
            row,
            "ja",
            author="sato",
            description="指定したイメージ ID は存在しないか形式が不正です。",
            remediation=["DescribeImages でイメージ ID を確認します。"],
            note="ticket 123",
        )
        db.session.commit()

        changed = small_bundle("3.1.1")
        image = changed.codes[1]
        image.texts[0] = TextRecord("zh", "official", description="镜像ID不合法，请检查。")
        load_bundle(changed)
        db.session.commit()

        model = build_read_model()
        entry = model.by_key[("cvm", "invalidparametervalue.invalidimageid")]
        assert entry.descriptions["ja"].text == "指定したイメージ ID は存在しないか形式が不正です。"
        assert entry.descriptions["ja"].origin == "staff"
        assert entry.remediation["ja"] == ("DescribeImages でイメージ ID を確認します。",)
        assert entry.descriptions["zh"].text == "镜像ID不合法，请检查。"
        revisions = db.session.scalars(select(Revision)).all()
        assert {r.field for r in revisions} == {"description", "remediation"}
        assert all(r.author == "sato" for r in revisions)
        # The project translation was made from the old Chinese text: flagged for review.
        translation = db.session.scalar(
            select(ErrorText).where(
                ErrorText.error_code_id == row.id, ErrorText.lang == "ja", ErrorText.origin == "project"
            )
        )
        assert translation.needs_review


def test_failed_load_leaves_nothing_behind(scratch_app):
    with scratch_app.app_context():
        broken = small_bundle()
        broken.codes.append(copy.deepcopy(broken.codes[1]))  # a duplicate (product, code)
        try:
            load_bundle(broken)
            db.session.commit()
        except Exception:
            db.session.rollback()
        else:
            raise AssertionError("a duplicate key must fail the load")
        assert counts() == (0, 0)


def test_translations_to_review_are_listed(scratch_app):
    with scratch_app.app_context():
        load_bundle(small_bundle())
        db.session.commit()
        changed = small_bundle("3.1.1")
        changed.codes[1].texts[0] = TextRecord("zh", "official", description="镜像ID不合法，请检查。")
        load_bundle(changed)
        db.session.commit()
    result = scratch_app.test_cli_runner().invoke(args=["catalog", "review"])
    assert result.exit_code == 0, result.output
    assert "cvm:InvalidParameterValue.InvalidImageId [ja]" in result.output
    assert "translated from: 镜像ID不合法。" in result.output
    assert "official now:    镜像ID不合法，请检查。" in result.output
    assert "1 translation(s) to review" in result.output
