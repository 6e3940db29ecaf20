"""The one tokenizer of indexing and querying: stems, CamelCase, CJK words and bigrams, synonyms."""

from __future__ import annotations

import pytest

from app.search.tokens import (
    SYNONYM_PHRASES,
    cjk_words,
    code_tokens,
    code_word_starts,
    iter_runs,
    stem,
    text_tokens,
    word_bigrams,
    word_tokens,
)


@pytest.mark.parametrize(
    "word, expected",
    [
        ("expire", "expir"),
        ("expired", "expir"),
        ("expires", "expir"),
        ("expiring", "expir"),
        ("request", "request"),
        ("requests", "request"),
        ("policies", "policy"),
        ("denied", "deny"),
        ("instances", "instanc"),
        ("instance", "instanc"),
        ("ids", "id"),
        ("access", "access"),  # -ss keeps its s
        ("status", "status"),  # so does -us
        ("analysis", "analysis"),  # and -is
        ("addresses", "address"),
        ("string", "string"),  # too short for -ing
        ("used", "used"),  # too short for -ed
        ("is", "is"),
        ("v2", "v2"),  # not alphabetic: left alone
        ("実例", "実例"),
    ],
)
def test_stem(word, expected):
    assert stem(word) == expected


@pytest.mark.parametrize(
    "word, expected",
    [
        ("Signature", ("signatur",)),
        ("SignatureExpire", ("signatur", "expir", "signatureexpir")),
        ("InstanceIds", ("instanc", "id", "instanceid")),
        ("BYOLImageShareFailed", ("byol", "imag", "shar", "fail", "byolimagesharefail")),
        ("TooManyDB", ("too", "many", "db", "toomanydb")),
        ("TC3HmacSha256", ("tc", "3", "hmac", "sha", "256", "tc3hmacsha256")),
        ("InShared", ("shar", "inshar")),  # the stop-word piece `in` is dropped
        ("the", ()),
    ],
)
def test_word_tokens(word, expected):
    assert word_tokens(word) == expected


@pytest.mark.parametrize(
    "run, expected",
    [
        ("署名期限切れ", [(0, "署名期限切れ")]),
        ("署名が無効", [(0, "署名"), (3, "無効")]),  # a lone particle between kanji cuts
        ("リクエスト頻度", [(0, "りくえすと"), (5, "頻度")]),  # so does katakana starting or stopping
        ("インスタンスが見つからない", [(0, "いんすたんす"), (7, "見つからない")]),
        ("アカウントの残高が不足しています", [(0, "あかうんと"), (6, "残高"), (9, "不足しています")]),
        ("使用できません", [(0, "使用できません")]),  # で before a kana is inflection, not a particle
        ("いんすたんすがみつからない", [(0, "いんすたんすがみつからない")]),  # all hiragana: one word
        ("请求的次数超过了频率限制", [(0, "请求的次数超过了频率限制")]),  # Chinese is not cut
    ],
)
def test_cjk_words(run, expected):
    assert cjk_words(run) == expected


@pytest.mark.parametrize(
    "word, expected",
    [
        ("期限切れ", [(0, "期限"), (1, "限切"), (2, "切れ")]),
        ("鍵", [(0, "鍵")]),  # a lone kanji is a word
        ("の", []),  # a lone kana is not
        ("的", []),  # nor a Chinese function character
        ("存在しません", [(0, "存在"), (1, "在し")]),  # politeness bigrams are stop bigrams
        ("です", []),
    ],
)
def test_word_bigrams(word, expected):
    assert word_bigrams(word) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Signature expired.", ["signatur", "expir"]),
        ("署名期限切れ。", ["署名", "名期", "期限", "限切", "切れ"]),
        # The leading の has no content character before it in its run, so it is not cut off.
        ("`InstanceIds` の値が不正です。", ["instanc", "id", "instanceid", "の値", "不正", "正で"]),
        ("ｲﾝｽﾀﾝｽ", ["いん", "んす", "すた", "たん", "んす"]),  # half-width katakana folds first
        ("The request is invalid", ["request", "invalid"]),
        ("、。！？ ---", []),
    ],
)
def test_text_tokens(text, expected):
    assert text_tokens(text) == expected


def test_text_tokens_agree_with_the_query_side_functions():
    text = "指定されたインスタンスが見つかりません。Instance not found."
    expected = []
    for kind, run in iter_runs(text):
        if kind == "word":
            expected += word_tokens(run)
        else:
            expected += [token for _, word in cjk_words(run) for _, token in word_bigrams(word)]
    assert text_tokens(text) == expected


@pytest.mark.parametrize(
    "code, expected",
    [
        (
            "AuthFailure.SignatureExpire",
            ["auth", "failur", "authfailur", "signatur", "expir", "signatureexpir"],
        ),
        ("InternalError", ["internal", "error", "internalerror"]),
        (
            "ResourceNotFound.InstanceNotFound",
            ["resourc", "not", "found", "resourcenotfound", "instanc", "not", "found", "instancenotfound"],
        ),
    ],
)
def test_code_tokens(code, expected):
    assert code_tokens(code) == expected


@pytest.mark.parametrize(
    "code, expected",
    [
        ("AuthFailure.SignatureExpire", [4, 12, 21]),
        ("InternalError", [8]),
        ("RequestLimitExceeded.IPLimitExceeded", [7, 12, 21, 23, 28]),
        ("FailedOperation.BYOLImageShareFailed", [6, 16, 20, 25, 30]),
        ("DryRunOperation", [3, 6]),
    ],
)
def test_code_word_starts(code, expected):
    assert code_word_starts(code) == expected


def test_synonym_phrases_are_folded_like_queries():
    phrases = dict(SYNONYM_PHRASES)
    assert phrases["期限切れ"] == ("expir", "过期")
    assert phrases["いんすたんす"] == ("instanc", "实例")  # katakana key, folded
    assert phrases[("too", "many", "requests")] == ("requestlimitexceed",)
    assert phrases[("doesn", "t", "exist")] == ("notfound",)
