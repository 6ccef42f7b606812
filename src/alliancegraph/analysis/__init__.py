"""The alliance graph over time: ties, their status and strength, metrics, contradictions, briefs."""

from .claims import ActorBook, Claim, load_claims
from .questions import (
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
from .ties import Tie

__all__ = [
    "RELATIONS",
    "ActorBook",
    "Change",
    "Claim",
    "Explanation",
    "Part",
    "QuantitySpread",
    "RelationKind",
    "Score",
    "Tie",
    "TieView",
    "TimelineEntry",
    "Trend",
    "changes",
    "evidence",
    "explain",
    "load_claims",
    "quantities",
    "ties",
    "timeline",
    "trend",
]
