"""Commands about documents and their facts: ingest, export, actors, facts, eval, summary."""

from __future__ import annotations

import sys
from collections.abc import Iterable
from pathlib import Path

import click

from .. import api
from ..errors import AllianceGraphError
from ..model import Document, Event, Quantity, Relation
from ..store.store import StoredFact
from .base import cli, open_store, table


@cli.command("ingest")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.pass_context
def ingest_cli(ctx: click.Context, paths: tuple[Path, ...]) -> None:
    """Read .txt, .html and .jsonl files (and folders of them) into the store."""
    store = open_store(ctx)
    from tqdm import tqdm

    def progress(docs: Iterable[Document]) -> Iterable[Document]:
        bar: Iterable[Document] = tqdm(docs, desc="extracting", unit="doc", disable=None, file=sys.stderr)
        return bar

    try:
        report = api.ingest(paths, store, progress=progress)
    except AllianceGraphError as err:
        raise click.ClickException(str(err)) from None
    for problem in report.problems:
        click.echo(f"error: {problem}", err=True)
    for path, why in report.skipped:
        click.echo(f"skipped {path}: {why}", err=True)
    click.echo(f"{len(report.added)} added, {len(report.updated)} updated, "
               f"{len(report.duplicates)} duplicate(s) skipped, {len(report.problems)} problem(s)")
    if not report.ok:
        ctx.exit(1)


@cli.command("export")
@click.option("--format", "fmt", type=click.Choice(["facts"]), default="facts", show_default=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              help="File to write (default: stdout).")
@click.option("--doc", "doc_ids", multiple=True, help="Only these documents.")
@click.pass_context
def export_cli(ctx: click.Context, fmt: str, output: Path | None, doc_ids: tuple[str, ...]) -> None:
    """Write the stored facts (facts: JSON Lines as in FACTS.md)."""
    store = open_store(ctx)
    if output is None:
        api.export_facts(store, sys.stdout, doc_ids=doc_ids)
        return
    with output.open("w", encoding="utf-8") as out:
        n = api.export_facts(store, out, doc_ids=doc_ids)
    click.echo(f"{n} facts written to {output}", err=True)


@cli.command("actors")
@click.option("--limit", type=int, default=0, help="Show only the first N.")
@click.pass_context
def actors_cli(ctx: click.Context, limit: int) -> None:
    """List the actors the documents mention, most mentioned first."""
    records = open_store(ctx).actors()
    rows = [(a.name, a.type, a.mentions, ", ".join(a.aliases[:4])) for a in records[: limit or None]]
    click.echo(table(rows, ["actor", "type", "mentions", "aliases"]))


def _fact_row(stored: StoredFact) -> tuple[object, ...]:
    fact = stored.fact
    flags = ("NEG " if getattr(fact, "negated", False) else "") + ("HEDGE " if fact.hedged else "")
    flags += "BY-HAND" if stored.origin == "analyst" else ""
    if isinstance(fact, Relation):
        what = f"{fact.source} --{fact.relation}--> {fact.target}"
        if fact.support:
            what += f" [{', '.join(fact.support)}]"
    elif isinstance(fact, Quantity):
        approx = "~" if fact.approximate else ""
        what = f"{fact.actor}: {fact.measure} = {approx}{fact.value:g}"
    else:
        assert isinstance(fact, Event)
        what = f"{fact.event}: {', '.join(fact.actors)}" + (f" @ {fact.place}" if fact.place else "")
    return (stored.short_id, stored.review or "", fact.evidence.doc_id, fact.kind, what, flags.strip(), fact.time,
            fact.attributed_to)


@cli.command("facts")
@click.option("--doc", "doc_id", help="Only the facts of this document.")
@click.pass_context
def facts_cli(ctx: click.Context, doc_id: str | None) -> None:
    """List the stored facts, with the id that names each (confirm, reject) and its review."""
    store = open_store(ctx)
    if doc_id is not None and not store.has_document(doc_id):
        raise click.ClickException(f"no document with id {doc_id!r}")
    rows = [_fact_row(f) for f in store.stored_facts(doc_id)]
    click.echo(table(rows, ["id", "review", "doc", "kind", "fact", "flags", "time", "according to"]))


@cli.command("eval")
@click.argument("gold", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--doc", "doc_ids", multiple=True, help="Only these documents of the gold file.")
@click.pass_context
def eval_cli(ctx: click.Context, gold: Path, doc_ids: tuple[str, ...]) -> None:
    """Score the stored facts against a gold facts file (the matching of FACTS.md)."""
    from ..evaluate import load_facts, score
    from ..export.facts import once_per_document

    store = open_store(ctx)
    try:
        gold_facts, aliases = load_facts(gold)
    except AllianceGraphError as err:
        raise click.ClickException(str(err)) from None
    if doc_ids:
        gold_facts = [g for g in gold_facts if g.get("doc") in doc_ids]
    written = api.written_facts(store, store.facts())
    click.echo(score(gold_facts, (f.facts_record() for f in once_per_document(written)), aliases).table())


@cli.command("summary")
@click.pass_context
def summary_cli(ctx: click.Context) -> None:
    """Counts of documents, actors and facts, and the most mentioned actors."""
    store = open_store(ctx)
    c = store.counts()
    click.echo(f"{c['documents']} documents, {c['actors']} actors, {c['mentions']} mentions, {c['facts']} facts "
               f"({c['relation']} relations, {c['quantity']} quantities, {c['event']} events)")
    top = store.actors()[:10]
    if top:
        click.echo("most mentioned: " + ", ".join(f"{a.name} ({a.mentions})" for a in top))
