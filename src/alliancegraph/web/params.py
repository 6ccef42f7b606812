"""Checking the query parameters pages and API share: dates, relation types, measures, actor refs.

Each check raises a 400 (or the library's 404) whose message names the bad value.
"""

from __future__ import annotations

from ..analysis.claims import as_of_day
from ..errors import QueryError
from ..model import MEASURES, RELATION_TYPES
from ..store import Store
from .app import WebError
from .lookups import ActorRef, resolve_actor


def day(value: str | None, name: str = "as_of") -> str | None:
    """A date parameter (YYYY, YYYY-MM or YYYY-MM-DD) as the last day it covers; blank means none."""
    if value is None or not value.strip():
        return None
    try:
        return as_of_day(value.strip())
    except QueryError:
        raise WebError(400, f"bad {name} {value!r}: not a date (YYYY, YYYY-MM or YYYY-MM-DD)") from None


def relation(value: str | None) -> str | None:
    """A relation type parameter; blank means any."""
    if value is None or not value.strip():
        return None
    if value not in RELATION_TYPES:
        raise WebError(400, f"unknown relation type {value!r} (one of {', '.join(RELATION_TYPES)})")
    return value


def relations(values: list[str]) -> tuple[str, ...]:
    """Several relation type parameters (blank ones ignored)."""
    return tuple(r for v in values if (r := relation(v)) is not None)


def measure(value: str | None) -> str | None:
    if value is None or not value.strip():
        return None
    if value not in MEASURES:
        raise WebError(400, f"unknown measure {value!r} (one of {', '.join(MEASURES)})")
    return value


def actor(store: Store, ref: str) -> ActorRef:
    """An actor named by id or name in a URL; unknown ones are the library's 404."""
    if not ref.strip():
        raise WebError(400, "an actor is needed: got an empty name")
    return resolve_actor(store, ref)


def actor_name(store: Store, ref: str | None) -> str | None:
    """An optional actor parameter as the name the analysis functions take."""
    if ref is None or not ref.strip():
        return None
    return actor(store, ref).name
