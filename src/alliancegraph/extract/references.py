"""Reference within a document: definite descriptions that stand for an actor.

"the group", "the terror group", "the insurgent group" resolve to the armed
group most recently named; the resolver keeps that memory across sentences
of one document.  A heuristic, documented and tested on its own: no offline
coreference model exists for this pipeline.
"""

from __future__ import annotations

from spacy.tokens import Span

from .context import ActorMention

GROUP_NOUNS = frozenset({"group", "organization", "organisation", "movement", "insurgency", "faction",
                         "network", "militia", "outfit", "militants", "insurgents", "jihadists"})
GROUP_TYPES = frozenset({"armed_group", "group"})


class DescriptionResolver:
    """Remembers the last armed group named and links "the group"-like phrases to it."""

    def __init__(self) -> None:
        self.last_group: str | None = None

    def resolve(self, sent: Span, mentions: list[ActorMention]) -> list[ActorMention]:
        """The sentence's mentions plus those its definite descriptions stand for, in token order."""
        found = list(mentions)
        taken = {i for m in mentions for i in range(m.start, m.end)}
        by_start = {m.start: m for m in mentions}
        for token in sent:
            named = by_start.get(token.i)
            if named is not None:
                if named.type in GROUP_TYPES:
                    self.last_group = named.name
                continue
            if token.i in taken or token.lemma_.lower() not in GROUP_NOUNS:
                continue
            det = [c for c in token.children if c.dep_ == "det" and c.lower_ in ("the", "this", "that")]
            if det and self.last_group and token.pos_ == "NOUN":
                start = min([det[0].i] + [c.i for c in token.children if c.dep_ in ("amod", "compound", "nummod")])
                found.append(ActorMention(self.last_group, "armed_group", start, token.i + 1, "description"))
        return sorted(found, key=lambda m: m.start)
