"""Messages: where a message value ends, folding, templates, descriptions and the threshold."""

from __future__ import annotations

import json

import pytest

from app.entries import Entry, Text
from app.explain.messages import (
    TEMPLATES_PATH,
    THRESHOLD,
    MessageMatcher,
    compile_template,
    fold_message,
    load_templates,
    message_value,
)
from tests.explain import make_entries

RID = "0b3c5e21-7a4f-4d2e-9b61-2f8e4a7c9d10"


@pytest.mark.parametrize(
    ("label", "rest", "value"),
    [
        ("message:", "plain text", "plain text"),
        ("message:", f"two words requestId:{RID}", "two words"),
        ("Message=", f"a, b and c, RequestId={RID}", "a, b and c"),
        ("message:", "first line\nsecond line", "first line"),
        ('"Message": ', '"quoted, with \\"escapes\\"", "x": 1', 'quoted, with \\"escapes\\"'),
        ('\\"Message\\":', '\\"in a string\\",\\"RequestId\\"', "in a string"),
        ('"Message": ', '"cut off in the mid', "cut off in the mid"),
        ("message: ", "'single quotes' and more", "single quotes"),
        ("msg=", f"x code=InternalError requestId:{RID}", "x"),
        ("Message: ", f"fine, RequestId: {RID}", "fine"),
    ],
)
def test_message_value_ends_where_the_sdk_ends_it(label, rest, value):
    text = label + rest
    start, end = message_value(text, len(label), 0, 4000)
    assert text[start:end] == value


def test_sdk_messages_may_span_lines_up_to_the_request_id():
    text = f"message:first line\nsecond line\n requestId:{RID}"
    start, end = message_value(text, len("message:"), len(text), 4000)
    assert text[start:end] == "first line\nsecond line"


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("Signature expired.", "signature expired"),
        ("  Signature   EXPIRED \n", "signature expired"),
        ("ＳｉｇｎａｔｕｒｅＥｘｐｉｒｅｄ。", "signatureexpired"),
        ("请求签名验证失败，请检查。", "请求签名验证失败,请检查"),
        ("「'quoted'」", "「'quoted'」"),
    ],
)
def test_fold_message(text, folded):
    assert fold_message(text) == folded


@pytest.mark.parametrize(
    ("template", "message", "matches"),
    [
        (
            "Your current request times equals to `{n}` in a second",
            "Your current request times equals to `21` in a second.",
            True,
        ),
        (
            "Your current request times equals to `{n}` in a second",
            "Your current request times equals to `x` in a second",
            False,
        ),
        (
            "The value `{s}` specified in the parameter `{s}` is not valid",
            "The value `50` specified in the parameter `A.B` is not valid",
            True,
        ),
        (
            "The value `{s}` specified in the parameter `{s}` is not valid",
            "The value 50 specified in the parameter A is not valid",
            False,
        ),
        (
            "operation ({s}){*}has no permission",
            "operation (cvm:Run)\nresource (qcs::cvm) has no permission",
            True,
        ),
        (
            "您当前每秒请求 `{n}` 次，超过了每秒频率上限 `{n}`",
            "您当前每秒请求 `23` 次，超过了每秒频率上限 `20`，请稍后重试。",
            True,
        ),
    ],
)
def test_templates_match_their_variable_parts(template, message, matches):
    compiled = compile_template("X", "en", 0.9, template)
    assert bool(compiled.pattern.search(fold_message(message))) is matches


def entry(number: int, code: str, product: str | None, en: str, origin: str = "official") -> Entry:
    return Entry(
        number, code, product, code.split(".")[0], "official", "no", descriptions={"en": Text(en, origin)}
    )


def matcher(*entries: Entry) -> MessageMatcher:
    template = compile_template(
        "RequestLimitExceeded", "en", 0.97, "Your current request times equals to `{n}`"
    )
    generic = compile_template(
        "InternalError", "en", 0.85, "An internal error has occurred. Retry your request"
    )
    return MessageMatcher.from_entries(entries, [template, generic])


def test_a_distinctive_template_passes_even_without_context():
    found = matcher().match("Your current request times equals to `3` in a second", tencent_context=False)
    assert found is not None and found.code == "RequestLimitExceeded" and found.source == "template"
    assert found.confidence >= THRESHOLD


def test_wording_other_clouds_share_needs_a_tencent_context():
    message = "An internal error has occurred. Retry your request, but if the problem persists, contact us."
    assert matcher().match(message, tencent_context=False) is None
    found = matcher().match(message, tencent_context=True)
    assert found is not None and found.code == "InternalError"


def test_descriptions_match_exactly_then_closely():
    m = matcher(entry(1, "FailedOperation.DiskBusy", "cbs", "The disk is busy, please retry later."))
    exact = m.match("The disk is busy, please retry later.", tencent_context=True)
    close = m.match("The disk is busy; please retry later!!", tencent_context=True)
    far = m.match("The network is busy, please call back tomorrow.", tencent_context=True)
    assert (exact.code, exact.product, exact.source) == ("FailedOperation.DiskBusy", "cbs", "description")
    assert close is not None and close.confidence < exact.confidence
    assert far is None
    assert m.match("The disk is busy; please retry later!!", tencent_context=True, fuzzy=False) is None


def test_shared_wording_prefers_the_common_code_and_refuses_a_guess_between_products():
    m = matcher(
        entry(1, "InternalError", None, "Internal error."),
        entry(2, "InternalError.DbError", "cdb", "Internal error."),
        entry(3, "FailedOperation.A", "sms", "The phone number is in the blacklist."),
        entry(4, "FailedOperation.B", "vms", "The phone number is in the blacklist."),
    )
    common = m.match("Internal error.", tencent_context=True)
    assert (common.code, common.product) == ("InternalError", None)
    assert m.match("The phone number is in the blacklist.", tencent_context=True) is None


def test_texts_written_for_the_project_are_not_messages():
    m = matcher(entry(1, "FailedOperation.Foo", "cbs", "A message nobody ever received.", origin="project"))
    assert m.match("A message nobody ever received.", tencent_context=True) is None


def test_short_messages_are_not_compared():
    assert matcher(entry(1, "InternalError", None, "Err")).match("Err", tencent_context=True) is None


def test_the_shipped_templates_compile_and_name_codes_of_the_catalogue_shape():
    data = json.loads(TEMPLATES_PATH.read_text(encoding="utf-8"))
    templates = load_templates()
    assert len(templates) == len(data["templates"]) >= 10
    for item, template in zip(data["templates"], templates, strict=True):
        assert item["lang"] in ("en", "zh")
        assert 0.8 <= item["confidence"] <= 1.0
        assert item["code"].replace(".", "").isalnum() and item["seen"]
        sample = item["text"].replace("{n}", "12").replace("{s}", "Limit").replace("{*}", "some text ")
        found = MessageMatcher([template], {}).match(sample, tencent_context=True)
        assert found is not None and found.code == item["code"], item["text"]
    assert {item["lang"] for item in data["templates"]} == {"en", "zh"}


def test_the_hand_made_catalogue_matches_its_own_wording():
    m = MessageMatcher.from_entries(make_entries())
    found = m.match("暂无付费权限。", tencent_context=True)
    assert (found.code, found.product) == ("UnauthorizedOperation.NotHavePaymentRight", "cbs")
