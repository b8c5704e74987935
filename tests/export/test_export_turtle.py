"""Turtle and N-Triples (skillgraph.export.turtle through write_rdf): prefixes, no blank nodes, same
graph → same bytes, a configurable base."""
from __future__ import annotations

import networkx as nx
import pytest

from skillgraph.errors import InputError
from skillgraph.export import graph_to_rdf, turtle_bytes, write_rdf, write_triples


def test_turtle_has_prefixes_no_blank_nodes_and_is_deterministic(rdf_graph):
    G = rdf_graph()
    a = write_rdf(G, None)
    # same graph built in another insertion order -> same bytes
    H = nx.DiGraph()
    H.graph.update(G.graph)
    H.add_nodes_from(reversed(list(G.nodes(data=True))))
    H.add_edges_from(reversed(list(G.edges(data=True))))
    assert write_rdf(H, None) == a
    text = a.decode()
    for p in ("skos", "sg", "prov", "oa", "role", "skill", "requirement", "evidence", "dct"):
        assert f"@prefix {p}: <" in text
    assert "_:" not in text and "[" not in text.replace("[]", "")
    assert "role:000-aaa a sg:Role" in text
    assert "sg:requires skill:fairness" in text
    g = graph_to_rdf(G)
    from rdflib import BNode
    assert not any(isinstance(x, BNode) for t in g for x in t)
    # pyoxigraph and rdflib both parse it
    import pyoxigraph as ox
    assert len(list(ox.parse(a, format=ox.RdfFormat.TURTLE))) == len(g)
    from rdflib import Graph
    assert len(Graph().parse(data=text, format="turtle")) == len(g)


def test_base_is_configurable_and_checked(rdf_graph):
    text = write_rdf(rdf_graph(), None, base="https://example.org/kg/").decode()
    assert "@prefix role: <https://example.org/kg/role/> ." in text
    with pytest.raises(InputError, match="base IRI"):
        write_rdf(rdf_graph(), None, base="not an iri")


def test_ntriples_sorted_and_parse(rdf_graph):
    data = write_rdf(rdf_graph(), None, fmt="nt").decode()
    assert data.count("\n") == len(graph_to_rdf(rdf_graph()))
    assert "_:" not in data


def test_turtle_bytes_and_write_triples(tmp_path):
    """The importers' writer: any triple order in, subjects sorted, pairs in the order given, escapes."""
    from rdflib import Graph, Literal, URIRef

    from skillgraph.export.terms import literal

    s, t = "https://w3id.org/skillgraph/skill/b", "https://w3id.org/skillgraph/skill/a"
    pref = "http://www.w3.org/2004/02/skos/core#prefLabel"
    triples = [(s, pref, literal('say "hi"\n', "en")), (t, pref, literal("a")),
               (s, "http://example.org/p x", (t,))]
    pfx = {"skill": "https://w3id.org/skillgraph/skill/", "skos": "http://www.w3.org/2004/02/skos/core#"}
    data = turtle_bytes(triples, pfx, header="# made by a test\n")
    assert data.startswith(b"# made by a test\n@prefix skill: <")
    assert data.index(b"skill:a skos:prefLabel") < data.index(b"skill:b skos:prefLabel")
    assert b'"say \\"hi\\"\\n"@en' in data and b"<http://example.org/p\\u0020x>" in data
    assert write_triples(triples, tmp_path / "sub" / "x.ttl", pfx) == 3
    g = Graph().parse(tmp_path / "sub" / "x.ttl", format="turtle")
    assert (URIRef(s), URIRef(pref), Literal('say "hi"\n', lang="en")) in g and len(g) == 3
