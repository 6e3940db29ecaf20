"""Parsing errorcodes.py text and walking SDK trees into products and codes."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from app.catalog.sdk_parser import api_version, parse_endpoint, parse_errorcodes, walk_sdk
from app.catalog.sdk_source import DirectoryTree, open_directory

FIXTURES = Path(__file__).parent / "fixtures"
LICENSE = """# -*- coding: utf8 -*-
# Copyright (c) 2017-2025 Tencent. All Rights Reserved.
#
# Licensed under the Apache License, Version 2.0 (the "License");
# you may not use this file except in compliance with the License.
# You may obtain a copy of the License at
#
#    http://www.apache.org/licenses/LICENSE-2.0
#
# Unless required by applicable law or agreed to in writing, software
# distributed under the License is distributed on an "AS IS" BASIS,
# WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
# See the License for the specific language governing permissions and
# limitations under the License.
"""


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "# 角色名鉴权失败\n"
            "AUTHFAILURE_CAMROLENAMEAUTHENTICATEFAILED = 'AuthFailure.CamRoleNameAuthenticateFailed'\n",
            [("AuthFailure.CamRoleNameAuthenticateFailed", "角色名鉴权失败")],
            id="plain",
        ),
        pytest.param(
            "# 该实例 `ins-xxxxxxx` 已经在 `dgroup-xxxxxx` 置放群组里。\n"
            "X = 'FailedOperation.AlreadyInDisasterRecoverGroup'\n",
            [
                (
                    "FailedOperation.AlreadyInDisasterRecoverGroup",
                    "该实例 `ins-xxxxxxx` 已经在 `dgroup-xxxxxx` 置放群组里。",
                )
            ],
            id="backticks-kept",
        ),
        pytest.param(
            "# The instance is already\n# in the placement group.\nX = 'A'\n",
            [("A", "The instance is already in the placement group.")],
            id="multi-line-english",
        ),
        pytest.param(
            "# 该实例已经在\n# 置放群组里。\nX = 'A'\n",
            [("A", "该实例已经在置放群组里。")],
            id="multi-line-cjk",
        ),
        pytest.param(
            "# 参数错误，\n# 请检查。\nX = 'A'\n", [("A", "参数错误，请检查。")], id="cjk-punctuation-wrap"
        ),
        pytest.param("# 请检查\n# API 参数。\nX = 'A'\n", [("A", "请检查 API 参数。")], id="cjk-then-latin"),
        pytest.param(
            "# first\n#\n# second\nX = 'A'\n", [("A", "first second")], id="empty-comment-line-inside"
        ),
        pytest.param("X='A'\n", [("A", "")], id="no-spaces-around-equals"),
        pytest.param("X   =    'A'\n", [("A", "")], id="wide-spaces-around-equals"),
        pytest.param("X\t=\t'A'\n", [("A", "")], id="tabs-around-equals"),
        pytest.param(
            '# 内部错误\nX = "InternalError"\n', [("InternalError", "内部错误")], id="double-quotes"
        ),
        pytest.param("# 内部错误\r\nX = 'InternalError'\r\n", [("InternalError", "内部错误")], id="crlf"),
        pytest.param("# 内部错误\rX = 'InternalError'\r", [("InternalError", "内部错误")], id="bare-cr"),
        pytest.param("\t#\t内部错误 \t\n\tX = 'A'  \n", [("A", "内部错误")], id="tabs-and-trailing-space"),
        pytest.param("#内部错误\nX = 'A'\n", [("A", "内部错误")], id="no-space-after-hash"),
        pytest.param("# \nX = 'A'\n", [("A", "")], id="empty-comment"),
        pytest.param("X = 'A'\nY = 'B'\n", [("A", ""), ("B", "")], id="no-comments"),
        pytest.param("# 内部错误\n\nX = 'A'\n", [("A", "内部错误")], id="blank-line-between"),
        pytest.param("# 内部错误\n\n\n\nX = 'A'\n", [("A", "内部错误")], id="blank-lines-between"),
        pytest.param("# note\nimport os\nX = 'A'\n", [("A", "")], id="statement-between"),
        pytest.param("# a\nX = 'A'\nY = 'B'\n", [("A", "a"), ("B", "")], id="comment-used-once"),
        pytest.param("# section\n\n# 内部错误\nX = 'A'\n", [("A", "内部错误")], id="nearest-block-wins"),
        pytest.param(LICENSE + "\n\nX = 'A'\n", [("A", "")], id="license-is-not-a-description"),
        pytest.param(LICENSE + "\n\n# 内部错误\nX = 'A'\n", [("A", "内部错误")], id="license-then-comment"),
        pytest.param(LICENSE + "# 内部错误\nX = 'A'\n", [("A", "内部错误")], id="license-glued-to-comment"),
        pytest.param("# old\nX = 'A'\n# new\nX = 'A'\n", [("A", "new")], id="duplicate-keeps-last"),
        pytest.param(
            "# a\nX = 'A'\n# b\nY = 'B'\n# a again\nZ = 'A'\n",
            [("B", "b"), ("A", "a again")],
            id="duplicate-order",
        ),
        pytest.param("X = 'A'  # inline\n", [("A", "inline")], id="inline-comment"),
        pytest.param("\ufeff# 内部错误\nX = 'A'\n", [("A", "内部错误")], id="byte-order-mark"),
        pytest.param(
            "# 内部错误。\nX = 'InternalError.'\n",
            [("InternalError.", "内部错误。")],
            id="code-kept-verbatim",
        ),
        pytest.param("", [], id="empty-file"),
        pytest.param(LICENSE, [], id="header-only"),
    ],
)
def test_parse_errorcodes(text: str, expected: list[tuple[str, str]]) -> None:
    assert parse_errorcodes(text) == expected


@pytest.mark.parametrize(
    ("directory", "expected"),
    [
        ("v20170312", "2017-03-12"),
        ("v20240718", "2024-07-18"),
        ("v2017031", None),
        ("common", None),
        ("20170312", None),
    ],
)
def test_api_version(directory: str, expected: str | None) -> None:
    assert api_version(directory) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "class CvmClient(AbstractClient):\n"
            "    _apiVersion = '2017-03-12'\n"
            "    _endpoint = 'cvm.tencentcloudapi.com'\n",
            "cvm.tencentcloudapi.com",
        ),
        ('    _endpoint="as.tencentcloudapi.com"\n', "as.tencentcloudapi.com"),
        ("\t_endpoint  =  'mdl.intl.tencentcloudapi.com'\r\n", "mdl.intl.tencentcloudapi.com"),
        ("    endpoint = self._endpoint\n", None),
        ("", None),
    ],
)
def test_parse_endpoint(text: str, expected: str | None) -> None:
    assert parse_endpoint(text) == expected


def test_walk_fixture_tree() -> None:
    products = walk_sdk(open_directory(FIXTURES / "sdk_zh"))
    assert sorted(products) == ["autoscaling", "cvm", "vod"]
    cvm = products["cvm"]
    assert (cvm.endpoint, cvm.versions) == ("cvm.tencentcloudapi.com", ("2017-03-12",))
    # The first code of the file sits under the licence header, which is not its description.
    assert cvm.codes["AccountQualificationRestrictions"].description == "该请求账户未通过资格审计。"
    assert list(cvm.codes) == sorted(cvm.codes)
    assert products["autoscaling"].endpoint == "as.tencentcloudapi.com"


def test_walk_takes_the_newest_description_and_lists_versions() -> None:
    vod = walk_sdk(open_directory(FIXTURES / "sdk_zh"))["vod"]
    assert vod.versions == ("2018-07-17", "2024-07-18")
    assert vod.codes["InvalidParameter"].description == "参数错误，请检查请求参数。"
    assert vod.codes["InvalidParameter"].versions == ("2018-07-17", "2024-07-18")
    assert vod.codes["FailedOperation.ClassNoFound"].versions == ("2018-07-17",)
    assert vod.codes["FailedOperation.BucketIdNotMatch"].versions == ("2024-07-18",)


def test_walk_skips_common_and_stray_directories(tmp_path: Path) -> None:
    shutil.copytree(FIXTURES / "sdk_en", tmp_path, dirs_exist_ok=True)
    for stray in ("tencentcloud/common/v20200101", "tencentcloud/cvm/latest"):
        (tmp_path / stray).mkdir(parents=True)
        (tmp_path / stray / "errorcodes.py").write_text("# x\nX = 'Stray'\n", encoding="utf-8")
    # A client file not named after its product (an async variant, say) does not give the endpoint.
    other = tmp_path / "tencentcloud/mdl/v20200326/other_client.py"
    other.write_text("    _endpoint = 'wrong.example.com'\n", encoding="utf-8")
    products = walk_sdk(DirectoryTree(tmp_path))
    assert sorted(products) == ["cvm", "mdl", "vod"]
    assert all("Stray" not in product.codes for product in products.values())
    assert products["mdl"].endpoint == "mdl.intl.tencentcloudapi.com"


def test_walk_product_without_client_has_no_endpoint(tmp_path: Path) -> None:
    version = tmp_path / "tencentcloud/demo/v20200101"
    version.mkdir(parents=True)
    (version / "errorcodes.py").write_text(
        "# 内部错误。\nINTERNALERROR = 'InternalError'\n", encoding="utf-8"
    )
    demo = walk_sdk(DirectoryTree(tmp_path))["demo"]
    assert demo.endpoint is None
    assert demo.codes["InternalError"].description == "内部错误。"
