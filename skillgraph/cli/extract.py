"""`skillgraph extract`: postings in, linked skill mentions out."""
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
from .render import csv_text, render


def run_extraction(paths, ontologies, skip_bad=False, jobs=1, engine="fast", max_bytes=None, linker="exact",
                   min_score=None, fields=None):
    """:func:`skillgraph.pipeline.extract_paths` with the CLI's warnings and progress bar."""
    from ..pipeline import extract_paths

    kw = {} if max_bytes is None else {"max_bytes": max_bytes}
    return extract_paths(paths, ontologies, skip_bad=skip_bad, jobs=jobs, engine=engine, warn=warn,
                         progress=progress_bar, summary=note if skip_bad else None, linker=linker,
                         min_score=min_score, fields=fields, **kw)


def _jsonl_chunks(xs, include_text: bool, size: int = 1 << 20):
    import orjson

    from ..model import extraction_to_dict

    buf: list[bytes] = []
    n = 0
    for x in xs:
        line = orjson.dumps(extraction_to_dict(x, include_text), option=orjson.OPT_APPEND_NEWLINE)
        buf.append(line)
        n += len(line)
        if n >= size:
            yield b"".join(buf)
            buf, n = [], 0
    if buf:
        yield b"".join(buf)


def _print_json(xs, fmt: str, include_text: bool, out: str | None = None) -> None:
    """JSON or JSON lines to stdout, or atomically to ``out``: every byte written (short writes
    resumed) or exit 1, never a cut file."""
    import orjson  # ~15x faster than json with indent: output was a third of the run time

    from ..model import extraction_to_dict
    from ..outputs import atomic_file, write_stdout

    if fmt == "json":
        chunks = [orjson.dumps([extraction_to_dict(x, include_text) for x in xs], option=orjson.OPT_INDENT_2)
                  + b"\n"]
    else:
        chunks = _jsonl_chunks(xs, include_text)
    if out is None:
        write_stdout(chunks)
        return
    with atomic_file(out, "wb") as fh:
        for chunk in chunks:
            fh.write(chunk)
    _wrote(out, xs)


def _wrote(out: str, xs) -> None:
    click.echo(f"wrote {out}: {len(xs)} postings, {sum(len(x.mentions) for x in xs)} mentions", err=True)


_CSV_COLUMNS = ["posting", "concept", "label", "text", "start", "end", "requirement", "section", "sentence"]


def _print_rows(xs, fmt: str, out: str | None = None) -> None:
    rows = [{"posting": x.posting.id, "concept": m.concept, "label": m.label, "text": m.text,
             "start": m.start, "end": m.end, "requirement": m.requirement, "section": m.section,
             "sentence": m.sentence}
            for x in xs for m in x.mentions]
    if out is not None:  # csv (a table goes to the terminal: refused before the run)
        from ..outputs import write_text

        write_text(out, csv_text(rows, _CSV_COLUMNS))
        _wrote(out, xs)
        return
    cols = ["posting", "label", "requirement", "text", "start", "end", "section"] if fmt == "table" else _CSV_COLUMNS
    render(rows, fmt, cols)
    if fmt == "table":
        for x in xs:
            teams = "; ".join(f"{t.name} ({t.role})" for t in x.teams)
            click.echo(f"{x.posting.id}: {x.posting.title or '?'} — {len(x.skills)} skills; teams: {teams or '-'}",
                       err=True)


def _write_parquet(xs, out: str) -> None:
    from ..engines.tables import MENTION_DDL, mention_rows, write_parquet
    from ..errors import InputError

    try:
        import pyarrow  # noqa: F401
    except ImportError:
        raise InputError("--format parquet needs pyarrow — pip install 'skillgraph[spark]'") from None
    n = write_parquet([r for x in xs for r in mention_rows(x)], MENTION_DDL, out)
    click.echo(f"wrote {out}: {len(xs)} postings, {n} mentions", err=True)


@main.command("extract")
@click.argument("paths", nargs=-1, required=True)
@ontology_option()
@click.option("--format", "fmt", type=click.Choice(["json", "jsonl", "csv", "table", "parquet"]), default="table",
              show_default=True, help="parquet: one row per mention (like mentions.parquet), to --out.")
@click.option("--out", "out", type=click.Path(dir_okay=False), default=None,
              help="File to write, atomically, instead of stdout (json, jsonl, csv; needed for --format parquet, "
                   "which needs pyarrow: pip install 'skillgraph[spark]').")
@click.option("--include-text", is_flag=True, help="Add the text the offsets refer to.")
@skip_bad_option
@jobs_option
@click.option("--engine", type=click.Choice(["fast", "spacy"]), default="fast", show_default=True,
              help="Sentences from our rule-based splitter (fast) or spaCy's sentencizer.")
@max_bytes_option
@linker_options
@field_option
def extract_cmd(paths, ontologies, fmt, out, include_text, skip_bad, jobs, engine, max_bytes, linker, min_score,
                fields):
    """Link the skills in job postings (files, directories, or - for stdin) to the ontology.

    PATHS may be .txt, .md, .html, .json, .jsonl, .csv, .parquet files or directories.
    """
    if fmt == "parquet" and not out:
        raise click.UsageError("--format parquet writes a file: add --out FILE.parquet")
    if include_text and fmt not in ("json", "jsonl"):
        raise click.UsageError("--include-text adds the posting's text to json and jsonl: add --format jsonl")
    if fmt == "table" and out:
        raise click.UsageError("--out writes json, jsonl, csv or parquet, not a table: "
                               "add --format jsonl (or json, csv)")
    _, xs = run_extraction(paths, ontologies, skip_bad, jobs, engine, max_bytes, linker, min_score,
                           fields)
    if fmt == "parquet":
        _write_parquet(xs, out)
    elif fmt in ("json", "jsonl"):
        _print_json(xs, fmt, include_text, out)
    else:
        _print_rows(xs, fmt, out)
