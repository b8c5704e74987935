"""`skillgraph eval`: score extraction on postings against a gold file (:mod:`skillgraph.evaluate`)."""
from __future__ import annotations

import click

from .app import main
from .options import FORMATS, LEVELS, linker_options, ontology_option, skip_bad_option
from .render import render


def _figure_rows(rep) -> list[dict]:
    rows = [{"metric": k, "value": v} for k, v in rep.figures.items()]
    if rep.spans:
        for kind in ("strict", "overlap"):
            rows += [{"metric": f"span_{kind}_{k}", "value": v} for k, v in rep.spans[kind].items()]
    return rows


def _confusion_rows(rep) -> list[dict]:
    return [{"gold \\ got": g, **{lv: rep.confusion[g][lv] for lv in LEVELS}} for g in LEVELS]


def _finding_rows(rep) -> list[dict]:
    rows = [{"finding": "miss", "posting": m["posting"], "name": m["name"], "detail": m["why"]} for m in rep.misses]
    rows += [{"finding": "false link", "posting": f["posting"], "name": f["label"],
              "detail": f"{f['concept']} ({f['level']})"} for f in rep.false_links]
    rows += [{"finding": "level", "posting": e["posting"], "name": e["name"],
              "detail": f"got {e['got']}, gold {e['gold']}"} for e in rep.level_errors]
    return rows


@main.command("eval")
@click.argument("gold", required=False, type=click.Path(dir_okay=False))
@click.option("--postings", multiple=True, type=click.Path(),
              help="The postings the gold describes (files or folders; repeatable)  [default: seeds/]")
@ontology_option()
@linker_options
@skip_bad_option
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="table", show_default=True,
              help="table: figures, level confusion matrix and findings; json: all of it as one object; "
                   "csv: the figures then one row per finding.")
def eval_cmd(gold, postings, ontologies, linker, min_score, skip_bad, fmt):
    """Score extraction of POSTINGS against GOLD (docs/gold-format.md; default: the shipped gold of the
    seeds): linking recall/precision/F1, level accuracy and confusion matrix (rows: the gold's level,
    columns: the extracted one), team recall, span precision/recall where the gold gives spans, and every
    miss, false link and level error. Same rules as ../shared/tools/eval_gold.py."""
    from ..evaluate import evaluate, load_gold, seeds_gold_path
    from .extract import run_extraction

    g = load_gold(gold or seeds_gold_path())
    ont, xs = run_extraction(postings or ("seeds",), ontologies, skip_bad=skip_bad, linker=linker,
                             min_score=min_score)
    rep = evaluate(g, xs, ont)
    if fmt == "json":
        render(rep.to_dict(), "json")
        return
    if fmt == "csv":
        render([{"finding": "figure", "posting": "", "name": r["metric"], "detail": r["value"]}
                for r in _figure_rows(rep)] + _finding_rows(rep), "csv")
        return
    render(_figure_rows(rep), "table")
    click.echo()
    render(_confusion_rows(rep), "table")
    findings = _finding_rows(rep)
    if findings:
        click.echo()
        render(findings, "table")
    if rep.unscored:
        click.echo(f"note: {len(rep.unscored)} postings have no gold entry and were not scored", err=True)
