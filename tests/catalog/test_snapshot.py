"""The snapshot file and the SDK sources it is built from: directories, wheels, installed packages."""

from __future__ import annotations

import base64
import hashlib
import json
import zipfile
from pathlib import Path

import pytest

from app.catalog.sdk_parser import ERRORCODES_PATTERN, walk_sdk
from app.catalog.sdk_source import (
    EN_PACKAGE,
    ZH_PACKAGE,
    SdkClashError,
    SdkSourceError,
    ZipTree,
    matches,
    open_directory,
    open_distribution,
    open_tree,
)
from app.catalog.snapshot import (
    DEFAULT_SNAPSHOT_PATH,
    ProductInfo,
    Snapshot,
    SnapshotEntry,
    build_snapshot,
    main,
    read_snapshot,
    snapshot_lines,
    write_snapshot,
)

FIXTURES = Path(__file__).parent / "fixtures"
CVM_ERRORCODES = "tencentcloud/cvm/v20170312/errorcodes.py"


@pytest.fixture
def fixture_snapshot() -> Snapshot:
    with open_tree(FIXTURES / "sdk_zh", ZH_PACKAGE) as zh, open_tree(FIXTURES / "sdk_en", EN_PACKAGE) as en:
        return build_snapshot(zh, en)


def make_zip(source: Path, target: Path, prefix: str = "", metadata: str | None = None) -> Path:
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in sorted(source.rglob("*")):
            if path.is_file():
                archive.write(path, prefix + path.relative_to(source).as_posix())
        if metadata is not None:
            archive.writestr(f"{prefix}pkg-1.0.dist-info/METADATA", metadata)
    return target


# --- building ---------------------------------------------------------------------------------


def test_build_merges_both_sdks(fixture_snapshot: Snapshot) -> None:
    snapshot = fixture_snapshot
    assert sorted(snapshot.products) == ["autoscaling", "cvm", "mdl", "vod"]
    assert snapshot.products["cvm"] == ProductInfo("cvm.tencentcloudapi.com", ("2017-03-12",))
    assert snapshot.products["mdl"].endpoint == "mdl.intl.tencentcloudapi.com"  # only the en SDK has it
    assert snapshot.entries[("cvm", "AuthFailure.CamRoleNameAuthenticateFailed")] == SnapshotEntry(
        ("2017-03-12",), "角色名鉴权失败", "Role name authentication failed."
    )
    assert snapshot.entries[("cvm", "EniNotAllowedChangeSubnet")].en is None
    assert (
        snapshot.entries[("cvm", "UnsupportedOperation.InvalidPermissionNonInternationalAccount")].zh is None
    )
    assert snapshot.sources == {
        "zh": {"package": ZH_PACKAGE, "version": None},
        "en": {"package": EN_PACKAGE, "version": None},
    }


def test_build_joins_versions_and_keeps_newest_text(fixture_snapshot: Snapshot) -> None:
    bucket = fixture_snapshot.entries[("vod", "FailedOperation.BucketIdNotMatch")]
    assert bucket.versions == ("2018-07-17", "2024-07-18")  # zh has it in 2024, en in 2018
    parameter = fixture_snapshot.entries[("vod", "InvalidParameter")]
    assert (parameter.zh, parameter.en) == ("参数错误，请检查请求参数。", "Parameter error.")
    assert fixture_snapshot.products["vod"].versions == ("2018-07-17", "2024-07-18")


# --- the file -----------------------------------------------------------------------------------


def test_round_trip_is_equal_and_byte_stable(fixture_snapshot: Snapshot, tmp_path: Path) -> None:
    first, second = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    write_snapshot(fixture_snapshot, first)
    again = read_snapshot(first)
    assert again == fixture_snapshot
    write_snapshot(again, second)
    assert first.read_bytes() == second.read_bytes()
    assert not list(tmp_path.glob("*.partial"))


def test_file_layout(fixture_snapshot: Snapshot, tmp_path: Path) -> None:
    path = tmp_path / "snapshot.jsonl"
    write_snapshot(fixture_snapshot, path)
    raw = path.read_bytes()
    assert raw.endswith(b"\n") and not raw.endswith(b"\n\n") and b"\r" not in raw
    lines = raw.decode("utf-8").splitlines()
    assert lines[0] == (
        '{"snapshot":1,"sources":{"zh":{"package":"tencentcloud-sdk-python","version":null},'
        '"en":{"package":"tencentcloud-sdk-python-intl-en","version":null}}}'
    )
    assert '{"product":"cvm","endpoint":"cvm.tencentcloudapi.com","versions":["2017-03-12"]}' in lines
    assert (
        '{"product":"cvm","code":"AuthFailure.CamRoleNameAuthenticateFailed","versions":["2017-03-12"],'
        '"zh":"角色名鉴权失败","en":"Role name authentication failed."}'
    ) in lines
    items = [json.loads(line) for line in lines[1:]]
    order = [(item["product"], "code" in item, item.get("code", "")) for item in items]
    assert order == sorted(order)
    assert len(items) == len(fixture_snapshot.products) + len(fixture_snapshot.entries)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("", "empty snapshot"),
        ('{"snapshot":2,"sources":{}}\n', ":1: malformed"),
        (
            '{"snapshot":1,"sources":{}}\n{"product":"cvm","code":"X","versions":[],"zh":null,"en":null}\n',
            ":2: malformed",
        ),
        ('{"snapshot":1,"sources":{}}\n{"product":"cvm","endpoint":null}\n', ":2: malformed"),
        ('{"snapshot":1,"sources":{}}\nnot json\n', ":2: malformed"),
    ],
)
def test_read_rejects_malformed_files(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ValueError, match=message):
        read_snapshot(path)


def test_shipped_snapshot_is_canonical(tmp_path: Path) -> None:
    if not DEFAULT_SNAPSHOT_PATH.exists():
        pytest.skip("no shipped snapshot; generate it with python -m app.catalog.snapshot")
    snapshot = read_snapshot(DEFAULT_SNAPSHOT_PATH)
    assert snapshot.sources["zh"]["package"] == ZH_PACKAGE and snapshot.sources["en"]["package"] == EN_PACKAGE
    assert len(snapshot.entries) > 10_000 and "common" not in snapshot.products
    assert snapshot.products["autoscaling"].endpoint == "as.tencentcloudapi.com"
    assert "\n".join(snapshot_lines(snapshot)) + "\n" == DEFAULT_SNAPSHOT_PATH.read_text(encoding="utf-8")


def test_command_line_writes_and_reports(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "snapshot.jsonl"
    args = ["--zh", str(FIXTURES / "sdk_zh"), "--en", str(FIXTURES / "sdk_en"), "--out", str(out)]
    assert main(args) == 0
    assert "entries: 12" in capsys.readouterr().out
    assert main(args) == 0
    assert "No changes." in capsys.readouterr().out
    assert main(["--zh", str(FIXTURES / "sdk_en"), "--en", str(tmp_path / "missing"), "--out", str(out)]) == 2
    assert "no such file or directory" in capsys.readouterr().err


# --- sources ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("pattern", "path", "expected"),
    [
        (ERRORCODES_PATTERN, CVM_ERRORCODES, True),
        (ERRORCODES_PATTERN, "tencentcloud/cvm/errorcodes.py", False),
        (ERRORCODES_PATTERN, "tencentcloud/cvm/v20170312/sub/errorcodes.py", False),
        ("tencentcloud/*/v*/*_client.py", "tencentcloud/cvm/v20170312/cvm_client.py", True),
        ("tencentcloud/*/v*/*_client.py", "tencentcloud/cvm/v20170312/cvm_client_async.py", False),
    ],
)
def test_glob_does_not_cross_directories(pattern: str, path: str, expected: bool) -> None:
    assert matches(pattern, path) is expected


def test_wheel_is_read_without_extracting(tmp_path: Path) -> None:
    metadata = f"Metadata-Version: 2.1\nName: {ZH_PACKAGE}\nVersion: 3.1.195\n\nDescription\n"
    wheel = make_zip(FIXTURES / "sdk_zh", tmp_path / "x.whl", metadata=metadata)
    with ZipTree(wheel) as tree:
        assert (tree.package, tree.version) == (ZH_PACKAGE, "3.1.195")
        assert CVM_ERRORCODES in tree.files(ERRORCODES_PATTERN)
        assert "角色名鉴权失败" in tree.read_text(CVM_ERRORCODES)
        assert walk_sdk(tree) == walk_sdk(open_directory(FIXTURES / "sdk_zh"))
    assert list(tmp_path.iterdir()) == [wheel]


def test_wheel_version_from_file_name_and_nested_zip(tmp_path: Path) -> None:
    wheel = make_zip(
        FIXTURES / "sdk_en", tmp_path / "tencentcloud_sdk_python_intl_en-3.1.193-py2.py3-none-any.whl"
    )
    with open_tree(wheel, EN_PACKAGE) as tree:
        assert (tree.package, tree.version) == (EN_PACKAGE, "3.1.193")
    nested = make_zip(FIXTURES / "sdk_en", tmp_path / "sdk.zip", prefix="download/sdk/")
    with open_tree(nested, EN_PACKAGE) as tree:
        assert (tree.package, tree.version) == (None, None)
        assert sorted(walk_sdk(tree)) == ["cvm", "mdl", "vod"]


def test_open_tree_refuses_the_wrong_package_and_missing_paths(tmp_path: Path) -> None:
    wheel = make_zip(
        FIXTURES / "sdk_en", tmp_path / "tencentcloud_sdk_python_intl_en-3.1.193-py3-none-any.whl"
    )
    with pytest.raises(SdkSourceError, match="expected tencentcloud-sdk-python$"):
        open_tree(wheel, ZH_PACKAGE)
    with pytest.raises(SdkSourceError, match="no such file"):
        open_tree(tmp_path / "nowhere", ZH_PACKAGE)
    (tmp_path / "empty").mkdir()
    with pytest.raises(SdkSourceError, match="no tencentcloud/ directory"):
        open_tree(tmp_path / "empty", ZH_PACKAGE)
    (tmp_path / "junk.zip").write_bytes(b"not a zip")
    with pytest.raises(SdkSourceError, match="not a readable"):
        open_tree(tmp_path / "junk.zip", ZH_PACKAGE)


def _record_hash(content: bytes) -> str:
    return "sha256=" + base64.urlsafe_b64encode(hashlib.sha256(content).digest()).rstrip(b"=").decode()


def install(
    site: Path, package: str, version: str, files: dict[str, bytes], recorded: dict[str, bytes]
) -> None:
    """Fake what pip leaves behind: the files, and a dist-info whose RECORD hashes `recorded`."""
    for name, content in files.items():
        (site / name).parent.mkdir(parents=True, exist_ok=True)
        (site / name).write_bytes(content)
    info = site / f"{package.replace('-', '_')}-{version}.dist-info"
    info.mkdir(parents=True)
    (info / "METADATA").write_text(
        f"Metadata-Version: 2.1\nName: {package}\nVersion: {version}\n", encoding="utf-8"
    )
    rows = [f"{name},{_record_hash(content)},{len(content)}" for name, content in recorded.items()]
    rows += [f"{info.name}/METADATA,,", f"{info.name}/RECORD,,"]
    (info / "RECORD").write_text("\n".join(rows) + "\n", encoding="utf-8")


ZH_TEXT = "# 角色名鉴权失败\nX = 'AuthFailure.CamRoleNameAuthenticateFailed'\n".encode()
EN_TEXT = b"# Role name authentication failed.\nX = 'AuthFailure.CamRoleNameAuthenticateFailed'\n"


def test_installed_distribution_is_read_with_its_version(tmp_path: Path) -> None:
    install(tmp_path, ZH_PACKAGE, "3.1.195", {CVM_ERRORCODES: ZH_TEXT}, {CVM_ERRORCODES: ZH_TEXT})
    tree = open_distribution(ZH_PACKAGE, path=[str(tmp_path)])
    assert (tree.package, tree.version) == (ZH_PACKAGE, "3.1.195")
    assert tree.files(ERRORCODES_PATTERN) == [CVM_ERRORCODES]
    assert (
        walk_sdk(tree)["cvm"].codes["AuthFailure.CamRoleNameAuthenticateFailed"].description
        == "角色名鉴权失败"
    )


def test_overwritten_distribution_is_a_clash(tmp_path: Path) -> None:
    # The English SDK was installed last: the file on disk is its version, not the one zh recorded.
    install(tmp_path, ZH_PACKAGE, "3.1.195", {CVM_ERRORCODES: EN_TEXT}, {CVM_ERRORCODES: ZH_TEXT})
    with pytest.raises(SdkClashError) as raised:
        open_distribution(ZH_PACKAGE, path=[str(tmp_path)])
    message = str(raised.value)
    assert CVM_ERRORCODES in message
    assert "pip install --target" in message and f"{ZH_PACKAGE}==3.1.195" in message
    assert EN_PACKAGE in message


def test_both_sdks_in_one_directory_is_a_clash(tmp_path: Path) -> None:
    install(tmp_path, ZH_PACKAGE, "3.1.195", {}, {CVM_ERRORCODES: ZH_TEXT})
    install(tmp_path, EN_PACKAGE, "3.1.193", {CVM_ERRORCODES: EN_TEXT}, {CVM_ERRORCODES: EN_TEXT})
    for opener in (
        lambda: open_distribution(EN_PACKAGE, path=[str(tmp_path)]),
        lambda: open_tree(tmp_path, EN_PACKAGE),
    ):
        with pytest.raises(SdkClashError, match=f"{EN_PACKAGE}==3.1.193"):
            opener()


def test_target_directory_names_its_package(tmp_path: Path) -> None:
    install(tmp_path, EN_PACKAGE, "3.1.193", {CVM_ERRORCODES: EN_TEXT}, {CVM_ERRORCODES: EN_TEXT})
    with open_tree(tmp_path / "tencentcloud", EN_PACKAGE) as tree:
        assert (tree.package, tree.version) == (EN_PACKAGE, "3.1.193")
    with pytest.raises(SdkSourceError, match="expected tencentcloud-sdk-python$"):
        open_tree(tmp_path, ZH_PACKAGE)


def test_missing_distribution_says_how_to_install(tmp_path: Path) -> None:
    with pytest.raises(SdkSourceError, match="pip install --target DIR tencentcloud-sdk-python-intl-en"):
        open_distribution(EN_PACKAGE, path=[str(tmp_path)])
