"""Keeping the ``tie_summary`` table current: which of its rows a write touches, and refreshing them.

Every write that can change a tie (a document saved again, a fact reviewed,
added or undone) collects the raw tie keys of the facts it touches, before
and after, and refreshes those rows in its own transaction.  The rows are
computed by ``analysis/summary.py`` from the claims, with the live functions.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import Connection, select

from ..model import SYMMETRIC_RELATIONS
from . import schema

RawKey = tuple[int, str, int]  # (source id, relation, target id) as stored; symmetric types smaller id first


def raw_key(source_id: int, relation: str, target_id: int) -> RawKey:
    """The row a relation fact belongs to: symmetric types put the smaller actor id first."""
    if relation in SYMMETRIC_RELATIONS and target_id < source_id:
        return target_id, relation, source_id
    return source_id, relation, target_id


def tie_keys(conn: Connection, where: Any) -> set[RawKey]:
    """The raw ties of the relation facts a condition on ``facts`` selects (rejected ones too)."""
    f = schema.facts
    rows = conn.execute(select(f.c.source_id, f.c.relation, f.c.target_id).distinct().where(
        where, f.c.kind == "relation", f.c.source_id.is_not(None), f.c.target_id.is_not(None),
        f.c.relation.is_not(None)))
    return {raw_key(int(s), str(r), int(t)) for s, r, t in rows}


def refresh_ties(conn: Connection, keys: Iterable[RawKey] | None = None) -> int:
    """Recompute the summary rows of these raw ties (None: all of them); return the rows written."""
    # the analysis package imports the store package: import it when a write needs it, not at load time
    from ..analysis.summary import refresh

    return refresh(conn, keys)
