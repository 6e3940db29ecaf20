"""Search: database entries -> the in-process index that lookup/search views query.

Design.  The index is derived data: it is built from the Entries of the read model (which come from
the database) and never written anywhere, so it can always be dropped and rebuilt.  It lives in
process memory because the catalogue is small (about 17k entries, a few MB of text) and read on
every keystroke; a dictionary probe costs microseconds where a database round trip costs a
millisecond, and the same code then behaves identically on SQLite and PostgreSQL (SQLite's FTS5 and
PostgreSQL's full-text search disagree on CJK text and CamelCase codes, and neither ranks a typo of a
code).  When the catalogue changes, the application notices a new generation counter in the database
within a few seconds, builds a fresh index in the background and swaps the reference; readers keep
using the old one until then.  That makes build time matter: it must stay well under 2 s for the
full catalogue in three languages (bench/search_speed.py measures it).

What is kept:
- codes: normalised code -> entries; the sorted distinct codes (prefix search by bisection); the
  sorted suffixes of each code that start at a CamelCase word or a segment (partial codes such as
  `SignatureExpire`); the strings a typo is compared with (whole codes and their last segments);
- text: one BM25 field per kind of text (code words, description and remediation per language) with
  impacts precomputed at build time, so a query only multiplies and adds.
"""

from __future__ import annotations

import gc
import math
from bisect import bisect_left
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from app.entries import CONTENT_LANGUAGES, Entry
from app.search.normalize import fold, normalize_code
from app.search.tokens import STOP_WORDS, code_tokens, code_word_starts, is_kanji, text_tokens

# BM25 saturation and length normalisation; texts are short, so length matters only a little.
K1 = 1.2
B = 0.5

MIN_PART_LENGTH = 3
MIN_TYPO_LENGTH = 5
TYPO_CANDIDATES = 40
CODE_CAP = 300  # codes scored per kind of match; the rest only count towards the total
KANJI_BIGRAMS = 40  # bigrams a one-kanji query is searched with (the most frequent ones)
POSTINGS_CAP = 3000  # postings scored per query term and field (the highest impacts come first)

# Field names: "code", "desc:<lang>", "rem:<lang>".
CODE_FIELD = "code"
TEXT_FIELDS = (CODE_FIELD,) + tuple(
    f"{kind}:{lang}" for kind in ("desc", "rem") for lang in CONTENT_LANGUAGES
)


@dataclass(frozen=True, slots=True)
class Postings:
    """Entries containing one token in one field, with each one's BM25 impact (idf excluded)."""

    ids: tuple[int, ...]
    impacts: tuple[float, ...]
    idf: float


@dataclass(frozen=True, slots=True)
class CodeSpace:
    """Distinct normalised codes and the sorted strings that code, prefix, part and typo search use."""

    entries_by_key: dict[str, tuple[int, ...]]
    keys: tuple[str, ...]  # sorted distinct normalised codes
    boundaries: dict[str, frozenset[int]]  # key -> offsets where a word or segment starts or ends
    suffixes: tuple[str, ...]  # sorted suffixes of keys starting at a word boundary
    suffix_keys: tuple[str, ...]  # the key each suffix belongs to
    suffix_starts: tuple[int, ...]  # where in that key the suffix starts
    suffix_lengths: tuple[int, ...]  # the length of that key
    typo_strings: tuple[str, ...]  # whole keys and their segments after the first
    typo_keys: tuple[tuple[str, ...], ...]  # the keys each typo string stands for

    def matches(
        self, key: str, *, partial: bool = True, allowed: frozenset[int] | None = None
    ) -> tuple[dict[str, tuple[str, float]], list[str]]:
        """Codes equal to the normalised `key`; with `partial`, also codes starting with it,
        containing it from a word on, or (when nothing else matched) nearly equal to it.

        Returns the best of them with (reason, fit), at most CODE_CAP per kind of match (the
        shortest codes: a broad `invalid` must not cost thousands of fits), and every matching code
        (for the total).  `allowed` keeps only codes with one of those entries.
        """
        admits = self._admits if allowed is not None else None
        found: dict[str, tuple[str, float]] = {}
        if key in self.entries_by_key and (admits is None or admits(key, allowed)):
            found[key] = ("exact", 1.0)
        every = list(found)
        if not partial or not key.isascii():  # codes are ASCII: a Japanese phrase is text only
            return found, every
        if len(key) >= 2:
            low, high = key_range(self.keys, key)
            codes = [code for code in self.keys[low:high] if code != key]
            if admits is not None:
                codes = [code for code in codes if admits(code, allowed)]
            every += codes
            for code in sorted(codes, key=len)[:CODE_CAP] if len(codes) > CODE_CAP else codes:
                found[code] = ("prefix", self._fit(code, 0, key))
        if len(key) >= MIN_PART_LENGTH:
            low, high = key_range(self.suffixes, key)
            rows: Iterable[int] = range(low, high)
            if admits is not None:
                rows = [row for row in rows if admits(self.suffix_keys[row], allowed)]
            every += map(self.suffix_keys.__getitem__, rows)
            if len(rows) > CODE_CAP:  # type: ignore[arg-type]
                rows = sorted(rows, key=self.suffix_lengths.__getitem__)[:CODE_CAP]
            for row in rows:
                code = self.suffix_keys[row]
                fit = self._fit(code, self.suffix_starts[row], key)
                if code not in found or (found[code][0] == "part" and found[code][1] < fit):
                    found[code] = ("part", fit)
        if not every and len(key) >= MIN_TYPO_LENGTH:
            # fuzz.ratio counts a substitution as two edits: allow about one per 8 characters.
            edits = min(3, 1 + len(key) // 8)
            cutoff = max(75.0, 100.0 - 100.0 * edits / len(key))
            for string, ratio, row in process.extract(
                key, self.typo_strings, scorer=fuzz.ratio, score_cutoff=cutoff, limit=TYPO_CANDIDATES
            ):
                for code in self.typo_keys[row]:
                    fit = ratio / 100.0 + 0.2 * len(string) / len(code)
                    if (admits is None or admits(code, allowed)) and found.get(code, ("", 0.0))[1] < fit:
                        found[code] = ("typo", fit)
            every = list(found)
        return found, every

    def _admits(self, code: str, allowed: frozenset[int] | None) -> bool:
        return not allowed.isdisjoint(self.entries_by_key[code])  # type: ignore[union-attr]

    def segment_codes(self, key: str) -> dict[str, float]:
        """Codes with a whole segment equal to `key` (a multi-word query run together), with fit."""
        low, high = key_range(self.suffixes, key)
        codes = {}
        for row in range(low, high):
            code, start = self.suffix_keys[row], self.suffix_starts[row]
            end = start + len(key)
            if code[start - 1] == "." and (end == len(code) or code[end] == "."):
                codes[code] = self._fit(code, start, key)
        low, high = key_range(self.keys, key + ".")
        for code in self.keys[low:high]:
            codes[code] = self._fit(code, 0, key)
        return codes

    def _fit(self, code: str, start: int, key: str) -> float:
        """How well `key`, found at `start` in `code`, stands for it: reaching the end of the code
        counts most, then a whole segment, then whole words; a larger share of the code breaks ties."""
        end = start + len(key)
        fit = 0.3 * len(key) / len(code)
        if end == len(code):
            fit += 1.0
        elif code[end] == "." or key.endswith("."):
            fit += 0.7
        elif end in self.boundaries[code]:
            fit += 0.5
        return fit


class SearchIndex:
    """Everything `search` needs, built once from the entries and then only read (thread-safe)."""

    def __init__(
        self,
        entries: tuple[Entry, ...],
        codes: CodeSpace,
        fields: dict[str, dict[str, Postings]],
        products: dict[str, str],
        priors: tuple[float, ...],
    ) -> None:
        self.entries = entries
        self.codes = codes
        self.fields = fields
        self.products = products  # folded slug or alias -> product slug
        self.priors = priors  # per entry: common codes a little above product codes
        self.kanji_bigrams = _kanji_bigrams(fields)
        by_product: dict[str, list[int]] = defaultdict(list)
        for number, entry in enumerate(entries):
            if entry.product:
                by_product[entry.product].append(number)
        self._by_product = {product: tuple(numbers) for product, numbers in by_product.items()}
        self._everywhere = tuple(
            n for n, e in enumerate(entries) if e.product is None and e.kind != "category"
        )

    @classmethod
    def build(
        cls, entries: Iterable[Entry], *, product_aliases: Mapping[str, str] | None = None
    ) -> SearchIndex:
        """Index `entries`; `product_aliases` (alias -> slug) adds names a query may use for a product."""
        items = tuple(entries)
        products = {fold(e.product): e.product for e in items if e.product}
        for alias, slug in (product_aliases or {}).items():
            key = fold(alias)
            if slug in products.values() and key not in STOP_WORDS and len(key) > 1:
                products.setdefault(key, slug)
        with _collector_paused():
            return cls(items, _build_codes(items), _build_fields(items), products, _priors(items))

    def search(
        self, query: str, *, product: str | None = None, lang: str | None = None, limit: int = 10
    ):
        """Ranked entries for `query`; see `app.search.query.run` for the ranking rules."""
        from app.search.query import run

        return run(self, query, product=product, lang=lang, limit=limit)

    def scope_members(self, products: frozenset[str]) -> frozenset[int]:
        """Entries that belong with `products`: their own codes, and the codes any product can
        return (common codes, SDK client codes).  Category guidance belongs to none."""
        members = set(self._everywhere)
        for product in products:
            members.update(self._by_product.get(product, ()))
        return frozenset(members)


def _kanji_bigrams(fields: dict[str, dict[str, Postings]]) -> dict[str, tuple[str, ...]]:
    """Kanji -> the indexed bigrams containing it, most frequent first.

    Texts are indexed as bigrams only (unigrams would double the index); a query of one kanji is
    answered through the bigrams that contain it.
    """
    frequency: Counter[str] = Counter()
    for name, postings in fields.items():
        if name != CODE_FIELD:
            for token, found in postings.items():
                if len(token) == 2 and not token.isascii():
                    frequency[token] += len(found.ids)
    containing: dict[str, list[str]] = defaultdict(list)
    for token, _ in frequency.most_common():
        for char in set(token):
            if is_kanji(char):
                containing[char].append(token)
    return {char: tuple(tokens[:KANJI_BIGRAMS]) for char, tokens in containing.items()}


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while building.

    A build allocates about a million small objects, none in a reference cycle; left on, the
    collector rescans them again and again and takes 40% of the build time.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _priors(entries: tuple[Entry, ...]) -> tuple[float, ...]:
    """A small head start for common codes (what most people hit) and a small penalty for retired ones."""
    priors = []
    for entry in entries:
        prior = 1.0
        if entry.product is None and entry.kind == "code":
            prior = 1.3
        elif entry.kind == "category":
            prior = 0.9
        if entry.retired_in:
            prior *= 0.8
        priors.append(prior)
    return tuple(priors)


def _build_codes(entries: tuple[Entry, ...]) -> CodeSpace:
    by_code: dict[str, list[int]] = defaultdict(list)
    for number, entry in enumerate(entries):
        by_code[entry.code].append(number)
    by_key: dict[str, list[int]] = defaultdict(list)
    boundaries: dict[str, set[int]] = defaultdict(set)
    for code, numbers in by_code.items():
        key = normalize_code(code)
        by_key[key] += numbers
        # Spellings differing only in case (`...GroupId`, `...GroupID`) share a key: union their words.
        found = boundaries[key]
        found.add(len(key))
        found.update(code_word_starts(code.strip()))
    suffix_rows = []
    typo_owners: dict[str, list[str]] = defaultdict(list)
    for key, starts in boundaries.items():
        suffix_rows += [(key[start:], key, start) for start in starts if start < len(key) and key[start] != "."]
        typo_owners[key].append(key)
        dot = key.find(".")
        while dot != -1:
            typo_owners[key[dot + 1 :]].append(key)
            dot = key.find(".", dot + 1)
    suffix_rows.sort()
    suffixes, suffix_keys, suffix_starts = zip(*suffix_rows) if suffix_rows else ((), (), ())
    typo_strings = tuple(typo_owners)
    return CodeSpace(
        entries_by_key={key: tuple(numbers) for key, numbers in by_key.items()},
        keys=tuple(sorted(by_key)),
        boundaries={key: frozenset(starts) for key, starts in boundaries.items()},
        suffixes=suffixes,
        suffix_keys=suffix_keys,
        suffix_starts=suffix_starts,
        suffix_lengths=tuple(map(len, suffix_keys)),
        typo_strings=typo_strings,
        typo_keys=tuple(tuple(typo_owners[s]) for s in typo_strings),
    )


def _field_texts(entry: Entry) -> Iterable[tuple[str, str]]:
    """(field, text) pairs of an entry; remediation steps of one language make one text."""
    yield CODE_FIELD, entry.code
    for lang, text in entry.descriptions.items():
        if text.text.strip() != entry.code:  # a placeholder that repeats the code says nothing more
            yield f"desc:{lang}", text.text
    for lang, steps in entry.remediation.items():
        yield f"rem:{lang}", "\n".join(steps)


def _build_fields(entries: tuple[Entry, ...]) -> dict[str, dict[str, Postings]]:
    """BM25 postings per field.  Entries sharing a text (RequestLimitExceeded has one Chinese line
    in 90 products) share its tokens and impacts: each distinct text is tokenised and weighed once."""
    by_text: dict[str, dict[str, list[int]]] = {name: defaultdict(list) for name in TEXT_FIELDS}
    for number, entry in enumerate(entries):
        for name, text in _field_texts(entry):
            if name in by_text and text:
                by_text[name][text].append(number)
    counts_of: dict[str, Counter[str]] = {}
    raw: dict[str, tuple[dict[str, list[int]], dict[str, list[float]]]] = {}
    for name, texts in by_text.items():
        tokenize = code_tokens if name == CODE_FIELD else text_tokens
        counted = []
        docs = total = 0
        for text, numbers in texts.items():
            counts = counts_of.get(text) if name != CODE_FIELD else None
            if counts is None:
                counts = Counter(tokenize(text))
                if name != CODE_FIELD:
                    counts_of[text] = counts
            if counts:
                length = sum(counts.values())
                counted.append((counts, length, numbers))
                docs += len(numbers)
                total += length * len(numbers)
        ids: dict[str, list[int]] = defaultdict(list)
        impacts: dict[str, list[float]] = defaultdict(list)
        for counts, length, numbers in counted:
            norm = K1 * (1 - B + B * length * docs / total)
            if len(numbers) == 1:
                number = numbers[0]
                for token, tf in counts.items():
                    ids[token].append(number)
                    impacts[token].append(tf * (K1 + 1) / (tf + norm))
            else:
                for token, tf in counts.items():
                    ids[token] += numbers
                    impacts[token] += [tf * (K1 + 1) / (tf + norm)] * len(numbers)
        raw[name] = (ids, impacts)
    # One idf per token across fields (the largest document frequency of any field stands in for
    # the number of entries containing it): per-field idf would make `api` in a Chinese text look
    # rare, because Chinese texts seldom contain Latin words.
    frequency: dict[str, int] = {}
    for ids, _ in raw.values():
        for token, found in ids.items():
            if len(found) > frequency.get(token, 0):
                frequency[token] = len(found)
    count = len(entries)
    idf = {token: math.log(1 + (count - df + 0.5) / (df + 0.5)) for token, df in frequency.items()}
    fields: dict[str, dict[str, Postings]] = {}
    for name, (ids, impacts) in raw.items():
        built = {}
        for token, found in ids.items():
            weights = impacts[token]
            if len(found) > POSTINGS_CAP:
                # Highest impact first, so a query can score the head of a long list and only count the rest.
                order = sorted(range(len(found)), key=weights.__getitem__, reverse=True)
                found, weights = [found[i] for i in order], [weights[i] for i in order]
            built[token] = Postings(tuple(found), tuple(weights), idf[token])
        fields[name] = built
    return fields


def key_range(sorted_strings: tuple[str, ...], prefix: str) -> tuple[int, int]:
    """The slice of `sorted_strings` that starts with `prefix`."""
    low = bisect_left(sorted_strings, prefix)
    high = bisect_left(sorted_strings, prefix + "\U0010ffff", low)
    return low, high
