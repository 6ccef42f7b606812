"""A learned second reader for pairs of actors that the rules leave unrelated.

The rules of :mod:`.relations` read a tie from a trigger word and the parse
around it. When the small parser garbles a sentence, or the tie is worded in
a way no trigger covers ("Hizbul and Lashkar fought side by side", "cadres
trained in the PKK's camps"), two actors of one sentence end up with no tie.
This module looks at such pairs with a linear classifier (:mod:`.linear`) trained offline on
our own annotated articles (:mod:`.training`): a bag of words
over the words around and between the two actors, their types and the
dependency path that joins them, in which every actor is replaced by its type
so that the model learns wording, not names.

The classifier only adds: a pair that the rules tied in the sentence is left
to the rules. Negation, hedging, attribution and time come from the same
sentence functions as the rules' facts.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from spacy.tokens import Token

from ..errors import ExtractionError
from ..model import SYMMETRIC_RELATIONS, Fact, Relation
from .context import ActorMention, SentenceContext, fact_time, is_hedged, is_negated, sentence_evidence
from .linear import META, LinearModel
from .relations import role_of, support_kinds

MODEL_DIR = Path(__file__).resolve().parent.parent / "data" / "models" / "pairs"
THRESHOLD = 0.45
# a leader named in a sentence with a group is often someone else's (an envoy, a rival, the man who ordered a
# strike): the reader's "leads" proposals were right one time in three on held-out text; above this bar F1
# stays the same and precision rises by three to five points
LEADS_THRESHOLD = 0.6
# the types that can stand on each side of a learned tie: control of places is left to the rules, since on
# held-out text the reader's "controls" were wrong four times in five
PARTIES = frozenset({"armed_group", "group", "state", "state_force", "organization", "person"})
WINDOW = 7  # words kept at each end of a long stretch between the two actors
REACH = 30  # words between two actors beyond which no tie is read (few are, and pairs grow as its square)


def candidates(ctx: SentenceContext) -> list[tuple[ActorMention, ActorMention]]:
    """Pairs of different actors of the sentence, in text order, that could be tied.  An organisation known
    only to the small model's NER is left out: it is a university or a think tank far more often than a
    party ("a researcher at the Institute for ...")."""
    named = [m for m in ctx.mentions if m.type in PARTIES and not (m.type == "organization" and m.method == "ner")]
    found: list[tuple[ActorMention, ActorMention]] = []
    for i, first in enumerate(named):
        for second in named[i + 1 :]:
            if second.start - first.end > REACH:
                break
            if first.name == second.name or second.start < first.end:
                continue
            found.append((first, second))
    return found


def label(relation: str, first_is_source: bool) -> str:
    """A classifier label: the relation, and which actor of the pair is its source."""
    if relation in SYMMETRIC_RELATIONS:
        return relation
    return f"{relation}>" if first_is_source else f"{relation}<"


def unlabel(name: str) -> tuple[str, bool]:
    """The relation of a label, and whether the first actor of the pair is its source."""
    return name.rstrip("<>"), not name.endswith("<")


@dataclass(frozen=True)
class _Sentence:
    """What the features need of a sentence, read once from spaCy's tokens (reading a token is not cheap)."""

    words: dict[int, str]  # each token as the classifier sees it: an actor as its type
    heads: dict[int, int]
    deps: dict[int, str]
    lemmas: dict[int, str]


def _sentence(ctx: SentenceContext) -> _Sentence:
    cached = ctx.extras.get("pair_sentence")
    if isinstance(cached, _Sentence):
        return cached
    words: dict[int, str] = {}
    heads: dict[int, int] = {}
    deps: dict[int, str] = {}
    lemmas: dict[int, str] = {}
    for token in ctx.sent:
        i = token.i
        lemmas[i] = lemma = token.lemma_.lower()
        words[i] = "NUMBER" if token.like_num else lemma if token.is_alpha else token.text
        heads[i], deps[i] = token.head.i, token.dep_
    for mention in sorted(ctx.mentions, key=lambda m: m.start - m.end):  # the narrowest mention wins
        for i in range(mention.start, mention.end):
            words[i] = f"OTHER_{mention.type}"
    found = _Sentence(words, heads, deps, lemmas)
    ctx.extras["pair_sentence"] = found
    return found


def features(ctx: SentenceContext, first: ActorMention, second: ActorMention) -> str:
    """The text the classifier reads for a pair: words, types and the path between the two actors."""
    sent = _sentence(ctx)
    words_of = sent.words
    words = [f"TYPE1_{first.type}", f"TYPE2_{second.type}"]
    words += [f"BEFORE_{words_of[i]}" for i in range(max(ctx.sent.start, first.start - 2), first.start)]
    words.append("ACTOR1")
    between = _stretch(first.end, second.start, words_of)
    if len(between) > 2 * WINDOW:
        between = between[:WINDOW] + ["GAP"] + between[-WINDOW:]
    words += between
    words.append("ACTOR2")
    words += [f"AFTER_{words_of[i]}" for i in range(second.end, min(ctx.sent.end, second.end + 2))]
    path = _path(sent, _root(sent, first), _root(sent, second))
    words += path
    words.append("PATH_" + "_".join(path))  # the whole path as one word: "nsubj train dobj" is a tie by itself
    words.append(f"TYPES_{first.type}_{second.type}")
    words.append(f"DISTANCE_{min(second.start - first.end, 20) // 4}")
    return " ".join(words)


def _stretch(start: int, end: int, words_of: dict[int, str]) -> list[str]:
    """The words from ``start`` to ``end``, an actor of several tokens written once."""
    out: list[str] = []
    for i in range(start, end):
        word = words_of[i]
        if not (word.startswith("OTHER_") and out and out[-1] == word):
            out.append(word)
    return out


def _root(sent: _Sentence, mention: ActorMention) -> int:
    """The token of a mention whose head lies outside it (spaCy's span root, without making a span)."""
    for i in range(mention.start, mention.end):
        if not mention.start <= sent.heads[i] < mention.end or sent.heads[i] == i:
            return i
    return mention.end - 1


def _chain(sent: _Sentence, i: int) -> list[int]:
    """A token and its heads up to the root of its sentence."""
    chain = [i]
    while sent.heads[i] != i and len(chain) < 50:
        i = sent.heads[i]
        chain.append(i)
    return chain


def _path(sent: _Sentence, a: int, b: int) -> list[str]:
    """The dependency labels and lemmas from one actor's head up to the shared head and down to the other."""
    up, down = _chain(sent, a), _chain(sent, b)
    below = set(down)
    shared = next((i for i in up if i in below), None)
    if shared is None:
        return ["PATH_none"]
    steps = [f"UP_{sent.deps[i]}" for i in up[: up.index(shared)]]
    steps.append(f"TOP_{sent.lemmas[shared]}")
    steps += [f"DOWN_{sent.deps[i]}" for i in reversed(down[: down.index(shared)])]
    return steps[:12]


def _anchor(first: ActorMention, second: ActorMention, ctx: SentenceContext) -> Token:
    """The word that carries the tie: the lowest head the two actors share, else the sentence root."""
    doc = ctx.sent.doc
    a, b = doc[first.start : first.end].root, doc[second.start : second.end].root
    down = {b, *b.ancestors}
    return next((t for t in (a, *a.ancestors) if t in down), ctx.sent.root)


@dataclass(frozen=True)
class Candidate:
    """A pair of one sentence that the rules left untied, waiting for the classifier's word."""

    ctx: SentenceContext
    first: ActorMention
    second: ActorMention


class SecondReader(Protocol):
    """What reads a document after the rules: the trained model, or the collector of training examples.
    ``propose`` sees each sentence; ``decide`` sees the whole document's candidates at once, so that the
    classifier runs once per document."""

    def propose(self, ctx: SentenceContext, stated: list[Relation]) -> list[Candidate]: ...

    def decide(self, found: list[Candidate], facts: list[Fact]) -> list[Relation]: ...


@dataclass
class PairModel:
    """The trained classifier (:mod:`.linear`) and the threshold above which its labels become facts."""

    model: LinearModel
    threshold: float = THRESHOLD

    @classmethod
    def load(cls, path: str | Path | None = None, threshold: float = THRESHOLD) -> PairModel | None:
        """The shipped model, or None when there is none (then only the rules read)."""
        where = Path(path) if path is not None else MODEL_DIR
        if not (where / META).exists():
            if path is not None:
                raise ExtractionError(f"no trained pair model in {where}")
            return None
        return cls(LinearModel.load(where), threshold)

    def propose(self, ctx: SentenceContext, stated: list[Relation]) -> list[Candidate]:
        """The sentence's pairs that the rules left untied."""
        tied = {frozenset((r.source, r.target)) for r in stated}
        return [Candidate(ctx, a, b) for a, b in candidates(ctx) if frozenset((a.name, b.name)) not in tied]

    def decide(self, found: list[Candidate], facts: list[Fact]) -> list[Relation]:
        """The ties the classifier reads, with enough confidence, between the candidate pairs that no fact of the
        whole document ties (the rules read a pair first); features are made only for those."""
        tied = {frozenset((f.source, f.target)) for f in facts if isinstance(f, Relation)}
        found = [c for c in found if frozenset((c.first.name, c.second.name)) not in tied]
        texts = [features(c.ctx, c.first, c.second) for c in found]
        out: list[Relation] = []
        for candidate, (name, score) in zip(found, self.model.best(texts), strict=True):
            if score < self.threshold:
                continue
            relation, forward = unlabel(name)
            if relation == "leads" and score < max(self.threshold, LEADS_THRESHOLD):
                continue
            first, second = candidate.first, candidate.second
            source, target = (first, second) if forward else (second, first)
            if _allowed(relation, source, target):
                out.append(self._relation(relation, source, target, candidate.ctx))
        return out

    def _relation(self, relation: str, source: ActorMention, target: ActorMention,
                  ctx: SentenceContext) -> Relation:
        anchor = _anchor(source, target, ctx)
        return Relation(
            source=source.name, relation=relation, target=target.name, evidence=sentence_evidence(ctx),
            negated=is_negated(anchor, ctx.sent, ctx.lexicon),
            hedged=is_hedged(ctx.sent, ctx.lexicon, ctx.questioned, anchor),
            attributed_to=ctx.speaker, time=fact_time(ctx.sent.doc[anchor.i : anchor.i + 1], ctx),
            support=support_kinds(ctx) if relation == "supports" else (),
            role=role_of(ctx.sent, ctx) if relation == "leads" else None,
        )


def _allowed(relation: str, source: ActorMention, target: ActorMention) -> bool:
    """The same type constraints as the rules (only a person leads or is a member); no control of places."""
    if relation == "controls":
        return False
    if relation in ("leads", "member_of"):
        return source.type == "person" and target.type != "person"
    return "person" not in (source.type, target.type) or relation in ("pledged_allegiance_to", "supports",
                                                                      "fights", "rival_of")
