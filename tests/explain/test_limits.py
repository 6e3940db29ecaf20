"""find_errors on 64 KB inputs built to make regular expressions backtrack: each stays fast."""

from __future__ import annotations

import time
from types import SimpleNamespace

import pytest

from app.explain import ExplainCatalog, find_errors
from tests.explain import PRODUCTS, make_entries, small_catalog

SIZE = 64 * 1024
RID = "0b3c5e21-7a4f-4d2e-9b61-2f8e4a7c9d10"

PATHOLOGICAL = {
    "one-long-word": "a" * SIZE,
    "backslashes": "\\" * SIZE,
    "open-quotes": '"Message": "' * (SIZE // 12),
    "labels-without-values": "[TencentCloudSDKException] code:" * (SIZE // 32),
    "messages-without-request-ids": "message: " + "x " * (SIZE // 2),
    "dotted-lower": "a." * (SIZE // 2),
    "dotted-upper": "A." * (SIZE // 2),
    "colon-codes": "FailedOperation.Something: " * (SIZE // 27),
    "almost-uuids": ("requestId:" + "0" * 8 + "-") * (SIZE // 19),
    "almost-secret-ids": ("AKID" + "a" * 15 + " ") * (SIZE // 20),
    "almost-templates": "Your current request times equals to `" * (SIZE // 38),
    "terraform-lines": "│ Error: x\n╷\n" * (SIZE // 12),
    "full-width": "ＡｕｔｈＦａｉｌｕｒｅ．" * (SIZE // 12),
    "many-errors": (
        f"[TencentCloudSDKError] Code=InternalError, Message=m, RequestId={RID}\n" * (SIZE // 90)
    ),
}


@pytest.mark.parametrize("text", PATHOLOGICAL.values(), ids=PATHOLOGICAL.keys())
def test_no_catastrophic_backtracking(text):
    started = time.perf_counter()
    find_errors(text[:SIZE], small_catalog())
    assert time.perf_counter() - started < 1.0  # about 20 ms is usual; a backtracking regex takes minutes


def test_products_may_be_objects_with_attributes():
    products = {slug: SimpleNamespace(**info) for slug, info in PRODUCTS.items()}
    catalog = ExplainCatalog.from_entries(make_entries(), products)
    (finding,) = find_errors(f"https://as.tencentcloudapi.com code:InternalError requestId:{RID}", catalog)
    assert finding.product == "autoscaling"
