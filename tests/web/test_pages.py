"""The server-rendered pages, in Japanese and English, without JavaScript."""

from __future__ import annotations

import re

import pytest


def page(client, url, status=200, **kwargs):
    response = client.get(url, **kwargs)
    assert response.status_code == status, (url, response.status_code)
    assert response.mimetype == "text/html"
    return response.get_data(as_text=True)


@pytest.mark.parametrize("lang, phrase", [("ja", "共通エラーコード"), ("en", "Common error codes")])
def test_home_page_in_both_languages(client, lang, phrase):
    html = page(client, f"/?lang={lang}")
    assert f'<html lang="{lang}">' in html
    assert phrase in html
    assert 'name="q"' in html and 'name="text"' in html
    assert "AuthFailure.SignatureExpire" in html


def test_language_is_remembered_in_a_cookie(client):
    client.get("/?lang=en")
    assert '<html lang="en">' in page(client, "/")
    client.get("/?lang=ja")
    assert '<html lang="ja">' in page(client, "/")


def test_first_visit_follows_accept_language(app):
    fresh = app.test_client()
    assert '<html lang="en">' in page(fresh, "/", headers={"Accept-Language": "en-US,en;q=0.9"})
    fresh = app.test_client()
    assert '<html lang="ja">' in page(fresh, "/", headers={"Accept-Language": "fr"})


def test_code_page_japanese(client):
    html = page(client, "/errors/AuthFailure.SignatureExpire?lang=ja")
    assert "署名期限切れ。" in html
    assert re.search(r"<ol class=\"steps\"[^>]*>\s*<li>", html)
    assert 'data-copy="AuthFailure.SignatureExpire"' in html
    assert "NTP" in html


def test_code_page_english(client):
    html = page(client, "/errors/AuthFailure.SignatureExpire?lang=en")
    assert "What to do" in html and "Copy code" in html


def test_code_page_forgives_the_spelling(client):
    response = client.get("/errors/authfailure.signatureexpire")
    assert response.status_code == 302
    assert response.headers["Location"].endswith("/errors/AuthFailure.SignatureExpire")


def test_unknown_code_page_suggests(client):
    html = page(client, "/errors/AuthFailur.SignatureExpire?lang=en", status=404)
    assert "AuthFailure.SignatureExpire" in html


def test_uncatalogued_subcode_page_shows_category_guidance_and_suggestions(client):
    html = page(client, "/errors/AuthFailure.SignatureExpir?lang=en")
    assert "is not in the catalogue yet" in html
    assert 'href="/errors/AuthFailure.SignatureExpire"' in html


def test_search_results_page(client):
    html = page(client, "/search?q=署名&lang=ja")
    assert "AuthFailure.SignatureExpire" in html
    assert "<mark>" in html


def test_search_without_query_goes_home(client):
    assert client.get("/search?q=").status_code == 302


def test_envelope_page(client):
    ja = page(client, "/envelope?lang=ja")
    assert "RequestId" in ja and "DescribeInstancesStatus" in ja or "InstanceStatusSet" in ja
    en = page(client, "/envelope?lang=en")
    assert "Error.Code" in en


def test_language_switch_keeps_the_place(client):
    html = page(client, "/errors/InternalError?lang=ja")
    assert 'href="/errors/InternalError?lang=en"' in html


def test_unknown_page_is_a_friendly_404(client):
    html = page(client, "/no/such/page?lang=en", status=404)
    assert "Not found" in html
