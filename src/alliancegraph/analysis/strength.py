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

    restated      within one document, the i-th claim of a tie (heaviest first) counts w / i
    tie strength  = max(0, sum(affirmed) x (1 + 0.25 x (distinct affirming documents - 1)) - sum(denials))
    pair strength = sum of its cooperative and structural ties' strengths - sum of its hostile ties' strengths
                    (negotiation and control count 0)
    trend(D1, D2) = strength as of D2 - strength as of D1
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

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


@dataclass(frozen=True)
class Part:
    """One term of a score: what it is, what it adds, and the fact behind it (if one)."""

    label: str
    value: float
    fact_id: int | None = None


@dataclass(frozen=True)
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
    return _full(max(days)) if days else "1970-01-01"


def _years_between(first: str, last: str) -> float:
    try:
        a, b = date.fromisoformat(_full(first)), date.fromisoformat(_full(last))
    except ValueError:
        return 0.0
    return max(0.0, (b - a).days / 365.25)


def _full(day: str) -> str:
    # a document dated "2018" or "2018-05" is read at its first day
    return day + "-01-01"[len(day) - 4:] if len(day) < 10 else day


def claim_weight(claim: Claim, reference: str) -> tuple[float, str]:
    """The weight of one claim and the factors that made it, in words."""
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
    start, end = claim.interval()
    if end == FAR_FUTURE and claim.date is None:
        w, notes = w * UNDATED_RECENCY, [*notes, f"x{UNDATED_RECENCY:g} undated"]
    else:
        age = _years_between(min(end, reference), reference)
        r = 0.5 ** (age / HALF_LIFE_YEARS)
        if r < 1:
            w, notes = w * r, [*notes, f"x{r:.2f} age {age:.1f}y"]
    return w, ", ".join(notes)


def _discounted(claims: Iterable[Claim], reference: str, label: str) -> tuple[float, list[Part]]:
    """Sum of claim weights where the i-th claim of one document (heaviest first) counts 1/i."""
    by_doc: dict[str, list[tuple[float, str, Claim]]] = {}
    for c in claims:
        w, why = claim_weight(c, reference)
        by_doc.setdefault(c.doc_id, []).append((w, why, c))
    total, parts = 0.0, []
    for doc_id in sorted(by_doc):
        ranked = sorted(by_doc[doc_id], key=lambda x: (-x[0], x[2].fact_id))
        for i, (w, why, c) in enumerate(ranked, start=1):
            share = w / i
            total += share
            note = f", x1/{i} restated in its document" if i > 1 else ""
            parts.append(Part(f"#{c.fact_id} {doc_id}: {label}{why}{note}", round(share, 2), c.fact_id))
    return total, parts


def tie_strength(tie: Tie, reference: str) -> Score:
    """The tie's strength as of the reference day, with one part per claim and one for corroboration."""
    affirmed, parts = _discounted(tie.affirmed, reference, "")
    n = len(tie.sources)
    if n > 1:
        bonus = affirmed * SOURCE_BONUS * (n - 1)
        parts.append(Part(f"corroboration: {n} documents x{1 + SOURCE_BONUS * (n - 1):g}", round(bonus, 2)))
        affirmed += bonus
    denied, denials = _discounted(tie.negated, reference, "denial, ")
    parts += [Part(p.label, -p.value, p.fact_id) for p in denials]
    return Score(round(max(0.0, affirmed - denied), 2), tuple(parts))


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
