"""Layout in the browser: no sideways scrolling on a phone, and screenshots of every page to look at.

The screenshots go to test-output/screenshots/ (git-ignored), named <page>-<lang>-<width>.png.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, Response, expect

pytestmark = pytest.mark.browser

NARROW = {"width": 375, "height": 740}
# Pages whose whole length is worth a picture; a product page lists hundreds of codes.
FULL_LENGTH = {"home", "results", "code", "product-code", "explain"}


def horizontal_overflow(page: Page) -> int:
    """CSS pixels by which the page is wider than the viewport (0: nothing to scroll sideways)."""
    return page.evaluate("document.scrollingElement.scrollWidth - window.innerWidth")


@pytest.fixture
def narrow_page(browser: Browser, browser_context_args) -> Iterator[Page]:
    context = browser.new_context(**{**browser_context_args, "viewport": NARROW})
    yield context.new_page()
    context.close()


def test_stylesheet_and_script_are_served(page: Page):
    statuses: dict[str, int] = {}

    def record(response: Response) -> None:
        statuses[response.url.rsplit("/", 1)[-1]] = response.status

    page.on("response", record)
    page.goto("/?lang=en")
    page.wait_for_load_state("load")
    # A 404 here means another /static/ route (the app's own static folder) shadows the web blueprint's.
    assert statuses.get("style.css") == 200 and statuses.get("app.js") == 200, statuses
    # The stylesheet is applied (the search button is the accent colour) and the script has run.
    color = page.locator("form.search button").evaluate("b => getComputedStyle(b).backgroundColor")
    assert color == "rgb(11, 87, 208)"
    expect(page.locator("#q")).to_have_attribute("role", "combobox")


@pytest.mark.parametrize("name", ["home", "results", "code", "product-code", "product", "explain"])
@pytest.mark.parametrize("lang", ["ja", "en"])
def test_no_horizontal_scrolling_on_a_phone(narrow_page: Page, open_page: Callable, name, lang):
    open_page(narrow_page, name, lang)
    expect(narrow_page.locator("h1")).to_be_visible()
    assert horizontal_overflow(narrow_page) <= 0


def test_live_suggestions_fit_on_a_phone(narrow_page: Page):
    narrow_page.goto("/?lang=ja")
    narrow_page.locator("#q").fill("署名")
    box = narrow_page.locator("#live-results")
    expect(box).to_be_visible()
    bounds = box.bounding_box()
    assert bounds is not None and bounds["x"] >= 0 and bounds["x"] + bounds["width"] <= NARROW["width"]
    assert horizontal_overflow(narrow_page) <= 0


def shoot(page: Page, folder: Path, name: str, lang: str) -> Path:
    path = folder / f"{name}-{lang}-{page.viewport_size['width']}.png"
    page.screenshot(path=str(path), full_page=name in FULL_LENGTH)
    return path


@pytest.mark.parametrize("name", ["home", "results", "code", "explain", "product"])
@pytest.mark.parametrize("lang", ["ja", "en"])
def test_desktop_screenshots(page: Page, open_page: Callable, screenshot_dir: Path, name, lang):
    open_page(page, name, lang)
    expect(page.locator("h1")).to_be_visible()
    assert horizontal_overflow(page) <= 0
    assert shoot(page, screenshot_dir, name, lang).stat().st_size > 0


@pytest.mark.parametrize("name", ["home", "results", "code", "explain", "product"])
def test_narrow_screenshots(narrow_page: Page, open_page: Callable, screenshot_dir: Path, name):
    open_page(narrow_page, name, "ja")
    expect(narrow_page.locator("h1")).to_be_visible()
    assert shoot(narrow_page, screenshot_dir, name, "ja").stat().st_size > 0


def test_live_suggestions_screenshot(page: Page, screenshot_dir: Path):
    page.goto("/?lang=ja")
    page.locator("#q").fill("署名")
    expect(page.locator("#live-results [role=option]").first).to_be_visible()
    page.locator("#q").press("ArrowDown")
    page.screenshot(path=str(screenshot_dir / "live-ja-1280.png"))
