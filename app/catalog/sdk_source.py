"""Catalogue sources -> database: where SDK trees come from (directory, wheel or zip, installed package).

A tree is anything with `files(pattern)` and `read_text(path)` over paths like
`tencentcloud/cvm/v20170312/errorcodes.py`, plus the package name and version it was made from.
"""

from __future__ import annotations

import base64
import hashlib
import importlib.metadata
import re
import sys
import zipfile
from collections.abc import Iterable
from email.parser import HeaderParser
from fnmatch import fnmatchcase
from pathlib import Path
from typing import Protocol, Self

ZH_PACKAGE = "tencentcloud-sdk-python"
EN_PACKAGE = "tencentcloud-sdk-python-intl-en"
PACKAGES = {"zh": ZH_PACKAGE, "en": EN_PACKAGE}
PACKAGE_DIR = "tencentcloud"


class SdkTree(Protocol):
    """What the parser reads: file names matched segment by segment, and their UTF-8 text."""

    label: str  # where the tree came from, for messages
    package: str | None
    version: str | None

    def files(self, pattern: str) -> list[str]: ...

    def read_text(self, path: str) -> str: ...


class SdkSourceError(Exception):
    """An SDK source cannot be opened or is not the package it should be."""


class SdkClashError(SdkSourceError):
    """Files of an installed SDK were overwritten by the other SDK (both install `tencentcloud/`)."""


def canonical_name(name: str) -> str:
    """A distribution name as pip compares them: 'tencentcloud_sdk_python' -> 'tencentcloud-sdk-python'."""
    return re.sub(r"[-_.]+", "-", name).lower()


def matches(pattern: str, path: str) -> bool:
    """Glob matching per path segment, so `*` never crosses a '/' (as in pathlib, unlike fnmatch)."""
    parts, pattern_parts = path.split("/"), pattern.split("/")
    return len(parts) == len(pattern_parts) and all(map(fnmatchcase, parts, pattern_parts))


class _Tree:
    label: str
    package: str | None = None
    version: str | None = None

    def close(self) -> None:
        """Release what the tree holds open (a zip file); a no-op for directories."""

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()


class DirectoryTree(_Tree):
    """A directory holding `tencentcloud/`: an unpacked wheel, a `pip install --target` directory."""

    def __init__(
        self,
        root: Path,
        *,
        package: str | None = None,
        version: str | None = None,
        members: Iterable[str] | None = None,
        label: str | None = None,
    ) -> None:
        self.root = root
        self.package, self.version = package, version
        self.label = label or str(root)
        # An installed distribution lists only the files its RECORD names.
        self._members = sorted(members) if members is not None else None

    def files(self, pattern: str) -> list[str]:
        if self._members is not None:
            return [name for name in self._members if matches(pattern, name)]
        return sorted(p.relative_to(self.root).as_posix() for p in self.root.glob(pattern) if p.is_file())

    def read_text(self, path: str) -> str:
        return (self.root / path).read_text(encoding="utf-8")


def _tree_prefix(names: list[str]) -> str:
    """The folder holding `tencentcloud/` in a zip: '' in a wheel, 'sdk/' in a zipped directory."""
    for name in names:
        head, found, _ = name.partition(f"{PACKAGE_DIR}/")
        if found and (not head or head.endswith("/")):
            return head
    return ""


class ZipTree(_Tree):
    """A wheel or zip file read member by member, without extracting it."""

    def __init__(self, path: Path) -> None:
        self.label = str(path)
        try:
            self._zip = zipfile.ZipFile(path)
        except (OSError, zipfile.BadZipFile) as error:
            raise SdkSourceError(f"{path}: not a readable wheel or zip file ({error})") from error
        names = [name for name in self._zip.namelist() if not name.endswith("/")]
        prefix = _tree_prefix(names)
        self._members = {name[len(prefix) :]: name for name in names if name.startswith(prefix)}
        self.package, self.version = self._identify(path)

    def _identify(self, path: Path) -> tuple[str | None, str | None]:
        for name in self._members:
            if matches("*.dist-info/METADATA", name):
                return read_metadata(self.read_text(name))
        # Wheel file names are `{name}-{version}(-{build})?-{python}-{abi}-{platform}.whl`.
        parts = path.name.split("-")
        if path.suffix == ".whl" and len(parts) >= 5:
            return canonical_name(parts[0]), parts[1]
        return None, None

    def files(self, pattern: str) -> list[str]:
        return sorted(name for name in self._members if matches(pattern, name))

    def read_text(self, path: str) -> str:
        return self._zip.read(self._members[path]).decode("utf-8")

    def close(self) -> None:
        self._zip.close()


def read_metadata(text: str) -> tuple[str | None, str | None]:
    """(canonical name, version) from the text of a dist-info METADATA file."""
    headers = HeaderParser().parsestr(text, headersonly=True)
    name, version = headers.get("Name"), headers.get("Version")
    return (canonical_name(name) if name else None), version


def _is_sdk(dist: importlib.metadata.Distribution) -> bool:
    return canonical_name(dist.name or "") in PACKAGES.values()


def _file_digest(path: Path, algorithm: str) -> str:
    digest = hashlib.new(algorithm, path.read_bytes()).digest()
    return base64.urlsafe_b64encode(digest).rstrip(b"=").decode("ascii")


def overwritten_files(dist: importlib.metadata.Distribution) -> list[str]:
    """errorcodes.py files whose content on disk is not what the distribution's RECORD says."""
    changed = []
    for entry in dist.files or ():
        if entry.name != "errorcodes.py" or entry.hash is None:
            continue
        on_disk = Path(str(dist.locate_file(entry)))
        if not on_disk.is_file() or _file_digest(on_disk, entry.hash.mode) != entry.hash.value:
            changed.append(entry.as_posix())
    return changed


def _clash_message(where: str, dists: list[importlib.metadata.Distribution], detail: str) -> str:
    versions = {canonical_name(d.name): d.version for d in dists}
    commands = "\n".join(
        f"  pip install --target sdk-{lang} {package}=={versions.get(package, 'VERSION')}"
        for lang, package in PACKAGES.items()
    )
    return (
        f"{where}: {detail}. {ZH_PACKAGE} and {EN_PACKAGE} both install the same `tencentcloud/` "
        "package, so in one environment the one installed last overwrites the other. Install each "
        f"into its own directory:\n{commands}\nand pass those directories (or the wheel files) "
        "explicitly."
    )


def _checked(dists: list[importlib.metadata.Distribution], where: str) -> None:
    """Raise SdkClashError unless `dists` is one SDK whose errorcodes.py files are intact."""
    for dist in dists:
        changed = overwritten_files(dist)
        if changed:
            detail = (
                f"{len(changed)} errorcodes.py files of {dist.name} {dist.version} "
                f"differ from the ones it installed (e.g. {changed[0]})"
            )
            raise SdkClashError(_clash_message(where, dists, detail))
    if len(dists) > 1:
        names = ", ".join(sorted(f"{d.name} {d.version}" for d in dists))
        raise SdkClashError(_clash_message(where, dists, f"several SDKs share it ({names})"))


def _tree_of(dist: importlib.metadata.Distribution, label: str) -> DirectoryTree:
    members = [entry.as_posix() for entry in dist.files or ()]
    return DirectoryTree(
        Path(str(dist.locate_file(""))),
        package=canonical_name(dist.name),
        version=dist.version,
        members=members,
        label=label,
    )


def open_distribution(package: str, path: list[str] | None = None) -> DirectoryTree:
    """The installed distribution `package` (searched on sys.path, or on `path`), checked for clashes."""
    search = sys.path if path is None else path
    found = list(importlib.metadata.distributions(name=package, path=search))
    if not found:
        raise SdkSourceError(
            f"{package} is not installed here; install it into its own directory "
            f"(pip install --target DIR {package}==VERSION) and pass DIR, or pass its wheel file"
        )
    dist = found[0]
    sdks = [d for d in importlib.metadata.distributions(path=search) if _is_sdk(d)]
    root = dist.locate_file("")
    # Only the SDKs installed next to this one can have overwritten its files.
    _checked([d for d in sdks if str(d.locate_file("")) == str(root)] or [dist], str(root))
    return _tree_of(dist, f"{package} {dist.version} ({root})")


def open_directory(root: Path) -> DirectoryTree:
    """A directory holding `tencentcloud/`; its dist-info, when present, names the package and version."""
    if root.name == PACKAGE_DIR and not (root / PACKAGE_DIR).is_dir():
        root = root.parent  # given the package directory itself
    if not (root / PACKAGE_DIR).is_dir():
        raise SdkSourceError(f"{root}: no {PACKAGE_DIR}/ directory in it")
    sdks = [d for d in importlib.metadata.distributions(path=[str(root)]) if _is_sdk(d)]
    if not sdks:
        return DirectoryTree(root)
    _checked(sdks, str(root))
    return _tree_of(sdks[0], str(root))


def open_tree(spec: str | Path, package: str) -> DirectoryTree | ZipTree:
    """The tree a command-line argument names: a directory, a .whl or .zip file, or 'installed'.

    The tree must hold `package` when it says which package it holds; a tree that cannot say
    (a bare directory) is taken on trust.
    """
    tree: DirectoryTree | ZipTree
    if str(spec) == "installed":
        tree = open_distribution(package)
    else:
        path = Path(spec)
        if path.is_dir():
            tree = open_directory(path)
        elif path.is_file():
            tree = ZipTree(path)
        else:
            raise SdkSourceError(
                f"{spec}: no such file or directory (pass a directory, a .whl or .zip file, or 'installed')"
            )
    if tree.package is not None and tree.package != package:
        tree.close()
        raise SdkSourceError(f"{spec} holds {tree.package}, expected {package}")
    return tree
