"""Small hand-made stores for the analysis tests: no NLP, every fact written by hand."""

from __future__ import annotations

from itertools import count

from sqlalchemy import insert, select, update

from alliancegraph import Document, Evidence, Extraction, Quantity, Relation, Store
from alliancegraph.model import Event, Fact
from alliancegraph.store import ActorInfo, fingerprint, schema

_serial = count()


def ev(doc: str, text: str) -> Evidence:
    return Evidence(doc, text, 0, len(text), 0, len(text))


def rel(doc: str, source: str, relation: str, target: str, *, text: str | None = None, **kw: object) -> Relation:
    """A relation fact whose evidence text is unique unless given."""
    words = text or f"{source} {relation} {target} ({next(_serial)})"
    return Relation(source, relation, target, ev(doc, words), **kw)  # type: ignore[arg-type]


def qty(doc: str, actor: str, measure: str, value: float, **kw: object) -> Quantity:
    return Quantity(actor, measure, value, ev(doc, f"{actor} has {value:g} {measure} ({next(_serial)})"),
                    **kw)  # type: ignore[arg-type]


def event(doc: str, kind: str, *actors: str, **kw: object) -> Event:
    return Event(kind, actors, ev(doc, f"{kind} by {', '.join(actors)} ({next(_serial)})"), **kw)  # type: ignore[arg-type]


INFOS = [
    ActorInfo("al-Qaeda", "armed_group", aliases=("al-Qaida", "AQ"), from_gazetteer=True),
    ActorInfo("Taliban", "armed_group", aliases=("Afghan Taliban",), from_gazetteer=True),
    ActorInfo("Islamic State", "armed_group", aliases=("ISIS",), from_gazetteer=True),
]


def add(store: Store, doc_id: str, date: str | None, *facts: Fact, author: str | None = "Ann Writer") -> None:
    """Store one document holding these facts."""
    run = store.start_run("hand", "1", "none")
    doc = Document(doc_id, f"The text of {doc_id}.", title=f"Title {doc_id}", date=date, author=author)
    store.save(doc, Extraction(doc_id, (), tuple(facts)), run, INFOS)


def actor_id(store: Store, name: str) -> int:
    with store.engine.connect() as conn:
        return int(conn.execute(select(schema.actors.c.id).where(schema.actors.c.name == name)).scalar_one())


def merge(store: Store, name: str, into: str) -> None:
    """What an analyst's merge leaves in the store: the actor points to the one it was merged into."""
    with store.engine.begin() as conn:
        conn.execute(update(schema.actors).where(schema.actors.c.name == name)
                     .values(merged_into=actor_id(store, into)))


def review(store: Store, fact: Fact, status: str) -> None:
    """What an analyst's confirm/reject leaves in the store: a review row keyed by fingerprint, the summary redone."""
    with store.engine.begin() as conn:
        decision = conn.execute(insert(schema.decisions).values(
            action="confirm" if status == "confirmed" else "reject", subject=fingerprint(fact), payload="{}",
            who="tester", why="test", made_at="2024-01-01T00:00:00")).inserted_primary_key[0]
        conn.execute(insert(schema.fact_reviews).values(fingerprint=fingerprint(fact), status=status,
                                                        decision_id=decision))
    store.refresh_tie_summary()  # written behind the store's back, as the decisions API would keep it
