"""Search in the browser: live suggestions while typing, the keyboard, and the no-JavaScript form."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Browser, Page, expect

pytestmark = pytest.mark.browser

OPTIONS = "#live-results [role=option]"


def common_code_option(page: Page, base_url: str, code: str):
    """The live option of the common (product-less) code, not the products' codes of the same name."""
    return page.locator(f'{OPTIONS}[href="{base_url}/errors/{code}"]')


def suggestions_for(page: Page, query: str):
    """The live list once it shows the suggestions for `query` (not for a prefix typed on the way)."""
    box = page.locator(f'#live-results[data-query="{query}"]')
    expect(box).to_be_visible()
    return box


def mark_page(page: Page) -> None:
    # A flag that survives only as long as the document: a page load would drop it.
    page.evaluate("window.__sameDocument = true")


def same_document(page: Page) -> bool:
    return page.evaluate("window.__sameDocument === true")


@pytest.mark.parametrize(
    "lang, query, marked",
    [
        ("ja", "署名", ["署名"]),
        ("en", "signature expired", ["Signature", "expired"]),
    ],
)
def test_live_suggestions_while_typing(page: Page, base_url: str, lang, query, marked):
    page.goto(f"/?lang={lang}")
    mark_page(page)
    page.locator("#q").press_sequentially(query, delay=20)
    suggestions_for(page, query)

    option = common_code_option(page, base_url, "AuthFailure.SignatureExpire")
    expect(option).to_be_visible()
    expect(option.locator(".desc mark")).not_to_have_count(0)
    assert option.locator(".desc mark").all_inner_texts()[: len(marked)] == marked
    expect(page.locator("#q")).to_have_attribute("aria-expanded", "true")
    assert same_document(page)
    assert page.url == f"{base_url}/?lang={lang}"


def test_live_suggestions_mark_the_code_too(page: Page, base_url: str):
    page.goto("/?lang=en")
    page.locator("#q").fill("SignatureExpire")
    suggestions_for(page, "SignatureExpire")
    option = common_code_option(page, base_url, "AuthFailure.SignatureExpire")
    expect(option.locator(".code mark")).to_have_text("SignatureExpire")
    expect(option.locator(".code")).to_have_text("AuthFailure.SignatureExpire")


def test_slash_focuses_the_search_box_but_not_while_typing(page: Page):
    page.goto("/?lang=en")
    search = page.locator("#q")
    expect(search).not_to_be_focused()
    page.keyboard.press("/")
    expect(search).to_be_focused()
    expect(search).to_have_value("")

    paste = page.locator("#paste")
    paste.click()
    page.keyboard.type("a/b")
    expect(paste).to_be_focused()
    expect(paste).to_have_value("a/b")


def test_arrow_keys_move_the_selection_and_enter_opens_it(page: Page):
    page.goto("/?lang=en")
    search = page.locator("#q")
    search.press_sequentially("signature expired", delay=20)
    suggestions_for(page, "signature expired")
    options = page.locator(OPTIONS)
    assert options.count() >= 3
    expect(page.locator(f'{OPTIONS}[aria-selected="true"]')).to_have_count(0)

    search.press("ArrowDown")
    expect(options.nth(0)).to_have_attribute("aria-selected", "true")
    search.press("ArrowDown")
    expect(options.nth(1)).to_have_attribute("aria-selected", "true")
    expect(options.nth(0)).to_have_attribute("aria-selected", "false")
    expect(search).to_have_attribute("aria-activedescendant", options.nth(1).get_attribute("id") or "")
    search.press("ArrowUp")
    expect(options.nth(0)).to_have_attribute("aria-selected", "true")
    expect(page.locator(f'{OPTIONS}[aria-selected="true"]')).to_have_count(1)
    expect(search).to_be_focused()

    chosen = options.nth(0)
    href = chosen.get_attribute("href")
    code = chosen.locator(".code").inner_text()
    search.press("Enter")
    page.wait_for_url(href)
    expect(page.locator("h1 code")).to_have_text(code)


def test_last_suggestion_opens_all_results(page: Page, base_url: str):
    page.goto("/?lang=ja")
    search = page.locator("#q")
    search.fill("署名")
    box = suggestions_for(page, "署名")
    last = box.locator("[role=option]").last
    expect(last).to_contain_text("すべての結果を表示")
    search.press("ArrowUp")
    expect(last).to_have_attribute("aria-selected", "true")
    search.press("Enter")
    page.wait_for_url(f"{base_url}/search?q=%E7%BD%B2%E5%90%8D")
    expect(page.locator("h1")).to_have_text("「署名」の検索結果")
    expect(page.locator("ol.results li.row").first).to_be_visible()


def test_escape_closes_the_suggestions(page: Page):
    page.goto("/?lang=ja")
    search = page.locator("#q")
    search.fill("署名")
    expect(page.locator("#live-results")).to_be_visible()
    search.press("Escape")
    expect(page.locator("#live-results")).to_be_hidden()
    expect(search).to_have_attribute("aria-expanded", "false")


def test_enter_without_a_selection_opens_the_results_page(page: Page):
    page.goto("/?lang=en")
    search = page.locator("#q")
    search.fill("signature expired")
    expect(page.locator(OPTIONS).first).to_be_visible()
    with page.expect_navigation():
        search.press("Enter")
    assert "/search?q=signature+expired" in page.url
    expect(page.locator("ol.results li.row").first).to_be_visible()


def test_search_works_without_javascript(browser: Browser, browser_context_args, base_url: str):
    context = browser.new_context(**browser_context_args, java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto("/?lang=en")
        page.locator("#q").fill("signature expired")
        with page.expect_navigation():
            page.locator("form.search button[type=submit]").click()
        assert page.url == f"{base_url}/search?q=signature+expired"
        expect(page.locator("h1")).to_contain_text("signature expired")
        expect(page.locator("#live-results")).to_be_hidden()
        link = page.locator('ol.results a.code[href="/errors/AuthFailure.SignatureExpire"]')
        expect(link).to_be_visible()
        expect(link.locator("mark").first).to_have_text(re.compile("signature", re.IGNORECASE))
        with page.expect_navigation():
            link.click()
        expect(page.locator("h1 code")).to_have_text("AuthFailure.SignatureExpire")
        expect(page.locator("ol.steps li").first).to_be_visible()
    finally:
        context.close()
