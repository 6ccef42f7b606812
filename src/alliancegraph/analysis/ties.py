"""Ties: all claims of one relation type between two actors, and their status as of a day.

Status rules (the same text is in ``docs/analysis.md``), for the claims known
as of the day D (see :func:`claims.load_claims`):

- **disputed**: an affirmed and a negated claim overlap in time.  Two claims are
  compared only when they can speak of the same thing: for ``supports``, their
  kinds of help share one (or either names none).
- **active**: some affirmed claim is still live: not followed by a later
  compatible negation ("no longer") and not given an explicit end before D.
- **ended**: affirmed claims exist but none is live.
- **unknown**: no affirmed claim (nothing known as of D, or only denials).

A claim's time is its valid time (an open side runs to the far past or
future), else its document's date, else all time.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Protocol

from .claims import FAR_FUTURE, Claim
from .relations import kind_of

Status = str  # "active", "ended", "disputed" or "unknown"


@dataclass(frozen=True, slots=True)
class TieSummary:
    """What a tie's claims add up to, without the claims: counts, corroboration, kinds of help, span."""

    affirmed: int
    negated: int
    sources: tuple[str, ...]  # the distinct documents that affirm the tie, sorted
    support_kinds: tuple[str, ...]  # the kinds of help affirmed, sorted
    first_stated: str | None  # the earliest day any claim places the tie at
    last_stated: str | None  # the latest day any claim speaks for: an explicit end, else a start or assertion

    @classmethod
    def of(cls, claims: Iterable[Claim]) -> TieSummary:
        """The summary of these claims."""
        claims = list(claims)
        affirmed = [c for c in claims if not c.negated]
        firsts = [c.date for c in claims if c.date]
        lasts = [day for c in claims if (day := c.time_end or c.date)]
        return cls(len(affirmed), len(claims) - len(affirmed), tuple(sorted({c.doc_id for c in affirmed})),
                   tuple(sorted({k for c in affirmed for k in c.support})),
                   min(firsts) if firsts else None, max(lasts) if lasts else None)


class ClaimSource(Protocol):
    """Where a summarized tie's claims come from: the store, read on first use (``summary.TieDetails``)."""

    def claims(self, key: tuple[int, str, int]) -> tuple[Claim, ...]: ...


@dataclass(frozen=True, slots=True)
class Tie:
    """One relation type between two actors (symmetric types: one tie for both directions).

    A tie built from claims holds them; one read from the ``tie_summary`` table
    (``ties`` without ``--as-of``) holds its :class:`TieSummary` and its row's
    key, and reads its claims from ``claim_source`` the first time :attr:`claims` is read.
    """

    source: str
    relation: str
    target: str
    symmetric: bool
    status: Status
    reason: str  # why the status is what it is, naming the claims behind it
    as_of: str | None
    summary: TieSummary
    claim_source: ClaimSource | None = field(default=None, compare=False, repr=False)
    raw_key: tuple[int, str, int] | None = field(default=None, compare=False, repr=False)  # its tie_summary row
    _claims: tuple[Claim, ...] | None = field(default=None, compare=False, repr=False)

    @classmethod
    def of(cls, source: str, relation: str, target: str, claims: tuple[Claim, ...], status: Status, reason: str,
           as_of: str | None) -> Tie:
        """A tie holding these claims (in time order)."""
        return cls(source, relation, target, kind_of(relation).symmetric, status, reason, as_of,
                   TieSummary.of(claims), _claims=claims)

    @property
    def claims(self) -> tuple[Claim, ...]:
        """Every claim of the tie, in time order (read from the store on first use for a summarized tie)."""
        if self._claims is None:
            found = self.claim_source.claims(self.raw_key) if self.claim_source and self.raw_key else ()
            # a cache, not a change of value: frozen dataclasses are set this way in their own __init__
            object.__setattr__(self, "_claims", found)
            return found
        return self._claims

    @property
    def affirmed(self) -> tuple[Claim, ...]:
        return tuple(c for c in self.claims if not c.negated)

    @property
    def negated(self) -> tuple[Claim, ...]:
        return tuple(c for c in self.claims if c.negated)

    @property
    def claim_count(self) -> int:
        """How many claims the tie has (without loading them)."""
        return self.summary.affirmed + self.summary.negated

    @property
    def first_stated(self) -> str | None:
        """The earliest day any claim places the tie at."""
        return self.summary.first_stated

    @property
    def last_stated(self) -> str | None:
        """The latest day any claim speaks for: an explicit end, else a start, else an assertion."""
        return self.summary.last_stated

    @property
    def sources(self) -> tuple[str, ...]:
        """The distinct documents that affirm the tie (its corroboration), sorted."""
        return self.summary.sources

    @property
    def support_kinds(self) -> tuple[str, ...]:
        """The kinds of help affirmed (``supports`` ties), sorted."""
        return self.summary.support_kinds

    def involves(self, actor: str) -> bool:
        return actor in (self.source, self.target)

    def other(self, actor: str) -> str:
        """The actor at the other end from ``actor``."""
        return self.target if self.source == actor else self.source

    @property
    def key(self) -> tuple[str, str, str]:
        return self.source, self.relation, self.target


def direction(symmetric: bool, actor_is_source: bool) -> str:
    """How a tie runs seen from one of its actors: "<->" symmetric, "->" the actor is the source, "<-" the target."""
    return "<->" if symmetric else "->" if actor_is_source else "<-"


def listing_key(strength: float, other: str, relation: str, seen: str) -> tuple[float, str, str, str]:
    """Where one of an actor's ties is listed: strongest first, then by the other actor, type and direction.

    The one order of ``ties``, whichever path computed the tie: the key is
    unique among an actor's ties, so a limit cuts both paths at the same tie.
    """
    return -strength, other, relation, seen


def best_claim(tie: Tie) -> Claim | None:
    """The claim to quote for a tie: confirmed, unhedged, naming most kinds of help, latest (then lowest id)."""
    pool = tie.affirmed or tie.negated
    if not pool:
        return None
    return max(pool, key=lambda c: (c.confirmed, not c.hedged, len(c.support), c.date or "", -c.fact_id))


def compatible(a: Claim, b: Claim) -> bool:
    """Whether two claims of one tie can speak of the same thing (for support: a shared kind of help)."""
    if a.relation == "supports" and a.support and b.support:
        return bool(set(a.support) & set(b.support))
    return True


def overlap(a: Claim, b: Claim) -> bool:
    """Whether the two claims' times share a day."""
    (s1, e1), (s2, e2) = a.interval(), b.interval()
    return s1 <= e2 and s2 <= e1


def conflicts(claims: Iterable[Claim]) -> list[tuple[Claim, Claim]]:
    """Pairs (affirmed, negated) of one tie that overlap in time and speak of the same thing."""
    claims = list(claims)
    return [(a, n) for a in claims if not a.negated for n in claims
            if n.negated and compatible(a, n) and overlap(a, n)]


def is_live(claim: Claim, denials: Iterable[Claim], as_of: str | None) -> bool:
    """An affirmed claim still stands: no explicit end before the day, no later compatible denial."""
    if claim.explicit_end and as_of is not None and (claim.time_end or FAR_FUTURE) < as_of:
        return False
    end = claim.interval()[1]
    return not any(n.negated and compatible(claim, n) and n.interval()[0] > end for n in denials)


def status_of(claims: tuple[Claim, ...], as_of: str | None) -> tuple[Status, str]:
    """The status of a tie made of these claims, and the reason in words (citing fact ids)."""
    affirmed = [c for c in claims if not c.negated]
    denials = [c for c in claims if c.negated]
    if not affirmed:
        why = "only denials" if claims else "no claims"
        return "unknown", f"{why} as of {as_of or 'now'}" + _ids(claims)
    # the first clash is enough to call it disputed (contradictions.py lists them all)
    clash = next(((a, n) for a in affirmed for n in denials if compatible(a, n) and overlap(a, n)), None)
    if clash:
        a, n = clash
        return "disputed", f"affirmed #{a.fact_id} and denied #{n.fact_id} in overlapping times"
    live = [c for c in affirmed if is_live(c, denials, as_of)]
    if live:
        return "active", f"{len(live)} live affirmed claim(s)" + _ids(live)
    why = "a later denial" + _ids(denials) if denials else "every claim's stated end is past"
    return "ended", why


def _ids(claims: Iterable[Claim], shown: int = 10) -> str:
    ids = [f"#{c.fact_id}" for c in claims]
    more = f" and {len(ids) - shown} more" if len(ids) > shown else ""
    return f": {', '.join(ids[:shown])}{more}" if ids else ""


def tie_key(claim: Claim) -> tuple[str, str, str]:
    """The tie a relation claim belongs to; symmetric types order the two names."""
    source, target, relation = claim.source or "", claim.target or "", claim.relation or ""
    if kind_of(relation).symmetric and target < source:
        source, target = target, source
    return source, relation, target


def build_ties(claims: Iterable[Claim], as_of: str | None = None) -> list[Tie]:
    """Group relation claims into ties, each with its status as of the day; sorted by names and type."""
    groups: dict[tuple[str, str, str], list[Claim]] = {}
    for claim in claims:
        if claim.kind == "relation" and claim.source and claim.target and claim.source != claim.target:
            groups.setdefault(tie_key(claim), []).append(claim)
    ties = []
    for (source, relation, target), members in sorted(groups.items()):
        members.sort(key=Claim.sort_key)
        status, reason = status_of(tuple(members), as_of)
        ties.append(Tie.of(source, relation, target, tuple(members), status, reason, as_of))
    return ties
