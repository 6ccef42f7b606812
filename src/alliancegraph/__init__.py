"""alliancegraph: who is tied to whom among armed groups, read from text.

Every fact is traceable to a sentence.  The public API::

    from alliancegraph import Store, ingest, export_facts
    store = Store.open("alliancegraph.db")
    report = ingest(["articles/"], store)
"""

from .api import IngestReport, export_facts, ingest
from .errors import AllianceGraphError, ExtractionError, InputError, QueryError, StoreError
from .model import Document, Event, Evidence, Extraction, Mention, Quantity, Relation
from .store import Store

__all__ = [
    "AllianceGraphError",
    "Document",
    "Event",
    "Evidence",
    "Extraction",
    "ExtractionError",
    "IngestReport",
    "InputError",
    "Mention",
    "Quantity",
    "QueryError",
    "Relation",
    "Store",
    "StoreError",
    "export_facts",
    "ingest",
]
__version__ = "0.1.0"
