"""Commands about the alliance graph: ties, evidence, timeline, changes, metrics, quantities,
contradictions, brief, explain and trend.  Each calls one function of ``alliancegraph.analysis``
and formats what it returns (a table, Markdown for the brief, or JSON with ``--json``).
"""

from __future__ import annotations

import dataclasses
import json
from typing import Any

import click

from .. import analysis
from ..model import MEASURES, RELATION_TYPES
from .base import cli, open_store, run, table

SHOWN = 5  # claims shown per side of a contradiction
TIES_SHOWN = 50  # ties listed by default: a hub has thousands; the line below the table says how many more

as_of_option = click.option("--as-of", "as_of", metavar="DATE",
                            help="Only what was known on this day (YYYY[-MM[-DD]]).")
json_option = click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a table.")
type_option = click.option("--type", "relation", type=click.Choice(RELATION_TYPES), help="Only this relation type.")


def _echo_json(value: Any) -> None:
    def plain(obj: Any) -> Any:
        # one level at a time (json calls back for nested dataclasses): loaders and caches are no data,
        # and what they load (a tie's claims, a view's best claim) are properties, read on first use
        if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
            fields = {f.name: getattr(obj, f.name) for f in dataclasses.fields(obj) if f.repr}
            if isinstance(obj, analysis.Tie):
                fields["claims"] = obj.claims
            elif isinstance(obj, analysis.TieView):
                fields["best"] = obj.best
            return fields
        return str(obj)

    click.echo(json.dumps(value, default=plain, ensure_ascii=False, indent=2))


def _short(text: str, width: int = 90) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "\u2026"


def _flags(claim: analysis.Claim) -> str:
    return " ".join(f for f, on in (("NEG", claim.negated), ("HEDGE", claim.hedged),
                                    ("CONFIRMED", claim.confirmed), ("ANALYST", claim.origin == "analyst")) if on)


@cli.command("ties")
@click.argument("actor")
@as_of_option
@type_option
@click.option("--limit", type=click.IntRange(min=0), default=TIES_SHOWN, show_default=True,
              help="Show the strongest N ties (0: all); a line says how many more there are.")
@json_option
@click.pass_context
def ties_cli(ctx: click.Context, actor: str, as_of: str | None, relation: str | None, limit: int,
             as_json: bool) -> None:
    """An actor's ties, strongest first: status, strength, support kinds, sources and the best evidence line each."""
    views = run(lambda: analysis.ties(open_store(ctx), actor, as_of=as_of, relation=relation, limit=limit or None))
    more = f"\u2026 {views.more:,} more ties ({views.total:,} in all); use --limit 0 for all" if views.more else ""
    if as_json:
        _echo_json(views)
        if more:
            click.echo(more, err=True)  # stdout stays one JSON document
        return
    rows = [(v.direction, v.other, v.tie.relation, v.tie.status, f"{v.strength.value:.2f}",
             ",".join(v.tie.support_kinds), _listed(v.tie.sources), _short(v.best.evidence, 70) if v.best else "")
            for v in views]
    click.echo(table(rows, ["dir", "other", "type", "status", "strength", "support", "sources", "best evidence"]))
    if more:
        click.echo(more)


def _listed(names: tuple[str, ...], shown: int = 2) -> str:
    more = f" +{len(names) - shown}" if len(names) > shown else ""
    return ",".join(names[:shown]) + more


@cli.command("evidence")
@click.argument("a")
@click.argument("b")
@as_of_option
@type_option
@json_option
@click.pass_context
def evidence_cli(ctx: click.Context, a: str, b: str, as_of: str | None, relation: str | None, as_json: bool) -> None:
    """Every claim between two actors, in time order, with quotes, speakers and sources."""
    claims = run(lambda: analysis.evidence(open_store(ctx), a, b, as_of=as_of, relation=relation))
    if as_json:
        _echo_json(claims)
        return
    for c in claims:
        click.echo(f"{c.date or 'undated'}  #{c.fact_id}  {c.statement()}  {_flags(c)}".rstrip())
        click.echo(f"    \u201c{_short(c.evidence, 300)}\u201d")
        click.echo(f"    {c.cite()}")


@cli.command("timeline")
@click.argument("actor")
@click.argument("other", required=False)
@as_of_option
@json_option
@click.pass_context
def timeline_cli(ctx: click.Context, actor: str, other: str | None, as_of: str | None, as_json: bool) -> None:
    """Dated events, estimates and tie changes of an actor (or between two)."""
    entries = run(lambda: analysis.timeline(open_store(ctx), actor, other, as_of=as_of))
    if as_json:
        _echo_json(entries)
        return
    rows = [(e.date or "undated", e.what, e.text, e.claim.doc_id, f"#{e.claim.fact_id}") for e in entries]
    click.echo(table(rows, ["date", "what", "claim", "doc", "fact"]))


@cli.command("changes")
@click.option("--from", "date_from", required=True, metavar="DATE", help="The earlier day.")
@click.option("--to", "date_to", required=True, metavar="DATE", help="The later day.")
@click.option("--actor", help="Only this actor's ties.")
@json_option
@click.pass_context
def changes_cli(ctx: click.Context, date_from: str, date_to: str, actor: str | None, as_json: bool) -> None:
    """Ties that appeared, ended, became disputed, strengthened or weakened between two days."""
    found = run(lambda: analysis.changes(open_store(ctx), date_from, date_to, actor=actor))
    if as_json:
        _echo_json(found)
        return
    rows = [(c.change, c.tie.source, c.tie.relation, c.tie.target, f"{c.status_before} -> {c.status_after}",
             f"{c.trend.delta:+.2f}", len(c.new_claims)) for c in found]
    click.echo(table(rows, ["change", "source", "type", "target", "status", "strength", "new claims"]))


@cli.command("metrics")
@as_of_option
@click.option("--limit", type=int, default=20, show_default=True, help="Actors to show.")
@json_option
@click.pass_context
def metrics_cli(ctx: click.Context, as_of: str | None, limit: int, as_json: bool) -> None:
    """Degree, weighted degree, betweenness (brokers), blocs and wedge ties of the web of allies."""
    result = run(lambda: analysis.metrics(open_store(ctx), as_of=as_of))
    if as_json:
        _echo_json(result)
        return
    rows = [(m.actor, m.degree, f"{m.weighted_degree:g}", f"{m.betweenness:.4f}", m.bloc)
            for m in result.actors[: limit or None]]
    click.echo(f"{len(result.actors)} actors, {result.edges} cooperative ties")
    click.echo(table(rows, ["actor", "degree", "weighted", "betweenness", "bloc"]))
    click.echo("\nblocs:")
    for i, bloc in enumerate(result.blocs[:10]):
        more = f" (+{len(bloc) - 8} more)" if len(bloc) > 8 else ""
        click.echo(f"  {i}: {', '.join(bloc[:8])}{more}")
    click.echo("\nwedge ties (removal cuts off):")
    for w in result.wedges:
        click.echo(f"  {w.a} -- {w.b}  weight {w.weight:g}, cuts off {w.cut_off}")


@cli.command("quantities")
@click.argument("actor")
@click.option("--measure", type=click.Choice(MEASURES), help="Only this measure.")
@as_of_option
@json_option
@click.pass_context
def quantities_cli(ctx: click.Context, actor: str, measure: str | None, as_of: str | None, as_json: bool) -> None:
    """Every estimate of an actor's measures over time, with its source: the spread, not one number."""
    spreads = run(lambda: analysis.quantities(open_store(ctx), actor, measure=measure, as_of=as_of))
    if as_json:
        _echo_json(spreads)
        return
    if not spreads:
        click.echo(f"no estimates for {actor}" + (f" ({measure})" if measure else ""))
    for s in spreads:
        click.echo(f"{s.actor} {s.measure}: {len(s.claims)} estimate(s) from {s.sources} document(s), "
                   f"{s.low:g} to {s.high:g}, median {s.median:g}")
        rows = [(c.time or c.asserted or "undated", ("~" if c.approximate else "") + f"{c.value:g}", c.place,
                 c.speaker, c.doc_id, _short(c.evidence, 60)) for c in s.claims if c.value is not None]
        click.echo(table(rows, ["time", "value", "place", "according to", "doc", "evidence"]))


@cli.command("contradictions")
@click.argument("actor", required=False)
@click.argument("other", required=False)
@as_of_option
@json_option
@click.pass_context
def contradictions_cli(ctx: click.Context, actor: str | None, other: str | None, as_of: str | None,
                       as_json: bool) -> None:
    """Claims that disagree (a tie affirmed and denied, differing estimates or leaders), with both sides."""
    found = run(lambda: analysis.contradictions(open_store(ctx), actor, other, as_of=as_of))
    if as_json:
        _echo_json(found)
        return
    if not found:
        click.echo("no contradictions found")
    for c in found:
        click.echo(f"{c.kind}: {c.subject} ({c.detail})")
        for label, side in (("  +", c.side_a), ("  -", c.side_b)):
            for claim in side[:SHOWN]:
                click.echo(f"{label} #{claim.fact_id} {claim.cite()}: \u201c{_short(claim.evidence, 160)}\u201d")
            if len(side) > SHOWN:
                click.echo(f"{label} ... and {len(side) - SHOWN} more (--json lists all)")


@cli.command("brief")
@click.argument("a")
@click.argument("b")
@as_of_option
@click.pass_context
def brief_cli(ctx: click.Context, a: str, b: str, as_of: str | None) -> None:
    """A Markdown dossier on one alliance, every sentence citing its evidence."""
    click.echo(run(lambda: analysis.brief(open_store(ctx), a, b, as_of=as_of)).markdown, nl=False)


@cli.command("explain")
@click.argument("a")
@click.argument("b")
@as_of_option
@type_option
@json_option
@click.pass_context
def explain_cli(ctx: click.Context, a: str, b: str, as_of: str | None, relation: str | None, as_json: bool) -> None:
    """Expand a pair's strength, and each tie's status, strength and corroboration, into its claims."""
    result = run(lambda: analysis.explain(open_store(ctx), a, b, relation=relation, as_of=as_of))
    if as_json:
        _echo_json(result)
        return
    click.echo(f"{result.a} and {result.b}, as of {result.as_of or 'now'}: pair strength {result.pair.value:.2f}")
    for line in result.pair.lines()[:-1]:
        click.echo(f"  {line}")
    for v in result.ties:
        t = v.tie
        click.echo(f"\n{t.source} {t.relation} {t.target}: {t.status} ({t.reason})")
        click.echo(f"  corroboration: {len(t.sources)} document(s): {', '.join(t.sources) or '-'}")
        click.echo("  strength:")
        for line in v.strength.lines():
            click.echo(f"    {line}")
        click.echo("  claims:")
        for c in t.claims:
            click.echo(f"    #{c.fact_id} {c.date or 'undated'} {c.statement()}: \u201c{_short(c.evidence, 120)}\u201d")


@cli.command("trend")
@click.argument("a")
@click.argument("b")
@click.option("--from", "date_from", required=True, metavar="DATE")
@click.option("--to", "date_to", required=True, metavar="DATE")
@click.pass_context
def trend_cli(ctx: click.Context, a: str, b: str, date_from: str, date_to: str) -> None:
    """How a pair's strength moved between two days, with the parts of each score."""
    result = run(lambda: analysis.trend(open_store(ctx), a, b, date_from, date_to))
    click.echo(f"{result.direction}: {result.before.value:.2f} -> {result.after.value:.2f} ({result.delta:+.2f})")
    for label, score in (("before", result.before), ("after", result.after)):
        click.echo(f"{label}:")
        for line in score.lines():
            click.echo(f"  {line}")
