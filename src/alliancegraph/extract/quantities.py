"""Quantities: a number, the thing it counts, and the actor it measures.

"roughly 300 al-Qaeda fighters", "the 30,000 strong insurgent group",
"at least 44 percent of districts", "roughly 120 airstrikes".
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from spacy.tokens import Token

from ..model import Evidence, Quantity
from .context import ActorMention, SentenceContext, has_cue, is_source

HARM = ("kill", "die", "dead", "death", "wound", "injure", "casualty", "massacre", "execute", "slay")
ARMED = frozenset({"armed_group", "state_force", "state"})
_SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}
_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
          "ten": 10, "dozen": 12, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "hundred": 100}


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
    lemmas = [head.lemma_.lower()] + [t.lemma_.lower() for t in window]
    for measure, words in ctx.lexicon.measures.items():
        if measure == "districts_share":
            continue
        for lemma in lemmas[:4]:
            if lemma in words:
                return measure, head
    return None


def _actor(number: Token, head: Token, ctx: SentenceContext) -> ActorMention | None:
    """The actor measured: a modifier of the counted noun, else the clause subject, else the nearest actor."""
    groups = [m for m in ctx.mentions if m.type != "place" and not is_source(m, ctx)]
    armed = [m for m in groups if m.type in ARMED]
    for token in head.subtree:
        if token.i > head.i:
            break
        found = ctx.mention_at(token)
        if found is not None and found in groups:
            return found
    for child in head.head.children:
        if child.dep_ in ("nsubj", "nsubjpass"):
            for token in child.subtree:
                found = ctx.mention_at(token)
                if found is not None and found in groups:
                    return found
    pool = armed or groups
    before = [m for m in pool if m.end <= number.i]
    return before[-1] if before else (pool[0] if pool else None)


def _place(ctx: SentenceContext, number: Token) -> str | None:
    places = [m for m in ctx.mentions if m.type in ("place", "state") and m.start > number.i]
    return places[0].name if places else None


def quantities(ctx: SentenceContext) -> Iterator[Quantity]:
    """Every counted quantity a sentence ties to an actor."""
    sent = ctx.sent
    for token in sent:
        if token.like_num is False or token.ent_type_ in ("DATE", "TIME", "ORDINAL"):
            continue
        if token.i > sent.start and token.nbor(-1).like_num:
            continue  # part of a number already read
        span = [token]
        while span[-1].i + 1 < sent.end and (span[-1].nbor(1).like_num or span[-1].nbor(1).lower_ in _SCALES):
            span.append(span[-1].nbor(1))
        value = parse_number(span)
        if value is None or (1800 <= value <= 2100 and "," not in token.text):
            continue
        if not any(t.is_digit or "," in t.text or t.lower_ in _SCALES for t in span):
            continue  # "one group", "the two forces": counting words, not estimates
        found = _measure(span[-1], ctx)
        if found is None:
            continue
        measure, head = found
        if measure == "casualties" and not has_cue(sent, HARM):
            continue  # "home to three million people" counts no victims
        actor = _actor(token, head, ctx)
        if actor is None:
            continue
        before = sent.doc[max(sent.start, token.i - 3) : token.i]
        start = ctx.offset + sent.start_char
        yield Quantity(
            actor=actor.name, measure=measure, value=value,
            evidence=Evidence(ctx.document.id, sent.text, start, start + len(sent.text), start, start + len(sent.text)),
            approximate=has_cue(before, ctx.lexicon.approximators), place=_place(ctx, token),
            time=ctx.time, attributed_to=ctx.speaker,
        )


