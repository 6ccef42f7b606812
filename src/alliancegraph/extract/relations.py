"""Relations between actors of one sentence, found through trigger words.

For each trigger the arguments come first from the parse (the trigger's
subject and object, a possessor, "between A and B", an appositive leader),
then from the nearest actors on either side.  Type constraints keep
impossible pairs out (only a person leads; only a place is controlled).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

from spacy.matcher import Matcher
from spacy.tokens import Span, Token

from ..model import Evidence, Relation
from .context import ActorMention, SentenceContext, has_cue, is_hedged, is_negated, is_source
from .triggers import triggers_in

RECEIVED = "supports_received"  # trigger label: the subject is helped ("A relies on B")
GROUP_TYPES = frozenset({"armed_group", "group", "state", "state_force", "organization"})
PLACE_TYPES = frozenset({"place", "state"})
SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj"})
CLIMB = frozenset({"xcomp", "conj", "advcl", "pcomp", "acl", "relcl", "dobj", "pobj", "prep"})
# nouns naming the helper of their possessor: "the Taliban's patrons" are patrons of the Taliban
PERSON_FREE = frozenset({"fights", "allied_with", "rival_of", "negotiates_with", "split_from", "affiliate_of"})
LOCATIVE = frozenset({"in", "across", "near", "around", "throughout", "inside", "outside", "from", "into", "at"})
INVERSE_NOUNS = frozenset({"patron", "sponsor", "backer", "benefactor", "protector", "leader", "head", "chief",
                           "commander", "founder", "deputy", "emir", "amir", "affiliate", "branch", "franchise",
                           "faction", "wing", "offshoot", "caliph"})


def _mention_in(tokens: list[Token] | Span, ctx: SentenceContext) -> ActorMention | None:
    for token in tokens:
        found = ctx.mention_at(token)
        if found is not None:
            return found
    return None


def _subject(trigger: Token, ctx: SentenceContext) -> ActorMention | None:
    """The actor that is the grammatical subject of the trigger's clause."""
    verb = trigger
    for _ in range(4):
        subjects = [c for c in verb.children if c.dep_ in SUBJECTS]
        for subj in subjects:
            found = ctx.mention_at(subj) or _mention_in(list(subj.subtree), ctx)
            if found is not None:
                return found
        if verb.dep_ in CLIMB and verb.head != verb:
            verb = verb.head
        else:
            break
    return None


def _agent(trigger: Token, ctx: SentenceContext) -> ActorMention | None:
    for child in trigger.children:
        if child.dep_ == "agent":
            return _mention_in(list(child.subtree), ctx)
    return None


def _possessor(trigger: Token, ctx: SentenceContext) -> ActorMention | None:
    for child in trigger.children:
        if child.dep_ == "poss":
            return ctx.mention_at(child) or _mention_in(list(child.subtree), ctx)
    return None


def _between(trigger: Token, ctx: SentenceContext) -> tuple[ActorMention, ActorMention] | None:
    for child in trigger.children:
        if child.dep_ == "prep" and child.lower_ == "between":
            found = [m for m in ctx.mentions if any(m.covers(t) for t in child.subtree)]
            if len(found) >= 2:
                return found[0], found[1]
    return None


def _nearest(ctx: SentenceContext, trigger: Span, side: str, allowed: frozenset[str] | None) -> ActorMention | None:
    pool = [m for m in ctx.mentions if allowed is None or m.type in allowed]
    if side == "left":
        left = [m for m in pool if m.end <= trigger.start]
        return left[-1] if left else None
    right = [m for m in pool if m.start >= trigger.end]
    return right[0] if right else None


def _arguments(relation: str, trigger: Span, ctx: SentenceContext) -> tuple[ActorMention, ActorMention] | None:
    head = trigger.root
    between = _between(head, ctx)
    if between:
        return between
    target_types = PLACE_TYPES if relation == "controls" else None
    source_types = frozenset({"person"}) if relation in ("leads", "member_of") else None
    if relation in ("leads", "affiliate_of") or head.lemma_.lower() in INVERSE_NOUNS:
        owner = _possessor(head, ctx) or _of_object(head, ctx)
        named = _appositive(head, ctx, trigger)
        if owner and named and owner != named:
            return named, owner
    agent = _agent(head, ctx)
    subject = agent or _subject(head, ctx)
    source = subject if subject and (source_types is None or subject.type in source_types) else None
    source = source or _nearest(ctx, trigger, "left", source_types)
    target = _object(head, ctx, exclude=source) or _nearest(ctx, trigger, "right", target_types)
    if agent and subject is agent:
        target = _nearest(ctx, trigger, "left", target_types)
    if source is None or target is None or source.name == target.name:
        return None
    if target_types is not None and target.type not in target_types:
        return None
    return source, target


def _object(head: Token, ctx: SentenceContext, exclude: ActorMention | None) -> ActorMention | None:
    for child in head.children:
        if child.dep_ in ("dobj", "dative", "attr", "prep", "pobj", "xcomp", "acomp", "advmod"):
            for token in child.subtree:
                found = ctx.mention_at(token)
                if found is not None and found != exclude:
                    return found
    return None


def _of_object(head: Token, ctx: SentenceContext) -> ActorMention | None:
    for child in head.children:
        if child.dep_ == "prep" and child.lower_ in ("of", "in"):
            return _mention_in(list(child.subtree), ctx)
    return None


def _appositive(head: Token, ctx: SentenceContext, trigger: Span) -> ActorMention | None:
    """The person a leader-noun describes: "X, the leader of Y" or "Y's leader, X" or "leader X"."""
    candidates: list[Token] = []
    if head.dep_ == "appos":
        candidates.append(head.head)
    candidates.extend(c for c in head.children if c.dep_ in ("appos", "compound"))
    candidates.extend(c for c in head.head.children if c.dep_ == "appos" and c != head)
    for token in candidates:
        found = ctx.mention_at(token)
        if found is not None and found.type == "person":
            return found
    nxt = _nearest(ctx, trigger, "right", frozenset({"person"}))
    if nxt is not None and nxt.start - trigger.end <= 2:
        return nxt
    return None


def _support_kinds(ctx: SentenceContext) -> tuple[str, ...]:
    kinds = tuple(k for k, cues in ctx.lexicon.support_kinds.items() if has_cue(ctx.sent, cues))
    return kinds or ("other",)


def _role(trigger: Span, ctx: SentenceContext) -> str:
    for role, cues in ctx.lexicon.roles.items():
        if has_cue(trigger, cues):
            return role
    return "leader"


def _valid(relation: str, source: ActorMention, target: ActorMention) -> bool:
    if relation in PERSON_FREE and "person" in (source.type, target.type):
        return False  # people fight or ally through their groups; a person here is a speaker or a victim
    if relation == "leads":
        return source.type == "person" and target.type != "person"
    if relation == "member_of":
        return source.type == "person" and target.type in GROUP_TYPES
    if relation == "controls":
        return source.type != "place" and target.type in PLACE_TYPES
    return source.type != "place" and target.type != "place"


def relations(ctx: SentenceContext, matcher: Matcher, paragraph_start: Span | None = None) -> Iterator[Relation]:
    """Every relation a sentence states between two of its actors."""
    if len(ctx.mentions) < 2:
        return
    sent = ctx.sent
    # speakers are sources, not parties: the rules below see only the parties
    ctx = replace(ctx, mentions=[m for m in ctx.mentions if not (m.type == "person" and is_source(m, ctx))])
    hedged = is_hedged(sent, ctx.lexicon, paragraph_start)
    seen: set[tuple[str, str, str]] = set()
    for label, trigger in triggers_in(matcher, sent, "relation"):
        relation = "supports" if label == RECEIVED else label
        args = _arguments(relation, trigger, ctx)
        if args is None:
            continue
        source, target = args if label != RECEIVED else (args[1], args[0])
        if not _valid(relation, source, target) or (source.name, relation, target.name) in seen:
            continue
        if relation != "controls" and target.type in PLACE_TYPES and _is_locative(target, ctx):
            continue  # "its branch in Syria": Syria is where, not whom
        seen.add((source.name, relation, target.name))
        start = ctx.offset + sent.start_char
        evidence = Evidence(ctx.document.id, sent.text, start, start + len(sent.text), start, start + len(sent.text))
        yield Relation(
            source=source.name,
            relation=relation,
            target=target.name,
            evidence=evidence,
            negated=is_negated(trigger.root, sent, ctx.lexicon),
            hedged=hedged,
            attributed_to=ctx.speaker,
            time=ctx.time,
            support=_support_kinds(ctx) if relation == "supports" else (),
            role=_role(trigger, ctx) if relation == "leads" else None,
        )


def _is_locative(mention: ActorMention, ctx: SentenceContext) -> bool:
    """A place or state governed by a locative preposition ("in Syria", "from Iraq")."""
    token = ctx.sent.doc[mention.end - 1]
    while token.dep_ in ("compound", "amod", "poss") and token.head.i != token.i:
        token = token.head
    return token.dep_ == "pobj" and token.head.lower_ in LOCATIVE
