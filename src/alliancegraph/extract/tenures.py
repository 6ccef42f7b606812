"""Document-wide inference: a leader's tenure ends with his death when the same document dates it.

"Mullah Omar, the Taliban's leader, refused ..." (2001) and "Omar's 2013 death" in one
article: the ``leads`` fact's valid time runs to 2013, not on without end.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace

from ..model import Event, Fact, Relation

_YEAR = re.compile(r"\d{4}")


def _deaths(facts: Iterable[Fact]) -> dict[str, str]:
    """Each person's stated death time (affirmed, unhedged, dated), the earliest if several."""
    found: dict[str, str] = {}
    for fact in facts:
        if (isinstance(fact, Event) and fact.event == "death" and not fact.negated and not fact.hedged
                and fact.time and "/" not in fact.time and _YEAR.match(fact.time) and len(fact.actors) == 1):
            person = fact.actors[0]
            found[person] = min(found.get(person, fact.time), fact.time)
    return found


def close_tenures(facts: list[Fact]) -> list[Fact]:
    """The facts with every open ``leads`` of a person who died (per the document) ended at the death."""
    deaths = _deaths(facts)
    if not deaths:
        return facts
    out: list[Fact] = []
    for fact in facts:
        death = deaths.get(fact.source) if isinstance(fact, Relation) and fact.relation == "leads" else None
        if isinstance(fact, Relation) and death is not None and not fact.negated:
            start, _, end = (fact.time or "").partition("/")
            if not end:
                # a start after the death is the article's own date, not when he led
                start = start if start and start[:4] <= death[:4] else ""
                fact = replace(fact, time=f"{start}/{death}")
        out.append(fact)
    return out
