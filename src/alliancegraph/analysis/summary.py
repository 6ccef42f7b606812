"""The ``tie_summary`` table: each stored tie's status, corroboration and strength terms, kept current.

``ties`` without ``--as-of`` reads an actor's ties from this table instead
of loading every claim (``analysis/summarized.py``; see ``docs/analysis.md``).
A row is a *raw* tie: the facts of one relation type between two actor ids as
stored, not read through merges; a symmetric type keys its row by the smaller
id first.  Rejected facts never count.  Every row is computed from its claims by
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
from itertools import groupby
from typing import Any

from sqlalchemy import Connection, and_, case, delete, false, insert, or_

from ..model import SYMMETRIC_RELATIONS
from ..store import schema
from ..store.summary import RawKey, raw_key
from .claims import FAR_FUTURE, Claim, claim_from_row, claim_query
from .strength import UNDATED_RECENCY, decay, full_day, ranked_shares, undated, years_between
from .ties import Tie, TieSummary, best_claim, status_of

_CHUNK = 200  # keys refreshed per query (3 parameters each)
_BATCH = 2_000  # rows inserted at once by a full rebuild
_STREAM = 10_000  # fact rows fetched at once by a full rebuild


def is_day(day: str) -> bool:
    """Whether a text is a day recency can be measured from (a full or partial date)."""
    return years_between(day, day) is not None


def summary_row(key: RawKey, claims: Sequence[Claim]) -> dict[str, Any]:
    """The ``tie_summary`` row of one raw tie, computed from its claims with the live functions."""
    claims = sorted(claims, key=Claim.sort_key)
    status, reason = status_of(tuple(claims), None)
    summary = TieSummary.of(claims)
    asserted = [c.asserted for c in claims if c.asserted]
    starts = [c.time_start for c in claims if c.time_start]
    anchor = full_day(max(asserted)) if asserted else None
    if anchor is not None and not is_day(anchor):
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
        elif end == FAR_FUTURE or not is_day(end):
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


def raw_claims(rows: Iterable[Any], names: Mapping[int, str] | None = None,
               root: Callable[[int], int] = _same) -> Iterator[tuple[RawKey, list[Claim]]]:
    """Rows of :func:`_relation_facts` (ordered by raw key) as claims grouped per raw tie.

    Refreshing reads raw ids and needs no names: merges do not apply to the table.
    """
    for key, group in groupby(rows, key=lambda r: (int(r[0]), str(r[1]), int(r[2]))):
        yield key, [claim_from_row(r[3:], names or {}, root) for r in group]


def relation_facts(keys: Sequence[RawKey] | None = None, *, actor: int | None = None,
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
        result = conn.execute(relation_facts(None).execution_options(yield_per=_STREAM))
        with result:  # closed even if a row fails, so that the transaction can end
            for key, claims in raw_claims(result):
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
        conn.execute(delete(t).where(rows_of(chunk)))
        rows = [summary_row(key, claims) for key, claims in raw_claims(conn.execute(relation_facts(chunk)))]
        if rows:
            conn.execute(insert(t), rows)
        written += len(rows)
    return written


def rows_of(keys: Sequence[RawKey]) -> Any:
    """The condition that picks these raw ties' rows of the ``tie_summary`` table."""
    t = schema.tie_summary
    return or_(false(), *(and_(t.c.source_id == a, t.c.relation == rel, t.c.target_id == b) for a, rel, b in keys))
