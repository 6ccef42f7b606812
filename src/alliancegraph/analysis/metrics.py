"""The web of allies as a NetworkX graph: degree, brokers, blocs and wedge ties.

The graph is built from an SQL aggregate (one row per actor pair, relation
type and negation, counting distinct documents), so it never loads every
claim.  Its edges are the cooperative ties (alliance, support, pledge,
affiliation), undirected; an edge's weight is, summed over those types,
the type's weight x (documents affirming - documents denying), and only
edges of positive weight are kept.

- **degree**: allies; **weighted degree**: the sum of their edges' weights;
- **betweenness** (brokers): unweighted, exact up to ``EXACT_LIMIT`` actors,
  else estimated from ``SAMPLES`` sources with a fixed seed (deterministic);
- **blocs**: Louvain communities (weighted, seed 0), largest first;
- **wedges**: the bridges of the graph (ties whose removal splits a connected
  web in two), ranked by how many actors the smaller side holds.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import networkx as nx
from sqlalchemy import Connection, distinct, func, or_, select

from ..store import Store, schema
from .claims import ActorBook, as_of_day
from .relations import COOPERATIVE, kind_of

EXACT_LIMIT = 1000
SAMPLES = 200


@dataclass(frozen=True)
class ActorMetrics:
    """One actor's place in the web of allies."""

    actor: str
    degree: int
    weighted_degree: float
    betweenness: float
    bloc: int  # index into GraphMetrics.blocs


@dataclass(frozen=True)
class Wedge:
    """A tie whose removal splits the web: the two actors, its weight, the size of the part cut off."""

    a: str
    b: str
    weight: float
    cut_off: int


@dataclass(frozen=True)
class GraphMetrics:
    """Per-actor metrics (brokers first), blocs and wedge candidates as of a day."""

    as_of: str | None
    actors: tuple[ActorMetrics, ...]
    blocs: tuple[tuple[str, ...], ...]
    wedges: tuple[Wedge, ...]
    edges: int


def cooperation_graph(conn: Connection, book: ActorBook, as_of: str | None = None) -> nx.Graph:
    """The undirected weighted graph of cooperative ties, aggregated in SQL."""
    f, d, rv = schema.facts, schema.documents, schema.fact_reviews
    joined = f.outerjoin(rv, rv.c.fingerprint == f.c.fingerprint)
    if as_of is not None:  # the documents' dates are needed only for an as-of day
        joined = joined.join(d, d.c.id == f.c.doc_id)
    query = (select(f.c.source_id, f.c.target_id, f.c.relation, f.c.negated, func.count(distinct(f.c.doc_id)))
             .select_from(joined)
             .where(f.c.kind == "relation", f.c.relation.in_(sorted(COOPERATIVE)),
                    or_(rv.c.status.is_(None), rv.c.status != "rejected"))
             .group_by(f.c.source_id, f.c.target_id, f.c.relation, f.c.negated))
    if as_of is not None:
        query = query.where(or_(d.c.date.is_(None), d.c.date <= as_of),
                            or_(f.c.time_start.is_(None), f.c.time_start <= as_of))
    rows = conn.execute(query).all()
    names = book.names({i for r in rows for i in (r[0], r[1]) if i is not None})
    weights: dict[tuple[str, str], float] = {}
    for source, target, relation, negated, docs in rows:
        if source is None or target is None:
            continue
        a, b = sorted((names[source], names[target]))
        if a == b:
            continue
        sign = -1 if negated else 1
        weights[(a, b)] = weights.get((a, b), 0.0) + sign * kind_of(relation).weight * int(docs)
    graph = nx.Graph()
    for (a, b), w in sorted(weights.items()):
        if w > 0:
            graph.add_edge(a, b, weight=w)
    return graph


def metrics(store: Store, *, as_of: str | None = None, wedges: int = 10) -> GraphMetrics:
    """Degree, weighted degree, betweenness, blocs and the top wedge ties of the web of allies."""
    day = as_of_day(as_of)
    with store.engine.connect() as conn:
        graph = cooperation_graph(conn, ActorBook(conn), day)
    return graph_metrics(graph, day, wedges=wedges)


def graph_metrics(graph: nx.Graph, as_of: str | None = None, *, wedges: int = 10) -> GraphMetrics:
    """The metrics of an already built cooperation graph."""
    n = graph.number_of_nodes()
    if n == 0:
        return GraphMetrics(as_of, (), (), (), 0)
    k = None if n <= EXACT_LIMIT else SAMPLES
    between: dict[Any, float] = nx.betweenness_centrality(graph, k=k, seed=0)
    blocs = sorted((tuple(sorted(c)) for c in nx.community.louvain_communities(graph, weight="weight", seed=0)),
                   key=lambda c: (-len(c), c))
    bloc_of = {name: i for i, bloc in enumerate(blocs) for name in bloc}
    actors = [ActorMetrics(name, int(graph.degree(name)), round(float(graph.degree(name, weight="weight")), 2),
                           round(between[name], 4), bloc_of[name]) for name in graph.nodes]
    actors.sort(key=lambda m: (-m.betweenness, -m.weighted_degree, m.actor))
    return GraphMetrics(as_of, tuple(actors), tuple(blocs), tuple(wedge_ties(graph)[:wedges]),
                        graph.number_of_edges())


def wedge_ties(graph: nx.Graph) -> list[Wedge]:
    """Every bridge with the number of actors its removal cuts off (the smaller side), largest first.

    Linear time: the graph without its bridges falls into 2-edge-connected parts;
    the bridges join those parts into trees, whose subtree sizes give each cut.
    """
    bridges = [tuple(sorted(e)) for e in nx.bridges(graph)]
    if not bridges:
        return []
    core = graph.copy()
    core.remove_edges_from(bridges)
    part = {name: i for i, comp in enumerate(nx.connected_components(core)) for name in comp}
    size: dict[int, int] = {}
    for p in part.values():
        size[p] = size.get(p, 0) + 1
    tree = nx.Graph()
    tree.add_nodes_from(size)
    tree.add_edges_from((part[a], part[b]) for a, b in bridges)
    below: dict[tuple[int, int], int] = {}  # (parent, child) -> actors in the child's subtree
    for comp in nx.connected_components(tree):
        root = min(comp)
        total = sum(size[p] for p in comp)
        order = list(nx.dfs_preorder_nodes(tree, root))
        parent = dict(nx.dfs_predecessors(tree, root))
        sub = {p: size[p] for p in order}
        for p in reversed(order):
            if p in parent:
                sub[parent[p]] += sub[p]
                below[(parent[p], p)] = min(sub[p], total - sub[p])
    out = []
    for a, b in bridges:
        pa, pb = part[a], part[b]
        cut = below.get((pa, pb)) or below.get((pb, pa)) or 1
        out.append(Wedge(a, b, round(float(graph[a][b]["weight"]), 2), cut))
    return sorted(out, key=lambda w: (-w.cut_off, w.weight, w.a, w.b))
