"""Commands for analysts' decisions: merge, split, confirm, reject, add-fact, undo, decisions, merges, reextract."""

from __future__ import annotations

import getpass
import sys
from collections.abc import Callable, Iterable
from typing import Any, TypeVar

import click

from .. import api
from ..model import RELATION_TYPES, ROLES, SUPPORT_KINDS, Document, Relation
from ..store import decisions as lib
from ..store.merges import suggest_merges
from .base import cli, open_store, run, table

F = TypeVar("F", bound=Callable[..., Any])


def _login() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no login name in some containers: the decision still needs a who
        return "unknown"


def decided(command: F) -> F:
    """The options every decision takes: why (required) and who (``$ALLIANCEGRAPH_USER``, else the login)."""
    command = click.option("--who", envvar="ALLIANCEGRAPH_USER", default=_login, show_default="login name",
                           help="Who decides (default: $ALLIANCEGRAPH_USER, else the login name).")(command)
    return click.option("--why", required=True, help="Why: the reason, kept with the decision.")(command)


@cli.command("merge")
@click.argument("keep")
@click.argument("drop")
@decided
@click.pass_context
def merge_cli(ctx: click.Context, keep: str, drop: str, why: str, who: str) -> None:
    """Read the actor DROP as KEEP from now on (names or aliases)."""
    d = run(lambda: lib.merge_actors(open_store(ctx), keep, drop, who=who, why=why))
    click.echo(f"decision {d.id}: {d.payload['actor']} is now read as {d.payload['into']}")


@cli.command("split")
@click.argument("actor")
@click.option("--alias", help="Make this alias of ACTOR an actor of its own instead.")
@decided
@click.pass_context
def split_cli(ctx: click.Context, actor: str, alias: str | None, why: str, who: str) -> None:
    """Separate ACTOR from the actor it was merged into (or, with --alias, split off a wrong alias)."""
    store = open_store(ctx)
    if alias is None:
        d = run(lambda: lib.split_actors(store, actor, who=who, why=why))
        click.echo(f"decision {d.id}: {d.payload['actor']} is separate from {d.payload['from']}")
    else:
        d = run(lambda: lib.split_alias(store, actor, alias, who=who, why=why))
        click.echo(f"decision {d.id}: {d.payload['actor']} is an actor of its own, apart from {d.payload['from']}")


@cli.command("confirm")
@click.argument("fact")
@decided
@click.pass_context
def confirm_cli(ctx: click.Context, fact: str, why: str, who: str) -> None:
    """Confirm FACT (its id in 'facts', or its row number)."""
    d = run(lambda: lib.confirm_fact(open_store(ctx), fact, who=who, why=why))
    click.echo(f"decision {d.id}: fact {d.subject[:10]} confirmed")


@cli.command("reject")
@click.argument("fact")
@decided
@click.pass_context
def reject_cli(ctx: click.Context, fact: str, why: str, who: str) -> None:
    """Reject FACT (its id in 'facts', or its row number): it is left out of exports and counts."""
    d = run(lambda: lib.reject_fact(open_store(ctx), fact, who=who, why=why))
    click.echo(f"decision {d.id}: fact {d.subject[:10]} rejected")


@cli.command("add-fact")
@click.argument("source")
@click.argument("relation", type=click.Choice(RELATION_TYPES))
@click.argument("target")
@click.option("--citation", required=True, help="Where the fact is stated (a report, an article, an interview).")
@click.option("--quote", help="The words that state it.")
@click.option("--doc", "doc_id", help="A stored document that holds the quote.")
@click.option("--time", help="When the tie holds: YYYY, YYYY-MM, YYYY-MM-DD or START/END.")
@click.option("--support", multiple=True, type=click.Choice(SUPPORT_KINDS), help="Kind of help (supports).")
@click.option("--role", type=click.Choice(ROLES), help="Role (leads).")
@click.option("--according-to", "attributed_to", help="Who asserts it.")
@click.option("--hedged", is_flag=True, help="The source is unsure.")
@click.option("--negated", is_flag=True, help="The source says the tie does not hold.")
@decided
@click.pass_context
def add_fact_cli(ctx: click.Context, source: str, relation: str, target: str, citation: str, quote: str | None,
                 doc_id: str | None, time: str | None, support: tuple[str, ...], role: str | None,
                 attributed_to: str | None, hedged: bool, negated: bool, why: str, who: str) -> None:
    """Add the relation SOURCE RELATION TARGET by hand, with the citation that states it."""
    fact = Relation(source, relation, target, lib.PENDING_EVIDENCE, negated=negated, hedged=hedged,
                    attributed_to=attributed_to, time=time, support=support, role=role)
    d = run(lambda: lib.add_fact(open_store(ctx), fact, citation=citation, quote=quote, doc_id=doc_id,
                                   who=who, why=why))
    click.echo(f"decision {d.id}: fact {d.subject[:10]} added in document {d.payload['doc_id']}")


@cli.command("undo")
@click.argument("decision_id", type=int)
@decided
@click.pass_context
def undo_cli(ctx: click.Context, decision_id: int, why: str, who: str) -> None:
    """Revert what decision DECISION_ID did (recorded as a decision of its own)."""
    d = run(lambda: lib.undo(open_store(ctx), decision_id, who=who, why=why))
    click.echo(f"decision {d.id}: undid decision {decision_id} ({d.payload['action']})")


@cli.command("decisions")
@click.option("--subject", help="Only decisions about this actor, fact id or decision id.")
@click.pass_context
def decisions_cli(ctx: click.Context, subject: str | None) -> None:
    """The history of analysts' decisions, newest first."""
    history = lib.decisions(open_store(ctx), subject)
    facts = ("confirm", "reject", "add_fact")
    rows = [(d.id, d.made_at, d.who, d.action, d.subject[:10] if d.action in facts else d.subject, d.why,
             d.undone_by) for d in history]
    click.echo(table(rows, ["id", "made at (UTC)", "who", "action", "subject", "why", "undone by"]))


@cli.command("merges")
@click.option("--threshold", type=click.FloatRange(0, 100), default=85.0, show_default=True,
              help="Lowest spelling similarity (0-100) to propose.")
@click.pass_context
def merges_cli(ctx: click.Context, threshold: float) -> None:
    """Actors whose names are spelled alike: proposals to merge (nothing is merged)."""
    proposals = suggest_merges(open_store(ctx), threshold=threshold)
    rows = [(f"{p.score:g}", p.keep, p.drop, f"{p.keep_name} ~ {p.drop_name}") for p in proposals]
    click.echo(table(rows, ["score", "keep", "drop", "names that matched"]))


@cli.command("reextract")
@click.option("--doc", "doc_ids", multiple=True, help="Only these documents (default: all).")
@click.pass_context
def reextract_cli(ctx: click.Context, doc_ids: tuple[str, ...]) -> None:
    """Run the extractor again over stored documents; analysts' decisions stay and apply."""
    from tqdm import tqdm

    def progress(docs: Iterable[Document]) -> Iterable[Document]:
        bar: Iterable[Document] = tqdm(docs, desc="extracting", unit="doc", disable=None, file=sys.stderr)
        return bar

    # a caller embedding the CLI (or a test) may hand in its own extractor through the context object
    extractor = ctx.ensure_object(dict).get("extractor")
    report = run(lambda: api.reextract(open_store(ctx), list(doc_ids) or None, extractor, progress=progress))
    for fp in report.lost_reviews:
        click.echo(f"the reviewed fact {fp[:10]} is no longer extracted", err=True)
    click.echo(f"{len(report.documents)} document(s) extracted again: {report.facts_before} facts before, "
               f"{report.facts_after} after")
