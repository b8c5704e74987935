"""Compact JSON-LD (skillgraph.export.jsonld through write_rdf)."""
from __future__ import annotations

import json

from skillgraph.export import graph_to_rdf, write_rdf
from skillgraph.vocab import SKOS


def test_jsonld_has_real_context_and_same_triples(rdf_graph):
    from rdflib import Graph
    from rdflib.compare import isomorphic

    G = rdf_graph()
    data = write_rdf(G, None, fmt="jsonld")
    doc = json.loads(data)
    assert doc["@context"]["skos"] == SKOS.iri and doc["@context"]["role"].endswith("/role/")
    assert any(n["@id"] == "role:000-aaa" for n in doc["@graph"])
    assert isomorphic(Graph().parse(data=data, format="json-ld"), graph_to_rdf(G))
    assert write_rdf(G, None, fmt="jsonld") == data
