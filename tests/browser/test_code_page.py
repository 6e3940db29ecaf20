"""A code page in the browser: what it shows, its copy buttons, the language switch and printing."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser

CODE_PATH = "/errors/AuthFailure.SignatureExpire"


def clipboard(page: Page) -> str:
    return page.evaluate("navigator.clipboard.readText()")


def test_code_page_shows_meaning_steps_and_links(page: Page):
    page.goto(f"{CODE_PATH}?lang=ja")
    expect(page.locator("h1 code")).to_have_text("AuthFailure.SignatureExpire")
    expect(page.locator("p.description")).to_contain_text("署名期限切れ")
    steps = page.locator("ol.steps > li")
    assert steps.count() >= 2
    expect(steps.first).to_be_visible()
    expect(page.locator(".meta a[href='/categories/AuthFailure']")).to_have_text("AuthFailure")

    related = page.locator("section[aria-labelledby=related] ul.related a")
    expect(related.first).to_be_visible()
    codes = related.all_inner_texts()
    assert "AuthFailure.SignatureFailure" in codes
    assert "AuthFailure.SignatureExpire" not in codes

    with page.expect_navigation():
        page.locator("ul.related a", has_text="AuthFailure.SignatureFailure").first.click()
    expect(page.locator("h1 code")).to_have_text("AuthFailure.SignatureFailure")


def test_product_code_page_links_its_product_and_category(page: Page):
    page.goto("/products/cvm/errors/InvalidInstanceId.NotFound?lang=en")
    expect(page.locator("h1 code")).to_have_text("InvalidInstanceId.NotFound")
    product = page.locator(".meta a[href='/products/cvm']")
    expect(product).to_contain_text("cvm")
    expect(page.locator(".meta a[href='/categories/InvalidInstanceId']")).to_be_visible()
    with page.expect_navigation():
        product.click()
    expect(page.locator("h1 .badge")).to_have_text("cvm")
    expect(page.locator("a.code", has_text="InvalidInstanceId.NotFound").first).to_be_visible()


def test_copy_buttons_put_exactly_their_text_on_the_clipboard(page: Page, base_url: str):
    page.goto(f"{CODE_PATH}?lang=ja")
    answer = page.request.get("/api/v1/errors/AuthFailure.SignatureExpire?lang=ja").json()
    expected_reply = answer["Response"]["ErrorCode"]["Answer"]

    copy_code = page.locator("h1 button.copy")
    copy_link = page.locator(".actions button.copy[data-copy]")
    copy_reply = page.locator(".actions button.copy[data-copy-from=answer]")
    expect(copy_code).to_have_accessible_name("コードをコピー")
    expect(copy_link).to_have_accessible_name("このページのリンクをコピー")
    expect(copy_reply).to_have_accessible_name("返信文をコピー")

    copy_code.click()
    expect(page.locator("#status")).to_have_text("コピーしました")
    assert clipboard(page) == "AuthFailure.SignatureExpire"

    copy_link.click()
    assert clipboard(page) == f"{base_url}{CODE_PATH}"

    copy_reply.click()
    expect(copy_reply).to_have_text("コピーしました")
    assert clipboard(page) == expected_reply
    assert "AuthFailure.SignatureExpire" in expected_reply and "\n1. " in expected_reply
    # The label comes back after a moment, so the button still says what it does.
    expect(copy_reply).to_have_text("返信文をコピー", timeout=3000)


def test_language_switch_keeps_the_place_and_is_remembered(page: Page, base_url: str):
    page.goto(f"{CODE_PATH}?lang=ja")
    expect(page.locator("html")).to_have_attribute("lang", "ja")
    expect(page.locator("#steps")).to_have_text("対処方法")

    with page.expect_navigation():
        page.locator("nav.langs a[hreflang=en]").click()
    assert page.url == f"{base_url}{CODE_PATH}?lang=en"
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.locator("h1 code")).to_have_text("AuthFailure.SignatureExpire")
    expect(page.locator("#steps")).to_have_text("What to do")
    expect(page.locator("nav.langs [aria-current=true]")).to_have_text("English")

    # The next page, reached without ?lang=, stays in English.
    with page.expect_navigation():
        page.locator("header.site nav a[href='/products']").click()
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.locator("h1")).to_have_text("Products")
    page.goto("/errors/InternalError")
    expect(page.locator("html")).to_have_attribute("lang", "en")

    with page.expect_navigation():
        page.locator("nav.langs a[hreflang=ja]").click()
    assert page.url == f"{base_url}/errors/InternalError?lang=ja"
    page.goto("/")
    expect(page.locator("html")).to_have_attribute("lang", "ja")


def test_print_view_shows_only_the_content(page: Page, base_url: str):
    page.goto(f"{CODE_PATH}?lang=en")
    page.emulate_media(media="print")
    for chrome in ("header.site", "form.search", "footer.site"):
        expect(page.locator(chrome)).to_be_hidden()
    buttons = page.locator("button")
    assert buttons.count() >= 3
    for index in range(buttons.count()):
        expect(buttons.nth(index)).to_be_hidden()
    expect(page.locator("h1 code")).to_be_visible()
    expect(page.locator("ol.steps")).to_be_visible()
    expect(page.locator("#answer")).to_be_visible()
    # On paper the link cannot be clicked: the page's address is printed instead.
    expect(page.locator("p.print-only")).to_have_text(f"{base_url}{CODE_PATH}")

    page.emulate_media(media="screen")
    expect(page.locator("header.site")).to_be_visible()
    expect(page.locator("p.print-only")).to_be_hidden()
