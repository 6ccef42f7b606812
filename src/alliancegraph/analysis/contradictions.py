"""Claims that disagree, each with both sides' evidence.

Four kinds (``docs/analysis.md``):

- ``affirmed_and_denied``: a tie affirmed and denied in overlapping times (the
  claims that make it *disputed*);
- ``allied_and_opposed``: a pair with cooperative claims (alliance, support,
  pledge, affiliation) and hostile ones (rivalry, split, fighting) in
  overlapping times;
- ``quantities_differ``: two estimates of one measure of one actor for
  overlapping times, the larger more than half again the smaller;
- ``leaders_differ``: two different persons named leader of one actor for
  overlapping times (only claims whose text dates them: articles name former
  leaders without dates, and those are not compared).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from ..store import Store
from .claims import ActorBook, Claim, as_of_day, load_claims
from .relations import COOPERATIVE, HOSTILE
from .ties import build_ties, conflicts, overlap

QUANTITY_SPREAD = 1.5  # the larger estimate exceeds the smaller by more than half of it


@dataclass(frozen=True)
class Contradiction:
    """Two sets of claims that cannot both be right, and what they disagree about."""

    kind: str
    subject: str
    side_a: tuple[Claim, ...]
    side_b: tuple[Claim, ...]
    detail: str


def contradictions(store: Store, actor: str | None = None, other: str | None = None, *,
                   as_of: str | None = None) -> list[Contradiction]:
    """Every contradiction among the claims of the store, of one actor, or between two actors."""
    day = as_of_day(as_of)
    with store.engine.connect() as conn:
        book = ActorBook(conn)
        kinds = ("relation", "quantity")
        if actor is not None and other is not None:
            a, b = book.resolve(actor)[0], book.resolve(other)[0]
            claims = load_claims(conn, book, pair=(book.members(a), book.members(b)), kinds=kinds, as_of=day)
        elif actor is not None:
            claims = load_claims(conn, book, actors=book.members(book.resolve(actor)[0]), kinds=kinds, as_of=day)
        else:
            claims = load_claims(conn, book, kinds=kinds, as_of=day)
    return find_contradictions(claims, day)


def find_contradictions(claims: Iterable[Claim], as_of: str | None = None) -> list[Contradiction]:
    """The contradictions among these claims, in a stable order (kind, subject)."""
    claims = list(claims)
    relations = [c for c in claims if c.kind == "relation"]
    found = _denied(relations, as_of) + _opposed(relations) + _quantities(claims) + _leaders(relations)
    return sorted(found, key=lambda c: (c.kind, c.subject, c.side_a[0].sort_key()))


def _denied(relations: list[Claim], as_of: str | None) -> list[Contradiction]:
    out = []
    for tie in build_ties(relations, as_of):
        pairs = conflicts(tie.claims)
        if pairs:
            yes = tuple(sorted({a for a, _ in pairs}, key=Claim.sort_key))
            no = tuple(sorted({n for _, n in pairs}, key=Claim.sort_key))
            subject = f"{tie.source} {tie.relation} {tie.target}"
            out.append(Contradiction("affirmed_and_denied", subject, yes, no,
                                     f"{len(yes)} claim(s) affirm it and {len(no)} deny it for overlapping times"))
    return out


def _opposed(relations: list[Claim]) -> list[Contradiction]:
    by_pair: dict[tuple[str, str], tuple[list[Claim], list[Claim]]] = {}
    for c in relations:
        if c.negated or not c.source or not c.target or c.source == c.target:
            continue
        if c.relation in COOPERATIVE or c.relation in HOSTILE:
            pair = (min(c.source, c.target), max(c.source, c.target))
            sides = by_pair.setdefault(pair, ([], []))
            sides[0 if c.relation in COOPERATIVE else 1].append(c)
    out = []
    for (a, b), (friendly, hostile) in sorted(by_pair.items()):
        yes = tuple(sorted((f for f in friendly if any(overlap(f, h) for h in hostile)), key=Claim.sort_key))
        no = tuple(sorted((h for h in hostile if any(overlap(f, h) for f in friendly)), key=Claim.sort_key))
        if yes and no:
            kinds = sorted({c.relation or "" for c in no})
            out.append(Contradiction("allied_and_opposed", f"{a} and {b}", yes, no,
                                     f"cooperation and {', '.join(kinds)} claimed for overlapping times"))
    return out


def _quantities(claims: list[Claim]) -> list[Contradiction]:
    groups: dict[tuple[str, str], list[Claim]] = {}
    for c in claims:
        if c.kind == "quantity" and c.source and c.measure and c.value is not None and not c.negated:
            groups.setdefault((c.source, c.measure), []).append(c)
    out = []
    for (actor, measure), group in sorted(groups.items()):
        for i, x in enumerate(group):
            for y in group[i + 1:]:
                low, high = sorted((x.value or 0.0, y.value or 0.0))
                if overlap(x, y) and high > QUANTITY_SPREAD * low:
                    out.append(Contradiction("quantities_differ", f"{actor} {measure}", (x,), (y,),
                                             f"{x.value:g} vs {y.value:g} for overlapping times"))
    return out


def _leaders(relations: list[Claim]) -> list[Contradiction]:
    named: dict[str, list[Claim]] = {}
    for c in relations:
        dated = c.time_start or c.time_end
        if c.relation == "leads" and c.role in (None, "leader") and not c.negated and dated and c.target:
            named.setdefault(c.target, []).append(c)
    out = []
    for target, group in sorted(named.items()):
        for i, x in enumerate(group):
            for y in group[i + 1:]:
                if x.source != y.source and overlap(x, y):
                    out.append(Contradiction("leaders_differ", f"leader of {target}", (x,), (y,),
                                             f"{x.source} ({x.time}) vs {y.source} ({y.time})"))
    return out
