"""`skillgraph viz`: the graph as one self-contained interactive HTML page (skillgraph.viz)."""
from __future__ import annotations

from pathlib import Path

import click

from ..errors import InputError
from .app import main
from .options import LEVELS, given

DEFAULT_GRAPH = Path("outputs/graph.json")
DEFAULT_OUT = Path("outputs/graph.html")


@main.command("viz")
@click.option("--graph", "graph", type=click.Path(dir_okay=False),
              help="graph.json written by `skillgraph build` (default: outputs/graph.json).")
@click.option("--out", "out", type=click.Path(dir_okay=False), default=str(DEFAULT_OUT),
              show_default=True, help="The HTML file to write.")
@click.option("--focus", default=None, help="Show only the neighbourhood of this node (id or label).")
@click.option("--depth", default=1, show_default=True, type=click.IntRange(min=0),
              help="Links to follow from --focus.")
@click.option("--role", "roles", multiple=True, help="Only this role and what it links to (repeatable).")
@click.option("--team", "teams", multiple=True,
              help="Only the roles of this team or its sub-teams (repeatable).")
@click.option("--level", type=click.Choice(LEVELS), default=None,
              help="Only requirements at least this strong (preferred = required+responsibility+preferred).")
@click.option("--min-count", default=1, show_default=True, type=click.IntRange(min=1),
              help="Only requirements mentioned at least this often.")
@click.option("--max-nodes", default=500, show_default=True, type=click.IntRange(min=1),
              help="Reduce a larger graph to its most important nodes (the page says what it left out).")
@click.option("--title", default=None, help="Page title (default: 'Skill graph').")
@click.option("--screenshot", type=click.Path(dir_okay=False), default=None,
              help="Also open the page in headless Chromium (/usr/bin/chromium) and save a PNG here.")
def viz_cmd(graph, out, focus, depth, roles, teams, level, min_count, max_nodes, title, screenshot):
    """Write the graph as one interactive HTML file that works offline (no network request)."""
    from ..graph import load_graph
    from ..viz import write_html

    if focus is None and given("depth"):
        raise click.UsageError("--depth counts links from --focus: add --focus NODE")
    path = Path(graph) if graph else DEFAULT_GRAPH
    if not path.exists():
        raise InputError(f"{path}: no such graph file; run `skillgraph build` first or pass --graph FILE")
    G = load_graph(path)
    rep = write_html(G, out, focus=focus, depth=depth, role=list(roles) or None,
                     team=list(teams) or None, level=level, min_count=min_count,
                     max_nodes=max_nodes, title=title, screenshot=screenshot)
    click.echo(f"wrote {rep['path']}: {rep['nodes']:,} nodes, {rep['edges']:,} links drawn "
               f"(graph: {rep['nodes_total']:,} nodes, {rep['edges_total']:,} links), "
               f"{rep['bytes'] / 1e6:.1f} MB", err=True)
    if rep.get("message"):
        click.echo(f"note: {rep['message']}", err=True)
    if rep.get("screenshot"):
        click.echo(f"wrote {rep['screenshot']}", err=True)
