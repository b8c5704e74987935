"""SPARQL through pyoxigraph (skillgraph.export.sparql)."""
from __future__ import annotations

import pytest

from skillgraph.errors import InputError
from skillgraph.export import sparql, write_rdf


def test_sparql_prefixes_predeclared(tmp_path, rdf_graph):
    G = rdf_graph()
    q = """SELECT ?label (COUNT(DISTINCT ?role) AS ?roles) WHERE {
        ?role sg:requires ?s . ?s skos:prefLabel ?label } GROUP BY ?label HAVING (COUNT(DISTINCT ?role) > 1)"""
    assert sparql(G, q) == (["label", "roles"], [["fairness", 2]])
    write_rdf(G, tmp_path / "g.ttl")
    assert sparql(tmp_path / "g.ttl", q) == (["label", "roles"], [["fairness", 2]])
    assert sparql(G, "ASK { role:000-aaa sg:belongsTo team:responsible-ai }") == (["ask"], [[True]])
    with pytest.raises(InputError, match="SPARQL"):
        sparql(G, "SELECT WHERE {")


def test_sparql_over_several_files_and_graph_json(tmp_path, rdf_graph, graph_json):
    G = rdf_graph()
    write_rdf(G, tmp_path / "a.ttl")
    write_rdf(G, tmp_path / "b.nt", "nt")
    q = "SELECT (COUNT(DISTINCT ?r) AS ?n) WHERE { ?r a sg:Role }"
    assert sparql([tmp_path / "a.ttl", tmp_path / "b.nt"], q) == (["n"], [[2]])
    assert sparql(graph_json, q) == (["n"], [[2]])
    cols, rows = sparql(G, "CONSTRUCT { ?r a sg:Role } WHERE { ?r a sg:Role }", compact=True)
    assert cols == ["subject", "predicate", "object"] and sorted(r[0] for r in rows) == ["role:000-aaa",
                                                                                         "role:001-bbb"]


def test_sparql_file_problems_are_input_errors(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        sparql(tmp_path / "none.ttl", "ASK {}")
    with pytest.raises(InputError, match="cannot tell the RDF format"):
        sparql(tmp_path / "x.docx", "ASK {}")
    bad = tmp_path / "bad.ttl"
    bad.write_text("@prefix broken")
    with pytest.raises(InputError, match="not valid turtle"):
        sparql(bad, "ASK {}")
