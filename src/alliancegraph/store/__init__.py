"""Persistence: the schema, its migrations, and the :class:`Store`."""

from .store import ActorInfo, ActorRecord, Store, alias_key, engine_url, fingerprint

__all__ = ["ActorInfo", "ActorRecord", "Store", "alias_key", "engine_url", "fingerprint"]
