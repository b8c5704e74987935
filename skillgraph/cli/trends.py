"""`skillgraph diff OLD NEW`: trends between two snapshots (:mod:`skillgraph.trends`)."""
from __future__ import annotations

import click

from .app import main
from .options import (
    format_option,
    jobs_option,
    linker_options,
    max_bytes_option,
    note,
    ontology_option,
    skip_bad_option,
    warn,
)
from .render import render

_SKILL_TABLE = ["skill", "level", "old", "old_share", "new", "new_share", "change", "q"]
_ROLE_TABLE = ["role", "company", "distance", "added", "dropped"]


def _shown(r: dict) -> dict:
    """A row for the table: shares in percent, the change in percentage points, p and q to 3 digits."""
    out = dict(r)
    for k in ("old_share", "new_share"):
        out[k] = f"{100 * r[k]:.1f}%"
    out["change"] = f"{100 * r['change']:+.1f} pt"
    for k in ("p", "q"):
        out[k] = "" if r[k] is None else f"{r[k]:.3g}"
    return out


def _section(title: str, rows: list[dict], cols: list[str], top: int) -> None:
    click.echo(f"\n{title} ({len(rows):,})")
    if rows:
        render([_shown(r) if "change" in r else r for r in rows[:top]], "table", cols)
    if len(rows) > top:
        click.echo(f"… {len(rows) - top:,} more (--top N, or --format json/csv for every row)")


def _table(res: dict, top: int) -> None:
    o, n, c, t = res["old"], res["new"], res["counts"], res["threshold"]
    click.echo(f"OLD {o['source']}: {o['postings']:,} postings · NEW {n['source']}: {n['postings']:,} postings")
    click.echo(f"{t['test']}; {t['rule']}: {c['rising']:,} rising, {c['falling']:,} falling, "
               f"{c['not_significant']:,} not significant, {c['too_few']:,} too few to test")
    _section("rising", res["rising"], _SKILL_TABLE, top)
    _section("falling", res["falling"], _SKILL_TABLE, top)
    _section("new skills", res["new_skills"], ["skill", "new", "new_share", "q", "status"], top)
    _section("vanished skills", res["vanished_skills"], ["skill", "old", "old_share", "q", "status"], top)
    _section(f"roles changed (of {c['roles_matched']:,} matched by title+company)", res["roles"], _ROLE_TABLE, top)


@main.command("diff")
@click.argument("old", type=click.Path())
@click.argument("new", type=click.Path())
@ontology_option("Extra SKOS Turtle merged with the shipped ontology (for postings sides).")
@format_option
@click.option("--html", "html", type=click.Path(dir_okay=False), default=None,
              help="Also write an offline HTML report with charts to this file.")
@click.option("--alpha", type=click.FloatRange(0, 1, min_open=True, max_open=True), default=0.05,
              show_default=True, help="A change is a trend when its Benjamini-Hochberg adjusted p is below this.")
@click.option("--min-postings", type=click.IntRange(1), default=5, show_default=True,
              help="Test a skill only when OLD and NEW together have this many postings requiring it.")
@click.option("--top", type=click.IntRange(1), default=20, show_default=True,
              help="Rows per section in the table (json and csv carry every row).")
@click.option("--roles", "role_rows", is_flag=True, help="csv: the changed roles instead of the skill rows.")
@skip_bad_option
@jobs_option
@max_bytes_option
@linker_options
def diff_cmd(old, new, ontologies, fmt, html, alpha, min_postings, top, role_rows, skip_bad, jobs, max_bytes,
             linker, min_score):
    """Skills rising and falling in demand from OLD to NEW (share of postings, overall and by level),
    new and vanished skills, and the roles whose requirements changed most.

    OLD and NEW are each a graph (graph.json, or an export: .ttl, .jsonld) or postings (a file or
    folder, extracted like `skillgraph build`). Significance: Fisher's exact test per skill, adjusted
    for the number of skills (Benjamini-Hochberg); see --alpha and --min-postings."""
    from ..trends import diff, load_side, write_report

    kw = {"skip_bad": skip_bad, "jobs": jobs, "linker": linker, "min_score": min_score, "warn": warn,
          "summary": note if skip_bad else None}
    if max_bytes is not None:
        kw["max_bytes"] = max_bytes
    res = diff(load_side(old, ontologies, **kw), load_side(new, ontologies, **kw), alpha=alpha,
               min_postings=min_postings)
    if html:
        rep = write_report(res, html)
        click.echo(f"wrote {rep['path']}: {rep['bytes'] / 1e3:.0f} kB", err=True)
    if fmt == "json":
        return render(res, fmt)
    if fmt == "csv":
        return render(res["roles"] if role_rows else res["skills"], fmt)
    _table(res, top)
