"""The domain objects: documents, actors, mentions and the three kinds of fact.

All are frozen dataclasses; the store and the exporters convert them, the
extractors produce them.  A fact's ``time`` is kept in the interchange form of
``FACTS.md`` (``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD`` or ``START/END``).
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from typing import Any, Literal

ActorType = Literal["armed_group", "state", "state_force", "person", "organization", "place", "group"]
FactKind = Literal["relation", "quantity", "event"]

RELATION_TYPES = (
    "allied_with",
    "pledged_allegiance_to",
    "supports",
    "rival_of",
    "fights",
    "negotiates_with",
    "leads",
    "member_of",
    "affiliate_of",
    "split_from",
    "controls",
)
SYMMETRIC_RELATIONS = frozenset({"allied_with", "rival_of", "negotiates_with"})
SUPPORT_KINDS = (
    "training",
    "expertise",
    "personnel",
    "funding",
    "weapons",
    "safe_haven",
    "protection",
    "political",
    "advisory",
    "other",
)
ROLES = ("leader", "deputy", "founder", "commander")
MEASURES = ("fighters", "troops", "airstrikes", "attacks", "casualties", "districts_share", "funds_usd", "other")
EVENT_TYPES = (
    "attack",
    "airstrike",
    "invasion",
    "capture_of_territory",
    "loss_of_territory",
    "death",
    "killing",
    "leadership_change",
    "pledge",
    "statement",
    "founding",
    "split",
    "other",
)


_QUALIFIER = re.compile(r"\s+\([^()]*\)$")
# a bracket that is part of the name people write, not the gazetteer's qualifier: "(Maoist)", "(Marxist-Leninist)"
_NAMED_BRACKET = re.compile(r"\([^()]*\b(?:Maoist|Marxist|Leninist|Progressive)\b[^()]*\)$")


def public_name(name: str | None) -> str | None:
    """A canonical name as people write it: without the qualifier that keeps it unique in the gazetteer.

    >>> public_name("National Liberation Army (Colombia)")
    'National Liberation Army'
    >>> public_name("Communist Party of India (Maoist)")
    'Communist Party of India (Maoist)'
    """
    if not name or _NAMED_BRACKET.search(name):
        return name
    return _QUALIFIER.sub("", name)


def content_hash(text: str) -> str:
    """The identity of a document's content: SHA-256 of its whitespace-normalised text."""
    normal = re.sub(r"\s+", " ", text).strip()
    return hashlib.sha256(normal.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class Document:
    """One article: its text and the metadata its file or record gave."""

    id: str
    text: str
    title: str | None = None
    date: str | None = None  # YYYY, YYYY-MM or YYYY-MM-DD
    source: str | None = None
    author: str | None = None
    url: str | None = None
    path: str | None = None

    @property
    def content_hash(self) -> str:
        return content_hash(self.text)


@dataclass(frozen=True)
class Evidence:
    """Where a fact was read: the document, its sentence, and the exact span."""

    doc_id: str
    text: str
    char_start: int
    char_end: int
    sentence_start: int
    sentence_end: int


@dataclass(frozen=True)
class Mention:
    """One occurrence of an actor in a document."""

    doc_id: str
    actor: str  # canonical name
    actor_type: str
    text: str
    char_start: int
    char_end: int
    method: str  # "gazetteer", "ner", "coref"


@dataclass(frozen=True)
class Relation:
    source: str
    relation: str
    target: str
    evidence: Evidence
    negated: bool = False
    hedged: bool = False
    attributed_to: str | None = None
    time: str | None = None
    support: tuple[str, ...] = ()
    role: str | None = None
    kind: FactKind = field(default="relation", init=False)

    def facts_record(self) -> dict[str, Any]:
        """This fact in the interchange form of FACTS.md."""
        rec: dict[str, Any] = {
            "doc": self.evidence.doc_id,
            "kind": "relation",
            "source": public_name(self.source),
            "relation": self.relation,
            "target": public_name(self.target),
            "negated": self.negated,
            "hedged": self.hedged,
            "attributed_to": public_name(self.attributed_to),
            "time": self.time,
        }
        if self.relation == "supports":
            rec["support"] = list(self.support)
        if self.relation == "leads":
            rec["role"] = self.role
        rec["evidence"] = self.evidence.text
        return rec


@dataclass(frozen=True)
class Quantity:
    actor: str
    measure: str
    value: float
    evidence: Evidence
    approximate: bool = False
    place: str | None = None
    time: str | None = None
    attributed_to: str | None = None
    hedged: bool = False
    kind: FactKind = field(default="quantity", init=False)

    def facts_record(self) -> dict[str, Any]:
        value: float | int = int(self.value) if float(self.value).is_integer() else self.value
        return {
            "doc": self.evidence.doc_id,
            "kind": "quantity",
            "actor": public_name(self.actor),
            "measure": self.measure,
            "value": value,
            "approximate": self.approximate,
            "place": public_name(self.place),
            "time": self.time,
            "attributed_to": public_name(self.attributed_to),
            "evidence": self.evidence.text,
        }


@dataclass(frozen=True)
class Event:
    event: str
    actors: tuple[str, ...]
    evidence: Evidence
    place: str | None = None
    time: str | None = None
    negated: bool = False
    hedged: bool = False
    attributed_to: str | None = None
    kind: FactKind = field(default="event", init=False)

    def facts_record(self) -> dict[str, Any]:
        return {
            "doc": self.evidence.doc_id,
            "kind": "event",
            "event": self.event,
            "actors": [public_name(a) for a in self.actors],
            "place": public_name(self.place),
            "time": self.time,
            "evidence": self.evidence.text,
        }


Fact = Relation | Quantity | Event


@dataclass(frozen=True)
class Extraction:
    """What the extractor read in one document."""

    doc_id: str
    mentions: tuple[Mention, ...] = ()
    facts: tuple[Fact, ...] = ()
