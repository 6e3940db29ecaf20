"""Catalogue sources -> database: an SDK tree's errorcodes.py and client files read as text into codes.

The SDK modules are never imported: there are hundreds, importing runs their code, and the
descriptions we want live in comments, which only the text keeps.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from app.catalog.sdk_source import SdkTree

ERRORCODES_PATTERN = "tencentcloud/*/v*/errorcodes.py"
CLIENT_PATTERN = "tencentcloud/*/v*/*_client.py"
NOT_PRODUCTS = frozenset({"common"})  # shared runtime code, not an API

_CONSTANT = re.compile(
    r"""^(?P<name>[A-Za-z_]\w*)\s*=\s*[uU]?(?P<quote>['"])(?P<value>.*?)(?P=quote)"""
    r"""\s*(?:\#\s*(?P<trailing>.*?))?\s*$"""
)
# The first comment block of a file starts with the coding line and the licence; the description
# of the first constant may follow it directly, so everything up to the last header line is cut.
_HEADER_LINE = re.compile(
    r"limitations under the license|spdx-license-identifier|copyright|-\*-\s*coding|^coding[:=]",
    re.IGNORECASE,
)
_CJK = re.compile(
    "[\u2e80-\u2fdf\u3000-\u303f\u3040-\u30ff\u3100-\u31ff\u3400-\u4dbf\u4e00-\u9fff"
    "\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef\U00020000-\U0002ffff]"
)
_VERSION_DIR = re.compile(r"^v(\d{4})(\d{2})(\d{2})$")
_ENDPOINT = re.compile(r"""^\s*_endpoint\s*=\s*['"]([^'"]+)['"]""", re.MULTILINE)


@dataclass(frozen=True, slots=True)
class CodeSource:
    """One code of one product in one SDK: the API versions that list it, newest description."""

    versions: tuple[str, ...]
    description: str


@dataclass(frozen=True, slots=True)
class ProductSource:
    """One product directory of one SDK."""

    slug: str
    endpoint: str | None
    versions: tuple[str, ...]
    codes: dict[str, CodeSource]


def _join_comment(lines: list[str]) -> str:
    """Comment lines as one description: a space between lines, none where CJK text wraps."""
    text = ""
    for part in lines:
        if not part:
            continue
        if text and not (_CJK.match(text[-1]) and _CJK.match(part[0])):
            text += " "
        text += part
    return text


def _drop_header(lines: list[str]) -> list[str]:
    last = max((i for i, line in enumerate(lines) if _HEADER_LINE.search(line)), default=-1)
    return lines[last + 1 :]


def parse_errorcodes(text: str) -> list[tuple[str, str]]:
    """(code, description) pairs of an errorcodes.py text in file order.

    The description is the comment block directly above a constant, possibly across blank lines,
    as long as no other statement comes between. A code listed twice keeps its last occurrence.
    """
    lines = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n").split("\n")
    found: dict[str, str] = {}
    block: list[str] = []
    block_at_top = False  # the block began before any statement or blank line: may hold a header
    blank_after_block = False
    seen_anything = False
    for line in lines:
        stripped = line.strip()
        if stripped.startswith("#"):
            if blank_after_block or not block:
                # A blank line ends a block; the comment nearest to the constant is its description.
                block, blank_after_block = [], False
                block_at_top = not seen_anything
            block.append(stripped[1:].strip())
            seen_anything = True
            continue
        if not stripped:
            blank_after_block = bool(block)
            continue
        seen_anything = True
        match = _CONSTANT.match(stripped)
        if match:
            comment = _drop_header(block) if block_at_top else block
            description = _join_comment(comment) or (match["trailing"] or "")
            code = match["value"]
            found.pop(code, None)  # re-inserted so the kept occurrence is the last in file order
            found[code] = description
        block, blank_after_block, block_at_top = [], False, False
    return list(found.items())


def api_version(directory: str) -> str | None:
    """'v20170312' -> '2017-03-12'; None for a directory that is not an API version."""
    match = _VERSION_DIR.match(directory)
    return "-".join(match.groups()) if match else None


def parse_endpoint(text: str) -> str | None:
    """The host a client class talks to, from its `_endpoint = '...'` line."""
    match = _ENDPOINT.search(text)
    return match.group(1) if match else None


def walk_sdk(tree: SdkTree) -> dict[str, ProductSource]:
    """Every product of an SDK tree, keyed by slug, with codes merged across its API versions."""
    errorcodes: dict[str, dict[str, str]] = {}  # product -> version -> path
    clients: dict[str, dict[str, str]] = {}
    for pattern, target in ((ERRORCODES_PATTERN, errorcodes), (CLIENT_PATTERN, clients)):
        for path in tree.files(pattern):
            _, product, directory, filename = path.split("/")
            version = api_version(directory)
            if version is None or product in NOT_PRODUCTS:
                continue
            if target is clients and filename != f"{product}_client.py":
                continue
            target.setdefault(product, {})[version] = path

    products: dict[str, ProductSource] = {}
    for slug in sorted(errorcodes.keys() | clients.keys()):
        versions = tuple(sorted(errorcodes.get(slug, {}).keys() | clients.get(slug, {}).keys()))
        seen_in: dict[str, list[str]] = {}
        described: dict[str, str] = {}
        for version, path in sorted(errorcodes.get(slug, {}).items()):
            for code, description in parse_errorcodes(tree.read_text(path)):
                seen_in.setdefault(code, []).append(version)
                described[code] = description  # versions ascend, so the newest one wins
        endpoint = None
        for _, path in sorted(clients.get(slug, {}).items(), reverse=True):
            endpoint = parse_endpoint(tree.read_text(path))
            if endpoint:
                break
        codes = {code: CodeSource(tuple(seen_in[code]), described[code]) for code in sorted(seen_in)}
        products[slug] = ProductSource(slug, endpoint, versions, codes)
    return products
