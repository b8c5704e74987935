"""SHACL validation (skillgraph.export.shacl): clean exports, readable violations, the shipped ontology."""
from __future__ import annotations

import pytest

from skillgraph import resources
from skillgraph.errors import InputError
from skillgraph.export import graph_to_rdf, shipped_ontology_files, validate
from skillgraph.vocab import DCT, OA, SG, SKOS


def test_export_validates_clean(rdf_graph):
    assert validate(rdf_graph()) == []


def test_broken_graph_violations_are_readable(rdf_graph):
    from rdflib import Literal, URIRef

    g = graph_to_rdf(rdf_graph())
    req = URIRef("https://w3id.org/skillgraph/requirement/000-aaa--fairness")
    g.remove((req, URIRef(SG.level), None))
    g.add((req, URIRef(SG.level), URIRef(SG.iri + "mandatory")))          # not an allowed level
    g.add((req, URIRef(SG.level), URIRef(SG.preferred)))                  # and a second one
    g.set((req, URIRef(SG.mentionCount), Literal(0)))                     # count < 1
    role = URIRef("https://w3id.org/skillgraph/role/001-bbb")
    g.remove((role, URIRef(DCT.title), None))                             # no title
    pos = URIRef("https://w3id.org/skillgraph/evidence/000-aaa--red-teaming-24-35.position")
    g.set((pos, URIRef(OA.end), Literal(3)))                              # end < start
    skill = URIRef("https://w3id.org/skillgraph/skill/red-teaming")
    g.remove((skill, URIRef(SG.kind), None))                              # no kind
    top = URIRef("https://w3id.org/skillgraph/skill/responsible-ai")
    g.remove((top, URIRef(SKOS.topConceptOf), None))                      # chain reaches no top
    vs = validate(g)
    text = "\n".join(map(str, vs))
    assert any(v.focus == "requirement:000-aaa--fairness" and v.path == "sg:level" for v in vs), text
    assert any(v.focus == "requirement:000-aaa--fairness" and v.path == "sg:mentionCount" for v in vs), text
    assert any(v.focus == "role:001-bbb" and v.path == "dct:title" for v in vs), text
    assert any(v.focus.startswith("evidence:000-aaa--red-teaming-24-35") for v in vs), text
    assert any(v.focus == "skill:red-teaming" and v.path == "sg:kind" for v in vs), text
    assert any(v.focus == "skill:fairness" and "top" in v.message for v in vs), text
    assert all(str(v).count(":") >= 1 and v.message for v in vs)


def test_shipped_ontology_validates_clean():
    vs = validate(shipped_ontology_files())
    assert vs == [], "\n".join(map(str, vs[:20]))


def test_shipped_ontology_files_come_from_resources():
    files = shipped_ontology_files()
    assert files[0] == resources.vocab_file() and files[1:] == resources.skill_files() and len(files) > 1
    assert [resources.display_name(f) for f in files][:1] == ["ontology/vocab.ttl"]


def test_shapes_file_problems_are_input_errors(rdf_graph, tmp_path):
    with pytest.raises(InputError, match="shapes file not found"):
        validate(rdf_graph(), shapes=tmp_path / "none.ttl")
    bad = tmp_path / "bad.ttl"
    bad.write_text("this is not turtle")
    with pytest.raises(InputError, match="not valid Turtle"):
        validate(rdf_graph(), shapes=bad)
