"""Explain: a pasted text -> the Tencent Cloud errors in it (code, product, request id, message).

When a token counts as a code:
- it is a catalogue code, written exactly as the catalogue spells it (full-width allowed) and not
  inside a longer dotted identifier; or
- it stands in an error position (after `code:`, `Code=`, `ErrorCode=`, `"Code": `, or as
  `Category.Detail: message`) and is a catalogue code in any case, or Category.Detail of a known
  category (reported as written).
Undotted codes (InternalError, MissingParameter, ...) and uncatalogued ones also need a Tencent
Cloud context, because other APIs use the same words: the paste names Tencent Cloud (or tccli, the
TC3 signature, the Response envelope), carries a UUID request id, or holds a dotted catalogue code.
Lines naming another cloud never yield a code, and a paste that names another cloud and never
Tencent Cloud yields nothing.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from app.explain import formats as f
from app.explain.formats import Layout, pair_request_ids
from app.explain.mask import mask_secrets
from app.explain.messages import MAX_MESSAGE_CHARS, Span, colon_message, message_spans

if TYPE_CHECKING:  # the package builds the catalogue and imports this module first
    from app.explain import CodeInfo, ExplainCatalog

RequestId = tuple[int, str]  # position, lower-cased UUID

MAX_FUZZY_MESSAGES = 10  # similarity searches per paste; each costs about a millisecond
# SDK client codes that are also everyday words in other stacks' output (botocore's ClientError,
# a browser's NetworkError): counted only in an error position.
GENERIC_WORDS = frozenset({"ClientError", "NetworkError", "InvalidCredential"})
_MESSAGE_LINE = re.compile(r"^[^\n]{8,600}$", re.MULTILINE)  # a line that may hold a bare message


@dataclass(frozen=True, slots=True)
class Finding:
    """One error found in a paste; `start` is the offset of its code (or message) in the text."""

    code: str
    product: str | None
    request_id: str | None
    message: str | None
    match: str  # "code" or "message"
    confidence: float
    start: int


@dataclass(frozen=True, slots=True)
class Record:
    """One error before products are attached: where it is, what was found, what belongs to it."""

    start: int
    token: str
    info: CodeInfo | None  # None: an uncatalogued Category.Detail in an error position
    rid: RequestId | None
    message: Span | None
    match: str = "code"
    confidence: float = 1.0
    product: str | None = None  # the product a message match implies, when only one has the wording

    @property
    def request_id(self) -> str | None:
        return self.rid[1] if self.rid else None

    @property
    def end(self) -> int:
        """Where the last part printed with this error ends (code, message or request id)."""
        return max(
            self.start + len(self.token),
            self.message[2] if self.message else 0,
            self.rid[0] + 36 if self.rid else 0,
        )


@dataclass(frozen=True, slots=True)
class _Hit:
    pos: int
    token: str
    info: CodeInfo | None
    needs_context: bool
    labelled: bool


def find_errors(text: str, catalog: ExplainCatalog) -> list[Finding]:
    """Every Tencent Cloud error in `text`, in order of appearance, each (code, product, request id) once."""
    if not text or not text.strip():
        return []
    masked = mask_secrets(text)
    scan = f.half_width(masked)
    lower = f.lower_ascii(scan)
    foreign = f.foreign_positions(lower)
    tencent = f.tencent_context(scan, lower)
    if foreign and not tencent:
        return []
    layout = Layout(scan)
    foreign_lines = {
        layout.line(pos) for pos in foreign if not f.tencent_context(scan, lower, *layout.line_bounds(pos))
    }
    rids: list[RequestId] = [
        (m.start("rid"), m.group("rid").lower())
        for m in f.REQUEST_ID.finditer(scan)
        if layout.line(m.start()) not in foreign_lines
    ]
    hits = [h for h in _code_hits(scan, catalog) if layout.line(h.pos) not in foreign_lines]
    context = tencent or bool(rids) or any(h.info is not None and not h.needs_context for h in hits)
    hits = [h for h in hits if context or not h.needs_context]
    spans = [s for s in message_spans(scan, layout) if layout.line(s[0]) not in foreign_lines]
    hits = _outside_messages(hits, spans, layout)

    records = _code_records(scan, hits, rids, spans, layout)
    records += _message_records(scan, catalog, records, rids, spans, layout, context)
    if not records:
        records = _line_records(scan, catalog, rids, layout, foreign_lines, context)
    records.sort(key=lambda r: r.start)
    return _findings(masked, scan, lower, catalog, records)


def _position(item: RequestId) -> int:
    return item[0]


def _code_hits(scan: str, catalog: ExplainCatalog) -> list[_Hit]:
    hits: dict[int, _Hit] = {}
    for m in f.CODE_LABEL.finditer(scan):
        hit = _positioned(m.group("code"), m.start("code"), catalog)
        if hit is not None:
            hits.setdefault(hit.pos, hit)
    for m in f.FREE_TOKEN.finditer(scan):
        if m.start() in hits:
            continue
        token = m.group().removesuffix(m.group("colon") or "")
        info = catalog.codes.get(token.casefold())
        if info is None or token not in info.exact or token in GENERIC_WORDS:
            if m.group("colon") and "." in token:  # `Category.Detail: message`
                hit = _positioned(token, m.start(), catalog)
                if hit is not None:
                    hits[hit.pos] = hit
            continue
        dotted = "." in token
        if not dotted:
            if sum(c.isupper() for c in token) < 2:
                continue  # Credential, Cam, Authority: categories that are everyday words
            if token.endswith(("Error", "Exception")) and not info.productless:
                continue  # SystemError, UnknownError: exception names in any traceback
        hits[m.start()] = _Hit(m.start(), token, info, not dotted, False)
    return [hits[pos] for pos in sorted(hits)]


def _positioned(token: str, pos: int, catalog: ExplainCatalog) -> _Hit | None:
    """A token in an error position: a code in any spelling, or a known category's Category.Detail."""
    info = catalog.codes.get(token.casefold())
    if info is not None:
        return _Hit(pos, token, info, "." not in token, True)
    category, dot, detail = token.partition(".")
    if dot and detail and category.casefold() in catalog.categories:
        return _Hit(pos, token, None, True, True)
    return None


def _outside_messages(hits: list[_Hit], spans: list[Span], layout: Layout) -> list[_Hit]:
    """Drop free tokens quoted in the message of an error that has its own labelled code."""
    starts = [span[1] for span in spans]
    labelled = {layout.segment(hit.pos) for hit in hits if hit.labelled}
    kept = []
    for hit in hits:
        i = bisect_right(starts, hit.pos) - 1
        inside = i >= 0 and spans[i][1] <= hit.pos < spans[i][2]
        if not (inside and not hit.labelled and layout.segment(hit.pos) in labelled):
            kept.append(hit)
    return kept


def _code_records(
    scan: str, hits: list[_Hit], rids: list[RequestId], spans: list[Span], layout: Layout
) -> list[Record]:
    records = []
    by_segment: dict[int, list[_Hit]] = {}
    for hit in hits:
        by_segment.setdefault(layout.segment(hit.pos), []).append(hit)
    labels = [span[0] for span in spans]
    for segment, seg_hits in by_segment.items():
        lo, hi = layout.segment_bounds(segment)
        seg_rids = rids[bisect_left(rids, lo, key=_position) : bisect_left(rids, hi, key=_position)]
        paired = pair_request_ids([h.pos for h in seg_hits], seg_rids, layout)
        for index, hit in enumerate(seg_hits):
            next_pos = seg_hits[index + 1].pos if index + 1 < len(seg_hits) else hi
            prev_pos = seg_hits[index - 1].pos if index else lo - 1
            after = bisect_right(labels, hit.pos)
            span = spans[after] if after < len(spans) and labels[after] < next_pos else None
            before = bisect_left(labels, hit.pos) - 1
            if span is None and before >= 0 and labels[before] > prev_pos:
                span = spans[before]
            span = span or colon_message(scan, hit.pos + len(hit.token))
            records.append(Record(hit.pos, hit.token, hit.info, paired.get(index), span))
    return records


def _message_records(
    scan: str,
    catalog: ExplainCatalog,
    records: list[Record],
    rids: list[RequestId],
    spans: list[Span],
    layout: Layout,
    context: bool,
) -> list[Record]:
    """Messages in blocks without any code (Node.js, .NET): recognised by their wording."""
    coded = {layout.segment(r.start) for r in records}
    found = []
    fuzzy_left = MAX_FUZZY_MESSAGES
    for span in spans:
        if layout.segment(span[0]) not in coded:
            fuzzy_left -= context
            record = _recognised(scan, catalog, span, rids, layout, context, context and fuzzy_left >= 0)
            found += [record] if record else []
    return found


def _line_records(
    scan: str,
    catalog: ExplainCatalog,
    rids: list[RequestId],
    layout: Layout,
    foreign: set[int],
    context: bool,
) -> list[Record]:
    """Last resort for a bare message: each line compared with templates and exact wording."""
    found = []
    for line in _MESSAGE_LINE.finditer(scan):
        start, end = line.span()
        if layout.line(start) not in foreign:
            lead = len(line.group()) - len(line.group().lstrip())
            record = _recognised(scan, catalog, (start, start + lead, end), rids, layout, context, False)
            found += [record] if record else []
    return found


def _recognised(
    scan: str,
    catalog: ExplainCatalog,
    span: Span,
    rids: list[RequestId],
    layout: Layout,
    context: bool,
    fuzzy: bool,
) -> Record | None:
    """A message recognised by its wording, with the request id printed in the same segment."""
    match = catalog.messages.match(scan[span[1] : span[2]], tencent_context=context, fuzzy=fuzzy)
    if match is None:
        return None
    lo, hi = layout.segment_bounds(layout.segment(span[1]))
    seg_rids = rids[bisect_left(rids, lo, key=_position) : bisect_left(rids, hi, key=_position)]
    rid = pair_request_ids([span[1]], seg_rids, layout).get(0)
    info = catalog.codes.get(match.code.casefold())
    return Record(span[1], match.code, info, rid, span, "message", match.confidence, match.product)


def _findings(
    masked: str, scan: str, lower: str, catalog: ExplainCatalog, records: list[Record]
) -> list[Finding]:
    products = catalog.attach_products(scan, lower, records)
    found: dict[tuple[str, str | None, str | None], Finding] = {}
    for record, product in zip(records, products, strict=True):
        code = record.info.spelling(product, record.token) if record.info else record.token
        key = (code, product, record.request_id)
        message = None
        if record.message is not None:
            message = " ".join(masked[record.message[1] : record.message[2]].split()).strip(" ,")
            message = message[:MAX_MESSAGE_CHARS] or None
        first = found.get(key)
        if first is None:
            found[key] = Finding(
                code, product, record.request_id, message, record.match, record.confidence, record.start
            )
        elif first.message is None and message is not None:
            # The same error mentioned twice: keep the first place, with the message printed later.
            found[key] = replace(first, message=message)
    return list(found.values())
