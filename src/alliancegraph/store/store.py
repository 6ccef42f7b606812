"""The store: documents, actors, mentions and facts in SQLite (default) or PostgreSQL.

>>> store = Store.open(":memory:")
>>> store.counts()["documents"]
0
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable, Collection, Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, delete, event, func, insert, select, update
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.pool import StaticPool

from ..errors import QueryError, StoreError
from ..model import Document, Event, Evidence, Extraction, Fact, Quantity, Relation
from ..timeexpr import interval_bounds
from . import schema
from .migrations import migrate
from .summary import RawKey, refresh_ties, tie_keys


@dataclass(frozen=True)
class ActorRecord:
    """One actor as stored, with its aliases and how often it is mentioned.

    Actors an analyst merged into this one count here: their names are among
    its aliases (and in ``merged``), their mentions among its mentions.
    """

    id: int
    name: str
    type: str
    origin: str
    aliases: tuple[str, ...]
    mentions: int
    merged: tuple[str, ...] = ()


@dataclass(frozen=True)
class StoredFact:
    """A fact with what the store keeps around it: its row id, fingerprint, origin and review."""

    id: int
    fingerprint: str
    origin: str  # "extracted" or "analyst"
    review: str | None  # "confirmed", "rejected" or None
    fact: Fact

    @property
    def doc_id(self) -> str:
        return self.fact.evidence.doc_id

    @property
    def short_id(self) -> str:
        """The name analysts use for a fact: the first 10 hex characters of its fingerprint."""
        return self.fingerprint[:10]


@dataclass(frozen=True)
class ActorInfo:
    """What the extractor knows of an actor when it first stores it."""

    name: str
    type: str
    region: str | None = None
    aliases: tuple[str, ...] = ()
    from_gazetteer: bool = False


def alias_key(name: str) -> str:
    """The form under which aliases are compared: lower case, no spaces, hyphens or apostrophes."""
    return "".join(ch for ch in name.lower() if ch.isalnum())


# "group" is what the extractor says of a name it cannot type; it fits any type
_GENERIC_TYPES = frozenset({"group"})


def compatible_types(a: str, b: str) -> bool:
    """Whether two actor types may name the same actor (equal, or one of them unknown)."""
    return a == b or a in _GENERIC_TYPES or b in _GENERIC_TYPES


def actor_roots(conn: Connection) -> dict[int, tuple[int, str]]:
    """Every actor's id mapped to the id and name of the root of its ``merged_into`` chain."""
    a = schema.actors
    rows = {r.id: (r.name, r.merged_into) for r in conn.execute(select(a.c.id, a.c.name, a.c.merged_into))}
    out: dict[int, tuple[int, str]] = {}
    for start in rows:
        node, seen = start, {start}
        # a cycle cannot be written through the decisions API; stop on one rather than loop
        while (parent := rows[node][1]) is not None and parent in rows and parent not in seen:
            node = parent
            seen.add(node)
        out[start] = (node, rows[node][0])
    return out


def lookup_actor(conn: Connection, name: str) -> int:
    """The id of the actor a name stands for: its own name, else one of its aliases.

    An alias that several actors share is ambiguous unless they were merged
    into one; the error then lists them.  Unknown names raise :class:`QueryError`.
    """
    a, al = schema.actors, schema.aliases
    found = conn.execute(select(a.c.id).where(a.c.name == name)).scalar_one_or_none()
    if found is not None:
        return int(found)
    key = alias_key(name)
    ids = sorted(set(conn.execute(select(al.c.actor_id).where(al.c.key == key)).scalars())) if key else []
    if not ids:
        raise QueryError(f"no actor named {name!r}")
    roots = actor_roots(conn)
    distinct = {roots[i][0] for i in ids}
    if len(distinct) > 1:
        names = ", ".join(sorted(repr(roots[r][1]) for r in distinct))
        raise QueryError(f"the name {name!r} is ambiguous: it is an alias of {names}")
    # several actors of one merged group: the one named so, else the group's root
    return ids[0] if len(ids) == 1 else distinct.pop()


_SENTENCE_END = re.compile(r"[.!?][\"')\]]*\s|\n")


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The offsets of the sentence (roughly: up to ``.``, ``!``, ``?`` or a line end) around a span."""
    first = 0
    for stop in _SENTENCE_END.finditer(text, 0, start):
        first = stop.end()
    after = _SENTENCE_END.search(text, max(end - 1, first))
    if after is None:
        return first, len(text)
    last = after.start() if text[after.start()] == "\n" else after.start() + 1
    return first, max(last, end)


def engine_url(target: str | Path) -> str:
    """A SQLAlchemy URL for a file path, ``:memory:`` or an explicit URL."""
    text = str(target)
    if "://" in text:
        return text
    if text == ":memory:":
        return "sqlite://"
    return f"sqlite:///{Path(text).expanduser()}"


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def fingerprint(fact: Fact) -> str:
    """A stable identity for a fact across re-extractions: what it says and where."""
    record = fact.facts_record()
    keep = {k: record.get(k) for k in ("doc", "kind", "source", "relation", "target", "negated", "actor",
                                        "measure", "value", "event", "actors", "evidence")}
    return hashlib.sha256(json.dumps(keep, sort_keys=True, default=str).encode()).hexdigest()


class Store:
    """A connection to one alliancegraph database; every write of a document is one transaction."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        try:
            migrate(engine)
        except SQLAlchemyError as err:
            raise StoreError(f"cannot prepare the database {engine.url!r}: {err}") from None

    @classmethod
    def open(cls, target: str | Path = "alliancegraph.db") -> Store:
        """Open (creating and migrating if needed) the store at a path or URL."""
        url = engine_url(target)
        if url.startswith("sqlite"):
            path = url.removeprefix("sqlite:///")
            if path and url != "sqlite://" and not Path(path).parent.exists():
                raise StoreError(f"cannot create database {path!r}: folder {str(Path(path).parent)!r} missing")
            kwargs: dict[str, Any] = {"poolclass": StaticPool} if url == "sqlite://" else {}
            engine = create_engine(url, **kwargs)
            event.listen(engine, "connect", _sqlite_pragmas)
        else:
            engine = create_engine(url)
        return cls(engine)

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- documents ---------------------------------------------------------

    def document_id_for_hash(self, digest: str) -> str | None:
        with self.engine.connect() as conn:
            row = conn.execute(select(schema.documents.c.id).where(schema.documents.c.content_hash == digest))
            return row.scalar_one_or_none()

    def has_document(self, doc_id: str) -> bool:
        with self.engine.connect() as conn:
            row = conn.execute(select(schema.documents.c.id).where(schema.documents.c.id == doc_id))
            return row.scalar_one_or_none() is not None

    def document(self, doc_id: str) -> Document | None:
        with self.engine.connect() as conn:
            row = conn.execute(select(schema.documents).where(schema.documents.c.id == doc_id)).mappings().first()
        if row is None:
            return None
        return Document(id=row["id"], text=row["text"], title=row["title"], date=row["date"],
                        source=row["source"], author=row["author"], url=row["url"], path=row["path"])

    def documents(self) -> Iterator[Document]:
        with self.engine.connect() as conn:
            ids = list(conn.execute(select(schema.documents.c.id).order_by(schema.documents.c.id)).scalars())
        for doc_id in ids:
            doc = self.document(doc_id)
            if doc is not None:
                yield doc

    # -- runs --------------------------------------------------------------

    def start_run(self, extractor: str, version: str, model: str) -> int:
        with self.engine.begin() as conn:
            result = conn.execute(insert(schema.runs).values(
                extractor=extractor, version=version, model=model, started_at=_now(), documents=0))
            return int(result.inserted_primary_key[0])  # type: ignore[index]

    def finish_run(self, run_id: int, documents: int) -> None:
        with self.engine.begin() as conn:
            conn.execute(update(schema.runs).where(schema.runs.c.id == run_id)
                         .values(finished_at=_now(), documents=documents))

    # -- writing one document ---------------------------------------------

    def save(self, document: Document, extraction: Extraction, run_id: int,
             actors: Iterable[ActorInfo] = ()) -> None:
        """Store a document with what was extracted from it, replacing any earlier extraction.

        One transaction: on any error nothing of this document is written and
        what the store held before stays as it was.
        """
        try:
            with self.engine.begin() as conn:
                self._save(conn, document, extraction, run_id, {a.name: a for a in actors})
        except SQLAlchemyError as err:
            raise StoreError(f"cannot store document {document.id!r}: {err}") from None

    def _save(self, conn: Connection, doc: Document, extraction: Extraction, run_id: int,
              infos: dict[str, ActorInfo]) -> None:
        d = schema.documents
        values = dict(content_hash=doc.content_hash, title=doc.title, date=doc.date, source=doc.source,
                      author=doc.author, url=doc.url, path=doc.path, text=doc.text, ingested_at=_now())
        touched: set[RawKey] = set()
        if conn.execute(select(d.c.id).where(d.c.id == doc.id)).first():
            # the ties of the facts replaced, and of analysts' facts whose document (date) changes
            touched = tie_keys(conn, schema.facts.c.doc_id == doc.id)
            # facts an analyst added by hand stay; only what the extractor wrote is replaced
            conn.execute(delete(schema.facts).where(schema.facts.c.doc_id == doc.id,
                                                    schema.facts.c.origin == "extracted"))
            conn.execute(delete(schema.mentions).where(schema.mentions.c.doc_id == doc.id))
            conn.execute(update(d).where(d.c.id == doc.id).values(**values))
            self._reanchor_analyst_facts(conn, doc)
        else:
            conn.execute(insert(d).values(id=doc.id, **values))
        ids: dict[str, int] = {}

        def actor_id(name: str, fallback_type: str = "group") -> int:
            if name not in ids:
                ids[name] = self._actor_id(conn, infos.get(name) or ActorInfo(name, fallback_type))
            return ids[name]

        mention_rows = [dict(doc_id=doc.id, run_id=run_id, actor_id=actor_id(m.actor, m.actor_type), text=m.text,
                             char_start=m.char_start, char_end=m.char_end, method=m.method)
                        for m in extraction.mentions]
        if mention_rows:
            conn.execute(insert(schema.mentions), mention_rows)
        fact_rows = [fact_values(doc.id, run_id, f, actor_id) for f in extraction.facts]
        if fact_rows:
            conn.execute(insert(schema.facts), fact_rows)
        refresh_ties(conn, touched | tie_keys(conn, schema.facts.c.doc_id == doc.id))

    @staticmethod
    def _reanchor_analyst_facts(conn: Connection, doc: Document) -> None:
        """Point the evidence of analysts' facts at their quote in the document's new text.

        A quote the new text no longer holds keeps its old offsets: the fact and
        its quoted evidence stay, as the analyst wrote them.
        """
        f = schema.facts
        rows = conn.execute(select(f.c.id, f.c.evidence).where(f.c.doc_id == doc.id, f.c.origin == "analyst")).all()
        for row in rows:
            at = doc.text.find(row.evidence)
            if at >= 0:
                first, last = sentence_bounds(doc.text, at, at + len(row.evidence))
                conn.execute(update(f).where(f.c.id == row.id).values(
                    char_start=at, char_end=at + len(row.evidence), sentence_start=first, sentence_end=last))

    def _actor_id(self, conn: Connection, info: ActorInfo) -> int:
        a = schema.actors
        found = conn.execute(select(a.c.id).where(a.c.name == info.name)).scalar_one_or_none()
        if found is not None:
            return int(found)
        same = self._actor_by_alias(conn, info)
        if same is not None:
            return same
        origin = "gazetteer" if info.from_gazetteer else "text"
        new_id = int(conn.execute(insert(a).values(name=info.name, type=info.type, region=info.region,
                                                   origin=origin)).inserted_primary_key[0])  # type: ignore[index]
        keys: dict[str, str] = {}
        for alias in (info.name, *info.aliases):
            keys.setdefault(alias_key(alias), alias)
        rows = [dict(actor_id=new_id, alias=alias, key=key) for key, alias in keys.items() if key]
        if rows:
            conn.execute(insert(schema.aliases), rows)
        return new_id

    @staticmethod
    def _actor_by_alias(conn: Connection, info: ActorInfo) -> int | None:
        """A stored actor of a compatible type that has this name (up to case and punctuation) as an alias.

        Another document's spelling of an actor ("Hurras al Din") then resolves
        to the actor already stored ("Hurras al-Din") instead of a duplicate.
        When several different actors have the alias, none is guessed.
        """
        a, al = schema.actors, schema.aliases
        key = alias_key(info.name)
        if not key:
            return None
        rows = conn.execute(select(a.c.id, a.c.type, a.c.origin).select_from(al.join(a, a.c.id == al.c.actor_id))
                            .where(al.c.key == key)).all()
        fits = {r.id: r for r in rows if compatible_types(r.type, info.type)}
        if not fits:
            return None
        roots = actor_roots(conn)
        if len({roots[i][0] for i in fits}) > 1:
            return None
        actor_id = int(min(fits))
        known = set(conn.execute(select(al.c.key).where(al.c.actor_id == actor_id)).scalars())
        extra: dict[str, str] = {}
        for alias in info.aliases:
            if (k := alias_key(alias)) and k not in known:
                extra.setdefault(k, alias)
        if extra:
            conn.execute(insert(al), [dict(actor_id=actor_id, alias=v, key=k) for k, v in extra.items()])
        if info.from_gazetteer and fits[actor_id].origin == "text":
            # the gazetteer's canonical name and type are better than a spelling read in one text
            conn.execute(update(a).where(a.c.id == actor_id).values(
                name=info.name, type=info.type, region=info.region, origin="gazetteer"))
        return actor_id

    def refresh_tie_summary(self, keys: Iterable[RawKey] | None = None) -> int:
        """Recompute the ``tie_summary`` rows of these raw ties ``(source id, relation, target id)``.

        None rebuilds the whole table, streaming the facts: for a store written
        behind the store's back (bulk inserts).  Every write through the store
        keeps the table current by itself.  Returns the rows written.
        """
        try:
            with self.engine.begin() as conn:
                return refresh_ties(conn, keys)
        except SQLAlchemyError as err:
            raise StoreError(f"cannot refresh the tie summary: {err}") from None

    # -- reading -----------------------------------------------------------

    def counts(self) -> dict[str, int]:
        """How many documents, actors, mentions, facts (and facts by kind) the store holds."""
        out: dict[str, int] = {}
        with self.engine.connect() as conn:
            for name in ("documents", "actors", "mentions", "facts"):
                table = schema.metadata.tables[name]
                out[name] = int(conn.execute(select(func.count()).select_from(table)).scalar_one())
            kinds = conn.execute(select(schema.facts.c.kind, func.count()).group_by(schema.facts.c.kind))
            for kind, n in kinds:
                out[kind] = int(n)
        for kind in ("relation", "quantity", "event"):
            out.setdefault(kind, 0)
        return out

    def actors(self) -> list[ActorRecord]:
        """Every actor the documents mention, most mentioned first; merged actors are listed under their root."""
        a, m, al = schema.actors, schema.mentions, schema.aliases
        with self.engine.connect() as conn:
            counted = (select(a.c.id, a.c.name, a.c.type, a.c.origin, func.count(m.c.id).label("n"))
                       .select_from(a.outerjoin(m, m.c.actor_id == a.c.id))
                       .group_by(a.c.id, a.c.name, a.c.type, a.c.origin))
            rows = conn.execute(counted).all()
            roots = actor_roots(conn)
            names: dict[int, list[str]] = {}
            for actor, alias in conn.execute(select(al.c.actor_id, al.c.alias).order_by(al.c.id)):
                names.setdefault(roots[actor][0], []).append(alias)
        by_id = {r.id: r for r in rows}
        mentions: dict[int, int] = {}
        merged: dict[int, list[str]] = {}
        for r in rows:
            root = roots[r.id][0]
            mentions[root] = mentions.get(root, 0) + int(r.n)
            if root != r.id:
                merged.setdefault(root, []).append(r.name)
        records = []
        for root, n in mentions.items():
            r = by_id[root]
            others = [*sorted(merged.get(root, [])), *names.get(root, [])]
            aliases = tuple(dict.fromkeys(x for x in others if x != r.name))
            records.append(ActorRecord(r.id, r.name, r.type, r.origin, aliases, n, tuple(sorted(merged.get(root, [])))))
        return sorted(records, key=lambda x: (-x.mentions, x.name))

    def actor_id(self, name: str) -> int:
        """The id of the actor a name or alias stands for; :class:`QueryError` if none or several."""
        with self.engine.connect() as conn:
            return lookup_actor(conn, name)

    def facts(self, doc_id: str | None = None) -> list[Fact]:
        """The stored facts, as model objects, in document and reading order.

        Facts an analyst rejected are left out; actors are named by the root of
        their merges, so a merged alias reads as the actor it was merged into.
        """
        return [s.fact for s in self.stored_facts(doc_id) if s.review != "rejected"]

    def mention_texts(self, doc_id: str | None = None, types: Collection[str] | None = None,
                      ) -> dict[str, dict[str, list[str]]]:
        """For each document, each actor's name (read through merges) and the words the document names it by.

        Only names the document writes out (gazetteer, NER and alias mentions), not pronouns or
        descriptions; in reading order, each form once.  ``types``: only actors of these types.
        """
        m, a = schema.mentions, schema.actors
        query = (select(m.c.doc_id, m.c.actor_id, m.c.text).select_from(m.join(a, a.c.id == m.c.actor_id))
                 .where(m.c.method.notin_(("pronoun", "description", "plural"))).order_by(m.c.doc_id, m.c.char_start))
        if doc_id is not None:
            query = query.where(m.c.doc_id == doc_id)
        if types is not None:
            query = query.where(a.c.type.in_(list(types)))
        found: dict[str, dict[str, list[str]]] = {}
        with self.engine.connect() as conn:
            roots = actor_roots(conn)
            for doc, actor, text in conn.execute(query):
                forms = found.setdefault(doc, {}).setdefault(roots[actor][1], [])
                if text not in forms:
                    forms.append(text)
        return found

    def stored_facts(self, doc_id: str | None = None) -> list[StoredFact]:
        """Every stored fact (rejected ones too) with its id, fingerprint, origin and review."""
        f, r = schema.facts, schema.fact_reviews
        query = (select(f, r.c.status.label("review")).select_from(f.outerjoin(r, r.c.fingerprint == f.c.fingerprint))
                 .order_by(f.c.doc_id, f.c.char_start, f.c.id))
        if doc_id is not None:
            query = query.where(f.c.doc_id == doc_id)
        with self.engine.connect() as conn:
            rows = conn.execute(query).mappings().all()
            roots = actor_roots(conn)
            ids = {name: i for i, name in conn.execute(select(schema.actors.c.id, schema.actors.c.name))}

        def root_name(actor: int | None) -> str:
            return roots[actor][1] if actor is not None else ""

        def named(name: str) -> str:
            return roots[ids[name]][1] if name in ids else name

        return [StoredFact(row["id"], row["fingerprint"], row["origin"], row["review"],
                           _fact_from_row(row, root_name, named)) for row in rows]


def fact_values(doc_id: str, run_id: int, fact: Fact, actor_id: Callable[[str], int]) -> dict[str, Any]:
    """The ``facts`` row of a fact, its actors given ids by ``actor_id``; origin "extracted"."""
    ev = fact.evidence
    # executemany needs every row to carry every column
    row: dict[str, Any] = {c.name: None for c in schema.facts.columns if c.name != "id"}
    row.update(
        run_id=run_id, doc_id=doc_id, kind=fact.kind, evidence=ev.text, char_start=ev.char_start,
        char_end=ev.char_end, sentence_start=ev.sentence_start, sentence_end=ev.sentence_end,
        time=fact.time, fingerprint=fingerprint(fact), negated=False, hedged=fact.hedged, origin="extracted",
        attributed_to=fact.attributed_to,
    )
    row["time_start"], row["time_end"] = interval_bounds(fact.time)
    if isinstance(fact, Relation):
        row.update(source_id=actor_id(fact.source), target_id=actor_id(fact.target), relation=fact.relation,
                   role=fact.role, support=json.dumps(list(fact.support)), negated=fact.negated)
    elif isinstance(fact, Quantity):
        row.update(source_id=actor_id(fact.actor), measure=fact.measure, value=fact.value,
                   approximate=fact.approximate, place=fact.place)
    else:
        ids = [actor_id(name) for name in fact.actors]
        row.update(event=fact.event, actors=json.dumps(list(fact.actors)), place=fact.place,
                   negated=fact.negated, source_id=ids[0] if ids else None,
                   target_id=ids[1] if len(ids) > 1 else None)
    return row


def _fact_from_row(row: Any, root_name: Callable[[int | None], str], named: Callable[[str], str]) -> Fact:
    ev = Evidence(row["doc_id"], row["evidence"], row["char_start"], row["char_end"],
                  row["sentence_start"], row["sentence_end"])
    common = dict(evidence=ev, hedged=bool(row["hedged"]), time=row["time"], attributed_to=row["attributed_to"])
    if row["kind"] == "relation":
        return Relation(source=root_name(row["source_id"]), relation=row["relation"],
                        target=root_name(row["target_id"]), negated=bool(row["negated"]),
                        support=tuple(json.loads(row["support"] or "[]")), role=row["role"], **common)
    if row["kind"] == "quantity":
        return Quantity(actor=root_name(row["source_id"]), measure=row["measure"],
                        value=row["value"], approximate=bool(row["approximate"]), place=row["place"], **common)
    actors = tuple(dict.fromkeys(named(name) for name in json.loads(row["actors"] or "[]")))
    return Event(event=row["event"], actors=actors, place=row["place"], negated=bool(row["negated"]), **common)


def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
    cursor = dbapi_conn.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.close()
