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

import json
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from functools import partial
from itertools import groupby
from typing import Any

from sqlalchemy import Connection, Engine, and_, case, delete, insert, or_

from ..model import SYMMETRIC_RELATIONS
from ..store import schema
from ..store.summary import RawKey, raw_key
from .claims import FAR_FUTURE, ActorBook, Claim, claim_from_row, claim_query, load_claims
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
from .ties import Tie, TieSummary, best_claim, build_ties, status_of

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
                support=json.dumps(summary.support_kinds), first_stated=summary.first_stated,
                last_stated=summary.last_stated, best_fact_id=best, latest_asserted=max(asserted) if asserted else None,
                latest_start=max(starts) if starts else None, anchor=anchor, late=json.dumps(late), **sums)


def best_claim_of(claims: Sequence[Claim]) -> int:
    """The fact id of the claim :func:`ties.best_claim` quotes for a tie of these claims."""
    tie = Tie.of("", "", "", tuple(claims), "", "", None)
    best = best_claim(tie)
    assert best is not None  # a row has at least one claim
    return best.fact_id


def strength_sums(row: Mapping[str, Any], reference: str) -> tuple[float, float] | None:
    """A row's affirmed and denied sums as of the reference day; None when only the live path can tell.

    That is when the reference day is before the row's anchor (a question whose
    reference day is its actor's latest document date never is) or is not a date.
    """
    factor = 1.0
    if row["anchor"] is not None:
        if reference < row["anchor"]:
            return None
        age = years_between(row["anchor"], reference)
        if age is None:
            return None
        factor = decay(age)
    affirmed = row["affirmed_closed"] * factor + row["affirmed_open"]
    denied = row["denied_closed"] * factor + row["denied_open"]
    for end, share, negated in json.loads(row["late"]):
        r = decay(years_between(min(end, reference), reference))
        if negated:
            denied += share * r
        else:
            affirmed += share * r
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
        query = query.where(or_(*(
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
        conn.execute(delete(t).where(or_(*(and_(t.c.source_id == a, t.c.relation == rel, t.c.target_id == b)
                                           for a, rel, b in chunk))))
        rows = [summary_row(key, claims) for key, claims in _raw_claims(conn.execute(_relation_facts(chunk)))]
        if rows:
            conn.execute(insert(t), rows)
        written += len(rows)
    return written


# -- reading an actor's ties ---------------------------------------------------


class ActorClaims:
    """The claims of one actor's summarized ties, read together the first time any tie's are asked for.

    So listing every claim of a hub's ties costs one query, as the live path
    does; a write between the question and that first use shows in the claims.
    """

    def __init__(self, engine: Engine, actor: int, relation: str | None) -> None:
        self._engine, self._actor, self._relation = engine, actor, relation
        self._by_key: dict[RawKey, tuple[Claim, ...]] | None = None

    def of(self, key: RawKey) -> tuple[Claim, ...]:
        """The claims of one raw tie of the actor, in time order."""
        if self._by_key is None:
            with self._engine.connect() as conn:
                book = ActorBook(conn)
                rows = conn.execute(_relation_facts(actor=self._actor, relation=self._relation)).all()
                names = book.names({i for r in rows for i in (r[0], r[2])})
                self._by_key = {k: tuple(sorted(cs, key=Claim.sort_key))
                                for k, cs in _raw_claims(rows, names, book.root)}
        return self._by_key.get(key, ())


def summarized_ties(engine: Engine, conn: Connection, book: ActorBook, root: int,
                    relation: str | None) -> list[tuple[Tie, Score, Claim | None]] | None:
    """An actor's ties now (no as-of day) from the summary table, each with its strength and best claim.

    None when merges are involved (the actor's or a counterpart's): the table
    holds ties as stored, so only the live path reads them through merges.
    """
    merged = book.merged()
    if root in merged:
        return None
    t, f = schema.tie_summary, schema.facts
    fields = list(t.c.keys())
    query = (claim_query(*(c.label(f"summary_{c.name}") for c in t.c), facts=t.join(f, f.c.id == t.c.best_fact_id))
             .where(or_(t.c.source_id == root, t.c.target_id == root)))
    if relation is not None:
        query = query.where(t.c.relation == relation)
    rows = [(dict(zip(fields, r[:len(fields)], strict=True)), r[len(fields):]) for r in conn.execute(query)]
    if any(s["source_id"] in merged or s["target_id"] in merged for s, _ in rows):
        return None
    # the reference day of the live path: the latest document date (else valid-time start) of the claims
    asserted = [s["latest_asserted"] for s, _ in rows if s["latest_asserted"]]
    starts = [s["latest_start"] for s, _ in rows if s["latest_start"]]
    reference = full_day(max(asserted or starts)) if asserted or starts else "1970-01-01"
    names = book.names({i for s, _ in rows for i in (s["source_id"], s["target_id"])})
    claims = ActorClaims(engine, root, relation)
    out = []
    for s, best in rows:
        if s["source_id"] == s["target_id"]:
            continue  # a tie of an actor with itself is not one (build_ties leaves it out)
        key: RawKey = (s["source_id"], s["relation"], s["target_id"])
        sums = strength_sums(s, reference)
        if sums is None:
            out.append(_live(conn, book, key, reference))
            continue
        source, target = names[key[0]], names[key[2]]
        symmetric = key[1] in SYMMETRIC_RELATIONS
        if symmetric and target < source:
            source, target = target, source
        summary = TieSummary(s["affirmed"], s["negated"], tuple(json.loads(s["sources"])),
                             tuple(json.loads(s["support"])), s["first_stated"], s["last_stated"])
        tie = Tie(source, key[1], target, symmetric, s["status"], s["reason"], None, summary,
                  partial(claims.of, key))
        out.append((tie, _score(summary, *sums), claim_from_row(best, names, book.root)))
    return out


def _score(summary: TieSummary, affirmed: float, denied: float) -> Score:
    """A summarized tie's strength, its parts per tie: the claims' sum, corroboration, denials."""
    n = len(summary.sources)
    parts = [Part(f"{summary.affirmed} affirmed claim(s) in {n} document(s)", round(affirmed, 2))]
    if n > 1:
        parts.append(corroboration(affirmed, n))
    if summary.negated:
        parts.append(Part(f"{summary.negated} denial(s)", -round(denied, 2)))
    return Score(combine(affirmed, n, denied), tuple(parts))


def _live(conn: Connection, book: ActorBook, key: RawKey, reference: str) -> tuple[Tie, Score, Claim | None]:
    """One tie computed from its claims, for a row the summary cannot finish for the reference day."""
    a, relation, b = key
    claims = load_claims(conn, book, pair=({a}, {b}), relation=relation, kinds=("relation",))
    names = book.names({a, b})
    source, target = names[a], names[b]
    if relation in SYMMETRIC_RELATIONS and target < source:
        source, target = target, source
    tie = next(t for t in build_ties(claims) if t.key == (source, relation, target))
    return tie, tie_strength(tie, reference), best_claim(tie)
