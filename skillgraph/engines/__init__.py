"""Engines that run the pipeline somewhere other than this process (the extra ``skillgraph[spark]``).

* ``tables.py`` — extractions as flat tables (one row per mention, one per posting), their Arrow/Spark
  schemas and the atomic Parquet writer of ``skillgraph extract --format parquet``.
* ``spark.py`` — :func:`extract_dataframe`: a DataFrame of (id, text) → mention and posting DataFrames via
  ``mapInArrow``, the ontology broadcast once, one Extractor per executor process. (``skillgraph build
  --engine spark`` is not written yet, issue 11.)

pyspark and pyarrow are imported only inside functions.
"""
