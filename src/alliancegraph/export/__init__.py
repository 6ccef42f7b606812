"""Exporters: facts JSONL (the interchange form of FACTS.md)."""

from .facts import write_facts

__all__ = ["write_facts"]
