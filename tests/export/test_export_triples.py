"""The graph → triples mapping (skillgraph.export.triples): requirements reified with Web Annotation
evidence, the compact export without evidence, the graph's provenance, IRIs that clash."""
from __future__ import annotations

import pytest

from skillgraph.errors import InputError
from skillgraph.export import graph_to_rdf, grouped_triples, rdf_triples, read_rdf, sparql
from skillgraph.vocab import OA


def test_requirement_reified_with_evidence_annotations(rdf_graph):
    g = graph_to_rdf(rdf_graph())
    q = """SELECT ?lvl ?n ?start ?end ?exact ?sentence ?src WHERE {
        role:000-aaa sg:hasRequirement ?r . ?r sg:skill skill:fairness ; sg:level ?lvl ; sg:mentionCount ?n ;
            sg:evidence ?a . ?a a oa:Annotation ; oa:hasTarget ?t ; sg:sentence ?sentence .
        ?t oa:hasSource ?src ; oa:hasSelector ?p, ?q . ?p oa:start ?start ; oa:end ?end .
        ?q oa:exact ?exact } ORDER BY ?start"""
    cols, rows = sparql(g, q, compact=True)
    assert rows == [
        ["sg:required", 2, 10, 18, "fairness", 'Experience with fairness and "red teaming".', "posting:000_aaa"],
        ["sg:required", 2, 90, 110, "algorithmic fairness", "Know algorithmic fairness.", "posting:000_aaa"]]


def test_no_evidence_is_compact(rdf_graph):
    G = rdf_graph()
    full, lean = rdf_triples(G), rdf_triples(G, evidence=False)
    assert len(lean) < len(full)
    assert not any(p.startswith(OA.iri) for _, p, _ in lean)
    assert read_rdf(graph_to_rdf(G, evidence=False)).edges["role:000-aaa", "skill:fairness"]["evidence"] == []


def test_provenance_of_graph(rdf_graph):
    cols, rows = sparql(rdf_graph(), """SELECT ?v ?f WHERE { ?g a sg:SkillGraph ; sg:ontologyVersion ?v ;
        prov:wasDerivedFrom ?s . ?s dct:identifier ?f }""")
    assert rows == [["0.1.0", "ontology/skills/scheme.ttl"]]


def test_grouped_is_sorted_and_flattens_to_rdf_triples(rdf_graph):
    G = rdf_graph()
    grouped = grouped_triples(G)
    subjects = [s for s, _ in grouped]
    assert subjects == sorted(subjects) and len(set(subjects)) == len(subjects)
    assert [(s, p, o) for s, pos in grouped for p, o in pos] == rdf_triples(G)


def test_nodes_with_one_iri_are_refused(rdf_graph):
    G = rdf_graph()
    G.add_node("team/ml", kind="team", label="also ML")   # %-encoded: a different IRI, fine
    rdf_triples(G)
    G.add_node("ml", kind="team", label="ML again")       # team/ml, like team:ml
    with pytest.raises(InputError, match="map to the same IRI"):
        rdf_triples(G)
