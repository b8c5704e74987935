"""The command line: a thin shell over the library.

Each command parses its options, calls one library function and hands rows to :func:`render`.
Errors become one line on stderr and exit code 1 here, in :class:`_Group`, and nowhere else.
Heavy libraries (spaCy, pyvis, pyshacl) are imported inside the commands that need them, so
``skillgraph --help`` answers at once.

Commands live in sub-modules by job (``extract``, ``graph``, ``rdf``, ``viz``); each registers
itself on :data:`main`.
"""
from __future__ import annotations

import csv
import io
import json

import click

from ..errors import SkillGraphError

FORMATS = ("table", "json", "csv")


class _Group(click.Group):
    """Converts every SkillGraphError (and a few OS errors) into one clean line + exit 1."""

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except SkillGraphError as exc:
            click.echo(f"error: {exc}", err=True)
            ctx.exit(1)
        except (BrokenPipeError, KeyboardInterrupt):
            ctx.exit(130)
        except OSError as exc:
            where = f" {exc.filename}" if getattr(exc, "filename", None) else ""
            click.echo(f"error:{where}: {exc.strerror or exc}", err=True)
            ctx.exit(1)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="skillgraph")
def main():
    """skillgraph: job postings -> ontology-linked skill mentions -> role-skill-team graph."""


format_option = click.option(
    "--format", "fmt", type=click.Choice(FORMATS), default="table", show_default=True,
    help="Output format.",
)


def render(rows: list[dict] | dict, fmt: str, columns: list[str] | None = None) -> None:
    """Print ``rows`` as an aligned table, JSON or CSV. A dict is printed as JSON as is."""
    if fmt == "json" or isinstance(rows, dict):
        click.echo(json.dumps(rows, indent=2, ensure_ascii=False, sort_keys=False))
        return
    if not rows:
        if fmt == "table":
            click.echo("(nothing)", err=True)
        return
    cols = columns or list(rows[0].keys())

    def cell(v):
        if v is None:
            return ""
        if isinstance(v, float):
            return f"{v:.3f}"
        if isinstance(v, (list, tuple)):
            return "; ".join(cell(x) for x in v)
        if isinstance(v, dict):
            return json.dumps(v, ensure_ascii=False)
        return str(v)

    if fmt == "csv":
        buf = io.StringIO()
        w = csv.writer(buf, lineterminator="\n")
        w.writerow(cols)
        for r in rows:
            w.writerow([cell(r.get(c)) for c in cols])
        click.echo(buf.getvalue(), nl=False)
        return
    table = [[cell(r.get(c)) for c in cols] for r in rows]
    widths = [min(max(len(c), *(len(t[i]) for t in table)), 60) for i, c in enumerate(cols)]

    def fit(s, w):
        return s if len(s) <= w else s[: w - 1] + "…"

    click.echo("  ".join(c.upper().ljust(w) for c, w in zip(cols, widths)).rstrip())
    for t in table:
        click.echo("  ".join(fit(v, w).ljust(w) for v, w in zip(t, widths)).rstrip())


# Each module adds its commands to `main` when imported.
from . import extract, graph, ontology, rdf, viz  # noqa: E402,F401
