"""RDF terms and IRIs (skillgraph.export.terms): literals both ways, node and file IRIs."""
from __future__ import annotations

import pytest

from skillgraph import resources
from skillgraph.errors import InputError
from skillgraph.export.terms import (
    check_base,
    compact,
    concept_iri,
    literal,
    node_iri,
    prefixes,
    skill_slug,
    source_iri,
    value,
)
from skillgraph.vocab import DEFAULT_BASE, XSD


@pytest.mark.parametrize("v", [True, False, 0, -7, 3.25, 1e-9, "text", ""])
def test_literal_and_back(v):
    assert value(literal(v)) == v and type(value(literal(v))) is type(v)


def test_literal_datatypes_and_language():
    assert literal(True) == ("true", XSD.boolean, "")
    assert literal(3) == ("3", XSD.integer, "")
    assert literal(0.5) == ("0.5", XSD.double, "")
    assert literal("PyTorch", "en") == ("PyTorch", "", "en")
    assert value(("1.5", XSD.decimal, "")) == 1.5 and value(("1", XSD.boolean, "")) is True


def test_node_and_concept_iris():
    b = DEFAULT_BASE
    assert node_iri(b, "role:000-aaa", {"kind": "role"}) == b + "role/000-aaa"
    assert node_iri(b, "team:a b/c", {"kind": "team"}) == b + "team/a%20b%2Fc"
    assert node_iri(b, "Thing", {}) == b + "node/Thing"
    assert concept_iri("skill:pytorch", {}) == "https://w3id.org/skillgraph/skill/pytorch"
    assert concept_iri("esco:abc", {}) == "http://data.europa.eu/esco/skill/abc"
    assert concept_iri("x", {"iri": "http://example.org/x"}) == "http://example.org/x"
    assert skill_slug("skill:pytorch") == "pytorch" and skill_slug("esco:abc") == "esco-abc"
    assert skill_slug("skill:a b").startswith("x-") and len(skill_slug("skill:a b")) == 18


def test_shipped_files_get_ontology_iris_wherever_the_package_is():
    f = resources.skill_files()[0]
    assert source_iri(DEFAULT_BASE, str(f.resolve())) == f"{DEFAULT_BASE}ontology/skills/{f.name}"
    assert source_iri(DEFAULT_BASE, f"ontology/skills/{f.name}") == f"{DEFAULT_BASE}ontology/skills/{f.name}"
    assert source_iri(DEFAULT_BASE, "/tmp/my esco.ttl") == DEFAULT_BASE + "source/%2Ftmp%2Fmy%20esco.ttl"


def test_base_prefixes_and_compact_names():
    p = prefixes("https://example.org/kg/")
    assert list(p) == sorted(p) and p["role"] == "https://example.org/kg/role/" and p["sg"].endswith("vocab#")
    assert compact("https://example.org/kg/role/x", p) == "role:x"
    assert compact("https://example.org/kg/role/x/y", p) == "https://example.org/kg/role/x/y"
    assert check_base("https://example.org/kg#") == "https://example.org/kg#"
    with pytest.raises(InputError, match="base IRI"):
        check_base("https://example.org/kg")
