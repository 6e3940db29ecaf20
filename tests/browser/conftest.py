"""Browser-test fixtures: the web views served over HTTP from the test database, driven in Chromium.

The `app` fixture of tests/conftest.py (full catalogue, SQLite or PostgreSQL) is served by a real
threaded WSGI server, so the pages, static files and /api/v1 calls go over HTTP as in production.
Chromium is Debian's (`make browser-deps`); Playwright's own browser downloads are never used.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from flask import Flask
from playwright.sync_api import Page
from werkzeug.serving import WSGIRequestHandler, make_server

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = Path(os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium"))
AXE_SCRIPT = ROOT / "node_modules" / "axe-core" / "axe.min.js"
SCREENSHOTS = ROOT / "test-output" / "screenshots"
DESKTOP = {"width": 1280, "height": 900}
# Impacts that fail a page; "minor" and "moderate" findings are printed but tolerated.
BLOCKING_IMPACTS = ("serious", "critical")

# A Python SDK error as customers paste it (TencentCloudSDKException.__str__).
SDK_ERROR = (
    "[TencentCloudSDKException] code:AuthFailure.SignatureExpire message:Signature expired. Timestamp "
    "and server time cannot differ by more than five minutes. requestId:6a1b3f2e-9c4d-4e8a-b1f7-2d5c8e0a9b34"
)
# The pages staff use, by name: the paths of the GET pages; "explain" is reached by posting SDK_ERROR.
PAGES: dict[str, str | None] = {
    "home": "/",
    "results": "/search?q=signature+expired",
    "code": "/errors/AuthFailure.SignatureExpire",
    "product-code": "/products/cvm/errors/InvalidInstanceId.NotFound",
    "product": "/products/cvm",
    "explain": None,
}


class QuietRequestHandler(WSGIRequestHandler):
    """No access log: a failing test's output should show the failure, not every asset request."""

    def log_request(self, code: int | str = "-", size: int | str = "-") -> None:
        pass


@pytest.fixture(scope="session")
def live_server(app: Flask) -> Iterator[str]:
    """The test app on an ephemeral port of 127.0.0.1 (a secure context, so the clipboard API works)."""
    server = make_server("127.0.0.1", 0, app, threaded=True, request_handler=QuietRequestHandler)
    thread = threading.Thread(target=server.serve_forever, name="live-server", daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    thread.join(timeout=5)
    server.server_close()


@pytest.fixture(scope="session")
def base_url(live_server: str) -> str:
    """Handed to pytest-playwright, so `page.goto("/errors/...")` is relative to the live server."""
    return live_server


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict[str, Any]) -> dict[str, Any]:
    if not CHROMIUM.exists():
        pytest.skip(f"Chromium not found at {CHROMIUM}: run `make browser-deps` (or set CHROMIUM_PATH)")
    return {
        **browser_type_launch_args,
        "executable_path": str(CHROMIUM),
        # Keep the browser quiet and offline: nothing but the live server is contacted.
        "args": [
            "--disable-background-networking",
            "--disable-component-update",
            "--no-first-run",
            "--disable-sync",
        ],
    }


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args: dict[str, Any]) -> dict[str, Any]:
    return {
        **browser_context_args,
        "viewport": DESKTOP,
        "locale": "ja-JP",
        "permissions": ["clipboard-read", "clipboard-write"],
    }


@pytest.fixture
def page(page: Page) -> Page:
    # Shorter than Playwright's 30 s: every page here is served locally in milliseconds.
    page.set_default_timeout(10_000)
    return page


@pytest.fixture(scope="session")
def axe_source() -> str:
    if not AXE_SCRIPT.exists():
        pytest.skip(f"axe-core not found at {AXE_SCRIPT}: run `make browser-deps` (npm ci)")
    return AXE_SCRIPT.read_text(encoding="utf-8")


@pytest.fixture
def axe_violations(axe_source: str) -> Callable[[Page], list[dict[str, Any]]]:
    """Run axe-core on the page as shown; return the violations that block (serious, critical)."""

    def run(page: Page) -> list[dict[str, Any]]:
        page.add_script_tag(content=axe_source)
        result = page.evaluate("async () => await axe.run(document)")
        violations = result["violations"]
        for violation in violations:
            targets = [node["target"] for node in violation["nodes"]][:5]
            print(f"[{violation['impact']}] {violation['id']}: {violation['help']} {targets}")
        return [v for v in violations if v["impact"] in BLOCKING_IMPACTS]

    return run


@pytest.fixture(scope="session")
def screenshot_dir() -> Path:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    return SCREENSHOTS


@pytest.fixture
def open_page() -> Callable[[Page, str, str], Page]:
    """Show a named page of PAGES in `lang` ("ja" or "en"), as a user would reach it."""

    def show(page: Page, name: str, lang: str) -> Page:
        path = PAGES[name]
        if path is None:
            page.goto(f"/?lang={lang}")
            page.locator("#paste").fill(SDK_ERROR)
            with page.expect_navigation():
                page.locator("section.paste button[type=submit]").click()
        else:
            separator = "&" if "?" in path else "?"
            page.goto(f"{path}{separator}lang={lang}")
        return page

    return show
