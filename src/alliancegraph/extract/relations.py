"""Relations between actors of one sentence, found through trigger words.

For each trigger the arguments come from the frames of :mod:`.arguments`
(between, reciprocal, noun, verb, nearest).  Type constraints keep
impossible pairs out (only a person leads; only a place is controlled), a
speaker is never a party, and a state after "in" is a place, not a party.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

from spacy.tokens import Span, Token

from ..model import SYMMETRIC_RELATIONS, Relation
from . import arguments as frames
from .arguments import Pair
from .coalitions import coalitions
from .context import (
    LOCATIVE,
    ActorMention,
    SentenceContext,
    cited_by_according,
    fact_time,
    has_cue,
    is_hedged,
    is_negated,
    is_source,
    sentence_evidence,
    speaker_of,
)
from .references import counted_as_two
from .triggers import Found

RECEIVED = "supports_received"  # trigger label: the subject is helped ("A relies on B")
BLAMED = "fights_blamed"  # trigger label: the object struck the subject's side ("Washington blamed X")
GROUP_TYPES = frozenset({"armed_group", "group", "state", "state_force", "organization"})
PLACE_TYPES = frozenset({"place", "state"})
# who is only the source when a speech verb's subject: people, and bodies that report ("a UN panel reported that
# ..."); a state or a group that "said" it did something is a party to it
REPORTERS = frozenset({"person", "organization"})
PERSON_FREE = frozenset({"allied_with", "negotiates_with", "affiliate_of", "fights"})
RECIPROCAL_TYPES = frozenset({"fights", "allied_with", "rival_of", "negotiates_with"})
NOUN_FIRST = frozenset({"affiliate_of", "member_of", "pledged_allegiance_to", "split_from"})


def _held(head: Token, ctx: SentenceContext) -> list[Pair]:
    """ "the Houthi-held port", "Taliban-controlled districts": the actor before the hyphen controls the noun."""
    if head.i < 2 or head.nbor(-1).text != "-":
        return []
    holder = ctx.mention_at(head.nbor(-2))
    place = ctx.mention_at(head.head) or frames.mention_in(list(head.head.subtree), ctx, holder)
    return [(holder, place)] if holder is not None and place is not None else []


def _head_word(trigger: Span) -> Token:
    """The word a trigger's arguments hang on: its root, but for a hyphenated noun ("co-founder",
    "second-in-command"), whose parts the small parser hangs side by side, the last part."""
    if len(trigger) > 1 and any(t.text == "-" for t in trigger) and trigger[-1].pos_ in ("NOUN", "PROPN"):
        return trigger[-1]
    return trigger.root


def _pairs(relation: str, trigger: Span, ctx: SentenceContext) -> tuple[list[Pair], str]:
    """Argument pairs for a trigger, and the frame that found them (``mutual``: both directions)."""
    head = _head_word(trigger)
    if head.pos_ == "ADP" and head.lower_ in BESIDE and head.head.lemma_.lower() in GO_BETWEEN:
        return [], "go-between"  # "alongside Egypt, Qatar brokered the truce": fellow mediators, not allies
    if relation in SYMMETRIC_RELATIONS and (named := _pair_so_named(head, ctx)):
        return named, "mutual"  # "since then the two rivals have traded arrests": the pair are rivals
    if relation == "leads" and (power := _took_power(trigger, ctx)):
        return power, "verb"
    if relation == "leads" and head.pos_ == "VERB" and not any(c.dep_ == "dobj" for c in head.children) and any(
            c.dep_ == "prep" and c.lower_ == "to" for c in head.children):
        return [], "caused"  # "the refusal led to the invasion": a cause, not a leader
    if relation == "leads" and head.pos_ == "VERB" and _directs_an_act(head):
        return [], "act"  # "he had directed attacks on American forces": he led attacks, not the Americans
    if relation == "allied_with" and head.lower_ in ("jointly", "together", "side", "shoulder") and (
            (found := frames.joint_with(head, ctx)) or any(c.dep_ == "prep" and c.lower_ == "with"
                                                           for t in (*trigger, head.head) for c in t.children)):
        return found, "verb"  # "claimed attacks jointly with the Islamic State"; with someone unnamed: no one
    if relation == "allied_with" and trigger[0].lower_ == "joint" and head.dep_ == "dobj" and any(
            c.dep_ == "prep" and c.lower_ == "against" for c in (*head.children, *head.head.children)):
        # "Uganda and Congo launched joint operations against the ADF": the doers are allies, not the ADF
        doer = frames.subject(head.head, ctx)
        together = frames.with_conjuncts(doer[0], ctx) if doer is not None and not doer[1] else []
        return ([(together[0], together[1])] if len(together) >= 2 else []), "mutual"
    if relation == "fights" and head.pos_ == "VERB" and any(
            c.dep_ == "dobj" and c.lemma_.lower() in ctx.lexicon.figurative_objects.get("attack", ())
            for c in head.children):
        return [], "figurative"  # "struck its own deal with Juba"
    if relation == "controls" and any(c.dep_ == "dobj" and c.lemma_.lower() in GATHERINGS for c in head.children):
        return [], "figurative"  # "held talks in Cairo", "holds elections"
    if relation == "split_from" and (founded := frames.broke_and_formed(head, ctx)):
        return founded, "verb"  # "fighters broke away from the EPP and formed the ACA"
    if relation in ("member_of", "affiliate_of") and _not_joining_a_group(head, ctx):
        return [], "joined"
    if relation == "controls" and head.dep_ == "pobj" and head.head.lower_ in ("for", "over"):
        return [], "contested"  # "fought for control of the suburbs", "a dispute over control of": not held
    if relation == "controls" and (held := _held(head, ctx)):
        return held, "held"
    if (fused := frames.fused_modifier(head, ctx)) is not None:
        modifier, noun = fused  # "al-Qaeda-affiliated groups" are affiliates; "US-backed forces" are backed
        return [(noun, modifier) if relation in NOUN_FIRST else (modifier, noun)], "fused"
    if frames.fused_to_unnamed(head, ctx):
        return [], "fused"  # "Iran-backed militias attacked US bases": the militias are backed, not the US
    if (word := frames.fused_word(head)) is not None and ctx.mention_at(word) is None:
        # "government-held Marib": the home state holds it; "rebel-held Idlib" names no holder, and the
        # clause's subject is not it
        state = frames.fused_state(head, ctx)
        return ([state] if state is not None and relation in ("controls", "supports", "allied_with") else []), "fused"
    if relation == "fights" and (set_against := frames.pitted(head, ctx)):
        return set_against, "verb"
    pair = frames.between(head, ctx)
    if pair is not None:
        return [pair], "mutual"
    if relation in RECIPROCAL_TYPES and (pairs := frames.reciprocal(head, ctx, relation)):
        return pairs, "mutual"
    if relation == "pledged_allegiance_to" and (found := frames.accepted_pledge(head, ctx)):
        return found, "accepted"
    if found := frames.object_relative(head, ctx):
        return found, "verb"
    if head.pos_ in ("NOUN", "PROPN") or (head.pos_ == "ADJ" and head.dep_ != "amod"):
        # "X is loyal to Y": an adjective names no role, its subject and object are the pair
        role_noun = head.pos_ != "ADJ" and (head.lemma_.lower() in frames.ROLE_NOUNS
                                            or relation in ("leads", "member_of", "affiliate_of"))
        found = frames.noun_pairs(head, relation, role_noun, ctx)
        if not found and relation == "leads" and (bare := _bare_title(head, ctx)) is not None:
            return [bare], "noun"
        if found or role_noun:
            return found, "noun"
    if head.pos_ == "ADP" and head.lower_ in BESIDE and (found := _beside(head, ctx)):
        return found, "verb"
    if head.dep_ in ("amod", "advmod") and head.head.pos_ == "NOUN" and (found := _described_as(trigger, ctx)):
        return found, "verb"
    found = frames.verb_pairs(head, relation, ctx)
    if found:
        return found, "verb"
    if relation == "leads" and head.pos_ == "VERB" and (took := _took_over(head, ctx)) is not None:
        return [took], "verb"
    if relation == "split_from" and head.pos_ == "VERB" and (away := _broke_from_view(head, ctx)) is not None:
        return [away], "verb"
    if head.pos_ == "ADP" and (found := _state_phrase(trigger, ctx)):
        return found, "verb"
    return _fallback(relation, trigger, ctx), "nearest"


def _bare_title(head: Token, ctx: SentenceContext) -> Pair | None:
    """ "Murtadha al-Sindi, a co-founder", "the shura named Diriye as emir": a title that names no body is one in
    the armed group the passage is about, for a man known to lead no other."""
    group = ctx.group_in_view
    if group is None or head.lemma_.lower().rsplit("-", 1)[-1] not in BARE_TITLES or any(
            c.dep_ in ("poss", "compound", "prep", "amod") and c.lemma_.lower() not in BARE_MODIFIERS
            for c in head.children):
        return None
    holder: Token | None = None
    if head.dep_ == "appos":
        holder = head.head
    elif appos := [c for c in head.children if c.dep_ == "appos"]:
        holder = appos[0]
    elif head.dep_ == "attr":
        holder = next((c for c in head.head.children if c.dep_ == "nsubj"), None)
    elif head.dep_ == "pobj" and head.head.lower_ == "as" and head.head.head.pos_ == "VERB":
        holder = next((c for c in head.head.head.children if c.dep_ in ("dobj", "nsubjpass", "oprd")), None)
    person = ctx.mention_at(holder) if holder is not None else None
    if person is None or person.type != "person" or person.method == "pronoun" or person.name in ctx.rulers:
        return None
    if ctx.commanders.get(person.name, group.name) != group.name:
        return None
    return person, group


BARE_TITLES = frozenset({"leader", "head", "chief", "commander", "founder", "deputy", "emir", "amir"})
# words that may qualify a bare title without naming a body ("its most senior commander", "a former emir")
BARE_MODIFIERS = frozenset({"former", "senior", "top", "veteran", "new", "founding", "longtime", "long-time",
                            "military", "spiritual", "supreme", "overall", "local", "late", "current", "interim",
                            "acting", "deputy", "most", "first", "second", "then", "elusive", "young", "old",
                            "political", "operational", "regional", "provincial"})


def _broke_from_view(verb: Token, ctx: SentenceContext) -> Pair | None:
    """ "In 2016 ISWAP broke away", "militants broke away and formed what became Hezbollah": a split that names no
    group it left is a split from the armed group the passage is about."""
    old = ctx.group_in_view
    if old is None or verb.lemma_.lower() not in BREAKING_AWAY or any(
            c.dep_ in ("dobj", "prep") and c.lower_ not in ("in", "on", "at", "during", "after")
            for c in verb.children):
        return None  # "if they do not leave", "how AQAP left": going away, not a split
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    new = ctx.mention_at(subject) if subject is not None else None  # the name itself, not "Ansar Dine's notables"
    if new is None or new.type != "armed_group":
        new = next((m for c in verb.children if c.dep_ == "conj" and c.lemma_.lower() in frames.FOUNDING_VERBS
                    for t in c.subtree if (m := ctx.mention_at(t)) is not None and m.type in ("armed_group", "group")),
                   None)  # "broke away and formed what became Hezbollah"
    if new is None or new.name == old.name or new.type not in ("armed_group", "group"):
        return None
    return new, old


BREAKING_AWAY = frozenset({"break", "split", "splinter", "secede"})


def _took_over(verb: Token, ctx: SentenceContext) -> Pair | None:
    """ "Fazlullah was killed in 2018, and Noor Wali Mehsud took over": a man who takes over without saying what
    leads the group of the man before him named in the sentence, else his own known group, else the armed group
    the passage is about."""
    if verb.lemma_.lower() not in SUCCEEDING or any(
            c.dep_ == "dobj" and c.lemma_.lower() not in TAKEN_OFFICES for c in verb.children):
        return None
    found = frames.subject(verb, ctx)
    if found is None or found[1] or found[0].type != "person" or found[0].method == "pronoun":
        return None
    person = found[0]
    before = [ctx.commanders[m.name] for m in ctx.mentions if m.type == "person" and m.name != person.name
              and m.name in ctx.commanders]
    in_view = ctx.group_in_view.name if ctx.group_in_view is not None else None
    group = before[0] if before else ctx.commanders.get(person.name, in_view)
    if group is None or ctx.commanders.get(person.name, group) != group:
        return None
    return person, ActorMention(group, "armed_group", verb.i, verb.i + 1, "description")


def _pair_so_named(noun: Token, ctx: SentenceContext) -> list[Pair]:
    """ "the two rivals", "the two allies": a description of a pair by the tie between them."""
    if noun.pos_ != "NOUN" or not counted_as_two(noun):
        return []  # "the rivals" alone may be any two the text has named
    covering = [m for m in ctx.mentions if m.start <= noun.i < m.end and m.method in ("description", "plural")]
    names = list(dict.fromkeys(m.name for m in covering))
    return [(covering[0], next(m for m in covering if m.name == names[1]))] if len(names) == 2 else []


def _took_power(trigger: Span, ctx: SentenceContext) -> list[Pair]:
    """ "Captain Ibrahim Traoré, who seized power in September 2022": who takes power leads the state it is taken
    in, else the state the gazetteer has him rule, else the state the document is about."""
    if not any(t.lower_ == "power" for t in trigger) or trigger[0].pos_ != "VERB":
        return []
    verb = trigger[0]
    found = frames.subject(verb, ctx)
    if found is None or found[1] or found[0].type != "person":
        return []
    person = found[0]
    where = next((m for p in verb.children if p.dep_ == "prep" and p.lower_ == "in" for g in p.children
                  if (m := ctx.mention_at(g)) is not None and m.type == "state"), None)
    state = where.name if where is not None else ctx.rulers.get(person.name) or ctx.home
    if state is None:
        return []
    return [(person, ActorMention(state, "state", verb.i, verb.i + 1, "home"))]


SUCCEEDING = frozenset({"take", "succeed", "assume"})  # "took over", "took charge", "succeeded", "assumed command"
TAKEN_OFFICES = frozenset({"charge", "command", "leadership", "helm", "reins", "control"})


def _described_as(trigger: Span, ctx: SentenceContext) -> list[Pair]:
    """ "the Mujahideen Shura Council of Derna, an Islamist coalition close to al-Qaeda": the noun a phrase
    describes (or the name it stands for) stands so toward the object of the phrase's "to" or "with"."""
    owner = frames.resolve_token(trigger.root.head, ctx)
    other = _prep_object(trigger, ("to", "with"), ctx)
    if owner is None or other is None or owner.name == other.name:
        return []
    return [(owner, o) for o in frames.with_conjuncts(other, ctx)]


def _prep_object(trigger: Span, preps: tuple[str, ...], ctx: SentenceContext) -> ActorMention | None:
    """The actor after one of ``preps`` hanging from a word of the trigger ("at odds with X", "close to X")."""
    return next((m for t in trigger for c in t.children if c.dep_ == "prep" and c.lower_ in preps
                 and (m := frames.mention_in(list(c.subtree), ctx)) is not None), None)


BESIDE = frozenset({"alongside", "beside"})
# verbs of standing between parties: those who do it side by side are go-betweens, not allies
GO_BETWEEN = frozenset({"broker", "mediate", "host", "facilitate", "convene", "chair", "co-chair", "sponsor",
                        "guarantee", "oversee", "monitor"})


def _beside(prep: Token, ctx: SentenceContext) -> list[Pair]:
    """ "X fought al-Shabaab alongside government forces": who acted beside whom is the verb's subject, not its
    object."""
    verb = prep.head
    found = frames.subject(verb, ctx) if verb.pos_ in ("VERB", "AUX") else None
    partner = frames.mention_in(list(prep.subtree)[1:], ctx)
    if found is None or partner is None or found[1]:
        return []
    return [(found[0], p) for p in frames.with_conjuncts(partner, ctx)]


def _state_phrase(trigger: Span, ctx: SentenceContext) -> list[Pair]:
    """ "X has long been at odds with Y", "X is at war with Y": a phrase saying how the verb's subject stands
    toward the object of its "with" or "against"."""
    verb = trigger.root.head
    found = frames.subject(verb, ctx) if verb.pos_ in ("VERB", "AUX") else None
    if found is None:
        return []
    other = _prep_object(trigger, ("with", "against"), ctx)
    return [(found[0], o) for o in frames.with_conjuncts(other, ctx)] if other is not None else []


# what one directs or commands that is a deed, not a body: "directed attacks", "ran operations", "led raids"
ACTS = frozenset({"attack", "operation", "strike", "raid", "offensive", "campaign", "bombing", "assault", "ambush",
                  "plot", "killing", "kidnapping", "war", "insurgency", "effort", "talk", "negotiation", "delegation",
                  "fight", "battle", "siege", "invasion", "withdrawal", "mission", "investigation", "crackdown"})


def _directs_an_act(verb: Token) -> bool:
    acted = [c for c in verb.children if c.dep_ == "dobj"] + ([verb.head] if verb.dep_ == "amod" else [])
    return any(t.lemma_.lower() in ACTS for t in acted)


def _blamed_on(verb: Token, ctx: SentenceContext) -> list[Pair] | None:
    """ "X blamed the attack on Y": Y struck X (None when no "on" names an actor)."""
    on = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ == "on"), None)
    striker = frames.mention_in(list(on.subtree), ctx) if on is not None else None
    if striker is None:
        return None
    found = frames.subject(verb, ctx)
    return [(striker, found[0])] if found is not None and not found[1] else []


def _blamed_for_a_tie(verb: Token) -> bool:
    """ "blamed Pakistan for sheltering its commanders": blame for a deed other than the strike itself."""
    return any(c.dep_ == "prep" and c.lower_ == "for" and any(g.dep_ == "pcomp" for g in c.children)
               for c in verb.children)


def _not_joining_a_group(head: Token, ctx: SentenceContext) -> bool:
    """ "joined the battles around Taiz", "joined them", "Islamic Jihad joined Hamas in the attack": joining
    a fight, an unnamed party or one act is not becoming a member."""
    if head.lemma_.lower() not in ("join", "rejoin"):
        return False
    joined = [ctx.mention_at(c) for c in head.children if c.dep_ == "dobj"]
    if not joined or joined[0] is None or joined[0].method == "pronoun":
        return True
    return any(c.dep_ == "prep" and c.lower_ in ("in", "for") and any(
        g.dep_ in ("pobj", "pcomp") and g.pos_ in ("NOUN", "VERB") and not g.ent_type_ for g in c.children)
        for c in head.children)


def _nearest_before(source: ActorMention, trigger: Span, ctx: SentenceContext) -> bool:
    """Whether no other party stands between a subject and its verb (a check on the small parser, which can give
    "joined" the subject of an earlier clause)."""
    return not any(source.end <= m.start and m.end <= trigger.start and m.name != source.name
                   and m.type in GROUP_TYPES for m in ctx.mentions)


GATHERINGS = frozenset({"talk", "talks", "meeting", "election", "elections", "exercise", "exercises", "rally",
                        "conference", "ceremony", "vote", "referendum", "summit", "session", "round"})
CAPTURES = frozenset({"seize", "capture", "overrun", "storm"})
WRESTING = CAPTURES | {"take", "retake", "recapture", "wrest", "grab", "win"}  # verbs that take a place from someone
# what a party holds and an enemy strikes or takes: "overran Shekau's camps", "bombed his hideouts"
HOLDINGS = frozenset({"camp", "base", "position", "stronghold", "hideout", "compound", "convoy", "headquarters",
                      "outpost", "garrison", "checkpoint", "bastion", "redoubt", "lair", "trench", "depot",
                      "barracks", "post", "line"})


PLACE_HEADS = frozenset({"province", "city", "district", "region", "town", "valley", "county", "state",
                         "governorate", "area", "areas", "airport", "port", "border", "countryside", "capital",
                         "oblast", "department", "municipality", "village", "villages", "camp", "base"})


def _somewhere_in(place: ActorMention, trigger: Token, ctx: SentenceContext) -> bool:
    """ "retook villages in Hiiraan", "seized two bases across the province": places within it, not all of it
    (but "its strongholds in Vizcatan" hold it)."""
    root = ctx.sent.doc[place.start : place.end].root
    while root.dep_ == "conj" and root.head != root:
        root = root.head  # "towns in Hiraan and Middle Shabelle"
    return (root.dep_ == "pobj" and root.head.lower_ in ("in", "across", "around", "near", "outside")
            and root.head.head.pos_ == "NOUN" and root.head.head != trigger and ctx.mention_at(root.head.head) is None)


def _holder(mention: ActorMention, ctx: SentenceContext) -> Token | None:
    """The camp, base or convoy a mention owns ("Shekau's camps", "the army's headquarters"), if it is written
    as the owner of one."""
    root = ctx.sent.doc[mention.start : mention.end].root
    held = root.head
    return held if root.dep_ == "poss" and held.pos_ == "NOUN" and held.lemma_.lower() in HOLDINGS else None


def _modifies_noun(mention: ActorMention, ctx: SentenceContext) -> bool:
    """ "the New Zealand pilot": a name modifying another noun, not a place itself ("Kandahar province" is)."""
    root = ctx.sent.doc[mention.start : mention.end].root
    head = root.head
    return (root.dep_ in ("compound", "amod", "nmod") and head.pos_ == "NOUN" and head.i >= mention.end
            and head.lower_ not in PLACE_HEADS)


def _against(token: Token, trigger: Token) -> bool:
    """Whether a token sits in an "against" phrase of the trigger's: "fought alongside X against Y" makes no
    ally of Y, "sent drones against Y" is no help to Y."""
    while token.i != trigger.i and token.head.i != token.i:
        if token.dep_ == "prep" and token.lower_ == "against":
            return True
        token = token.head
    return False


def _beside_the_doer(token: Token, trigger: Token) -> bool:
    """Whether a token sits in a phrase of those acting with the subject or over it: "broke with X together
    with Y", "fought X alongside Y", "fought under the SDF banner"."""
    while token.i != trigger.i and token.head.i != token.i:
        if token.dep_ == "prep" and (token.lower_ in BESIDE or token.lower_ == "under" or (
                token.lower_ == "with" and token.i > 0 and token.nbor(-1).lower_ in ("together", "along"))):
            return True
        token = token.head
    return False


def _in_setting(token: Token, trigger: Span) -> bool:
    """ "fought in Syria", "during the war": where or when, not against whom (but "went after X" is whom)."""
    prep = token.head
    return token.dep_ == "pobj" and prep.lower_ in frames.SETTING and not trigger.start <= prep.i < trigger.end


def _fallback(relation: str, trigger: Span, ctx: SentenceContext) -> list[Pair]:
    """The nearest actors around the trigger, when the parse gives one side or the sentence has two actors."""
    head = _head_word(trigger)
    target_types = PLACE_TYPES | {"person"} if relation == "controls" else None
    source_types = frozenset({"person"}) if relation in ("leads", "member_of") else None
    found = frames.subject(head, ctx)
    source = found[0] if found is not None and not found[1] else None
    if source is not None and source_types is not None and source.type not in source_types:
        source = None
    if source is not None and relation == "controls" and frames.runs_a_thing(head, ctx):
        return []  # "ran the weapons pipeline through Syria": the pipeline is what is run, not Syria
    if source is not None:  # the object hangs deeper in the trigger's own phrase
        inside = [m for m in ctx.mentions if m != source and m.method != "pronoun" and m.start >= trigger.end
                  and head.is_ancestor(ctx.sent.doc[m.start]) and (target_types is None or m.type in target_types)
                  and not _in_other_clause(ctx.sent.doc[m.start], head)
                  and (relation == "controls" or not _in_setting(ctx.sent.doc[m.start : m.end].root, trigger))
                  and not (relation == "allied_with" and _against(ctx.sent.doc[m.start : m.end].root, head))
                  and not (relation != "allied_with" and _beside_the_doer(ctx.sent.doc[m.start : m.end].root, head))]
        return [(source, t) for t in frames.with_conjuncts(inside[0], ctx)] if inside else []
    if any(c.dep_ in ("nsubj", "nsubjpass") and c.pos_ in ("NOUN", "PROPN") and ctx.mention_at(c) is None
           and frames.resolve_token(c, ctx) is None for c in head.children):
        return []  # "Turkey says the party shelters PKK members": the verb's own subject names no known actor
    # no parse at all: "A <trigger> B" with both names close by and no clause break between them
    source = frames.nearest(ctx, trigger, "left", source_types)
    target = frames.nearest(ctx, trigger, "right", target_types, exclude=source)
    if source is None or target is None or trigger.start - source.end > 4 or target.start - trigger.end > 4:
        return []
    if _is_locative(source, ctx):
        return []  # "the insurgency in Afghanistan is not about protecting X": where, not who
    if any(t.text in (",", ";", ":", "(", ")") or t.dep_ == "cc" for t in ctx.sent.doc[source.end : target.start]):
        return []
    return [(source, target)]


def _in_other_clause(token: Token, head: Token) -> bool:
    """ "broke away and pledged allegiance to X": X belongs to the second verb, not to "broke away"."""
    while token.i != head.i and token.head.i != token.i:
        if token.pos_ in ("VERB", "AUX") and token.dep_ in ("conj", "advcl", "parataxis"):
            return True
        token = token.head
    return False


def _group_source(trigger: Span, ctx: SentenceContext) -> bool:
    """ "The 10th Front belongs to the EMC": membership of a group in a group is affiliation."""
    if trigger.root.pos_ != "VERB":
        return False
    found = frames.subject(trigger.root, ctx)
    return found is not None and found[0].type in ("armed_group", "group")


def support_kinds(ctx: SentenceContext) -> tuple[str, ...]:
    kinds = tuple(k for k, cues in ctx.lexicon.support_kinds.items() if has_cue(ctx.sent, cues))
    return kinds or ("other",)


def role_of(trigger: Span, ctx: SentenceContext) -> str:
    for role, cues in ctx.lexicon.roles.items():
        if has_cue(trigger, cues):
            return role
    return "leader"


def _valid(relation: str, source: ActorMention, target: ActorMention, trigger: Span) -> bool:
    if source.name == target.name:
        return False
    if relation in PERSON_FREE and "person" in (source.type, target.type):
        return False  # people ally or split through their groups; a person here is a speaker or a victim
    if relation == "leads":
        return source.type == "person" and target.type not in ("person", "place")
    if relation == "member_of":
        return source.type == "person" and target.type in GROUP_TYPES
    if relation == "split_from":  # a group, or a person who walked out ("after breaking with al-Mourabitoun")
        # a state too, once the words name the tie itself ("severed ties with Iran"); "left Syria" is a place
        ruptured = any(t.lemma_.lower() in ("tie", "rupture", "relation") for t in trigger)
        organised = ("armed_group", "group", "organization") + (("state",) if ruptured else ())
        return target.type in organised and source.type != "place"
    if relation == "controls":  # the small model often takes a one-word town ("Sanaa") for a person
        town = target.type == "person" and target.method == "ner" and target.end - target.start == 1
        return source.type not in ("place", "person") and (target.type in PLACE_TYPES or town)
    if relation == "fights" and source.type == "place":
        return False
    return source.type != "place" and target.type != "place"


def relations(ctx: SentenceContext, triggers: Found) -> Iterator[Relation]:
    """Every relation a sentence states between two of its actors."""
    implied = {m.name for m in (ctx.group_in_view,) if m is not None} | ({ctx.home} if ctx.home else set())
    if len({m.name for m in ctx.mentions} | implied) < 2:
        return  # (a bare title may tie a man to the group in view; talks, a group to the home state)
    sent = ctx.sent
    # speakers are sources, not parties: the rules below see only the parties
    parties = replace(ctx, mentions=[m for m in ctx.mentions if not (m.type in REPORTERS and is_source(m, ctx))
                                     and not cited_by_according(m, ctx)])
    seen: set[tuple[str, str, str]] = set()
    joined = coalitions(parties)
    for _, member, body, _ in joined:  # "A and B joined forces as X": members of X, not its allies
        seen.update({(member.name, "allied_with", body.name), (body.name, "allied_with", member.name)})
    # "severed ties": the longer trigger of one type hides the shorter of another ("ties") inside it
    triggers = [(label, span) for label, span in triggers
                if not any(other.start <= span.start and span.end <= other.end and len(other) > len(span)
                           for _, other in triggers)]
    beside = {span.root.head.i for label, span in triggers if label == "allied_with" and span.root.head != span.root}
    for label, trigger in triggers:
        if _inside_a_name(trigger, ctx):
            continue  # "the Alliance of Sahel States", "the Western War Front": a word of a name, not a tie
        relation = "supports" if label == RECEIVED else "fights" if label == BLAMED else label
        if label == BLAMED and _blamed_for_a_tie(trigger.root):
            continue
        relation = "affiliate_of" if relation == "member_of" and _group_source(trigger, ctx) else relation
        if relation == "supports" and trigger.root.pos_ == "NOUN" and trigger.root.lower_ == "arm" and any(
                c.dep_ in ("poss", "amod", "compound") for c in trigger.root.children):
            relation = "affiliate_of"  # "the IRGC's foreign operations arm" is a branch, not weapons
        # "X announced his support for Y": the speaker's own words are the tie itself
        said = trigger.root.dep_ == "dobj" and trigger.root.head.lemma_.lower() in ctx.lexicon.speech_verbs
        said = said or _describes_speaker(trigger, ctx)
        pairs, frame = _pairs(relation, trigger, ctx if said else parties)
        if relation == "negotiates_with" and not pairs and (facing := _facing_home(trigger, parties, ctx)) is not None:
            pairs = [facing]
        if label in (RECEIVED, BLAMED):
            pairs = [(b, a) for a, b in pairs]
        if label == BLAMED and (on := _blamed_on(trigger.root, parties)) is not None:
            pairs = on  # "an attack, which it blamed on the PKK": the PKK struck it
        if frame == "mutual" and relation not in SYMMETRIC_RELATIONS:
            pairs = pairs + [(b, a) for a, b in pairs]
        if relation == "fights" and trigger.root.i in beside:  # "fought side by side with Hezbollah": allies
            pairs = [(a, b) for a, b in pairs if not (_with_object(a, ctx) or _with_object(b, ctx))]
        for source, target in pairs:
            # "overran the IMU's positions", "seized the army's base": what is taken from a party is a fight
            taken = relation == "controls" and (target.type in ("armed_group", "state_force")
                                                or _holder(target, ctx) is not None)
            kind = "fights" if taken and trigger.root.lemma_.lower() in CAPTURES else relation
            if kind in ("member_of", "affiliate_of") and _joined_in(target, trigger, ctx) and _nearest_before(
                    source, trigger, ctx):
                kind = "allied_with"  # "Burkina Faso joined Mali and Niger in the Alliance of Sahel States"
            if kind == "supports" and _against(ctx.sent.doc[target.start : target.end].root, trigger.root):
                kind = "fights"  # "sent explosive drones against KDPI compounds": sent to strike them
            if kind == "pledged_allegiance_to" and target.name == source.name and target.method == "pronoun":
                target = _other_antecedent(target, source, ctx) or target  # "X, Y's follower, pledged to its"
            if kind in PERSON_FREE:  # "Trump announced talks with the Taliban": a ruler acts for his state
                source, target = _as_state(source, ctx), _as_state(target, ctx)
                if kind == "fights" and target.type == "person" and _holder(target, ctx) is not None:
                    target = replace(target, type="armed_group")  # "bombed his camps": a warlord's, struck as a side
            elif kind == "leads" and target.name in ctx.commanders and _owns(target, trigger, ctx):
                # "Zawahiri, bin Laden's deputy": second in bin Laden's group
                target = replace(target, name=ctx.commanders[target.name], type="armed_group")
            if not _valid(kind, source, target, trigger) or (source.name, kind, target.name) in seen:
                continue
            if kind == "leads" and target.type == "state" and source.name in ctx.commanders and ctx.rulers.get(
                    source.name) != target.name:
                continue  # "the death of its founder, Prigozhin": Wagner's leader, not Russia's
            if kind == "controls" and (_modifies_noun(target, ctx) or _somewhere_in(target, trigger.root, ctx)):
                continue  # "the New Zealand pilot had been seized": the pilot, not New Zealand
            if kind != "controls" and target.type in PLACE_TYPES and _is_locative(target, parties):
                continue  # "its branch in Syria": Syria is where, not whom
            seen.add((source.name, kind, target.name))
            if kind in SYMMETRIC_RELATIONS:
                seen.add((target.name, kind, source.name))
            negated = frame != "accepted" and is_negated(trigger.root, sent, ctx.lexicon)
            hedged = is_hedged(sent, ctx.lexicon, ctx.questioned, trigger.root)
            yield _relation(kind, source, target, ctx, hedged, negated, trigger)
            if kind == "controls" and trigger.root.lemma_.lower() in WRESTING:
                for loser in _taken_from(trigger.root, parties):  # "seizing Afrin from the YPG": a fight with it
                    if _valid("fights", source, loser, trigger) and (source.name, "fights", loser.name) not in seen:
                        seen.add((source.name, "fights", loser.name))
                        yield _relation("fights", source, loser, ctx, hedged, negated, trigger)
            if kind == "supports" and frame == "verb":
                # "Washington backs the SDF against the Islamic State": the helped side fights the third
                for enemy in frames.opposed(trigger.root, parties):
                    if _valid("fights", target, enemy, trigger) and (target.name, "fights", enemy.name) not in seen:
                        seen.add((target.name, "fights", enemy.name))
                        yield _relation("fights", target, enemy, ctx, hedged, negated, trigger)
    for relation, source, target, token in (frames.of_owner(parties) + frames.led_under(parties) + joined
                                            + frames.lost_to(parties)):
        if (source.name, relation, target.name) not in seen and _valid(relation, source, target, ctx.sent[0:1]):
            seen.add((source.name, relation, target.name))
            span = token.doc[token.i : token.i + 1]
            yield _relation(relation, source, target, ctx, is_hedged(sent, ctx.lexicon, ctx.questioned, token),
                            is_negated(token, sent, ctx.lexicon), span)


def _joined_in(target: ActorMention, trigger: Span, ctx: SentenceContext) -> bool:
    """ "X joined Y in a pact", "joined the Taliban in the assault": X and Y act together, not as a body and its
    member."""
    verb, root = trigger.root, ctx.sent.doc[target.start : target.end].root
    while root.dep_ == "conj" and root.head.i != root.i:
        root = root.head
    shared = [o for c in verb.children if c.dep_ == "prep" and c.lower_ == "in" for o in c.children
              if o.dep_ == "pobj" and ((o.pos_ == "NOUN" and not o.ent_type_) or (
                  (m := ctx.mention_at(o)) is not None and m.type in ("organization", "armed_group")
                  and m.name != target.name))]
    # in a pact or a named alliance, not "in 2012" or "in Mali"
    return verb.lemma_.lower() == "join" and root.head.i == verb.i and root.dep_ == "dobj" and bool(shared) and \
        target.type in ("state", "armed_group", "state_force")


def _facing_home(trigger: Span, ctx: SentenceContext, whole: SentenceContext) -> Pair | None:
    """ "The ELN walked away from the talks", "the fronts stayed at the table": talks that name one armed group and
    no other party (``whole`` has the sentence's speakers too) are its talks with the state whose conflict the
    document is about."""
    head = trigger[-1] if trigger[-1].lower_ == "table" else trigger.root  # "brought the EMC to the table"
    if ctx.home is None or head.pos_ != "NOUN" or head.lemma_.lower() not in BARGAINING or any(
            c.like_num or c.ent_type_ == "DATE" for c in head.subtree if c.i < head.i):
        return None  # a truce one side declares is no talks; "the 1998 peace deal" is a past settlement
    named = {m.name: m for m in ctx.mentions if m.type not in ("place", "person")}
    groups = [m for m in named.values() if m.type == "armed_group"]
    if len(named) != 1 or len(groups) != 1 or groups[0].name == ctx.home:
        return None
    if any(ctx.rulers.get(m.name, ctx.home) != ctx.home for m in whole.mentions if m.type == "person"):
        return None  # "Trump announced talks with the Taliban": his state's talks
    if head.dep_ == "pobj" and head.head.head.pos_ in ("NOUN", "PROPN"):
        return None  # "a hurdle to serious negotiations", "hope for talks": talks in the abstract
    clause = head
    while clause.pos_ not in ("VERB", "AUX") and clause.head.i != clause.i:
        clause = clause.head
    if ctx.sent.doc[groups[0].start : groups[0].end].root not in clause.subtree:
        return None  # "while proponents of talks are encouraged, al-Qaeda is untroubled": another clause
    return groups[0], ActorMention(ctx.home, "state", trigger.start, trigger.end, "home")


BARGAINING = frozenset({"talk", "talks", "negotiation", "negotiations", "table", "dialogue", "deal", "accord",
                        "agreement", "process", "mediation"})


def _taken_from(verb: Token, ctx: SentenceContext) -> list[ActorMention]:
    """The party a place is taken from: "the YPG" in "seizing Afrin from the YPG"."""
    holders = [verb, *(c for c in verb.children if c.dep_ == "dobj")]  # "retook Kirkuk from the Peshmerga"
    return [m for h in holders for c in h.children if c.dep_ == "prep" and c.lower_ == "from" for o in c.children
            if o.dep_ == "pobj" and (m := ctx.mention_at(o)) is not None
            and m.type in ("armed_group", "state_force", "state", "group")]


def _with_object(mention: ActorMention, ctx: SentenceContext) -> bool:
    """ "with Lebanon's Hezbollah": the mention is the object of "with", or its possessor."""
    root = ctx.sent.doc[mention.start : mention.end].root
    while root.dep_ in ("poss", "compound") and root.head.i != root.i:
        root = root.head
    return root.dep_ == "pobj" and root.head.lower_ == "with"


def _owns(mention: ActorMention, trigger: Span, ctx: SentenceContext) -> bool:
    """ "bin Laden's deputy": the mention is the possessor of the trigger's noun."""
    root = ctx.sent.doc[mention.start : mention.end].root
    return root.dep_ == "poss" and root.head.i == trigger.root.i


def _other_antecedent(pronoun: ActorMention, source: ActorMention, ctx: SentenceContext) -> ActorMention | None:
    """ "The Maute group, the Islamic State's follower, pledged bayat to its leadership": a possessive that would
    tie a party to itself stands for the other organised party named before it in the sentence."""
    before = [m for m in ctx.mentions if m.end <= pronoun.start and m.name != source.name
              and m.method != "pronoun" and m.type == "armed_group"]
    return replace(before[-1], start=pronoun.start, end=pronoun.end, method="pronoun") if before else None


NAMED_BODIES = frozenset({"armed_group", "group", "organization", "state_force"})


def _inside_a_name(trigger: Span, ctx: SentenceContext) -> bool:
    return any(m.start <= trigger.start and trigger.end <= m.end and m.type in NAMED_BODIES
               and m.method in ("gazetteer", "ner") for m in ctx.mentions)


def _as_state(mention: ActorMention, ctx: SentenceContext) -> ActorMention:
    """A ruler acts for his state, and the leader of one armed group for that group ("Machar signed a deal with
    Kiir": the SPLM-IO and South Sudan)."""
    if mention.type != "person":
        return mention
    state = ctx.rulers.get(mention.name)
    if state is not None:
        return replace(mention, name=state, type="state")
    group = ctx.commanders.get(mention.name)
    return replace(mention, name=group, type="armed_group") if group is not None else mention


def _describes_speaker(trigger: Span, ctx: SentenceContext) -> bool:
    """ "Ayman al-Zawahiri, the leader of al-Qaeda, announced ...": the speaker's apposition is about him."""
    token = trigger.root
    while token.dep_ in ("compound", "amod") and token.head.i != token.i:
        token = token.head
    if token.dep_ == "appos":
        named = [token.head]
    else:  # "Chad's president, X, has warned": the title is the subject, the speaker its apposition
        named = [c for c in token.children if c.dep_ == "appos"]
        doc = token.doc
        if token.i + 2 < len(doc) and doc[token.i + 1].text == ",":
            named.append(doc[token.i + 2])  # the same apposition, parsed as the verb's own subject
    return any(m.type == "person" and m.covers(t) and is_source(m, ctx) for t in named for m in ctx.mentions)


def _relation(relation: str, source: ActorMention, target: ActorMention, ctx: SentenceContext, hedged: bool,
              negated: bool, trigger: Span) -> Relation:
    evidence = sentence_evidence(ctx)
    return Relation(
        source=source.name,
        relation=relation,
        target=target.name,
        evidence=evidence,
        negated=negated,
        hedged=hedged,
        attributed_to=speaker_of(trigger.root, ctx),
        time=_title_time(trigger, ctx) if relation == "leads" else fact_time(trigger, ctx),
        support=support_kinds(ctx) if relation == "supports" else (),
        role=role_of(trigger, ctx) if relation == "leads" else None,
    )


PAST_TITLES = frozenset({"former", "then", "late", "ex", "previous", "past", "erstwhile", "onetime", "one-time",
                         "founding", "first", "original", "old"})


def _title_time(trigger: Span, ctx: SentenceContext) -> str | None:
    """A title beside a name ("Ayman al-Zawahiri, the leader of al-Qaeda, said last year ...") is the writer's
    present: it holds at the document's date, not at a recent clause's, unless it is marked past ("former",
    "then-") or names a founder, whose role is the founding's."""
    head = trigger.root
    titled = head.pos_ == "NOUN" and "found" not in head.lower_ and (head.dep_ in ("appos", "compound") or any(
        c.dep_ == "appos" for c in head.children))
    if not titled or ctx.document.date is None or any(
            t.lower_ in PAST_TITLES for t in ctx.sent.doc[max(ctx.sent.start, head.i - 4) : head.i]):
        return fact_time(trigger, ctx)
    inside = [t for t in ctx.times if head.left_edge.idx <= t.start + ctx.sent.start_char <= head.right_edge.idx]
    if inside:
        return inside[0].value
    clause = fact_time(trigger, ctx)
    year = ctx.document.date[:4]
    # a clause long before the writing ("In 2001, Omar, the Taliban's leader, refused") dates the title too
    recent = clause is None or not clause[:4].isdigit() or int(clause[:4]) >= int(year) - 1
    return year if recent else clause


def _is_locative(mention: ActorMention, ctx: SentenceContext) -> bool:
    """A place or state governed by a locative preposition ("in Syria", "from Iraq")."""
    token = ctx.sent.doc[mention.end - 1]
    while token.dep_ in ("compound", "amod", "poss") and token.head.i != token.i:
        token = token.head
    while token.dep_ == "conj" and token.head.i < token.i:
        token = token.head  # "targets in Iraq and Syria"
    return token.dep_ == "pobj" and token.head.lower_ in LOCATIVE
