"""Search: a typed query -> parsed terms -> ranked hits from the index (the search operation).

Ranking, best first:
1. exact: the query is a code, normalised as lookup does (case, full-width, spaces, quotes);
2. prefix: a code starts with it (`authfailure.`);
3. part: a code contains it from a word on (`SignatureExpire`, `signature`, `InvalidImageId`);
4. typo: a code, or one of its last segments, within a small edit distance (`SignatureFailur`);
5. text: BM25 over code words, descriptions and remediation in ja/en/zh.
Tiers 2-4 apply to a query of one word, and to the code-like words (`AuthFailure.X`, `CamelCase`)
of a longer query; words such as "too many requests" are text, where a product code spelling them
(`LimitExceeded.TooManyRequests`) gets a boost but no tier of its own.  Common codes get a small
prior, since they are what most callers hit.  A product named in the query ranks that product's
codes and the common codes first; the `product` argument keeps only those.
"""

from __future__ import annotations

import heapq
from itertools import islice
from operator import itemgetter
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING

from app.entries import Entry
from app.search.normalize import fold, normalize_code
from app.search.normalize import fold_kana
from app.search.tokens import (
    STOP_WORDS,
    SYNONYM_PHRASES,
    camel_pieces,
    cjk_words,
    iter_runs,
    stem,
    word_bigrams,
)

from app.search.index import POSTINGS_CAP

if TYPE_CHECKING:
    from app.search.index import SearchIndex

REASONS = ("exact", "prefix", "part", "typo", "text")
_TIER = {reason: tier for tier, reason in enumerate(REASONS)}
MAX_QUERY_LENGTH = 200
MAX_TERMS = 40  # a pasted paragraph is searched by its first words, not all of them

# Descriptions count fully, remediation less (its steps mention much besides the error); when the
# caller reads one language, texts in the others count a bit less.
REMEDIATION_WEIGHT = 0.35
REMEDIATION_COVERAGE = 0.5
OTHER_LANGUAGE_WEIGHT = 0.7
SYNONYM_WEIGHT = 0.7  # an expansion is a guess at what the words mean, so it counts a bit less
PRODUCT_WORD_WEIGHT = 0.5  # "cvm" in a query also matches texts that mention CVM
# Words spelling a segment of a code ("invalid image id": `InvalidImageId`) name that code when a
# product is in view; otherwise they are likelier a symptom ("too many requests"), and the code
# spelled only gets a small boost over codes that merely share the words.
SEGMENT_BOOST = 1.2

_CODE_LIKE = re.compile(r"[a-z0-9][A-Z]|\w\.\w|\w\.$")


@dataclass(frozen=True, slots=True)
class Hit:
    """One ranked entry; `terms` are the normalised query terms, for highlighting."""

    entry: Entry
    score: float  # reason tier (4 exact .. 0 text) plus a fraction that orders hits within it
    reason: str
    terms: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class SearchResult:
    """`total` counts every matching entry; `hits` are the best `limit` of them."""

    total: int
    hits: list[Hit]


@dataclass(frozen=True, slots=True)
class Term:
    """An index token to look up, its weight, and the query words (groups) it stands for."""

    token: str
    weight: float
    groups: tuple[int, ...]


@dataclass(frozen=True, slots=True)
class ParsedQuery:
    """A query cut into what each stage of the ranking needs; built apart from running it."""

    code_keys: tuple[tuple[str, bool], ...]  # (normalised code, also try prefix/part/typo)
    joined_words: str | None  # a multi-word query run together, for the segment boost
    terms: tuple[Term, ...]
    group_weights: tuple[float, ...]  # per query word (group): 1, or 1/n for a CJK bigram
    scope: frozenset[str]  # products named in the query
    highlight: tuple[str, ...]

    @property
    def empty(self) -> bool:
        """Only stop-words or punctuation: such a query matches nothing rather than everything."""
        return not self.group_weights


def parse_query(raw: str, products: dict[str, str]) -> ParsedQuery:
    """Split `raw` into code keys, text terms and product words (`products`: folded name -> slug)."""
    words = raw[:MAX_QUERY_LENGTH].split()
    named = [products.get(fold(word).strip(".,;:!?()[]")) for word in words]
    rest = [word for word, slug in zip(words, named) if not slug] if len(words) > 1 else words
    rest = rest or words
    scope = frozenset(slug for slug in named if slug) if len(words) > 1 else frozenset()

    joined = normalize_code("".join(rest))
    code_keys = [(joined, len(rest) == 1)] if joined else []
    for word in rest if len(rest) > 1 else ():
        if _CODE_LIKE.search(unicodedata.normalize("NFKC", word)):
            code_keys.append((normalize_code(word), True))
    latin_only = all(kind == "word" for word in rest for kind, _ in iter_runs(word))
    joined_words = joined.replace(".", "") if len(rest) > 1 and latin_only else None

    terms, group_weights = _terms(rest)
    for word, slug in zip(words, named):
        if slug and word not in rest:
            terms.append(Term(stem(fold(word)), PRODUCT_WORD_WEIGHT, ()))
    terms = terms[:MAX_TERMS]
    highlight = dict.fromkeys([t.token for t in terms] + [key for key, _ in code_keys])
    return ParsedQuery(
        code_keys=tuple(code_keys),
        joined_words=joined_words,
        terms=tuple(terms),
        group_weights=tuple(group_weights),
        scope=scope,
        highlight=tuple(highlight),
    )


def _terms(words: list[str]) -> tuple[list[Term], list[float]]:
    """Text terms of the query words, and the weight of each group (query word) they stand for.

    A Latin word (each CamelCase piece) is a group of weight 1; a CJK word is a group per bigram,
    each weighing 1/n of the word's n bigrams, so a long katakana word counts as much as a short
    one.  Synonyms of a phrase stand for the groups the phrase spans.
    """
    terms: list[Term] = []
    weights: list[float] = []
    latin: list[tuple[str, tuple[int, ...]]] = []  # lower-cased word, its groups (for phrases)
    runs: list[tuple[str, list[tuple[int, ...]]]] = []  # folded CJK run, groups per character
    for word in words:
        for kind, run in iter_runs(word):
            if kind == "word":
                own: list[int] = []
                pieces = camel_pieces(run)
                for piece in pieces:
                    token = stem(piece.lower())
                    if token not in STOP_WORDS:
                        terms.append(Term(token, 1.0, (len(weights),)))
                        own.append(len(weights))
                        weights.append(1.0)
                if len(pieces) > 1 and own:
                    terms.append(Term(stem(run.lower()), 1.0, tuple(own)))
                latin.append((run.lower(), tuple(own)))
                continue
            at: list[tuple[int, ...]] = [() for _ in run]
            for offset, cjk_word in cjk_words(run):
                bigrams = word_bigrams(cjk_word)
                for position, token in bigrams:
                    terms.append(Term(token, 1.0 / len(bigrams), (len(weights),)))
                    at[offset + position] = (len(weights),)
                    weights.append(1.0 / len(bigrams))
            runs.append((fold_kana(run), at))
    for phrase, expansion in SYNONYM_PHRASES:
        for covered in _phrase_groups(phrase, latin, runs):
            terms.extend(Term(token, SYNONYM_WEIGHT, covered) for token in expansion)
    return terms, weights


def _phrase_groups(phrase: str | tuple[str, ...], latin: list, runs: list) -> list[tuple[int, ...]]:
    """The groups of each place `phrase` occurs in the query: a run of Latin words (a tuple), or a
    stretch of a CJK run (a string)."""
    found = []
    if isinstance(phrase, tuple):
        words = [word for word, _ in latin]
        for i in range(len(words) - len(phrase) + 1):
            if tuple(words[i : i + len(phrase)]) == phrase:
                groups = tuple(g for _, own in latin[i : i + len(phrase)] for g in own)
                if groups:
                    found.append(groups)
        return found
    for run, at in runs:
        start = run.find(phrase)
        while start != -1:
            last = max(start, start + len(phrase) - 2)  # the last bigram inside the phrase
            groups = tuple(g for position in range(start, last + 1) for g in at[position])
            if groups:
                found.append(groups)
            start = run.find(phrase, start + 1)
    return found


def run(
    index: SearchIndex, query: str, *, product: str | None = None, lang: str | None = None, limit: int = 10
) -> SearchResult:
    """Search `index` for `query`; `product` keeps that product's codes and the common ones."""
    parsed = parse_query(query, index.products)
    if parsed.empty or limit <= 0:
        return SearchResult(0, [])
    allowed = index.scope_members(frozenset((product,))) if product is not None else None
    preferred = index.scope_members(parsed.scope) if parsed.scope else None
    # Every scored candidate gets one number, lower is better: the tier in millions, minus the fit
    # times the entry's prior.  Picking the best of thousands is then a C-level heap selection.
    found: dict[int, float] = {}
    reasons: dict[int, int] = {}
    matched: set[int] = set()
    for key, partial in parsed.code_keys:
        if key.endswith(".") and key.rstrip(".") in index.codes.entries_by_key:
            # `AuthFailure.` is the category typed on the way to a code: the category itself first.
            for number in index.codes.entries_by_key[key.rstrip(".")]:
                found[number] = -1.0 * index.priors[number]
                reasons[number] = _TIER["exact"]
                matched.add(number)
        for scope in (allowed, preferred) if preferred is not None and allowed is None else (allowed,):
            best, every = index.codes.matches(key, partial=partial, allowed=scope)
            matched.update(*map(index.codes.entries_by_key.__getitem__, every))
            for code, (reason, fit) in best.items():
                tier = _TIER[reason]
                for number in index.codes.entries_by_key[code]:
                    value = tier * _TIER_STEP - fit * index.priors[number]
                    if value < found.get(number, _TEXT_BASE):
                        found[number] = value
                        reasons[number] = tier
    segments = index.codes.segment_codes(parsed.joined_words) if parsed.joined_words else {}
    if segments and (allowed or preferred):
        # With a product in view, words that spell a segment of its code name that code.
        inside = allowed or preferred
        for code, fit in segments.items():
            for number in index.codes.entries_by_key[code]:
                if number in inside and _TIER["part"] * _TIER_STEP - fit < found.get(number, _TEXT_BASE):
                    found[number] = _TIER["part"] * _TIER_STEP - fit * index.priors[number]
                    reasons[number] = _TIER["part"]
                    matched.add(number)
        segments = {}
    scores, text_matched = _text_scores(index, parsed, lang, allowed, preferred, segments)
    matched |= text_matched
    for number, score in scores.items():
        if number not in found:
            found[number] = _TEXT_BASE - score * index.priors[number]
    if allowed is not None:
        matched &= allowed
        found = {number: value for number, value in found.items() if number in allowed}
    order = found
    if preferred is not None:
        order = {n: (v if n in preferred else v + _OUTSIDE) for n, v in found.items()}
    best = heapq.nsmallest(limit, order.items(), key=itemgetter(1))
    best.sort(key=lambda item: (item[1], *_tiebreak(index.entries[item[0]])))
    hits = [
        Hit(
            entry=index.entries[number],
            score=_score(found[number]),
            reason=REASONS[reasons.get(number, _TIER["text"])],
            terms=parsed.highlight,
        )
        for number, _ in best
    ]
    return SearchResult(len(matched), hits)


_TIER_STEP = 1_000_000.0
_TEXT_BASE = _TIER["text"] * _TIER_STEP
_OUTSIDE = 10 * _TIER_STEP


def _tiebreak(entry: Entry) -> tuple[int, str, str]:
    return (len(entry.code), entry.code, entry.product or "")


def _score(value: float) -> float:
    """The public score: the reason's tier (4 exact .. 0 text) plus the fit squashed into [0, 1)."""
    tier = round(value / _TIER_STEP)
    fit = tier * _TIER_STEP - value
    return round(len(REASONS) - 1 - tier + (fit / (1.0 + fit) if fit > 0 else 0.0), 4)


def _field_weights(index: SearchIndex, lang: str | None) -> list[tuple[dict, float, bool]]:
    """(postings, weight, is remediation) of each non-empty field."""
    weights = []
    for name, postings in index.fields.items():
        if postings:
            kind, _, field_lang = name.partition(":")
            weight = REMEDIATION_WEIGHT if kind == "rem" else 1.0
            if field_lang and lang and field_lang != lang:
                weight *= OTHER_LANGUAGE_WEIGHT
            weights.append((postings, weight, kind == "rem"))
    return weights


def _text_scores(
    index: SearchIndex,
    parsed: ParsedQuery,
    lang: str | None,
    allowed: frozenset[int] | None,
    preferred: frozenset[int] | None,
    segments: dict[str, float],
) -> tuple[dict[int, float], set[int]]:
    """BM25 of the entries that match enough of the query, scaled by the share they match, and
    the set of all entries that match enough.

    Enough is one of one or two words, or half of three or more (see `_terms` for how CJK words
    count); a word found only in remediation counts half.  Only the first POSTINGS_CAP postings of
    a term (its highest impacts) are scored, plus all of `allowed` or `preferred` entries; the
    rest still count as matching.
    """
    scores: dict[int, float] = {}
    members: dict[int, set[int]] = {}  # query group -> entries matching it in a code or description
    aside: dict[int, set[int]] = {}  # query group -> entries matching it in remediation
    keep = allowed if allowed is not None else preferred
    fields = _field_weights(index, lang)
    for term in parsed.terms:
        for token in (term.token, *index.kanji_bigrams.get(term.token, ())):
            for postings, weight, remediation in fields:
                found = postings.get(token)
                if found is None:
                    continue
                scale, get = weight * term.weight * found.idf, scores.get
                pairs = zip(found.ids, found.impacts)
                if keep is not None:
                    pairs = ((n, i) for n, i in pairs if n in keep)  # type: ignore[assignment]
                elif len(found.ids) > POSTINGS_CAP:
                    pairs = islice(pairs, POSTINGS_CAP)
                for number, impact in pairs:
                    scores[number] = get(number, 0.0) + scale * impact
                for group in term.groups:
                    (aside if remediation else members).setdefault(group, set()).update(found.ids)
    coverage = _coverage(parsed.group_weights, members, aside)
    units = sum(parsed.group_weights)
    needed = (units / 2 if units > 2 else 0.5) - 1e-9
    matched = {number for number, covered in coverage.items() if covered >= needed}
    boosted: set[int] = set()
    for code in segments:
        boosted.update(index.codes.entries_by_key[code])
    result = {}
    for number, score in scores.items():
        covered = coverage.get(number, 0.0)
        if covered >= needed:
            share = covered / units
            result[number] = score * share * share * (SEGMENT_BOOST if number in boosted else 1.0)
    return result, matched


def _coverage(weights: tuple[float, ...], members: dict[int, set[int]], aside: dict[int, set[int]]) -> dict[int, float]:
    """Entry -> the weight of the query groups it matches (half for a match in remediation only)."""
    coverage: dict[int, float]
    if len(set(weights)) == 1:  # all groups weigh the same: count in C
        counts: Counter[int] = Counter()
        for entries in members.values():
            counts.update(entries)
        coverage = {number: count * weights[0] for number, count in counts.items()}
    else:
        coverage = {}
        for group, entries in members.items():
            weight, get = weights[group], coverage.get
            for number in entries:
                coverage[number] = get(number, 0.0) + weight
    for group, entries in aside.items():
        weight, get, main = weights[group] * REMEDIATION_COVERAGE, coverage.get, members.get(group, ())
        for number in entries:
            if number not in main:
                coverage[number] = get(number, 0.0) + weight
    return coverage
