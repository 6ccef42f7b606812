"""Events: deaths, attacks, airstrikes, invasions, captures, successions, pledges..."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.matcher import Matcher

from ..model import Event, Evidence
from .context import SentenceContext, is_negated
from .triggers import triggers_in

PERSON_EVENTS = frozenset({"death", "leadership_change", "killing"})


def events(ctx: SentenceContext, matcher: Matcher) -> Iterator[Event]:
    """Every event a sentence reports that involves at least one known actor."""
    sent = ctx.sent
    seen: set[str] = set()
    for event, trigger in triggers_in(matcher, sent, "event"):
        if event in seen:
            continue
        actors = [m for m in ctx.mentions if m.type != "place"]
        if event in PERSON_EVENTS:
            people = [m for m in actors if m.type == "person"]
            actors = people or actors
        if not actors:
            continue
        near = sorted(actors, key=lambda m: min(abs(m.start - trigger.start), abs(m.end - trigger.end)))
        names = list(dict.fromkeys(m.name for m in near[:2]))
        places = [m.name for m in ctx.mentions if m.type == "place"]
        seen.add(event)
        start = ctx.offset + sent.start_char
        yield Event(
            event=event, actors=tuple(names), place=places[0] if places else None, time=ctx.time,
            evidence=Evidence(ctx.document.id, sent.text, start, start + len(sent.text), start, start + len(sent.text)),
            negated=is_negated(trigger.root, sent, ctx.lexicon), attributed_to=ctx.speaker,
        )
