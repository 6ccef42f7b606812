"""The ``tie_summary`` table: each stored tie's status, corroboration and strength terms, kept current.

``ties`` without ``--as-of`` reads an actor's ties from this table instead of
loading every claim (``questions.ties``; see ``docs/analysis.md``).  A row is
a *raw* tie: the facts of one relation type between two actor ids as stored,
not read through merges; a symmetric type keys its row by the smaller id
first.  Rejected facts never count.  Every row is computed from its claims by
the live functions (:func:`ties.status_of`, :func:`strength.ranked_shares`),
which stay the reference: the table must always equal them.

Strength is kept in a form any reference day can finish.  A claim's share
before recency is ``a = W x K x H x C x I / rank``; its recency ``R`` is 1 for
a claim with no end (0.5 undated) and ``0.5 ** (age / 5 years)`` otherwise.
The row's *anchor* is its latest document date (read at its first day): the
shares of claims ending on or before it are summed already aged to the
anchor (``closed``), so on a reference day ``ref >= anchor`` they only need
``x 0.5 ** ((ref - anchor) / 5 years)``; shares with no end are summed as
they are (``open``); the few claims ending after the anchor are kept one by
one (``late``) and aged on reading, exactly as the live path does.
"""

from __future__ import annotations

import heapq
import json
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from itertools import groupby
from typing import Any

from sqlalchemy import Connection, Engine, and_, case, delete, false, insert, or_, select

from ..model import SYMMETRIC_RELATIONS
from ..store import schema
from ..store.summary import RawKey, raw_key
from .claims import FAR_FUTURE, ActorBook, Claim, claim_from_row, claim_query, load_claims
from .collector import collector_paused
from .strength import (
    UNDATED_RECENCY,
    Part,
    Score,
    combine,
    corroboration,
    decay,
    full_day,
    ranked_shares,
    tie_strength,
    undated,
    years_between,
)
from .ties import Tie, TieSummary, best_claim, build_ties, direction, listing_key, status_of

_CHUNK = 200  # keys refreshed per query (3 parameters each)
_BATCH = 2_000  # rows inserted at once by a full rebuild
_STREAM = 10_000  # fact rows fetched at once by a full rebuild


def _is_day(day: str) -> bool:
    return years_between(day, day) is not None


def summary_row(key: RawKey, claims: Sequence[Claim]) -> dict[str, Any]:
    """The ``tie_summary`` row of one raw tie, computed from its claims with the live functions."""
    claims = sorted(claims, key=Claim.sort_key)
    status, reason = status_of(tuple(claims), None)
    summary = TieSummary.of(claims)
    asserted = [c.asserted for c in claims if c.asserted]
    starts = [c.time_start for c in claims if c.time_start]
    anchor = full_day(max(asserted)) if asserted else None
    if anchor is not None and not _is_day(anchor):
        anchor = None
    sums = {"affirmed_closed": 0.0, "affirmed_open": 0.0, "denied_closed": 0.0, "denied_open": 0.0}
    late: list[tuple[str, float, int]] = []
    # affirmed claims and denials are ranked apart, as tie_strength sums them apart
    shares = [*ranked_shares(c for c in claims if not c.negated), *ranked_shares(c for c in claims if c.negated)]
    for claim, share, _ in shares:
        side = "denied" if claim.negated else "affirmed"
        end = claim.interval()[1]
        if undated(claim):
            sums[f"{side}_open"] += share * UNDATED_RECENCY
        elif end == FAR_FUTURE or not _is_day(end):
            sums[f"{side}_open"] += share  # recency 1 on any day (the live path ages to the day itself)
        elif anchor is not None and end <= anchor:
            sums[f"{side}_closed"] += share * decay(years_between(end, anchor))
        else:
            late.append((end, share, int(claim.negated)))
    best = best_claim_of(claims)
    source_id, relation, target_id = key
    return dict(source_id=source_id, relation=relation, target_id=target_id, status=status, reason=reason,
                affirmed=summary.affirmed, negated=summary.negated, sources=json.dumps(summary.sources),
                documents=len(summary.sources),
                support=json.dumps(summary.support_kinds), first_stated=summary.first_stated,
                last_stated=summary.last_stated, best_fact_id=best, latest_asserted=max(asserted) if asserted else None,
                latest_start=max(starts) if starts else None, anchor=anchor, late=json.dumps(late), **sums)


def best_claim_of(claims: Sequence[Claim]) -> int:
    """The fact id of the claim :func:`ties.best_claim` quotes for a tie of these claims."""
    tie = Tie.of("", "", "", tuple(claims), "", "", None)
    best = best_claim(tie)
    assert best is not None  # a row has at least one claim
    return best.fact_id


def strength_sums(anchor: str | None, affirmed_closed: float, affirmed_open: float, denied_closed: float,
                  denied_open: float, late: str, reference: str,
                  factors: dict[str, float] | None = None) -> tuple[float, float] | None:
    """A row's affirmed and denied sums (its strength terms, in table order) as of the reference day.

    None when only the live path can tell: the reference day is before the
    row's anchor (a question whose reference day is its actor's latest document
    date never is) or is not a date.  ``factors`` caches the recency from each
    day to the reference day, for the many rows of one question.
    """
    factors = {} if factors is None else factors
    factor = 1.0
    if anchor is not None:
        if reference < anchor:
            return None
        if anchor not in factors:
            age = years_between(anchor, reference)
            if age is None:
                return None
            factors[anchor] = decay(age)
        factor = factors[anchor]
    affirmed = affirmed_closed * factor + affirmed_open
    denied = denied_closed * factor + denied_open
    if late != "[]":
        for end, share, negated in json.loads(late):
            if end not in factors:  # as the live path ages a claim: from its end, or the day if later
                factors[end] = decay(years_between(min(end, reference), reference))
            if negated:
                denied += share * factors[end]
            else:
                affirmed += share * factors[end]
    return affirmed, denied


# -- keeping the table current -------------------------------------------------


def _key_column() -> Any:
    f = schema.facts
    return case((and_(f.c.relation.in_(sorted(SYMMETRIC_RELATIONS)), f.c.target_id < f.c.source_id), f.c.target_id),
                else_=f.c.source_id)


def _other_column() -> Any:
    f = schema.facts
    return case((and_(f.c.relation.in_(sorted(SYMMETRIC_RELATIONS)), f.c.target_id < f.c.source_id), f.c.source_id),
                else_=f.c.target_id)


def _same(actor_id: int) -> int:
    return actor_id


def _raw_claims(rows: Iterable[Any], names: Mapping[int, str] | None = None,
                root: Callable[[int], int] = _same) -> Iterator[tuple[RawKey, list[Claim]]]:
    """Rows of :func:`_relation_facts` (ordered by raw key) as claims grouped per raw tie.

    Refreshing reads raw ids and needs no names: merges do not apply to the table.
    """
    for key, group in groupby(rows, key=lambda r: (int(r[0]), str(r[1]), int(r[2]))):
        yield key, [claim_from_row(r[3:], names or {}, root) for r in group]


def _relation_facts(keys: Sequence[RawKey] | None = None, *, actor: int | None = None,
                    relation: str | None = None) -> Any:
    """Relation claims ordered by raw key: all, those of some raw ties, or those of one actor (and type)."""
    f = schema.facts
    query = claim_query(_key_column(), f.c.relation, _other_column()).where(
        f.c.kind == "relation", f.c.source_id.is_not(None), f.c.target_id.is_not(None), f.c.relation.is_not(None))
    if keys is not None:
        query = query.where(or_(false(), *(
            and_(f.c.relation == rel, or_(and_(f.c.source_id == a, f.c.target_id == b),
                                          and_(f.c.source_id == b, f.c.target_id == a)))
            if rel in SYMMETRIC_RELATIONS else and_(f.c.relation == rel, f.c.source_id == a, f.c.target_id == b)
            for a, rel, b in keys)))
    if actor is not None:
        query = query.where(or_(f.c.source_id == actor, f.c.target_id == actor))
    if relation is not None:
        query = query.where(f.c.relation == relation)
    return query.order_by(_key_column(), f.c.relation, _other_column(), f.c.id)


def refresh(conn: Connection, keys: Iterable[RawKey] | None = None) -> int:
    """Recompute the rows of these raw ties (None: rebuild the whole table); return the rows written.

    Call it in the transaction of the write that changed the ties, after the write.
    A full rebuild streams the facts in key order, so one tie's claims are in memory at a time.
    """
    t = schema.tie_summary
    written = 0
    if keys is None:
        conn.execute(delete(t))
        batch: list[dict[str, Any]] = []
        result = conn.execute(_relation_facts(None).execution_options(yield_per=_STREAM))
        with result:  # closed even if a row fails, so that the transaction can end
            for key, claims in _raw_claims(result):
                batch.append(summary_row(key, claims))
                if len(batch) == _BATCH:
                    conn.execute(insert(t), batch)
                    written, batch = written + len(batch), []
        if batch:
            conn.execute(insert(t), batch)
        return written + len(batch)
    wanted = sorted({raw_key(*k) for k in keys})
    for lo in range(0, len(wanted), _CHUNK):
        chunk = wanted[lo:lo + _CHUNK]
        conn.execute(delete(t).where(_rows_of(chunk)))
        rows = [summary_row(key, claims) for key, claims in _raw_claims(conn.execute(_relation_facts(chunk)))]
        if rows:
            conn.execute(insert(t), rows)
        written += len(rows)
    return written


# -- reading an actor's ties ---------------------------------------------------


class TieDetails:
    """The claims, and the best claims, of one actor's summarized ties: each read in one query on first use.

    So listing every claim (or best claim) of a hub's ties costs one query, not
    one per tie; a write between the question and that first use shows in them.
    Given ``keys`` (the few ties a limit kept), only their claims are read, not
    those of every tie of the actor.
    """

    def __init__(self, engine: Engine, actor: int, relation: str | None,
                 keys: Sequence[RawKey] | None = None) -> None:
        self._engine, self._actor, self._relation = engine, actor, relation
        # a long list of keys is slower to ask for than the actor's ties (and could pass the parameter limit)
        self._keys = list(keys) if keys is not None and len(keys) <= _CHUNK else None
        self._claims: dict[RawKey, tuple[Claim, ...]] | None = None
        self._best: dict[RawKey, Claim] | None = None

    def claims(self, key: RawKey) -> tuple[Claim, ...]:
        """The claims of one raw tie of the actor, in time order."""
        if self._claims is None:
            query = _relation_facts(self._keys) if self._keys is not None else \
                _relation_facts(actor=self._actor, relation=self._relation)
            with self._engine.connect() as conn, collector_paused():
                book = ActorBook(conn)
                rows = conn.execute(query).all()
                names = book.names({i for r in rows for i in (r[0], r[2])})
                self._claims = {k: tuple(sorted(cs, key=Claim.sort_key))
                                for k, cs in _raw_claims(rows, names, book.root)}
        return self._claims.get(key, ())

    def best(self, key: RawKey) -> Claim | None:
        """The claim to quote for one raw tie of the actor (:func:`ties.best_claim` of its claims)."""
        if self._best is None:
            t, f = schema.tie_summary, schema.facts
            query = claim_query(t.c.source_id, t.c.relation, t.c.target_id,
                                facts=t.join(f, f.c.id == t.c.best_fact_id))
            if self._keys is not None:
                query = query.where(_rows_of(self._keys))
            else:
                query = query.where(or_(t.c.source_id == self._actor, t.c.target_id == self._actor))
                if self._relation is not None:
                    query = query.where(t.c.relation == self._relation)
            with self._engine.connect() as conn, collector_paused():
                book = ActorBook(conn)
                rows = conn.execute(query).all()
                names = book.names({i for r in rows for i in (r[0], r[2])})
                self._best = {(r[0], r[1], r[2]): claim_from_row(r[3:], names, book.root) for r in rows}
        return self._best.get(key)


def _rows_of(keys: Sequence[RawKey]) -> Any:
    """The condition that picks these raw ties' rows of the ``tie_summary`` table."""
    t = schema.tie_summary
    return or_(false(), *(and_(t.c.source_id == a, t.c.relation == rel, t.c.target_id == b) for a, rel, b in keys))


# what ranking needs, read for every tie of the actor; and what only a tie that is shown needs
_RANK = ("source_id", "relation", "target_id", "latest_asserted", "latest_start", "documents", "anchor",
         "affirmed_closed", "affirmed_open", "denied_closed", "denied_open", "late")
_SHOWN = ("status", "reason", "affirmed", "negated", "sources", "support", "first_stated", "last_stated")

SummarizedTie = tuple[Tie, Score, TieDetails | None]  # a tie, its strength, where its details come from


def summarized_ties(engine: Engine, conn: Connection, book: ActorBook, root: int, relation: str | None,
                    limit: int | None = None) -> tuple[list[SummarizedTie], int] | None:
    """An actor's ties now (no as-of day) from the summary table, in listing order, and how many there are.

    Each comes with its strength and best-claim source; only the first
    ``limit`` are returned (None: all).  Every row's strength is computed from
    plain numbers; names are read, and ``Tie`` and ``Score`` objects built,
    only for the ties that can be shown.  None when merges are involved (the
    actor's or a counterpart's): the table holds ties as stored, so only the
    live path reads them through merges.
    """
    return _summarized_ties(engine, conn, book, root, relation, limit, few=limit is not None and limit <= _CHUNK)


def _summarized_ties(engine: Engine, conn: Connection, book: ActorBook, root: int, relation: str | None,
                     limit: int | None, *, few: bool) -> tuple[list[SummarizedTie], int] | None:
    """:func:`summarized_ties`; ``few``: rank on the ranking columns, then read the rest of the shown rows."""
    merged = book.merged()
    if root in merged:
        return None
    t = schema.tie_summary
    query = select(*(t.c[name] for name in (_RANK if few else _RANK + _SHOWN))).where(
        or_(t.c.source_id == root, t.c.target_id == root))
    if relation is not None:
        query = query.where(t.c.relation == relation)
    rows = conn.execute(query).all()
    if merged and any(r[0] in merged or r[2] in merged for r in rows):
        return None
    # the reference day of the live path: the latest document date (else valid-time start) of the claims
    asserted = [r[3] for r in rows if r[3]]
    starts = [r[4] for r in rows if r[4]]
    reference = full_day(max(asserted or starts)) if asserted or starts else "1970-01-01"
    if not _is_day(reference):
        return None  # a malformed document date: only the live path ages claims to it as it does
    factors: dict[str, float] = {}
    sums: dict[int, tuple[float, float]] = {}
    live: dict[int, SummarizedTie] = {}
    values: list[tuple[float, int]] = []  # (strength, row index): all that ranking needs besides names
    for i, r in enumerate(rows):
        if r[0] == r[2]:
            continue  # a tie of an actor with itself is not one (build_ties leaves it out)
        found = strength_sums(r[6], r[7], r[8], r[9], r[10], r[11], reference, factors)
        if found is None:
            live[i] = _live(conn, book, (r[0], r[1], r[2]), reference)
            values.append((live[i][1].value, i))
        else:
            sums[i] = found
            values.append((combine(found[0], r[5], found[1]), i))
    total = len(values)
    if limit is not None and limit < total:
        # only ties at least as strong as the limit-th can be shown: names break ties in strength among them
        floor = heapq.nlargest(limit, (v for v, _ in values))[-1] if limit else float("inf")
        values = [(v, i) for v, i in values if v >= floor]
    names = book.names({rows[i][k] for _, i in values for k in (0, 2)})
    shown = [i for _, i in sorted((_listing(rows[i], v, names, root), i) for v, i in values)][:limit]
    keys: list[RawKey] = [(rows[i][0], rows[i][1], rows[i][2]) for i in shown]
    full = {i: rows[i] for i in shown}
    if few and shown:
        read = {(r[0], r[1], r[2]): r for r in conn.execute(
            select(*(t.c[name] for name in _RANK + _SHOWN)).where(_rows_of(keys)))}
        if any(k not in read or tuple(read[k][:len(_RANK)]) != tuple(rows[i]) for k, i in zip(keys, shown,
                                                                                           strict=True)):
            # a write came between the two reads: read every column at once instead
            return _summarized_ties(engine, conn, book, root, relation, limit, few=False)
        full = {i: read[k] for k, i in zip(keys, shown, strict=True)}
    details = TieDetails(engine, root, relation, keys if few else None)
    labels: dict[tuple[int, int], str] = {}
    out = [live[i] if i in live else _summarized(full[i], names, sums[i], details, labels) for i in shown]
    return out, total


def _listing(row: Any, strength: float, names: Mapping[int, str], root: int) -> tuple[float, str, str, str]:
    """Where a summary row's tie is listed among the ties of the actor ``root`` (:func:`ties.listing_key`)."""
    source_id, rel, target_id = row[0], row[1], row[2]
    other = names[target_id] if source_id == root else names[source_id]
    return listing_key(strength, other, rel, direction(rel in SYMMETRIC_RELATIONS, source_id == root))


def _summarized(row: Any, names: Mapping[int, str], sums: tuple[float, float], details: TieDetails,
                labels: dict[tuple[int, int], str]) -> SummarizedTie:
    """The tie, strength and details of one summary row (its ``_RANK`` then ``_SHOWN`` columns)."""
    source_id, rel, target_id = row[0], row[1], row[2]
    status, reason, affirmed, negated, sources, support, first, last = row[len(_RANK):]
    source, target = names[source_id], names[target_id]
    symmetric = rel in SYMMETRIC_RELATIONS
    if symmetric and target < source:
        source, target = target, source
    summary = TieSummary(affirmed, negated, tuple(json.loads(sources)),
                         tuple(json.loads(support)) if support != "[]" else (), first, last)
    tie = Tie(source, rel, target, symmetric, status, reason, None, summary, details, (source_id, rel, target_id))
    return tie, _score(summary, *sums, labels), details


def _score(summary: TieSummary, affirmed: float, denied: float, labels: dict[tuple[int, int], str]) -> Score:
    """A summarized tie's strength, its parts per tie: the claims' sum, corroboration, denials.

    ``labels`` caches the first part's label, which many ties of one actor share.
    """
    n = len(summary.sources)
    label = labels.get((summary.affirmed, n))
    if label is None:
        label = labels[summary.affirmed, n] = f"{summary.affirmed} affirmed claim(s) in {n} document(s)"
    parts = [Part(label, round(affirmed, 2))]
    if n > 1:
        parts.append(corroboration(affirmed, n))
    if summary.negated:
        parts.append(Part(f"{summary.negated} denial(s)", -round(denied, 2)))
    return Score(combine(affirmed, n, denied), tuple(parts))


def _live(conn: Connection, book: ActorBook, key: RawKey, reference: str) -> SummarizedTie:
    """One tie computed from its claims, for a row the summary cannot finish for the reference day."""
    a, relation, b = key
    claims = load_claims(conn, book, pair=({a}, {b}), relation=relation, kinds=("relation",))
    names = book.names({a, b})
    source, target = names[a], names[b]
    if relation in SYMMETRIC_RELATIONS and target < source:
        source, target = target, source
    tie = next(t for t in build_ties(claims) if t.key == (source, relation, target))
    return tie, tie_strength(tie, reference), None
