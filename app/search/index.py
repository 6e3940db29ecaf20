"""Search: database entries -> the in-process search index that the search operation queries.

Design.  The index is derived data: built from the Entries of the read model (which come from the
database), never written anywhere, so it can always be dropped and rebuilt.  It lives in process
memory because the catalogue is small (about 17k entries, a few MB of text) and searched on every
keystroke: a dictionary probe costs microseconds where a database round trip costs a millisecond,
and the same code behaves identically on SQLite and PostgreSQL (their full-text searches disagree
on CJK text and CamelCase codes, and neither ranks a typo of a code).  When the catalogue changes,
the application sees a new generation counter in the database within a few seconds, builds a
fresh index in the background and swaps the reference; readers use the old one until then.  So
the build must be fast: well under 2 s for the full catalogue in three languages
(bench/search_speed.py measures it).

Kept: normalised code -> entries; the sorted codes (prefix search by bisection); the sorted
suffixes of each code from each CamelCase word or segment on (partial codes); the strings typos
are compared with (whole codes and their last segments); and one BM25 field per kind of text
(code words; description and remediation per language) with impacts computed at build time.
"""

from __future__ import annotations

import gc
import math
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Self

from app.entries import Entry
from app.i18n import CONTENT_LANGUAGES
from app.search.codes import build_codes
from app.search.normalize import fold
from app.search.query import POSTINGS_CAP, SearchResult, run
from app.search.tokens import STOP_WORDS, code_tokens, is_kanji, text_tokens

K1, B = 1.2, 0.5  # BM25 saturation and length normalisation (texts are short: length matters little)
COMMON_PRIOR = 1.5  # common codes (and SDK client codes) are what most callers hit
CATEGORY_PRIOR = 1.2  # guidance for a whole category: above one product's code of the same name
KANJI_BIGRAMS = 40  # bigrams a one-kanji query is searched with (the most frequent ones)
CODE_FIELD = "code"
TEXT_FIELDS = (CODE_FIELD, *(f"{kind}:{lang}" for kind in ("desc", "rem") for lang in CONTENT_LANGUAGES))


@dataclass(frozen=True, slots=True)
class Postings:
    """Entries containing a token in one field (highest impact first when long), its idf."""

    ids: tuple[int, ...]
    impacts: tuple[float, ...]
    idf: float


class SearchIndex:
    """Everything `search` needs, built once from the entries and then only read (thread-safe)."""

    def __init__(self, entries: tuple[Entry, ...], products: dict[str, str]) -> None:
        """Use `SearchIndex.build`; `products` maps the folded names a query may use to slugs."""
        self.entries = entries
        self.products = products
        self.codes = build_codes(entries)
        self.fields = _build_fields(entries)
        self.kanji_bigrams = _kanji_bigrams(self.fields)
        self.priors = tuple(_prior(entry) for entry in entries)
        self._by_product: dict[str, list[int]] = defaultdict(list)
        for number, entry in enumerate(entries):
            self._by_product[entry.product or ""].append(number)
        # Common codes and SDK client codes can come from any product; category guidance from none.
        self._everywhere = tuple(n for n in self._by_product[""] if entries[n].kind != "category")

    @classmethod
    def build(cls, entries: Iterable[Entry], *, product_aliases: Mapping[str, str] | None = None) -> Self:
        """Index `entries`; `product_aliases` (alias -> slug) adds names a query may use for a product."""
        items = tuple(entries)
        products = {fold(e.product): e.product for e in items if e.product}
        for alias, slug in (product_aliases or {}).items():
            if slug in products.values() and fold(alias) not in STOP_WORDS and len(alias) > 1:
                products.setdefault(fold(alias), slug)
        # About a million small objects and no cycles: the cyclic collector rescanning them would
        # take 40% of the build, so it waits until the build is done.
        collecting = gc.isenabled()
        gc.disable()
        try:
            return cls(items, products)
        finally:
            if collecting:
                gc.enable()

    def search(
        self, query: str, *, product: str | None = None, lang: str | None = None, limit: int = 10
    ) -> SearchResult:
        """Ranked entries for `query` (see app.search.query for the ranking)."""
        return run(self, query, product=product, lang=lang, limit=limit)

    def scope_members(self, products: frozenset[str]) -> frozenset[int]:
        """Entries that belong with `products`: their codes, and those any product can return."""
        members = set(self._everywhere)
        for product in products:
            members.update(self._by_product.get(product, ()))
        return frozenset(members)


def _prior(entry: Entry) -> float:
    """A head start for common codes, less for category guidance; retired codes a little behind."""
    prior = 1.0 if entry.product else CATEGORY_PRIOR if entry.kind == "category" else COMMON_PRIOR
    return prior * 0.8 if entry.retired_in else prior


def _build_fields(entries: tuple[Entry, ...]) -> dict[str, dict[str, Postings]]:
    """BM25 postings per field.  Entries sharing a text (RequestLimitExceeded has one Chinese line
    in 90 products) share its tokens and impacts: each distinct text is tokenised and weighed once."""
    by_text: dict[str, dict[str, list[int]]] = {name: defaultdict(list) for name in TEXT_FIELDS}
    for number, entry in enumerate(entries):
        texts = [(CODE_FIELD, entry.code)]  # and descriptions, unless they only repeat the code
        texts += [(f"desc:{lang}", t.text) for lang, t in entry.descriptions.items() if t.text != entry.code]
        texts += [(f"rem:{lang}", "\n".join(steps)) for lang, steps in entry.remediation.items()]
        for name, text in texts:
            if name in by_text and text:
                by_text[name][text].append(number)
    counted: dict[tuple[bool, str], Counter[str]] = {}
    raw = {}
    for name, texts_of in by_text.items():
        tokenize = code_tokens if name == CODE_FIELD else text_tokens
        weighed = []
        for text, numbers in texts_of.items():
            if (counts := counted.get((name == CODE_FIELD, text))) is None:
                counts = counted[name == CODE_FIELD, text] = Counter(tokenize(text))
            if counts:
                weighed.append((counts, sum(counts.values()), numbers))
        docs = sum(len(numbers) for _, _, numbers in weighed)
        average = sum(length * len(numbers) for _, length, numbers in weighed) / max(docs, 1)
        ids: dict[str, list[int]] = defaultdict(list)
        impacts: dict[str, list[float]] = defaultdict(list)
        for counts, length, numbers in weighed:
            norm = K1 * (1 - B + B * length / average)
            for token, tf in counts.items():
                ids[token] += numbers
                impacts[token] += [tf * (K1 + 1) / (tf + norm)] * len(numbers)
        raw[name] = (ids, impacts)
    # One idf per token for all fields, from its largest document frequency in any field: per-field
    # idf would make `api` in a Chinese text look rare, since Chinese texts seldom have Latin words.
    frequency: dict[str, int] = {}
    for ids, _ in raw.values():
        for token, found in ids.items():
            frequency[token] = max(frequency.get(token, 0), len(found))
    idf = {token: math.log(1 + (len(entries) - df + 0.5) / (df + 0.5)) for token, df in frequency.items()}
    fields: dict[str, dict[str, Postings]] = {}
    for name, (ids, impacts) in raw.items():
        fields[name] = {}
        for token, found in ids.items():
            weights = impacts[token]
            if len(found) > POSTINGS_CAP:  # highest impact first: the head is scored, the tail only added
                order = sorted(range(len(found)), key=weights.__getitem__, reverse=True)
                found, weights = [found[i] for i in order], [weights[i] for i in order]
            fields[name][token] = Postings(tuple(found), tuple(weights), idf[token])
    return fields


def _kanji_bigrams(fields: dict[str, dict[str, Postings]]) -> dict[str, tuple[str, ...]]:
    """Kanji -> the indexed bigrams containing it, most frequent first: texts are indexed as
    bigrams only (unigrams would double the index), so a one-kanji query goes through them."""
    frequency: Counter[str] = Counter()
    for name, postings in fields.items():
        if name != CODE_FIELD:
            frequency.update({t: len(p.ids) for t, p in postings.items() if len(t) == 2 and not t.isascii()})
    containing: dict[str, list[str]] = defaultdict(list)
    for token, _ in frequency.most_common():
        for char in dict.fromkeys(token):
            if is_kanji(char) and len(containing[char]) < KANJI_BIGRAMS:
                containing[char].append(token)
    return {char: tuple(tokens) for char, tokens in containing.items()}
