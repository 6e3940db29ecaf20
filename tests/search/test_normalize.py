"""Text folding added for search: katakana to hiragana on top of `fold`; codes keep their lookup key."""

from __future__ import annotations

import pytest

from app.search.normalize import fold_kana, fold_text, normalize_code


@pytest.mark.parametrize(
    "raw, folded",
    [
        ("インスタンス", "いんすたんす"),
        ("ヴァ", "ゔぁ"),
        ("ヶ月", "ゖ月"),
        ("データー", "でーたー"),  # the long-vowel mark stays
        ("ひらがな", "ひらがな"),
        ("署名", "署名"),
        ("Signature", "Signature"),  # fold_kana leaves everything else alone
    ],
)
def test_fold_kana(raw, folded):
    assert fold_kana(raw) == folded


@pytest.mark.parametrize(
    "raw, folded",
    [
        ("ＡｕｔｈＦａｉｌｕｒｅ", "authfailure"),
        ("ｲﾝｽﾀﾝｽ", "いんすたんす"),  # half-width katakana, via NFKC then kana folding
        ("ｶﾞｲﾄﾞ", "がいど"),  # voicing marks compose
        ("リクエスト頻度", "りくえすと頻度"),
        ("STRASSE", "strasse"),
        ("Straße", "strasse"),  # casefold, not lower
    ],
)
def test_fold_text(raw, folded):
    assert fold_text(raw) == folded


@pytest.mark.parametrize(
    "raw",
    [
        "AuthFailure.SignatureExpire",
        " 'AuthFailure.SignatureExpire' ",
        "ＡｕｔｈＦａｉｌｕｒｅ．ＳｉｇｎａｔｕｒｅＥｘｐｉｒｅ",
        "authfailure。signatureexpire",
        "Auth Failure . Signature Expire",
    ],
)
def test_normalize_code_is_the_lookup_key(raw):
    assert normalize_code(raw) == "authfailure.signatureexpire"
