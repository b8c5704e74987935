"""Options several commands share, declared once: ``--ontology``, ``--format``, ``--skip-bad``, ``--jobs``,
and the progress bar long runs show."""
from __future__ import annotations

import contextlib
import sys

import click

from ..vocab import LEVELS

__all__ = ["FORMATS", "LEVELS", "format_option", "jobs_option", "ontology_option", "progress_bar",
           "skip_bad_option", "warn"]

FORMATS = ("table", "json", "csv")

ONTOLOGY_HELP = "An extra SKOS Turtle file merged with the shipped ontology (repeatable)."

PROGRESS_FROM = 500
"""Runs of at least this many postings show a progress bar (when stderr is a terminal)."""


def ontology_option(help: str = ONTOLOGY_HELP):
    """``--ontology FILE`` (repeatable), handed to the command as ``ontologies``."""
    return click.option("--ontology", "ontologies", multiple=True, type=click.Path(dir_okay=False), help=help)


format_option = click.option(
    "--format", "fmt", type=click.Choice(FORMATS), default="table", show_default=True,
    help="Output format.",
)

skip_bad_option = click.option("--skip-bad", is_flag=True,
                               help="Warn about unusable postings and go on with the rest.")

jobs_option = click.option("--jobs", "-j", type=click.IntRange(1, 64), default=1, show_default=True,
                           help="Worker processes.")


def warn(msg: str) -> None:
    """One ``warning: …`` line on stderr."""
    click.echo(f"warning: {msg}", err=True)


def progress_bar(total: int):
    """A progress bar on stderr for long runs on a terminal; for others, a context that does nothing."""
    if total >= PROGRESS_FROM and sys.stderr.isatty():
        return _bar(total)
    return contextlib.nullcontext(None)


@contextlib.contextmanager
def _bar(total: int):
    with click.progressbar(length=total, label="extracting", file=sys.stderr) as bar:
        yield bar.update
