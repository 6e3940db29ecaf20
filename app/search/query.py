"""Search: a typed query -> parsed terms -> ranked hits from the index (the search operation).

Ranking, best first:
1. exact: the query is a code, normalised as lookup does (case, full-width, spaces, quotes);
2. prefix: a code starts with it (`authfailure.`);
3. part: a code contains it from a word on (`SignatureExpire`, `signature`, `InvalidImageId`);
4. typo: a code, or its last segments, within a small edit distance (`SignatureFailur`);
5. text: BM25 over code words, descriptions and remediation in ja/en/zh.
Common codes get a small prior everywhere, since they are what most callers hit.  A product named
in the query ranks that product's codes (and the common codes) before the rest; the `product`
argument keeps only those.
"""

from __future__ import annotations

import heapq
from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING

from rapidfuzz import fuzz, process

from app.entries import Entry
from app.search.index import key_range
from app.search.query_parse import ParsedQuery, parse_query

if TYPE_CHECKING:
    from app.search.index import SearchIndex

REASONS = ("exact", "prefix", "part", "typo", "text")
_TIER = {reason: tier for tier, reason in enumerate(REASONS)}

# Weights of text fields: descriptions count fully, remediation steps less (they mention many
# things besides the error itself); when the caller reads one language, the others count a bit less.
DESCRIPTION_WEIGHT = 1.0
REMEDIATION_WEIGHT = 0.35
OTHER_LANGUAGE_WEIGHT = 0.7
# A multi-word query that spells a whole segment of a code ("invalid image id").
SEGMENT_BOOST = 1.6
MIN_PART_LENGTH = 3
MIN_TYPO_LENGTH = 5
TYPO_CANDIDATES = 40


@dataclass(frozen=True, slots=True)
class Hit:
    """One ranked entry; `terms` are the normalised query terms, for highlighting."""

    entry: Entry
    score: float
    reason: str
    terms: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class SearchResult:
    """`total` counts every matching entry; `hits` are the best `limit` of them."""

    total: int
    hits: list[Hit]


def run(
    index: SearchIndex, query: str, *, product: str | None = None, lang: str | None = None, limit: int = 10
) -> SearchResult:
    """Search `index` for `query`; `product` keeps that product's codes and the common ones."""
    parsed = parse_query(query, index.products)
    if parsed.empty or limit <= 0:
        return SearchResult(0, [])
    found: dict[int, tuple[int, float]] = {}  # entry -> (tier, score within the tier)
    for key in parsed.code_keys:
        _add(found, _code_matches(index, key, typos=not parsed.multiword))
    text = _text_matches(index, parsed, lang)
    for number, score in text.items():
        if number not in found:
            found[number] = (_TIER["text"], score)
    if product is not None:
        allowed = frozenset((product,))
        found = {n: hit for n, hit in found.items() if index.in_scope(n, allowed)}
    scope = parsed.scope

    def rank(item: tuple[int, tuple[int, float]]) -> tuple:
        number, (tier, score) = item
        entry = index.entries[number]
        missed = bool(scope) and not index.in_scope(number, scope)
        return (missed, tier, -score * index.priors[number], len(entry.code), entry.code, entry.product or "")

    best = heapq.nsmallest(limit, found.items(), key=rank)
    hits = [
        Hit(
            entry=index.entries[number],
            score=round(len(REASONS) - 1 - tier + _squash(score * index.priors[number]), 4),
            reason=REASONS[tier],
            terms=parsed.highlight,
        )
        for number, (tier, score) in best
    ]
    return SearchResult(len(found), hits)


def _squash(score: float) -> float:
    """Map a within-tier score onto [0, 1), so that one number orders hits across tiers."""
    return score / (1.0 + score) if score > 0 else 0.0


def _add(found: dict[int, tuple[int, float]], matches: dict[int, tuple[int, float]]) -> None:
    for number, hit in matches.items():
        old = found.get(number)
        if old is None or (hit[0], -hit[1]) < (old[0], -old[1]):
            found[number] = hit


def _field_weights(index: SearchIndex, lang: str | None) -> list[tuple[dict, float]]:
    weights = []
    for name, postings in index.fields.items():
        if not postings:
            continue
        kind, _, field_lang = name.partition(":")
        weight = 1.0 if kind == "code" else DESCRIPTION_WEIGHT if kind == "desc" else REMEDIATION_WEIGHT
        if field_lang and lang and field_lang != lang:
            weight *= OTHER_LANGUAGE_WEIGHT
        weights.append((postings, weight))
    return weights


def _text_matches(index: SearchIndex, parsed: ParsedQuery, lang: str | None) -> dict[int, float]:
    """BM25 scores of entries matching enough of the query's words, scaled by how many they match."""
    if not parsed.terms:
        return {}
    scores: dict[int, float] = {}
    members: dict[int, set[int]] = {}  # query group -> entries matching it
    for term in parsed.terms:
        for postings, weight in _field_weights(index, parsed.lang_hint or lang):
            found = postings.get(term.token)
            if found is None:
                continue
            scale = weight * term.weight * found.idf
            get = scores.get
            for number, impact in zip(found.ids, found.impacts):
                scores[number] = get(number, 0.0) + scale * impact
            for group in term.groups:
                members.setdefault(group, set()).update(found.ids)
    groups = parsed.group_count
    if groups == 0:
        return {}
    coverage: Counter[int] = Counter()
    for entries in members.values():
        coverage.update(entries)
    needed = 1 if groups <= 2 else (groups + 1) // 2
    boosted = _segment_matches(index, parsed.loose_key) if parsed.loose_key else set()
    result = {}
    for number, covered in coverage.items():
        if covered >= needed:
            share = covered / groups
            score = scores.get(number, 0.0) * share * share
            if number in boosted:
                score *= SEGMENT_BOOST
            result[number] = score
    return result


