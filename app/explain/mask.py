"""Explain: credentials in a pasted text -> the same text with each secret masked before anything is kept.

A masked value keeps its first few characters, so staff can still tell which key a customer used
(`AKIDz8kr****************************`), and keeps its length, so offsets found in the masked text
are offsets in the original paste.  Masking is idempotent: '*' never forms part of a secret.
"""

from __future__ import annotations

import re

SECRET_ID_KEEP = 8
OTHER_KEEP = 4

_Q = r"[\"'`]?"
_SEP = r"\\{0,3}" + _Q + r"\s{0,3}[:=]\s{0,3}\\{0,3}" + _Q + r"\s{0,2}"

# SecretIds: AKID (permanent and temporary keys) or IKID, followed by 16-64 letters and digits.
SECRET_ID = re.compile(r"(?:AKID|IKID)(?<![A-Za-z0-9].{4})[A-Za-z0-9]{16,64}(?![A-Za-z0-9])")
# A SecretKey named as such: secret_key=..., SecretKey: "...", TENCENTCLOUD_SECRET_KEY=..., secretKey.
SECRET_KEY = re.compile(
    r"(?:[Ss]ecret[_-]?[Kk]ey|SECRET[_-]?KEY)" + _SEP + r"(?P<value>[A-Za-z0-9+/]{16,64})(?![A-Za-z0-9+/])"
)
# A 32-character SecretKey written right after its SecretId: Credential("AKID...", "<key>").
KEY_AFTER_ID = re.compile(
    r"(?:AKID|IKID)(?<![A-Za-z0-9].{4})[A-Za-z0-9*]{16,64}"
    + _Q
    + r"[\s,:;/|]{1,4}"
    + _Q
    + r"(?P<value>[A-Za-z0-9]{32})(?![A-Za-z0-9])"
)
# Session tokens of temporary credentials (X-TC-Token, SecurityToken, TENCENTCLOUD_SECURITY_TOKEN,
# session_token, token=...), and bearer or access tokens.
TOKEN = re.compile(r"(?:[Tt]oken|TOKEN)" + _SEP + r"(?P<value>[A-Za-z0-9_+/=.%-]{16,4096})")
# The signature of an Authorization header (TC3-HMAC-SHA256 ... Signature=<hex>) or of a v1 request.
SIGNATURE = re.compile(r"(?:[Ss]ignature|SIGNATURE)" + _SEP + r"(?P<value>[A-Za-z0-9+/=%]{16,512})")

# Each pattern runs only when its needle is in the lower-cased text: most pastes hold no secret.
_MASKS = (
    (SECRET_KEY, "secret"),
    (KEY_AFTER_ID, "kid"),
    (TOKEN, "token"),
    (SIGNATURE, "signature"),
)


def _stars(value: str, keep: int) -> str:
    return value[:keep] + "*" * (len(value) - keep)


def _mask_group(match: re.Match[str]) -> str:
    start, end = match.span("value")
    whole = match.group(0)
    offset = match.start()
    value = whole[start - offset : end - offset]
    return whole[: start - offset] + _stars(value, OTHER_KEEP) + whole[end - offset :]


def mask_secrets(text: str) -> str:
    """`text` with SecretIds, SecretKeys, session tokens and signatures masked; same length."""
    lower = text.lower()
    for pattern, needle in _MASKS:
        if needle in lower:
            text = pattern.sub(_mask_group, text)
    if "kid" in lower:
        text = SECRET_ID.sub(lambda m: _stars(m.group(0), SECRET_ID_KEEP), text)
    return text
