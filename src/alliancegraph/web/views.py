"""View models: the library's dataclasses turned into plain dicts for JSON and templates.

Nothing here writes HTML: the templates escape every string they print.  Text
to highlight is cut here into pieces (before, evidence, after) so that the
template marks the evidence without ever trusting the article's markup.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from ..analysis import Claim, Contradiction, Explanation, QuantitySpread, Score, TieView, TimelineEntry
from ..analysis.metrics import GraphMetrics
from ..model import Document
from ..store.decisions import Decision
from ..store.store import ActorRecord, StoredFact
from .lookups import MentionSpan

_BLANK = re.compile(r"\n[ \t]*\n+")  # a paragraph break, as the extractor cuts paragraphs


def plain(value: Any) -> Any:
    """Any dataclass (nested in lists, tuples, dicts) as JSON-ready plain values."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, Mapping):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple | set | frozenset):
        return [plain(v) for v in value]
    return value


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of every non-blank paragraph of a text, without surrounding whitespace."""
    spans, position = [], 0
    for block in _BLANK.split(text):
        start = text.index(block, position)
        position = start + len(block)
        stripped = block.strip()
        if stripped:
            first = start + block.index(stripped)
            spans.append((first, first + len(stripped)))
    return spans


def evidence_span(text: str, start: int, evidence: str) -> tuple[int, int] | None:
    """Where a fact's evidence sits in its document: its offsets if they hold, else its first occurrence."""
    if evidence and text[start:start + len(evidence)] == evidence:
        return start, start + len(evidence)
    at = text.find(evidence) if evidence else -1
    return (at, at + len(evidence)) if at >= 0 else None


def in_paragraph(text: str, start: int, evidence: str) -> dict[str, str]:
    """The paragraph holding the evidence, cut into ``before``, ``evidence`` and ``after`` (plain text)."""
    span = evidence_span(text, start, evidence)
    if span is None:
        return {"before": "", "evidence": evidence, "after": ""}
    first, last = 0, len(text)
    for p_start, p_end in paragraph_spans(text):
        if p_start <= span[0] < p_end or (span[0] < p_start and span[1] > p_start):
            first, last = p_start, max(p_end, span[1])
            break
    return {"before": text[first:span[0]], "evidence": text[span[0]:span[1]], "after": text[span[1]:last]}


def short_id(fingerprint: str) -> str:
    """The id analysts use for a fact (as ``alliancegraph facts`` shows it)."""
    return fingerprint[:10]


def claim_dict(claim: Claim, ids: Mapping[str, int] | None = None) -> dict[str, Any]:
    """A claim with the fields a page or a JSON client needs, and links to its document and tie."""
    out: dict[str, Any] = {
        "id": short_id(claim.fingerprint),
        "row": claim.fact_id,
        "kind": claim.kind,
        "statement": claim.statement(),
        "source": claim.source,
        "relation": claim.relation,
        "target": claim.target,
        "date": claim.date,
        "time": claim.time,
        "asserted": claim.asserted,
        "speaker": claim.speaker,
        "negated": claim.negated,
        "hedged": claim.hedged,
        "confirmed": claim.confirmed,
        "origin": claim.origin,
        "support": list(claim.support),
        "role": claim.role,
        "measure": claim.measure,
        "value": claim.value,
        "approximate": claim.approximate,
        "event": claim.event,
        "actors": list(claim.actors),
        "place": claim.place,
        "evidence": claim.evidence,
        "doc_id": claim.doc_id,
        "doc_title": claim.doc_title,
        "doc_source": claim.doc_source,
        "doc_url": document_url(claim.doc_id),
        "tie_url": None,
    }
    if claim.kind == "relation" and claim.source_id is not None and claim.target_id is not None:
        out["tie_url"] = f"/ties/{claim.source_id}/{claim.target_id}?type={claim.relation}"
    return out


def document_url(doc_id: str) -> str:
    from urllib.parse import quote

    return "/documents/" + quote(doc_id, safe="")


def score_dict(score: Score) -> dict[str, Any]:
    return {"value": score.value, "parts": [plain(p) for p in score.parts], "lines": score.lines()}


def tie_view_dict(v: TieView, actor_id: int | None = None, other_id: int | None = None) -> dict[str, Any]:
    """One of an actor's ties: the other end, type, status, strength, sources and best evidence."""
    t = v.tie
    url = None
    if actor_id is not None and other_id is not None:
        a, b = (actor_id, other_id) if t.source == v.actor else (other_id, actor_id)
        url = f"/ties/{a}/{b}?type={t.relation}"
    return {
        "other": v.other,
        "other_id": other_id,
        "direction": v.direction,
        "relation": t.relation,
        "source": t.source,
        "target": t.target,
        "status": t.status,
        "reason": t.reason,
        "strength": score_dict(v.strength),
        "sources": list(t.sources),
        "support": list(t.support_kinds),
        "first": t.first_stated,
        "last": t.last_stated,
        "claims": t.claim_count,
        "best": claim_dict(v.best) if v.best else None,
        "url": url,
    }


def explanation_dict(result: Explanation) -> dict[str, Any]:
    """A pair's strength and each tie's status, strength and claims."""
    return {
        "a": result.a,
        "b": result.b,
        "as_of": result.as_of,
        "pair": score_dict(result.pair),
        "ties": [{"source": v.tie.source, "relation": v.tie.relation, "target": v.tie.target,
                  "status": v.tie.status, "reason": v.tie.reason, "sources": list(v.tie.sources),
                  "strength": score_dict(v.strength), "claims": [short_id(c.fingerprint) for c in v.tie.claims]}
                 for v in result.ties],
    }


def timeline_dict(entry: TimelineEntry) -> dict[str, Any]:
    return {"date": entry.date, "what": entry.what, "text": entry.text, "claim": claim_dict(entry.claim)}


def spread_dict(spread: QuantitySpread) -> dict[str, Any]:
    return {"actor": spread.actor, "measure": spread.measure, "low": spread.low, "high": spread.high,
            "median": spread.median, "sources": spread.sources, "claims": [claim_dict(c) for c in spread.claims]}


def contradiction_dict(c: Contradiction) -> dict[str, Any]:
    return {"kind": c.kind, "subject": c.subject, "detail": c.detail,
            "side_a": [claim_dict(x) for x in c.side_a], "side_b": [claim_dict(x) for x in c.side_b]}


def metrics_dict(m: GraphMetrics, limit: int) -> dict[str, Any]:
    return {"as_of": m.as_of, "edges": m.edges, "actors": [plain(a) for a in m.actors[:limit or None]],
            "blocs": [list(b) for b in m.blocs], "wedges": [plain(w) for w in m.wedges]}


def decision_dict(d: Decision) -> dict[str, Any]:
    facts = ("confirm", "reject", "add_fact")
    return {"id": d.id, "action": d.action, "subject": short_id(d.subject) if d.action in facts else d.subject,
            "payload": plain(d.payload), "who": d.who, "why": d.why, "made_at": d.made_at,
            "undone_by": d.undone_by}


def actor_dict(record: ActorRecord, region: str | None = None) -> dict[str, Any]:
    return {"id": record.id, "name": record.name, "type": record.type, "origin": record.origin,
            "region": region, "aliases": list(record.aliases), "merged": list(record.merged),
            "mentions": record.mentions, "url": f"/actors/{record.id}"}


def document_dict(doc: Document) -> dict[str, Any]:
    return {"id": doc.id, "title": doc.title, "date": doc.date, "source": doc.source, "author": doc.author,
            "url": doc.url, "text": doc.text, "page": document_url(doc.id)}


def stored_fact_dict(stored: StoredFact, ids: Mapping[str, int]) -> dict[str, Any]:
    """A fact of a document, with the link to its tie (relations between two known actors)."""
    from ..model import Event, Quantity, Relation

    fact = stored.fact
    tie_url = None
    if isinstance(fact, Relation):
        what = f"{fact.source} {fact.relation} {fact.target}" + (f" [{', '.join(fact.support)}]" if fact.support
                                                                  else "")
        if fact.source in ids and fact.target in ids:
            tie_url = f"/ties/{ids[fact.source]}/{ids[fact.target]}?type={fact.relation}"
        negated = fact.negated
    elif isinstance(fact, Quantity):
        what = f"{fact.actor}: {fact.measure} = {'~' if fact.approximate else ''}{fact.value:g}"
        negated = False
    else:
        assert isinstance(fact, Event)
        what = f"{fact.event}: {', '.join(fact.actors)}" + (f" @ {fact.place}" if fact.place else "")
        negated = fact.negated
    return {"id": stored.short_id, "row": stored.id, "kind": fact.kind, "statement": what,
            "negated": negated, "hedged": fact.hedged, "time": fact.time, "speaker": fact.attributed_to,
            "review": stored.review, "origin": stored.origin, "evidence": fact.evidence.text,
            "char_start": fact.evidence.char_start, "tie_url": tie_url}


def document_paragraphs(text: str, facts: Sequence[dict[str, Any]],
                        mentions: Iterable[MentionSpan]) -> list[list[dict[str, Any]]]:
    """The document cut into paragraphs of pieces; a piece is plain, inside evidence, and/or an actor mention.

    Each piece: ``text``, ``facts`` (short ids of the facts whose evidence covers it; marked when
    non-empty), ``actor_id`` (a mention's actor, or None).
    """
    spans: list[tuple[int, int, str]] = []
    for f in facts:
        found = evidence_span(text, int(f["char_start"]), str(f["evidence"]))
        if found:
            spans.append((*found, str(f["id"])))
    marks = [(m.start, m.end, m.actor_id) for m in mentions if 0 <= m.start < m.end <= len(text)]
    out = []
    for p_start, p_end in paragraph_spans(text):
        cuts = {p_start, p_end}
        cuts.update(x for s, e, _ in spans for x in (s, e) if p_start < x < p_end)
        cuts.update(x for s, e, _ in marks for x in (s, e) if p_start < x < p_end)
        points = sorted(cuts)
        pieces = []
        for lo, hi in zip(points, points[1:], strict=False):
            covering = [fid for s, e, fid in spans if s <= lo and hi <= e]
            actor = next((a for s, e, a in marks if s <= lo and hi <= e), None)
            pieces.append({"text": text[lo:hi], "facts": covering, "actor_id": actor})
        out.append(pieces)
    return out


def quantity_chart(spread: QuantitySpread, *, width: int = 480, height: int = 160,
                   pad: int = 36) -> dict[str, Any]:
    """Coordinates for an SVG chart of every estimate (date by value), one point per claim."""
    dated = [(c.date, c.value, c) for c in spread.claims if c.date and c.value is not None]
    if not dated:
        return {"width": width, "height": height, "points": [], "ticks": []}
    days = sorted({d for d, _, _ in dated})
    low, high = min(v for _, v, _ in dated), max(v for _, v, _ in dated)
    span = (high - low) or max(abs(high), 1.0)
    base = low if high != low else low - span / 2

    def x(day: str) -> float:
        if len(days) == 1:
            return width / 2
        return pad + (width - 2 * pad) * days.index(day) / (len(days) - 1)

    def y(value: float) -> float:
        return height - pad - (height - 2 * pad) * (value - base) / span

    points = [{"x": round(x(d), 1), "y": round(y(v), 1), "label": f"{d}: {v:g} ({c.speaker or c.doc_id})",
               "url": document_url(c.doc_id)} for d, v, c in dated]
    ticks = [{"x": round(x(d), 1), "label": d} for d in days]
    return {"width": width, "height": height, "points": points, "ticks": ticks,
            "low": f"{low:g}", "high": f"{high:g}", "y_low": round(y(low), 1), "y_high": round(y(high), 1)}


def local_path(target: str | None, fallback: str) -> str:
    """A redirect target only if it is a path on this site (never another host)."""
    if target and target.startswith("/") and not target.startswith("//") and "\\" not in target:
        return target
    return fallback

