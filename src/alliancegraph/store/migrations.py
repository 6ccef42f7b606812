"""Named migrations, applied in order, each in one transaction and recorded.

A migration is a plain function of a connection.  The ``migrations`` table
lists those applied, so opening a store runs only what it lacks.  New
migrations are appended to ``MIGRATIONS``; a published one never changes.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

from sqlalchemy import Connection, Engine, insert, select

from . import schema

Migration = Callable[[Connection], None]


def m0001_initial(conn: Connection) -> None:
    """Documents, runs, actors, aliases, mentions and facts."""
    tables = [schema.documents, schema.runs, schema.actors, schema.aliases, schema.mentions, schema.facts]
    schema.metadata.create_all(conn, tables=tables)


MIGRATIONS: list[tuple[str, Migration]] = [
    ("0001_initial", m0001_initial),
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

