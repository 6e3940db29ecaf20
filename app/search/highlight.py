"""Search: query terms of a hit -> the spans of a displayed text they match, for <mark> in the views.

Spans are offsets in the ORIGINAL text, so a view can cut the text it shows at them; matching is
done on a folded copy (full-width, case, katakana) that remembers where each character came from.
Latin terms match whole CamelCase pieces by stem (`expir` marks `Expired` and `Expire`) or, for
codes, from the start of a piece (`authfailure.` marks `AuthFailure.` in `AuthFailure.X`); CJK
terms (bigrams) match anywhere, and touching spans merge (`期限`, `限切`, `切れ` -> `期限切れ`).
"""

from __future__ import annotations

import re
import unicodedata

from app.search.normalize import fold_text
from app.search.tokens import stem

# Latin letters and digits, half- or full-width: the characters of a Latin word.
_WORD = re.compile(r"[0-9A-Za-z\u00c0-\u024f\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]+")
_VOICING_MARKS = "\u3099\u309a"


def highlight_spans(text: str, terms: tuple[str, ...] | list[str]) -> list[tuple[int, int]]:
    """Sorted, non-overlapping (start, end) offsets of `text` that the query `terms` match."""
    folded, origin = _fold_with_origin(text)
    latin = {fold_text(term) for term in terms if term and fold_text(term).isascii()}
    stems = {stem(term) for term in latin if term.isalnum()}
    # A code, or the start of one, marked from a word on (`signatureexp`, `authfailure.`); short
    # terms are stems, which must not mark the start of a longer word (`imag` in `imagination`).
    codes = [term for term in latin if "." in term or len(term) >= 8]
    spans: list[tuple[int, int]] = []
    for start, end in _pieces(text):
        piece = fold_text(text[start:end])
        if piece in latin or stem(piece) in stems:
            spans.append((start, end))
        at = _folded_offset(origin, start)
        for term in codes:
            if folded.startswith(term, at):
                spans.append((start, origin[at + len(term) - 1][1]))
    for term in terms:
        cjk = fold_text(term)
        if not cjk or cjk.isascii():
            continue
        at = folded.find(cjk)
        while at != -1:
            spans.append((origin[at][0], origin[at + len(cjk) - 1][1]))
            at = folded.find(cjk, at + 1)
    return _merge(spans)


def _fold_with_origin(text: str) -> tuple[str, list[tuple[int, int]]]:
    """`fold_text(text)` character by character, with the original span of each folded character.

    A half-width voicing mark (`ｶﾞ`) folds to a combining mark, which is composed with the
    character before it, as NFKC of the whole text would do.
    """
    chars: list[str] = []
    origin: list[tuple[int, int]] = []
    for index, char in enumerate(text):
        for folded in fold_text(char):
            if folded in _VOICING_MARKS and chars:
                composed = unicodedata.normalize("NFC", chars[-1] + folded)
                if len(composed) == 1:
                    chars[-1] = composed
                    origin[-1] = (origin[-1][0], index + 1)
                    continue
            chars.append(folded)
            origin.append((index, index + 1))
    return "".join(chars), origin


def _folded_offset(origin: list[tuple[int, int]], start: int) -> int:
    """The first folded character that comes from original offset `start` or later."""
    low, high = 0, len(origin)
    while low < high:
        middle = (low + high) // 2
        if origin[middle][0] < start:
            low = middle + 1
        else:
            high = middle
    return low


def _pieces(text: str) -> list[tuple[int, int]]:
    """Spans of the CamelCase pieces of the Latin words of `text`, and of each whole word that has
    several (`InstanceIds` -> `Instance`, `Ids`, `InstanceIds`), as the tokenizer cuts them."""
    spans = []
    for word in _WORD.finditer(text):
        start, end = word.span()
        cuts = [start]
        for k in range(start + 1, end):
            before, char = text[k - 1], text[k]
            after = text[k + 1] if k + 1 < end else ""
            if (
                (char.isupper() and before.islower())
                or (char.isdigit() != before.isdigit())
                or (char.isupper() and before.isupper() and after.islower())
            ):
                cuts.append(k)
        cuts.append(end)
        spans += [(cuts[i], cuts[i + 1]) for i in range(len(cuts) - 1)]
        if len(cuts) > 2:
            spans.append((start, end))
    return spans


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sort spans and join those that overlap or touch."""
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged
