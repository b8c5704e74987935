"""Engines that run the pipeline somewhere other than this process (the extra ``skillgraph[spark]``).

* ``tables.py`` — extractions as flat tables (one row per mention, one per posting), their Arrow/Spark
  schemas and the atomic Parquet writer of ``skillgraph extract --format parquet``.
* ``spark.py`` — :func:`extract_dataframe`: a DataFrame of (id, text) → mention and posting DataFrames via
  ``mapInArrow``, the ontology broadcast once, one Extractor per executor process.
* ``inputs.py`` — posting files read and extracted on Spark with our readers (same errors as locally).
* ``aggregates.py`` — the aggregate tables computed in Spark.
* ``build.py`` — :func:`build_spark`: ``skillgraph build --engine spark``.

pyspark and pyarrow are imported only inside functions.
"""
