"""``skillgraph build --engine spark``: the main job with reading and extraction on Spark.

Spark reads and extracts every posting (:mod:`skillgraph.engines.inputs`), writes ``mentions.parquet/``
and ``postings.parquet/`` and the aggregate tables (:mod:`skillgraph.engines.aggregates`) into the build
folder with its own writer (:data:`DEFAULT_PARTITIONS` files each unless told, each file sorted, so the
same input gives the same bytes), and the graph files are then built here by the local code
(:func:`skillgraph.pipeline.write_graph_files`), all swapped in as one set (:func:`skillgraph.outputs.output_set`).

Up to ``max_roles`` postings the extractions come back to the driver and the graph is the local build's,
byte for byte; above it the graph is the aggregated one (:mod:`skillgraph.graph.aggregated`).
"""
from __future__ import annotations

import pickle
from pathlib import Path
from typing import Callable, Sequence

from ..ingest.readers import MAX_BYTES
from ..pipeline import DEFAULT_INPUT, BuildResult, Written, write_graph_files

__all__ = ["DEFAULT_PARTITIONS", "MAX_ROLES", "build_spark", "session"]

MAX_ROLES = 5000
"""Above this many postings the graph is the aggregated one: one role node per posting makes graph.json,
Turtle and the HTML page grow with the corpus (about 30 KB of graph.json per posting with its evidence)
and the driver would hold every extraction."""

DEFAULT_PARTITIONS = 8
"""Partitions of the extraction and files per written table (fixed, so the output does not depend on the
cluster's size)."""


def session(master: str | None = None, partitions: int = DEFAULT_PARTITIONS):
    """The active SparkSession (spark-submit's, a notebook's), else a new one on ``master`` (Spark's own
    default when None)."""
    from pyspark.sql import SparkSession

    active = SparkSession.getActiveSession()
    if active is not None:
        return active
    b = SparkSession.builder.appName("skillgraph").config("spark.ui.showConsoleProgress", "false")
    if master:
        b = b.master(master)
    s = b.config("spark.sql.shuffle.partitions", str(partitions)).getOrCreate()
    s.sparkContext.setLogLevel("ERROR")
    return s


def _tables(events):
    """(mentions, postings) DataFrames of the ``posting`` events, with file/seq for sorting."""
    from .tables import MENTION_DDL, POSTING_DDL, arrow_schema, mention_rows, posting_row

    def rows(what: str):
        ddl = "file int, seq int, " + (MENTION_DDL if what == "m" else POSTING_DDL)

        def run(batches):
            import pyarrow as pa

            schema = arrow_schema(ddl)
            for batch in batches:
                out = []
                for e in batch.to_pylist():
                    x = pickle.loads(e["x"])
                    got = mention_rows(x) if what == "m" else [posting_row(x)]
                    out.extend({"file": e["file"], "seq": e["seq"], **r} for r in got)
                yield pa.RecordBatch.from_pylist(out, schema=schema)
        return run, ddl

    src = events.where("kind = 'posting'").select("file", "seq", "x")
    m_run, m_ddl = rows("m")
    p_run, p_ddl = rows("p")
    return src.mapInArrow(m_run, m_ddl), src.mapInArrow(p_run, p_ddl)


def _write(df, path: Path, keys: Sequence[str], partitions: int, drop: Sequence[str] = ()) -> None:
    """``partitions`` files, rows spread by a hash of the first two keys (Murmur3: fixed) and sorted by ``keys``
    in each, no timestamps in them: the same rows give the same bytes. (Range partitioning would sort
    across files too, but its boundaries come from a sample that follows the order shuffles deliver rows
    in, which varies from run to run.)"""
    df = df.repartition(partitions, *keys[:2]).sortWithinPartitions(*keys)
    if drop:
        df = df.drop(*drop)
    df.write.mode("overwrite").parquet(str(path.resolve()))


def _problems(events, early, sink) -> None:
    """Every bad record in reading order: the first raised (no skip_bad) or each warned and counted;
    a warning about a record that was kept (a blank one) is said in its place."""
    from ..errors import InputError

    said = [(r["file"], r["seq"], r["message"], r["kind"]) for r in
            events.where("kind in ('bad', 'warn')").select("file", "seq", "message", "kind").collect()]
    for _, _, message, kind in sorted(said + [(*e, "bad") for e in early]):
        if kind == "warn":
            sink.warn(message)
        else:
            sink.fail(InputError(message))


def _graph(spark_tables, events, ont, n: int, max_roles: int):
    """(graph, extractions or []) of ``n`` postings: the local graph up to ``max_roles``, else aggregated."""
    if n > max_roles:
        from ..graph.aggregated import build_aggregated_graph

        rows = {k: [r.asDict() for r in spark_tables[k].collect()] for k in ("skills", "skill_companies",
                                                                              "team_links")}
        return build_aggregated_graph(rows, ont, n), []
    from ..extraction.boilerplate import mark_boilerplate
    from ..graph import build_graph

    got = events.where("kind = 'posting'").select("file", "seq", "x").collect()
    xs = mark_boilerplate([pickle.loads(r["x"]) for r in sorted(got, key=lambda r: (r["file"], r["seq"]))])
    return build_graph(xs, ont), xs


def build_spark(paths=DEFAULT_INPUT, *, out: str | Path = "outputs", ontology_files: Sequence[str] = (),
                skip_bad: bool = False, warn: Callable[[str], None] | None = None,
                on_written: Callable[[Written], None] | None = None, max_bytes: int | None = MAX_BYTES,
                summary: Callable[[str], None] | None = None, master: str | None = None,
                partitions: int = DEFAULT_PARTITIONS, max_roles: int = MAX_ROLES, spark=None) -> BuildResult:
    """:func:`skillgraph.pipeline.build` on Spark (``spark``, or :func:`session` on ``master``): the same
    graph.json and skillgraph.ttl up to ``max_roles`` postings, plus ``mentions.parquet/``,
    ``postings.parquet/`` and the aggregate tables (``<name>.parquet/``), and no mentions.jsonl."""
    from pyspark import StorageLevel

    from ..ingest.problems import Sink, stderr_warn
    from ..ontology import load_ontology
    from ..outputs import output_set
    from .aggregates import SORT, TABLES, aggregates
    from .inputs import events_dataframe, list_inputs
    from .spark import ontology_bytes

    ont = load_ontology(ontology_files)
    sink = Sink(skip_bad, warn or stderr_warn)
    files = list_inputs(tuple(paths) or DEFAULT_INPUT, sink)
    spark = spark or session(master, partitions)
    out = Path(out)
    with output_set(out) as stage:
        events, early = events_dataframe(spark, files, ontology_bytes(ont), partitions=partitions,
                                         max_bytes=max_bytes)
        events = events.persist(StorageLevel.MEMORY_AND_DISK)
        try:
            _problems(events, early, sink)
            skipped = sink.skipped
            n = events.where("kind = 'posting'").count()
            if summary is not None:
                summary(f"read {n + skipped} postings: {n} kept, {skipped} skipped")
            written = _write_tables(events, stage, out, partitions, aggregates, SORT, TABLES)
            G, xs = _graph(written.pop(), events, ont, n, max_roles)
        finally:
            events.unpersist()
        note = f" (aggregated: {n:,} postings > --max-roles {max_roles:,}, no role nodes)" if n > max_roles else ""
        files_out = written[0] + write_graph_files(G, stage, out, graph_note=note)
    if on_written is not None:
        for w in files_out:
            on_written(w)
    return BuildResult(G, xs, files_out)


def _write_tables(events, stage: Path, out: Path, partitions: int, aggregates, sort, tables) -> list:
    """Write mentions/postings and the aggregates; returns [written files, aggregate DataFrames]."""
    mentions, postings = _tables(events)
    files = []
    for name, df, keys in (("mentions", mentions, ("file", "seq", "start", "end", "concept")),
                           ("postings", postings, ("file", "seq"))):
        df = df.cache()
        _write(df, stage / f"{name}.parquet", keys, partitions, drop=("file", "seq"))
        files.append((name, df))
    m, p = (df.drop("file", "seq") for _, df in files)
    agg = aggregates(m, p)
    written = [Written(out / "mentions.parquet", f"{m.count()} mentions"),
               Written(out / "postings.parquet", f"{p.count()} postings")]
    for name in tables:
        df = agg[name].cache()
        _write(df, stage / f"{name}.parquet", sort[name], partitions)
        written.append(Written(out / f"{name}.parquet", f"{df.count()} rows"))
    return [written, agg]
