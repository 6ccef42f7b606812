"""Analysts' decisions: merge and split actors, confirm and reject facts, add facts by hand, undo.

Each decision is a row of the ``decisions`` table saying who made it, why and
when (UTC), written in the same transaction as its effect; undoing one is a
decision too.  Decisions outlive re-extraction and re-ingestion: a merge lives
on the actor (``merged_into``), a review is keyed by the fact's fingerprint,
and a fact added by hand has origin "analyst", which the extractor never
replaces.

>>> store = Store.open(":memory:")
>>> decisions(store)
[]
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import re
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, delete, func, insert, or_, select, update
from sqlalchemy.exc import SQLAlchemyError

from ..errors import QueryError, StoreError
from ..model import (
    EVENT_TYPES,
    MEASURES,
    RELATION_TYPES,
    ROLES,
    SUPPORT_KINDS,
    Evidence,
    Fact,
    Quantity,
    Relation,
    content_hash,
)
from ..timeexpr import interval_bounds
from . import schema
from .store import Store, _now, actor_roots, alias_key, fact_values, fingerprint, lookup_actor, sentence_bounds
from .summary import refresh_ties, tie_keys

ANALYST_PREFIX = "analyst:"  # documents made for a citation have ids "analyst:<hash>"
# what a hand-made fact carries until add_fact places it in a document
PENDING_EVIDENCE = Evidence("", "", 0, 0, 0, 0)

_HEX = re.compile(r"^[0-9a-f]+$")
_MIN_PREFIX = 8


@dataclass(frozen=True)
class Decision:
    """One decision of an analyst, as recorded."""

    id: int
    action: str  # merge, split, split_alias, confirm, reject, add_fact, undo
    subject: str  # an actor name, a fact fingerprint, or (undo) a decision id
    payload: Mapping[str, Any]
    who: str
    why: str
    made_at: str  # UTC, ISO 8601
    undone_by: int | None = None


# -- recording -------------------------------------------------------------


@contextmanager
def _writing(store: Store) -> Iterator[Connection]:
    """One transaction: a decision and its effect are written together or not at all."""
    try:
        with store.engine.begin() as conn:
            yield conn
    except SQLAlchemyError as err:
        raise StoreError(f"cannot record the decision: {err}") from None


def _check_reason(who: str, why: str) -> None:
    if not who or not who.strip():
        raise QueryError(f"a decision needs who makes it: got {who!r}")
    if not why or not why.strip():
        raise QueryError(f"a decision needs a reason (why): got {why!r}")


def _record(conn: Connection, action: str, subject: str, payload: Mapping[str, Any], who: str, why: str) -> Decision:
    made_at = _now()
    values = dict(action=action, subject=subject, payload=json.dumps(payload, sort_keys=True),
                  who=who.strip(), why=why.strip(), made_at=made_at)
    new_id = int(conn.execute(insert(schema.decisions).values(**values)).inserted_primary_key[0])  # type: ignore[index]
    return Decision(new_id, action, subject, dict(payload), who.strip(), why.strip(), made_at)


def _actor(conn: Connection, actor_id: int) -> Any:
    a = schema.actors
    return conn.execute(select(a).where(a.c.id == actor_id)).first()


# -- actors ------------------------------------------------------------------


def merge_actors(store: Store, keep: str, drop: str, *, who: str, why: str) -> Decision:
    """Read ``drop`` (and whatever was merged into it) as ``keep`` from now on.

    Names are resolved through the aliases.  Merging an actor into itself, or
    into an actor already read as it (a cycle), is refused.
    """
    _check_reason(who, why)
    with _writing(store) as conn:
        keep_id, drop_id = lookup_actor(conn, keep), lookup_actor(conn, drop)
        if keep_id == drop_id:
            raise QueryError(f"cannot merge {drop!r} into itself")
        roots = actor_roots(conn)
        moved = roots[drop_id][0]  # the whole group drop belongs to moves
        if roots[keep_id][0] == moved:
            raise QueryError(f"cannot merge {drop!r} into {keep!r}: both are already read as {roots[moved][1]!r}, "
                             "so the merge would make a cycle")
        conn.execute(update(schema.actors).where(schema.actors.c.id == moved).values(merged_into=keep_id))
        into, name = _actor(conn, keep_id).name, roots[moved][1]
        return _record(conn, "merge", name, {"actor_id": moved, "actor": name, "into_id": keep_id, "into": into},
                       who, why)


def split_actors(store: Store, actor: str, *, who: str, why: str) -> Decision:
    """Separate ``actor`` from the actor it was merged into; merge proposals no longer pair the two."""
    _check_reason(who, why)
    with _writing(store) as conn:
        row = _actor(conn, lookup_actor(conn, actor))
        if row.merged_into is None:
            raise QueryError(f"{actor!r} is not merged into another actor")
        parent = _actor(conn, row.merged_into)
        conn.execute(update(schema.actors).where(schema.actors.c.id == row.id).values(merged_into=None))
        payload = {"actor_id": row.id, "actor": row.name, "from_id": parent.id, "from": parent.name}
        return _record(conn, "split", row.name, payload, who, why)


def split_alias(store: Store, actor: str, alias: str, *, who: str, why: str) -> Decision:
    """Make a name wrongly taken as an alias of ``actor`` an actor of its own (origin "analyst")."""
    _check_reason(who, why)
    a, al = schema.actors, schema.aliases
    with _writing(store) as conn:
        row = _actor(conn, lookup_actor(conn, actor))
        key = alias_key(alias)
        found = conn.execute(select(al).where(al.c.actor_id == row.id, al.c.key == key)).first()
        if found is None or not key:
            raise QueryError(f"{alias!r} is not an alias of {row.name!r}")
        if key == alias_key(row.name):
            raise QueryError(f"{alias!r} is the name of {row.name!r} itself, not an alias to split off")
        if conn.execute(select(a.c.id).where(a.c.name == found.alias)).first() is not None:
            raise QueryError(f"an actor named {found.alias!r} exists already: merge or split that one instead")
        conn.execute(delete(al).where(al.c.id == found.id))
        new_id = int(conn.execute(insert(a).values(name=found.alias, type=row.type, origin="analyst"))
                     .inserted_primary_key[0])  # type: ignore[index]
        conn.execute(insert(al).values(actor_id=new_id, alias=found.alias, key=key))
        payload = {"actor_id": new_id, "actor": found.alias, "from_id": row.id, "from": row.name}
        return _record(conn, "split_alias", found.alias, payload, who, why)


def distinct_pairs(conn: Connection) -> set[frozenset[int]]:
    """Pairs of actor ids that analysts split apart (and have not undone): never proposed for a merge."""
    d = schema.decisions
    rows = conn.execute(select(d.c.payload).where(d.c.action.in_(("split", "split_alias")), d.c.undone_by.is_(None)))
    pairs = set()
    for (payload,) in rows:
        data = json.loads(payload)
        pairs.add(frozenset((int(data["actor_id"]), int(data["from_id"]))))
    return pairs


# -- facts -------------------------------------------------------------------


def _fingerprint_of(conn: Connection, ref: str) -> str:
    """The fingerprint a fact reference names: a row id, or at least 8 hex characters of a fingerprint."""
    f = schema.facts
    text = ref.strip().lower()
    found: set[str] = set()
    if text.isdigit():
        found.update(conn.execute(select(f.c.fingerprint).where(f.c.id == int(text))).scalars())
    if len(text) >= _MIN_PREFIX and _HEX.match(text):
        query = select(f.c.fingerprint).where(f.c.fingerprint.startswith(text, autoescape=True)).distinct().limit(5)
        found.update(conn.execute(query).scalars())
    elif not text.isdigit():
        raise QueryError(f"{ref!r} is not a fact id: give the number or at least {_MIN_PREFIX} hex characters "
                         "of its fingerprint (the id column of 'facts')")
    if not found:
        raise QueryError(f"no fact {ref!r}")
    if len(found) > 1:
        raise QueryError(f"fact {ref!r} is ambiguous: it names {len(found)} facts; give more characters")
    return found.pop()


def _review(store: Store, fact: str, status: str, who: str, why: str) -> Decision:
    _check_reason(who, why)
    r = schema.fact_reviews
    with _writing(store) as conn:
        fp = _fingerprint_of(conn, fact)
        current = conn.execute(select(r).where(r.c.fingerprint == fp)).first()
        if current is not None and current.status == status:
            raise QueryError(f"fact {fact!r} is already {status} (decision {current.decision_id})")
        previous = None if current is None else {"status": current.status, "decision_id": current.decision_id}
        decision = _record(conn, "confirm" if status == "confirmed" else "reject", fp,
                           {"fingerprint": fp, "previous": previous}, who, why)
        conn.execute(delete(r).where(r.c.fingerprint == fp))
        conn.execute(insert(r).values(fingerprint=fp, status=status, decision_id=decision.id))
        refresh_ties(conn, tie_keys(conn, schema.facts.c.fingerprint == fp))
        return decision


def confirm_fact(store: Store, fact: str, *, who: str, why: str) -> Decision:
    """Mark a fact (id or fingerprint prefix) confirmed; it stays so across re-extractions."""
    return _review(store, fact, "confirmed", who, why)


def reject_fact(store: Store, fact: str, *, who: str, why: str) -> Decision:
    """Mark a fact (id or fingerprint prefix) rejected: it is left out of every reading of the store."""
    return _review(store, fact, "rejected", who, why)


def _check_fact(fact: Fact) -> None:
    if isinstance(fact, Relation):
        if fact.relation not in RELATION_TYPES:
            raise QueryError(f"unknown relation {fact.relation!r}: one of {', '.join(RELATION_TYPES)}")
        if bad := [k for k in fact.support if k not in SUPPORT_KINDS]:
            raise QueryError(f"unknown support kind {bad[0]!r}: one of {', '.join(SUPPORT_KINDS)}")
        if fact.support and fact.relation != "supports":
            raise QueryError(f"support kinds are for 'supports' only, not {fact.relation!r}")
        if fact.role is not None and (fact.relation != "leads" or fact.role not in ROLES):
            raise QueryError(f"role {fact.role!r} needs relation 'leads' and one of {', '.join(ROLES)}")
        names = [fact.source, fact.target]
    elif isinstance(fact, Quantity):
        if fact.measure not in MEASURES:
            raise QueryError(f"unknown measure {fact.measure!r}: one of {', '.join(MEASURES)}")
        names = [fact.actor]
    else:
        if fact.event not in EVENT_TYPES:
            raise QueryError(f"unknown event {fact.event!r}: one of {', '.join(EVENT_TYPES)}")
        names = list(fact.actors)
    if not names or any(not n or not n.strip() for n in names):
        raise QueryError(f"a {fact.kind} needs the names of its actors: got {names!r}")
    if fact.time and interval_bounds(fact.time) == (None, None):
        raise QueryError(f"time {fact.time!r} is not YYYY, YYYY-MM, YYYY-MM-DD or START/END")


def _new_actor_type(fact: Fact, position: int) -> str:
    """The type of an actor first named by an analyst's fact, as far as the relation tells."""
    if isinstance(fact, Relation):
        if position == 0 and fact.relation in ("leads", "member_of"):
            return "person"
        if position == 1 and fact.relation == "controls":
            return "place"
    return "group"


def _evidence_for(conn: Connection, citation: str, quote: str | None, doc_id: str | None,
                  who: str) -> tuple[Evidence, bool]:
    """Where an analyst's fact is read: its quote in a stored document, or a document made for the citation."""
    d = schema.documents
    if doc_id is not None:
        text = conn.execute(select(d.c.text).where(d.c.id == doc_id)).scalar_one_or_none()
        if text is None:
            raise QueryError(f"no document with id {doc_id!r}")
        if not quote:
            raise QueryError(f"a fact added to document {doc_id!r} needs the quote that states it")
        at = text.find(quote)
        if at < 0:
            raise QueryError(f"the quote {quote!r} does not occur in document {doc_id!r}")
        first, last = sentence_bounds(text, at, at + len(quote))
        return Evidence(doc_id, quote, at, at + len(quote), first, last), False
    text = quote or citation
    new_id = ANALYST_PREFIX + hashlib.sha256(f"{citation}\n{text}".encode()).hexdigest()[:12]
    created = False
    same = conn.execute(select(d.c.id).where(d.c.content_hash == content_hash(text))).scalar_one_or_none()
    if same is not None:
        new_id = same  # a document with this very text is stored already: it is the evidence
    else:
        conn.execute(insert(d).values(id=new_id, content_hash=content_hash(text), title=f"cited by {who}",
                                      source=citation, text=text, ingested_at=_now()))
        created = True
    return Evidence(new_id, text, 0, len(text), 0, len(text)), created


def add_fact(store: Store, fact: Fact, *, citation: str, quote: str | None = None, doc_id: str | None = None,
             who: str, why: str) -> Decision:
    """Store a fact an analyst read, with the citation that states it (origin "analyst").

    ``fact`` is a :class:`Relation`, :class:`Quantity` or :class:`Event`; its
    evidence (say :data:`PENDING_EVIDENCE`) is replaced: with ``doc_id``, by
    ``quote`` where it occurs in that document; without, by a small document
    made for the citation.  Actor names are resolved through the aliases;
    unknown ones become actors of origin "analyst".  Re-extraction never
    replaces the fact; :func:`undo` removes it.
    """
    _check_reason(who, why)
    _check_fact(fact)
    if not citation or not citation.strip():
        raise QueryError(f"a fact added by hand needs a citation: got {citation!r}")
    with _writing(store) as conn:
        evidence, created_doc = _evidence_for(conn, citation.strip(), quote, doc_id, who.strip())
        created_actors: list[int] = []
        ids: dict[str, int] = {}

        def resolve(name: str, position: int) -> str:
            try:
                actor_id = lookup_actor(conn, name)
            except QueryError:
                if _name_known(conn, name):
                    raise
                values = dict(name=name, type=_new_actor_type(fact, position), origin="analyst")
                actor_id = int(conn.execute(insert(schema.actors).values(**values))
                               .inserted_primary_key[0])  # type: ignore[index]
                if alias_key(name):
                    conn.execute(insert(schema.aliases).values(actor_id=actor_id, alias=name, key=alias_key(name)))
                created_actors.append(actor_id)
            stored = str(_actor(conn, actor_id).name)
            ids[stored] = actor_id
            return stored

        placed = _placed(fact, resolve, evidence)
        if isinstance(placed, Relation) and isinstance(fact, Relation):
            source, target = (actor_roots(conn)[ids[name]] for name in (placed.source, placed.target))
            if source[0] == target[0]:
                raise QueryError(f"a relation needs two different actors: {fact.source!r} and {fact.target!r} "
                                 f"are both read as {source[1]!r}")
        fp = fingerprint(placed)
        f = schema.facts
        clash = conn.execute(select(f.c.id, f.c.origin).where(f.c.fingerprint == fp)).first()
        if clash is not None:
            hint = "undo that one first" if clash.origin == "analyst" else "confirm it instead"
            raise QueryError(f"this fact is stored already as {fp[:10]} ({clash.origin}): {hint}")
        run_id = int(conn.execute(insert(schema.runs).values(
            extractor="analyst", version="1", model="none", started_at=_now(), finished_at=_now(), documents=1))
            .inserted_primary_key[0])  # type: ignore[index]
        payload = {"fingerprint": fp, "doc_id": evidence.doc_id, "created_doc": created_doc,
                   "created_actors": created_actors, "citation": citation.strip(), "fact": placed.facts_record()}
        decision = _record(conn, "add_fact", fp, payload, who, why)
        row = fact_values(evidence.doc_id, run_id, placed, ids.__getitem__)
        row.update(origin="analyst", decision_id=decision.id)
        conn.execute(insert(f).values(**row))
        refresh_ties(conn, tie_keys(conn, f.c.fingerprint == fp))
        return decision


def _name_known(conn: Connection, name: str) -> bool:
    # a lookup that fails on a known alias failed on ambiguity, which a new actor would only worsen
    key = alias_key(name)
    return bool(key) and conn.execute(select(func.count()).select_from(schema.aliases)
                                      .where(schema.aliases.c.key == key)).scalar_one() > 0


def _placed(fact: Fact, resolve: Callable[[str, int], str], evidence: Evidence) -> Fact:
    """The fact with stored actor names and its evidence in place."""
    if isinstance(fact, Relation):
        return dataclasses.replace(fact, source=resolve(fact.source, 0), target=resolve(fact.target, 1),
                                   evidence=evidence)
    if isinstance(fact, Quantity):
        return dataclasses.replace(fact, actor=resolve(fact.actor, 0), evidence=evidence)
    return dataclasses.replace(fact, actors=tuple(resolve(n, i) for i, n in enumerate(fact.actors)),
                               evidence=evidence)


# -- undo and history --------------------------------------------------------


def _superseded(decision_id: int, what: str) -> QueryError:
    return QueryError(f"decision {decision_id} no longer holds ({what}): undo the later decisions first")


def _undo_merge(conn: Connection, data: Mapping[str, Any], decision_id: int) -> None:
    row = _actor(conn, data["actor_id"])
    if row is None or row.merged_into != data["into_id"]:
        raise _superseded(decision_id, f"{data['actor']!r} is no longer merged into {data['into']!r}")
    conn.execute(update(schema.actors).where(schema.actors.c.id == row.id).values(merged_into=None))


def _undo_split(conn: Connection, data: Mapping[str, Any], decision_id: int) -> None:
    row = _actor(conn, data["actor_id"])
    roots = actor_roots(conn)
    if row is None or row.merged_into is not None or roots[data["from_id"]][0] == row.id:
        raise _superseded(decision_id, f"{data['actor']!r} cannot be merged into {data['from']!r} again")
    conn.execute(update(schema.actors).where(schema.actors.c.id == row.id).values(merged_into=data["from_id"]))


def _undo_split_alias(conn: Connection, data: Mapping[str, Any], decision_id: int) -> None:
    a, al = schema.actors, schema.aliases
    row = _actor(conn, data["actor_id"])
    if row is None or row.merged_into is not None:
        raise _superseded(decision_id, f"{data['actor']!r} has been merged since")
    key = alias_key(row.name)
    if conn.execute(select(al.c.id).where(al.c.actor_id == data["from_id"], al.c.key == key)).first() is None:
        conn.execute(insert(al).values(actor_id=data["from_id"], alias=row.name, key=key))
    if _unused(conn, row.id):
        conn.execute(delete(al).where(al.c.actor_id == row.id))
        conn.execute(delete(a).where(a.c.id == row.id))
    else:  # facts or mentions name it by now: it is read as the actor it was split from
        conn.execute(update(a).where(a.c.id == row.id).values(merged_into=data["from_id"]))


def _unused(conn: Connection, actor_id: int) -> bool:
    """Whether no mention, fact or merge refers to an actor, so that it can be deleted."""
    f, m, a = schema.facts, schema.mentions, schema.actors
    checks = [select(m.c.id).where(m.c.actor_id == actor_id),
              select(f.c.id).where(or_(f.c.source_id == actor_id, f.c.target_id == actor_id)),
              select(a.c.id).where(a.c.merged_into == actor_id)]
    return all(conn.execute(q.limit(1)).first() is None for q in checks)


def _undo_review(conn: Connection, data: Mapping[str, Any], decision_id: int) -> None:
    r = schema.fact_reviews
    current = conn.execute(select(r).where(r.c.fingerprint == data["fingerprint"])).first()
    if current is None or current.decision_id != decision_id:
        raise _superseded(decision_id, "the fact was reviewed again since")
    conn.execute(delete(r).where(r.c.fingerprint == data["fingerprint"]))
    if data["previous"] is not None:
        conn.execute(insert(r).values(fingerprint=data["fingerprint"], **data["previous"]))
    refresh_ties(conn, tie_keys(conn, schema.facts.c.fingerprint == data["fingerprint"]))


def _undo_add_fact(conn: Connection, data: Mapping[str, Any], decision_id: int) -> None:
    f, d, a, al = schema.facts, schema.documents, schema.actors, schema.aliases
    added = f.c.decision_id == decision_id
    touched = tie_keys(conn, added)
    conn.execute(delete(f).where(added, f.c.origin == "analyst"))
    refresh_ties(conn, touched)
    orphan = conn.execute(select(f.c.id).where(f.c.doc_id == data["doc_id"]).limit(1)).first() is None
    if data["created_doc"] and orphan:
        conn.execute(delete(schema.mentions).where(schema.mentions.c.doc_id == data["doc_id"]))
        conn.execute(delete(d).where(d.c.id == data["doc_id"]))
    for actor_id in data["created_actors"]:
        if _unused(conn, actor_id):
            conn.execute(delete(al).where(al.c.actor_id == actor_id))
            conn.execute(delete(a).where(a.c.id == actor_id))


_UNDO: dict[str, Callable[[Connection, Mapping[str, Any], int], None]] = {
    "merge": _undo_merge,
    "split": _undo_split,
    "split_alias": _undo_split_alias,
    "confirm": _undo_review,
    "reject": _undo_review,
    "add_fact": _undo_add_fact,
}


def undo(store: Store, decision_id: int, *, who: str, why: str) -> Decision:
    """Revert exactly what a decision did, as a decision of its own; the undone one gets ``undone_by``."""
    _check_reason(who, why)
    d = schema.decisions
    with _writing(store) as conn:
        row = conn.execute(select(d).where(d.c.id == decision_id)).first()
        if row is None:
            raise QueryError(f"no decision {decision_id}")
        if row.undone_by is not None:
            raise QueryError(f"decision {decision_id} was already undone by decision {row.undone_by}")
        if row.action not in _UNDO:
            raise QueryError(f"decision {decision_id} is an {row.action}: it cannot be undone; decide again instead")
        _UNDO[row.action](conn, json.loads(row.payload), decision_id)
        decision = _record(conn, "undo", str(decision_id), {"decision": decision_id, "action": row.action},
                           who, why)
        conn.execute(update(d).where(d.c.id == decision_id).values(undone_by=decision.id))
        return decision


def decisions(store: Store, subject: str | None = None) -> list[Decision]:
    """The history of decisions, newest first; with ``subject``, those about that actor, fact or decision.

    An actor is matched by any of the names a decision records (and aliases
    resolve); a fact by its fingerprint or a prefix of it (8 or more hex
    characters).
    """
    d = schema.decisions
    with store.engine.connect() as conn:
        rows = conn.execute(select(d).order_by(d.c.id.desc())).all()
        names = {subject} if subject is not None else set()
        if subject is not None:
            try:
                names.add(str(_actor(conn, lookup_actor(conn, subject)).name))
            except QueryError:
                pass
    out = []
    for row in rows:
        payload = json.loads(row.payload)
        if subject is not None and not _about(row.subject, payload, names, subject):
            continue
        out.append(Decision(row.id, row.action, row.subject, payload, row.who, row.why, row.made_at, row.undone_by))
    return out


def _about(recorded: str, payload: Mapping[str, Any], names: set[str], subject: str) -> bool:
    said = {recorded, *(str(payload.get(k)) for k in ("actor", "into", "from", "decision") if k in payload)}
    if said & names:
        return True
    prefix = subject.strip().lower()
    return len(prefix) >= _MIN_PREFIX and bool(_HEX.match(prefix)) and recorded.startswith(prefix)

