"""An actor's ties now, read from the ``tie_summary`` table: ranked from plain numbers, built only when shown.

``questions.ties`` without ``--as-of`` reads them here (``docs/analysis.md``,
Speed).  Every row's strength is computed from its strength terms
(:func:`summary.strength_sums`) in a loop over the row tuples; only the ties a
limit keeps are read in full and built as ``Tie``, ``Score`` and views.  Their
claims and best claims are read on first use (:class:`TieDetails`).
"""

from __future__ import annotations

import heapq
import json
from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy import Connection, Engine, or_, select

from ..model import SYMMETRIC_RELATIONS
from ..store import schema
from ..store.summary import RawKey
from .claims import ActorBook, Claim, claim_from_row, claim_query, load_claims
from .collector import collector_paused
from .strength import Part, Score, combine, corroboration, full_day, tie_strength
from .summary import is_day, raw_claims, relation_facts, rows_of, strength_sums
from .ties import Tie, TieSummary, build_ties, direction, listing_key

_FEW = 200  # a limit up to this ranks on the ranking columns, then reads the rows kept by key (3 parameters each)


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
        self._keys = list(keys) if keys is not None and len(keys) <= _FEW else None
        self._claims: dict[RawKey, tuple[Claim, ...]] | None = None
        self._best: dict[RawKey, Claim] | None = None

    def claims(self, key: RawKey) -> tuple[Claim, ...]:
        """The claims of one raw tie of the actor, in time order."""
        if self._claims is None:
            query = relation_facts(self._keys) if self._keys is not None else \
                relation_facts(actor=self._actor, relation=self._relation)
            with self._engine.connect() as conn, collector_paused():
                book = ActorBook(conn)
                rows = conn.execute(query).all()
                names = book.names({i for r in rows for i in (r[0], r[2])})
                self._claims = {k: tuple(sorted(cs, key=Claim.sort_key))
                                for k, cs in raw_claims(rows, names, book.root)}
        return self._claims.get(key, ())

    def best(self, key: RawKey) -> Claim | None:
        """The claim to quote for one raw tie of the actor (:func:`ties.best_claim` of its claims)."""
        if self._best is None:
            t, f = schema.tie_summary, schema.facts
            query = claim_query(t.c.source_id, t.c.relation, t.c.target_id,
                                facts=t.join(f, f.c.id == t.c.best_fact_id))
            if self._keys is not None:
                query = query.where(rows_of(self._keys))
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
    return _summarized_ties(engine, conn, book, root, relation, limit, few=limit is not None and limit <= _FEW)


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
    if not is_day(reference):
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
            select(*(t.c[name] for name in _RANK + _SHOWN)).where(rows_of(keys)))}
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
