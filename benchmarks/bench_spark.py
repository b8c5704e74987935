#!/usr/bin/env python3
"""The Spark engine against one local process (issue 11): postings/s, session and first-job overhead, memory.

    nice -n 19 python benchmarks/bench_spark.py [--postings 20000] [--master local[2]]

Makes ``--postings`` postings cycled from the seeds (each its own id), extracts them once with the local
Extractor in this process (the baseline) and once with :func:`skillgraph.engines.spark.extract_dataframe`
(counting mentions, so every row is extracted), then prints postings/s of each, their ratio, the time
to start the session, the time of a first one-posting job (broadcast + executor Extractor build), the
cost of one more partition (the same postings split into few and into many partitions, the time
difference over the partition difference: task scheduling plus each task's Arrow batches), and the
peak resident memory of this process and of the Spark JVM. Needs Java 17
and the extra ``skillgraph[spark]``.
"""
from __future__ import annotations

import argparse
import resource
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def postings(n: int) -> list[tuple[str, str]]:
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    return [(f"p{i:06d}", texts[i % len(texts)]) for i in range(n)]


def _hwm_mb(pid: int) -> str:
    """Peak resident memory of a live process from /proc (Linux), in MB, or '?'."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return str(int(line.split()[1]) // 1024)
    except OSError:
        pass
    return "?"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--postings", type=int, default=20000)
    ap.add_argument("--master", default="local[2]")
    ap.add_argument("--partitions", default="4,64", help="few,many partitions for the per-partition cost")
    a = ap.parse_args()

    from skillgraph.extraction.extractor import Extractor
    from skillgraph.model import Posting
    from skillgraph.ontology import load_ontology

    rows = postings(a.postings)
    ont = load_ontology()
    t = time.perf_counter()
    ex = Extractor(ont)
    n_local = sum(len(ex.extract(Posting(id=i, source=i, text=s)).mentions) for i, s in rows)
    local = time.perf_counter() - t

    from pyspark.sql import SparkSession

    from skillgraph.engines.spark import extract_dataframe

    t = time.perf_counter()
    spark = (SparkSession.builder.master(a.master).appName("bench-spark").config("spark.ui.enabled", "false")
             .getOrCreate())
    session = time.perf_counter() - t
    t = time.perf_counter()
    extract_dataframe(spark.createDataFrame(rows[:1], "id string, text string"), ont)[0].count()
    first = time.perf_counter() - t
    df = spark.createDataFrame(rows, "id string, text string").repartition(2 * spark.sparkContext.defaultParallelism)
    t = time.perf_counter()
    n_spark = extract_dataframe(df, ont)[0].count()
    dist = time.perf_counter() - t
    few, many = (int(x) for x in a.partitions.split(","))
    timed = {}
    for n in (few, many):
        part = spark.createDataFrame(rows, "id string, text string").repartition(n)
        t = time.perf_counter()
        extract_dataframe(part, ont)[0].count()
        timed[n] = time.perf_counter() - t
    per_partition = (timed[many] - timed[few]) / (many - few)
    jvm = _hwm_mb(spark.sparkContext._gateway.proc.pid)
    spark.stop()

    kb = 1024
    same = "same" if n_local == n_spark else "DIFFER"
    print(f"{a.postings} postings; mentions local {n_local}, spark {n_spark} ({same})")
    print(f"local process: {local:.1f} s, {a.postings / local:.0f} postings/s")
    print(f"spark {a.master}: {dist:.1f} s, {a.postings / dist:.0f} postings/s "
          f"(x{local / dist:.2f} of local)")
    print(f"spark session start {session:.1f} s, first one-posting job {first:.1f} s")
    print(f"{few} partitions {timed[few]:.1f} s, {many} partitions {timed[many]:.1f} s: "
          f"{per_partition * 1000:+.0f} ms per extra partition")
    print(f"peak RSS: this process {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / kb:.0f} MB, "
          f"Spark JVM {jvm} MB (VmHWM; the Python workers are not counted)")


if __name__ == "__main__":
    main()
