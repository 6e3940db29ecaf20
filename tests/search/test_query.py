"""Ranking on a small catalogue shaped like the real one: exact, prefix, part, typo, text, products."""

from __future__ import annotations

import pytest

from app.search.index import SearchIndex
from app.search.query import REASONS, parse_query
from tests.search import entry

CATALOGUE = [
    entry(
        1,
        "AuthFailure.SignatureExpire",
        ja="署名期限切れ。",
        zh="签名过期。",
        en="Signature expired. Timestamp and server time cannot differ by more than five minutes.",
        fix=["Synchronise the client clock with NTP."],
    ),
    entry(
        2,
        "AuthFailure.SignatureFailure",
        ja="署名エラー。",
        en="Invalid signature. Signature calculation error.",
    ),
    entry(3, "AuthFailure.SecretIdNotFound", ja="暗号鍵が存在しません。", en="Key does not exist."),
    entry(
        4,
        "RequestLimitExceeded",
        ja="リクエスト回数は頻度の制限を超えました。",
        en="The number of requests exceeds the frequency limit.",
        zh="请求的次数超过了频率限制。",
    ),
    entry(5, "InternalError", ja="内部エラー。", en="Internal error."),
    entry(6, "InvalidParameter", ja="パラメータエラー。", en="Incorrect parameter."),
    entry(7, "ResourceNotFound", ja="リソースが存在しません。", en="The resource does not exist."),
    entry(8, "AuthFailure", kind="category", en="Authentication or CAM authorisation failed."),
    entry(9, "InvalidImageId", kind="category", en="The image ID is malformed or not found."),
    entry(10, "ClientNetworkError", kind="client", en="The SDK could not reach the API (timeout, DNS)."),
    entry(11, "InvalidImageId.Malformed", "cvm", en="Invalid image ID format.", zh="错误的镜像Id格式。"),
    entry(
        12,
        "InvalidImageId.NotFound",
        "cvm",
        ja="このイメージが見つかりません。",
        en="The image cannot be found.",
    ),
    entry(
        13,
        "InvalidInstanceId.NotFound",
        "cvm",
        ja="該当するインスタンスが見つかりません。",
        en="No instance found.",
    ),
    entry(14, "InvalidParameterValue.InvalidImageId", "cvm", en="The image does not support this operation."),
    entry(
        15, "InvalidSecurityGroupId.NotFound", "cvm", en="The specified `security group ID` does not exist."
    ),
    entry(16, "RequestLimitExceeded", "cvm", zh="请求的次数超过了频率限制。"),
    entry(17, "InvalidParameter.InvalidSignature", "dnspod", ja="署名が無効です。"),
    entry(
        18,
        "LimitExceeded.TooManyRequests",
        "mongodb",
        en="The API frequency limit is triggered due to frequent requests.",
    ),
    entry(
        19,
        "InvalidSecurityGroupID.NotFound",
        "vpc",
        en="Invalid security group. The security group instance ID does not exist.",
    ),
    entry(
        20,
        "UnsupportedOperation.SubnetNotExists",
        "vpc",
        ja="サブネットが存在しません。",
        en="The subnet does not exist.",
    ),
    entry(21, "FailedOperation.Legacy", "cvm", en="A legacy operation failed.", retired="2017-03-12"),
]


@pytest.fixture(scope="module")
def index():
    return SearchIndex.build(CATALOGUE)


def top(index, query, **options):
    hits = index.search(query, **options).hits
    assert hits, f"nothing found for {query!r}"
    return f"{hits[0].entry.product or ''}:{hits[0].entry.code}", hits[0].reason


@pytest.mark.parametrize(
    "query",
    [
        "AuthFailure.SignatureExpire",
        "authfailure.signatureexpire",
        "AUTHFAILURE.SIGNATUREEXPIRE",
        "ＡｕｔｈＦａｉｌｕｒｅ．ＳｉｇｎａｔｕｒｅＥｘｐｉｒｅ",
        '"AuthFailure.SignatureExpire"',
        "「AuthFailure.SignatureExpire」",
        "  AuthFailure . SignatureExpire  ",
        "authfailure。signatureexpire",
    ],
)
def test_exact_code_first_however_typed(index, query):
    assert top(index, query) == (":AuthFailure.SignatureExpire", "exact")


def test_common_code_before_its_product_copies(index):
    hits = index.search("RequestLimitExceeded").hits
    assert [(h.entry.product, h.reason) for h in hits[:2]] == [(None, "exact"), ("cvm", "exact")]


@pytest.mark.parametrize(
    "query, expected",
    [
        ("authfailure.", (":AuthFailure", "exact")),  # the category itself, typed on the way to a code
        ("AuthFailure.Sig", (":AuthFailure.SignatureExpire", "prefix")),
        ("SignatureExpire", (":AuthFailure.SignatureExpire", "part")),
        ("SecretIdNotFound", (":AuthFailure.SecretIdNotFound", "part")),
        ("SignatureFailur", (":AuthFailure.SignatureFailure", "part")),
        ("InvalidImageId", (":InvalidImageId", "exact")),
        ("AuthFailure.SignatureExpried", (":AuthFailure.SignatureExpire", "typo")),
        ("RequestLimitExceded", (":RequestLimitExceeded", "typo")),
        ("InternalEror", (":InternalError", "typo")),
    ],
)
def test_code_tiers(index, query, expected):
    assert top(index, query) == expected


def test_prefix_lists_the_category_codes_after_the_category(index):
    hits = index.search("authfailure.", limit=5).hits
    assert [h.reason for h in hits] == ["exact", "prefix", "prefix", "prefix"]
    assert {h.entry.code for h in hits[1:4]} == {
        "AuthFailure.SignatureExpire",
        "AuthFailure.SignatureFailure",
        "AuthFailure.SecretIdNotFound",
    }


@pytest.mark.parametrize(
    "query, expected",
    [
        ("署名 期限切れ", ":AuthFailure.SignatureExpire"),
        ("署名期限切れ", ":AuthFailure.SignatureExpire"),
        ("signature expired", ":AuthFailure.SignatureExpire"),
        ("リクエスト頻度", ":RequestLimitExceeded"),
        ("too many requests", ":RequestLimitExceeded"),
        ("内部エラー", ":InternalError"),
        ("鍵", ":AuthFailure.SecretIdNotFound"),  # one kanji, through the bigrams containing it
        ("いんすたんす", "cvm:InvalidInstanceId.NotFound"),  # hiragana meets katakana
        ("ｲﾝｽﾀﾝｽ", "cvm:InvalidInstanceId.NotFound"),  # and half-width katakana
        ("NTP", ":AuthFailure.SignatureExpire"),  # found in remediation only
        ("subnet does not exist", "vpc:UnsupportedOperation.SubnetNotExists"),
    ],
)
def test_text(index, query, expected):
    assert top(index, query) == (expected, "text")


def test_plain_words_spelling_a_code_name_it_when_its_product_is_named(index):
    assert top(index, "invalid image id cvm") == ("cvm:InvalidParameterValue.InvalidImageId", "part")
    assert top(index, "invalid image id") == (":InvalidImageId", "exact")  # run together: the category


def test_a_product_named_in_the_query_ranks_its_codes_first(index):
    assert top(index, "security group not found vpc")[0] == "vpc:InvalidSecurityGroupID.NotFound"
    assert top(index, "security group not found cvm")[0] == "cvm:InvalidSecurityGroupId.NotFound"
    hits = index.search("image not found cvm", limit=20).hits
    products = [h.entry.product for h in hits]
    inside = [p in ("cvm", None) and h.entry.kind != "category" for p, h in zip(products, hits, strict=True)]
    assert inside == sorted(inside, reverse=True)  # every cvm or common hit before any other


def test_product_argument_keeps_that_product_and_the_common_codes(index):
    result = index.search("not found", product="vpc", limit=50)
    assert result.hits
    kinds = {(h.entry.product, h.entry.kind) for h in result.hits}
    assert kinds <= {("vpc", "code"), (None, "code"), (None, "client")}
    assert result.total == len(result.hits)
    assert top(index, "InvalidImageId", product="cvm")[0].startswith("cvm:")  # no category guidance


@pytest.mark.parametrize("query", ["the", "of the", "です", "？！", "、。", "の", "---", ""])
def test_stop_words_and_punctuation_find_nothing(index, query):
    result = index.search(query)
    assert (result.total, result.hits) == (0, [])


def test_total_counts_all_matches_and_limit_cuts_hits(index):
    everything = index.search("not found", limit=100)
    assert everything.total == len(everything.hits) > 3
    one = index.search("not found", limit=1)
    assert (one.total, len(one.hits)) == (everything.total, 1)
    assert index.search("not found", limit=0).hits == []


def test_scores_follow_the_order(index):
    hits = index.search("signature", limit=20).hits
    assert [h.score for h in hits] == sorted((h.score for h in hits), reverse=True)
    assert {h.reason for h in hits} <= set(REASONS)


def test_terms_are_the_normalised_query_terms(index):
    hit = index.search("署名 期限切れ").hits[0]
    assert {"署名", "期限", "限切", "切れ", "signatur", "expir"} <= set(hit.terms)
    assert "authfailure.signatureexpire" in index.search("AuthFailure.SignatureExpire").hits[0].terms


@pytest.mark.parametrize(
    "query",
    [
        "code:AuthFailure.SignatureExpire",
        "Code=AuthFailure.SignatureExpire,",
        "[TencentCloudSDKException] code:AuthFailure.SignatureExpire message:Signature expired.",
    ],
)
def test_a_code_as_sdks_print_it(index, query):
    assert top(index, query) == (":AuthFailure.SignatureExpire", "exact")


def test_a_long_sentence_needs_only_some_of_its_words(index):
    query = "リクエストの頻度の制限を超えたので、しばらく待ってから再試行したいが、原因がわからない"
    assert top(index, query)[0] == ":RequestLimitExceeded"


def test_lang_changes_order_not_matches(index):
    totals = {lang: index.search("signature", lang=lang).total for lang in (None, "ja", "en", "zh")}
    assert len(set(totals.values())) == 1


def test_retired_codes_rank_after_live_ones():
    live = entry(1, "FailedOperation.Legacy", "cbs", en="A legacy operation failed.")
    retired = entry(2, "FailedOperation.Legacy", "cvm", en="A legacy operation failed.", retired="2017-03-12")
    hits = SearchIndex.build([retired, live]).search("legacy operation").hits
    assert [h.entry.product for h in hits] == ["cbs", "cvm"]


def test_broad_queries_count_everything_but_score_a_bounded_set():
    many = [
        entry(n, f"InvalidParameter.Field{n}", "cvm", en=f"The field number {n} is invalid.")
        for n in range(4000)
    ]
    index = SearchIndex.build(many)
    result = index.search("invalid", limit=10)
    assert result.total == 4000 and len(result.hits) == 10
    prefix = index.search("InvalidParameter.", limit=10)
    assert prefix.total == 4000 and {h.reason for h in prefix.hits} == {"prefix"}


@pytest.mark.parametrize(
    "query, keys, scope, joined",
    [
        ("AuthFailure.SignatureExpire", [("authfailure.signatureexpire", True)], set(), None),
        ("invalid image id cvm", [("invalidimageid", False)], {"cvm"}, "invalidimageid"),
        ("SignatureExpire cvm", [("signatureexpire", True)], {"cvm"}, None),
        ("AuthFailure.X 署名", [("authfailure.x署名", False), ("authfailure.x", True)], set(), None),
        ("cvm", [("cvm", True)], set(), None),  # a product alone is searched for, not a filter
        ("cvm vpc", [("cvmvpc", False)], {"cvm", "vpc"}, "cvmvpc"),
    ],
)
def test_parse_query(query, keys, scope, joined):
    parsed = parse_query(query, {"cvm": "cvm", "vpc": "vpc"})
    assert (list(parsed.code_keys), set(parsed.scope), parsed.joined_words) == (keys, scope, joined)


def test_parse_query_cjk_words_weigh_one_each():
    parsed = parse_query("リクエスト頻度", {})
    assert len(parsed.words) == 2  # りくえすと and 頻度
    weights = {term.token: term.weight for term in parsed.terms}
    assert weights["りく"] == pytest.approx(0.25) and weights["頻度"] == pytest.approx(1.0)
    assert "request" in weights  # the synonym of リクエスト
