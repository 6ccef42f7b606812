"""The ``serve`` command: the web page and JSON API over the store, run by uvicorn."""

from __future__ import annotations

import ipaddress

import click

from .base import cli, run

LOOPBACK_NAMES = frozenset({"localhost", "localhost.localdomain", "ip6-localhost"})


def is_loopback(host: str) -> bool:
    """Whether a host to bind names this machine only (127.0.0.0/8, ::1, localhost)."""
    if host.lower() in LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def check_bind(host: str, token: str | None) -> None:
    """Refuse to serve beyond this machine without a token for writes."""
    if not is_loopback(host) and not token:
        raise click.UsageError(
            f"--host {host!r} is reachable from other machines: give a token for writes "
            "(--token or $ALLIANCEGRAPH_TOKEN), or bind 127.0.0.1")


@cli.command("serve")
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to bind; anything but loopback needs a token.")
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True)
@click.option("--token", envvar="ALLIANCEGRAPH_TOKEN", default=None,
              help="Token every write must carry (default: $ALLIANCEGRAPH_TOKEN).")
@click.option("--max-upload-mb", type=click.FloatRange(0.001, 1024), default=5.0, show_default=True,
              help="Largest request (upload) accepted, in MB.")
@click.pass_context
def serve_cli(ctx: click.Context, host: str, port: int, token: str | None, max_upload_mb: float) -> None:
    """Serve the web page (graph, actors, ties, documents, corrections, ingest) and its JSON API."""
    import uvicorn

    from ..web import create_app

    check_bind(host, token)
    db = ctx.ensure_object(dict)["db"]
    app = run(lambda: create_app(db, token=token or None, max_upload_bytes=int(max_upload_mb * 1024 * 1024)))
    shown = f"[{host}]" if ":" in host else host
    click.echo(f"alliancegraph: serving {db} at http://{shown}:{port}/")
    if token:
        click.echo("writes (confirm, reject, merge, undo, ingest) need the token: "
                   f"header 'Authorization: Bearer <token>', or sign in at http://{shown}:{port}/login")
    else:
        click.echo("writes need no token: anyone who can reach this address can change the store")
    uvicorn.run(app, host=host, port=port, log_level="warning")
