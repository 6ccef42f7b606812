"""Merge proposals: actors whose names are spelled alike, for an analyst to merge or keep apart.

Nothing here writes: a proposal becomes a merge only through
:func:`~alliancegraph.store.decisions.merge_actors`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import func, select

from . import schema
from .decisions import distinct_pairs
from .store import Store, actor_roots


@dataclass(frozen=True)
class MergeProposal:
    """Two actors whose names are so alike that they may be one: a proposal, never applied by itself."""

    keep: str  # the actor to keep: from the gazetteer, or the more mentioned
    drop: str
    score: float  # 0..100, rapidfuzz ratio of the two closest names
    keep_name: str  # the names (actor names or aliases) that matched
    drop_name: str


_MIN_LENGTH = 5  # acronyms ("ISI", "ISIS") are too short for spelling distance to mean anything
_CHUNK = 512  # rows of the score matrix computed at once, to bound memory


def _spelling(name: str) -> str:
    """A name as compared for spelling: lower case, apostrophes dropped, other punctuation a space."""
    text = re.sub(r"['\u2019`]", "", name.lower())
    return " ".join(re.sub(r"[^\w]+", " ", text).split())


def suggest_merges(store: Store, *, threshold: float = 85.0) -> list[MergeProposal]:
    """Pairs of actors of compatible types whose names or aliases are spelled alike, best first.

    Only the root of each merged group is proposed, with the names of the
    whole group; pairs an analyst split apart, and pairs of two gazetteer
    entries, are left out.  Names are compared by type bucket with
    ``rapidfuzz.process.cdist``, in chunks: 5,000 actors take about a second.
    """
    from rapidfuzz import fuzz, process

    a, al, m = schema.actors, schema.aliases, schema.mentions
    with store.engine.connect() as conn:
        roots = actor_roots(conn)
        actors = {r.id: r for r in conn.execute(select(a.c.id, a.c.name, a.c.type, a.c.origin))}
        counts = {int(i): int(n) for i, n in conn.execute(select(m.c.actor_id, func.count()).group_by(m.c.actor_id))}
        spellings = [(i, n) for i, n in conn.execute(select(al.c.actor_id, al.c.alias))]
        split = distinct_pairs(conn)
    apart = {frozenset(roots[i][0] for i in pair) for pair in split if all(i in roots for i in pair)}
    mentions: dict[int, int] = {}
    for actor_id, n in counts.items():
        mentions[roots[actor_id][0]] = mentions.get(roots[actor_id][0], 0) + int(n)
    by_type: dict[str, dict[str, tuple[int, str]]] = {}
    for actor_id, name in [*spellings, *((r.id, r.name) for r in actors.values())]:
        root = roots[actor_id][0]
        spelled = _spelling(name)
        if len(spelled) >= _MIN_LENGTH:
            by_type.setdefault(actors[root].type, {}).setdefault(f"{root}\t{spelled}", (root, name))
    best: dict[frozenset[int], tuple[float, str, str]] = {}
    generic = list(by_type.get("group", {}).values())
    for kind, entries in by_type.items():
        queries = list(entries.values())
        # an untyped "group" may be any type; compare it once, from the typed side
        choices = queries if kind == "group" else queries + generic
        texts = [_spelling(n) for _, n in choices]
        for lo in range(0, len(queries), _CHUNK):
            chunk = queries[lo:lo + _CHUNK]
            scores = process.cdist([_spelling(n) for _, n in chunk], texts, scorer=fuzz.ratio,
                                   score_cutoff=threshold, workers=-1)
            for i, j in zip(*scores.nonzero(), strict=True):
                (r1, n1), (r2, n2) = chunk[i], choices[j]
                pair = frozenset((r1, r2))
                # the gazetteer's entries are distinct by construction ("Niger" is not "Nigeria")
                curated = actors[r1].origin == actors[r2].origin == "gazetteer"
                if r1 == r2 or pair in apart or curated:
                    continue
                score = float(scores[i, j])
                if pair not in best or score > best[pair][0]:
                    best[pair] = (score, *((n1, n2) if r1 < r2 else (n2, n1)))
    proposals = []
    for pair, (score, low_name, high_name) in best.items():
        low, high = sorted(pair)
        rank = {r: (actors[r].origin != "gazetteer", -mentions.get(r, 0), actors[r].name) for r in pair}
        keep = min(pair, key=rank.__getitem__)
        names = {low: low_name, high: high_name}
        drop = high if keep == low else low
        proposals.append(MergeProposal(actors[keep].name, actors[drop].name, round(score, 1), names[keep], names[drop]))
    return sorted(proposals, key=lambda p: (-p.score, p.keep, p.drop))
