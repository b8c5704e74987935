"""save_graph / load_graph: deterministic bytes, round trips, one-line errors."""
from __future__ import annotations

import json

import networkx as nx
import pytest
from corpus import tiny_extractions, tiny_graph, tiny_ontology

from skillgraph.errors import InputError
from skillgraph.graph import build_graph, load_graph, save_graph


def test_save_is_deterministic_and_round_trips(tmp_path):
    G = tiny_graph()
    save_graph(G, tmp_path / "a.json")
    save_graph(build_graph(tiny_extractions()[::-1], tiny_ontology()), tmp_path / "b.json")
    assert (tmp_path / "a.json").read_bytes() == (tmp_path / "b.json").read_bytes()
    data = json.loads((tmp_path / "a.json").read_text())
    assert [n["id"] for n in data["nodes"]] == sorted(n["id"] for n in data["nodes"])
    H = load_graph(tmp_path / "a.json")
    assert nx.utils.graphs_equal(G, H)
    save_graph(H, tmp_path / "c.json")
    assert (tmp_path / "a.json").read_bytes() == (tmp_path / "c.json").read_bytes()


@pytest.mark.parametrize("content, expect", [
    (None, "run `skillgraph build` first"),
    ("{not json", "not valid JSON"),
    ('{"nodes": 1}', "not a skillgraph node-link graph"),
    ('{"nodes": [{"id": "x"}], "links": []}', "no known kind"),
    ('{"nodes": [{"id": "x", "kind": "role"}], "links": [{"source": "x", "target": "x"}]}', "no known rel"),
])
def test_load_errors_are_one_line(tmp_path, content, expect):
    p = tmp_path / "g.json"
    if content is not None:
        p.write_text(content)
    with pytest.raises(InputError) as ei:
        load_graph(p)
    assert expect in str(ei.value) and "\n" not in str(ei.value) and str(p) in str(ei.value)
