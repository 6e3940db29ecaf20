"""Accessibility in the browser: axe-core finds nothing serious or critical on the pages staff use."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("name", ["home", "results", "code", "product-code", "explain", "product"])
@pytest.mark.parametrize("lang", ["ja", "en"])
def test_page_has_no_serious_violations(
    page: Page, open_page: Callable, axe_violations: Callable, name, lang
):
    open_page(page, name, lang)
    expect(page.locator("html")).to_have_attribute("lang", lang)
    assert axe_violations(page) == []


@pytest.mark.parametrize("lang, query", [("ja", "署名"), ("en", "signature expired")])
def test_open_suggestions_have_no_serious_violations(page: Page, axe_violations: Callable, lang, query):
    page.goto(f"/?lang={lang}")
    page.locator("#q").fill(query)
    expect(page.locator("#live-results [role=option]").first).to_be_visible()
    page.locator("#q").press("ArrowDown")
    assert axe_violations(page) == []


def test_skip_link_is_the_first_stop_and_leads_to_the_content(page: Page):
    page.goto("/?lang=en")
    page.keyboard.press("Tab")
    skip = page.locator("a.skip")
    expect(skip).to_be_focused()
    expect(skip).to_be_visible()
    page.keyboard.press("Enter")
    assert page.url.endswith("#main")
