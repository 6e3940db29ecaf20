"""Search: one tokenizer turns catalogue texts (indexing) and typed queries (querying) into tokens.

Both sides must cut text the same way, or a word indexed one way is searched another and never
found: the index calls `text_tokens` and `code_tokens`, the query side `query_terms`, all made of
the same pieces (`word_tokens`, `cjk_words`, `word_bigrams`).

- Latin script: words split at CamelCase boundaries (`InstanceIds` -> instance, id, and the whole
  instanceid), lower-cased, lightly stemmed (`expired`, `expires`, `expire` -> expir), stop-words
  dropped.
- Japanese and Chinese have no spaces: a run of CJK characters is cut into words where that is
  safe without a dictionary (see `cjk_words`), and each word into overlapping bigrams
  (`期限切れ` -> 期限, 限切, 切れ), katakana folded to hiragana.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from app.search.normalize import fold_kana
from app.search.synonyms import SYNONYMS

# Words that carry no meaning for error lookup.  "not" and "no" stay: "not found" is a symptom.
STOP_WORDS = frozenset(
    "a an and are as at be been being but by can could did do does for from had has have how i if in "
    "into is it its me my of on or our please should so that the their then there these this those to "
    "was we were what when where which while who why will with would you your".split()
)
# Bigrams of Japanese inflection and politeness ("です", "ません", "してください") and Chinese
# function characters: they are in most texts, and a query of them alone would match everything.
STOP_BIGRAMS = frozenset(
    "です ます ませ せん した して しま する され れま れて ている てい いる くだ ださ さい ので "
    "この その ため こと もの よう どう なぜ とき には では での への から まし".split()
)
STOP_UNIGRAMS = frozenset("的 了 是 在 和 与 或 及 等 该 此 其 之 为 请")
SYNONYM_WEIGHT = 0.7  # an expansion is a guess at what the words mean

_HIRAGANA = "\u3041-\u3096\u309d-\u309f"
_KATAKANA = "\u30a1-\u30fa\u30fc-\u30ff"  # with the long-vowel mark, without the middle dot
_KANJI = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u3005"  # and 々
_UPPER, _LOWER = "A-Z\u00c0-\u00de", "a-z\u00df-\u024f"
# Runs of Latin letters and digits, or of CJK characters; everything else separates tokens.
_RUN = re.compile(f"(?P<cjk>[{_HIRAGANA}{_KATAKANA}{_KANJI}\u3006]+)|(?P<word>[A-Za-z0-9\u00c0-\u024f]+)")
# CamelCase pieces: `BYOLImage` -> BYOL, Image; `TooManyDB` -> Too, Many, DB; digits apart.
_CAMEL = re.compile(f"[{_UPPER}]+(?=[{_UPPER}][{_LOWER}])|[{_UPPER}]?[{_LOWER}]+|[{_UPPER}]+|[0-9]+")
_KATAKANA_SPLIT = re.compile(f"[{_KATAKANA}]+|[^{_KATAKANA}]+")
# A particle between two kanji or katakana: a word boundary that needs no dictionary.
_PARTICLE = re.compile(f"(?<=[{_KATAKANA}{_KANJI}])[がのをにはでともへや](?=[{_KATAKANA}{_KANJI}])")
_HAN = re.compile(f"[{_KANJI}]")


def stem(word: str) -> str:
    """Strip one inflectional English ending, so `requests`/`request`, `expired`/`expire` meet.

    Deliberately crude and symmetric: the stem only has to be the same for both spellings, not a
    real word.  Words ending in -ss, -us, -is keep their final s (`access`, `status`, `analysis`).
    """
    if len(word) <= 2 or not word.isascii() or not word.isalpha():
        return word
    if word.endswith(("ies", "ied")) and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("ing") and len(word) >= 7:
        return word[:-3]
    if word.endswith("ed") and len(word) >= 6:
        return word[:-2]
    if word.endswith("es") and len(word) >= 4:
        return word[:-2]
    if word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    if word.endswith("e") and len(word) >= 4:
        return word[:-1]
    return word


def camel_pieces(word: str) -> list[str]:
    """The CamelCase pieces of a Latin word as written: `BYOLImageShare` -> BYOL, Image, Share."""
    return _CAMEL.findall(word) or [word]


@lru_cache(maxsize=1 << 16)
def word_tokens(word: str) -> tuple[str, ...]:
    """Tokens of one Latin word as written (case intact): its CamelCase pieces, and the whole word."""
    pieces = camel_pieces(word)
    tokens = [stem(piece.lower()) for piece in pieces]
    if len(pieces) > 1:
        tokens.append(stem(word.lower()))
    return tuple(token for token in tokens if token not in STOP_WORDS)


def is_kanji(char: str) -> bool:
    """Whether `char` is a CJK ideograph (or the iteration mark 々)."""
    return _HAN.match(char) is not None


def cjk_words(run: str) -> list[tuple[int, str]]:
    """(offset, kana-folded text) of the words of a CJK run as written.

    Two cuts are safe without a dictionary: where katakana starts or stops (a loanword is a word:
    `リクエスト|頻度`), and at a lone particle between two content characters (`署名|が|無効`,
    `残高|が|不足`), which is dropped.  Chinese text passes unchanged.
    """
    words = []
    start = 0
    for cut in (*_PARTICLE.finditer(run), None):
        end = cut.start() if cut else len(run)
        for piece in _KATAKANA_SPLIT.finditer(run, start, end):
            words.append((piece.start(), fold_kana(piece.group())))
        start = cut.end() if cut else end
    return words


def word_bigrams(word: str) -> list[tuple[int, str]]:
    """(offset, token) of one CJK word: its overlapping bigrams, or a lone kanji as itself (a lone
    kana is not a word); stop bigrams and stop characters dropped."""
    if len(word) == 1:
        return [(0, word)] if _HAN.match(word) and word not in STOP_UNIGRAMS else []
    return [(i, word[i : i + 2]) for i in range(len(word) - 1) if word[i : i + 2] not in STOP_BIGRAMS]


def iter_runs(text: str) -> Iterator[tuple[str, str]]:
    """("word", run) and ("cjk", run) pairs of NFKC text, in order, as written (not case-folded)."""
    for match in _RUN.finditer(unicodedata.normalize("NFKC", text)):
        yield ("cjk" if match.lastgroup == "cjk" else "word"), match.group()


def text_tokens(text: str) -> list[str]:
    """Index tokens of a description or remediation step (with repeats, for term frequency)."""
    tokens: list[str] = []
    for kind, run in iter_runs(text):
        if kind == "word":
            tokens += word_tokens(run)
        else:
            for _, word in cjk_words(run):
                tokens += [token for _, token in word_bigrams(word)]
    return tokens


def code_tokens(code: str) -> list[str]:
    """Tokens of a code for text search: each segment whole, and its CamelCase words.

    `AuthFailure.SignatureExpire` -> auth, failur, authfailur, signatur, expir, signatureexpir.
    """
    return [token for segment in code.split(".") for token in word_tokens(segment)]


def code_word_starts(code: str) -> list[int]:
    """Offsets in `code` where a CamelCase word or a dotted segment begins (0 excluded): where a
    partial code may start (`SignatureExpire`, `Expire`, never `ureExpire`)."""
    starts: set[int] = set()
    offset = 0
    for segment in code.split("."):
        starts.update(offset + piece.start() for piece in _CAMEL.finditer(segment))
        offset += len(segment) + 1
    starts.discard(0)
    return sorted(starts)


@dataclass(frozen=True, slots=True)
class Term:
    """A query's index token, its weight, and the query groups (pieces, bigrams) it stands for."""

    token: str
    weight: float
    groups: tuple[int, ...]


def query_terms(words: list[str]) -> tuple[list[Term], list[tuple[int, ...]]]:
    """Text terms of the query, and the groups of each query word.

    Each CamelCase piece of a Latin word is a word with one group; a CJK word has a group per
    bigram, each term weighing 1/n of the word's n bigrams, so a long katakana word counts as much
    as a short one.  Synonyms of a phrase stand for every group the phrase spans.
    """
    terms: list[Term] = []
    groups: list[tuple[int, ...]] = []
    latin: list[tuple[str, tuple[int, ...]]] = []  # lower-cased word, its groups (for phrases)
    runs: list[tuple[str, list[tuple[int, ...]]]] = []  # folded CJK run, the group at each offset
    count = 0
    for word in words:
        for kind, run in iter_runs(word):
            if kind == "word":
                pieces = camel_pieces(run)
                own = []
                for token in (stem(piece.lower()) for piece in pieces):
                    if token not in STOP_WORDS:
                        terms.append(Term(token, 1.0, (count,)))
                        groups.append((count,))
                        own.append(count)
                        count += 1
                if len(pieces) > 1 and own:
                    terms.append(Term(stem(run.lower()), 1.0, tuple(own)))
                latin.append((run.lower(), tuple(own)))
                continue
            at: list[tuple[int, ...]] = [() for _ in run]
            for offset, cjk_word in cjk_words(run):
                bigrams = word_bigrams(cjk_word)
                for position, token in bigrams:
                    terms.append(Term(token, 1.0 / len(bigrams), (count + position,)))
                    at[offset + position] = (count + position,)
                if bigrams:
                    groups.append(tuple(count + position for position, _ in bigrams))
                    count += len(cjk_word)
            runs.append((fold_kana(run), at))
    for phrase, expansion in SYNONYM_PHRASES:
        for covered in _phrase_groups(phrase, latin, runs):
            terms += [Term(token, SYNONYM_WEIGHT, covered) for token in expansion]
    return terms, groups


def _phrase_groups(phrase: str | tuple[str, ...], latin: list, runs: list) -> list[tuple[int, ...]]:
    """The groups of each place `phrase` occurs in the query: a run of Latin words (a tuple), or a
    stretch of a CJK run (a string)."""
    found = []
    if isinstance(phrase, tuple):
        lowered = [word for word, _ in latin]
        for i in range(len(lowered) - len(phrase) + 1):
            if tuple(lowered[i : i + len(phrase)]) == phrase:
                found.append(tuple(g for _, own in latin[i : i + len(phrase)] for g in own))
    else:
        for run, at in runs:
            start = run.find(phrase)
            while start != -1:
                last = max(start, start + len(phrase) - 2)  # the last bigram inside the phrase
                found.append(tuple(g for offset in range(start, last + 1) for g in at[offset]))
                start = run.find(phrase, start + 1)
    return [groups for groups in found if groups]


def _synonym_phrases() -> list[tuple[str | tuple[str, ...], tuple[str, ...]]]:
    """SYNONYMS as the query side compares them: a CJK phrase kana-folded, a Latin phrase as its
    lower-cased words; the expansion as index tokens."""
    phrases: list[tuple[str | tuple[str, ...], tuple[str, ...]]] = []
    for alternatives, expansion in SYNONYMS.items():
        for phrase in alternatives.split("|"):
            runs = list(iter_runs(phrase))
            key = fold_kana(runs[0][1]) if runs[0][0] == "cjk" else tuple(run.lower() for _, run in runs)
            phrases.append((key, tuple(text_tokens(expansion))))
    return phrases


SYNONYM_PHRASES = _synonym_phrases()
