"""The shipped ontology loads, is broad and well formed; user files merge with it; bad files fail clearly
(skillgraph/ontology/load.py, concepts.py)."""
from __future__ import annotations

from collections import Counter

import pytest

from skillgraph.errors import OntologyError
from skillgraph.model import Concept
from skillgraph.ontology import Ontology, load_ontology


def test_ontology_is_broad_and_well_formed(ont):
    ours = [c for c in ont.concepts.values() if c.id.startswith("skill:")]
    assert len(ours) >= 1500
    kinds = Counter(c.kind for c in ours)
    assert set(kinds) == {"method", "tool", "domain", "knowledge", "soft-skill"}
    assert sum(1 for c in ours if c.alt_labels) / len(ours) > 0.8
    assert sum(1 for c in ours if c.definition) / len(ours) > 0.7
    depth = max(len(ont.ancestors(c.id)) for c in ours)
    assert depth >= 4


def test_shipped_files_are_recorded_as_ontology_paths(ont):
    assert ont.files and all(f.startswith("ontology/skills/") and f.endswith(".ttl") for f in ont.files)


def test_hierarchy_walks_up(ont):
    anc = ont.ancestors("skill:pytorch")
    assert "skill:deep-learning-frameworks" in anc
    assert anc.index("skill:deep-learning-frameworks") < anc.index("skill:ml-frameworks")


def test_user_files_merge_with_ours(tmp_path):
    from skillgraph.extraction import resolve_term

    ttl = tmp_path / "mine.ttl"
    ttl.write_text("""
@prefix skill: <https://w3id.org/skillgraph/skill/> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
<https://example.com/skills/pinsage> a skos:Concept ; skos:prefLabel "PinSage-lite"@en ;
    skos:broader skill:graph-machine-learning .
skill:pytorch skos:altLabel "torchy"@en .
""")
    o = load_ontology([ttl])
    assert [c.id for c in resolve_term(o, "PinSage-lite")] == ["https://example.com/skills/pinsage"]
    assert [c.id for c in resolve_term(o, "torchy")] == ["skill:pytorch"]
    assert "skill:graph-machine-learning" in o.ancestors("https://example.com/skills/pinsage")


def test_bad_turtle_is_one_clear_error(tmp_path):
    ttl = tmp_path / "broken.ttl"
    ttl.write_text("@prefix skos: <http://www.w3.org/2004/02/skos/core#> .\nthis is not turtle\n")
    with pytest.raises(OntologyError, match="broken.ttl: not valid Turtle"):
        load_ontology([ttl], include_default=False)
    with pytest.raises(OntologyError, match="no such ontology file"):
        load_ontology([tmp_path / "missing.ttl"], include_default=False)


def test_from_concepts_builds_an_index():
    o = Ontology.from_concepts([Concept(id="skill:x", iri="x", label="Xylo", alt_labels=("XY-lo",))])
    assert o.labels() == {"xylo": ["skill:x"], "xy lo": ["skill:x"]}


def test_a_utf8_bom_before_turtle_is_read(tmp_path):
    ttl = tmp_path / "bom.ttl"
    ttl.write_bytes(b"\xef\xbb\xbf@prefix skos: <http://www.w3.org/2004/02/skos/core#> .\n"
                    b"<https://example.org/x> a skos:Concept ; skos:prefLabel \"Xylophone tuning\"@en .\n")
    ont = load_ontology([ttl], include_default=False)
    assert [c.label for c in ont.concepts.values()] == ["Xylophone tuning"]
