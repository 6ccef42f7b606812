"""Latency of the graph questions on a large synthetic store.

Builds a temporary SQLite store of N facts (default 1,000,000) over 5,000
actors and 50,000 documents with bulk inserts (then rebuilds the tie summary
those inserts bypassed, printing how long it took), then times ``ties`` (a typical
actor, and the busiest one with the limit the CLI and the web page use and
with none), ``evidence`` (the busiest pair), ``ties --as-of`` and ``metrics``,
printing median and p95 latencies in milliseconds.  ``--keep`` keeps the
store; ``--reuse`` times a kept one again without rebuilding it.  A
benchmark, not a test: run it by hand.

usage: python bench/graph.py [--facts N] [--actors N] [--repeat N] [--keep PATH | --reuse PATH] [--no-metrics]
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sqlalchemy import case, func, select, union_all

from alliancegraph.analysis import evidence, metrics, ties
from alliancegraph.cli.graph import TIES_SHOWN
from alliancegraph.model import SUPPORT_KINDS
from alliancegraph.store import Store, alias_key, schema

RELATIONS = [("allied_with", 20), ("supports", 25), ("fights", 20), ("rival_of", 10), ("pledged_allegiance_to", 3),
             ("affiliate_of", 5), ("split_from", 3), ("negotiates_with", 4), ("leads", 5), ("member_of", 5)]
FACTS_PER_DOC = 20
PARTNERS = 12  # each actor's usual counterparts; most facts fall on these pairs
BATCH = 50_000


def build(path: Path, n_facts: int, n_actors: int, seed: int = 7) -> None:
    """Write the synthetic store."""
    rng = random.Random(seed)
    store = Store.open(path)
    names = [f"Group {i:05d}" for i in range(n_actors)]
    raw = store.engine.raw_connection()
    cur = raw.cursor()

    def bulk(table: str, columns: list[str], rows: list[tuple[Any, ...]]) -> None:
        # the DB-API's executemany on tuples: several times faster than Core inserts of dicts at this size;
        # names come from the schema, values are parameters
        assert set(columns) <= set(schema.metadata.tables[table].c.keys())
        marks = ", ".join("?" for _ in columns)
        cur.executemany(f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks})", rows)

    cur.execute("PRAGMA synchronous=OFF")
    bulk("runs", ["id", "extractor", "version", "model", "started_at", "documents"],
         [(1, "synthetic", "1", "none", "2024-01-01T00:00:00", 0)])
    bulk("actors", ["id", "name", "type", "origin"], [(i + 1, n, "armed_group", "text") for i, n in enumerate(names)])
    bulk("aliases", ["actor_id", "alias", "key"], [(i + 1, n, alias_key(n)) for i, n in enumerate(names)])
    n_docs = max(1, n_facts // FACTS_PER_DOC)
    bulk("documents", ["id", "content_hash", "title", "date", "author", "text", "ingested_at"],
         [(f"doc{d:06d}", f"{d:064x}", f"Report {d}", f"{rng.randint(1990, 2024)}-{rng.randint(1, 12):02d}-"
           f"{rng.randint(1, 28):02d}", f"Author {d % 97}", "synthetic", "2024-01-01T00:00:00")
          for d in range(n_docs)])
    # popularity: a few busy actors, a long tail (weights ~ 1/rank^0.6)
    weights = [1 / (r + 1) ** 0.6 for r in range(n_actors)]
    partners = {a: rng.choices(range(n_actors), weights=weights, k=PARTNERS) for a in range(n_actors)}
    kinds, kind_w = zip(*RELATIONS, strict=True)
    columns = ["run_id", "doc_id", "kind", "source_id", "target_id", "relation", "support", "negated", "hedged",
               "time", "time_start", "time_end", "evidence", "char_start", "char_end", "sentence_start",
               "sentence_end", "fingerprint", "origin", "attributed_to"]
    rows: list[tuple[Any, ...]] = []
    sources = rng.choices(range(n_actors), weights=weights, k=n_facts)
    for i, a in enumerate(sources):
        b = rng.choice(partners[a])
        if b == a:
            b = (a + 1) % n_actors
        relation = rng.choices(kinds, weights=kind_w)[0]
        year = rng.randint(1990, 2024)
        support = json.dumps(rng.sample(SUPPORT_KINDS, rng.randint(1, 3))) if relation == "supports" else "[]"
        text = f"Group {a:05d} {relation} Group {b:05d}, claim {i}."
        rows.append((1, f"doc{i // FACTS_PER_DOC:06d}", "relation", a + 1, b + 1, relation, support,
                     rng.random() < 0.08, rng.random() < 0.2, str(year), f"{year}-01-01", f"{year}-12-31", text,
                     0, len(text), 0, len(text), f"{i:064x}", "extracted", None))
        if len(rows) == BATCH:
            bulk("facts", columns, rows)
            rows = []
    if rows:
        bulk("facts", columns, rows)
    cur.execute("ANALYZE")
    raw.commit()
    cur.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()  # so that the sizes below are the database's
    cur.close()
    raw.close()
    # the facts went in behind the store's back: rebuild the per-tie summary that ties() reads
    size = _size(path)
    start = time.perf_counter()
    written = store.refresh_tie_summary()
    store.close()
    print(f"tie summary: {written:,} rows rebuilt in {time.perf_counter() - start:.1f} s, "
          f"store {size / 1e6:.0f} MB -> {_size(path) / 1e6:.0f} MB")


def _size(path: Path) -> int:
    """The store's bytes on disk, its write-ahead log included."""
    wal = path.with_name(path.name + "-wal")
    return path.stat().st_size + (wal.stat().st_size if wal.exists() else 0)


def timed(call: Callable[[], object], repeat: int) -> tuple[float, float]:
    """Median and p95 wall time of ``call`` in milliseconds (after one warm-up call)."""
    call()
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        call()
        samples.append((time.perf_counter() - start) * 1000)
    samples.sort()
    return statistics.median(samples), samples[min(len(samples) - 1, int(0.95 * len(samples)))]


def busiest(store: Store) -> tuple[list[tuple[int, int]], tuple[tuple[int, int], int]]:
    """Actor ids with their relation facts, most first (then by id), and the pair with most facts."""
    f = schema.facts
    relations = f.c.kind == "relation"
    ends = union_all(select(f.c.source_id.label("actor")).where(relations),
                     select(f.c.target_id.label("actor")).where(relations)).subquery()
    n = func.count().label("n")
    low = case((f.c.source_id < f.c.target_id, f.c.source_id), else_=f.c.target_id).label("low")
    high = case((f.c.source_id < f.c.target_id, f.c.target_id), else_=f.c.source_id).label("high")
    with store.engine.connect() as conn:
        ranked = [(int(a), int(c)) for a, c in conn.execute(
            select(ends.c.actor, n).group_by(ends.c.actor).order_by(n.desc(), ends.c.actor))]
        a, b, c = conn.execute(select(low, high, n).where(relations).group_by(low, high)
                               .order_by(n.desc(), low, high).limit(1)).one()
    return ranked, ((int(a), int(b)), int(c))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--facts", type=int, default=1_000_000)
    parser.add_argument("--actors", type=int, default=5_000)
    parser.add_argument("--repeat", type=int, default=20)
    where = parser.add_mutually_exclusive_group()
    where.add_argument("--keep", type=Path, help="Write the store here and keep it (default: a temp file).")
    where.add_argument("--reuse", type=Path, help="Time a store kept by --keep instead of building one.")
    parser.add_argument("--no-metrics", action="store_true", help="Leave out metrics (the slowest question).")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        if args.reuse:
            if not args.reuse.exists():
                parser.error(f"--reuse {str(args.reuse)!r}: no such file")
            path = args.reuse
        else:
            path = args.keep or Path(tmp) / "bench.db"
            path.unlink(missing_ok=True)
            start = time.perf_counter()
            build(path, args.facts, args.actors)
            print(f"built {args.facts:,} facts over {args.actors:,} actors in {time.perf_counter() - start:.1f} s "
                  f"({path.stat().st_size / 1e6:.0f} MB)")
        store = Store.open(path)
        ranked, ((a_id, b_id), pair_facts) = busiest(store)
        hub, typical = ranked[0], ranked[len(ranked) // 2]
        with store.engine.connect() as conn:
            names = dict(conn.execute(select(schema.actors.c.id, schema.actors.c.name)).all())
            plan = conn.exec_driver_sql(
                "EXPLAIN QUERY PLAN SELECT id FROM facts WHERE source_id IN (1) OR target_id IN (1)").all()
        print("plan of the actor filter:", "; ".join(str(row[-1]) for row in plan))
        one, big, a, b = names[typical[0]], names[hub[0]], names[a_id], names[b_id]
        hub_ties = ties(store, big, limit=0).total
        shown = f"limit {TIES_SHOWN}"
        cases: list[tuple[str, Callable[[], object], int]] = [
            (f"ties, typical actor ({typical[1]} facts)", lambda: ties(store, one), args.repeat),
            (f"ties, busiest actor ({hub[1]} facts, {hub_ties} ties), {shown}",
             lambda: ties(store, big, limit=TIES_SHOWN), args.repeat),
            ("  the same, and each tie's best evidence",
             lambda: [v.best for v in ties(store, big, limit=TIES_SHOWN)], args.repeat),
            ("ties, busiest actor, no limit", lambda: ties(store, big), args.repeat),
            ("  the same, and each tie's best evidence", lambda: [v.best for v in ties(store, big)], args.repeat),
            ("ties --as-of 2010, typical actor", lambda: ties(store, one, as_of="2010-12-31"), args.repeat),
            (f"ties --as-of 2010, busiest actor, {shown}",
             lambda: ties(store, big, as_of="2010-12-31", limit=TIES_SHOWN), 3),
            (f"evidence, busiest pair ({pair_facts} facts)", lambda: evidence(store, a, b), args.repeat),
        ]
        if not args.no_metrics:
            cases.append(("metrics (whole graph)", lambda: metrics(store), 3))
        print(f"{'question':<62} {'median ms':>10} {'p95 ms':>10}")
        for label, call, repeat in cases:
            median, p95 = timed(call, repeat)
            print(f"{label:<62} {median:>10.1f} {p95:>10.1f}")
        store.close()


if __name__ == "__main__":
    main()
