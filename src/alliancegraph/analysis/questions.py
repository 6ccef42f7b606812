"""The questions analysts ask of the graph, each a plain function of a store returning dataclasses.

``ties``, ``evidence``, ``timeline``, ``changes``, ``quantities``, ``trend``
and ``explain``; the CLI (``cli/graph.py``) only formats what they return.
Actor names resolve through aliases (``ties al-Qaida`` finds al-Qaeda); an
unknown name is a :class:`~alliancegraph.errors.QueryError` naming it.
"""

from __future__ import annotations

import statistics
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Protocol

from ..errors import QueryError
from ..model import MEASURES, RELATION_TYPES
from ..store import Store
from .claims import ActorBook, Claim, as_of_day, load_claims
from .collector import collector_paused
from .strength import Score, Trend, pair_strength, reference_day, tie_strength
from .summarized import summarized_ties
from .ties import Tie, best_claim, build_ties, direction, listing_key


class BestSource(Protocol):
    """Where a summarized tie's best claim comes from: the store, read on first use (``summary.TieDetails``)."""

    def best(self, key: tuple[int, str, int]) -> Claim | None: ...


@dataclass(frozen=True, slots=True)
class TieView:
    """A tie seen from one of its actors, with its strength and its best evidence.

    A tie from the summary table reads ``best`` on first use, together with
    the best claims of every tie of the same question (one query).
    """

    actor: str
    other: str
    direction: str  # "->" the actor is the source, "<-" the target, "<->" symmetric
    tie: Tie
    strength: Score
    best_source: BestSource | None = field(default=None, compare=False, repr=False)
    _best: tuple[Claim | None, ...] = field(default=(), compare=False, repr=False)  # () until read

    @property
    def best(self) -> Claim | None:
        """The claim to quote for the tie (see :func:`ties.best_claim`)."""
        if not self._best:
            key = self.tie.raw_key
            found = self.best_source.best(key) if self.best_source and key else best_claim(self.tie)
            # a cache, not a change of value: frozen dataclasses are set this way in their own __init__
            object.__setattr__(self, "_best", (found,))
        return self._best[0]


@dataclass(frozen=True)
class TimelineEntry:
    """A dated step: an event, an estimate, or a change in a tie."""

    date: str | None
    what: str  # event, estimate, tie stated first, restated, denied, ended
    text: str
    claim: Claim


@dataclass(frozen=True)
class Change:
    """A tie that appeared, ended, became disputed, strengthened or weakened between two days."""

    tie: Tie  # as of the later day
    change: str  # appeared, ended, disputed, strengthened, weakened
    status_before: str
    status_after: str
    trend: Trend
    new_claims: tuple[Claim, ...]  # claims that came in between the two days


@dataclass(frozen=True)
class QuantitySpread:
    """Every estimate of one measure of one actor over time, and their spread."""

    actor: str
    measure: str
    claims: tuple[Claim, ...]

    @property
    def values(self) -> list[float]:
        return [c.value for c in self.claims if c.value is not None]

    @property
    def low(self) -> float:
        return min(self.values)

    @property
    def high(self) -> float:
        return max(self.values)

    @property
    def median(self) -> float:
        return float(statistics.median(self.values))

    @property
    def sources(self) -> int:
        return len({c.doc_id for c in self.claims})


@dataclass(frozen=True)
class Explanation:
    """A pair's strength and every tie between the two, each with the claims behind its numbers."""

    a: str
    b: str
    as_of: str | None
    pair: Score
    ties: tuple[TieView, ...]


def _check_relation(relation: str | None) -> None:
    if relation is not None and relation not in RELATION_TYPES:
        raise QueryError(f"unknown relation type {relation!r} (one of {', '.join(RELATION_TYPES)})")


class ActorTies(list[TieView]):
    """An actor's ties, strongest first: the first ``limit`` asked for, and how many there are in all.

    A list, so that callers that want every tie read it as before; ``total``
    and :attr:`more` tell what a limit left out, so nothing is hidden silently.
    """

    __slots__ = ("total",)

    def __init__(self, views: Iterable[TieView] = (), total: int | None = None) -> None:
        super().__init__(views)
        self.total = len(self) if total is None else total

    @property
    def more(self) -> int:
        """How many ties the limit left out."""
        return self.total - len(self)


def view(tie: Tie, actor: str, reference: str) -> TieView:
    """The tie as seen from ``actor``."""
    return _seen(tie, actor, tie_strength(tie, reference), None)


def _seen(tie: Tie, actor: str, strength: Score, best: BestSource | None) -> TieView:
    seen = direction(tie.symmetric, tie.source == actor)
    return TieView(actor, tie.other(actor), seen, tie, strength, best)


def _listed(v: TieView) -> tuple[float, str, str, str]:
    return listing_key(v.strength.value, v.other, v.tie.relation, v.direction)


def ties(store: Store, actor: str, *, as_of: str | None = None, relation: str | None = None,
         limit: int | None = None) -> ActorTies:
    """The actor's ties as of a day, strongest first, each with status, strength and its best evidence.

    ``limit`` keeps the strongest ``limit`` ties (None: all; 0: none, only the
    count); the result's ``total`` says how many there are.  Without ``as_of``
    and merges, the ties come from the ``tie_summary`` table (one row per tie,
    no claim loaded; strength parts per tie, not per claim), and only the ties
    returned are built as objects; otherwise they come from the claims
    themselves.  Both give the same statuses, numbers and order.
    """
    return _ties(store, actor, as_of, relation, limit, summarized=True)


def live_ties(store: Store, actor: str, *, as_of: str | None = None, relation: str | None = None,
              limit: int | None = None) -> ActorTies:
    """:func:`ties` computed from the claims even where the summary could answer: the reference it must equal."""
    return _ties(store, actor, as_of, relation, limit, summarized=False)


def _ties(store: Store, actor: str, as_of: str | None, relation: str | None, limit: int | None, *,
          summarized: bool) -> ActorTies:
    _check_relation(relation)
    if limit is not None and limit < 0:
        raise QueryError(f"bad limit {limit!r}: a number of ties, 0 or more (or None for all)")
    with collector_paused():
        return _actor_ties(store, actor, as_of_day(as_of), relation, limit, summarized=summarized)


def _actor_ties(store: Store, actor: str, day: str | None, relation: str | None, limit: int | None, *,
                summarized: bool) -> ActorTies:
    with store.engine.connect() as conn:
        book = ActorBook(conn)
        root, name = book.resolve(actor)
        found = summarized_ties(store.engine, conn, book, root, relation, limit) \
            if summarized and day is None else None
        if found is None:
            claims = load_claims(conn, book, actors=book.members(root), relation=relation, kinds=("relation",),
                                 as_of=day)
    if found is not None:
        shown, total = found
        return ActorTies((_seen(tie, name, strength, best) for tie, strength, best in shown), total)  # best: on use
    reference = reference_day(claims, day)
    views = sorted((view(t, name, reference) for t in build_ties(claims, day) if t.involves(name)), key=_listed)
    return ActorTies(views[:limit], len(views))


def _pair(conn_book: ActorBook, a: str, b: str) -> tuple[int, str, int, str]:
    ra, na = conn_book.resolve(a)
    rb, nb = conn_book.resolve(b)
    if ra == rb:
        raise QueryError(f"{a!r} and {b!r} are the same actor ({na})")
    return ra, na, rb, nb


def evidence(store: Store, a: str, b: str, *, as_of: str | None = None, relation: str | None = None) -> list[Claim]:
    """Every claim between two actors (relations both ways, and events naming both), in time order."""
    _check_relation(relation)
    day = as_of_day(as_of)
    with store.engine.connect() as conn:
        book = ActorBook(conn)
        ra, _, rb, _ = _pair(book, a, b)
        kinds = ("relation",) if relation else ("relation", "event")
        return load_claims(conn, book, pair=(book.members(ra), book.members(rb)), relation=relation, kinds=kinds,
                           as_of=day)


def timeline(store: Store, actor: str, other: str | None = None, *, as_of: str | None = None) -> list[TimelineEntry]:
    """Dated events, estimates and tie changes of one actor (or between two), in time order."""
    day = as_of_day(as_of)
    with store.engine.connect() as conn:
        book = ActorBook(conn)
        if other is None:
            root, _ = book.resolve(actor)
            claims = load_claims(conn, book, actors=book.members(root), as_of=day)
        else:
            ra, _, rb, _ = _pair(book, actor, other)
            claims = load_claims(conn, book, pair=(book.members(ra), book.members(rb)), as_of=day)
    entries: list[TimelineEntry] = []
    for claim in claims:
        if claim.kind == "event":
            entries.append(TimelineEntry(claim.date, "event", claim.statement(), claim))
        elif claim.kind == "quantity":
            entries.append(TimelineEntry(claim.date, "estimate", claim.statement(), claim))
    for tie in build_ties(claims, day):
        for i, claim in enumerate(tie.claims):
            what = "denied" if claim.negated else "tie stated first" if i == 0 else "restated"
            entries.append(TimelineEntry(claim.date, what, claim.statement(), claim))
            if claim.explicit_end and not claim.negated:
                entries.append(TimelineEntry(claim.time_end, "ended", f"{claim.statement()} (stated end)", claim))
    return sorted(entries, key=lambda e: (e.date or "9999", e.claim.sort_key(), e.what))


def _ties_at(claims: list[Claim], day: str) -> dict[tuple[str, str, str], Tie]:
    known = [c for c in claims if (c.asserted is None or c.asserted <= day)
             and (c.time_start is None or c.time_start <= day)]
    return {t.key: t for t in build_ties(known, day)}


def changes(store: Store, date_from: str, date_to: str, *, actor: str | None = None) -> list[Change]:
    """Ties that appeared, ended, became disputed, strengthened or weakened between two days.

    Only ties whose status changed or that gained claims in between are listed:
    the mere ageing of old claims (recency) is not a change.
    """
    d1, d2 = as_of_day(date_from), as_of_day(date_to)
    assert d1 is not None and d2 is not None
    if d2 < d1:
        raise QueryError(f"--to {date_to!r} is before --from {date_from!r}")
    with store.engine.connect() as conn:
        book = ActorBook(conn)
        ids = book.members(book.resolve(actor)[0]) if actor else None
        claims = load_claims(conn, book, actors=ids, kinds=("relation",), as_of=d2)
    before, after = _ties_at(claims, d1), _ties_at(claims, d2)
    out = []
    for key, tie in after.items():
        old = before.get(key)
        known = {c.fact_id for c in old.claims} if old else set()
        new_claims = tuple(c for c in tie.claims if c.fact_id not in known)
        old_status = old.status if old else "unknown"
        if not new_claims and old_status == tie.status:
            continue
        empty = Score(0.0, ())
        trend = Trend(tie_strength(old, d1) if old else empty, tie_strength(tie, d2))
        if old_status in ("unknown", "ended") and tie.status == "active":
            change = "appeared"
        elif tie.status == "ended" and old_status != "ended":
            change = "ended"
        elif tie.status == "disputed" and old_status != "disputed":
            change = "disputed"
        elif trend.delta > 0:
            change = "strengthened"
        elif trend.delta < 0:
            change = "weakened"
        else:
            continue
        out.append(Change(tie, change, old_status, tie.status, trend, new_claims))
    order = ["appeared", "ended", "disputed", "strengthened", "weakened"]
    return sorted(out, key=lambda c: (order.index(c.change), -abs(c.trend.delta), c.tie.key))


def quantities(store: Store, actor: str, *, measure: str | None = None,
               as_of: str | None = None) -> list[QuantitySpread]:
    """Every estimate of the actor's measures (or one measure) over time, with its source."""
    if measure is not None and measure not in MEASURES:
        raise QueryError(f"unknown measure {measure!r} (one of {', '.join(MEASURES)})")
    day = as_of_day(as_of)
    with store.engine.connect() as conn:
        book = ActorBook(conn)
        root, name = book.resolve(actor)
        claims = load_claims(conn, book, actors=book.members(root), kinds=("quantity",), measure=measure, as_of=day)
    by_measure: dict[str, list[Claim]] = {}
    for c in claims:
        if c.source == name and c.measure:
            by_measure.setdefault(c.measure, []).append(c)
    return [QuantitySpread(name, m, tuple(cs)) for m, cs in sorted(by_measure.items())]


def trend(store: Store, a: str, b: str, date_from: str, date_to: str) -> Trend:
    """How the pair's strength moved between two days (positive: closer)."""
    d1, d2 = as_of_day(date_from), as_of_day(date_to)
    assert d1 is not None and d2 is not None
    with store.engine.connect() as conn:
        book = ActorBook(conn)
        ra, _, rb, _ = _pair(book, a, b)
        claims = load_claims(conn, book, pair=(book.members(ra), book.members(rb)), kinds=("relation",), as_of=d2)
    return Trend(pair_strength(_ties_at(claims, d1).values(), d1), pair_strength(_ties_at(claims, d2).values(), d2))


def explain(store: Store, a: str, b: str, *, relation: str | None = None, as_of: str | None = None) -> Explanation:
    """The pair's strength, and each tie's status, strength and corroboration expanded into its claims."""
    _check_relation(relation)
    day = as_of_day(as_of)
    with store.engine.connect() as conn:
        book = ActorBook(conn)
        ra, na, rb, nb = _pair(book, a, b)
        claims = load_claims(conn, book, pair=(book.members(ra), book.members(rb)), relation=relation,
                             kinds=("relation",), as_of=day)
    reference = reference_day(claims, day)
    found = build_ties(claims, day)
    views = tuple(view(t, na, reference) for t in found)
    return Explanation(na, nb, day, pair_strength(found, reference), views)
