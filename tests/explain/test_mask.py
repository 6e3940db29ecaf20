"""mask_secrets: a table of tricky inputs; masked values keep a prefix and the text keeps its length."""

from __future__ import annotations

import pytest

from app.explain.mask import mask_secrets

SECRET_ID = "AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE"
SECRET_KEY = "Gu5t9xGARNpq86cd98joQYCN3EXAMPLE"
MASKED_ID = "AKIDz8kr" + "*" * 28
MASKED_KEY = "Gu5t" + "*" * 28
RID = "0b3c5e21-7a4f-4d2e-9b61-2f8e4a7c9d10"


@pytest.mark.parametrize(
    ("text", "masked"),
    [
        (f"SecretId: {SECRET_ID}", f"SecretId: {MASKED_ID}"),
        (f"export TENCENTCLOUD_SECRET_ID={SECRET_ID}", f"export TENCENTCLOUD_SECRET_ID={MASKED_ID}"),
        (f"export TENCENTCLOUD_SECRET_KEY={SECRET_KEY}", f"export TENCENTCLOUD_SECRET_KEY={MASKED_KEY}"),
        (f'secret_key = "{SECRET_KEY}"', f'secret_key = "{MASKED_KEY}"'),
        (f'{{"SecretKey": "{SECRET_KEY}"}}', f'{{"SecretKey": "{MASKED_KEY}"}}'),
        (f"secretKey:{SECRET_KEY}", f"secretKey:{MASKED_KEY}"),
        # A key written right after its id, as in credential.Credential("AKID...", "...").
        (f'Credential("{SECRET_ID}", "{SECRET_KEY}")', f'Credential("{MASKED_ID}", "{MASKED_KEY}")'),
        (f"{SECRET_ID} {SECRET_KEY}", f"{MASKED_ID} {MASKED_KEY}"),
        # Temporary credentials: the IKID form and session tokens.
        ("IKIDa1b2c3d4e5f6g7h8i9j0k1l2m3n4", "IKIDa1b2" + "*" * 24),
        ("X-TC-Token: abcdefghijklmnopqrstuvwxyz0123456789_-", "X-TC-Token: abcd" + "*" * 34),
        (
            "TENCENTCLOUD_SECURITY_TOKEN=tok.en+value/with=chars0123",
            "TENCENTCLOUD_SECURITY_TOKEN=tok." + "*" * 23,
        ),
        # An Authorization header: the SecretId in the credential scope and the signature.
        (
            f"Authorization: TC3-HMAC-SHA256 Credential={SECRET_ID}/2024-05-01/cvm/tc3_request, "
            "SignedHeaders=content-type;host, "
            "Signature=5da7a33f6993f0614b047e5df4582db9e9bf4672ba50567dba16c6ccf174c474",
            f"Authorization: TC3-HMAC-SHA256 Credential={MASKED_ID}/2024-05-01/cvm/tc3_request, "
            "SignedHeaders=content-type;host, Signature=5da7" + "*" * 60,
        ),
        ("&Signature=EXAMPLEaZBmQ%2BYjEaTOLg4rMIw%3D&", "&Signature=EXAM" + "*" * 27 + "&"),
    ],
)
def test_secrets_are_masked_keeping_a_prefix(text, masked):
    assert mask_secrets(text) == masked
    assert len(mask_secrets(text)) == len(text)


@pytest.mark.parametrize(
    "text",
    [
        f"requestId:{RID}",  # request ids are what support staff need
        "code:AuthFailure.SignatureFailure message:Please check your signature is correct.",
        "AuthFailure.TokenFailure: token error",
        "The SecretId is not found, please ensure that your SecretId is correct.",
        "AKID",  # too short to be a key
        "xAKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE",  # inside a longer word
        "task: abcdefghijklmnopqrstuvwxyz",  # `sk` inside a word is not a label
        "SignatureMethod=HmacSHA256",
        "ins-hc0ktysk img-lsttqmsl subnet-0a1b2c3d",
    ],
)
def test_ordinary_text_is_left_alone(text):
    assert mask_secrets(text) == text


def test_masking_is_idempotent():
    text = f'cred = Credential("{SECRET_ID}", "{SECRET_KEY}")\nX-TC-Token: abcdefghijklmnopqrstuvwxyz'
    once = mask_secrets(text)
    assert mask_secrets(once) == once
    assert SECRET_KEY not in once and SECRET_ID not in once


def test_full_width_text_and_offsets_survive():
    text = f"エラー：ＡｕｔｈＦａｉｌｕｒｅ SecretId={SECRET_ID} 以上"
    masked = mask_secrets(text)
    assert len(masked) == len(text)
    assert masked.startswith("エラー：ＡｕｔｈＦａｉｌｕｒｅ SecretId=AKIDz8kr*")
    assert masked.endswith(" 以上")
