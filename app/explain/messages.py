"""Explain: the messages in a paste -> where each one is, and which code a message without a code means.

A message is the value after a label (`message:`, `Message=`, `"Message": "`, Node.js's class name),
up to its closing quote, the SDK's request id field or the line end.  Node.js and .NET print only the
message, so the code has to be recognised from the text: first the known API message templates
(message_templates.json, with their variable parts), then the official en/zh descriptions of the
catalogue, exactly and then by close similarity.

Confidence and threshold: a match scores the template's own confidence (0.85-0.97, lower when the
same wording is used by other clouds), 0.92 for an official description found verbatim, or 0.92 x
similarity for a near-verbatim one (similarity >= 0.9).  Wording shared by several different codes
scores 0.7.  Without anything in the paste that says Tencent Cloud, the score is multiplied by 0.85.
Matches are reported from THRESHOLD = 0.8 up: distinctive templates always pass, generic wording
(shared with AWS, JWT libraries, ...) and official descriptions pass only in a Tencent Cloud context,
and ambiguous wording never does.  tests/eval/pastes.jsonl holds the cases this was tuned on.
"""

from __future__ import annotations

import json
import re
import unicodedata
from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from rapidfuzz import fuzz, process

from app.entries import Entry
from app.explain import formats as f
from app.explain.formats import Layout

TEMPLATES_PATH = Path(__file__).resolve().parents[1] / "catalog" / "data" / "message_templates.json"
THRESHOLD = 0.8
NO_CONTEXT_FACTOR = 0.85
EXACT_CONFIDENCE = 0.92
AMBIGUOUS_CONFIDENCE = 0.7
FUZZY_CUTOFF = 90.0
MAX_MESSAGE = 600  # the part of a message compared with the known ones
MAX_MESSAGE_CHARS = 1000  # the longest message kept from a paste
MESSAGE_LANGS = ("en", "zh")

Span = tuple[int, int, int]  # a labelled message in a paste: label position, value start, value end

# Variable parts of a template: {n} a number, {s} text inside backticks or up to the line end,
# {*} anything on the line.  Each is bounded, so a near miss cannot backtrack for long.
_SLOT = re.compile(r"\{([ns*])\}")
_SLOT_PATTERNS = {"n": r"[0-9.,+-]{1,20}", "s": r"[^`\n]{0,200}", "*": r"[^\n]{0,300}?"}
_SPACE = re.compile(r"\s+")
_EDGE = " \t.。!！,，;；:：\"'"


def message_spans(scan: str, layout: Layout) -> list[Span]:
    """(label position, value start, value end) of every labelled message, in order."""
    spans = []
    for pattern in (f.MESSAGE_LABEL, f.NODE_MESSAGE):
        for m in pattern.finditer(scan):
            # Only the SDKs' lower-case `message:` runs over several lines, up to their ` requestId:`.
            multiline = m.group().startswith("message")
            limit = min(layout.segment_end(m.start()), m.end() + 2 * MAX_MESSAGE_CHARS) if multiline else 0
            start, end = message_value(scan, m.end(), limit, 4 * MAX_MESSAGE_CHARS)
            if end > start:
                spans.append((m.start(), start, end))
    spans.sort()
    return spans


def colon_message(scan: str, code_end: int) -> Span | None:
    """The message of `Code:message`, the way apps print an error as one line."""
    if scan[code_end : code_end + 1] != ":":
        return None
    start, end = message_value(scan, code_end + 1, 0, MAX_MESSAGE_CHARS)
    return (code_end, start, end) if end > start else None


def message_value(text: str, i: int, multiline_limit: int, longest: int) -> tuple[int, int]:
    """Where the message value after a label at `i` starts and ends.

    A quoted value ends at its closing quote (escaped quotes skipped; none: a body cut off, so the
    line end).  Otherwise it ends at the SDK's request id field, looked for up to `multiline_limit`
    (the Python, Java and PHP SDKs print multi-line messages), else at the next field on the line.
    """
    n = len(text)
    while i < n and text[i] in " \t":
        i += 1
    j = i
    while j < n and text[j] == "\\":
        j += 1
    line_end = text.find("\n", i)
    line_end = n if line_end < 0 else line_end
    if j < n and text[j] in "\"'`":
        # The closing quote is escaped as often as the opening one (`\"` in a JSON string inside a
        # JSON string); a quote escaped more often is part of the message.
        quote, slashes, start = text[j], j - i, j + 1
        k = text.find(quote, start, min(n, start + longest))
        while k >= 0:
            run = k
            while run > start and text[run - 1] == "\\":
                run -= 1
            if k - run == slashes:
                return start, run
            k = text.find(quote, k + 1, min(n, start + longest))
        return start, line_end  # no closing quote: a body cut off mid-message
    sdk_end = f.MESSAGE_SDK_END.search(text, i, max(multiline_limit, line_end))
    end = sdk_end.start() if sdk_end else line_end
    if not (sdk_end and multiline_limit):  # the SDK's own field wins; elsewhere the first field does
        other = f.MESSAGE_END.search(text, i, end)
        end = other.start() if other else end
    while end > i and (text[end - 1].isspace() or text[end - 1] == ","):
        end -= 1
    return i, end


def fold_message(text: str) -> str:
    """The comparable form of a message: NFKC, case-folded, one space between words, no end stop."""
    return _SPACE.sub(" ", unicodedata.normalize("NFKC", text).casefold()).strip(_EDGE)


@dataclass(frozen=True, slots=True)
class Template:
    code: str
    lang: str
    confidence: float
    pattern: re.Pattern[str]
    anchor: str  # the longest fixed part: a cheap `in` test before the regular expression runs


@dataclass(frozen=True, slots=True)
class MessageMatch:
    code: str
    product: str | None
    confidence: float
    source: str  # "template" or "description"


def compile_template(code: str, lang: str, confidence: float, text: str) -> Template:
    """One template of message_templates.json as a regular expression over folded text."""
    parts = _SLOT.split(fold_message(text))
    literals = parts[0::2]
    pattern = "".join(
        re.escape(part) if index % 2 == 0 else _SLOT_PATTERNS[part] for index, part in enumerate(parts)
    )
    return Template(code, lang, confidence, re.compile(pattern), max(literals, key=len))


def load_templates(path: Path = TEMPLATES_PATH) -> list[Template]:
    data = json.loads(path.read_text(encoding="utf-8"))
    return [
        compile_template(item["code"], item["lang"], float(item["confidence"]), item["text"])
        for item in data["templates"]
    ]


class MessageMatcher:
    """Recognises known message texts; built once per catalogue version, then only read."""

    def __init__(self, templates: list[Template], texts: dict[str, tuple[tuple[str, str | None], ...]]):
        self._templates = templates
        self._texts = texts
        # Choices sorted by length: a ratio of 90 or more needs lengths within about 20 %.
        self._choices = sorted(texts, key=len)
        self._lengths = [len(text) for text in self._choices]

    @classmethod
    def from_entries(
        cls, entries: Iterable[Entry], templates: list[Template] | None = None
    ) -> MessageMatcher:
        found: dict[str, set[tuple[str, str | None]]] = {}
        for entry in entries:
            if entry.kind != "code":
                continue  # category and client texts are written here, never returned by the API
            for lang in MESSAGE_LANGS:
                text = entry.descriptions.get(lang)
                if text is not None and text.origin == "official" and text.text.strip():
                    found.setdefault(fold_message(text.text), set()).add((entry.code, entry.product))
        texts = {key: tuple(sorted(pairs, key=lambda p: (p[1] or "", p[0]))) for key, pairs in found.items()}
        return cls(load_templates() if templates is None else templates, texts)

    def match(self, message: str, *, tencent_context: bool, fuzzy: bool = True) -> MessageMatch | None:
        """The best known code for `message`, or None when nothing reaches THRESHOLD."""
        folded = fold_message(message[:MAX_MESSAGE])
        if len(folded) < 4:
            return None
        found = self._by_template(folded) or self._by_description(folded, fuzzy)
        if found is None:
            return None
        factor = 1.0 if tencent_context else NO_CONTEXT_FACTOR
        confidence = round(found.confidence * factor, 3)
        if confidence < THRESHOLD:
            return None
        return MessageMatch(found.code, found.product, confidence, found.source)

    def _by_template(self, folded: str) -> MessageMatch | None:
        best: MessageMatch | None = None
        for template in self._templates:
            if template.anchor in folded and template.pattern.search(folded):
                if best is None or template.confidence > best.confidence:
                    best = MessageMatch(template.code, None, template.confidence, "template")
        return best

    def _by_description(self, folded: str, fuzzy: bool) -> MessageMatch | None:
        pairs = self._texts.get(folded)
        confidence = EXACT_CONFIDENCE
        if pairs is None and fuzzy and len(folded) >= 16:
            low = bisect_left(self._lengths, int(len(folded) * 0.8))
            high = bisect_right(self._lengths, int(len(folded) * 1.25) + 1)
            hit = process.extractOne(
                folded, self._choices[low:high], scorer=fuzz.ratio, processor=None, score_cutoff=FUZZY_CUTOFF
            )
            if hit is None:
                return None
            pairs = self._texts[hit[0]]
            confidence = EXACT_CONFIDENCE * hit[1] / 100
        if not pairs:
            return None
        return _resolve(pairs, confidence)


def _resolve(pairs: tuple[tuple[str, str | None], ...], confidence: float) -> MessageMatch:
    """One code for a wording: the common code if there is one, else the code all entries share."""
    codes = {code for code, _ in pairs}
    common = [code for code, product in pairs if product is None]
    if common:
        return MessageMatch(common[0], None, confidence, "description")
    products = {product for _, product in pairs}
    product = next(iter(products)) if len(products) == 1 else None
    if len(codes) == 1:
        return MessageMatch(pairs[0][0], product, confidence, "description")
    return MessageMatch(pairs[0][0], product, min(confidence, AMBIGUOUS_CONFIDENCE), "description")
