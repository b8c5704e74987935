"""Parquet rows are records, as CSV rows are: ids, sources, fields, extra columns and bad rows."""
from __future__ import annotations

import pytest

from skillgraph.errors import InputError
from skillgraph.ingest import read_postings

pa = pytest.importorskip("pyarrow", reason="Parquet needs the extra skillgraph[spark] (pyarrow)")
pq = pytest.importorskip("pyarrow.parquet")

POSTING = "Senior Data Scientist\n\nAcme\n\nWe need Python and SQL. 3+ years of experience.\n"


def _write(path, rows):
    pq.write_table(pa.Table.from_pylist(rows), path)
    return path


def test_parquet_rows_become_postings_like_csv_rows(tmp_path):
    f = _write(tmp_path / "jobs.parquet", [
        {"job_id": "a1", "description": POSTING, "title": "Data Scientist II", "url": "https://x/1", "n": 3},
        {"job_id": None, "description": "<p>ML Engineer</p><ul><li>PyTorch</li></ul>", "title": None,
         "url": None, "n": None},
    ])
    a, b = read_postings([f])
    assert (a.id, a.source, a.title, a.text) == ("a1", f"{f}:1", "Data Scientist II", POSTING)
    assert dict(a.extra) == {"n": "3", "url": "https://x/1"}
    assert (b.id, b.source, b.text, b.repaired) == ("jobs.parquet:2", f"{f}:2", "ML Engineer\n\n- PyTorch\n", True)
    assert b.extra == ()


def test_parquet_in_a_folder_is_read(tmp_path):
    _write(tmp_path / "p.parquet", [{"text": POSTING}])
    (tmp_path / "b.txt").write_text(POSTING, encoding="utf-8")
    assert [p.id for p in read_postings([tmp_path])] == ["b.txt", "p.parquet:1"]


def test_bad_parquet_rows_and_files_are_one_line_errors(tmp_path):
    f = _write(tmp_path / "e.parquet", [{"text": POSTING, "id": None}, {"text": POSTING, "id": ["b"]}])
    with pytest.raises(InputError, match=r"e\.parquet: record 2's 'id' field is a list"):
        list(read_postings([f]))
    seen: list[str] = []
    assert len(list(read_postings([f], skip_bad=True, warn=seen.append))) == 1 and len(seen) == 1
    blank = _write(tmp_path / "blank.parquet", [{"text": POSTING}, {"text": "  "}])   # kept, said
    seen.clear()
    assert [p.text for p in read_postings([blank], warn=seen.append)][1] == ""
    assert len(seen) == 1 and seen[0].startswith(f"{blank}: record 2's 'text' field is empty; kept")
    broken = tmp_path / "broken.parquet"
    broken.write_bytes(b"PAR1 not really")
    with pytest.raises(InputError, match=r"broken\.parquet: unreadable Parquet file .* — ") as exc:
        list(read_postings([broken]))
    assert "\n" not in str(exc.value)
