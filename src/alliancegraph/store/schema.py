"""The tables, as SQLAlchemy Core metadata shared by SQLite and PostgreSQL.

Every fact row names the extraction run that produced it and carries its
evidence (document, sentence and character offsets), so that any number the
graph shows can be traced back to a sentence.
"""

from __future__ import annotations

from sqlalchemy import (
    Boolean,
    Column,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)

metadata = MetaData()

migrations = Table(
    "migrations",
    metadata,
    Column("name", String(200), primary_key=True),
    Column("applied_at", String(40), nullable=False),
)

documents = Table(
    "documents",
    metadata,
    Column("id", String(300), primary_key=True),
    Column("content_hash", String(64), nullable=False, unique=True),
    Column("title", Text),
    Column("date", String(10)),
    Column("source", Text),
    Column("author", Text),
    Column("url", Text),
    Column("path", Text),
    Column("text", Text, nullable=False),
    Column("ingested_at", String(40), nullable=False),
)

runs = Table(
    "runs",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("extractor", String(100), nullable=False),
    Column("version", String(40), nullable=False),
    Column("model", String(100), nullable=False),
    Column("started_at", String(40), nullable=False),
    Column("finished_at", String(40)),
    Column("documents", Integer, nullable=False, default=0),
)

actors = Table(
    "actors",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("name", String(300), nullable=False, unique=True),
    Column("type", String(40), nullable=False),
    Column("region", String(100)),
    Column("origin", String(20), nullable=False),  # "gazetteer" or "text"
    # an analyst's merge: this actor is read as the one it was merged into (see decisions)
    Column("merged_into", Integer, ForeignKey("actors.id")),
)

aliases = Table(
    "aliases",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("actor_id", Integer, ForeignKey("actors.id", ondelete="CASCADE"), nullable=False),
    Column("alias", String(300), nullable=False),
    Column("key", String(300), nullable=False),
    UniqueConstraint("actor_id", "key", name="uq_alias_actor_key"),
    Index("ix_aliases_key", "key"),
)

mentions = Table(
    "mentions",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("doc_id", String(300), ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
    Column("run_id", Integer, ForeignKey("runs.id"), nullable=False),
    Column("actor_id", Integer, ForeignKey("actors.id"), nullable=False),
    Column("text", Text, nullable=False),
    Column("char_start", Integer, nullable=False),
    Column("char_end", Integer, nullable=False),
    Column("method", String(20), nullable=False),
    Index("ix_mentions_doc", "doc_id"),
    Index("ix_mentions_actor", "actor_id"),
)

facts = Table(
    "facts",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("run_id", Integer, ForeignKey("runs.id"), nullable=False),
    Column("doc_id", String(300), ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
    Column("kind", String(10), nullable=False),  # relation, quantity, event
    # relation: source -> target; quantity: source is the measured actor; event: first two actors
    Column("source_id", Integer, ForeignKey("actors.id")),
    Column("target_id", Integer, ForeignKey("actors.id")),
    Column("relation", String(40)),
    Column("role", String(20)),
    Column("support", Text),  # JSON list of support kinds
    Column("measure", String(40)),
    Column("value", Float),
    Column("approximate", Boolean),
    Column("event", String(40)),
    Column("actors", Text),  # JSON list of canonical names (events)
    Column("place", String(300)),
    Column("negated", Boolean, nullable=False, default=False),
    Column("hedged", Boolean, nullable=False, default=False),
    Column("attributed_to", String(300)),
    Column("time", String(40)),
    Column("time_start", String(10)),
    Column("time_end", String(10)),
    Column("evidence", Text, nullable=False),
    Column("char_start", Integer, nullable=False),
    Column("char_end", Integer, nullable=False),
    Column("sentence_start", Integer, nullable=False),
    Column("sentence_end", Integer, nullable=False),
    Column("fingerprint", String(64), nullable=False),
    # "extracted" facts are replaced by each re-extraction; "analyst" facts were added by hand and stay
    Column("origin", String(10), nullable=False, server_default="extracted"),
    Column("decision_id", Integer),  # the decision that added an analyst fact
    Index("ix_facts_doc", "doc_id"),
    Index("ix_facts_pair", "source_id", "target_id", "relation"),
    Index("ix_facts_target", "target_id"),
    Index("ix_facts_fingerprint", "fingerprint"),
)


decisions = Table(
    "decisions",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    # merge, split, confirm, reject, add_fact, undo
    Column("action", String(20), nullable=False),
    # what it is about: an actor name, a fact fingerprint, a decision id
    Column("subject", String(300), nullable=False),
    Column("payload", Text, nullable=False, default="{}"),  # JSON: the rest of what was decided
    Column("who", String(200), nullable=False),
    Column("why", Text, nullable=False),
    Column("made_at", String(40), nullable=False),
    Column("undone_by", Integer, ForeignKey("decisions.id")),
)

fact_reviews = Table(
    "fact_reviews",
    metadata,
    # keyed by fingerprint, not id, so that a review outlives re-extraction of its document
    Column("fingerprint", String(64), primary_key=True),
    Column("status", String(10), nullable=False),  # confirmed or rejected
    Column("decision_id", Integer, ForeignKey("decisions.id"), nullable=False),
)

tie_summary = Table(
    "tie_summary",
    metadata,
    # one row per tie as stored, actors not read through merges; a symmetric type keys its tie
    # by the smaller actor id first, so both directions share a row
    Column("source_id", Integer, primary_key=True),
    Column("relation", String(40), primary_key=True),
    Column("target_id", Integer, primary_key=True),
    # what ties() reads without --as-of: the status as of now and the tie's summary
    Column("status", String(10), nullable=False),
    Column("reason", Text, nullable=False),
    Column("affirmed", Integer, nullable=False),
    Column("negated", Integer, nullable=False),
    Column("sources", Text, nullable=False),  # JSON list of the affirming documents, sorted
    Column("documents", Integer, nullable=False, server_default="0"),  # how many: ranking reads no JSON
    Column("support", Text, nullable=False),  # JSON list of the kinds of help affirmed, sorted
    Column("first_stated", String(10)),
    Column("last_stated", String(10)),
    Column("best_fact_id", Integer, nullable=False),
    Column("latest_asserted", String(10)),  # the latest document date and valid-time start among the claims,
    Column("latest_start", String(10)),  # from which the reference day of a question is taken
    # strength terms (analysis/summary.py): sums of claim shares before recency, those ending on or before
    # the anchor day aged to it; claims ending after the anchor are listed one by one in "late"
    Column("anchor", String(10)),
    Column("affirmed_closed", Float, nullable=False),
    Column("affirmed_open", Float, nullable=False),
    Column("denied_closed", Float, nullable=False),
    Column("denied_open", Float, nullable=False),
    Column("late", Text, nullable=False),  # JSON list of [end day, share, negated]
    Index("ix_tie_summary_target", "target_id"),
)
