"""The command group and what every command shares: opening the store, printing a table."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, TypeVar

import click

from ..errors import AllianceGraphError
from ..store import Store


def open_store(ctx: click.Context) -> Store:
    """The store named by ``--db``, opened once per command line and closed at its end."""
    obj: dict[str, Any] = ctx.ensure_object(dict)
    if "store" not in obj:
        try:
            obj["store"] = Store.open(obj["db"])
        except AllianceGraphError as err:
            raise click.ClickException(str(err)) from None
        ctx.call_on_close(obj["store"].close)
    store: Store = obj["store"]
    return store


T = TypeVar("T")


def run(call: Callable[[], T]) -> T:
    """Run a library call, turning its errors into a clean message and a failing exit status."""
    try:
        return call()
    except AllianceGraphError as err:
        raise click.ClickException(str(err)) from None


def table(rows: Sequence[Sequence[object]], headers: Sequence[str]) -> str:
    """Rows as a plain-text table with aligned columns."""
    cells = [[str(h) for h in headers]] + [["" if v is None else str(v) for v in row] for row in rows]
    widths = [max(len(r[i]) for r in cells) for i in range(len(headers))]
    lines = ["  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip() for r in cells]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines)


@click.group()
@click.option("--db", default="alliancegraph.db", show_default=True, envvar="ALLIANCEGRAPH_DB",
              help="SQLite file, or a database URL (postgresql+psycopg://...).")
@click.version_option(package_name="alliancegraph")
@click.pass_context
def cli(ctx: click.Context, db: str) -> None:
    """Who is tied to whom among armed groups, read from text."""
    ctx.ensure_object(dict)["db"] = db
