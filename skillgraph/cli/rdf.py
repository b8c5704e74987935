"""`skillgraph export | validate | sparql` and `skillgraph ontology import-esco | import-onet`."""
from __future__ import annotations

from pathlib import Path

import click

from ..errors import InputError
from .app import main
from .ontology import ontology_group
from .options import FORMATS
from .render import render

DEFAULT_GRAPH = Path("outputs/graph.json")


def _load(graph: str | None):
    """A graph from graph.json (node-link) or an RDF export; default outputs/graph.json."""
    path = Path(graph) if graph else DEFAULT_GRAPH
    if not path.exists():
        raise InputError(f"{path}: no such graph file — run `skillgraph build` first or pass --graph FILE")
    if path.suffix == ".json":
        from ..graph import load_graph

        return load_graph(path)
    from ..export import read_rdf

    return read_rdf(path)


@main.command("export")
@click.option("--format", "fmt", type=click.Choice(["turtle", "jsonld", "nt", "graphml", "csv"]),
              default="turtle", show_default=True, help="Output format.")
@click.option("--out", "out", type=click.Path(dir_okay=False), help="Write here (default: stdout).")
@click.option("--graph", "graph", type=click.Path(dir_okay=False),
              help="graph.json or an RDF export to read (default: outputs/graph.json).")
@click.option("--base", default=None, help="Base IRI for role/, team/, posting/ ... IRIs.")
@click.option("--no-evidence", is_flag=True, help="Leave out the evidence annotations (compact export).")
def export_cmd(fmt, out, graph, base, no_evidence):
    """Export the graph as RDF (Turtle, JSON-LD, N-Triples), GraphML or a CSV edge list."""
    from ..export import RDF_FORMATS, export_graph
    from ..outputs import write_stdout
    from ..vocab import DEFAULT_BASE

    if fmt == "csv" and no_evidence:
        raise click.UsageError("--no-evidence: the csv edge list holds no evidence (leave it out)")
    if fmt not in RDF_FORMATS and base:
        raise click.UsageError(f"--base names the IRIs of the RDF formats ({', '.join(RDF_FORMATS)}), not {fmt}")
    G = _load(graph)
    kw = {"base": base or DEFAULT_BASE, "evidence": not no_evidence} if fmt in RDF_FORMATS else {}
    if fmt == "graphml" and no_evidence:          # the same graph, its evidence cells left out
        G = G.copy()
        for *_, d in G.edges(data=True):
            d.pop("evidence", None)
    if not out:                                   # every byte reaches stdout, or exit 1 (short writes checked)
        write_stdout(export_graph(G, None, fmt, **kw))
        return
    n = export_graph(G, out, fmt, **kw)           # atomic: a temporary file renamed over OUT
    if fmt in RDF_FORMATS:
        click.echo(f"wrote {n} triples to {out}", err=True)


@main.command("validate")
@click.argument("files", nargs=-1, type=click.Path(dir_okay=False))
@click.option("--shapes", type=click.Path(dir_okay=False), help="SHACL shapes (default: ontology/shapes.ttl).")
def validate_cmd(files, shapes):
    """Check FILES (an export or SKOS ontology; default: the shipped ontology) against our SHACL shapes."""
    from ..export import shipped_ontology_files, validate

    paths = list(files) or [str(p) for p in shipped_ontology_files()]
    vs = validate(paths, shapes=shapes)
    what = ", ".join(paths) if files else "the shipped ontology"
    if not vs:
        click.echo(f"valid: {what}", err=True)
        return
    for v in vs:
        click.echo(str(v))
    click.echo(f"{len(vs)} violation(s) in {what}", err=True)
    raise SystemExit(1)


@main.command("sparql")
@click.argument("query")
@click.option("--graph", "graphs", multiple=True, type=click.Path(dir_okay=False),
              help="An RDF export, a SKOS file or graph.json; repeat to query several together "
                   "(default: outputs/skillgraph.ttl, else outputs/graph.json).")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="table", show_default=True,
              help="Output format.")
def sparql_cmd(query, graphs, fmt):
    """Run a SPARQL QUERY (or @file.rq) with our prefixes (sg skos skill role team prov oa esco ...) declared."""
    from ..export import sparql

    if query.startswith("@"):
        from ..export.guard import read_query_file

        query = read_query_file(query[1:])
    if graphs:
        sources = [str(g) if Path(g).suffix != ".json" else _load(g) for g in graphs]
    elif Path("outputs/skillgraph.ttl").exists():
        sources = ["outputs/skillgraph.ttl"]
    else:
        sources = [_load(None)]
    cols, rows = sparql(sources if len(sources) > 1 else sources[0], query, compact=fmt != "json")
    render([dict(zip(cols, r, strict=False)) for r in rows], fmt, columns=cols)


@ontology_group.command("import-esco")
@click.argument("directory", type=click.Path(file_okay=False))
@click.option("--out", "out", required=True, type=click.Path(dir_okay=False), help="SKOS Turtle to write.")
def import_esco_cmd(directory, out):
    """Convert ESCO's CSV distribution (DIRECTORY with skills_en.csv[.gz] ...) into SKOS Turtle."""
    from ..ontology.importers import import_esco

    stats = import_esco(directory, out)
    render(stats, "json")


@ontology_group.command("import-onet")
@click.argument("file", type=click.Path(dir_okay=False))
@click.option("--out", "out", required=True, type=click.Path(dir_okay=False), help="SKOS Turtle to write.")
def import_onet_cmd(file, out):
    """Convert O*NET Technology_Skills.tsv[.gz] into a SKOS tools vocabulary grouped by UNSPSC."""
    from ..ontology.importers import import_onet

    stats = import_onet(file, out)
    render(stats, "json")
