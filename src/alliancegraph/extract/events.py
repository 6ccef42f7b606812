"""Events: deaths, attacks, airstrikes, invasions, captures, successions, pledges...

An event needs a trigger word *and* an actor the parse ties to it: the
trigger's subject or agent, its object, a possessor ("Bin Laden's death"),
"of" ("the death of Mullah Omar"), or a name inside its phrase.  A trigger
with no such actor is background and gives no event; so does a bare plural
noun ("terrorist attacks"), which speaks of a kind of event, not of one.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

from spacy.tokens import Span, Token

from ..model import Event
from . import arguments as frames
from .context import (
    ActorMention,
    SentenceContext,
    cited_by_according,
    fact_time,
    is_hedged,
    is_negated,
    sentence_evidence,
)
from .triggers import Found

PERSON_EVENTS = frozenset({"death", "leadership_change"})
TERRITORY_EVENTS = frozenset({"capture_of_territory", "loss_of_territory"})
OATHS = ("allegiance", "bayat", "bay'ah", "baya", "oath")
PLAIN_TAKING = frozenset({"take", "sweep", "roll", "march"})  # take ground only with a place as what they take
FOUNDED = frozenset({"armed_group", "group", "organization", "state_force"})  # what is founded as a body
ACTING = frozenset({"statement", "pledge", "founding", "split"})  # these need an actor as subject or owner


def _attached(head: Token, ctx: SentenceContext) -> tuple[list[ActorMention], list[ActorMention]]:
    """Actors the parse ties to a trigger: (doers, others)."""
    doers: list[ActorMention] = []
    others: list[ActorMention] = []
    found = frames.subject(head, ctx) if head.pos_ in ("VERB", "AUX") else None
    if found is not None:
        (others if found[1] else doers).append(found[0])
    by = frames.agent(head, ctx)
    if by is not None:
        doers.extend(frames.with_conjuncts(by, ctx))  # "pushed out by Afghan and U.S. forces": both
    doers.extend(_by_instrument(head, ctx))
    if head.pos_ in ("NOUN", "PROPN") and head.dep_ == "dobj" and head.head.pos_ == "VERB":
        found = frames.subject(head.head, ctx)  # "the United States has conducted 120 airstrikes"
        if found is not None and not found[1]:
            doers.append(found[0])
    if head.pos_ in ("NOUN", "PROPN"):
        owner, fillers = frames.owner_and_filler(head, ctx, role_noun=False)
        leader = _led_by(head, ctx)
        if leader is not None:
            doers.append(leader)  # "the U.S.-led invasion of Afghanistan": Afghanistan is invaded, not invading
        if owner is not None:
            (others if leader is not None else doers).append(owner)
        others.extend(fillers)
    others.extend(frames.objects(head, ctx, "controls", None))
    inside = [m for m in ctx.mentions if m.start > head.i and head.is_ancestor(ctx.sent.doc[m.start])]
    others.extend(inside[:2])
    return list(dict.fromkeys(doers)), [m for m in dict.fromkeys(others) if m not in doers]


def _by_instrument(head: Token, ctx: SentenceContext) -> list[ActorMention]:
    """ "killed in a US drone strike", "killed by a French raid": the actor owning the means is the doer."""
    found = []
    for prep in (c for c in head.children if c.dep_ in ("prep", "agent") and c.lower_ in ("in", "by")):
        for noun in (c for c in prep.children if c.dep_ == "pobj" and c.lemma_.lower() in ctx.lexicon.instruments):
            for modifier in noun.subtree:
                mention = ctx.mention_at(modifier) if modifier.i < noun.i else None
                if mention is not None and mention.type in ("state", "state_force", "armed_group", "group"):
                    found.append(mention)
                    break
    return found


def _led_by(head: Token, ctx: SentenceContext) -> ActorMention | None:
    """The actor in "U.S.-led invasion" or "Saudi-led strikes": NAME - led NOUN, or NAME - NOUN."""
    doc, i = ctx.sent.doc, head.i
    if i >= 3 and doc[i - 1].lower_ == "led" and doc[i - 2].text == "-":
        return ctx.mention_at(doc[i - 3])
    if i >= 2 and doc[i - 1].text == "-":
        return ctx.mention_at(doc[i - 2])
    return None


def _figurative(event: str, head: Token, ctx: SentenceContext) -> bool:
    """ "strike a balance", "launched an offensive": the trigger's object says it is not this event."""
    words = ctx.lexicon.figurative_objects.get(event, ())
    if not words:
        return False
    objects = [c for c in head.children if c.dep_ in ("dobj", "nsubjpass")]
    if head.dep_ in ("acl", "amod", "advcl"):  # "Launched in 2001, the invasion ...": the noun it describes
        objects += [head.head] + [c for c in head.head.children if c.dep_ in ("nsubj", "nsubjpass")]
    return any(o.lemma_.lower() in words for o in objects)


def _wished(head: Token, ctx: SentenceContext) -> bool:
    """ "a desire to expel U.S. forces", "plans to seize the town": wanted, not done (an attempt stays, hedged)."""
    return any(a.lemma_.lower() in ctx.lexicon.wishes for a in head.ancestors)


def _took_the_place(verb: Token, place: ActorMention, ctx: SentenceContext) -> bool:
    """ "the Islamic Courts Union took Mogadishu", "swept into Sanaa": the place is what is taken or entered."""
    root = ctx.sent.doc[place.start : place.end].root
    return (root.dep_ == "dobj" and root.head == verb) or (
        root.dep_ == "pobj" and root.head.lower_ == "into" and root.head.head == verb)


def _town(mention: ActorMention, event: str) -> bool:
    """A one-word name the small model took for a person, where a place is expected ("seized Sanaa")."""
    return event in TERRITORY_EVENTS and mention.type == "person" and mention.method == "ner" and (
        mention.end - mention.start == 1)


def _generic(head: Token) -> bool:
    """A bare plural noun ("terrorist attacks", "airstrikes") names a kind of event, not one."""
    if head.tag_ not in ("NNS", "NNPS"):
        return False
    return not any(c.dep_ in ("det", "poss", "nummod", "compound") or c.ent_type_ for c in head.children)


def _unnamed_successor(head: Token, ctx: SentenceContext) -> bool:
    """A noun of succession that names no incoming leader: only the one who left owns it ("Omar's successors")
    and no person stands beside it ("his replacement, Gen. Nicholson" names one)."""
    if head.pos_ != "NOUN":
        return False
    if head.dep_ not in ("nsubj", "nsubjpass"):
        return False  # an apposition ("X, his successor") or an object ("named X as successor") names one
    beside = [t for c in head.children if c.dep_ in ("appos", "compound", "prep", "acl", "relcl") for t in c.subtree]
    return not any((m := ctx.mention_at(t)) is not None and m.type == "person" for t in beside)


def events(ctx: SentenceContext, triggers: Found) -> Iterator[Event]:
    """Every event a sentence reports that involves at least one known actor.  Killings told with an attack
    ("killed 23 soldiers in an ambush") are that attack's toll, not a killing of their own, unless a named
    person was killed."""
    found = list(_events(ctx, triggers))
    people = {m.name for m in ctx.mentions if m.type == "person"}
    states = {m.name for m in ctx.mentions if m.type in ("state", "state_force")}
    attacked = any(e.event in ("attack", "airstrike") for e in found)
    for event in found:
        if attacked and event.event == "killing" and not people & set(event.actors):
            continue
        if event.event == "airstrike" and not states & set(event.actors):
            if any(e.event == "attack" for e in found):
                continue  # "militants bombed three churches": a bombing, not an air strike
            event = replace(event, event="attack")
        yield event


def _events(ctx: SentenceContext, triggers: Found) -> Iterator[Event]:
    seen: set[str] = set()
    for event, trigger in triggers:
        head = trigger.root
        if event in seen or _generic(head) or _figurative(event, head, ctx) or _wished(head, ctx):
            continue
        if event == "pledge" and not any(w in trigger.text.lower() for w in OATHS) and any(
                c.dep_ in ("ccomp", "xcomp") for c in head.children):
            event = "statement"  # "pledged that the group will not allow ...": a promise, said aloud
        if event == "capture_of_territory" and _person_taken(head, ctx):
            event = "other"  # "Turkish agents seized him in Kenya", "his capture in 1999": an arrest, not land
        doers, others = _attached(head, ctx)
        # "..., according to the United Nations": who reports it takes no part in it
        doers = [m for m in doers if not cited_by_according(m, ctx)]
        others = [m for m in others if not cited_by_according(m, ctx)]
        # a state is where something happened unless it did it ("Turkish drones struck ...")
        places = [m for m in doers + others
                  if m.type == "place" or (m.type == "state" and m not in doers) or _town(m, event)]
        actors = [m for m in doers + others if m.type != "place" and m not in places[:1]]
        if event in TERRITORY_EVENTS:
            if not places or frames.lost_people(head):
                continue  # "lost dozens of fighters to Israeli strikes": men lost, not ground
            if head.lemma_.lower() in PLAIN_TAKING and not _took_the_place(head, places[0], ctx):
                continue  # "took part in the fighting in Syria": no place taken
            actors = [m for m in doers + others if m.type not in ("place",) and m != places[0]]
        if event in ACTING and not doers and not (event == "founding" and _founded(head, others, ctx)):
            continue
        if event == "statement" and not any(m.type == "person" for m in doers):
            continue  # an organisation "announcing" is usually a policy, not a statement worth a fact
        if event == "pledge" and not (others or any(w in trigger.text.lower() for w in OATHS)):
            continue  # "pledged that the group will not ..." is a promise, not allegiance
        if event == "leadership_change" and _unnamed_successor(head, ctx):
            continue  # "Omar's successors have struggled", "his succession was quiet": no change is told
        if event in PERSON_EVENTS:
            actors = [m for m in actors if m.type == "person"] or actors
        if not actors:
            continue
        names = list(dict.fromkeys(m.name for m in actors))[:2]
        seen.add(event)
        yield _event(event, names, places, trigger, ctx)
        if event == "loss_of_territory" and len(names) == 2 and "capture_of_territory" not in seen:
            seen.add("capture_of_territory")  # "lost Lashio to the MNDAA", "expelled the Peshmerga from Kirkuk"
            yield _event("capture_of_territory", names, places, trigger, ctx)


def _founded(verb: Token, others: list[ActorMention], ctx: SentenceContext) -> bool:
    """ "The VDP was created in January 2020", "since it was founded in 2004": the body founded, told without its
    founders."""
    return verb.pos_ == "VERB" and any(
        c.dep_ == "nsubjpass" and (m := frames.resolve_token(c, ctx)) is not None and m in others
        and m.type in FOUNDED for c in verb.children)


def _person_taken(head: Token, ctx: SentenceContext) -> bool:
    """Whether what a verb or noun of capture takes is a person: "seized him", "was captured", "his capture"."""
    for child in head.children:
        if child.dep_ not in ("dobj", "nsubjpass", "poss"):
            continue
        if child.lower_ in ("him", "her", "his"):
            return True
        found = ctx.mention_at(child)
        # not a one-word town the small model took for a person ("seized Sanaa")
        if found is not None and found.type == "person" and (found.method != "ner" or found.end - found.start > 1):
            return True
    return False


def _event(event: str, names: list[str], places: list[ActorMention], trigger: Span, ctx: SentenceContext) -> Event:
    sent = ctx.sent
    place = next((m.name for m in places if m.name not in names), None)
    return Event(
        event=event, actors=tuple(names), place=place, time=fact_time(trigger, ctx),
        evidence=sentence_evidence(ctx),
        negated=is_negated(trigger.root, sent, ctx.lexicon),
        hedged=is_hedged(sent, ctx.lexicon, ctx.questioned) or any(
            a.lemma_.lower() in ctx.lexicon.unrealised for a in trigger.root.ancestors),
        attributed_to=ctx.speaker,
    )
