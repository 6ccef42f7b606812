"""How the graph reads each relation type: direction, stance and weight, in one place.

The relation list itself is the model's (:data:`alliancegraph.model.RELATION_TYPES`);
this table says, for each type, whether its two directions are one tie
(symmetric), whether it draws two actors together or apart (stance), and how
much one claim of it weighs in a tie's strength (see ``docs/analysis.md``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from ..model import RELATION_TYPES, SYMMETRIC_RELATIONS

Stance = Literal["cooperative", "hostile", "neutral", "structural"]


@dataclass(frozen=True)
class RelationKind:
    """One relation type as the graph reads it."""

    name: str
    symmetric: bool
    stance: Stance
    weight: float  # what one plain, unhedged, recent claim of this type is worth


_STANCE_AND_WEIGHT: dict[str, tuple[Stance, float]] = {
    "allied_with": ("cooperative", 1.0),
    "pledged_allegiance_to": ("cooperative", 1.5),  # an oath binds more than a stated partnership
    "supports": ("cooperative", 1.0),  # plus a share per further kind of help (strength.py)
    "affiliate_of": ("cooperative", 1.0),
    "negotiates_with": ("neutral", 0.5),
    "rival_of": ("hostile", 0.5),
    "fights": ("hostile", 1.0),
    "split_from": ("hostile", 1.0),
    "leads": ("structural", 1.0),
    "member_of": ("structural", 1.0),
    "controls": ("neutral", 1.0),
}

RELATIONS: dict[str, RelationKind] = {
    name: RelationKind(name, name in SYMMETRIC_RELATIONS, *_STANCE_AND_WEIGHT[name]) for name in RELATION_TYPES
}

COOPERATIVE = frozenset(n for n, k in RELATIONS.items() if k.stance == "cooperative")
HOSTILE = frozenset(n for n, k in RELATIONS.items() if k.stance == "hostile")

# Words in a claim's evidence that say a tie is growing or shrinking; they scale the claim's
# weight (strength.py) and so drive the trend.  Matched on the lower-cased evidence.
INTENSIFIERS: tuple[str, ...] = ("more closely", "closer", "deepen", "strengthen", "stepped up", "increasing",
                                 "expanded", "growing")
ATTENUATORS: tuple[str, ...] = ("less closely", "weaken", "distance", "strained", "cooled", "reduced",
                                "scaled back", "waning")
INTENSIFIER_FACTOR = 1.5
ATTENUATOR_FACTOR = 0.5


def kind_of(relation: str) -> RelationKind:
    """The reading of a relation type; an unknown type is a neutral one of weight 1."""
    return RELATIONS.get(relation) or RelationKind(relation, False, "neutral", 1.0)
