"""The read model of the catalogue: one immutable Entry per error code, as lookup and search see it."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Text:
    """A description in one language, with where it came from (seed, official, project, staff)."""

    text: str
    origin: str


@dataclass(frozen=True, slots=True)
class Entry:
    """One (product, code) of the catalogue with its texts already resolved by origin precedence.

    `product` is None for common codes and category entries.  `descriptions` and `remediation` hold
    only the entry's own texts per language; category inheritance is applied by lookup, not here.
    """

    id: int
    code: str
    product: str | None
    category: str
    source: str
    retryable: str
    kind: str = "code"  # "code", "category" (guidance for a code prefix) or "client" (SDK-side code)
    versions: tuple[str, ...] = ()
    retired_in: str | None = None
    descriptions: dict[str, Text] = field(default_factory=dict)
    remediation: dict[str, tuple[str, ...]] = field(default_factory=dict)
    remediation_origin: dict[str, str] = field(default_factory=dict)


# Which text is shown when several origins have one: staff work first, then the seed document and
# the official catalogue, then text written for the project (translations, remediation).
DESCRIPTION_PRECEDENCE = ("staff", "seed", "official", "project")
REMEDIATION_PRECEDENCE = ("staff", "project", "seed", "official")


def resolve_texts(texts) -> tuple[dict[str, Text], dict[str, tuple[str, ...]], dict[str, str]]:
    """Choose per language the description and remediation to show from (lang, origin, description,
    remediation) rows, by origin precedence."""
    best_desc: dict[str, tuple[int, Text]] = {}
    best_rem: dict[str, tuple[int, tuple[str, ...], str]] = {}
    for lang, origin, description, remediation in texts:
        if description:
            rank = DESCRIPTION_PRECEDENCE.index(origin)
            if lang not in best_desc or rank < best_desc[lang][0]:
                best_desc[lang] = (rank, Text(description, origin))
        if remediation:
            rank = REMEDIATION_PRECEDENCE.index(origin)
            if lang not in best_rem or rank < best_rem[lang][0]:
                best_rem[lang] = (rank, tuple(remediation), origin)
    return (
        {lang: value for lang, (_, value) in best_desc.items()},
        {lang: steps for lang, (_, steps, _) in best_rem.items()},
        {lang: origin for lang, (_, _, origin) in best_rem.items()},
    )


def make_entry(texts, **fields) -> Entry:
    """An Entry from its fields and its (lang, origin, description, remediation) text rows."""
    descriptions, remediation, remediation_origin = resolve_texts(texts)
    return Entry(
        descriptions=descriptions, remediation=remediation, remediation_origin=remediation_origin, **fields
    )
