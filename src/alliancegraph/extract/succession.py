"""Leaders who follow each other: "his predecessor, Y", "X succeeded Y", "X took over from Y".

A succession names two people and, usually, not the group they led: the group comes from
the rest of the document ("Nasrallah leads Hezbollah ... killed his predecessor, Abbas
al-Musawi").  :func:`successions` reads the pairs of one sentence;
:func:`leaders_from_successions` then gives each person of a pair the groups the other
leads in the same document (else in the gazetteer, among the groups the document names),
the predecessor up to the change and the successor from it.  "The group has named a
successor, Z" names the group itself.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from spacy.tokens import Token

from ..model import Evidence, Fact, Relation
from . import arguments as frames
from .context import ActorMention, SentenceContext, fact_time, is_hedged, sentence_evidence

BEFORE = "predecessor"
AFTER = "successor"
SUCCEEDING_VERBS = frozenset({"succeed", "replace"})  # "X succeeded Y": X is the new leader
GROUPS = frozenset({"armed_group", "group", "organization"})
SUCCESSION_WORDS = re.compile(r"predecessor|successor|succeed|replac|\b(?:take|takes|took|taken|taking) over|command"
                              r"|helm|leadership|\b(?:named|chosen|appointed|elected|installed)\b", re.I)
# "X took command", "X assumed the leadership", "leadership passed to X", "X was named emir": a new leader,
# of the group the sentence names or, failing that, the one the passage is about
CHARGE_NOUNS = frozenset({"command", "helm", "leadership", "reins", "charge"})
TAKING_VERBS = frozenset({"take", "assume", "seize"})
PASSING_VERBS = frozenset({"pass", "fall", "go"})
NAMING_VERBS = frozenset({"name", "choose", "appoint", "elect", "install"})
LEADER_NOUNS = frozenset({"leader", "emir", "amir", "chief", "commander", "head", "caliph"})


@dataclass(frozen=True)
class Succession:
    """One change of leader a sentence states; ``group`` when the sentence names it."""

    new: str | None
    old: str | None
    group: str | None
    evidence: Evidence
    time: str | None
    hedged: bool
    attributed_to: str | None


def _person(token: Token, ctx: SentenceContext) -> ActorMention | None:
    found = ctx.mention_at(token)
    return found if found is not None and found.type == "person" else None


def _named(noun: Token, ctx: SentenceContext) -> ActorMention | None:
    """The person a role noun names: "his predecessor, Y" or "Y, his predecessor"."""
    for child in noun.children:
        if child.dep_ == "appos" and (found := _person(child, ctx)) is not None:
            return found
    return _person(noun.head, ctx) if noun.dep_ == "appos" else None


def _owner(noun: Token, ctx: SentenceContext) -> ActorMention | None:
    """Whose predecessor: "his predecessor", "Soleimani's successor"."""
    return next((found for child in noun.children if child.dep_ == "poss"
                 and (found := _person(child, ctx)) is not None), None)


def _naming_group(noun: Token, ctx: SentenceContext) -> ActorMention | None:
    """ "The group has named a successor, Z": the group that names him."""
    if noun.dep_ not in ("dobj", "attr") or noun.head.pos_ != "VERB":
        return None
    found = frames.subject(noun.head, ctx)
    return found[0] if found is not None and not found[1] and found[0].type in GROUPS else None


def _pairs(token: Token, ctx: SentenceContext) -> tuple[ActorMention | None, ActorMention | None,
                                                         ActorMention | None] | None:
    """(new, old, group) for one token that states a succession, else None."""
    lemma = token.lemma_.lower()
    if token.pos_ == "NOUN" and lemma in (BEFORE, AFTER):
        named = _named(token, ctx)
        if named is None:
            return None
        owner = _owner(token, ctx)
        if owner is not None and owner.name != named.name:
            return (owner, named, None) if lemma == BEFORE else (named, owner, None)
        group = _naming_group(token, ctx) if lemma == AFTER else None
        return (named, None, group) if group is not None else None
    if token.pos_ != "VERB":
        return None
    charge = _taking_charge(token, lemma, ctx)
    if charge is not None:
        return charge
    found = frames.subject(token, ctx)
    new = found[0] if found is not None and not found[1] and found[0].type == "person" else None
    if new is None:
        return None
    if lemma in SUCCEEDING_VERBS:
        old = next((p for c in token.children if c.dep_ == "dobj" and (p := _person(c, ctx))), None)
    elif lemma == "take" and any(c.dep_ == "prt" and c.lower_ == "over" for c in token.children):
        old = next((p for c in token.children if c.dep_ == "prep" and c.lower_ == "from"
                    for o in c.children if o.dep_ == "pobj" and (p := _person(o, ctx))), None)
    else:
        return None
    return (new, old, None) if old is not None and old.name != new.name else None


def successions(ctx: SentenceContext) -> list[Succession]:
    """The changes of leader one sentence states."""
    if not any(m.type == "person" for m in ctx.mentions) or not SUCCESSION_WORDS.search(ctx.sent.text):
        return []  # most sentences name no succession: skip the walk over their tokens
    sent = ctx.sent
    evidence = sentence_evidence(ctx)
    found: list[Succession] = []
    for token in sent:
        pair = _pairs(token, ctx)
        if pair is None:
            continue
        new, old, group = pair
        found.append(Succession(
            new.name if new else None, old.name if old else None, group.name if group else None, evidence,
            fact_time(sent.doc[token.i : token.i + 1], ctx), is_hedged(sent, ctx.lexicon, ctx.questioned, token),
            ctx.speaker))
    return found


def _led(facts: Iterable[Fact]) -> dict[str, list[str]]:
    led: dict[str, list[str]] = {}
    for fact in facts:
        if isinstance(fact, Relation) and fact.relation == "leads" and not fact.negated:
            led.setdefault(fact.source, []).append(fact.target)
    return led


def _taking_charge(verb: Token, lemma: str, ctx: SentenceContext) -> tuple[ActorMention, None, ActorMention] | None:
    """(new leader, None, group) for "X took command (of Y)", "leadership passed to X", "X was named emir"."""
    new: ActorMention | None = None
    role: Token | None = None
    if lemma in TAKING_VERBS:
        role = next((c for c in verb.children if c.dep_ == "dobj" and c.lemma_.lower() in CHARGE_NOUNS), None)
        found = frames.subject(verb, ctx) if role is not None else None
        new = found[0] if found is not None and not found[1] else None
    elif lemma in PASSING_VERBS:
        role = next((c for c in verb.children if c.dep_ == "nsubj" and c.lemma_.lower() in CHARGE_NOUNS), None)
        new = next((p for c in verb.children if c.dep_ == "prep" and c.lower_ == "to" for o in c.children
                    if o.dep_ == "pobj" and (p := _person(o, ctx))), None) if role is not None else None
    elif lemma in NAMING_VERBS and verb.tag_ == "VBN":
        role = next((t for t in verb.subtree if t.i > verb.i and t.lemma_.lower() in LEADER_NOUNS), None)
        subject = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
        new = _person(subject, ctx) if subject is not None and role is not None else None
    if new is None or new.type != "person" or role is None or new.name in ctx.rulers:
        return None
    group = next((m for t in role.subtree if (m := ctx.mention_at(t)) is not None and m.type in GROUPS), None)
    group = group or ctx.group_in_view
    if group is None or ctx.commanders.get(new.name, group.name) != group.name:
        return None
    return new, None, group


def leaders_from_successions(facts: list[Fact], found: Iterable[Succession], types: Mapping[str, str],
                             known_groups: Mapping[str, tuple[str, ...]]) -> list[Fact]:
    """The facts plus a ``leads`` fact for each person of a succession, for the group the other leads."""
    led = _led(facts)
    stated = {(person, group) for person, groups in led.items() for group in groups}
    added: list[Fact] = []
    for change in found:
        people = [p for p in (change.new, change.old) if p]
        groups = [change.group] if change.group else [g for p in people for g in led.get(p, ())
                                                      if types.get(g) in GROUPS]
        if not groups:  # the gazetteer knows old ties too: only a group the document names is meant
            groups = [g for p in people for g in known_groups.get(p, ()) if g in types]
        for group in dict.fromkeys(groups):
            for person, time in ((change.new, f"{change.time}/" if change.time else None),
                                 (change.old, f"/{change.time}" if change.time else None)):
                if person is None or (person, group) in stated:
                    continue
                stated.add((person, group))
                added.append(Relation(person, "leads", group, change.evidence, hedged=change.hedged,
                                      attributed_to=change.attributed_to, time=time, role="leader"))
    return facts + added
