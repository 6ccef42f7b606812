"""Quantities: a number, the thing it counts, and the actor it measures.

"roughly 300 al-Qaeda fighters", "the 30,000 strong insurgent group",
"at least 44 percent of districts", "roughly 120 airstrikes".
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace

from spacy.tokens import Span, Token

from ..model import Quantity
from . import arguments as frames
from .context import ActorMention, SentenceContext, has_cue, is_source, sentence_evidence

SOURCE_NOUNS = frozenset({"estimate", "report", "figure", "assessment", "data", "count", "monitor", "team",
                          "official", "panel", "tally", "survey", "source", "intelligence"})
COUNTING_VERBS = frozenset({"count", "tally", "record", "document", "estimate", "put"})
SIZE_NOUNS = frozenset({"strength", "size", "rank", "ranks", "manpower", "membership"})
RANGE_WORDS = frozenset({"to", "and", "-", "–"})
CURRENCY = frozenset({"$", "€", "£"})
HARM = ("kill", "die", "dead", "death", "wound", "injure", "casualty", "massacre", "execute", "slay", "lose")
STRIKING = frozenset({"strike", "hit", "bomb", "pound"})
DYING = frozenset({"die", "perish"})
HARMED = frozenset({"dead", "wounded", "injured"})
HARM_VERBS = ("kill", "execute", "wound", "injure", "slay", "massacre", "behead", "murder")
ARMED = frozenset({"armed_group", "state_force", "state"})
WHERE = frozenset({"in", "inside", "outside", "across", "throughout", "near", "into", "within"})
_SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}
VAGUE_COUNTS = {"several": 3, "few": 3}
_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
          "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
          "seventeen": 17, "eighteen": 18, "nineteen": 19, "dozen": 12, "twenty": 20, "thirty": 30, "forty": 40,
          "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100}


def parse_number(tokens: list[Token]) -> float | None:
    """The value of a number written with digits, commas, scale words or simple number words.

    Returns None for years and ordinals, which are not quantities.
    """
    value: float | None = None
    for token in tokens:
        text = token.lower_.replace(",", "")
        if re.fullmatch(r"\d+(\.\d+)?", text):
            value = float(text)
        elif text in _SCALES and value is not None:
            value *= _SCALES[text]
        elif text in _WORDS and value is None:
            value = float(_WORDS[text])
        elif text in VAGUE_COUNTS and value is None:
            value = float(VAGUE_COUNTS[text])  # "several hundred", "a few thousand": some three hundred, thousand
        elif text in _SCALES and value is None:
            value = float(_SCALES[text])
    return value


def _measure(number: Token, ctx: SentenceContext) -> tuple[str, Token] | None:
    """The measure a number counts, from the noun it modifies and the words after it."""
    window = ctx.sent.doc[number.i + 1 : min(number.i + 5, ctx.sent.end)]
    percent = len(window) > 0 and window[0].lower_ in ("%", "percent")
    if percent or has_cue(window[:3], ctx.lexicon.measures["districts_share"]):
        return "districts_share", number
    head = number.head if number.dep_ in ("nummod", "quantmod", "compound") else number
    if _harm_verb(head) is not None:
        return "casualties", head  # "killed 203 militants", "16 soldiers were killed": victims, not strength
    if head.lemma_.lower() == "target" and head.dep_ == "dobj" and head.head.lemma_.lower() in STRIKING:
        return "airstrikes", head  # "the air force struck 371 targets"
    lemmas = [head.lemma_.lower()] + [t.lemma_.lower() for t in window]
    for measure, words in ctx.lexicon.measures.items():
        if measure == "districts_share":
            continue
        for lemma in lemmas[:4]:
            if lemma in words:
                return measure, head
    return None


def _harm_verb(head: Token) -> Token | None:
    """The harm verb whose object, or passive subject, the counted noun is ("killed 203 militants")."""
    while head.dep_ == "conj" and head.head.pos_ in ("NOUN", "PROPN"):
        head = head.head  # "killed 84 Wagner men and 47 Malian soldiers"
    verb = head.head
    if head.dep_ == "pobj" and verb.lower_ == "of" and verb.head.dep_ in ("dobj", "nsubjpass"):
        head, verb = verb.head, verb.head.head  # "killed at least 16 members of the Security Belt forces"
    harmed = head.dep_ in ("dobj", "nsubjpass") and verb.pos_ == "VERB" and verb.lemma_.lower().startswith(HARM_VERBS)
    died = head.dep_ == "nsubj" and verb.pos_ == "VERB" and verb.lemma_.lower() in DYING  # "26 hostages died"
    lost = head.dep_ == "dobj" and verb.pos_ == "VERB" and frames.lost_people(verb)  # "lost 40 men"
    left = head.dep_ == "dobj" and verb.lemma_.lower() == "leave" and any(
        c.dep_ in ("oprd", "acomp", "xcomp") and c.lower_ in HARMED for c in verb.children)  # "left ten soldiers dead"
    return verb if harmed or died or lost or left else None


def _perpetrator(head: Token, ctx: SentenceContext, groups: list[ActorMention]) -> ActorMention | None:
    """Who did the killing a casualty count counts: "AQAP killed 16 ...", "were killed by X", "a coalition strike
    killed 80".  Casualties are written to the actor that caused them; the victims' side only when none is named."""
    verb = _harm_verb(head)
    if verb is None:
        return None
    if verb.lemma_.lower() == "lose":  # "the MSA lost 40 men to the ISGS": the ISGS killed them
        return next((m for p in verb.children if p.dep_ == "prep" and p.lower_ == "to" for g in p.children
                     if (m := ctx.mention_at(g)) is not None and m in groups), None)
    found = frames.subject(verb, ctx)
    if found is not None and not found[1] and found[0] in groups:
        return found[0]
    by = frames.agent(verb, ctx)
    return by if by is not None and by in groups else None


def _is_estimator(mention: ActorMention, ctx: SentenceContext) -> bool:
    """Who counts rather than what is counted: "UN estimates", "a UN monitoring team", "according to X"."""
    token = ctx.sent.doc[mention.start : mention.end].root
    counted = token.dep_ == "nsubj" and token.head.lemma_.lower() in COUNTING_VERBS  # "the Observatory counted"
    return counted or is_source(mention, ctx) or (token.dep_ in ("compound", "amod", "nmod", "poss")
                                                   and token.head.lemma_.lower() in SOURCE_NOUNS)


def _where(mention: ActorMention, ctx: SentenceContext) -> bool:
    """A state named as the place of what is counted: "200 fighters in Syria", "3,000 members outside Venezuela"."""
    token = ctx.sent.doc[mention.start : mention.end].root
    while token.dep_ == "conj" and token.head.i != token.i:
        token = token.head  # "attacks in Iraq and Syria"
    return mention.type == "state" and token.dep_ == "pobj" and token.head.lower_ in WHERE


def _actor(number: Token, head: Token, ctx: SentenceContext, harm: bool = False) -> ActorMention | None:
    """The actor measured.

    In order: for casualties, who caused them; a name in the counted noun's own phrase ("TTP fighters",
    "its fighters"); the owner of a size word ("its strength at 4,000"); the name a relative clause hangs
    on ("ISWAP, which ... estimated at 3,500"); the subject of the clause ("al-Shabaab commands 7,000
    fighters"), or of a controlled verb ("forced the PLO to evacuate 11,000 fighters"); the last armed actor
    before.  A state named as where the counted are ("200 fighters in Syria") is never the actor.  A casualty
    count (``harm``) whose killer the sentence leaves unnamed goes to the armed group the passage is about
    when the dead are a state's side or nobody's ("three soldiers were killed in the ambush").
    """
    groups = [m for m in ctx.mentions if m.type != "place" and not _is_estimator(m, ctx) and not _where(m, ctx)]
    perpetrator = _perpetrator(head, ctx, groups)
    if perpetrator is not None:
        return perpetrator
    found = _measured(number, head, ctx, groups)
    if harm and (found is None or found.type in ("state", "state_force") or found.name in ctx.forces):
        group = ctx.group_in_view
        if group is not None and found is not None and group.name in (found.name, ctx.forces.get(found.name)):
            return found
        return group or found
    victims = found is not None and found.type == "armed_group" and head.left_edge.i <= found.start <= head.i
    if harm and victims and found is not None and ctx.home:
        return ActorMention(ctx.home, "state", found.start, found.end, "home")  # "20 al-Shabaab fighters were killed"
    return found


def _measured(number: Token, head: Token, ctx: SentenceContext, groups: list[ActorMention]) -> ActorMention | None:
    """The actor a number measures when no killer is named: see :func:`_actor`."""
    armed = [m for m in groups if m.type in ARMED]
    if head.dep_ == "dobj" and head.head.lemma_.lower() == "claim":
        claimant = frames.subject(head.head, ctx)  # "the Islamic State claimed 153 attacks": its attacks
        if claimant is not None and not claimant[1] and claimant[0].type in ARMED:
            return claimant[0]
    for token in head.subtree:
        if token.i > head.i:
            break
        found = ctx.mention_at(token)
        if found is not None and found in groups:
            return found
    for token in ctx.sent:
        if token.lemma_.lower() in SIZE_NOUNS:
            owner = next((ctx.mention_at(c) for c in token.children if c.dep_ == "poss"), None)
            if owner is not None and owner in groups:
                return owner
    for ancestor in number.ancestors:
        if ancestor.dep_ in ("relcl", "acl") and ctx.mention_at(ancestor.head) in groups:
            return ctx.mention_at(ancestor.head)
    for child in head.head.children:
        if child.dep_ in ("nsubj", "nsubjpass"):
            named = frames.resolve_token(child, ctx) if child.pos_ == "NOUN" else None
            if named is not None and named in groups and ctx.mention_at(child) is None:
                return named  # "MINUSCA, the UN mission, has 14,000 personnel": MINUSCA's
            for token in child.subtree:
                found = ctx.mention_at(token)
                if found is not None and found in groups:
                    return found
    if head.dep_ == "dobj" and head.head.pos_ == "VERB":
        doer = frames.subject(head.head, ctx)  # "forced the PLO to evacuate 11,000 fighters": the PLO's
        if doer is not None and not doer[1] and doer[0] in groups:
            return doer[0]
    pool = armed or groups
    before = [m for m in pool if m.end <= number.i]
    return before[-1] if before else (pool[0] if pool else None)


def _a_dozen(token: Token) -> bool:
    """ "killing at least a dozen worshippers": twelve; not "several dozen", which counts no number."""
    return token.lower_ == "dozen" and token.i > 0 and token.nbor(-1).lower_ == "a"


def _toll(number: Token) -> bool:
    """A number in words that counts the harmed ("killed four fighters", "nine soldiers were killed"), not a
    reference to parties ("the two groups", "one faction")."""
    head = number.head if number.dep_ in ("nummod", "quantmod") else number
    before = number.doc[number.i - 1].lower_ if number.i > 0 else ""
    if any(c.dep_ in ("det", "poss") for c in head.children) or before in ("the", "its", "their"):
        return False
    return _harm_verb(head) is not None or head.lower_ in HARMED  # "confirmed at least six dead"


def _range_top(last: Token, sent: Span) -> Span | None:
    """The upper number of a range that starts at ``last``: "3,500 and 5,000", "12,000 to 15,000"."""
    doc = sent.doc
    first = last.i + 2
    if first < sent.end and doc[first].text in CURRENCY:
        first += 1  # "$100 million and $150 million"
    if first >= sent.end or doc[last.i + 1].lower_ not in RANGE_WORDS or not doc[first].like_num:
        return None
    before = doc[max(sent.start, last.i - 6) : last.i]
    if doc[last.i + 1].lower_ == "and" and not any(t.lower_ == "between" for t in before):
        return None  # "3,000 fighters and 40 vehicles" is no range
    end = first + 1
    while end < sent.end and (doc[end].like_num or doc[end].lower_ in _SCALES):
        end += 1
    return doc[first:end]


def _place(ctx: SentenceContext, number: Token) -> str | None:
    places = [m for m in ctx.mentions if m.type in ("place", "state") and m.start > number.i]
    return places[0].name if places else None


def quantities(ctx: SentenceContext) -> Iterator[Quantity]:
    """Every counted quantity a sentence ties to an actor."""
    sent = ctx.sent
    upper_bounds: set[int] = set()
    for token in sent:
        if (token.like_num is False and not _a_dozen(token)) or token.ent_type_ in ("DATE", "TIME", "ORDINAL"):
            continue
        if token.i > sent.start and token.nbor(-1).like_num or token.i in upper_bounds:
            continue  # part of a number already read, or the top of a range
        span = [token]
        while span[-1].i + 1 < sent.end and (span[-1].nbor(1).like_num or span[-1].nbor(1).lower_ in _SCALES):
            span.append(span[-1].nbor(1))
        if token.lower_ in _SCALES and token.i > sent.start and token.nbor(-1).lower_ in VAGUE_COUNTS:
            span = [token.nbor(-1), *span]  # "several hundred", "a few thousand"
        value = parse_number(span)
        ranged = _range_top(span[-1], sent)
        if ranged is not None:
            upper_bounds.update(range(ranged.start, ranged.end))  # "between 3,500 and 5,000": the lower bound
            span = span + list(ranged)
        if value is None or (1800 <= value <= 2100 and "," not in token.text):
            continue
        if not any(t.is_digit or "," in t.text or t.lower_ in _SCALES for t in span) and not _toll(token):
            continue  # "one group", "the two forces": counting words, not estimates
        dollars = token.i > sent.start and token.nbor(-1).text == "$"
        found = ("funds_usd", span[-1]) if dollars else _measure(span[-1], ctx)
        if found is None:
            continue
        measure, head = found
        if measure == "casualties" and not has_cue(sent, HARM):
            continue  # "home to three million people" counts no victims
        actor = _actor(token, head, ctx, harm=measure == "casualties")
        if actor is None:
            continue
        if actor.type == "person" and measure == "troops" and actor.name in ctx.rulers:
            actor = replace(actor, name=ctx.rulers[actor.name])  # "Kagame sent 1,000 soldiers": Rwanda's
        elif actor.type == "person" and measure == "fighters" and actor.name in ctx.commanders:
            actor = replace(actor, name=ctx.commanders[actor.name])  # "his force has 40,000 fighters": his group's
        if measure in ("troops", "airstrikes") and actor.name in ctx.forces:
            actor = replace(actor, name=ctx.forces[actor.name])  # "2,400 French troops": France's troops
        before = sent.doc[max(sent.start, token.i - 3) : token.i]
        quantity = Quantity(
            actor=actor.name, measure=measure, value=value,
            evidence=sentence_evidence(ctx),
            approximate=ranged is not None or has_cue(before, ctx.lexicon.approximators), place=_place(ctx, token),
            time=ctx.time, attributed_to=ctx.speaker,
        )
        yield quantity
        top = parse_number(list(ranged)) if ranged is not None else None
        if top is not None and top > value:
            # "between 3,500 and 5,000 fighters": both ends are estimates ("$100 million and $150 million")
            yield replace(quantity, value=top)


