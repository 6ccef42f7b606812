"""Facts as JSON Lines, exactly in the interchange form of ``FACTS.md``.

The store keeps every claim with its own sentence; the interchange form
writes a fact once per document (FACTS.md, "How to annotate").  So
:func:`once_per_document` folds repeated claims: relations with the same
source, type, target and negation (support kinds are merged), events of the
same type whose actors are the same (or a part of the other's), and quantities of the same actor and measure
whose values are within 10 % of each other.  The first claim keeps its
evidence, time and attribution.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import replace
from typing import IO

from ..model import SYMMETRIC_RELATIONS, Event, Fact, Quantity, Relation


def _relation_key(fact: Relation) -> tuple[str, ...]:
    ends = sorted((fact.source, fact.target)) if fact.relation in SYMMETRIC_RELATIONS else [fact.source, fact.target]
    return (fact.evidence.doc_id, fact.relation, *ends, str(fact.negated))


def _same(kept: Fact, fact: Fact) -> bool:
    if isinstance(kept, Event) and isinstance(fact, Event):
        # "the US killed A" and "the US killed B" are two events; "ISKP attacked" and "ISKP attacked Kabul" one
        small, large = sorted((set(kept.actors), set(fact.actors)), key=len)
        return kept.event == fact.event and small <= large
    if isinstance(kept, Quantity) and isinstance(fact, Quantity):
        close = abs(kept.value - fact.value) <= 0.1 * max(abs(kept.value), abs(fact.value))
        return kept.actor == fact.actor and kept.measure == fact.measure and close
    return False


def once_per_document(facts: Iterable[Fact]) -> Iterator[Fact]:
    """Each fact once per document, in the order of its first claim.  An event the text says did not happen
    ("has never pledged allegiance") is left out: the interchange form has no negated events."""
    relations: dict[tuple[str, ...], int] = {}
    kept: list[Fact] = []
    for fact in facts:
        if isinstance(fact, Event) and fact.negated:
            continue
        if isinstance(fact, Relation):
            key = _relation_key(fact)
            if key in relations:
                first = kept[relations[key]]
                assert isinstance(first, Relation)
                support = tuple(dict.fromkeys(first.support + fact.support))
                if len(support) > 1:
                    support = tuple(k for k in support if k != "other")
                kept[relations[key]] = replace(first, support=support, time=first.time or fact.time)
                continue
            relations[key] = len(kept)
        elif any(k.evidence.doc_id == fact.evidence.doc_id and _same(k, fact) for k in kept):
            continue
        kept.append(fact)
    yield from kept


def write_facts(facts: Iterable[Fact], out: IO[str]) -> int:
    """One JSON object a line, each fact once per document; returns the number written."""
    n = 0
    for fact in once_per_document(facts):
        out.write(json.dumps(fact.facts_record(), ensure_ascii=False) + "\n")
        n += 1
    return n
