"""The NLP pipeline: actors, relations, quantities, events, with their context."""

from .gazetteer import Gazetteer, GazetteerEntry, strip_name
from .lexicon import Lexicon
from .pipeline import MODEL, Extractor, build_nlp

__all__ = ["MODEL", "Extractor", "Gazetteer", "GazetteerEntry", "Lexicon", "build_nlp", "strip_name"]
