"""Read-only questions the web pages ask that the library has no function for.

Actors named in URLs by id, the documents that mention an actor, the actor
mentions of a document, and text search over documents.  All SQL is
parameterised SQLAlchemy Core and works on SQLite and PostgreSQL.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import quote

from sqlalchemy import func, or_, select

from ..analysis import ActorBook
from ..errors import QueryError
from ..store import Store, schema
from ..store.store import ActorRecord

SNIPPET = 80  # characters of context either side of a search hit


@dataclass(frozen=True)
class ActorRef:
    """An actor as a URL names it: its root id (after merges) and name."""

    id: int
    name: str


def resolve_actor(store: Store, ref: str) -> ActorRef:
    """The actor a URL segment names: a row id (digits), else a name or alias; read through merges.

    Unknown ids and names raise :class:`QueryError` naming them.
    """
    text = ref.strip()
    with store.engine.connect() as conn:
        book = ActorBook(conn)
        if text.isdigit():
            a = schema.actors
            found = conn.execute(select(a.c.id).where(a.c.id == int(text))).scalar_one_or_none()
            if found is None:
                raise QueryError(f"no actor with id {ref!r}")
            root = book.root(int(found))
            return ActorRef(root, book.names([root])[root])
        root, name = book.resolve(text)
        return ActorRef(root, name)


def actor_record(store: Store, actor: ActorRef) -> ActorRecord:
    """The stored record (aliases, mentions, merged names) of a root actor."""
    for record in store.actors():
        if record.id == actor.id:
            return record
    raise QueryError(f"no actor with id {actor.id!r}")


def actor_ids(store: Store) -> dict[str, int]:
    """Every actor's name mapped to the id of the actor it is read as (its root)."""
    with store.engine.connect() as conn:
        book = ActorBook(conn)
        a = schema.actors
        return {name: book.root(int(i)) for i, name in conn.execute(select(a.c.id, a.c.name))}


def documents_of(store: Store, actor: ActorRef) -> list[dict[str, object]]:
    """The documents that mention the actor or state a fact about it, newest first."""
    d, m, f = schema.documents, schema.mentions, schema.facts
    with store.engine.connect() as conn:
        members = sorted(ActorBook(conn).members(actor.id))
        counts: dict[str, int] = dict(conn.execute(select(m.c.doc_id, func.count()).where(m.c.actor_id.in_(members))
                                   .group_by(m.c.doc_id)).all())
        stated = set(conn.execute(select(f.c.doc_id).where(or_(f.c.source_id.in_(members),
                                                                f.c.target_id.in_(members))).distinct()).scalars())
        ids = sorted(set(counts) | stated)
        rows = conn.execute(select(d.c.id, d.c.title, d.c.date, d.c.source).where(d.c.id.in_(ids))).all() if ids else []
    docs = [{"id": r.id, "title": r.title, "date": r.date, "source": r.source, "mentions": int(counts.get(r.id, 0)),
             "url": "/documents/" + quote(r.id, safe="")} for r in rows]
    return sorted(docs, key=lambda x: (str(x["date"] or ""), str(x["id"])), reverse=True)


@dataclass(frozen=True)
class MentionSpan:
    """One actor mention in a document: its offsets and the actor it is read as."""

    start: int
    end: int
    actor_id: int
    actor: str


def mentions_in(store: Store, doc_id: str) -> list[MentionSpan]:
    """The actor mentions of a document in reading order, actors read through merges."""
    m = schema.mentions
    with store.engine.connect() as conn:
        book = ActorBook(conn)
        rows = conn.execute(select(m.c.char_start, m.c.char_end, m.c.actor_id).where(m.c.doc_id == doc_id)
                            .order_by(m.c.char_start, m.c.id)).all()
        names = book.names({int(r.actor_id) for r in rows})
        return [MentionSpan(int(r.char_start), int(r.char_end), book.root(int(r.actor_id)),
                            names[int(r.actor_id)]) for r in rows]


def search_actors(store: Store, query: str, *, limit: int = 50) -> list[ActorRecord]:
    """Actors whose name or an alias contains the query (case and punctuation aside), most mentioned first."""
    from ..store import alias_key

    key = alias_key(query)
    folded = query.casefold().strip()
    if not folded:
        return []
    found = []
    for record in store.actors():
        names = (record.name, *record.aliases)
        if any(folded in n.casefold() or (key and key in alias_key(n)) for n in names):
            found.append(record)
    return found[:limit]


def search_documents(store: Store, query: str, *, limit: int = 50) -> list[dict[str, object]]:
    """Documents whose title or text contains the query (case-insensitive), with a snippet around the hit."""
    text = query.strip()
    if not text:
        return []
    d = schema.documents
    with store.engine.connect() as conn:
        rows = conn.execute(select(d.c.id, d.c.title, d.c.date, d.c.text)
                            .where(or_(d.c.text.icontains(text, autoescape=True),
                                       d.c.title.icontains(text, autoescape=True)))
                            .order_by(d.c.id).limit(limit)).all()
    out = []
    for r in rows:
        at = r.text.lower().find(text.lower())
        before, hit, after = "", "", ""
        if at >= 0:
            start = max(0, at - SNIPPET)
            before = ("\u2026" if start else "") + r.text[start:at]
            hit = r.text[at:at + len(text)]
            end = at + len(text)
            after = r.text[end:end + SNIPPET] + ("\u2026" if end + SNIPPET < len(r.text) else "")
        out.append({"id": r.id, "url": "/documents/" + quote(r.id, safe=""), "title": r.title, "date": r.date,
                    "before": before, "hit": hit, "after": after})
    return out
