"""alliancegraph: who is tied to whom among armed groups, read from text.

Every fact is traceable to a sentence.  The public API::

    from alliancegraph import Store, ingest, export_facts
    store = Store.open("alliancegraph.db")
    report = ingest(["articles/"], store)

Analysts' decisions (merge, split, confirm, reject, add_fact, undo) are
recorded with who, why and when, and outlive re-extraction (``reextract``).
"""

from .api import IngestReport, ReextractReport, export_facts, ingest, reextract
from .errors import AllianceGraphError, ExtractionError, InputError, QueryError, StoreError
from .model import Document, Event, Evidence, Extraction, Mention, Quantity, Relation
from .store import Store
from .store.decisions import (
    PENDING_EVIDENCE,
    Decision,
    add_fact,
    confirm_fact,
    decisions,
    merge_actors,
    reject_fact,
    split_actors,
    split_alias,
    undo,
)
from .store.merges import MergeProposal, suggest_merges

__all__ = [
    "PENDING_EVIDENCE",
    "AllianceGraphError",
    "Decision",
    "Document",
    "Event",
    "Evidence",
    "Extraction",
    "ExtractionError",
    "IngestReport",
    "InputError",
    "MergeProposal",
    "Mention",
    "Quantity",
    "QueryError",
    "ReextractReport",
    "Relation",
    "Store",
    "StoreError",
    "add_fact",
    "confirm_fact",
    "decisions",
    "export_facts",
    "ingest",
    "merge_actors",
    "reextract",
    "reject_fact",
    "split_actors",
    "split_alias",
    "suggest_merges",
    "undo",
]
__version__ = "0.1.0"
