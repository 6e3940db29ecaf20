"""Highlight spans on the original text, whatever its width, case or kana."""

from __future__ import annotations

import pytest

from app.search.highlight import highlight_spans


def marked(text, terms):
    return [text[start:end] for start, end in highlight_spans(text, terms)]


@pytest.mark.parametrize(
    "text, terms, expected",
    [
        ("AuthFailure.SignatureExpire", ["authfailure.signatureexpire"], ["AuthFailure.SignatureExpire"]),
        ("AuthFailure.SignatureExpire", ["signatur", "expir"], ["SignatureExpire"]),
        ("AuthFailure.SignatureExpire", ["signatureexp"], ["SignatureExp"]),  # a code typed in part
        ("AuthFailure.MFAFailure", ["authfailure."], ["AuthFailure."]),
        ("Signature expired. Timestamp differs.", ["signatur", "expir"], ["Signature", "expired"]),
        ("Signature expired.", ["Signature", "Expire"], ["Signature", "expired"]),  # raw words are folded
        ("ＳｉｇｎａｔｕｒｅＥｘｐｉｒｅ", ["signatureexpire"], ["ＳｉｇｎａｔｕｒｅＥｘｐｉｒｅ"]),
        ("SIGNATURE EXPIRED", ["signatur"], ["SIGNATURE"]),
        ("Invalid image ID format.", ["invalid", "imag", "id"], ["Invalid", "image", "ID"]),
        ("The image, not the imagination.", ["imag"], ["image"]),  # a stem marks whole words only
        ("Check InstanceIds and identity.", ["id"], ["Ids"]),  # a CamelCase piece, not a prefix
        ("署名期限切れ。", ["署名", "期限", "限切", "切れ"], ["署名期限切れ"]),  # bigrams merge
        ("インスタンスが見つかりません", ["いん", "んす", "すた", "たん", "見つ"], ["インスタンス", "見つ"]),
        ("ｲﾝｽﾀﾝｽ", ["いん", "んす", "すた", "たん"], ["ｲﾝｽﾀﾝｽ"]),  # half-width katakana
        ("ｶﾞｲﾄﾞ", ["がい", "いど"], ["ｶﾞｲﾄﾞ"]),  # a voicing mark belongs to its kana
        ("请求的次数超过了频率限制。", ["频率"], ["频率"]),
        ("Nothing here.", ["署名", "signatur"], []),
        ("", ["x"], []),
        ("Some text", [], []),
    ],
)
def test_highlight_spans(text, terms, expected):
    assert marked(text, terms) == expected


def test_spans_are_sorted_and_disjoint():
    spans = highlight_spans("expired expire EXPIRES", ["expir", "expire"])
    assert spans == [(0, 7), (8, 14), (15, 22)]
