"""Ingest jobs: uploads and pasted text are read in a background thread, one job at a time.

An upload is written under a generated name in a fresh temporary folder (the
client's path never reaches the file system); the folder is removed when the
job ends.  ``GET /api/jobs/{id}`` reads a job's :meth:`Job.status`.
"""

from __future__ import annotations

import json
import re
import shutil
import tempfile
import threading
import uuid
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import quote

from .. import api
from ..errors import AllianceGraphError, InputError
from ..model import Document
from ..store import Store

ALLOWED_SUFFIXES = (".txt", ".html", ".htm", ".jsonl", ".json")
_UNSAFE = re.compile(r"[^A-Za-z0-9_.-]+")

ExtractorFactory = Callable[[], Any]  # returns an object with extract_many and actor_infos (extract.Extractor)


@dataclass
class Upload:
    """One file as the client sent it: its (untrusted) name and its bytes."""

    name: str
    data: bytes


@dataclass
class Job:
    """One ingest: its state, progress and, once done, what it did."""

    id: str
    state: str = "queued"  # queued, running, done, failed
    total: int = 0
    done: int = 0
    report: dict[str, Any] = field(default_factory=dict)
    error: str | None = None
    lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def status(self) -> dict[str, Any]:
        with self.lock:
            return {"id": self.id, "state": self.state, "total": self.total, "done": self.done,
                    "report": dict(self.report), "error": self.error, "url": f"/api/jobs/{self.id}"}


def safe_stem(name: str, fallback: str) -> str:
    """A document id from an uploaded file's name: its last path part, without suffix, in safe characters."""
    last = re.split(r"[\\/]", name)[-1]
    stem = _UNSAFE.sub("_", last.rsplit(".", 1)[0] if "." in last else last).strip("._")
    return stem[:100] or fallback


def check_upload(upload: Upload) -> str:
    """The upload's suffix if allowed; an :class:`InputError` naming the file otherwise."""
    suffix = "." + upload.name.rsplit(".", 1)[-1].lower() if "." in upload.name else ""
    if suffix not in ALLOWED_SUFFIXES:
        raise InputError(safe_stem(upload.name, "upload") + suffix,
                         f"file type {suffix or '(none)'!r} not accepted (one of {', '.join(ALLOWED_SUFFIXES)})")
    return suffix


def pasted_document(text: str, title: str | None, date: str | None) -> str:
    """Pasted text as the ``.txt`` form the text reader takes: a header block, a blank line, the text."""
    header = [f"{key}: {' '.join(value.split())}" for key, value in (("title", title), ("date", date)) if value]
    return ("\n".join(header) + "\n\n" if header else "") + text


def _json_as_jsonl(data: bytes, name: str) -> bytes:
    """A ``.json`` upload (one document object, or a list of them) as JSON Lines."""
    try:
        value = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as err:
        raise InputError(name, f"not a JSON document: {err}") from None
    records = value if isinstance(value, list) else [value]
    return "\n".join(json.dumps(r, ensure_ascii=False) for r in records).encode()


def default_extractor() -> Any:
    """The real extractor (spaCy pipeline and shipped gazetteer)."""
    from ..extract import Extractor

    return Extractor()


class IngestJobs:
    """The ingest jobs of one app: a single worker thread, so writes never contend."""

    def __init__(self, store: Store, extractor_factory: ExtractorFactory | None = None) -> None:
        self.store = store
        self._factory = extractor_factory or default_extractor
        self._extractor: Any = None
        self._jobs: dict[str, Job] = {}
        self._futures: dict[str, Future[None]] = {}
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="ingest")

    def get(self, job_id: str) -> Job | None:
        return self._jobs.get(job_id)

    def submit(self, uploads: list[Upload], *, text: str | None = None, title: str | None = None,
               date: str | None = None) -> Job:
        """Check the uploads, write them to a temporary folder and queue their ingest."""
        if not uploads and not (text and text.strip()):
            raise InputError("request", "nothing to ingest: send files or text")
        folder = Path(tempfile.mkdtemp(prefix="alliancegraph-upload-"))
        try:
            names: dict[str, str] = {}
            for i, upload in enumerate(uploads):
                suffix = check_upload(upload)
                stem = safe_stem(upload.name, f"upload-{i + 1}")
                data = upload.data
                if suffix == ".json":
                    data, suffix = _json_as_jsonl(data, stem + ".json"), ".jsonl"
                # one sub-folder per file: two uploads named alike stay apart
                path = folder / str(i) / (stem + suffix)
                path.parent.mkdir()
                path.write_bytes(data)
                names[str(path)] = stem + suffix
            if text and text.strip():
                stem = "pasted-" + uuid.uuid4().hex[:12]
                path = folder / "pasted" / (stem + ".txt")
                path.parent.mkdir()
                path.write_text(pasted_document(text, title, date), encoding="utf-8")
                names[str(path)] = stem
        except BaseException:
            shutil.rmtree(folder, ignore_errors=True)
            raise
        job = Job(uuid.uuid4().hex[:16])
        self._jobs[job.id] = job
        self._futures[job.id] = self._pool.submit(self._run, job, folder, names)
        return job

    def wait(self, job_id: str, timeout: float | None = None) -> Job:
        """Block until the job ends (for tests and scripts)."""
        self._futures[job_id].result(timeout)
        return self._jobs[job_id]

    def close(self) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)

    def _run(self, job: Job, folder: Path, names: dict[str, str]) -> None:
        with job.lock:
            job.state = "running"

        def progress(docs: Iterable[Document]) -> Iterator[Document]:
            docs = list(docs)
            with job.lock:
                job.total = len(docs)
            for doc in docs:
                yield doc
                with job.lock:
                    job.done += 1

        def shown(path: str) -> str:
            # what the client called the file, never the server's temporary path
            for full, name in names.items():
                path = path.replace(full, name)
            return path

        try:
            if self._extractor is None:  # built once, in the worker: loading the NLP model takes seconds
                self._extractor = self._factory()
            report = api.ingest(sorted(names), self.store, self._extractor, progress=progress)
            with job.lock:
                job.report = {
                    "added": report.added, "updated": report.updated,
                    "documents": [{"id": d, "url": "/documents/" + quote(d, safe="")}
                                  for d in [*report.added, *report.updated]],
                    "duplicates": [{"document": shown(a), "existing": b} for a, b in report.duplicates],
                    "skipped": [{"path": shown(p), "why": why} for p, why in report.skipped],
                    "problems": [shown(str(p)) for p in report.problems],
                }
                job.done = max(job.done, job.total)
                job.state = "done"
        except AllianceGraphError as err:
            with job.lock:
                job.state, job.error = "failed", shown(str(err))
        except Exception as err:  # a job must always end with a state the page can show
            with job.lock:
                job.state, job.error = "failed", f"ingest failed: {type(err).__name__}"
        finally:
            shutil.rmtree(folder, ignore_errors=True)
