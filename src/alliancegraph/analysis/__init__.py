"""The alliance graph over time: ties, their status and strength, metrics, contradictions, briefs.

Each question is a plain function of a :class:`~alliancegraph.store.Store`
returning frozen dataclasses; the CLI (``alliancegraph ties ...``) and the web
page only format them::

    from alliancegraph import Store
    from alliancegraph.analysis import ties, brief
    store = Store.open("ag.db")
    for view in ties(store, "al-Qaeda", as_of="2018-12-31"):
        print(view.other, view.tie.relation, view.tie.status, view.strength.value)
    print(brief(store, "al-Qaeda", "Taliban").markdown)

Rules (status, strength, trend, contradictions) are written in ``docs/analysis.md``.
"""

from .brief import Brief, brief
from .claims import ActorBook, Claim, load_claims
from .contradictions import Contradiction, contradictions, find_contradictions
from .metrics import ActorMetrics, GraphMetrics, Wedge, metrics
from .questions import (
    ActorTies,
    Change,
    Explanation,
    QuantitySpread,
    TieView,
    TimelineEntry,
    changes,
    evidence,
    explain,
    quantities,
    ties,
    timeline,
    trend,
)
from .relations import RELATIONS, RelationKind
from .strength import Part, Score, Trend
from .ties import Tie, build_ties

__all__ = [
    "RELATIONS",
    "ActorBook",
    "ActorMetrics",
    "ActorTies",
    "Brief",
    "Change",
    "Claim",
    "Contradiction",
    "Explanation",
    "GraphMetrics",
    "Part",
    "QuantitySpread",
    "RelationKind",
    "Score",
    "Tie",
    "TieView",
    "TimelineEntry",
    "Trend",
    "Wedge",
    "brief",
    "build_ties",
    "changes",
    "contradictions",
    "evidence",
    "explain",
    "find_contradictions",
    "load_claims",
    "metrics",
    "quantities",
    "ties",
    "timeline",
    "trend",
]
