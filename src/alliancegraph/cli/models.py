"""Commands about the learned parts of the extractor: train-pairs."""

from __future__ import annotations

from pathlib import Path

import click

from ..errors import AllianceGraphError
from .base import cli


@cli.command("train-pairs")
@click.option("--set", "sets", nargs=2, multiple=True, required=True,
              type=(click.Path(exists=True, path_type=Path), click.Path(exists=True, dir_okay=False, path_type=Path)),
              metavar="DOCS GOLD", help="A folder (or file) of articles and its gold facts file; repeatable.")
@click.option("-o", "--output", required=True, type=click.Path(file_okay=False, path_type=Path),
              help="Where to write the model (the shipped one is in alliancegraph/data/models/pairs).")
@click.option("--epochs", type=click.IntRange(1, 5000), default=300, show_default=True)
def train_pairs_cli(sets: tuple[tuple[Path, Path], ...], output: Path, epochs: int) -> None:
    """Train the learned reader of actor pairs on annotated articles (FACTS.md gold files)."""
    from ..extract.training import train_from

    try:
        examples = train_from(sets, output, epochs=epochs)
    except AllianceGraphError as err:
        raise click.ClickException(str(err)) from None
    tied = sum(1 for e in examples if e.labels)
    click.echo(f"trained on {len(examples)} pairs ({tied} tied) from {len(sets)} sets; model in {output}")
