"""`skillgraph extract --format parquet --out FILE`: one row per mention, the same rows as extract's CSV."""
from __future__ import annotations

import csv
import io

import pytest
from click.testing import CliRunner

from skillgraph.cli import main

pq = pytest.importorskip("pyarrow.parquet", reason="Parquet needs the extra skillgraph[spark] (pyarrow)")

POSTING = "ML Engineer\n\nWhat we're looking for\n- Experience with PyTorch and Spark.\n- SQL is a plus.\n"


def test_extract_parquet_roundtrip(tmp_path):
    src = tmp_path / "p.txt"
    src.write_text(POSTING, encoding="utf-8")
    out = tmp_path / "m.parquet"
    r = CliRunner().invoke(main, ["extract", str(src), "--format", "parquet", "--out", str(out)])
    assert r.exit_code == 0, r.output
    rows = pq.read_table(out).to_pylist()
    r2 = CliRunner().invoke(main, ["extract", str(src), "--format", "csv"])
    want = list(csv.DictReader(io.StringIO(r2.stdout)))
    assert [(x["posting"], x["concept"], x["start"], x["end"], x["requirement"]) for x in rows] == \
        [(w["posting"], w["concept"], int(w["start"]), int(w["end"]), w["requirement"]) for w in want]
    assert {x["concept"] for x in rows} >= {"skill:pytorch", "skill:apache-spark"}
    assert all(POSTING[x["start"]:x["end"]] == x["text"] for x in rows)
    first = out.read_bytes()
    assert CliRunner().invoke(main, ["extract", str(src), "--format", "parquet", "--out", str(out)]).exit_code == 0
    assert out.read_bytes() == first                      # deterministic
    # and the Parquet file reads back as postings (a mention table has a 'text' column)
    assert CliRunner().invoke(main, ["extract", str(out), "--format", "jsonl"]).exit_code == 0


def test_extract_parquet_needs_out(tmp_path):
    src = tmp_path / "p.txt"
    src.write_text(POSTING, encoding="utf-8")
    r = CliRunner().invoke(main, ["extract", str(src), "--format", "parquet"])
    assert r.exit_code != 0 and "--out" in r.output
