"""`skillgraph extract`: postings in, linked skill mentions out."""
from __future__ import annotations

import sys

import click

from . import main, render

ontology_option = click.option(
    "--ontology", "ontologies", multiple=True, type=click.Path(dir_okay=False),
    help="An extra SKOS Turtle file merged with the shipped ontology (repeatable).")


def load_postings(paths, skip_bad: bool):
    from ..ingest import read_postings

    def warn(msg: str) -> None:
        click.echo(f"warning: {msg}", err=True)

    return list(read_postings(paths, skip_bad=skip_bad, warn=warn))


def run_extraction(paths, ontologies, skip_bad=False, jobs=1, engine="fast"):
    from ..extract import extract_all
    from ..ontology import load_ontology

    postings = load_postings(paths, skip_bad)
    ont = load_ontology(ontologies)
    if len(postings) >= 500 and sys.stderr.isatty():
        with click.progressbar(length=len(postings), label="extracting", file=sys.stderr) as bar:
            return ont, extract_all(postings, ont, jobs=jobs, engine=engine, progress=bar.update)
    return ont, extract_all(postings, ont, jobs=jobs, engine=engine)


@main.command("extract")
@click.argument("paths", nargs=-1, required=True)
@ontology_option
@click.option("--format", "fmt", type=click.Choice(["json", "jsonl", "csv", "table"]), default="table",
              show_default=True)
@click.option("--include-text", is_flag=True, help="Add the text the offsets refer to.")
@click.option("--skip-bad", is_flag=True, help="Warn about unusable postings and go on with the rest.")
@click.option("--jobs", "-j", type=click.IntRange(1, 64), default=1, show_default=True,
              help="Worker processes.")
@click.option("--engine", type=click.Choice(["fast", "spacy"]), default="fast", show_default=True,
              help="Sentences from our rule-based splitter (fast) or spaCy's sentencizer.")
def extract_cmd(paths, ontologies, fmt, include_text, skip_bad, jobs, engine):
    """Link the skills in job postings (files, directories, or - for stdin) to the ontology.

    PATHS may be .txt, .md, .html, .json, .jsonl, .csv files or directories.
    """
    from ..model import extraction_to_dict

    _, xs = run_extraction(paths, ontologies, skip_bad, jobs, engine)
    if fmt in ("json", "jsonl"):
        import orjson   # ~15x faster than json with indent: output was a third of the run time

        if fmt == "json":
            click.echo(orjson.dumps([extraction_to_dict(x, include_text) for x in xs], option=orjson.OPT_INDENT_2))
        else:
            out = click.get_binary_stream("stdout")
            for x in xs:
                out.write(orjson.dumps(extraction_to_dict(x, include_text), option=orjson.OPT_APPEND_NEWLINE))
    else:
        rows = [{"posting": x.posting.id, "concept": m.concept, "label": m.label, "text": m.text,
                 "start": m.start, "end": m.end, "requirement": m.requirement, "section": m.section,
                 "sentence": m.sentence}
                for x in xs for m in x.mentions]
        cols = ["posting", "label", "requirement", "text", "start", "end", "section"] if fmt == "table" else None
        render(rows, fmt, cols)
        if fmt == "table":
            for x in xs:
                teams = "; ".join(f"{t.name} ({t.role})" for t in x.teams)
                click.echo(f"{x.posting.id}: {x.posting.title or '?'} — {len(x.skills)} skills; teams: {teams or '-'}",
                           err=True)
