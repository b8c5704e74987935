"""`skillgraph ontology ...`: look up terms, check the ontology, import ESCO (see cli/rdf.py)."""
from __future__ import annotations

import click

from .app import main
from .options import FORMATS, ontology_option
from .render import render


@main.group("ontology")
def ontology_group():
    """Inspect, check and import SKOS skill ontologies."""


@ontology_group.command("lookup")
@click.argument("terms", nargs=-1, required=True)
@ontology_option()
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="table", show_default=True)
def lookup_cmd(terms, ontologies, fmt):
    """Resolve terms to concepts the way extraction links them."""
    from ..extraction import resolve_term
    from ..ontology import load_ontology

    ont = load_ontology(ontologies)
    resolved = {t: resolve_term(ont, t) for t in terms}
    if fmt == "json":
        render({t: [{"id": c.id, "label": c.label} for c in cs] for t, cs in resolved.items()}, "json")
        return
    rows = []
    for t in terms:
        for c in resolved[t] or [None]:
            rows.append({"term": t, "id": c.id if c else "", "label": c.label if c else "(unknown)",
                         "kind": (c.kind or "") if c else "",
                         "broader": ", ".join(ont[b].label for b in ont.broader(c.id)) if c else ""})
    render(rows, fmt)
    for t in terms:
        if not resolved[t]:
            near = _close_labels(ont, t)
            click.echo(f"note: {t!r} names no concept" + (f" — did you mean: {', '.join(near)}?" if near else ""),
                       err=True)


def _close_labels(ont, term: str, n: int = 3) -> list[str]:
    """Up to ``n`` labels (preferred or alternative) spelled closest to ``term`` (difflib, ignoring case)."""
    import difflib

    by_low: dict[str, str] = {}
    for c in sorted(ont.concepts.values(), key=lambda c: c.id):
        for lab in (c.label, *c.alt_labels):
            by_low.setdefault(lab.lower(), lab)
    near = difflib.get_close_matches(term.lower(), sorted(by_low), n=n, cutoff=0.75)
    return [by_low[x] for x in near]


@ontology_group.command("check")
@ontology_option("An extra SKOS Turtle file to check together with the shipped ontology.")
@click.option("--data", "data_dir", type=click.Path(file_okay=False), default=None,
              help="Folder with esco-v1.1.1/ and onet-29.2/ to verify mapping targets "
                   "(default: ../shared/data when present).")
def check_cmd(ontologies, data_dir):
    """Report labels on two concepts, cycles, missing prefLabels, dangling references, unknown mappings."""
    from pathlib import Path

    from ..errors import OntologyError
    from ..ontology import check, load_ontology, reference_targets

    ont = load_ontology(ontologies)
    targets = None
    d = Path(data_dir) if data_dir else Path("../shared/data")
    if d.is_dir():
        targets = reference_targets(d)
    elif data_dir:
        raise OntologyError(f"{data_dir}: no such folder — pass the folder holding esco-v1.1.1/ and onet-29.2/")
    problems = check(ont, known_targets=targets)
    ours = sum(1 for c in ont.concepts.values() if c.id.startswith("skill:"))
    for p in problems:
        click.echo(str(p))
    summary = (f"{len(ont)} concepts ({ours} ours) from {len(ont.files)} files, version {ont.version}; "
               f"mapping targets {'checked' if targets is not None else 'not checked (no data folder)'}")
    if problems:
        raise OntologyError(f"{len(problems)} problem(s) — {summary}")
    click.echo(f"ok: {summary}")
