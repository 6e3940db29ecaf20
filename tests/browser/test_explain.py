"""The paste box in the browser: a pasted SDK error explained, its RequestId copied, secrets masked."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser, Page, expect

pytestmark = pytest.mark.browser

REQUEST_ID = "6a1b3f2e-9c4d-4e8a-b1f7-2d5c8e0a9b34"
SDK_ERROR = (
    "[TencentCloudSDKException] code:AuthFailure.SignatureExpire message:Signature expired. Timestamp "
    f"and server time cannot differ by more than five minutes. requestId:{REQUEST_ID}"
)
SECRET_ID = "AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE"
SECRET_KEY = "Gu5t9xGARNpq86cd98joQYCN3EXAMPLE"
LEAKY_PASTE = f"""Traceback (most recent call last):
  File "app.py", line 12, in <module>
    cred = credential.Credential("{SECRET_ID}", "{SECRET_KEY}")
tencentcloud.common.exception.tencent_cloud_sdk_exception.TencentCloudSDKException: \
[TencentCloudSDKException] code:AuthFailure.SecretIdNotFound message:The SecretId {SECRET_ID} is not found. \
requestId:0c8e7e3a-1f2b-4c5d-8e9f-a0b1c2d3e4f5
"""


def clipboard(page: Page) -> str:
    return page.evaluate("navigator.clipboard.readText()")


def paste(page: Page, text: str, lang: str) -> None:
    page.goto(f"/?lang={lang}")
    page.locator("#paste").fill(text)
    with page.expect_navigation():
        page.locator("section.paste button[type=submit]").click()


@pytest.mark.parametrize(
    "lang, meaning, copy_label",
    [("ja", "署名期限切れ", "RequestId をコピー"), ("en", "Signature expired", "Copy RequestId")],
)
def test_pasted_sdk_error_is_explained(page: Page, base_url: str, lang, meaning, copy_label):
    paste(page, SDK_ERROR, lang)
    assert page.url.startswith(f"{base_url}/explain")
    finding = page.locator("section.finding").first
    expect(finding.locator("h2 code")).to_have_text("AuthFailure.SignatureExpire")
    expect(finding).to_contain_text(meaning)
    expect(finding.locator("ol.steps > li").first).to_be_visible()
    expect(finding.locator(".request-id code")).to_have_text(REQUEST_ID)
    expect(finding.locator("a[href='/errors/AuthFailure.SignatureExpire']")).to_be_visible()

    finding.get_by_role("button", name=copy_label).click()
    assert clipboard(page) == REQUEST_ID


def test_the_explained_paste_can_be_edited_and_sent_again(page: Page):
    paste(page, SDK_ERROR, "en")
    box = page.locator("#paste")
    expect(box).to_have_value(SDK_ERROR)
    box.fill(
        "Error: code=InvalidParameterValue.InvalidImageId, RequestId=1f4c8d2a-5b6e-4f70-8a9b-0c1d2e3f4a5b"
    )
    with page.expect_navigation():
        page.locator("section.paste button[type=submit]").click()
    expect(page.locator("section.finding h2 code").first).to_have_text("InvalidParameterValue.InvalidImageId")


def test_a_pasted_secret_is_never_shown_in_full(page: Page):
    paste(page, LEAKY_PASTE, "en")
    expect(page.locator("section.finding h2 code").first).to_have_text("AuthFailure.SecretIdNotFound")
    html = page.content()
    assert SECRET_ID not in html
    assert SECRET_KEY not in html
    shown = page.locator("#paste").input_value()
    assert SECRET_ID not in shown and SECRET_KEY not in shown
    # The start of the SecretId stays, so staff can tell the customer which key was used.
    assert SECRET_ID[:8] + "*" in shown


def test_paste_works_without_javascript(browser: Browser, browser_context_args):
    context = browser.new_context(**browser_context_args, java_script_enabled=False)
    try:
        page = context.new_page()
        paste(page, SDK_ERROR, "en")
        expect(page.locator("section.finding h2 code")).to_have_text("AuthFailure.SignatureExpire")
        expect(page.locator("section.finding .request-id code")).to_have_text(REQUEST_ID)
    finally:
        context.close()


def test_empty_paste_is_refused_by_the_browser_before_sending(page: Page):
    page.goto("/?lang=en")
    page.locator("section.paste button[type=submit]").click()
    expect(page.locator("#paste")).to_be_focused()
    assert page.url.endswith("/?lang=en")
