"""Catalogue sources: the written content files (common, category and SDK codes, products, envelope)."""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path
from typing import Any

import pytest

REPO = Path(__file__).resolve().parents[2]
DATA = REPO / "app" / "catalog" / "data"
SEED = Path(__file__).resolve().parents[3] / "shared" / "seed" / "000_8d4dd11cc2ad69d8.txt"
SNAPSHOT = DATA / "sdk_snapshot.jsonl"

# The official "Common Error Codes" table; kept here so that a file edit cannot silently shrink it.
COMMON_CODES = frozenset(
    {
        "ActionOffline",
        "AuthFailure.InvalidAuthorization",
        "AuthFailure.InvalidSecretId",
        "AuthFailure.MFAFailure",
        "AuthFailure.SecretIdNotFound",
        "AuthFailure.SignatureExpire",
        "AuthFailure.SignatureFailure",
        "AuthFailure.TokenFailure",
        "AuthFailure.UnauthorizedOperation",
        "DryRunOperation",
        "FailedOperation",
        "InternalError",
        "InvalidAction",
        "InvalidParameter",
        "InvalidParameterValue",
        "InvalidRequest",
        "IpInBlacklist",
        "IpNotInWhitelist",
        "LimitExceeded",
        "MissingParameter",
        "NoSuchProduct",
        "NoSuchVersion",
        "RequestLimitExceeded",
        "RequestLimitExceeded.GlobalRegionUinLimitExceeded",
        "RequestLimitExceeded.IPLimitExceeded",
        "RequestLimitExceeded.UinLimitExceeded",
        "RequestSizeLimitExceeded",
        "ResourceInUse",
        "ResourceInsufficient",
        "ResourceNotFound",
        "ResourceUnavailable",
        "ResponseSizeLimitExceeded",
        "ServiceUnavailable",
        "UnauthorizedOperation",
        "UnknownParameter",
        "UnsupportedOperation",
        "UnsupportedProtocol",
        "UnsupportedRegion",
    }
)
RETRYABLE = {"yes", "no", "after_fix"}
SDKS = {"python", "go", "java", "nodejs", "php", "dotnet", "cpp"}
JAPANESE = re.compile(r"[\u3040-\u30ff\u3400-\u9fff]")
SEED_ROW = re.compile(r"^\|\s*([A-Za-z][A-Za-z0-9]*(?:\.[A-Za-z0-9]+)*)\s*\|\s*(.*?)\s*\|\s*$")

# file -> (allowed "source", allowed origins per description language, required description languages)
CONTENT = {
    "common_codes.json": (
        {"seed", "official"},
        {"ja": {"seed", "project"}, "en": {"official", "project"}, "zh": {"official"}},
        ("ja", "en"),
    ),
    "categories.json": ({"project"}, {"ja": {"project"}, "en": {"project"}, "zh": {"project"}}, ("ja", "en")),
    "client_codes.json": ({"sdk"}, {"ja": {"project"}, "en": {"project"}}, ("ja", "en")),
}


@cache
def load(name: str) -> Any:
    return json.loads((DATA / name).read_text(encoding="utf-8"))


def parse_seed_table(text: str) -> dict[str, str]:
    """Code -> Japanese description from the seed's Markdown table (header and rule rows skipped)."""
    rows = {}
    for line in text.splitlines():
        match = SEED_ROW.match(line)
        if match:
            rows[match.group(1)] = match.group(2)
    return rows


def seed_sections(text: str) -> dict[str, str]:
    """'## heading' -> body of that section."""
    parts = re.split(r"^## ", text, flags=re.MULTILINE)
    return {part.splitlines()[0].strip(): part for part in parts if part.strip()}


def seed_example_and_points(section: str) -> tuple[Any, list[str]]:
    """The indented JSON block and the '* ' bullet points of one seed section."""
    lines = section.splitlines()
    block = "\n".join(line[4:] for line in lines if line.startswith("    "))
    return json.loads(block), [line[2:].strip() for line in lines if line.startswith("* ")]


def seed_text() -> str:
    if not SEED.exists():
        pytest.skip(f"seed document not present at {SEED}")
    return SEED.read_text(encoding="utf-8")


def snapshot_lines() -> list[dict]:
    if not SNAPSHOT.exists():
        pytest.skip("no sdk_snapshot.jsonl in app/catalog/data")
    with SNAPSHOT.open(encoding="utf-8") as lines:
        return [json.loads(line) for line in lines if line.strip()]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (
            "| AuthFailure.SignatureExpire | 署名期限切れ。 |",
            ("AuthFailure.SignatureExpire", "署名期限切れ。"),
        ),
        ("| MFAFailure |MFAエラー|", ("MFAFailure", "MFAエラー")),
        (
            "| UnsupportedProtocol | http(s)リクエストプロトコルエラー、GETとPOSTリクエストのみサポートされます。 |",
            (
                "UnsupportedProtocol",
                "http(s)リクエストプロトコルエラー、GETとPOSTリクエストのみサポートされます。",
            ),
        ),
        ("| エラーコード | エラー説明 |", None),
        ("|----------|----------|", None),
        ("* ResponseおよびそのRequestIdは固定的なフィールドです。", None),
        ("| Bad.Code. | trailing dot is not a code |", None),
    ],
)
def test_seed_table_parser(line, expected):
    assert parse_seed_table(line) == (dict([expected]) if expected else {})


def test_common_codes_are_exactly_the_official_list():
    codes = [item["code"] for item in load("common_codes.json")]
    assert len(codes) == len(set(codes)) == 38
    assert set(codes) == COMMON_CODES


@pytest.mark.parametrize("name", sorted(CONTENT))
def test_content_file_is_sorted_by_unique_code(name):
    codes = [item["code"] for item in load(name)]
    assert codes == sorted(set(codes))


def test_seed_codes_keep_the_seed_text_exactly():
    table = parse_seed_table(seed_text())
    assert len(table) == 26 and set(table) < COMMON_CODES
    for item in load("common_codes.json"):
        ja = item["description"]["ja"]
        if item["code"] in table:
            assert item["source"] == "seed"
            assert ja == {"text": table[item["code"]], "origin": "seed"}, item["code"]
        else:
            assert item["source"] == "official"
            assert ja["origin"] == "project", item["code"]


def test_common_codes_carry_official_wording_verbatim():
    by_code = {item["code"]: item["description"] for item in load("common_codes.json")}
    assert by_code["AuthFailure.SignatureExpire"]["en"] == {
        "text": "Signature expired. Timestamp and server time cannot differ by more than five minutes. "
        "Please ensure your current local time matches the standard time.",
        "origin": "official",
    }
    assert by_code["RequestLimitExceeded.IPLimitExceeded"]["zh"] == {
        "text": "IP 限频。",
        "origin": "official",
    }
    # Rendered text only: no Markdown links or code spans leak in from the documentation sources.
    for description in by_code.values():
        for value in description.values():
            assert not re.search(r"\]\(|`", value["text"])


@pytest.mark.parametrize("name", sorted(CONTENT))
def test_entries_follow_the_content_schema(name):
    sources, origins, required = CONTENT[name]
    for item in load(name):
        code = item["code"]
        assert item["source"] in sources, code
        assert item["retryable"] in RETRYABLE, code
        descriptions = item["description"]
        assert set(required) <= set(descriptions) <= set(origins), code
        for lang, value in descriptions.items():
            assert value["text"].strip() == value["text"] != "", (code, lang)
            assert value["origin"] in origins[lang], (code, lang)
        assert JAPANESE.search(descriptions["ja"]["text"]), code
        assert set(item["remediation"]) == {"ja", "en"}, code
        for lang, steps in item["remediation"].items():
            assert 2 <= len(steps) <= 5, (code, lang)
            assert all(isinstance(step, str) and step.strip() for step in steps), (code, lang)
        assert all(JAPANESE.search(step) for step in item["remediation"]["ja"]), code
        assert not any(JAPANESE.search(step) for step in item["remediation"]["en"]), code


def test_retryable_follows_the_nature_of_the_code():
    retry = {item["code"]: item["retryable"] for item in load("common_codes.json")}
    assert all(value == "yes" for code, value in retry.items() if code.startswith("RequestLimitExceeded"))
    assert retry["InternalError"] == retry["ServiceUnavailable"] == "yes"
    assert retry["AuthFailure.SignatureFailure"] == retry["InvalidParameter"] == "after_fix"
    assert retry["DryRunOperation"] == retry["ActionOffline"] == "no"


def test_client_codes_name_the_sdks_that_raise_them():
    items = load("client_codes.json")
    known = {
        "ClientNetworkError",
        "ClientError.NetworkError",
        "ClientError.HttpStatusCodeError",
        "ServerSideError",
        "ClientParamsError",
        "ClientError.CredentialError",
    }
    assert known <= {item["code"] for item in items}
    for item in items:
        assert item["sdks"] and set(item["sdks"]) <= SDKS, item["code"]
        assert len(item["sdks"]) == len(set(item["sdks"])), item["code"]


def test_codes_do_not_collide_between_files():
    kinds = {name: {item["code"] for item in load(name)} for name in CONTENT}
    assert not kinds["common_codes.json"] & kinds["categories.json"]
    assert not kinds["client_codes.json"] & (kinds["common_codes.json"] | kinds["categories.json"])


def test_categories_cover_every_non_common_category_of_the_catalogue():
    codes = {line["code"] for line in snapshot_lines() if "code" in line}
    expected = {code.split(".", 1)[0] for code in codes if "." in code} - COMMON_CODES
    written = {item["code"] for item in load("categories.json")}
    assert expected <= written, sorted(expected - written)
    assert "OperationDenied" in written and "AuthFailure" in written


def test_products_cover_every_product_of_the_catalogue():
    slugs = {line["product"] for line in snapshot_lines() if "product" in line}
    products = load("products.json")
    assert slugs <= set(products), sorted(slugs - set(products))


def test_products_are_named_in_every_language():
    products = load("products.json")
    assert list(products) == sorted(products)
    aliases = [alias for info in products.values() for alias in info["aliases"]]
    assert len(aliases) == len(set(aliases)) and not set(aliases) & set(products)
    for slug, info in products.items():
        assert set(info) == {"en", "ja", "zh", "aliases"}, slug
        assert all(isinstance(info[lang], str) and info[lang].strip() for lang in ("en", "ja", "zh")), slug
    assert products["cvm"]["zh"] == "云服务器" and products["cvm"]["en"] == "Cloud Virtual Machine"
    assert products["autoscaling"]["aliases"] == ["as"]


def test_envelope_reproduces_the_seed_sections():
    sections = seed_sections(seed_text())
    envelope = load("envelope.json")
    for key, heading in (("success", "正しい戻り結果"), ("error", "間違った戻り結果")):
        example, points = seed_example_and_points(sections[heading])
        assert envelope[key]["example"] == example
        assert envelope[key]["points"]["ja"] == points
        assert len(envelope[key]["points"]["en"]) == len(points)
        assert not any(JAPANESE.search(point) for point in envelope[key]["points"]["en"])
    assert envelope["error"]["example"]["Response"]["Error"]["Code"] == "AuthFailure.SignatureFailure"


def test_envelope_explains_the_fields_in_both_languages():
    envelope = load("envelope.json")
    assert [field["name"] for field in envelope["fields"]] == ["RequestId", "Error.Code", "Error.Message"]
    for part in (*envelope["fields"], envelope["title"], envelope["intro"]):
        assert part["ja"].strip() and part["en"].strip()
        assert JAPANESE.search(part["ja"])
