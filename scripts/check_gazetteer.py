"""Validate the actor gazetteer (src/alliancegraph/data/actors.jsonl).

Checks that every line is a JSON object with the expected fields and types,
that canonical names are unique, types and link relations are valid, link
targets name another actor, an alias (compared case-insensitively after
stripping hyphens, spaces and apostrophes) is shared only by actors of one type
in different regions (the gazetteer tells those apart by region) and by few of
them, the file is sorted by type then name, and the per-type minimum counts are
met. Prints counts per type; exits 1 on any problem.

Usage: python scripts/check_gazetteer.py [path/to/actors.jsonl]
"""

from __future__ import annotations

import json
import re
import sys
from collections import Counter
from pathlib import Path
from typing import Any

DEFAULT = Path(__file__).resolve().parents[1] / "src" / "alliancegraph" / "data" / "actors.jsonl"
TYPES = {"armed_group", "state", "state_force", "person", "organization"}
RELATIONS = {"affiliate_of", "split_from", "leads", "member_of", "allied_with"}
ROLES = {"leader", "deputy", "founder", "commander"}
REQUIRED = {"name": str, "type": str, "aliases": list, "region": str, "links": list}
OPTIONAL = {"ofac": int, "demonyms": str, "capitals": str}  # lists of these
MINIMUMS = {"armed_group": 320, "state": 60, "state_force": 40, "person": 160}
MAX_SHARED = 20  # forms two actors go by
_STRIP = re.compile(r"[-\s'\u2019\u2018`\u2010\u2011\u2013]")


def norm(text: str) -> str:
    """Comparison key: case-folded, without hyphens, spaces or apostrophes."""
    return _STRIP.sub("", text.casefold())


def check(path: Path) -> tuple[list[str], Counter[str]]:
    problems: list[str] = []
    actors: list[dict[str, Any]] = []
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as err:
        return [f"{path}: cannot read it as UTF-8 text ({err})"], Counter()
    for lineno, raw in enumerate(text.splitlines(), 1):
        try:
            obj = json.loads(raw)
        except json.JSONDecodeError as exc:
            problems.append(f"line {lineno}: invalid JSON ({exc})")
            continue
        if not isinstance(obj, dict):
            problems.append(f"line {lineno}: not a JSON object")
            continue
        bad = [k for k, t in REQUIRED.items() if not isinstance(obj.get(k), t)]
        extra = set(obj) - set(REQUIRED) - set(OPTIONAL)
        if bad or extra:
            problems.append(f"line {lineno}: missing/mistyped {bad} unknown {sorted(extra)}")
            continue
        for key, kind in OPTIONAL.items():
            if key in obj and not (isinstance(obj[key], list) and all(type(x) is kind for x in obj[key])):
                problems.append(f"line {lineno}: {key} must be a list of {kind.__name__}")
        if not obj["name"].strip() or obj["type"] not in TYPES:
            problems.append(f"line {lineno}: empty name or invalid type {obj['type']!r}")
        if any(not isinstance(a, str) or not a.strip() for a in obj["aliases"]):
            problems.append(f"line {lineno}: aliases must be non-empty strings")
            continue
        obj["_line"] = lineno
        actors.append(obj)

    names: dict[str, int] = {}
    for a in actors:
        if a["name"] in names:
            problems.append(f"line {a['_line']}: duplicate name {a['name']!r} (line {names[a['name']]})")
        names.setdefault(a["name"], a["_line"])

    by_name = {a["name"]: a for a in actors}
    owner: dict[str, str] = {}  # normalised name/alias -> canonical name
    for a in actors:  # names first so alias-vs-name clashes are reported
        owner.setdefault(norm(a["name"]), a["name"])
    shared = set()
    for a in actors:
        seen: set[str] = set()
        for alias in a["aliases"]:
            if alias.casefold() in seen:
                problems.append(f"{a['name']!r}: duplicate alias {alias!r}")
            seen.add(alias.casefold())
            other = by_name[owner.setdefault(norm(alias), a["name"])]
            if other is a:
                continue
            if other["type"] != a["type"] or other["region"] == a["region"]:
                problems.append(f"alias {alias!r} of {a['name']!r} clashes with {other['name']!r}")
            shared.add(norm(alias))
        for link in a["links"]:
            if not isinstance(link, dict) or link.get("relation") not in RELATIONS:
                problems.append(f"{a['name']!r}: bad link {link!r}")
                continue
            if link.get("target") not in names or link["target"] == a["name"]:
                problems.append(f"{a['name']!r}: link target {link.get('target')!r} is not another actor")
            if (link["relation"] == "leads") != ("role" in link) or link.get("role", "leader") not in ROLES:
                problems.append(f"{a['name']!r}: bad role in {link!r}")
            if "terms" in link and not _good_terms(link["terms"], a, by_name.get(link.get("target"))):
                problems.append(f"{a['name']!r}: terms must be [[start, end or null], ...] years of a person's rule "
                                f"of a state, in {link!r}")
    if len(shared) > MAX_SHARED:
        problems.append(f"{len(shared)} forms are shared by two actors (at most {MAX_SHARED})")

    keys = [(a["type"], a["name"].casefold()) for a in actors]
    if keys != sorted(keys):
        problems.append("file is not sorted by type, then name")
    counts = Counter(a["type"] for a in actors)
    for typ, minimum in MINIMUMS.items():
        if counts[typ] < minimum:
            problems.append(f"only {counts[typ]} {typ} actors (minimum {minimum})")
    return problems, counts


def _good_terms(terms: object, actor: dict[str, Any], target: dict[str, Any] | None) -> bool:
    """A ruler's years in office: a list of [first year, last year or null] pairs, in order."""
    if actor["type"] != "person" or target is None or target["type"] != "state" or not isinstance(terms, list):
        return False
    for term in terms:
        if not (isinstance(term, list) and len(term) == 2 and type(term[0]) is int
                and (term[1] is None or (type(term[1]) is int and term[0] <= term[1]))):
            return False
    return bool(terms)


def main() -> int:
    path = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT
    problems, counts = check(path)
    for typ in sorted(TYPES):
        print(f"{typ:<13} {counts[typ]:>5}")
    print(f"{'total':<13} {sum(counts.values()):>5}")
    for p in problems:
        print("PROBLEM:", p)
    print(f"{len(problems)} problem(s)" if problems else "OK")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
