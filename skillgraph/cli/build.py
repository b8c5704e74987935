"""`skillgraph build`: the main job (:func:`skillgraph.pipeline.build`)."""
from __future__ import annotations

import click

from .app import main
from .options import (
    field_option,
    jobs_option,
    linker_options,
    max_bytes_option,
    note,
    ontology_option,
    progress_bar,
    skip_bad_option,
    warn,
)


@main.command("build")
@click.argument("paths", nargs=-1)
@ontology_option()
@click.option("--out", "out", type=click.Path(file_okay=False), default="outputs", show_default=True,
              help="Directory to write into.")
@jobs_option
@skip_bad_option
@max_bytes_option
@linker_options
@field_option
def build_cmd(paths, ontologies, out, jobs, skip_bad, max_bytes, linker, min_score, fields):
    """Read postings (default: seeds/), link their skills, build the role–skill–team graph and write
    OUT/graph.json, mentions.jsonl, summary.md, skillgraph.ttl and graph.html. The same input gives
    byte-identical files."""
    from ..pipeline import build

    def written(w) -> None:
        click.echo(f"wrote {w.path}" + (f": {w.detail}" if w.detail else ""), err=True)

    kw = {} if max_bytes is None else {"max_bytes": max_bytes}
    build(paths, out=out, ontology_files=ontologies, jobs=jobs, skip_bad=skip_bad, warn=warn,
          progress=progress_bar, on_written=written, summary=note if skip_bad else None,
          linker=linker, min_score=min_score, fields=fields, **kw)
