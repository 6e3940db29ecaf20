"""Building the in-process index: code space, BM25 fields, products, and what a build leaves behind."""

from __future__ import annotations

import gc

import pytest

from app.search.codes import key_range
from app.search.index import SearchIndex
from app.search.query import POSTINGS_CAP
from tests.search import entry

ENTRIES = [
    entry(0, "AuthFailure.SignatureExpire", ja="署名期限切れ。", en="Signature expired."),
    entry(1, "AuthFailure", kind="category", en="Authentication failed."),
    entry(2, "ClientNetworkError", kind="client", en="The SDK could not reach the API."),
    entry(3, "InvalidSecurityGroupId.NotFound", "cvm", en="The security group ID does not exist."),
    entry(4, "InvalidSecurityGroupID.NotFound", "vpc", zh="安全组实例ID不存在。"),
    entry(5, "ResourceNotFound.Instance", "mqtt", zh="ResourceNotFound.Instance", en="Instance not found."),
    entry(6, "LimitExceeded.TooManyRequests", "mongodb", en="Too frequent requests."),
]


@pytest.fixture(scope="module")
def index():
    return SearchIndex.build(ENTRIES, product_aliases={"as": "mongodb", "mdb": "mongodb", "x": "nowhere"})


def test_spellings_of_one_code_share_a_key(index):
    assert index.codes.entries_by_key["invalidsecuritygroupid.notfound"] == (3, 4)
    assert index.codes.keys == tuple(sorted(index.codes.keys))


def test_suffixes_start_at_words_and_segments(index):
    owned = {
        s
        for s, key in zip(index.codes.suffixes, index.codes.suffix_keys, strict=True)
        if key == "authfailure.signatureexpire"
    }
    assert owned == {"failure.signatureexpire", "signatureexpire", "expire"}
    assert list(index.codes.suffixes) == sorted(index.codes.suffixes)


def test_typo_strings_are_codes_and_their_last_segments(index):
    strings = {}
    for length, (texts, keys) in index.codes.typos.items():
        assert {len(text) for text in texts} == {length}
        strings.update(zip(texts, keys, strict=True))
    assert strings["signatureexpire"] == ("authfailure.signatureexpire",)
    assert strings["notfound"] == ("invalidsecuritygroupid.notfound",)
    assert "authfailure" in strings  # the category is a code of its own


def test_fields_hold_codes_and_texts_per_language(index):
    assert set(index.fields["code"]["signatureexpir"].ids) == {0}
    assert set(index.fields["desc:ja"]["期限"].ids) == {0}
    assert set(index.fields["desc:zh"]["安全"].ids) == {4}
    assert index.fields["rem:en"] == {}


def test_a_description_repeating_the_code_is_not_indexed(index):
    assert "resourcenotfound" not in index.fields["desc:zh"]
    assert set(index.fields["desc:en"]["instanc"].ids) == {5}


def test_one_idf_per_token_across_fields(index):
    assert index.fields["code"]["signatur"].idf == index.fields["desc:en"]["signatur"].idf


def test_products_and_aliases(index):
    # A stop word ("as"), a one-letter alias and an alias of an unknown product are not names.
    slugs = {"cvm": "cvm", "vpc": "vpc", "mqtt": "mqtt", "mongodb": "mongodb"}
    assert index.products == {**slugs, "mdb": "mongodb"}
    assert index.search("too frequent requests mdb").hits[0].entry.product == "mongodb"


def test_scope_members_are_the_product_and_what_every_product_can_return(index):
    assert index.scope_members(frozenset({"cvm"})) == {0, 2, 3}  # no category guidance
    assert index.scope_members(frozenset({"cvm", "vpc"})) == {0, 2, 3, 4}


def test_kanji_lead_to_the_bigrams_that_contain_them(index):
    assert set(index.kanji_bigrams["署"]) == {"署名"}
    assert set(index.kanji_bigrams["期"]) == {"名期", "期限"}


def test_long_postings_come_highest_impact_first():
    many = [
        entry(n, f"FailedOperation.Item{n}", "cvm", en="failed " + "padding " * (n % 7))
        for n in range(POSTINGS_CAP + 50)
    ]
    postings = SearchIndex.build(many).fields["desc:en"]["fail"]
    assert len(postings.ids) == POSTINGS_CAP + 50
    assert list(postings.impacts) == sorted(postings.impacts, reverse=True)


@pytest.mark.parametrize("enabled", [True, False])
def test_build_leaves_the_garbage_collector_as_it_found_it(enabled):
    was = gc.isenabled()
    try:
        (gc.enable if enabled else gc.disable)()
        SearchIndex.build(ENTRIES)
        assert gc.isenabled() is enabled
    finally:
        (gc.enable if was else gc.disable)()


def test_an_empty_catalogue_finds_nothing():
    result = SearchIndex.build([]).search("AuthFailure")
    assert (result.total, result.hits) == (0, [])


@pytest.mark.parametrize(
    "strings, prefix, expected",
    [
        (("a", "ab", "abc", "b"), "ab", (1, 3)),
        (("a", "ab", "abc", "b"), "c", (4, 4)),
        (("auth.x", "auth.y", "authz"), "auth.", (0, 2)),
        ((), "a", (0, 0)),
    ],
)
def test_key_range(strings, prefix, expected):
    assert key_range(strings, prefix) == expected
