"""The JSON API: one route per question the CLI answers, and the writes (decisions, ingest).

Actors are named in paths by id (as ``/api/graph`` gives them) or by name or
alias.  Every write goes through :func:`app.check_write` (origin, token).
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, File, Form, Query, UploadFile
from fastapi.responses import JSONResponse
from pydantic import BaseModel

from .. import analysis
from ..store.decisions import confirm_fact, decisions, merge_actors, reject_fact, undo
from . import lookups, params, views
from .app import WebError, WebState, check_write, web_state
from .graphdata import GraphFilters, actor_facts, graph
from .jobs import Upload

router = APIRouter(prefix="/api", tags=["api"])
State = Annotated[WebState, Depends(web_state)]
Writer = Annotated[WebState, Depends(check_write)]
AsOf = Annotated[str | None, Query(description="Only what was known on this day (YYYY[-MM[-DD]]).")]
TypeParam = Annotated[str | None, Query(alias="type", description="Only this relation type.")]


class Review(BaseModel):
    """A confirm or reject: why, and who (default: the server's user)."""

    reason: str
    who: str | None = None


class Merge(BaseModel):
    """Read the actor ``merge`` as ``keep`` from now on (ids or names)."""

    keep: str
    merge: str
    reason: str
    who: str | None = None


class Undo(BaseModel):
    reason: str
    who: str | None = None


@router.get("/graph")
def graph_api(state: State, as_of: AsOf = None, types: Annotated[list[str], Query(alias="type")] = [],  # noqa: B006
              region: str | None = None, min_strength: Annotated[float, Query(ge=0)] = 0.0,
              min_sources: Annotated[int, Query(ge=0)] = 0) -> dict[str, Any]:
    """Every tie as of a day, filtered, as nodes and edges for the graph view."""
    filters = GraphFilters(params.day(as_of), params.relations(types), region or None, min_strength, min_sources)
    return graph(state.store, filters)


@router.get("/actors")
def actors_api(state: State, q: Annotated[str | None, Query(max_length=200)] = None,
               limit: Annotated[int, Query(ge=0, le=10000)] = 0) -> dict[str, Any]:
    """The actors, most mentioned first (or those whose name or alias contains ``q``)."""
    records = lookups.search_actors(state.store, q, limit=limit or 10000) if q else state.store.actors()
    return {"actors": [views.actor_dict(r) for r in records[: limit or None]]}


@router.get("/actors/{ref}")
def actor_api(state: State, ref: str) -> dict[str, Any]:
    """One actor: type, region, aliases, merged names, mentions and the documents about it."""
    found = params.actor(state.store, ref)
    record = lookups.actor_record(state.store, found)
    facts = actor_facts(state.store, [found.id]).get(found.id)
    return {**views.actor_dict(record, facts.region if facts else None),
            "documents": lookups.documents_of(state.store, found)}


@router.get("/actors/{ref}/ties")
def ties_api(state: State, ref: str, as_of: AsOf = None, relation: TypeParam = None,
             limit: Annotated[int, Query(ge=0, description="The strongest N ties (0: all).")] = 0) -> dict[str, Any]:
    """The actor's ties as of a day, strongest first: status, strength (with its parts), sources, best evidence.

    ``total`` is how many ties there are, whatever ``limit`` kept.
    """
    found = params.actor(state.store, ref)
    day, rel = params.day(as_of), params.relation(relation)
    found_views = analysis.ties(state.store, found.name, as_of=day, relation=rel, limit=limit or None)
    ids = lookups.actor_ids(state.store)
    return {"actor": found.name, "as_of": day, "total": found_views.total,
            "ties": [views.tie_view_dict(v, found.id, ids.get(v.other)) for v in found_views]}


@router.get("/actors/{ref}/timeline")
def timeline_api(state: State, ref: str, as_of: AsOf = None, other: str | None = None) -> dict[str, Any]:
    """Dated events, estimates and tie changes of an actor (or between it and ``other``)."""
    found = params.actor(state.store, ref)
    entries = analysis.timeline(state.store, found.name, params.actor_name(state.store, other),
                                as_of=params.day(as_of))
    return {"actor": found.name, "timeline": [views.timeline_dict(e) for e in entries]}


@router.get("/actors/{ref}/quantities")
def quantities_api(state: State, ref: str, measure: str | None = None, as_of: AsOf = None) -> dict[str, Any]:
    """Every estimate of the actor's measures over time, with its source."""
    found = params.actor(state.store, ref)
    spreads = analysis.quantities(state.store, found.name, measure=params.measure(measure), as_of=params.day(as_of))
    return {"actor": found.name, "quantities": [views.spread_dict(s) for s in spreads]}


@router.get("/ties/{a}/{b}")
def tie_api(state: State, a: str, b: str, relation: TypeParam = None, as_of: AsOf = None) -> dict[str, Any]:
    """Every claim between two actors in time order, the strength explained, and the brief (Markdown)."""
    first, second = params.actor(state.store, a), params.actor(state.store, b)
    rel, day = params.relation(relation), params.day(as_of)
    claims = analysis.evidence(state.store, first.name, second.name, as_of=day, relation=rel)
    explained = analysis.explain(state.store, first.name, second.name, relation=rel, as_of=day)
    dossier = analysis.brief(state.store, first.name, second.name, as_of=day)
    return {"a": first.name, "b": second.name, "type": rel, "as_of": day,
            "evidence": [views.claim_dict(c) for c in claims], "explain": views.explanation_dict(explained),
            "brief": dossier.markdown}


@router.get("/documents/{doc_id:path}")
def document_api(state: State, doc_id: str) -> dict[str, Any]:
    """A document with its facts (rejected ones left out) and its actor mentions."""
    doc = state.store.document(doc_id)
    if doc is None:
        raise WebError(404, f"no document with id {doc_id!r}")
    ids = lookups.actor_ids(state.store)
    facts = [views.stored_fact_dict(s, ids) for s in state.store.stored_facts(doc_id) if s.review != "rejected"]
    mentions = [views.plain(m) for m in lookups.mentions_in(state.store, doc_id)]
    return {**views.document_dict(doc), "facts": facts, "mentions": mentions}


@router.get("/search")
def search_api(state: State, q: Annotated[str, Query(max_length=200)] = "") -> dict[str, Any]:
    """Actors whose name or alias, and documents whose title or text, contain ``q``."""
    return {"q": q, "actors": [views.actor_dict(r) for r in lookups.search_actors(state.store, q)],
            "documents": lookups.search_documents(state.store, q)}


@router.get("/metrics")
def metrics_api(state: State, as_of: AsOf = None, limit: Annotated[int, Query(ge=0, le=10000)] = 50) -> dict[str, Any]:
    """Degree, betweenness (brokers), blocs and wedge ties of the web of allies."""
    return views.metrics_dict(analysis.metrics(state.store, as_of=params.day(as_of)), limit)


@router.get("/contradictions")
def contradictions_api(state: State, actor: str | None = None, other: str | None = None,
                       as_of: AsOf = None) -> dict[str, Any]:
    """Claims that disagree, both sides (of the store, one actor, or a pair)."""
    if other and not actor:
        raise WebError(400, f"'other' ({other!r}) needs 'actor' too")
    found = analysis.contradictions(state.store, params.actor_name(state.store, actor),
                                    params.actor_name(state.store, other), as_of=params.day(as_of))
    return {"contradictions": [views.contradiction_dict(c) for c in found]}


@router.get("/changes")
def changes_api(state: State, date_from: Annotated[str, Query(alias="from")],
                date_to: Annotated[str, Query(alias="to")], actor: str | None = None) -> dict[str, Any]:
    """Ties that appeared, ended, became disputed, strengthened or weakened between two days."""
    first, last = params.day(date_from, "from"), params.day(date_to, "to")
    if first is None or last is None:
        raise WebError(400, "both 'from' and 'to' dates are needed")
    found = analysis.changes(state.store, date_from.strip(), date_to.strip(),
                             actor=params.actor_name(state.store, actor))
    return {"changes": [{"change": c.change, "source": c.tie.source, "relation": c.tie.relation,
                         "target": c.tie.target, "before": c.status_before, "after": c.status_after,
                         "delta": c.trend.delta, "new_claims": [views.claim_dict(x) for x in c.new_claims]}
                        for c in found]}


@router.get("/decisions")
def decisions_api(state: State, subject: str | None = None) -> dict[str, Any]:
    """The history of analysts' decisions, newest first."""
    return {"decisions": [views.decision_dict(d) for d in decisions(state.store, subject or None)]}


@router.get("/jobs/{job_id}")
def job_api(state: State, job_id: str) -> dict[str, Any]:
    """An ingest job's state and progress (``done`` of ``total`` documents) and, once done, its report."""
    job = state.jobs.get(job_id)
    if job is None:
        raise WebError(404, f"no ingest job {job_id!r}")
    return job.status()


# -- writes -------------------------------------------------------------------


@router.post("/facts/{fact_id}/reject")
def reject_api(state: Writer, fact_id: str, body: Review) -> dict[str, Any]:
    """Reject a fact (its short id, or row number): it is left out of every page and of the graph."""
    return views.decision_dict(reject_fact(state.store, fact_id, who=body.who or state.who, why=body.reason))


@router.post("/facts/{fact_id}/confirm")
def confirm_api(state: Writer, fact_id: str, body: Review) -> dict[str, Any]:
    """Confirm a fact: it weighs more in its tie's strength."""
    return views.decision_dict(confirm_fact(state.store, fact_id, who=body.who or state.who, why=body.reason))


@router.post("/actors/merge")
def merge_api(state: Writer, body: Merge) -> dict[str, Any]:
    """Read the actor ``merge`` as ``keep`` from now on."""
    keep, drop = params.actor(state.store, body.keep), params.actor(state.store, body.merge)
    decision = merge_actors(state.store, keep.name, drop.name, who=body.who or state.who, why=body.reason)
    return {**views.decision_dict(decision), "url": f"/actors/{keep.id}"}


@router.post("/decisions/{decision_id}/undo")
def undo_api(state: Writer, decision_id: int, body: Undo) -> dict[str, Any]:
    """Revert what a decision did (recorded as a decision of its own)."""
    return views.decision_dict(undo(state.store, decision_id, who=body.who or state.who, why=body.reason))


@router.post("/ingest", status_code=202)
async def ingest_api(state: Writer, files: Annotated[list[UploadFile], File()] = [],  # noqa: B006
                     text: Annotated[str | None, Form()] = None, title: Annotated[str | None, Form()] = None,
                     date: Annotated[str | None, Form()] = None) -> JSONResponse:
    """Upload files (.txt .html .htm .jsonl .json) or paste text; the ingest runs in the background.

    Answers 202 with the job; poll ``/api/jobs/{id}`` for its progress.
    """
    job = await start_ingest(state, files, text, title, date)
    return JSONResponse(job, status_code=202)


async def start_ingest(state: WebState, files: list[UploadFile], text: str | None, title: str | None,
                       date: str | None) -> dict[str, Any]:
    """Read the uploads and queue their ingest (shared by the API and the ingest form)."""
    params.day(date, "date")
    uploads = [Upload(f.filename or "upload", await f.read()) for f in files if f.filename or f.size]
    if len(uploads) > 50:
        raise WebError(400, f"too many files ({len(uploads)}; at most 50 per request)")
    return state.jobs.submit(uploads, text=text, title=title, date=date.strip() if date else None).status()
