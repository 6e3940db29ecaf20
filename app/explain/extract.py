"""Explain: a pasted text -> the Tencent Cloud errors in it (code, product, request id, message).

When a token counts as a code:
- it is a catalogue code, written exactly as the catalogue spells it (full-width allowed) and not
  inside a longer dotted identifier; or
- it stands in an error position (after `code:`, `Code=`, `ErrorCode=`, `"Code": `, or as
  `Category.Detail: message`) and is a catalogue code in any case, or Category.Detail of a known
  category (reported as written).
Undotted codes (InternalError, MissingParameter, ...) and uncatalogued ones also need the paste to
say Tencent Cloud somewhere (an SDK marker, an endpoint, the Response envelope, a UUID request id),
because other APIs use the same words.  Lines naming another cloud never yield a code, and a paste
that names another cloud and never Tencent Cloud yields nothing.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from typing import TYPE_CHECKING

from app.explain import formats as f
from app.explain.formats import Layout, pair_request_ids
from app.explain.mask import mask_secrets

if TYPE_CHECKING:  # the package builds the catalogue and imports this module first
    from app.explain import CodeInfo, ExplainCatalog

Span = tuple[int, int, int]  # a labelled message: label position, value start, value end

MAX_MESSAGE_CHARS = 1000
MAX_FUZZY_MESSAGES = 20
# SDK client codes that are also everyday words in other stacks' output (botocore's ClientError,
# a browser's NetworkError): counted only in an error position.
GENERIC_WORDS = frozenset({"ClientError", "NetworkError", "InvalidCredential"})


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
    request_id: str | None
    message: Span | None
    match: str
    confidence: float
    product: str | None  # the product a message match implies, if only one product has the wording
    end: int


@dataclass(frozen=True, slots=True)
class _Hit:
    pos: int
    token: str
    info: CodeInfo | None
    needs_context: bool
    labelled: bool


def _record(hit_pos, token, info, rid, span, match="code", confidence=1.0, product=None) -> Record:
    end = max(hit_pos + len(token), span[2] if span else 0, rid[0] + 36 if rid else 0)
    return Record(hit_pos, token, info, rid[1] if rid else None, span, match, confidence, product, end)


def find_errors(text: str, catalog: ExplainCatalog) -> list[Finding]:
    """Every Tencent Cloud error in `text`, in order of appearance, each (code, product, request id) once."""
    if not text or not text.strip():
        return []
    masked = mask_secrets(text)
    scan = masked.translate(f.HALF_WIDTH)
    foreign = [m.start() for m in f.FOREIGN_CONTEXT.finditer(scan)]
    tencent = f.TENCENT_CONTEXT.search(scan) is not None
    if foreign and not tencent:
        return []
    layout = Layout(scan)
    foreign_lines = {layout.line(pos) for pos in foreign if not _tencent_line(scan, layout, pos)}
    rids = [
        (m.start("rid"), m.group("rid").lower())
        for m in f.REQUEST_ID.finditer(scan)
        if layout.line(m.start()) not in foreign_lines
    ]
    hits = [h for h in _code_hits(scan, catalog) if layout.line(h.pos) not in foreign_lines]
    context = tencent or bool(rids) or any(h.info is not None and not h.needs_context for h in hits)
    hits = [h for h in hits if context or not h.needs_context]
    spans = [s for s in _message_spans(scan, layout) if layout.line(s[0]) not in foreign_lines]
    hits = _outside_messages(hits, spans, layout)

    records = _code_records(hits, rids, spans, layout)
    records += _message_records(scan, catalog, records, rids, spans, layout, context)
    if not records:
        records = _line_records(scan, catalog, rids, layout, foreign_lines, context)
    records.sort(key=lambda r: r.start)
    return _findings(masked, scan, catalog, records)


def _tencent_line(scan: str, layout: Layout, pos: int) -> bool:
    start, end = layout.line_bounds(pos)
    return f.TENCENT_CONTEXT.search(scan, start, end) is not None


def _code_hits(scan: str, catalog: ExplainCatalog) -> list[_Hit]:
    hits: dict[int, _Hit] = {}
    for pattern in (f.CODE_LABEL, f.COLON_CODE):
        for m in pattern.finditer(scan):
            pos = m.start("code")
            if pos not in hits:
                hit = _positioned(m.group("code"), pos, catalog)
                if hit is not None:
                    hits[pos] = hit
    for m in f.FREE_TOKEN.finditer(scan):
        token = m.group()
        info = catalog.codes.get(token.casefold())
        if m.start() in hits or info is None or token not in info.exact or token in GENERIC_WORDS:
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


def _message_spans(scan: str, layout: Layout) -> list[tuple[int, int, int]]:
    """(label position, value start, value end) of every labelled message, in order."""
    spans = []
    for pattern in (f.MESSAGE_LABEL, f.NODE_MESSAGE):
        for m in pattern.finditer(scan):
            # Only the SDKs' `message:` may run over several lines, up to their ` requestId:`.
            limit = layout.segment_end(m.start()) if pattern is f.MESSAGE_LABEL else m.end()
            start, end = _message_value(scan, m.end(), limit)
            if end > start:
                spans.append((m.start(), start, end))
    spans.sort()
    return spans


def _message_value(scan: str, i: int, limit: int) -> tuple[int, int]:
    n = len(scan)
    while i < n and scan[i] in " \t":
        i += 1
    j = i
    while j < n and scan[j] == "\\":
        j += 1
    line_end = scan.find("\n", i)
    line_end = n if line_end < 0 else line_end
    if j < n and scan[j] in "\"'`":
        closing, start = scan[i : j + 1], j + 1
        k = scan.find(closing, start, min(n, start + 4 * MAX_MESSAGE_CHARS))
        while k > start and scan[k - 1] == "\\" and closing[0] != "\\":
            k = scan.find(closing, k + 1, min(n, start + 4 * MAX_MESSAGE_CHARS))
        return start, (k if k >= 0 else line_end)  # no closing quote: a body cut off mid-message
    sdk_end = f.MESSAGE_SDK_END.search(scan, i, min(max(limit, line_end), i + 4 * MAX_MESSAGE_CHARS))
    if sdk_end:
        return i, sdk_end.start()
    end = f.MESSAGE_END.search(scan, i, line_end)
    return i, (end.start() if end else line_end)


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


def _code_records(hits: list[_Hit], rids, spans: list[Span], layout: Layout) -> list[Record]:
    records = []
    by_segment: dict[int, list[_Hit]] = {}
    for hit in hits:
        by_segment.setdefault(layout.segment(hit.pos), []).append(hit)
    rid_positions = [pos for pos, _ in rids]
    for segment, seg_hits in by_segment.items():
        lo, hi = layout.segment_bounds(segment)
        seg_rids = rids[bisect_left(rid_positions, lo) : bisect_left(rid_positions, hi)]
        paired = pair_request_ids([h.pos for h in seg_hits], seg_rids, layout)
        seg_spans = [s for s in spans if lo <= s[0] < hi]
        for index, hit in enumerate(seg_hits):
            next_pos = seg_hits[index + 1].pos if index + 1 < len(seg_hits) else hi
            prev_pos = seg_hits[index - 1].pos if index else lo - 1
            span = next((s for s in seg_spans if hit.pos < s[0] < next_pos), None)
            span = span or next((s for s in reversed(seg_spans) if prev_pos < s[0] < hit.pos), None)
            records.append(_record(hit.pos, hit.token, hit.info, paired.get(index), span))
    return records


def _message_records(scan, catalog, records, rids, spans, layout, context) -> list[Record]:
    """Messages in blocks without any code (Node.js, .NET): recognised by their wording."""
    coded = {layout.segment(r.start) for r in records}
    found: list[Record] = []
    fuzzy_left = MAX_FUZZY_MESSAGES
    rid_positions = [pos for pos, _ in rids]
    for label, start, end in spans:
        segment = layout.segment(label)
        if segment in coded:
            continue
        fuzzy = context and fuzzy_left > 0
        fuzzy_left -= fuzzy
        match = catalog.messages.match(scan[start:end], tencent_context=context, fuzzy=fuzzy)
        if match is None:
            continue
        lo, hi = layout.segment_bounds(segment)
        seg_rids = rids[bisect_left(rid_positions, lo) : bisect_left(rid_positions, hi)]
        rid = pair_request_ids([start], seg_rids, layout).get(0)
        info = catalog.codes.get(match.code.casefold())
        span = (label, start, end)
        found.append(_record(start, match.code, info, rid, span, "message", match.confidence, match.product))
    return found


def _line_records(scan, catalog, rids, layout: Layout, foreign_lines, context) -> list[Record]:
    """Last resort for a bare message: each line compared with templates and exact wording."""
    found = []
    rid_positions = [pos for pos, _ in rids]
    for number, (start, end) in enumerate(layout.lines()):
        if number in foreign_lines or not 8 <= end - start <= 600:
            continue
        match = catalog.messages.match(scan[start:end], tencent_context=context, fuzzy=False)
        if match is None:
            continue
        lo, hi = layout.segment_bounds(layout.segment(start))
        seg_rids = rids[bisect_left(rid_positions, lo) : bisect_left(rid_positions, hi)]
        rid = pair_request_ids([start], seg_rids, layout).get(0)
        info = catalog.codes.get(match.code.casefold())
        lead = len(scan[start:end]) - len(scan[start:end].lstrip())
        span = (start, start + lead, end)
        found.append(
            _record(start + lead, match.code, info, rid, span, "message", match.confidence, match.product)
        )
    return found


def _findings(masked: str, scan: str, catalog: ExplainCatalog, records: list[Record]) -> list[Finding]:
    products = catalog.attach_products(scan, records)
    seen: set[tuple[str, str | None, str | None]] = set()
    findings = []
    for record, product in zip(records, products, strict=True):
        code = record.info.spelling(product, record.token) if record.info else record.token
        key = (code, product, record.request_id)
        if key in seen:
            continue
        seen.add(key)
        message = None
        if record.message is not None:
            message = " ".join(masked[record.message[1] : record.message[2]].split()).strip(" ,")
            message = message[:MAX_MESSAGE_CHARS] or None
        findings.append(
            Finding(code, product, record.request_id, message, record.match, record.confidence, record.start)
        )
    return findings
