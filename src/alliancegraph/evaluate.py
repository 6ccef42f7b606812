"""Scoring extracted facts against gold facts, with the matching rules of FACTS.md.

A relation matches on (document, source, relation, target, negated), in
either order for symmetric types; a quantity on (document, actor, measure,
value within 10 %); an event on (document, event type, overlapping actors).
Names compare under the gold file's alias table and the usual loosenings
(case, hyphens, spaces, apostrophes, a leading "the" or title).  Gold facts
marked ``optional`` neither help nor hurt.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import InputError
from .model import SYMMETRIC_RELATIONS

Record = dict[str, Any]
_TITLE = re.compile(r"^(?:the|mullah|maulvi|mawlawi|sheikh|shaykh|gen|general|brig|brigadier|lt|col|colonel|"
                    r"president|dr|mr|ms|mrs|emir|amir|u\.?s\.? army)\.?\s+")


def name_key(name: str | None) -> str:
    """A name reduced to what the scorer compares."""
    text = (name or "").lower().strip()
    while True:
        shorter = _TITLE.sub("", text)
        if shorter == text:
            break
        text = shorter
    return re.sub(r"[\s\-'\u2018\u2019.,]", "", text)


@dataclass
class Tally:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Scores:
    """Precision, recall and F1 per kind and relation type; attribute agreement over matched relations."""

    kinds: dict[str, Tally] = field(default_factory=lambda: defaultdict(Tally))
    relations: dict[str, Tally] = field(default_factory=lambda: defaultdict(Tally))
    agreement: dict[str, list[float]] = field(default_factory=lambda: defaultdict(lambda: [0.0, 0]))

    def table(self) -> str:
        lines = [f"{'':24} {'P':>6} {'R':>6} {'F1':>6} {'tp':>4} {'fp':>4} {'fn':>4}"]
        for group in (self.kinds, self.relations):
            for name, t in sorted(group.items()):
                if not (t.tp or t.fp or t.fn):
                    continue  # a type seen only in optional gold facts
                lines.append(f"{name:24} {t.precision:6.3f} {t.recall:6.3f} {t.f1:6.3f} {t.tp:4} {t.fp:4} {t.fn:4}")
            lines.append("")
        for name, (agree, n) in sorted(self.agreement.items()):
            rate = f"{agree / n:.3f}" if n else "-"
            lines.append(f"{name:24} agree {rate} over {int(n)} matched")
        return "\n".join(lines)


def load_facts(path: str | Path) -> tuple[list[Record], dict[str, list[str]]]:
    """The facts and the alias table of a facts JSONL file."""
    facts: list[Record] = []
    aliases: dict[str, list[str]] = {}
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as err:
        raise InputError(path, f"cannot read facts file: {err}") from None
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as err:
            raise InputError(path, f"not valid JSON ({err.msg})", line=number) from None
        if not isinstance(record, dict):
            raise InputError(path, "expected a JSON object", line=number)
        if record.get("kind") == "aliases":
            aliases.update(record.get("aliases") or {})
        else:
            facts.append(record)
    return facts, aliases


def _namer(aliases: dict[str, list[str]]) -> Callable[[str | None], str]:
    table = {name_key(form): name_key(canon) for canon, forms in aliases.items() for form in [canon, *forms]}
    return lambda name: table.get(name_key(name), name_key(name))


def _years(time: str | None) -> set[str]:
    return set(re.findall(r"\d{4}", time or ""))


def score(gold: list[Record], system: Iterable[Record], aliases: dict[str, list[str]]) -> Scores:
    """Compare system facts with gold facts of the same documents."""
    names = _namer(aliases)
    docs = {g["doc"] for g in gold}
    found = [s for s in system if s.get("doc") in docs]
    out = Scores()

    def key(f: Record) -> tuple[Any, ...]:
        a, b, rel = names(f.get("source")), names(f.get("target")), f.get("relation")
        if rel in SYMMETRIC_RELATIONS and b < a:
            a, b = b, a
        return f["doc"], rel, a, b, bool(f.get("negated"))

    gold_rel: dict[tuple[Any, ...], list[Record]] = defaultdict(list)
    sys_rel: dict[tuple[Any, ...], list[Record]] = defaultdict(list)
    for g in gold:
        if g.get("kind") == "relation":
            gold_rel[key(g)].append(g)
    for s in found:
        if s.get("kind") == "relation":
            sys_rel[key(s)].append(s)
    for k, gs in gold_rel.items():
        required = not all(g.get("optional") for g in gs)
        tallies = (out.kinds["relation"], out.relations[k[1]])
        if k not in sys_rel:
            for t in tallies:
                t.fn += required
            continue
        for t in tallies:
            t.tp += required
        _agree(out, gs, sys_rel[k], names)
    for k in sys_rel:
        if k not in gold_rel:
            out.kinds["relation"].fp += 1
            out.relations[k[1]].fp += 1
    for kind, same in (("quantity", _same_quantity), ("event", _same_event)):
        _greedy(out.kinds[kind], [g for g in gold if g.get("kind") == kind],
                [s for s in found if s.get("kind") == kind], names, same)
    return out


def _agree(out: Scores, gs: list[Record], ss: list[Record], names: Callable[[str | None], str]) -> None:
    g, s = gs[0], ss[0]
    out.agreement["hedged"][0] += bool(g.get("hedged")) == bool(s.get("hedged"))
    out.agreement["hedged"][1] += 1
    if g.get("attributed_to"):
        out.agreement["attributed_to"][0] += names(g["attributed_to"]) == names(s.get("attributed_to"))
        out.agreement["attributed_to"][1] += 1
    if g.get("time"):
        out.agreement["time_year"][0] += bool(_years(g["time"]) & _years(s.get("time")))
        out.agreement["time_year"][1] += 1
    gold_kinds = {k for x in gs for k in x.get("support") or []}
    sys_kinds = {k for x in ss for k in x.get("support") or []}
    if g.get("relation") == "supports" and gold_kinds:
        out.agreement["support_kinds_jaccard"][0] += len(gold_kinds & sys_kinds) / len(gold_kinds | sys_kinds)
        out.agreement["support_kinds_jaccard"][1] += 1


def _same_quantity(g: Record, s: Record, names: Callable[[str | None], str]) -> bool:
    if g["doc"] != s.get("doc") or g.get("measure") != s.get("measure") or names(g.get("actor")) != names(
            s.get("actor")):
        return False
    try:
        return abs(float(g["value"]) - float(s["value"])) <= 0.1 * max(abs(float(g["value"])), 1e-9)
    except (KeyError, TypeError, ValueError):
        return False


def _same_event(g: Record, s: Record, names: Callable[[str | None], str]) -> bool:
    if g["doc"] != s.get("doc") or g.get("event") != s.get("event"):
        return False
    ga, sa = {names(a) for a in g.get("actors") or []}, {names(a) for a in s.get("actors") or []}
    return bool(ga & sa) or (not ga and not sa)


Namer = Callable[[str | None], str]


def _greedy(tally: Tally, gold: list[Record], found: list[Record], names: Namer,
            same: Callable[[Record, Record, Namer], bool]) -> None:
    used: set[int] = set()
    for g in gold:
        hit = next((i for i, s in enumerate(found) if i not in used and same(g, s, names)), None)
        if hit is not None:
            used.add(hit)
            tally.tp += not g.get("optional")
        elif not g.get("optional"):
            tally.fn += 1
    for i, s in enumerate(found):
        if i not in used and not any(same(g, s, names) for g in gold):
            tally.fp += 1
