"""Options several commands share, declared once: ``--ontology``, ``--format``, ``--skip-bad``, ``--jobs``,
and the progress bar long runs show."""
from __future__ import annotations

import contextlib
import sys

import click

from ..vocab import LEVELS

__all__ = ["FORMATS", "LEVELS", "field_option", "format_option", "given", "jobs_option", "linker_options",
           "max_bytes_option", "note", "ontology_option", "progress_bar", "skip_bad_option", "warn"]

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

def _bytes(value) -> int | None:
    """``100000000``, ``100MB``, ``1.5G``, ``500k`` → bytes."""
    if value is None or isinstance(value, int):
        return value
    s = str(value).strip().lower().removesuffix("b").replace("_", "").replace(",", "")
    mult = {"k": 10**3, "m": 10**6, "g": 10**9, "t": 10**12}.get(s[-1:], 1)
    try:
        n = float(s[:-1] if mult > 1 else s) * mult
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a size — give bytes such as 500000000 or 500MB") from None
    if n < 1:
        raise click.BadParameter("give a positive size")
    return int(n)


max_bytes_option = click.option(
    "--max-bytes", "max_bytes", default=None, callback=lambda ctx, p, v: _bytes(v),
    help="Refuse posting files (and stdin) larger than this: bytes, or 500MB, 2GB  [default: 100MB, "
         "skillgraph.ingest.MAX_BYTES]")

def given(name: str) -> bool:
    """Whether the running command's parameter ``name`` was typed on the command line (not its default):
    an option that applies only with another is refused when given alone, never ignored."""
    return click.get_current_context().get_parameter_source(name) is click.core.ParameterSource.COMMANDLINE


def linker_options(f):
    """``--linker exact|hybrid`` and ``--min-score``, handed to the command as ``linker`` and ``min_score``."""
    import functools

    from ..extraction.hybrid import LINKERS, MIN_SCORE

    command = f

    @functools.wraps(command)
    def checked(*args, **kwargs):
        if kwargs.get("linker") == "exact" and given("min_score"):
            raise click.UsageError("--min-score is the hybrid linker's threshold: add --linker hybrid")
        return command(*args, **kwargs)

    f = click.option("--min-score", "min_score", type=click.FloatRange(0.0, 1.0), default=MIN_SCORE,
                     show_default=True,
                     help="Hybrid linker: a model span links when its best concept scores at least this; "
                          "below it the span is kept as a candidate.")(checked)
    return click.option("--linker", type=click.Choice(LINKERS), default="exact", show_default=True,
                        help="exact: the ontology's labels and their variants (fastest); hybrid: also the "
                             "trained span model, its spans linked with scores.")(f)


def _fields(ctx, param, values):
    """``("text=description", "company=employer")`` → {"text": "description", "company": "employer"},
    each kind checked (an unknown kind is one line naming the kinds)."""
    from ..ingest.fields import field_names, parse_field

    pairs = [parse_field(v) for v in values]
    field_names(pairs)                       # fails early on an unknown kind
    return dict(pairs) or None


field_option = click.option(
    "--field", "fields", multiple=True, metavar="KIND=COLUMN", callback=_fields,
    help="Name the record field (CSV column, JSON key) of a kind: text, id, title, company, location; "
         "repeatable, e.g. --field text=description --field company=employer. Without it the usual names "
         "are tried, case and separators ignored (companyName = company_name).")

jobs_option = click.option("--jobs", "-j", type=click.IntRange(1, 64), default=1, show_default=True,
                           help="Worker processes.")


def note(msg: str) -> None:
    """One plain line on stderr (the ``read N postings: …`` summary)."""
    click.echo(msg, err=True)


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
