"""Comparing two snapshots and reporting the changes per product."""

from __future__ import annotations

import copy
from collections.abc import Callable

import pytest

from app.catalog.diff import TextChange, diff_snapshots, format_diff
from app.catalog.snapshot import ProductInfo, Snapshot, SnapshotEntry

V1 = ("2017-03-12",)
SOURCES = {
    "zh": {"package": "tencentcloud-sdk-python", "version": "3.1.195"},
    "en": {"package": "tencentcloud-sdk-python-intl-en", "version": "3.1.193"},
}


def base() -> Snapshot:
    return Snapshot(
        copy.deepcopy(SOURCES),
        {
            "cvm": ProductInfo("cvm.tencentcloudapi.com", V1),
            "vpc": ProductInfo("vpc.tencentcloudapi.com", V1),
        },
        {
            ("cvm", "AuthFailure.CamRoleNameAuthenticateFailed"): SnapshotEntry(V1, "角色名鉴权失败", None),
            ("cvm", "InternalError"): SnapshotEntry(V1, "内部错误", "Internal error."),
            ("vpc", "InvalidParameter"): SnapshotEntry(V1, "参数错误", "Invalid parameter."),
        },
    )


def add_code(s: Snapshot) -> None:
    s.entries[("cvm", "FailedOperation.New")] = SnapshotEntry(V1, "新", None)


def remove_code(s: Snapshot) -> None:
    del s.entries[("cvm", "InternalError")]


def change_zh(s: Snapshot) -> None:
    s.entries[("cvm", "InternalError")] = SnapshotEntry(V1, "内部错误。", "Internal error.")


def add_en(s: Snapshot) -> None:
    s.entries[("cvm", "AuthFailure.CamRoleNameAuthenticateFailed")] = SnapshotEntry(
        V1, "角色名鉴权失败", "Role name authentication failed."
    )


def change_both(s: Snapshot) -> None:
    s.entries[("cvm", "InternalError")] = SnapshotEntry(V1, "内部错误。", "An internal error occurred.")


def add_product(s: Snapshot) -> None:
    s.products["cbs"] = ProductInfo("cbs.tencentcloudapi.com", V1)
    s.entries[("cbs", "InternalError")] = SnapshotEntry(V1, "内部错误", None)
    s.entries[("cbs", "InvalidParameter")] = SnapshotEntry(V1, "参数错误", None)


def remove_product(s: Snapshot) -> None:
    del s.products["vpc"]
    del s.entries[("vpc", "InvalidParameter")]


def add_version(s: Snapshot) -> None:
    s.entries[("cvm", "InternalError")] = SnapshotEntry(
        ("2017-03-12", "2024-01-01"), "内部错误", "Internal error."
    )


def move_endpoint(s: Snapshot) -> None:
    s.products["cvm"] = ProductInfo("cvm.intl.tencentcloudapi.com", V1)


@pytest.mark.parametrize(
    ("mutate", "line"),
    [
        (add_code, "cvm: +1 -0 ~0 (zh 0, en 0)"),
        (remove_code, "cvm: +0 -1 ~0 (zh 0, en 0)"),
        (change_zh, "cvm: +0 -0 ~1 (zh 1, en 0)"),
        (add_en, "cvm: +0 -0 ~1 (zh 0, en 1)"),
        (change_both, "cvm: +0 -0 ~1 (zh 1, en 1)"),
        (add_product, "cbs (new product): +2 -0 ~0 (zh 0, en 0)"),
        (remove_product, "vpc (product removed): +0 -1 ~0 (zh 0, en 0)"),
        (add_version, "cvm: +0 -0 ~0 (zh 0, en 0), versions of 1 codes"),
        (
            move_endpoint,
            "cvm: +0 -0 ~0 (zh 0, en 0); endpoint: cvm.tencentcloudapi.com -> cvm.intl.tencentcloudapi.com",
        ),
    ],
)
def test_one_change_gives_one_product_line(mutate: Callable[[Snapshot], None], line: str) -> None:
    new = base()
    mutate(new)
    report = format_diff(diff_snapshots(base(), new)).splitlines()
    assert report[0] == line
    assert report[-1].startswith("Total: 1 products changed")
    assert len(report) == 2


def test_no_changes() -> None:
    diff = diff_snapshots(base(), base())
    assert diff.is_empty()
    assert format_diff(diff) == "No changes."
    assert format_diff(diff, verbose=True) == "No changes."


def test_a_new_package_version_alone_is_not_a_change() -> None:
    new = base()
    new.sources["zh"]["version"] = "3.1.200"
    assert format_diff(diff_snapshots(base(), new)) == "No changes."


def test_diff_records_codes_and_texts() -> None:
    new = base()
    for mutate in (add_code, remove_code, add_en, add_product, remove_product):
        mutate(new)
    diff = diff_snapshots(base(), new)
    assert list(diff.products) == ["cbs", "cvm", "vpc"]
    assert diff.products_added == ["cbs"] and diff.products_removed == ["vpc"]
    cvm = diff.products["cvm"]
    assert cvm.added == ["FailedOperation.New"] and cvm.removed == ["InternalError"]
    assert cvm.texts == [
        TextChange(
            "AuthFailure.CamRoleNameAuthenticateFailed", "en", None, "Role name authentication failed."
        )
    ]
    assert diff.products["cbs"].added == ["InternalError", "InvalidParameter"]
    assert diff.products["vpc"].removed == ["InvalidParameter"]


def test_report_totals_and_sources() -> None:
    new = base()
    for mutate in (add_code, change_both, add_product):
        mutate(new)
    new.sources["en"]["version"] = "3.1.200"
    report = format_diff(diff_snapshots(base(), new)).splitlines()
    assert report == [
        "en: tencentcloud-sdk-python-intl-en 3.1.193 -> tencentcloud-sdk-python-intl-en 3.1.200",
        "cbs (new product): +2 -0 ~0 (zh 0, en 0)",
        "cvm: +1 -0 ~1 (zh 1, en 1)",
        "Total: 2 products changed (1 added, 0 removed): +3 -0 ~1 (zh 1, en 1)",
    ]


def test_verbose_report_lists_codes_with_old_and_new_text() -> None:
    new = base()
    for mutate in (add_code, remove_code, add_en):
        mutate(new)
    report = format_diff(diff_snapshots(base(), new), verbose=True).splitlines()
    assert report == [
        "cvm: +1 -1 ~1 (zh 0, en 1)",
        "  + FailedOperation.New",
        "  - InternalError",
        "  ~ AuthFailure.CamRoleNameAuthenticateFailed [en]",
        "      old: (none)",
        "      new: Role name authentication failed.",
        "Total: 1 products changed (0 added, 0 removed): +1 -1 ~1 (zh 0, en 1)",
    ]
