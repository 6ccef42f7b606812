"""A Markdown dossier on one alliance, every sentence citing the claims it rests on.

Sections (each left out when the store holds nothing for it): the state of
the pair, its history in dated steps, what each side gives and gets, how much
each depends on the other, shared rivals and enemies, leaders and pledges,
the factions that anchor it, contradictions, open questions, and the sources
(numbered in order of first citation, each with its quote and speaker).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from ..store import Store
from .claims import ActorBook, Claim, as_of_day, load_claims
from .contradictions import find_contradictions
from .relations import HOSTILE, kind_of
from .strength import pair_strength, reference_day, tie_strength
from .ties import Tie, build_ties

MAX_REFS = 3  # citations per sentence: the best few, so the note stays terse

_TEMPLATES = {
    "allied_with": "{s} and {t} cooperate",
    "supports": "{s} supports {t}",
    "pledged_allegiance_to": "{s} pledged allegiance to {t}",
    "rival_of": "{s} and {t} are rivals",
    "fights": "{s} fights {t}",
    "split_from": "{s} broke with {t}",
    "affiliate_of": "{s} is a faction of {t}",
    "leads": "{s} leads {t}",
    "member_of": "{s} belongs to {t}",
    "negotiates_with": "{s} and {t} negotiate",
    "controls": "{s} controls {t}",
}


@dataclass(frozen=True)
class Brief:
    """The dossier: its Markdown text and the claims it cites, in citation order."""

    a: str
    b: str
    as_of: str | None
    markdown: str
    sources: tuple[Claim, ...]


class _Citations:
    """Numbers claims in order of first citation."""

    def __init__(self) -> None:
        self.order: list[Claim] = []
        self._number: dict[int, int] = {}

    def __call__(self, claims: Iterable[Claim]) -> str:
        picked = sorted(claims, key=lambda c: (c.hedged, c.negated, -len(c.support), c.sort_key()))[:MAX_REFS]
        refs = []
        for c in sorted(picked, key=Claim.sort_key):
            if c.fact_id not in self._number:
                self.order.append(c)
                self._number[c.fact_id] = len(self.order)
            refs.append(f"[{self._number[c.fact_id]}]")
        return "".join(refs)


def phrase(relation: str, source: str, target: str, *, negated: bool = False, hedged: bool = False,
           support: Sequence[str] = (), role: str | None = None) -> str:
    """A relation in words: "al-Qaeda supports Taliban with training and funding"."""
    text = _TEMPLATES.get(relation, "{s} " + relation + " {t}").format(s=source, t=target)
    if support:
        text += " with " + _join([k.replace("_", " ") for k in support])
    if role and role != "leader":
        text += f" (as {role})"
    if negated:
        text = "it is denied that " + text
    if hedged:
        text = "reportedly, " + text
    return text[0].upper() + text[1:]


def _join(words: Sequence[str]) -> str:
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]


def _speakers(claims: Iterable[Claim]) -> str:
    names = sorted({c.speaker for c in claims if c.speaker})
    return f", per {_join(names[:2])}" if names else ""


def brief(store: Store, a: str, b: str, *, as_of: str | None = None) -> Brief:
    """The dossier on the alliance of two actors, as of a day (all stored claims by default)."""
    day = as_of_day(as_of)
    with store.engine.connect() as conn:
        book = ActorBook(conn)
        ra, na = book.resolve(a)
        rb, nb = book.resolve(b)
        side_a, side_b = book.members(ra), book.members(rb)
        around = load_claims(conn, book, actors=side_a | side_b, kinds=("relation", "quantity", "event"), as_of=day)
        leaders_a = {c.source_id for c in around if c.relation == "leads" and c.target == na and c.source_id}
        leaders_b = {c.source_id for c in around if c.relation == "leads" and c.target == nb and c.source_id}
        pledges = load_claims(conn, book, pair=(side_a | leaders_a, side_b | leaders_b),
                              relation="pledged_allegiance_to", kinds=("relation",), as_of=day)
    return _write(na, nb, day, around, pledges)


def _write(a: str, b: str, day: str | None, around: list[Claim], pledges: list[Claim]) -> Brief:
    cite = _Citations()
    pair = [c for c in around if {c.source, c.target} == {a, b}]
    relations = [c for c in around if c.kind == "relation"]
    ties = build_ties([c for c in pair if c.kind == "relation"], day)
    reference = reference_day(around, day)
    out = [f"# {a} and {b}", "",
           f"As of {day}." if day else "On every stored claim.",
           f"{len(pair)} claims between them in {len({c.doc_id for c in pair})} documents."]
    out += _summary(a, b, ties, reference, cite)
    out += _section("History", _history(a, pair, cite))
    out += _section("What each gives and gets", _ledger(a, b, ties, cite) + _ledger(b, a, ties, cite))
    out += _section("Dependence", _dependence(a, b, relations, cite) + _dependence(b, a, relations, cite))
    out += _section("Shared rivals and enemies", _shared(a, b, relations, cite))
    out += _section("Leaders and pledges", _leaders(a, relations, cite) + _leaders(b, relations, cite)
                    + _pledges(pledges, cite))
    out += _section("Factions that anchor it", _factions(a, b, relations, cite) + _factions(b, a, relations, cite))
    conflicts = find_contradictions(pair, day)
    out += _section("Contradictions", [f"- {c.subject}: {c.detail} {cite(c.side_a)} vs {cite(c.side_b)}."
                                       for c in conflicts])
    out += _section("Open questions", _questions(ties, cite))
    sources = [f"{i}. {c.cite()}: {c.statement()}. \u201c{c.evidence.strip()}\u201d"
               for i, c in enumerate(cite.order, start=1)]
    out += _section("Sources", sources)
    return Brief(a, b, day, "\n".join(out).rstrip() + "\n", tuple(cite.order))


def _section(title: str, lines: list[str]) -> list[str]:
    return ["", f"## {title}", "", *lines] if lines else []


def _summary(a: str, b: str, ties: list[Tie], reference: str, cite: _Citations) -> list[str]:
    if not ties:
        return ["", f"No tie between {a} and {b} is on record."]
    score = pair_strength(ties, reference)
    lines = ["", f"Pair strength {score.value:.2f} (cooperation minus hostility; see `explain`)."]
    for tie in sorted(ties, key=lambda t: -tie_strength(t, reference).value):
        kinds = f" ({', '.join(tie.support_kinds)})" if tie.support_kinds else ""
        text = phrase(tie.relation, tie.source, tie.target)
        lines.append(f"- {text}{kinds}: {tie.status}, strength {tie_strength(tie, reference).value:.2f}, "
                     f"{len(tie.sources)} document(s) {cite(tie.claims)}.")
    return lines


def _history(a: str, pair: list[Claim], cite: _Citations) -> list[str]:
    steps: dict[tuple[str, str, str, str, bool], list[Claim]] = {}
    for c in pair:
        year = (c.date or "undated")[:4]
        what = c.relation or c.event or c.measure or ""
        source, target = c.source or "", c.target or ""
        if kind_of(what).symmetric and target == a:  # one step for both word orders, in the brief's order
            source, target = target, source
        steps.setdefault((year, what, source, target, c.negated), []).append(c)
    lines = []
    for (year, what, source, target, negated), claims in sorted(steps.items()):
        if claims[0].kind == "relation":
            kinds = sorted({k for c in claims for k in c.support})
            text = phrase(what, source, target, negated=negated, hedged=all(c.hedged for c in claims), support=kinds)
        else:
            text = claims[0].statement()
        lines.append(f"- **{year}**: {text}{_speakers(claims)} {cite(claims)}.")
    return lines


def _ledger(giver: str, taker: str, ties: list[Tie], cite: _Citations) -> list[str]:
    tie = next((t for t in ties if t.relation == "supports" and t.source == giver), None)
    if tie is None:
        return []
    parts = []
    for kind in sorted({k for c in tie.claims for k in c.support} or {"unspecified help"}):
        yes = [c for c in tie.affirmed if kind in c.support or (not c.support and kind == "unspecified help")]
        no = [c for c in tie.negated if kind in c.support or not c.support]
        words = kind.replace("_", " ")
        if yes:
            parts.append(f"{words} {cite(yes)}" + (f" (denied {cite(no)})" if no else ""))
        elif no:
            parts.append(f"no {words} {cite(no)}")
    return [f"- {giver} gives {taker}: {'; '.join(parts)}."] if parts else []


def _dependence(taker: str, giver: str, relations: list[Claim], cite: _Citations) -> list[str]:
    received = [c for c in relations if c.relation == "supports" and c.target == taker and not c.negated and c.source]
    if not received:
        return []
    patrons = sorted({c.source or "" for c in received})
    kinds = {k for c in received for k in c.support}
    from_giver = [c for c in received if c.source == giver]
    if not from_giver:
        return [f"- {taker} gets no stated help from {giver}; its stated patrons: {_join(patrons)} {cite(received)}."]
    own = {k for c in from_giver for k in c.support}
    only = sorted(own - {k for c in received if c.source != giver for k in c.support})
    text = (f"- {taker} gets {len(own)} of its {len(kinds)} stated kinds of help from {giver}, "
            f"which is one of {len(patrons)} patron(s) ({_join(patrons)}) {cite(from_giver)}")
    if only:
        text += f"; only {giver} is said to give it {_join([k.replace('_', ' ') for k in only])}"
    return [text + "."]


def _shared(a: str, b: str, relations: list[Claim], cite: _Citations) -> list[str]:
    def foes(actor: str) -> dict[str, list[Claim]]:
        found: dict[str, list[Claim]] = {}
        for c in relations:
            if c.relation in HOSTILE and not c.negated and actor in (c.source, c.target):
                other = c.target if c.source == actor else c.source
                if other and other not in (a, b):
                    found.setdefault(other, []).append(c)
        return found

    fa, fb = foes(a), foes(b)
    lines = []
    for third in sorted(set(fa) & set(fb)):
        how_a = _join(sorted({c.relation or "" for c in fa[third]}))
        how_b = _join(sorted({c.relation or "" for c in fb[third]}))
        lines.append(f"- {third}: {a} ({how_a}) {cite(fa[third])} and {b} ({how_b}) {cite(fb[third])}.")
    return lines


def _leaders(actor: str, relations: list[Claim], cite: _Citations) -> list[str]:
    named: dict[str, list[Claim]] = {}
    for c in relations:
        if c.relation == "leads" and c.target == actor and not c.negated and c.source:
            named.setdefault(c.source, []).append(c)
    if not named:
        return []
    people = []
    for person, claims in sorted(named.items(), key=lambda kv: (min(c.date or "9999" for c in kv[1]), kv[0])):
        roles = sorted({c.role or "leader" for c in claims})
        times = sorted({c.time for c in claims if c.time})
        when = f", {', '.join(times)}" if times else ""
        people.append(f"{person} ({'/'.join(roles)}{when}) {cite(claims)}")
    return [f"- {actor} is led by: {'; '.join(people)}."]


def _pledges(pledges: list[Claim], cite: _Citations) -> list[str]:
    groups: dict[tuple[str, str, bool], list[Claim]] = {}
    for c in pledges:
        groups.setdefault((c.source or "", c.target or "", c.negated), []).append(c)
    return [f"- {phrase('pledged_allegiance_to', s, t, negated=n, hedged=all(c.hedged for c in cs))}"
            f"{_speakers(cs)} {cite(cs)}." for (s, t, n), cs in sorted(groups.items())]


def _factions(a: str, b: str, relations: list[Claim], cite: _Citations) -> list[str]:
    """Factions of ``b`` (affiliates, members) that hold a cooperative tie of their own with ``a``."""
    parts = {c.source: c for c in relations if c.relation in ("affiliate_of", "member_of") and c.target == b
             and not c.negated and c.source not in (None, a)}
    lines = []
    for faction in sorted(p for p in parts if p):
        links = [c for c in relations if not c.negated and {c.source, c.target} == {faction, a}
                 and c.relation in ("allied_with", "supports", "pledged_allegiance_to")]
        if links:
            how = _join(sorted({c.relation or "" for c in links}))
            lines.append(f"- {faction}, a faction of {b} {cite([parts[faction]])}, is tied to {a} ({how}) "
                         f"{cite(links)}.")
    return lines


def _questions(ties: list[Tie], cite: _Citations) -> list[str]:
    lines = []
    for tie in ties:
        text = phrase(tie.relation, tie.source, tie.target)
        if tie.status == "disputed":
            lines.append(f"- Does it still hold that {text[0].lower() + text[1:]}? Sources disagree "
                         f"{cite(tie.affirmed)} vs {cite(tie.negated)}.")
        elif tie.affirmed and all(c.hedged for c in tie.affirmed):
            lines.append(f"- {text}: only hedged claims so far {cite(tie.affirmed)}.")
        elif tie.status == "active" and len(tie.sources) == 1:
            lines.append(f"- {text}: rests on one document {cite(tie.affirmed)}; no corroboration yet.")
        elif tie.status == "ended":
            lines.append(f"- {text}: no longer stated to hold ({tie.reason}); does it again? {cite(tie.claims)}.")
    return lines
