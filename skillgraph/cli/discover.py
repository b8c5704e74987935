"""`skillgraph discover`: the skills postings ask for that no concept names, grouped, for curators."""
from __future__ import annotations

import click

from .app import main
from .extract import run_extraction
from .options import FORMATS, jobs_option, max_bytes_option, ontology_option, skip_bad_option
from .render import render

TABLE_TOP = 50
"""Groups a table shows unless ``--top`` says otherwise (JSON and CSV list every group)."""


def _rows(groups, fmt: str) -> list[dict]:
    rows = []
    for g in groups:
        near = [f"{n.label} ({n.concept}, {n.score:.2f})" for n in g.nearest]
        r = {"id": g.id, "label": g.label, "postings": g.postings, "mentions": g.mentions,
             "variants": " | ".join(f"{t} ({n})" for t, n in g.variants),
             "nearest": " | ".join(near)}
        if fmt == "table":
            del r["id"]
            r["nearest"] = " | ".join(f"{n.label} {n.score:.2f}" for n in g.nearest)
            r["example"] = g.examples[0][1] if g.examples else ""
        else:
            r["examples"] = " | ".join(f"{p}: {s}" for p, s in g.examples)
        rows.append(r)
    return rows


@main.command("discover")
@click.argument("paths", nargs=-1, required=True)
@ontology_option()
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="table", show_default=True,
              help=f"table shows the first {TABLE_TOP} groups (or --top) with cells cut; json and csv show all, uncut.")
@click.option("--min-postings", type=click.IntRange(1), default=1, show_default=True,
              help="Only skills found in at least this many postings.")
@click.option("--top", type=click.IntRange(1), default=None, help="Only the first N groups.")
@click.option("--skos", "skos_path", type=click.Path(dir_okay=False), default=None,
              help="Also write the groups listed as a draft SKOS scheme (Turtle) to load with --ontology.")
@click.option("--min-score", "min_score", type=click.FloatRange(0.0, 1.0), default=None,
              help="The hybrid linker's threshold: spans whose best concept scores below it are candidates "
                   "[default: extract's --min-score].")
@skip_bad_option
@jobs_option
@max_bytes_option
def discover_cmd(paths, ontologies, fmt, min_postings, top, skos_path, min_score, skip_bad, jobs, max_bytes):
    """List skills in postings (files, directories, -) that no concept names: the span model's spans the
    linker could not place, variants grouped, ranked by postings then mentions, with example sentences
    and the nearest concepts.
    """
    from ..discover import discover, write_draft

    ont, xs = run_extraction(paths, ontologies, skip_bad, jobs, "fast", max_bytes, "hybrid", min_score)
    groups = discover(xs, ont, min_postings=min_postings, top=top)
    if skos_path:
        n = write_draft(groups, skos_path, ont)
        click.echo(f"wrote {skos_path}: {n} draft concepts", err=True)
    shown = groups
    if fmt == "table" and top is None and len(groups) > TABLE_TOP:
        shown = groups[:TABLE_TOP]
        click.echo(f"showing {TABLE_TOP} of {len(groups)} groups (--top N for more, --format json for all)",
                   err=True)
    if fmt == "json":
        render([g.as_dict() for g in shown], "json")
    else:
        render(_rows(shown, fmt), fmt)
