"""Search: a typed query -> parsed terms -> ranked hits from the index (the search operation).

Ranking, best first:
1. exact: the query is a code, normalised as lookup does (case, full-width, spaces, quotes);
2. prefix: a code starts with it (`authfailure.`), or part: a code contains it from a word on
   (`SignatureExpire`, `signature`, `InvalidImageId`); both ordered by how much of the code they
   cover, the end of a code first (`InvalidImageId` names `InvalidParameterValue.InvalidImageId`
   more than `InvalidImageId.NotFound`);
3. typo: a code, or one of its last segments, within a small edit distance (`SignatureFailur`);
4. text: BM25 over code words, descriptions and remediation (ja, en, zh).
Tiers 2-3 apply to a one-word query and to the code-like words of a longer one (`AuthFailure.X`,
`CamelCase`).  Plain words ("too many requests") are text, even when they spell a product's code
(`LimitExceeded.TooManyRequests`), unless that product is named: then they name its code.  Common
codes get a small prior, since they are what most callers hit.  A product named in the query ranks
its codes and the common codes first; the `product` argument keeps only those.
"""

from __future__ import annotations

import heapq
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from itertools import islice
from operator import itemgetter
from typing import TYPE_CHECKING

from app.entries import Entry
from app.search.normalize import fold, normalize_code
from app.search.tokens import Term, iter_runs, query_terms, stem

if TYPE_CHECKING:
    from app.search.index import SearchIndex

REASONS = ("exact", "prefix", "part", "typo", "text")
_TIER = {"exact": 0, "prefix": 1, "part": 1, "typo": 2, "text": 3}  # prefix and part rank by fit
MAX_QUERY_LENGTH = 200
MAX_TERMS = 32  # a pasted paragraph is searched by its first words, not all of them
POSTINGS_CAP = 1000  # postings of one term scored in full; past it, only entries already found

REMEDIATION_WEIGHT = 0.35  # remediation steps mention much besides the error itself
REMEDIATION_COVERAGE = 0.5  # a word found only in remediation counts half towards matching
OTHER_LANGUAGE_WEIGHT = 0.7  # texts in a language the caller does not read
PRODUCT_WORD_WEIGHT = 0.5  # "cvm" in a query also matches texts that mention CVM
SEGMENT_BOOST = 1.2  # plain words that spell a code segment, with no product named

_STEP = 1_000_000.0  # rank values: tier * _STEP - fit (lower is better)
_OUTSIDE = 10 * _STEP  # added for entries outside the products named in the query
_CODE_LIKE = re.compile(r"[a-z0-9][A-Z]|\w\.\w|\w\.$")
_LABEL = re.compile(r"^\W*\w*[:=]+")


@dataclass(frozen=True, slots=True)
class Hit:
    """One ranked entry; `terms` are the normalised query terms, for highlighting."""

    entry: Entry
    score: float  # the tier (3 exact, 2 prefix or part, 1 typo, 0 text) plus a fraction within it
    reason: str
    terms: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class SearchResult:
    """`total` counts every matching entry; `hits` are the best `limit` of them."""

    total: int
    hits: list[Hit]


@dataclass(frozen=True, slots=True)
class ParsedQuery:
    """A query cut into what each stage of the ranking needs; built apart from running it."""

    code_keys: tuple[tuple[str, bool], ...]  # (normalised code, also try prefix/part/typo)
    joined_words: str | None  # a query of several plain words run together (`invalidimageid`)
    terms: tuple[Term, ...]
    words: tuple[tuple[int, ...], ...]  # the groups of each query word
    scope: frozenset[str]  # products named in the query
    highlight: tuple[str, ...]
    whole: bool = False  # a code as one word: text matches must have all of its words

    @property
    def empty(self) -> bool:
        """Only stop-words or punctuation: such a query matches nothing rather than everything."""
        return not self.words


def parse_query(raw: str, products: dict[str, str]) -> ParsedQuery:
    """Split `raw` into code keys, text terms and product words (`products`: folded name -> slug)."""
    words = raw[:MAX_QUERY_LENGTH].split()
    named = [products.get(fold(word).strip(".,;:!?()[]")) if len(words) > 1 else None for word in words]
    rest = [word for word, slug in zip(words, named, strict=True) if not slug] or words
    # A code as SDKs print it (`code:AuthFailure.X`, `Code=X,`) is searched without its label.
    tails = [_LABEL.sub("", word).rstrip(",;") for word in rest]
    code_like = [_CODE_LIKE.search(unicodedata.normalize("NFKC", tail)) is not None for tail in tails]
    joined = normalize_code("".join(rest))
    code_keys = [(joined, len(rest) == 1)] if joined else []
    for tail, like in zip(tails, code_like, strict=True):
        if like and (normalize_code(tail), True) not in code_keys:
            code_keys.append((normalize_code(tail), True))
    plain = len(rest) > 1 and all(kind == "word" for word in rest for kind, _ in iter_runs(word))
    terms, groups = query_terms(rest)
    product_words = [word for word, slug in zip(words, named, strict=True) if slug and word not in rest]
    terms += [Term(stem(fold(word)), PRODUCT_WORD_WEIGHT, ()) for word in product_words]
    merged: dict[str, Term] = {}
    for term in terms[:MAX_TERMS]:  # one term per token: `んす` occurs twice in インスタンス
        if (old := merged.get(term.token)) is not None:
            term = Term(term.token, old.weight + term.weight, old.groups + term.groups)
        merged[term.token] = term
    return ParsedQuery(
        code_keys=tuple(code_keys),
        joined_words=joined.replace(".", "") if plain else None,
        terms=tuple(merged.values()),
        words=tuple(groups),
        scope=frozenset(slug for slug in named if slug),
        highlight=tuple(dict.fromkeys([*merged, *(key for key, _ in code_keys if key.isascii())])),
        whole=len(rest) == 1 and code_like[0],
    )


def run(
    index: SearchIndex, query: str, *, product: str | None = None, lang: str | None = None, limit: int = 10
) -> SearchResult:
    """Search `index` for `query`; `product` keeps that product's codes and the common ones."""
    parsed = parse_query(query, index.products)
    if parsed.empty or limit <= 0:
        return SearchResult(0, [])
    allowed = index.scope_members(frozenset((product,))) if product is not None else None
    preferred = index.scope_members(parsed.scope) if parsed.scope else None
    inside = allowed if allowed is not None else preferred
    codes, priors = index.codes, index.priors
    # Each candidate's rank value is tier * _STEP - fit * prior, lower is better, so that picking
    # the best of thousands is one C-level heap selection.
    found: dict[int, float] = {}
    reasons: dict[int, str] = {}
    matched: set[int] = set()

    def offer(numbers: tuple[int, ...], reason: str, fit: float) -> None:
        for number in numbers:
            value = _TIER[reason] * _STEP - fit * priors[number]
            if value < found.get(number, _TIER["text"] * _STEP):
                found[number], reasons[number] = value, reason
        matched.update(numbers)

    for key, partial in parsed.code_keys:
        if key.endswith(".") and key.rstrip(".") in codes.entries_by_key:
            # `AuthFailure.` is the category typed on the way to one of its codes.
            offer(codes.entries_by_key[key.rstrip(".")], "exact", 1.0)
        for scope in (inside, None) if preferred is not None and allowed is None else (allowed,):
            best, every = codes.matches(key, partial=partial, allowed=scope)
            matched.update(*map(codes.entries_by_key.__getitem__, every))
            for code, (reason, fit) in best.items():
                offer(codes.entries_by_key[code], reason, fit)
    segments = {}
    if parsed.joined_words:  # codes with a whole segment the words spell: `invalidimageid`
        best, _ = codes.matches(parsed.joined_words, typos=False)
        segments = {code: fit for code, (reason, fit) in best.items() if reason != "exact" and fit >= 0.8}
    if segments and inside is not None:
        # A product in view: plain words that spell a segment of one of its codes name that code.
        for code, fit in segments.items():
            offer(tuple(n for n in codes.entries_by_key[code] if n in inside), "part", fit)
        segments = {}
    scores, text_matched = _text_scores(index, parsed, lang, inside, segments)
    matched |= text_matched
    for number, score in scores.items():
        if number not in found:
            found[number] = _TIER["text"] * _STEP - score * priors[number]
    if allowed is not None:
        matched &= allowed
        found = {number: value for number, value in found.items() if number in allowed}
    order = found
    if preferred is not None and allowed is None:
        order = {number: value + (0 if number in preferred else _OUTSIDE) for number, value in found.items()}
    best = heapq.nsmallest(limit, order.items(), key=itemgetter(1))
    best.sort(key=lambda item: (item[1], len(index.entries[item[0]].code), index.entries[item[0]].code))
    hits = []
    for number, _ in best:
        tier = round(found[number] / _STEP)
        fit = tier * _STEP - found[number]
        score = _TIER["text"] - tier + (fit / (1.0 + fit) if fit > 0 else 0.0)
        reason = reasons.get(number, "text")
        hits.append(Hit(index.entries[number], round(score, 4), reason, parsed.highlight))
    return SearchResult(len(matched), hits)


def _text_scores(
    index: SearchIndex,
    parsed: ParsedQuery,
    lang: str | None,
    inside: frozenset[int] | None,
    segments: dict[str, float],
) -> tuple[dict[int, float], set[int]]:
    """BM25 of the entries that match enough of the query, scaled by the share they match; and
    all entries that match enough (for the total).

    Enough is one of one or two words, half of more (three at most), all of a code as one word; a
    CJK word is matched by half of its bigrams, and a word found only in remediation counts half.
    Of a term's postings (highest impact first) the first POSTINGS_CAP are scored, and past them
    only entries `inside` the products in view; all count for the total.
    """
    fields = []
    for name, postings in index.fields.items():
        kind, _, field_lang = name.partition(":")
        weight = REMEDIATION_WEIGHT if kind == "rem" else 1.0
        if field_lang and lang and field_lang != lang:
            weight *= OTHER_LANGUAGE_WEIGHT
        fields.append((postings, weight, kind == "rem"))
    lookups = []
    for term in parsed.terms:
        for token in (term.token, *index.kanji_bigrams.get(term.token, ())):
            for postings, weight, remediation in fields:
                if (found := postings.get(token)) is not None:
                    lookups.append((found, weight * term.weight * found.idf, remediation, term.groups))
    lookups.sort(key=lambda lookup: len(lookup[0].ids))
    word_of = {group: w for w, groups in enumerate(parsed.words) for group in groups}
    scores: dict[int, float] = {}
    # Entries matching each query word (key: word) or one bigram of a CJK word (key: -1 - group),
    # in a code or description, or (second dict) only in remediation.
    members: tuple[dict[int, set[int]], dict[int, set[int]]] = ({}, {})
    for found, scale, remediation, groups in lookups:
        get, pairs = scores.get, zip(found.ids, found.impacts, strict=True)
        for number, impact in islice(pairs, POSTINGS_CAP):
            scores[number] = get(number, 0.0) + scale * impact
        if inside is not None:  # past the cap, entries inside the products in view still count
            for number, impact in pairs:
                if number in inside:
                    scores[number] = get(number, 0.0) + scale * impact
        for key in _buckets(groups, word_of, parsed.words):
            members[remediation].setdefault(key, set()).update(found.ids)
    coverage = _coverage(parsed.words, *members)
    units = len(parsed.words)
    needed = (units if parsed.whole else min(units / 2, 3.0) if units > 2 else 0.5) - 1e-9
    matched = {number for number, covered in coverage.items() if covered >= needed}
    boosted = {number for code in segments for number in index.codes.entries_by_key[code]}
    result = {}
    for number, score in scores.items():
        covered = coverage.get(number, 0.0)
        if covered >= needed:
            share = covered / units
            result[number] = score * share * share * (SEGMENT_BOOST if number in boosted else 1.0)
    return result, matched


def _buckets(
    groups: tuple[int, ...], word_of: dict[int, int], words: tuple[tuple[int, ...], ...]
) -> set[int]:
    """Where a term's matches are collected: each word whose groups it all stands for (a Latin
    word, or a CJK word a synonym covers), else each bigram group it stands for (-1 - group)."""
    touched = {word_of[group] for group in groups}
    return {w if set(words[w]) <= set(groups) else -1 - g for w in touched for g in words[w] if g in groups}


def _coverage(
    words: tuple[tuple[int, ...], ...], members: dict[int, set[int]], aside: dict[int, set[int]]
) -> Counter[int]:
    """Entry -> how many query words it matches (a word matched only in remediation counts half)."""
    coverage: Counter[int] = Counter()
    halves = []
    for w, groups in enumerate(words):
        main = _word_members(w, groups, members)
        coverage.update(main)
        halves.append(_word_members(w, groups, aside) - main)
    for entries in halves:
        for number in entries:
            coverage[number] += REMEDIATION_COVERAGE  # type: ignore[assignment]
    return coverage


def _word_members(w: int, groups: tuple[int, ...], members: dict[int, set[int]]) -> set[int]:
    """Entries matching query word `w`: as a whole, or by half of its bigrams (a CJK word)."""
    whole = members.get(w, set())
    if len(groups) == 1:
        return whole
    counts: Counter[int] = Counter()
    for group in groups:
        counts.update(members.get(-1 - group, ()))
    return whole | {number for number, count in counts.items() if 2 * count >= len(groups)}
