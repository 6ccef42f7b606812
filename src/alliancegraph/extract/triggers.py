"""Trigger words, found by lemma or by word form in one pass over a sentence.

The lexicon holds a few hundred trigger phrases ("train", "pledge allegiance",
"go after").  spaCy's ``Matcher`` would try every pattern at every token;
here an index from each phrase's first word to the phrases that start with it
makes a sentence cost one dictionary lookup per token, plus a check of the
few phrases that start there.  A phrase matches where each of its words
equals the token's lower-case lemma or its lower-case form; hyphens are
words of their own ("-held").  A phrasal verb also matches with its object
between verb and particle ("pushed the rebels out of", "drove them back"): the
verb alone is then the trigger.
"""

from __future__ import annotations

from collections import defaultdict

from spacy.tokens import Span, Token

PARTICLES = frozenset({"out", "off", "down", "up", "away", "over", "back"})
Found = list[tuple[str, Span]]  # (label, span), in text order


def _words(phrase: str) -> tuple[str, ...]:
    return tuple(w for w in phrase.lower().replace("-", " - ").split() if w)


class TriggerIndex:
    """The trigger phrases of several groups ("relation", "event"), each phrase under its label."""

    def __init__(self, groups: dict[str, dict[str, tuple[str, ...]]]) -> None:
        self.groups = tuple(groups)
        self.first: dict[str, list[tuple[tuple[str, ...], str, str]]] = defaultdict(list)
        for group, labels in groups.items():
            for label, phrases in labels.items():
                for phrase in phrases:
                    words = _words(phrase)
                    if words:
                        self.first[words[0]].append((words, group, label))

    def find(self, sent: Span) -> dict[str, Found]:
        """Each group's triggers in a sentence; where a group's triggers of one label overlap, the longest."""
        found: dict[str, Found] = {group: [] for group in self.groups}
        doc = sent.doc
        for token in sent:
            candidates = self.first.get(token.lemma_.lower(), []) + (
                self.first.get(token.lower_, []) if token.lower_ != token.lemma_.lower() else [])
            if not candidates and (stem := _misread_verb(token)) is not None:
                candidates = self.first.get(stem, [])
            for words, group, label in candidates:
                end = token.i + len(words)
                if end <= sent.end and all(_same(doc[token.i + k], w) for k, w in enumerate(words[1:], 1)):
                    found[group].append((label, doc[token.i : end]))
                elif len(words) == 2 and words[1] in PARTICLES and _split_particle(token, words[1]):
                    found[group].append((label, doc[token.i : token.i + 1]))
        return {group: _longest(items) for group, items in found.items()}


def _misread_verb(token: Token) -> str | None:
    """ "Russia armed ZIPRA", which the small tagger reads as the adjective "armed" with an object: the verb's
    lemma, when a past form with an object, or with a passive's auxiliary, is tagged as an adjective."""
    word = token.lower_
    if token.pos_ != "ADJ" or not word.endswith("ed") or not any(c.dep_ in ("dobj", "auxpass") for c in token.children):
        return None  # "the M23 is armed and commanded by Rwanda": a passive read as an adjective too
    return word[:-3] + "y" if word.endswith("ied") else word[:-2]


def _split_particle(verb: Token, particle: str) -> bool:
    """ "pushed the Peshmerga out of Sinjar": the verb's particle comes after its object."""
    return verb.pos_ == "VERB" and any(c.lower_ == particle and c.i > verb.i + 1 and c.dep_ in ("prt", "prep", "advmod")
                                       for c in verb.children)


def _same(token: Token, word: str) -> bool:
    return token.lower_ == word or token.lemma_.lower() == word


def _longest(found: Found) -> Found:
    found = sorted(set(found), key=lambda item: (item[1].start, -(item[1].end - item[1].start), item[0]))
    kept: Found = []
    for label, span in found:
        if any(k_label == label and span.start < k_span.end and k_span.start < span.end for k_label, k_span in kept):
            continue
        kept.append((label, span))
    return kept
