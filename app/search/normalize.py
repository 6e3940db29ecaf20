"""One normalisation for codes and text, shared by lookup, indexing and querying."""

from __future__ import annotations

import re
import unicodedata

_QUOTES = "\"'`\u2018\u2019\u201c\u201d\u300c\u300d\u300e\u300f\uff02\uff07"
_SPACE = re.compile(r"\s+")


def fold(text: str) -> str:
    """NFKC (full-width to half-width, half-width kana to full-width) and case folding."""
    return unicodedata.normalize("NFKC", text).casefold()


def normalize_code(raw: str) -> str:
    """The lookup key of a code as typed or pasted: folded, without spaces or quotes around it.

    `ａｕｔｈｆａｉｌｕｒｅ.signatureexpire`, ` "AuthFailure.SignatureExpire" ` and
    `authfailure．signatureexpire` all give `authfailure.signatureexpire`.
    """
    key = fold(raw).strip().strip(_QUOTES).strip()
    key = key.replace("\u3002", ".")  # an ideographic full stop typed in a Japanese IME
    return _SPACE.sub("", key)


# Katakana (U+30A1..U+30F6) sits exactly 0x60 above its hiragana twin; folding it lets a query typed
# in either script meet a text written in the other.
_KATAKANA_TO_HIRAGANA = {code: code - 0x60 for code in range(0x30A1, 0x30F7)}


def fold_kana(text: str) -> str:
    """Katakana to hiragana, leaving the long-vowel mark and everything else as is."""
    return text.translate(_KATAKANA_TO_HIRAGANA)


def fold_text(text: str) -> str:
    """The comparison form of free text: `fold` plus katakana to hiragana."""
    return fold_kana(fold(text))
