"""Browser tests: the web page in headless Chromium, driven by Playwright.

The browser is Debian's ``chromium`` at /usr/bin/chromium, installed by
``scripts/install-browser.sh`` (``make test`` runs it); Playwright never
downloads one.  One demo store per run (the sample corpus plus a hostile
article, through the real pipeline) is served by uvicorn on a free loopback
port in a background thread; each test gets a fresh browser context.
"""

from __future__ import annotations

import inspect
import json
import socket
import threading
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from alliancegraph import Store, ingest
from alliancegraph.extract import Extractor

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = Path("/usr/bin/chromium")
SCREENSHOTS = ROOT / "build" / "screenshots"
HOSTILE = ROOT / "tests" / "data" / "web" / "hostile_markup.txt"
HOSTILE_ID = HOSTILE.stem
# Without the networking flags Chromium keeps reaching for Google's hosts,
# which this closed network refuses, and can hang at start.
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "browser: drives the web page in headless Chromium (Playwright)")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    here = Path(__file__).parent
    for item in items:
        if here in Path(str(item.path)).parents:
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def demo_db(tmp_path_factory: pytest.TempPathFactory, extractor: Extractor) -> Path:
    """The demo store: ``examples/corpus`` and the hostile article, ingested for real."""
    path = tmp_path_factory.mktemp("web") / "demo.db"
    store = Store.open(path)
    try:
        report = ingest([ROOT / "examples" / "corpus", HOSTILE], store, extractor)
    finally:
        store.close()
    assert report.ok, report.problems
    assert HOSTILE_ID in report.added
    return path


@dataclass
class LiveServer:
    """The app served by uvicorn in a background thread."""

    url: str
    server: Any
    thread: threading.Thread
    errors: list[BaseException] = field(default_factory=list)


@pytest.fixture(scope="session")
def live_server(demo_db: Path, extractor: Extractor) -> Iterator[LiveServer]:
    try:
        from alliancegraph.web import create_app
    except ImportError as err:  # the server half is missing
        pytest.fail(f"alliancegraph.web.create_app cannot be imported: {err}")
    import uvicorn

    options: dict[str, Any] = {}
    # Share the session's spaCy pipeline with the page's ingest, where the app lets us.
    if "extractor_factory" in inspect.signature(create_app).parameters:
        options["extractor_factory"] = lambda: extractor
    app = create_app(str(demo_db), **options)

    # Binding the socket here, port 0, gives a free port with no race.
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    config = uvicorn.Config(app, log_level="warning", lifespan="on")
    server = uvicorn.Server(config)
    live = LiveServer(f"http://127.0.0.1:{port}", server, threading.Thread())

    def serve() -> None:
        try:
            server.run(sockets=[sock])
        except BaseException as err:  # reported by the fixture, not lost in the thread
            live.errors.append(err)

    live.thread = threading.Thread(target=serve, name="uvicorn", daemon=True)
    live.thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        if live.errors or not live.thread.is_alive() or time.monotonic() > deadline:
            pytest.fail(f"the web app did not start: {live.errors}")
        time.sleep(0.05)
    yield live
    server.should_exit = True
    live.thread.join(timeout=10)
    sock.close()


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    if not CHROMIUM.exists():
        pytest.fail(
            f"Chromium is missing at {CHROMIUM}: run scripts/install-browser.sh "
            "(make test runs it) to install Debian's chromium package for the browser tests."
        )
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        # Playwright gives each launch a new, empty profile (--user-data-dir).
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_FLAGS)
        yield chromium
        chromium.close()


@dataclass
class Tab:
    """A page of a fresh browser context, with the JavaScript errors it raised."""

    page: Any
    base: str
    errors: list[str]

    def open(self, path: str) -> Any:
        response = self.page.goto(self.base + path)
        assert response is not None
        return response

    def shot(self, name: str) -> Path:
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        path = SCREENSHOTS / f"{name}.png"
        self.page.screenshot(path=str(path), full_page=True)
        return path


@pytest.fixture
def tab(browser: Any, live_server: LiveServer) -> Iterator[Tab]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.set_default_timeout(15_000)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda err: errors.append(str(err)))
    yield Tab(page, live_server.url, errors)
    context.close()


def get_json(live: LiveServer, path: str) -> Any:
    """GET a JSON route of the live app, asserting it answered 200."""
    with urllib.request.urlopen(live.url + path, timeout=30) as response:
        assert response.status == 200
        return json.load(response)
