"""GraphML for Gephi and yEd (skillgraph.export.graphml)."""
from __future__ import annotations

import json

import networkx as nx

from skillgraph.export import write_graphml


def test_graphml(tmp_path, rdf_graph):
    G = rdf_graph()
    write_graphml(G, tmp_path / "g.graphml")
    H = nx.read_graphml(tmp_path / "g.graphml")
    assert H.number_of_nodes() == G.number_of_nodes() and H.number_of_edges() == G.number_of_edges()
    assert json.loads(H.edges["role:000-aaa", "skill:fairness"]["evidence"])[0]["text"] == "fairness"
