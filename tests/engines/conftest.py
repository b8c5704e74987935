"""One real local Spark session for every Spark test (skipped, with the reason, without Java or pyspark)."""
from __future__ import annotations

import shutil

import pytest


@pytest.fixture(scope="session")
def spark():
    """A ``local[2]`` SparkSession shared by the whole test session."""
    pytest.importorskip("pyspark", reason="the Spark engine needs the extra skillgraph[spark] (pyspark)")
    pytest.importorskip("pyarrow", reason="the Spark engine needs the extra skillgraph[spark] (pyarrow)")
    if shutil.which("java") is None:
        pytest.skip("the Spark engine needs Java 17 (no `java` on PATH)")
    from pyspark.sql import SparkSession

    s = (SparkSession.builder.master("local[2]").appName("skillgraph-tests")
         .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "2")
         .config("spark.sql.execution.arrow.maxRecordsPerBatch", "64").getOrCreate())
    yield s
    s.stop()
