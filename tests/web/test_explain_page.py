"""The paste box: every code found with its explanation, the request id to copy, secrets masked."""

from __future__ import annotations

from tests.api.test_explain_api import PYTHON_PASTE


def test_paste_is_explained(client):
    response = client.post("/explain?lang=ja", data={"text": PYTHON_PASTE})
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "AuthFailure.SignatureExpire" in html
    assert "署名期限切れ。" in html
    assert 'data-copy="6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b"' in html


def test_paste_without_code_says_so(client):
    html = client.post("/explain?lang=en", data={"text": "HTTP/1.1 502 Bad Gateway"}).get_data(as_text=True)
    assert "No Tencent Cloud API error code was found" in html


def test_empty_and_oversized_pastes(client):
    assert client.post("/explain?lang=en", data={"text": "  "}).status_code == 400
    assert client.post("/explain?lang=en", data={"text": "a" * (65 * 1024)}).status_code == 413


def test_secret_never_shown(client):
    secret = "AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE1"
    html = client.post(
        "/explain?lang=en",
        data={
            "text": f"secret_id={secret}\n[TencentCloudSDKException] code:AuthFailure.SecretIdNotFound "
            f"message:SecretId not found requestId:11111111-2222-4333-8444-555555555555"
        },
    ).get_data(as_text=True)
    assert secret not in html
    assert "AuthFailure.SecretIdNotFound" in html


def test_get_explain_goes_home(client):
    assert client.get("/explain").status_code == 302
