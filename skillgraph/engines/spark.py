"""The Spark engine: extract a DataFrame of posting texts into mention and posting DataFrames.

:func:`extract_dataframe` runs our own :class:`~skillgraph.extraction.Extractor` on the executors with
``mapInArrow``. The ontology travels once, pickled as bytes in a broadcast variable; each executor Python
process builds the Extractor once and keeps it in :data:`_EXTRACTORS` (keyed by the sha256 of those
bytes), never once per row or per batch.

pyspark and pyarrow are imported inside the functions only (the extra ``skillgraph[spark]``).
"""
from __future__ import annotations

import hashlib
import pickle

__all__ = ["MENTION_SPARK_DDL", "POSTING_SPARK_DDL", "extract_dataframe", "ontology_bytes"]

MENTION_SPARK_DDL = ("posting string, concept string, label string, text string, start int, end int, "
                     "sentence_start int, sentence_end int, section string, requirement string, "
                     "score double, how string")
"""One row per mention (the offsets index the posting's text; ``text[sentence_start:sentence_end]`` is the
sentence)."""

POSTING_SPARK_DDL = "id string, mentions int, teams array<struct<name: string, role: string, parent: string>>"
"""One row per posting: its id, how many mentions it has and the teams found in it."""

_EXTRACTORS: dict[str, object] = {}
"""Executor-side cache: sha256 of the pickled ontology → its Extractor (built once per Python process)."""


def ontology_bytes(ontology) -> bytes:
    """The ontology as the bytes sent to executors (pickle; the matcher is rebuilt there)."""
    return pickle.dumps(ontology, protocol=pickle.HIGHEST_PROTOCOL)


def extractor_for(data: bytes):
    """The Extractor of pickled ontology ``data``, built once per process."""
    key = hashlib.sha256(data).hexdigest()
    ex = _EXTRACTORS.get(key)
    if ex is None:
        from skillgraph.extraction.extractor import Extractor

        ex = _EXTRACTORS[key] = Extractor(pickle.loads(data))
    return ex


def _batches(batches, data: bytes, text_col: str, id_col: str, what: str):
    """mapInArrow body: Arrow batches of (id, text) → batches of mention rows (or posting rows)."""
    import pyarrow as pa

    from skillgraph.model import Posting

    from .tables import arrow_schema

    ex = extractor_for(data)
    schema = arrow_schema(MENTION_SPARK_DDL if what == "mentions" else POSTING_SPARK_DDL)
    for batch in batches:
        d = batch.to_pydict()
        rows: list[dict] = []
        for pid, text in zip(d[id_col], d[text_col], strict=True):
            x = ex.extract(Posting(id=str(pid), source=str(pid), text=text or ""))
            if what == "mentions":
                rows.extend({"posting": x.posting.id, "concept": m.concept, "label": m.label, "text": m.text,
                             "start": m.start, "end": m.end, "sentence_start": m.sentence_start,
                             "sentence_end": m.sentence_end, "section": m.section,
                             "requirement": m.requirement, "score": m.score, "how": m.how}
                            for m in x.mentions)
            else:
                rows.append({"id": x.posting.id, "mentions": len(x.mentions),
                             "teams": [{"name": t.name, "role": t.role, "parent": t.parent} for t in x.teams]})
        yield pa.RecordBatch.from_pylist(rows, schema=schema)


def extract_dataframe(df, ontology=None, *, text_col: str = "text", id_col: str = "id"):
    """Extract every row of ``df`` (columns ``id_col`` and ``text_col``) → ``(mentions_df, postings_df)``.

    ``ontology`` defaults to the shipped one. Both results are lazy DataFrames (schemas
    :data:`MENTION_SPARK_DDL` and :data:`POSTING_SPARK_DDL`); each action re-runs the extraction, so
    cache or write them if both are used.
    """
    if ontology is None:
        from skillgraph.ontology import load_ontology

        ontology = load_ontology()
    spark = df.sparkSession
    bc = spark.sparkContext.broadcast(ontology_bytes(ontology))
    src = df.select(df[id_col].cast("string").alias(id_col), df[text_col].cast("string").alias(text_col))

    def mentions(it):
        return _batches(it, bc.value, text_col, id_col, "mentions")

    def postings(it):
        return _batches(it, bc.value, text_col, id_col, "postings")

    return src.mapInArrow(mentions, MENTION_SPARK_DDL), src.mapInArrow(postings, POSTING_SPARK_DDL)
