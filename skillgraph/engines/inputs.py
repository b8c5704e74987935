"""Posting files read and extracted on Spark with OUR readers, so bad records give the very same one-line
messages (``<path>:<line>: …``) and ``--skip-bad`` counts as the local build.

The driver lists the inputs (:func:`list_inputs`, the local reader's walk: sorted, hidden files skipped,
each real file once). JSONL, CSV, JSON, text and HTML files go to the executors as one row each (a file is
one task's work: split very large files, or use Parquet); each executor reads the file and parses it with
:mod:`skillgraph.ingest` and extracts each posting with the one Extractor of its process
(:func:`skillgraph.engines.spark.extractor_for`). Parquet files are read by Spark's own reader (splittable);
their rows numbered 1, 2, … in file order as locally, each parsed by the same record reader.

Every file gives *events* in reading order, rows of :data:`RESULT_DDL`: a posting (its pickled Extraction)
or a bad record (its message). The driver raises the first bad one (no ``--skip-bad``) or warns each.
"""
from __future__ import annotations

import os
import pickle
from collections import Counter

__all__ = ["RESULT_DDL", "events_dataframe", "list_inputs"]

RESULT_DDL = "file int, seq int, kind string, message string, x binary"
"""One row per event: the file's index in reading order, the event's number in the file (for Parquet, the
row number), ``posting`` (``x`` the pickled Extraction) or ``bad`` (``message`` the one-line error)."""

FILE_DDL = "file int, path string, display string, name string, ext string"
RECORD_DDL = "file int, seq int, record binary"


def list_inputs(paths, sink) -> list[tuple[int, str, str, str, str]]:
    """(file index, path, display path, posting-id name, extension) of every input file, as the local
    reader names them (:func:`skillgraph.ingest.read_postings`). Standard input is refused."""
    from ..ingest.problems import input_error
    from ..ingest.readers import _collect, _safe

    inputs = _collect(paths, sink)
    if any(p == "-" for p, _, _ in inputs):
        raise input_error("-", None, "the Spark engine reads files, not standard input",
                          "save the postings to a file (or use the local engine)")
    counts = Counter(os.path.basename(rel) for _, rel, _ in inputs)
    out = []
    for i, (path, rel, ext) in enumerate(inputs):
        base = os.path.basename(rel)
        out.append((i, path, _safe(path), _safe(base if counts[base] == 1 else rel), ext))
    return out


class _Events:
    """A :class:`~skillgraph.ingest.problems.Sink` that records instead of raising: every bad record
    and every posting of one file, in reading order."""

    def __init__(self, file: int):
        self.file, self.rows, self.skip_bad, self.skipped = file, [], True, 0

    def fail(self, exc) -> None:
        self.add("bad", message=str(exc))

    def warn(self, message: str) -> None:
        self.add("warn", message=message)

    def add(self, kind: str, *, message: str | None = None, x: bytes | None = None, seq: int | None = None):
        n = len(self.rows) if seq is None else seq
        self.rows.append({"file": self.file, "seq": n, "kind": kind, "message": message, "x": x})


def _extracted(ex, postings, events: _Events, seq: int | None = None) -> None:
    for p in postings:
        events.add("posting", x=pickle.dumps(ex.extract(p), protocol=pickle.HIGHEST_PROTOCOL), seq=seq)


def _file_events(batches, data: bytes, max_bytes: int | None):
    """mapInArrow body: rows of :data:`FILE_DDL` → rows of :data:`RESULT_DDL` (read, parse, extract)."""
    import pyarrow as pa

    from ..errors import InputError
    from ..ingest.readers import _read_file, _read_source
    from ..speed import paused_gc
    from .spark import extractor_for
    from .tables import arrow_schema

    ex, schema = extractor_for(data), arrow_schema(RESULT_DDL)
    for batch in batches:
        for f in batch.to_pylist():
            events = _Events(f["file"])
            try:
                raw = _read_file(f["path"], max_bytes)
            except InputError as exc:
                events.fail(exc)
            else:
                with paused_gc():
                    _extracted(ex, _read_source(f["display"], f["name"], events, raw, f["ext"]), events)
            yield pa.RecordBatch.from_pylist(events.rows, schema=schema)


def _record_events(batches, data: bytes, names: dict[int, tuple[str, str]]):
    """mapInArrow body: Parquet rows (:data:`RECORD_DDL`, the record pickled) → rows of :data:`RESULT_DDL`."""
    import pyarrow as pa

    from ..ingest.records import records_to_postings
    from .spark import extractor_for
    from .tables import arrow_schema

    ex, schema = extractor_for(data), arrow_schema(RESULT_DDL)
    for batch in batches:
        rows = []
        for r in batch.to_pylist():
            display, name = names[r["file"]]
            events = _Events(r["file"])
            recs = [(r["seq"], pickle.loads(r["record"]))]
            before = len(events.rows)
            _extracted(ex, records_to_postings(recs, display, name, events, False, numbered_by="record"),
                       events, seq=r["seq"])
            for row in events.rows[before:]:
                row["seq"] = r["seq"]
            rows.extend(events.rows)
        yield pa.RecordBatch.from_pylist(rows, schema=schema)


def _parquet_check(path: str, display: str) -> str | None:
    """A Parquet file's footer read on the driver: a damaged file is the local reader's one line."""
    from ..ingest.parquet import unreadable

    try:
        import pyarrow.parquet as pq

        pq.ParquetFile(path)
    except Exception as exc:  # pyarrow raises ArrowInvalid, OSError, … for a damaged file
        return str(unreadable(display, exc))
    return None


def _parquet_records(spark, file: int, path: str, partitions: int):
    """A Parquet file's rows by Spark's reader, numbered 1, 2, … in file order (``zipWithIndex``)."""
    df = spark.read.parquet(path)

    def row(t):
        return file, t[1] + 1, pickle.dumps(t[0].asDict(recursive=True), protocol=pickle.HIGHEST_PROTOCOL)

    return spark.createDataFrame(df.rdd.zipWithIndex().map(row), RECORD_DDL).repartition(partitions)


def events_dataframe(spark, files, ontology_data, *, partitions: int, max_bytes: int | None):
    """(the events of every input file (:data:`RESULT_DDL`) as a lazy DataFrame, the (file, 0, message) of
    damaged Parquet files found on the driver). The ontology bytes go out once (broadcast); ``files`` as
    :func:`list_inputs` gives them."""
    bc = spark.sparkContext.broadcast(ontology_data)
    plain = [f for f in files if f[4] != ".parquet"]
    parts = []
    if plain:
        fdf = spark.createDataFrame(plain, FILE_DDL).repartition(min(partitions, len(plain)), "file")

        def on_files(it):
            return _file_events(it, bc.value, max_bytes)

        parts.append(fdf.mapInArrow(on_files, RESULT_DDL))
    names = {f[0]: (f[2], f[3]) for f in files if f[4] == ".parquet"}
    early = []

    def on_records(it):
        return _record_events(it, bc.value, names)

    for f in files:
        if f[4] != ".parquet":
            continue
        bad = _parquet_check(f[1], f[2])
        if bad:
            early.append((f[0], 0, bad))
        else:
            parts.append(_parquet_records(spark, f[0], f[1], partitions).mapInArrow(on_records, RESULT_DDL))
    out = parts[0] if parts else spark.createDataFrame([], RESULT_DDL)
    for p in parts[1:]:
        out = out.unionByName(p)
    return out, early
