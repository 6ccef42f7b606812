"""Document-wide inference: killing a group's leader or member is fighting that group.

"Godane, al-Shabaab's leader ... Godane was killed in a US airstrike" states that the
United States fights al-Shabaab, as a careful reader would note it.  The victim's group
comes from the same document (an affirmed ``leads`` or ``member_of`` fact), else from the
gazetteer's links to a group the document names; the killer must be a state, a state's force or an armed group, and
the new fact keeps the killing's sentence, flags, speaker and time.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from ..model import Event, Fact, Relation

KILLERS = frozenset({"state", "state_force", "armed_group"})
GROUPS = frozenset({"armed_group", "group", "state_force"})


def _groups_in_document(facts: Iterable[Fact], types: Mapping[str, str]) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for fact in facts:
        if (isinstance(fact, Relation) and fact.relation in ("leads", "member_of") and not fact.negated
                and types.get(fact.source) == "person" and types.get(fact.target) in GROUPS):
            found.setdefault(fact.source, []).append(fact.target)
    return found


def fights_from_killings(facts: list[Fact], types: Mapping[str, str],
                         known_groups: Mapping[str, tuple[str, ...]]) -> list[Fact]:
    """The facts plus a ``fights`` fact from each killer to the group of each person it killed."""
    in_document = _groups_in_document(facts, types)
    stated = {(f.source, f.target, f.evidence.char_start) for f in facts
              if isinstance(f, Relation) and f.relation == "fights"}
    added: list[Fact] = []
    for fact in facts:
        if not isinstance(fact, Event) or fact.event != "killing":
            continue
        killers = [a for a in fact.actors if types.get(a) in KILLERS]
        victims = [a for a in fact.actors if types.get(a) == "person"]
        if len(killers) != 1:
            continue  # who killed whom is only clear with one organised actor
        killer = killers[0]
        for victim in victims:
            # the gazetteer knows old ties too: only a group the document names is meant
            known = [g for g in known_groups.get(victim, ()) if g in types]
            for group in dict.fromkeys(in_document.get(victim) or known):
                key = (killer, group, fact.evidence.char_start)
                if group == killer or key in stated:
                    continue
                stated.add(key)
                added.append(Relation(killer, "fights", group, fact.evidence, negated=fact.negated,
                                      hedged=fact.hedged, attributed_to=fact.attributed_to, time=fact.time))
    return facts + added
