"""An extractor without any NLP model, duck-typed like ``extract.Extractor``.

It reads sentences of the form ``A <relation> B.`` (a FACTS.md relation
type, written with underscores) as relations between two armed groups.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from alliancegraph import Document, Evidence, Extraction, Relation
from alliancegraph.model import RELATION_TYPES, Mention
from alliancegraph.store import ActorInfo

_SENTENCE = re.compile(rf"([A-Z][\w' -]*?) ({'|'.join(RELATION_TYPES)}) ([A-Z][\w' -]*?)\.")


class FakeExtractor:
    name = "fake"
    version = "1"
    model = "none"

    def __init__(self, skip: Iterable[str] = ()) -> None:
        self.skip = set(skip)  # relation types this "version" no longer finds

    def extract_many(self, documents: Iterable[Document]) -> Iterator[Extraction]:
        for doc in documents:
            facts, mentions = [], []
            for m in _SENTENCE.finditer(doc.text):
                if m[2] in self.skip:
                    continue
                ev = Evidence(doc.id, m[0], m.start(), m.end(), m.start(), m.end())
                facts.append(Relation(m[1], m[2], m[3], ev))
                mentions += [Mention(doc.id, m[1], "armed_group", m[1], m.start(1), m.end(1), "ner"),
                             Mention(doc.id, m[3], "armed_group", m[3], m.start(3), m.end(3), "ner")]
            yield Extraction(doc.id, tuple(mentions), tuple(facts))

    def actor_infos(self, extraction: Extraction) -> list[ActorInfo]:
        return [ActorInfo(m.actor, m.actor_type) for m in extraction.mentions]
