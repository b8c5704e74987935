"""`skillgraph build`: the main job (:func:`skillgraph.pipeline.build`)."""
from __future__ import annotations

import click

from .app import main
from .options import (
    field_option,
    given,
    jobs_option,
    linker_options,
    max_bytes_option,
    note,
    ontology_option,
    progress_bar,
    skip_bad_option,
    warn,
)


@main.command("build")
@click.argument("paths", nargs=-1)
@ontology_option()
@click.option("--out", "out", type=click.Path(file_okay=False), default="outputs", show_default=True,
              help="Directory to write into.")
@jobs_option
@skip_bad_option
@max_bytes_option
@linker_options
@click.option("--engine", type=click.Choice(("local", "spark")), default="local", show_default=True,
              help="local: this process (--jobs workers); spark: read and extract on Apache Spark "
                   "(the extra skillgraph[spark], Java 17), tables written as Parquet.")
@click.option("--master", default=None, help="Spark: the master URL (local[2], yarn, spark://…); default: "
              "spark-submit's, else Spark's own.")
@click.option("--partitions", type=click.IntRange(1, 100000), default=8, show_default=True,
              help="Spark: partitions of the work and files per Parquet table.")
@click.option("--max-roles", "max_roles", type=click.IntRange(0), default=5000, show_default=True,
              help="Spark: above this many postings the graph is the aggregated one (skills, teams, "
                   "companies with counts; no node per posting).")
@field_option
def build_cmd(paths, ontologies, out, jobs, skip_bad, max_bytes, linker, min_score, engine, master,
              partitions, max_roles, fields):
    """Read postings (default: seeds/), link their skills, build the role–skill–team graph and write
    OUT/graph.json, mentions.jsonl, summary.md, skillgraph.ttl and graph.html. The same input gives
    byte-identical files."""
    def written(w) -> None:
        click.echo(f"wrote {w.path}" + (f": {w.detail}" if w.detail else ""), err=True)

    kw = {} if max_bytes is None else {"max_bytes": max_bytes}
    if engine != "spark":
        spark_only = [f"--{n.replace('_', '-')}" for n in ("master", "partitions", "max_roles") if given(n)]
        if spark_only:
            raise click.UsageError(f"{', '.join(spark_only)}: for --engine spark only (add --engine spark, or leave "
                                   "them out)")
    if engine == "spark":
        from ..errors import InputError

        try:
            import pyspark  # noqa: F401
        except ImportError:
            raise InputError("--engine spark needs pyspark — pip install 'skillgraph[spark]' (and Java 17)") from None
        from ..engines.build import build_spark

        if linker != "exact":
            raise click.UsageError("--engine spark links with --linker exact only (the span model is not "
                                   "shipped to executors yet)")
        if fields:
            raise click.UsageError("--engine spark reads the default field names only (--field is local for now)")
        build_spark(paths, out=out, ontology_files=ontologies, skip_bad=skip_bad, warn=warn, on_written=written,
                    summary=note if skip_bad else None, master=master, partitions=partitions,
                    max_roles=max_roles, **kw)
        return
    from ..pipeline import build

    build(paths, out=out, ontology_files=ontologies, jobs=jobs, skip_bad=skip_bad, warn=warn,
          progress=progress_bar, on_written=written, summary=note if skip_bad else None,
          linker=linker, min_score=min_score, fields=fields, **kw)
