"""The web application: ``create_app`` wires the store, the routes, the error handlers and the limits.

One error handler maps the library's errors to HTTP: an unknown actor, fact,
document or decision is a 404, any other bad question a 400, each with a
message naming the bad value; JSON (``{"error": ...}``) under ``/api/``, an
HTML page elsewhere.  No bad input gives a 500.
"""

from __future__ import annotations

import hmac
import json
import logging
from collections.abc import AsyncIterator, Awaitable, Callable, MutableMapping
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import jinja2
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from ..errors import AllianceGraphError, InputError, QueryError, StoreError
from ..store import Store
from .jobs import ExtractorFactory, IngestJobs

HERE = Path(__file__).parent
MAX_UPLOAD_BYTES = 5 * 1024 * 1024
TOKEN_COOKIE = "alliancegraph_token"
log = logging.getLogger(__name__)


class WebError(Exception):
    """A request the web layer refuses, with its HTTP status and a message naming the bad value."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


class BodyTooLarge(StarletteHTTPException):
    """A request body over the limit (an HTTPException, so FastAPI's body parsing lets it through)."""

    def __init__(self, limit: int) -> None:
        self.message = f"request too large: the limit is {limit} bytes"
        super().__init__(413, self.message)


@dataclass
class WebState:
    """What every request handler needs: the store, the write token, the templates, the ingest jobs."""

    store: Store
    token: str | None
    who: str
    max_upload_bytes: int
    templates: jinja2.Environment
    jobs: IngestJobs

    def token_ok(self, request: Request) -> bool:
        """Whether a request may write: no token configured, or the right one in the header or cookie."""
        if self.token is None:
            return True
        header = request.headers.get("authorization", "")
        given = header[7:].strip() if header.lower().startswith("bearer ") else request.cookies.get(TOKEN_COOKIE, "")
        return bool(given) and hmac.compare_digest(given.encode(), self.token.encode())

    def render(self, request: Request, name: str, status: int = 200, **context: Any) -> HTMLResponse:
        """A page from a template (autoescaped), with what every page shows."""
        template = self.templates.get_template(name)
        html = template.render(path=request.url.path, token_required=self.token is not None,
                               signed_in=self.token is not None and self.token_ok(request), **context)
        return HTMLResponse(html, status_code=status)


def web_state(request: Request) -> WebState:
    state: WebState = request.app.state.web
    return state


def check_write(request: Request) -> WebState:
    """The dependency of every write: same-site origin, and the token when one is configured."""
    state = web_state(request)
    origin = request.headers.get("origin")
    # "null" is what a sandboxed frame on any site sends: refused like another site
    if origin and (origin == "null" or urlsplit(origin).netloc != request.headers.get("host", "")):
        raise WebError(403, f"cross-site write refused (origin {origin!r})")
    if not state.token_ok(request):
        raise WebError(401, "this server needs a token for every write: send 'Authorization: Bearer <token>' "
                            "or sign in at /login")
    return state


def status_for(err: AllianceGraphError) -> int:
    """The HTTP status of a library error: unknown things 404, conflicts 409, other bad input 400."""
    if isinstance(err, StoreError):
        return 503
    if isinstance(err, InputError):
        return 400
    text = str(err)
    if isinstance(err, QueryError):
        if text.startswith(("no ", "unknown actor")):
            return 404
        if " already " in text or "no longer holds" in text:
            return 409
    return 400


def _wants_json(request: Request) -> bool:
    return request.url.path.startswith("/api/") or request.url.path == "/openapi.json"


def _error(request: Request, status: int, message: str) -> Response:
    if _wants_json(request):
        return JSONResponse({"error": message}, status_code=status)
    state: WebState | None = getattr(request.app.state, "web", None)
    if state is None:  # pragma: no cover - only before create_app finished
        return HTMLResponse(f"error {status}", status_code=status)
    return state.render(request, "error.html", status=status, status_code=status, message=message)


def _validation_message(err: RequestValidationError) -> str:
    problems = []
    for e in err.errors():
        where = [str(x) for x in e.get("loc", ()) if x not in ("query", "path", "body", "form")]
        value = e.get("input")
        shown = f" {value!r}" if isinstance(value, str | int | float) else ""
        problems.append(f"bad value{shown} for {'.'.join(where) or 'the request'}: {e.get('msg', 'invalid')}")
    return "; ".join(problems) or "bad request"


def _install_error_handlers(app: FastAPI) -> None:
    async def on_web_error(request: Request, err: Exception) -> Response:
        assert isinstance(err, WebError)
        return _error(request, err.status, err.message)

    async def on_library_error(request: Request, err: Exception) -> Response:
        assert isinstance(err, AllianceGraphError)
        return _error(request, status_for(err), str(err))

    async def on_validation(request: Request, err: Exception) -> Response:
        assert isinstance(err, RequestValidationError)
        return _error(request, 400, _validation_message(err))

    async def on_http(request: Request, err: Exception) -> Response:
        assert isinstance(err, StarletteHTTPException)
        message = str(err.detail) if err.detail else "error"
        if err.status_code == 404 and message == "Not Found":
            message = f"no page at {request.url.path!r}"
        return _error(request, err.status_code, message)

    app.add_exception_handler(WebError, on_web_error)
    app.add_exception_handler(AllianceGraphError, on_library_error)
    app.add_exception_handler(RequestValidationError, on_validation)
    app.add_exception_handler(StarletteHTTPException, on_http)


Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]


class LimitsMiddleware:
    """Caps every request body at the upload limit and marks every dynamic response ``no-store``.

    The body is counted as it arrives, so a request without Content-Length is
    cut off too; the limit error becomes a 413 through the error handlers.
    Responses are never cached, so a correction shows on the next load.
    """

    def __init__(self, app: ASGIApp, limit: int) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = dict(scope.get("headers") or [])
        declared = headers.get(b"content-length", b"")
        if declared.isdigit() and int(declared) > self.limit:
            message = BodyTooLarge(self.limit).message
            body = json.dumps({"error": message}).encode()
            await send({"type": "http.response.start", "status": 413,
                        "headers": [(b"content-type", b"application/json"), (b"connection", b"close")]})
            await send({"type": "http.response.body", "body": body})
            return
        seen = 0

        async def counted() -> Message:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.limit:
                    raise BodyTooLarge(self.limit)
            return message

        static = str(scope.get("path", "")).startswith("/static/")

        async def marked(message: Message) -> None:
            if message["type"] == "http.response.start" and not static:
                message.setdefault("headers", [])
                message["headers"] = [*message["headers"], (b"cache-control", b"no-store")]
            await send(message)

        await self.app(scope, counted, marked)


def create_app(db: str | Path, *, token: str | None = None, who: str = "web",
               max_upload_bytes: int = MAX_UPLOAD_BYTES,
               extractor_factory: ExtractorFactory | None = None) -> FastAPI:
    """The web application over the store at ``db`` (a path or SQLAlchemy URL, as ``Store.open`` takes).

    With ``token`` set, every write needs it (``Authorization: Bearer <token>``,
    or the cookie ``/login`` sets).  ``who`` is recorded on decisions whose
    request names nobody; ``max_upload_bytes`` caps every request body;
    ``extractor_factory`` builds the extractor for ingest (default: the spaCy
    pipeline, built on the first ingest).
    """
    store = Store.open(db)
    templates = jinja2.Environment(loader=jinja2.FileSystemLoader(HERE / "templates"), autoescape=True,
                                   undefined=jinja2.StrictUndefined)
    state = WebState(store, token or None, who, max_upload_bytes, templates, IngestJobs(store, extractor_factory))

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        yield
        state.jobs.close()
        store.close()

    # FastAPI's /docs and /redoc load their scripts from a CDN: only /openapi.json is served
    app = FastAPI(title="alliancegraph", version="0.1.0", docs_url=None, redoc_url=None, lifespan=lifespan,
                  description="Who is tied to whom among armed groups: the JSON API of the web page.")
    app.state.web = state
    _install_error_handlers(app)
    app.add_middleware(LimitsMiddleware, limit=max_upload_bytes)
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")

    from . import api, pages

    app.include_router(api.router)
    app.include_router(pages.router)
    return app
