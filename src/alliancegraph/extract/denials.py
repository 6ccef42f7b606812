"""Denials that point back at a claim: "Caracas denies it", "a charge Islamabad denies".

"Bogota accuses Venezuela of sheltering the ELN. Caracas denies it." states two facts: the
accusation (Venezuela supports the ELN, says Colombia) and its denial (Venezuela does not,
says Venezuela).  A denial whose object is no clause of its own ("denies it", "rejects the
charge", "denies sending weapons", "which Eritrea denied") names no tie; it negates the
claims just made about the denier.  Those claims are the affirmed relations of the nearest
earlier sentence of the paragraph that involve the denier, or of the same sentence before a
relative clause ("..., which Eritrea denied").  A denial with a clause of its own ("denied
that the Taliban harbour the group") states its fact directly and is left to the relation
rules, which read its negation.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from spacy.tokens import Token

from ..model import Relation
from .context import ActorMention, SentenceContext, document_year, is_hedged, sentence_evidence

# a leader is named, not denied; the rest can be charged and denied
DENIABLE = frozenset({"supports", "allied_with", "fights", "controls", "negotiates_with", "affiliate_of",
                      "pledged_allegiance_to", "rival_of", "split_from"})
LOOKBACK = 2  # sentences: a denial answers the claim just made, not one from paragraphs ago
PARTIES = frozenset({"state", "state_force", "armed_group", "group", "organization"})


@dataclass(frozen=True)
class Denial:
    """Who denies (the actors the denial speaks for), who says so, and where the denial stands."""

    deniers: frozenset[str]
    speaker: str
    trailing: bool  # a relative or later clause: the claim it answers may be earlier in the same sentence
    time: str | None
    hedged: bool


def _clausal(verb: Token) -> bool:
    """ "denied that X ...": the denial states its own fact."""
    return any(c.dep_ == "ccomp" or (c.dep_ == "mark" and c.lower_ == "that") for c in verb.children)


def find_denial(ctx: SentenceContext, verbs: frozenset[str]) -> Denial | None:
    """The sentence's denial without a clause of its own, with its denier, if it has one."""
    lowered = ctx.sent.text.lower()
    if not any(verb[:3] in lowered for verb in verbs):
        return None  # not even a denial verb's first letters ("den" of "denied"): skip the walk over the tokens
    for token in ctx.sent:
        # the small parser's noun "dismisses" has the lemma "dismisse"
        as_noun = token.pos_ != "VERB" and (token.lemma_.lower() in verbs or token.lower_[:-2] in verbs)
        if as_noun and (charged := _charge_denied(token, ctx)) is not None:
            return Denial(frozenset({charged.name}), charged.name, True, _clause_time(token, ctx),
                          is_hedged(ctx.sent, ctx.lexicon, ctx.questioned, token))
        if token.pos_ != "VERB" or token.lemma_.lower() not in verbs or _clausal(token):
            continue
        subjects = [c for c in token.children if c.dep_ == "nsubj"]
        if not subjects:
            continue
        covered = {t.i for c in subjects for t in c.subtree}
        found = [m for m in ctx.mentions if any(i in covered for i in range(m.start, m.end))]
        deniers = frozenset(m.name for m in found if m.type in PARTIES)
        persons = [m.name for m in found if m.type == "person"]
        if not deniers and not persons:
            continue
        speaker = persons[0] if persons else sorted(deniers)[0]
        before = ctx.sent.doc[ctx.sent.start : token.i]
        # "..., an allegation the government dismisses": the charge just made in the same sentence
        trailing = token.dep_ in ("relcl", "acl") or any(t.text == ";" for t in before) or any(
            t.lemma_.lower() in CHARGES for t in before[-5:])
        return Denial(deniers | frozenset(persons), speaker, trailing, _clause_time(token, ctx),
                      is_hedged(ctx.sent, ctx.lexicon, ctx.questioned, token))
    return None


CHARGES = frozenset({"charge", "claim", "accusation", "allegation"})


def _charge_denied(token: Token, ctx: SentenceContext) -> ActorMention | None:
    """The denier of "..., a charge Algiers rejects", which the small parser reads as a noun phrase ("rejects" a
    noun): a party named between a noun of charging and the denial word."""
    denier = next((m for m in ctx.mentions if m.end == token.i and m.type in PARTIES), None)
    if denier is None or denier.start < 1:
        return None
    before = ctx.sent.doc[denier.start - 1]
    for skipped in ("the", "that", "which"):  # "a claim that the Sudanese government denies"
        if before.lower_ == skipped and before.i > ctx.sent.start:
            before = before.nbor(-1)
    return denier if before.lemma_.lower() in CHARGES else None


def _clause_time(verb: Token, ctx: SentenceContext) -> str | None:
    """A time said inside the denial's own clause, else the document's: "Caracas denies it, and troops fought
    ... in March" is a denial of now."""
    first = ctx.sent.doc[verb.left_edge.i].idx - ctx.sent.start_char
    last = ctx.sent.doc[verb.right_edge.i].idx - ctx.sent.start_char
    inside = [t for t in ctx.times if first <= t.start and t.start <= last]
    edges = [c for c in verb.children if c.dep_ in ("conj", "cc")]
    if edges:  # a coordinated clause is not the denial's own
        cut = edges[0].idx - ctx.sent.start_char
        inside = [t for t in inside if t.start < cut]
    if inside:
        return inside[0].value
    year = document_year(ctx.document)
    return str(year) if year is not None else None


def _involves(fact: Relation, deniers: frozenset[str]) -> bool:
    return fact.source in deniers or fact.target in deniers


def denied(denial: Denial, own: Sequence[Relation], earlier: Sequence[Sequence[Relation]],
           ctx: SentenceContext) -> list[Relation]:
    """The negated copies of the claims a denial answers, stated in the denial's sentence.

    ``own`` holds the denial sentence's relations, ``earlier`` those of the paragraph's earlier
    sentences, oldest first.
    """
    if any(f.negated and _involves(f, denial.deniers) for f in own):
        return []  # the sentence already states the denied tie itself ("deny any contact with the group")

    def answered(facts: Iterable[Relation]) -> list[Relation]:
        return [f for f in facts if f.relation in DENIABLE and not f.negated and _involves(f, denial.deniers)
                and f.attributed_to not in denial.deniers]

    claims = answered(own) if denial.trailing else []
    same_sentence = bool(claims)
    for facts in list(reversed(earlier))[:LOOKBACK]:
        if claims:
            break
        claims = answered(facts)
    evidence = sentence_evidence(ctx)
    out: dict[tuple[str, str, str], Relation] = {}
    for claim in claims:
        out.setdefault((claim.source, claim.relation, claim.target), replace(
            claim, evidence=evidence, negated=True, hedged=denial.hedged, attributed_to=denial.speaker,
            time=claim.time if same_sentence else denial.time))
    return list(out.values())
