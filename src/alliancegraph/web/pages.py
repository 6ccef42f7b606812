"""The HTML pages (server-rendered, autoescaped) and the form equivalents of the API's writes.

A form write answers with a redirect (303) to the page it came from, where the
decision shows at once.  With a token configured, forms carry it in the cookie
that ``/login`` sets (HttpOnly, SameSite=Strict).
"""

from __future__ import annotations

from typing import Annotated, Any
from urllib.parse import quote

from fastapi import APIRouter, Depends, File, Form, Query, Request, UploadFile
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from .. import analysis
from ..model import RELATION_TYPES
from ..store.decisions import confirm_fact, decisions, merge_actors, reject_fact, undo
from . import lookups, params, views
from .api import start_ingest
from .app import TOKEN_COOKIE, WebError, WebState, check_write, web_state
from .graphdata import actor_facts
from .jobs import ALLOWED_SUFFIXES

router = APIRouter(include_in_schema=False)
TIES_SHOWN = 50  # ties on an actor's page: a hub has thousands; the page says how many and links to all
State = Annotated[WebState, Depends(web_state)]
Writer = Annotated[WebState, Depends(check_write)]
Text = Annotated[str, Form()]
OptionalText = Annotated[str | None, Form()]


def _back(target: str | None, fallback: str) -> RedirectResponse:
    return RedirectResponse(views.local_path(target, fallback), status_code=303)


@router.get("/", response_class=HTMLResponse)
def graph_page(request: Request, state: State) -> HTMLResponse:
    """The web of ties: the graph (drawn by graph.js), the time slider and the filters."""
    regions = sorted({a.region for a in actor_facts(state.store).values() if a.region})
    return state.render(request, "graph.html", types=RELATION_TYPES, regions=regions)


@router.get("/actors", response_class=HTMLResponse)
def actors_page(request: Request, state: State) -> HTMLResponse:
    records = state.store.actors()
    return state.render(request, "actors.html", actors=[views.actor_dict(r) for r in records])


@router.get("/actors/{ref}", response_class=HTMLResponse)
def actor_page(request: Request, state: State, ref: str, as_of: str | None = None,
               limit: Annotated[int, Query(ge=0)] = TIES_SHOWN) -> HTMLResponse:
    """An actor: aliases, leaders over time, its strongest ties by type, estimates as charts, timeline, documents."""
    store = state.store
    found = params.actor(store, ref)
    day = params.day(as_of)
    record = lookups.actor_record(store, found)
    facts = actor_facts(store, [found.id]).get(found.id)
    ids = lookups.actor_ids(store)
    tie_views = analysis.ties(store, found.name, as_of=day, limit=limit or None)
    by_type: dict[str, list[dict[str, Any]]] = {}
    for v in tie_views:
        by_type.setdefault(v.tie.relation, []).append(views.tie_view_dict(v, found.id, ids.get(v.other)))
    # every leader, even one the limit left out of the ties
    leads = analysis.ties(store, found.name, as_of=day, relation="leads") if tie_views.more else tie_views
    leaders = [views.tie_view_dict(v, found.id, ids.get(v.other)) for v in leads
               if v.tie.relation == "leads" and v.direction == "<-"]
    leaders.sort(key=lambda t: (t["first"] or "9999", t["other"]))
    spreads = analysis.quantities(store, found.name, as_of=day)
    charts = [{"spread": views.spread_dict(s), "chart": views.quantity_chart(s)} for s in spreads]
    timeline = [views.timeline_dict(e) for e in analysis.timeline(store, found.name, as_of=day)]
    every = f"/actors/{found.id}?limit=0" + (f"&as_of={quote(day)}" if day else "")
    return state.render(request, "actor.html", actor=views.actor_dict(record, facts.region if facts else None),
                        as_of=day, ties=sorted(by_type.items()), shown=len(tie_views), total=tie_views.total,
                        every_tie=every, leaders=leaders, charts=charts,
                        timeline=timeline, documents=lookups.documents_of(store, found))


@router.get("/ties/{a}/{b}", response_class=HTMLResponse)
def tie_page(request: Request, state: State, a: str, b: str,
             relation: Annotated[str | None, Query(alias="type")] = None, as_of: str | None = None) -> HTMLResponse:
    """Every claim between two actors with its sentence in its paragraph, the strength explained, the brief."""
    store = state.store
    first, second = params.actor(store, a), params.actor(store, b)
    rel, day = params.relation(relation), params.day(as_of)
    claims = analysis.evidence(store, first.name, second.name, as_of=day, relation=rel)
    explained = analysis.explain(store, first.name, second.name, relation=rel, as_of=day)
    dossier = analysis.brief(store, first.name, second.name, as_of=day)
    texts: dict[str, str] = {}
    shown = []
    for claim in claims:
        if claim.doc_id not in texts:
            doc = store.document(claim.doc_id)
            texts[claim.doc_id] = doc.text if doc else ""
        shown.append({**views.claim_dict(claim),
                      "paragraph": views.in_paragraph(texts[claim.doc_id], claim.char_start, claim.evidence)})
    here = request.url.path + (f"?{request.url.query}" if request.url.query else "")
    return state.render(request, "tie.html", a=first, b=second, type=rel, as_of=day, types=RELATION_TYPES,
                        claims=shown, explain=views.explanation_dict(explained), brief=dossier.markdown, here=here)


@router.get("/documents/{doc_id:path}", response_class=HTMLResponse)
def document_page(request: Request, state: State, doc_id: str) -> HTMLResponse:
    """The article with its actors and facts highlighted; each fact links to its tie."""
    store = state.store
    doc = store.document(doc_id)
    if doc is None:
        raise WebError(404, f"no document with id {doc_id!r}")
    ids = lookups.actor_ids(store)
    facts = [views.stored_fact_dict(s, ids) for s in store.stored_facts(doc_id) if s.review != "rejected"]
    paragraphs = views.document_paragraphs(doc.text, facts, lookups.mentions_in(store, doc_id))
    return state.render(request, "document.html", doc=views.document_dict(doc), facts=facts,
                        paragraphs=paragraphs, here=views.document_url(doc.id))


@router.get("/search", response_class=HTMLResponse)
def search_page(request: Request, state: State, q: Annotated[str, Query(max_length=200)] = "") -> HTMLResponse:
    """Actors (names and aliases) and documents (titles and text) that contain the words."""
    actors = [views.actor_dict(r) for r in lookups.search_actors(state.store, q)]
    return state.render(request, "search.html", q=q, actors=actors, documents=lookups.search_documents(state.store, q))


@router.get("/ingest", response_class=HTMLResponse)
def ingest_page(request: Request, state: State, job: str | None = None) -> HTMLResponse:
    """Upload files or paste text; with ``job``, that job's progress."""
    status = None
    if job is not None:
        found = state.jobs.get(job)
        if found is None:
            raise WebError(404, f"no ingest job {job!r}")
        status = found.status()
    return state.render(request, "ingest.html", job=status, suffixes=ALLOWED_SUFFIXES,
                        limit_mb=round(state.max_upload_bytes / (1024 * 1024), 1))


@router.post("/ingest")
async def ingest_form(state: Writer, files: Annotated[list[UploadFile], File()] = [],  # noqa: B006
                      text: OptionalText = None, title: OptionalText = None, date: OptionalText = None) -> Response:
    job = await start_ingest(state, files, text, title, date)
    return RedirectResponse(f"/ingest?job={quote(job['id'])}", status_code=303)


@router.get("/decisions", response_class=HTMLResponse)
def decisions_page(request: Request, state: State) -> HTMLResponse:
    """The history of decisions, each with an undo form."""
    return state.render(request, "decisions.html", decisions=[views.decision_dict(d) for d in decisions(state.store)])


# -- form writes ----------------------------------------------------------------


@router.post("/facts/{fact_id}/reject")
def reject_form(state: Writer, fact_id: str, reason: Text = "", who: OptionalText = None,
                next: OptionalText = None) -> Response:
    reject_fact(state.store, fact_id, who=who or state.who, why=reason)
    return _back(next, "/")


@router.post("/facts/{fact_id}/confirm")
def confirm_form(state: Writer, fact_id: str, reason: Text = "", who: OptionalText = None,
                 next: OptionalText = None) -> Response:
    confirm_fact(state.store, fact_id, who=who or state.who, why=reason)
    return _back(next, "/")


@router.post("/actors/merge")
def merge_form(state: Writer, keep: Text = "", merge: Text = "", reason: Text = "",
               who: OptionalText = None) -> Response:
    kept, dropped = params.actor(state.store, keep), params.actor(state.store, merge)
    merge_actors(state.store, kept.name, dropped.name, who=who or state.who, why=reason)
    return _back(None, f"/actors/{kept.id}")


@router.post("/decisions/{decision_id}/undo")
def undo_form(state: Writer, decision_id: int, reason: Text = "", who: OptionalText = None,
              next: OptionalText = None) -> Response:
    undo(state.store, decision_id, who=who or state.who, why=reason)
    return _back(next, "/decisions")


# -- the token cookie -------------------------------------------------------------


@router.get("/login", response_class=HTMLResponse)
def login_page(request: Request, state: State, token: str | None = None) -> Response:
    """Sign in for writes from the pages: ``/login?token=T`` (or the form) stores the token in a cookie."""
    if token is not None:
        return _sign_in(request, state, token)
    return state.render(request, "login.html", failed=False)


@router.post("/login")
def login_form(request: Request, state: State, token: Text = "") -> Response:
    return _sign_in(request, state, token)


def _sign_in(request: Request, state: WebState, token: str) -> Response:
    if state.token is None:
        return _back(None, "/")
    import hmac

    if not hmac.compare_digest(token.encode(), state.token.encode()):
        return state.render(request, "login.html", status=401, failed=True)
    response = _back(None, "/")
    response.set_cookie(TOKEN_COOKIE, token, httponly=True, samesite="strict", secure=request.url.scheme == "https")
    return response


@router.post("/logout")
def logout_form() -> Response:
    response = _back(None, "/")
    response.delete_cookie(TOKEN_COOKIE)
    return response
