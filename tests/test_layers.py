"""Data flows one way: lower layers never import upper ones."""

from __future__ import annotations

import ast
from pathlib import Path

APP = Path(__file__).resolve().parent.parent / "app"
# module prefix -> prefixes it must not import
FORBIDDEN = {
    "app.models": ("app.catalog", "app.search", "app.api", "app.web", "app.readmodel", "app.lookup"),
    "app.catalog": ("app.api", "app.web", "app.search", "app.lookup", "app.explain"),
    "app.search": ("app.api", "app.web", "app.catalog"),
    "app.explain": ("app.api", "app.web"),
    "app.lookup": ("app.api", "app.web"),
    "app.readmodel": ("app.api", "app.web", "app.catalog"),
    "app.api": ("app.web", "app.catalog.loader", "app.catalog.curation"),
    "app.web": ("app.api", "app.catalog.loader", "app.catalog.curation"),
}


def imports_of(path: Path):
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module:
            yield node.module
        elif isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)


def test_no_upward_imports():
    problems = []
    for path in APP.rglob("*.py"):
        module = ".".join(path.relative_to(APP.parent).with_suffix("").parts).removesuffix(".__init__")
        for prefix, forbidden in FORBIDDEN.items():
            if module == prefix or module.startswith(prefix + "."):
                problems += [
                    f"{module} imports {name}" for name in imports_of(path) if name.startswith(forbidden)
                ]
    assert problems == []
