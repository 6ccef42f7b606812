"""Named migrations, applied in order, each in one transaction and recorded.

A migration is a plain function of a connection.  The ``migrations`` table
lists those applied, so opening a store runs only what it lacks.  New
migrations are appended to ``MIGRATIONS``; a published one never changes.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import UTC, datetime

from sqlalchemy import Connection, Engine, bindparam, insert, inspect, select, text, update

from . import schema
from .summary import refresh_ties

Migration = Callable[[Connection], None]
_BATCH = 5_000  # rows updated at once by a migration


def m0001_initial(conn: Connection) -> None:
    """Documents, runs, actors, aliases, mentions and facts."""
    tables = [schema.documents, schema.runs, schema.actors, schema.aliases, schema.mentions, schema.facts]
    schema.metadata.create_all(conn, tables=tables)


def m0002_decisions(conn: Connection) -> None:
    """Analysts' decisions: merged actors, reviewed facts, facts added by hand."""
    # a store created after this migration was written already has the columns from 0001
    have = {t: {c["name"] for c in inspect(conn).get_columns(t)} for t in ("actors", "facts")}
    if "merged_into" not in have["actors"]:
        conn.execute(text("ALTER TABLE actors ADD COLUMN merged_into INTEGER REFERENCES actors(id)"))
    if "origin" not in have["facts"]:
        conn.execute(text("ALTER TABLE facts ADD COLUMN origin VARCHAR(10) NOT NULL DEFAULT 'extracted'"))
    if "decision_id" not in have["facts"]:
        conn.execute(text("ALTER TABLE facts ADD COLUMN decision_id INTEGER"))
    schema.metadata.create_all(conn, tables=[schema.decisions, schema.fact_reviews])


def m0003_tie_summary(conn: Connection) -> None:
    """The per-tie summary ``ties`` reads (analysis/summary.py), filled from the facts already stored."""
    schema.metadata.create_all(conn, tables=[schema.tie_summary])
    refresh_ties(conn)


def m0004_tie_documents(conn: Connection) -> None:
    """The number of affirming documents of each ``tie_summary`` row, so that ``ties`` ranks without parsing JSON."""
    # a table made by 0003 after this migration was written already has the column, filled
    if "documents" in {c["name"] for c in inspect(conn).get_columns("tie_summary")}:
        return
    conn.execute(text("ALTER TABLE tie_summary ADD COLUMN documents INTEGER NOT NULL DEFAULT 0"))
    t = schema.tie_summary
    # counted from the JSON list the row holds: the same number a rebuild would write, in seconds, not minutes
    rows = conn.execute(select(t.c.source_id, t.c.relation, t.c.target_id, t.c.sources)
                        .where(t.c.sources != "[]")).all()
    fill = (update(t).where(t.c.source_id == bindparam("s"), t.c.relation == bindparam("r"),
                            t.c.target_id == bindparam("t")).values(documents=bindparam("n")))
    for lo in range(0, len(rows), _BATCH):
        conn.execute(fill, [dict(s=s, r=r, t=t_, n=len(json.loads(sources)))
                            for s, r, t_, sources in rows[lo:lo + _BATCH]])


MIGRATIONS: list[tuple[str, Migration]] = [
    ("0001_initial", m0001_initial),
    ("0002_decisions", m0002_decisions),
    ("0003_tie_summary", m0003_tie_summary),
    ("0004_tie_documents", m0004_tie_documents),
]


def migrate(engine: Engine) -> list[str]:
    """Apply every migration the database lacks; return the names applied."""
    with engine.begin() as conn:
        schema.migrations.create(conn, checkfirst=True)
        done = set(conn.execute(select(schema.migrations.c.name)).scalars())
    applied = []
    for name, step in MIGRATIONS:
        if name in done:
            continue
        with engine.begin() as conn:
            step(conn)
            stamp = datetime.now(UTC).isoformat(timespec="seconds")
            conn.execute(insert(schema.migrations).values(name=name, applied_at=stamp))
        applied.append(name)
    return applied

