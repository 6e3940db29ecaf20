"""The code side of the search index: exact codes, prefixes, parts of codes and typos."""

from __future__ import annotations

import heapq
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from app.entries import Entry
from app.search.normalize import normalize_code
from app.search.tokens import code_word_starts

MIN_PART_LENGTH, MIN_TYPO_LENGTH, TYPO_CANDIDATES = 3, 5, 40
CODE_CAP = 300  # codes scored per kind of match; the rest only count towards the total


@dataclass(frozen=True, slots=True)
class CodeSpace:
    """Distinct normalised codes, and the sorted strings that prefix, part and typo search use."""

    entries_by_key: dict[str, tuple[int, ...]]
    keys: tuple[str, ...]  # sorted
    boundaries: dict[str, frozenset[int]]  # offsets where a word or segment of the key starts, and its end
    suffixes: tuple[str, ...]  # sorted suffixes of the keys, from a word boundary on
    suffix_keys: tuple[str, ...]  # the key of each suffix
    suffix_starts: tuple[int, ...]  # where in that key the suffix starts
    suffix_lengths: tuple[int, ...]  # the length of that key
    # Length -> the strings typos are compared with (keys, and their segments after the first) and
    # the keys each stands for: comparing with the few lengths a near match can have is faster.
    typos: dict[int, tuple[tuple[str, ...], tuple[tuple[str, ...], ...]]]

    def matches(
        self, key: str, *, partial: bool = True, typos: bool = True, allowed: frozenset[int] | None = None
    ) -> tuple[dict[str, tuple[str, float]], list[str]]:
        """Codes equal to the normalised `key`; with `partial`, also codes starting with it,
        containing it from a word on, or (when nothing else matched) nearly equal to it.

        Returns the best with (reason, fit), at most CODE_CAP of the shortest per kind of match
        (a broad `invalid` must not cost thousands of fits), and every matching code, for the
        total.  `allowed` keeps only codes with one of those entries.
        """

        def admits(code: str) -> bool:
            return allowed is None or not allowed.isdisjoint(self.entries_by_key[code])

        found = {key: ("exact", 1.0)} if key in self.entries_by_key and admits(key) else {}
        every = list(found)
        if not partial or not key.isascii():  # codes are ASCII: a Japanese phrase is text only
            return found, every
        if len(key) >= 2:
            low, high = key_range(self.keys, key)
            codes = [code for code in self.keys[low:high] if code != key and admits(code)]
            every += codes
            for code in sorted(codes, key=len)[:CODE_CAP] if len(codes) > CODE_CAP else codes:
                found[code] = ("prefix", self.fit(code, 0, key))
        if len(key) >= MIN_PART_LENGTH:
            low, high = key_range(self.suffixes, key)
            rows: Iterable[int] = range(low, high)
            if allowed is not None:
                rows = [row for row in rows if admits(self.suffix_keys[row])]
            every += map(self.suffix_keys.__getitem__, rows)
            for row in sorted(rows, key=self.suffix_lengths.__getitem__)[:CODE_CAP]:
                code = self.suffix_keys[row]
                fit = self.fit(code, self.suffix_starts[row], key)
                if code not in found or (found[code][0] == "part" and found[code][1] < fit):
                    found[code] = ("part", fit)
        if typos and not every and len(key) >= MIN_TYPO_LENGTH:
            edits = min(3, 1 + len(key) // 8)  # fuzz.ratio counts a substitution as two
            cutoff = max(75.0, 100.0 - 100.0 * edits / len(key))
            spread = int(2 * len(key) * (100 - cutoff) / cutoff)  # lengths that can reach the cutoff
            near = []
            for length in range(len(key) - spread, len(key) + spread + 1):
                strings, keys = self.typos.get(length, ((), ()))
                near += [
                    (ratio, string, keys[row])
                    for string, ratio, row in process.extract(
                        key, strings, scorer=fuzz.ratio, score_cutoff=cutoff, limit=TYPO_CANDIDATES
                    )
                ]
            for ratio, string, owners in heapq.nlargest(TYPO_CANDIDATES, near):
                for code in filter(admits, owners):
                    fit = ratio / 100.0 + 0.2 * len(string) / len(code)
                    if found.get(code, ("", 0.0))[1] < fit:
                        found[code] = ("typo", fit)
            every = list(found)
        return found, every

    def fit(self, code: str, start: int, key: str) -> float:
        """How well `key`, found at `start` in `code`, names it: a whole last segment most
        (`SignatureExpire`), then a whole other segment (`InvalidImageId.`), then whole words from a
        segment's start, then whole words; a larger share of the code breaks ties."""
        end = start + len(key.rstrip("."))
        at_start = start == 0 or code[start - 1] == "."
        if at_start and (end == len(code) or code[end] == "."):
            fit = 1.0 if end == len(code) else 0.8
        elif end in self.boundaries[code]:
            fit = 0.5 if at_start else 0.4
        else:
            fit = 0.2
        return fit + 0.3 * len(key) / len(code)


def build_codes(entries: tuple[Entry, ...]) -> CodeSpace:
    by_key: dict[str, list[int]] = defaultdict(list)
    boundaries: dict[str, set[int]] = defaultdict(set)
    for number, entry in enumerate(entries):
        key = normalize_code(entry.code)
        if key not in by_key or entry.code != entries[by_key[key][-1]].code:
            # Spellings differing in case (`...GroupId`, `...GroupID`) share a key: union their words.
            boundaries[key].update((len(key), *code_word_starts(entry.code.strip())))
        by_key[key].append(number)
    rows = []
    typo_owners: dict[str, list[str]] = defaultdict(list)
    for key, starts in boundaries.items():
        rows += [(key[start:], key, start) for start in starts if start < len(key) and key[start] != "."]
        for dot in (-1, *(i for i, char in enumerate(key) if char == ".")):
            typo_owners[key[dot + 1 :]].append(key)
    rows.sort()
    by_length: dict[int, list[str]] = defaultdict(list)
    for string in typo_owners:
        by_length[len(string)].append(string)
    suffixes, suffix_keys, suffix_starts = zip(*rows, strict=True) if rows else ((), (), ())
    return CodeSpace(
        entries_by_key={key: tuple(numbers) for key, numbers in by_key.items()},
        keys=tuple(sorted(by_key)),
        boundaries={key: frozenset(starts) for key, starts in boundaries.items()},
        suffixes=suffixes,
        suffix_keys=suffix_keys,
        suffix_starts=suffix_starts,
        suffix_lengths=tuple(map(len, suffix_keys)),
        typos={
            length: (tuple(strings), tuple(tuple(typo_owners[s]) for s in strings))
            for length, strings in by_length.items()
        },
    )


def key_range(sorted_strings: tuple[str, ...], prefix: str) -> tuple[int, int]:
    """The slice of `sorted_strings` that starts with `prefix`."""
    low = bisect_left(sorted_strings, prefix)
    return low, bisect_left(sorted_strings, prefix + "\U0010ffff", low)
