"""Claims: stored facts as the graph reads them, loaded with their filters pushed into SQL.

A :class:`Claim` is one fact with what an analyst needs to weigh it: its
evidence, document, speaker, hedge, negation, assertion date (the document's
date) and valid time.  Analysts' decisions apply on reading:

- an actor merged into another (``actors.merged_into``) is read as the root of
  its merge chain, so its claims count for the root;
- a fact whose fingerprint was rejected is left out; a confirmed one is marked.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import Connection, FromClause, Select, and_, or_, select

from ..errors import QueryError
from ..store import alias_key, schema
from ..timeexpr import point_bounds

FAR_PAST = "0000-01-01"
FAR_FUTURE = "9999-12-31"


@dataclass(frozen=True)
class Claim:
    """One stored fact, its evidence and its source, with actors read through merges."""

    fact_id: int
    fingerprint: str
    kind: str  # relation, quantity, event
    source: str | None  # relation source, measured actor, or an event's first actor
    target: str | None
    relation: str | None
    negated: bool
    hedged: bool
    evidence: str
    doc_id: str
    char_start: int
    asserted: str | None  # the document's date
    time: str | None  # the valid time as the text gave it (FACTS.md form)
    time_start: str | None
    time_end: str | None
    attributed_to: str | None = None
    doc_title: str | None = None
    doc_source: str | None = None
    doc_author: str | None = None
    support: tuple[str, ...] = ()
    role: str | None = None
    measure: str | None = None
    value: float | None = None
    approximate: bool = False
    event: str | None = None
    actors: tuple[str, ...] = ()
    place: str | None = None
    origin: str = "extracted"
    confirmed: bool = False
    source_id: int | None = None  # the ids the names are read from (roots of merges)
    target_id: int | None = None

    @property
    def speaker(self) -> str | None:
        """Who asserts it: the cited speaker, else the document's author."""
        return self.attributed_to or self.doc_author

    @property
    def date(self) -> str | None:
        """The day it is placed at in time: the start of its valid time, else its end, else its assertion."""
        return self.time_start or self.time_end or _first_day(self.asserted)

    @property
    def explicit_end(self) -> bool:
        """Whether the text gives the tie an end ("2001/2018", "until 2013"), not just a point in time."""
        return bool(self.time and "/" in self.time and self.time.partition("/")[2])

    def interval(self) -> tuple[str, str]:
        """The days the claim speaks for: its valid time, else its document's date, else all time."""
        if self.time_start or self.time_end:
            return self.time_start or FAR_PAST, self.time_end or FAR_FUTURE
        if self.asserted:
            bounds = point_bounds(self.asserted)
            if bounds:
                return bounds
        return FAR_PAST, FAR_FUTURE

    def sort_key(self) -> tuple[str, str, int, int]:
        """Time order, then document and reading order (deterministic)."""
        return self.date or FAR_FUTURE, self.doc_id, self.char_start, self.fact_id

    def cite(self) -> str:
        """A one-line citation: document, date and speaker."""
        who = f", {self.speaker}" if self.speaker else ""
        title = f" ({self.doc_title})" if self.doc_title else ""
        return f"{self.doc_id}{title}, {self.asserted or 'undated'}{who}"

    def statement(self) -> str:
        """What the claim says, in a short line: "A supports B [training]", "not: A allied_with B"."""
        if self.kind == "relation":
            what = f"{self.source} {self.relation} {self.target}"
            if self.support:
                what += f" [{', '.join(self.support)}]"
            if self.role:
                what += f" ({self.role})"
        elif self.kind == "quantity":
            approx = "~" if self.approximate else ""
            what = f"{self.source}: {self.measure} = {approx}{(self.value or 0):g}"
        else:
            what = f"{self.event}: {', '.join(self.actors)}" + (f" @ {self.place}" if self.place else "")
        flags = ("not: " if self.negated else "") + ("maybe: " if self.hedged else "")
        return flags + what


def _first_day(date: str | None) -> str | None:
    if not date:
        return None
    bounds = point_bounds(date)
    return bounds[0] if bounds else date


def as_of_day(as_of: str | None) -> str | None:
    """The last day a user's ``--as-of`` covers ("2018" -> "2018-12-31"); a bad date is a QueryError."""
    if as_of is None:
        return None
    try:
        bounds = point_bounds(as_of)
        if bounds is not None:
            date.fromisoformat(bounds[1])
    except ValueError:  # a month or day out of range
        bounds = None
    if bounds is None:
        raise QueryError(f"not a date (YYYY, YYYY-MM or YYYY-MM-DD): {as_of!r}")
    return bounds[1]


class ActorBook:
    """Actor names and ids as read under analysts' merges, for one connection."""

    def __init__(self, conn: Connection) -> None:
        a = schema.actors
        self._conn = conn
        # merges are analysts' decisions: few rows, read once per question
        self._parent = {int(i): int(p) for i, p in conn.execute(
            select(a.c.id, a.c.merged_into).where(a.c.merged_into.is_not(None)))}
        self._names: dict[int, str] = {}

    def root(self, actor_id: int) -> int:
        """The actor an id is read as: the end of its merge chain (a cycle stops where it closes)."""
        if actor_id not in self._parent:
            return actor_id
        seen = {actor_id}
        while actor_id in self._parent and self._parent[actor_id] not in seen:
            actor_id = self._parent[actor_id]
            seen.add(actor_id)
        return actor_id

    def merged(self) -> set[int]:
        """Every id a merge involves: merged into another actor, or another merged into it."""
        return set(self._parent) | set(self._parent.values())

    def members(self, root: int) -> set[int]:
        """Every id read as ``root``: itself and all actors merged into it, directly or not."""
        return {root} | {i for i in self._parent if self.root(i) == root}

    def names(self, ids: Iterable[int]) -> dict[int, str]:
        """The name each id is read under (its root's name)."""
        roots = {i: self.root(i) for i in ids}
        missing = {r for r in roots.values() if r not in self._names}
        if missing:
            a = schema.actors
            for chunk in _chunks(sorted(missing), 500):
                for i, name in self._conn.execute(select(a.c.id, a.c.name).where(a.c.id.in_(chunk))):
                    self._names[int(i)] = name
        return {i: self._names.get(r, f"#{r}") for i, r in roots.items()}

    def resolve(self, name: str) -> tuple[int, str]:
        """The root id and name of the actor a user means: by name or any alias, case and punctuation aside.

        A name equal (in alias form) to an actor's own name wins over aliases; several
        different actors left is an ambiguity, no actor at all an unknown name.
        """
        key = alias_key(name)
        a, al = schema.actors, schema.aliases
        if not key:
            raise QueryError(f"unknown actor: {name!r}")
        rows = list(self._conn.execute(select(a.c.id, a.c.name).select_from(a.join(al, al.c.actor_id == a.c.id))
                                       .where(al.c.key == key)))
        rows += self._conn.execute(select(a.c.id, a.c.name).where(a.c.name == name)).all()
        if not rows:
            raise QueryError(f"unknown actor: {name!r}")
        own = {self.root(int(r.id)) for r in rows if alias_key(r.name) == key}
        roots = own or {self.root(int(r.id)) for r in rows}
        names = self.names(roots)
        if len(roots) > 1:
            listed = ", ".join(sorted(names.values()))
            raise QueryError(f"ambiguous actor {name!r}: it may be {listed}; give the full name")
        root = roots.pop()
        return root, names[root]


def _chunks(items: list[int], size: int) -> Iterable[list[int]]:
    for i in range(0, len(items), size):
        yield items[i:i + size]


def load_claims(
    conn: Connection,
    book: ActorBook,
    *,
    actors: Collection[int] | None = None,
    pair: tuple[Collection[int], Collection[int]] | None = None,
    relation: str | None = None,
    kinds: Collection[str] = ("relation", "quantity", "event"),
    measure: str | None = None,
    as_of: str | None = None,
) -> list[Claim]:
    """The claims that pass every filter, in time order; rejected facts are left out.

    ``actors``: claims with any of these ids on either side; ``pair``: claims
    between the two sets, either direction; ``as_of`` (a day): claims whose
    document is dated on or before it (or undated) and whose valid time starts
    on or before it (or has none).
    """
    f, d = schema.facts, schema.documents
    query = claim_query().where(f.c.kind.in_(list(kinds)))
    if actors is not None:
        ids = sorted(actors)
        query = query.where(or_(f.c.source_id.in_(ids), f.c.target_id.in_(ids)))
    if pair is not None:
        left, right = sorted(pair[0]), sorted(pair[1])
        query = query.where(or_(and_(f.c.source_id.in_(left), f.c.target_id.in_(right)),
                                and_(f.c.source_id.in_(right), f.c.target_id.in_(left))))
    if relation is not None:
        query = query.where(f.c.relation == relation)
    if measure is not None:
        query = query.where(f.c.measure == measure)
    if as_of is not None:
        query = query.where(or_(d.c.date.is_(None), d.c.date <= as_of),
                            or_(f.c.time_start.is_(None), f.c.time_start <= as_of))
    rows = conn.execute(query).all()
    names = book.names({i for r in rows for i in (r.source_id, r.target_id) if i is not None})
    claims = [claim_from_row(r, names, book.root) for r in rows]
    return sorted(claims, key=Claim.sort_key)


def claim_query(*first: Any, facts: FromClause | None = None) -> Select[Any]:
    """The select behind every claim, rejected facts left out; ``first`` columns come before the claim's.

    ``facts``: the ``facts`` table already joined to another (whose columns ``first`` may name).
    Read a row with :func:`claim_from_row` (after slicing off the ``first`` columns).
    """
    f, d, rv = schema.facts, schema.documents, schema.fact_reviews
    return (select(*first, f.c.id, f.c.fingerprint, f.c.kind, f.c.source_id, f.c.target_id, f.c.relation, f.c.role,
                   f.c.support, f.c.measure, f.c.value, f.c.approximate, f.c.event, f.c.actors, f.c.place,
                   f.c.negated, f.c.hedged, f.c.attributed_to, f.c.time, f.c.time_start, f.c.time_end,
                   f.c.evidence, f.c.char_start, f.c.doc_id, f.c.origin, d.c.date, d.c.title, d.c.source,
                   d.c.author, rv.c.status)
            .select_from((f if facts is None else facts).join(d, d.c.id == f.c.doc_id)
                         .outerjoin(rv, rv.c.fingerprint == f.c.fingerprint))
            .where(or_(rv.c.status.is_(None), rv.c.status != "rejected")))


def _names(text: str | None) -> tuple[str, ...]:
    # most rows hold an empty list: skip the JSON parser for them
    return tuple(json.loads(text)) if text and text != "[]" else ()


def claim_from_row(row: Sequence[Any], names: Mapping[int, str], root: Callable[[int], int]) -> Claim:
    """The claim of a :func:`claim_query` row; ``names`` names the actor ids, ``root`` reads them through merges."""
    # positional unpacking, in the order of claim_query's select: much faster than attribute access per row
    (fact_id, fp, kind, source_id, target_id, relation, role, support, measure, value, approximate, event, actors,
     place, negated, hedged, attributed_to, time, time_start, time_end, evidence, char_start, doc_id, origin,
     asserted, title, doc_source, author, status) = row
    return Claim(
        fact_id=int(fact_id), fingerprint=fp, kind=kind,
        source=names.get(source_id) if source_id is not None else None,
        target=names.get(target_id) if target_id is not None else None,
        relation=relation, negated=bool(negated), hedged=bool(hedged), evidence=evidence, doc_id=doc_id,
        char_start=int(char_start), asserted=asserted, time=time, time_start=time_start, time_end=time_end,
        attributed_to=attributed_to, doc_title=title, doc_source=doc_source, doc_author=author,
        support=_names(support), role=role, measure=measure, value=value, approximate=bool(approximate),
        event=event, actors=_names(actors), place=place, origin=origin or "extracted",
        confirmed=status == "confirmed",
        source_id=root(source_id) if source_id is not None else None,
        target_id=root(target_id) if target_id is not None else None,
    )
