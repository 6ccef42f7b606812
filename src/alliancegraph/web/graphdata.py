"""The whole web of ties as of a day, for the graph view: nodes, edges and the slider's range.

Built from the analysis functions (``load_claims``, ``build_ties``,
``tie_strength``) over every relation claim of the store, so an edge's
status and strength are exactly what ``alliancegraph ties`` says of it.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select

from ..analysis import ActorBook, Claim, Tie, build_ties, load_claims
from ..analysis.strength import reference_day, tie_strength
from ..errors import QueryError
from ..store import Store, schema


@dataclass(frozen=True)
class GraphFilters:
    """What the graph page's filter form asks for; every field optional."""

    as_of: str | None = None  # a full day (YYYY-MM-DD), already checked
    types: tuple[str, ...] = ()
    region: str | None = None
    min_strength: float = 0.0
    min_sources: int = 0


@dataclass(frozen=True)
class ActorFacts:
    """What the graph shows of an actor besides its name: its type and region."""

    id: int
    name: str
    type: str
    region: str | None


def actor_facts(store: Store, ids: Collection[int] | None = None) -> dict[int, ActorFacts]:
    """Type and region of actors by id (all actors when ``ids`` is None)."""
    a = schema.actors
    query = select(a.c.id, a.c.name, a.c.type, a.c.region)
    if ids is not None:
        query = query.where(a.c.id.in_(sorted(ids)))
    with store.engine.connect() as conn:
        return {int(r.id): ActorFacts(int(r.id), r.name, r.type, r.region) for r in conn.execute(query)}


def _tie_ids(tie: Tie) -> tuple[int, int] | None:
    """The (root) ids of a tie's two ends, read off one of its claims."""
    for claim in tie.claims:
        if claim.source_id is None or claim.target_id is None:
            continue
        if claim.source == tie.source:
            return claim.source_id, claim.target_id
        return claim.target_id, claim.source_id
    return None


def _hedged(tie: Tie) -> bool:
    # a tie is drawn as hedged when nothing firmer than a hedge states it
    pool = tie.affirmed or tie.claims
    return bool(pool) and all(c.hedged for c in pool)


def _load(store: Store, as_of: str | None) -> list[Claim]:
    with store.engine.connect() as conn:
        return load_claims(conn, ActorBook(conn), kinds=("relation",), as_of=as_of)


def graph(store: Store, filters: GraphFilters) -> dict[str, Any]:
    """The graph as the contract of ``/api/graph`` gives it (see docs/web.md)."""
    everything = build_ties(_load(store, None))
    firsts = [d for t in everything if (d := t.first_stated)]
    lasts = [d for t in everything if (d := t.last_stated)]
    claims = _load(store, filters.as_of) if filters.as_of else [c for t in everything for c in t.claims]
    ties = build_ties(claims, filters.as_of) if filters.as_of else everything
    reference = reference_day(claims, filters.as_of)
    ends = {t.key: _tie_ids(t) for t in ties}
    actors = actor_facts(store)
    regions = sorted({a.region for a in actors.values() if a.region})
    if filters.region and filters.region not in regions:
        raise QueryError(f"unknown region {filters.region!r} (one of {', '.join(regions) or 'none on record'})")
    edges: list[dict[str, Any]] = []
    shown: set[int] = set()
    for tie in ties:
        pair = ends[tie.key]
        if pair is None:
            continue
        source, target = pair
        strength = tie_strength(tie, reference).value
        if filters.types and tie.relation not in filters.types:
            continue
        if filters.region and filters.region not in {_region(actors, source), _region(actors, target)}:
            continue
        if strength < filters.min_strength or len(tie.sources) < filters.min_sources:
            continue
        edges.append({
            "id": f"e{source}-{tie.relation}-{target}",
            "source": str(source),
            "target": str(target),
            "type": tie.relation,
            "strength": strength,
            "sources": len(tie.sources),
            "status": tie.status,
            "hedged": _hedged(tie),
            "disputed": tie.status == "disputed",
            "first": tie.first_stated,
            "last": tie.last_stated,
            "url": f"/ties/{source}/{target}?type={tie.relation}",
        })
        shown.update(pair)
    nodes = [{"id": str(i), "label": actors[i].name if i in actors else str(i),
              "type": actors[i].type if i in actors else "group", "region": _region(actors, i),
              "url": f"/actors/{i}"} for i in sorted(shown, key=lambda i: actors[i].name if i in actors else "")]
    return {
        "as_of": filters.as_of,
        "range": {"first": min(firsts) if firsts else None, "last": max(lasts) if lasts else None},
        "types": sorted({t.relation for t in everything}),
        "regions": regions,
        "nodes": nodes,
        "edges": edges,
    }


def _region(actors: dict[int, ActorFacts], actor_id: int) -> str | None:
    found = actors.get(actor_id)
    return found.region if found else None
