"""The strength of a tie and of a pair of actors as of a day, with its parts; the trend between two days.

The formula (the same text is in ``docs/analysis.md``)::

    claim weight  w = W(type) x K(kinds) x H(hedge) x C(confirmed) x I(cue) x R(recency)
      W  the relation type's weight (relations.py: pledge 1.5, rival 0.5, negotiation 0.5, others 1)
      K  supports: 1 + 0.25 per kind of help beyond the first; other types 1
      H  0.5 if hedged, else 1
      C  1.5 if an analyst confirmed the fact, else 1
      I  1.5 if the evidence says the tie grows ("more closely", "stepped up"...),
         0.5 if it says it shrinks ("distance", "strained"...), else 1 (affirmed claims only)
      R  0.5 ** (age / 5 years): age from the last day the claim speaks for to the reference day
         (the as-of day, else the latest day among the claims asked about); 0.5 for a claim with no date

    restated      within one document, a tie's claims are ranked by their weight before recency
                  (W x K x H x C x I, heaviest first, then fact id) and the i-th counts w / i
    tie strength  = max(0, sum(affirmed) x (1 + 0.25 x (distinct affirming documents - 1)) - sum(denials))
    pair strength = sum of its cooperative and structural ties' strengths - sum of its hostile ties' strengths
                    (negotiation and control count 0)
    trend(D1, D2) = strength as of D2 - strength as of D1
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from .claims import FAR_FUTURE, Claim
from .relations import (
    ATTENUATOR_FACTOR,
    ATTENUATORS,
    INTENSIFIER_FACTOR,
    INTENSIFIERS,
    kind_of,
)
from .ties import Tie

HALF_LIFE_YEARS = 5.0
SOURCE_BONUS = 0.25
KIND_BONUS = 0.25
HEDGE_FACTOR = 0.5
CONFIRMED_FACTOR = 1.5
UNDATED_RECENCY = 0.5
SIGN = {"cooperative": 1, "structural": 1, "hostile": -1, "neutral": 0}


@dataclass(frozen=True, slots=True)
class Part:
    """One term of a score: what it is, what it adds, and the fact behind it (if one)."""

    label: str
    value: float
    fact_id: int | None = None


@dataclass(frozen=True, slots=True)
class Score:
    """A number with the parts it is made of, in the order the formula applies them."""

    value: float
    parts: tuple[Part, ...]

    def lines(self) -> list[str]:
        """The parts as text lines, ending with the total."""
        return [f"{p.value:+.2f}  {p.label}" for p in self.parts] + [f"= {self.value:.2f}"]


@dataclass(frozen=True)
class Trend:
    """How a tie or a pair changed between two days."""

    before: Score
    after: Score

    @property
    def delta(self) -> float:
        return round(self.after.value - self.before.value, 2)

    @property
    def direction(self) -> str:
        """"stronger", "weaker" or "steady"."""
        return "stronger" if self.delta > 0 else "weaker" if self.delta < 0 else "steady"


def reference_day(claims: Iterable[Claim], as_of: str | None) -> str:
    """The day recency is measured to: the as-of day, else the latest document date (or start) of the claims."""
    if as_of:
        return as_of
    claims = list(claims)
    days = [c.asserted for c in claims if c.asserted] or [c.time_start for c in claims if c.time_start]
    return full_day(max(days)) if days else "1970-01-01"


def years_between(first: str, last: str) -> float | None:
    """Years from one day to a later one (0 if not later); None if either is not a date."""
    try:
        a, b = date.fromisoformat(full_day(first)), date.fromisoformat(full_day(last))
    except ValueError:
        return None
    return max(0.0, (b - a).days / 365.25)


def full_day(day: str) -> str:
    """A day, month or year as the day it is read at for recency ("2018" -> "2018-01-01")."""
    # a document dated "2018" or "2018-05" is read at its first day
    return day + "-01-01"[len(day) - 4:] if len(day) < 10 else day


def undated(claim: Claim) -> bool:
    """A claim with no date at all: no valid time and an undated document (its recency is fixed)."""
    return claim.interval()[1] == FAR_FUTURE and claim.date is None


def base_weight(claim: Claim) -> tuple[float, list[str]]:
    """The weight of one claim before recency (W x K x H x C x I), and the factors that made it."""
    kind = kind_of(claim.relation or "")
    w, notes = kind.weight, [f"{claim.relation} {kind.weight:g}"]
    if claim.relation == "supports" and len(claim.support) > 1:
        k = 1 + KIND_BONUS * (len(claim.support) - 1)
        w, notes = w * k, [*notes, f"x{k:g} {len(claim.support)} kinds"]
    if claim.hedged:
        w, notes = w * HEDGE_FACTOR, [*notes, f"x{HEDGE_FACTOR:g} hedged"]
    if claim.confirmed:
        w, notes = w * CONFIRMED_FACTOR, [*notes, f"x{CONFIRMED_FACTOR:g} confirmed"]
    if not claim.negated:
        text = claim.evidence.lower()
        if any(cue in text for cue in INTENSIFIERS):
            w, notes = w * INTENSIFIER_FACTOR, [*notes, f"x{INTENSIFIER_FACTOR:g} growing"]
        elif any(cue in text for cue in ATTENUATORS):
            w, notes = w * ATTENUATOR_FACTOR, [*notes, f"x{ATTENUATOR_FACTOR:g} shrinking"]
    return w, notes


def decay(age: float | None) -> float:
    """The recency factor of an age in years (an age that cannot be told counts as none)."""
    return 0.5 ** (age / HALF_LIFE_YEARS) if age else 1.0


def recency(claim: Claim, reference: str) -> tuple[float, str | None]:
    """R: the claim's recency factor as of the reference day, and its note (None when it is 1)."""
    if undated(claim):
        return UNDATED_RECENCY, f"x{UNDATED_RECENCY:g} undated"
    end = claim.interval()[1]
    age = years_between(min(end, reference), reference)
    r = decay(age)
    return r, f"x{r:.2f} age {age:.1f}y" if r < 1 and age is not None else None


def claim_weight(claim: Claim, reference: str) -> tuple[float, str]:
    """The weight of one claim and the factors that made it, in words."""
    w, notes = base_weight(claim)
    r, note = recency(claim, reference)
    return w * r, ", ".join([*notes, note] if note else notes)


def ranked_shares(claims: Iterable[Claim]) -> list[tuple[Claim, float, int]]:
    """Each claim with its share before recency and its rank in its document.

    Within one document the claims of a tie are ranked by weight before
    recency (heaviest first, then fact id) and the i-th counts 1/i; recency is
    left out of the rank so that a tie's strength can be kept as sums that a
    reference day later scales (see the ``tie_summary`` table).
    """
    by_doc: dict[str, list[tuple[float, Claim]]] = {}
    for c in claims:
        by_doc.setdefault(c.doc_id, []).append((base_weight(c)[0], c))
    out = []
    for doc_id in sorted(by_doc):
        ranked = sorted(by_doc[doc_id], key=lambda x: (-x[0], x[1].fact_id))
        out += [(c, w / i, i) for i, (w, c) in enumerate(ranked, start=1)]
    return out


def _discounted(claims: Iterable[Claim], reference: str, label: str) -> tuple[float, list[Part]]:
    """Sum of claim weights where the i-th claim of one document (heaviest before recency) counts 1/i."""
    total, parts = 0.0, []
    for c, share, i in ranked_shares(claims):
        r, _ = recency(c, reference)
        total += share * r
        note = f", x1/{i} restated in its document" if i > 1 else ""
        _, why = claim_weight(c, reference)
        parts.append(Part(f"#{c.fact_id} {c.doc_id}: {label}{why}{note}", round(share * r, 2), c.fact_id))
    return total, parts


def combine(affirmed: float, documents: int, denied: float) -> float:
    """Tie strength from its affirmed and denied sums and its affirming documents, in cents.

    Rounded to 1e-9 first, so that the order floats were summed in never flips the last digit.
    """
    total = affirmed * (1 + SOURCE_BONUS * (documents - 1)) if documents > 1 else affirmed
    return round(round(max(0.0, total - denied), 9), 2)


def tie_strength(tie: Tie, reference: str) -> Score:
    """The tie's strength as of the reference day, with one part per claim and one for corroboration."""
    affirmed, parts = _discounted(tie.affirmed, reference, "")
    n = len(tie.sources)
    if n > 1:
        parts.append(corroboration(affirmed, n))
    denied, denials = _discounted(tie.negated, reference, "denial, ")
    parts += [Part(p.label, -p.value, p.fact_id) for p in denials]
    return Score(combine(affirmed, n, denied), tuple(parts))


def corroboration(affirmed: float, documents: int) -> Part:
    """The part corroboration adds to an affirmed sum."""
    bonus = affirmed * SOURCE_BONUS * (documents - 1)
    return Part(_corroboration_label(documents), round(bonus, 2))


@lru_cache(maxsize=256)
def _corroboration_label(documents: int) -> str:
    # the same few labels for every tie of a question: format them once
    return f"corroboration: {documents} documents x{1 + SOURCE_BONUS * (documents - 1):g}"


def pair_strength(ties: Iterable[Tie], reference: str) -> Score:
    """Cooperative and structural ties add their strength, hostile ones take it away, neutral ones count 0."""
    parts, total = [], 0.0
    for tie in ties:
        sign = SIGN[kind_of(tie.relation).stance]
        value = sign * tie_strength(tie, reference).value
        total += value
        parts.append(Part(f"{tie.source} {tie.relation} {tie.target} ({kind_of(tie.relation).stance})",
                          round(value, 2)))
    return Score(round(total, 2), tuple(parts))
