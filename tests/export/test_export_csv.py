"""The edge list as CSV (skillgraph.export.csv)."""
from __future__ import annotations

import io

from skillgraph.export import EDGE_COLUMNS, write_edges_csv


def test_csv(tmp_path, rdf_graph):
    G = rdf_graph()
    n = write_edges_csv(G, tmp_path / "e.csv")
    lines = (tmp_path / "e.csv").read_text().splitlines()
    assert n == G.number_of_edges() == len(lines) - 1
    assert lines[0].startswith("source,target,rel,level,count")


def test_csv_to_a_text_stream_sorted(rdf_graph):
    buf = io.StringIO()
    write_edges_csv(rdf_graph(), buf)
    header, *rows = buf.getvalue().splitlines()
    assert header == ",".join(EDGE_COLUMNS)
    assert rows == sorted(rows, key=lambda r: r.split(",")[:3])
    assert "company:pinterest,role:000-aaa,has_role,,,company,Pinterest,role," in rows[0]
