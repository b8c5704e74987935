"""Rows to the terminal: an aligned table, JSON or CSV (the ``--format`` of every listing command)."""
from __future__ import annotations

import csv
import io
import json

import click

__all__ = ["render"]


def _cell(v) -> str:
    if v is None:
        return ""
    if isinstance(v, float):
        return f"{v:.3f}"
    if isinstance(v, (list, tuple)):
        return "; ".join(_cell(x) for x in v)
    if isinstance(v, dict):
        return json.dumps(v, ensure_ascii=False)
    return str(v)


def _fit(s: str, w: int) -> str:
    return s if len(s) <= w else s[: w - 1] + "…"


#: Table columns whose cells are never cut (widened instead): a cut note ("credit from …") loses its meaning.
WHOLE_COLUMNS = ("note",)


def csv_text(rows: list[dict], columns: list[str] | None = None) -> str:
    """``rows`` as CSV with a header line (``columns``, else the first row's keys); cells never cut."""
    cols = columns or (list(rows[0].keys()) if rows else [])
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(cols)
    for r in rows:
        w.writerow([_cell(r.get(c)) for c in cols])
    return buf.getvalue()


def render(rows: list[dict] | dict, fmt: str, columns: list[str] | None = None) -> None:
    """Print ``rows`` as an aligned table, JSON or CSV. A dict is printed as JSON as is. Table cells
    are cut at 60 characters, except in :data:`WHOLE_COLUMNS`; JSON and CSV are never cut."""
    if fmt == "json" or isinstance(rows, dict):
        click.echo(json.dumps(rows, indent=2, ensure_ascii=False, sort_keys=False))
        return
    if not rows:
        if fmt == "table":
            click.echo("(nothing)", err=True)
        return
    cols = columns or list(rows[0].keys())
    if fmt == "csv":
        click.echo(csv_text(rows, cols), nl=False)
        return
    table = [[_cell(r.get(c)) for c in cols] for r in rows]
    widths = [min(max(len(c), *(len(t[i]) for t in table)), 10**9 if c in WHOLE_COLUMNS else 60)
              for i, c in enumerate(cols)]
    click.echo("  ".join(c.upper().ljust(w) for c, w in zip(cols, widths, strict=True)).rstrip())
    for t in table:
        click.echo("  ".join(_fit(v, w).ljust(w) for v, w in zip(t, widths, strict=True)).rstrip())
