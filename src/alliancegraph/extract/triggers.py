"""Matching trigger words by lemma: one spaCy ``Matcher`` for relations and events."""

from __future__ import annotations

from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Span


def build_matcher(nlp: Language, groups: dict[str, dict[str, tuple[str, ...]]]) -> Matcher:
    """A matcher whose labels are ``"<group>:<label>"``; each phrase matches by lemma or by word."""
    matcher = Matcher(nlp.vocab)
    for group, labels in groups.items():
        for label, phrases in labels.items():
            patterns = []
            for phrase in phrases:
                words = [w for w in phrase.lower().replace("-", " - ").split() if w]
                patterns.append([{"LEMMA": w} for w in words])
                patterns.append([{"LOWER": w} for w in words])
            matcher.add(f"{group}:{label}", patterns)
    return matcher


def triggers_in(matcher: Matcher, sent: Span, group: str) -> list[tuple[str, Span]]:
    """``(label, span)`` for each trigger of a group in a sentence, longest first where they overlap."""
    found: list[tuple[str, Span]] = []
    for match_id, start, end in matcher(sent):
        name = sent.doc.vocab.strings[match_id]
        prefix, _, label = name.partition(":")
        if prefix == group:
            found.append((label, sent.doc[sent.start + start : sent.start + end]))
    found.sort(key=lambda item: (item[1].start, -(item[1].end - item[1].start)))
    kept: list[tuple[str, Span]] = []
    for label, span in found:
        if kept and span.start < kept[-1][1].end and kept[-1][0] == label:
            continue
        kept.append((label, span))
    return kept
