"""The shipped ontology: loads, checks clean, is broad, maps only to identifiers that exist."""
from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from skillgraph.errors import OntologyError
from skillgraph.model import Concept
from skillgraph.ontology import Ontology, check, load_ontology, norm_label, reference_targets

DATA = Path(__file__).resolve().parents[2] / "shared" / "data"


@pytest.fixture(scope="module")
def ont():
    return load_ontology()


@pytest.fixture(scope="module")
def targets():
    if not (DATA / "esco-v1.1.1").is_dir():
        pytest.skip(f"reference data not found at {DATA}")
    return reference_targets(DATA)


def test_shipped_ontology_checks_clean(ont, targets):
    problems = check(ont, known_targets=targets)
    assert problems == [], "\n".join(map(str, problems[:20]))


def test_every_mapping_target_exists_in_shared_data(ont, targets):
    esco = [(c.id, t) for c in ont.concepts.values() for t in (*c.exact_match, *c.close_match)]
    assert esco, "the ontology maps nothing to ESCO"
    assert [x for x in esco if x[1] not in targets] == []
    onet = [(c.id, n) for c in ont.concepts.values() for n in c.onet]
    assert onet, "the ontology names no O*NET technology"
    assert [x for x in onet if f"onet:{x[1]}" not in targets] == []


def test_ontology_is_broad_and_well_formed(ont):
    ours = [c for c in ont.concepts.values() if c.id.startswith("skill:")]
    assert len(ours) >= 1500
    kinds = Counter(c.kind for c in ours)
    assert set(kinds) == {"method", "tool", "domain", "knowledge", "soft-skill"}
    assert sum(1 for c in ours if c.alt_labels) / len(ours) > 0.8
    assert sum(1 for c in ours if c.definition) / len(ours) > 0.7
    depth = max(len(ont.ancestors(c.id)) for c in ours)
    assert depth >= 4


@pytest.mark.parametrize("term,expected", [
    ("diffusion models", "skill:diffusion-models"),
    ("RLHF", "skill:rlhf"),
    ("VLMs", "skill:vision-language-models"),
    ("finetuning", "skill:fine-tuning"),
    ("PyTorch", "skill:pytorch"),
    ("Spark", "skill:apache-spark"),
    ("ML fairness", "skill:ml-fairness"),
    ("red teaming", "skill:red-teaming"),
])
def test_lookup_resolves_frontier_terms(ont, term, expected):
    assert expected in [c.id for c in ont.resolve(term)]


def test_lookup_unknown_is_empty(ont):
    assert ont.resolve("underwater basket weaving") == []


def test_hierarchy_walks_up(ont):
    anc = ont.ancestors("skill:pytorch")
    assert "skill:deep-learning-frameworks" in anc
    assert anc.index("skill:deep-learning-frameworks") < anc.index("skill:ml-frameworks")


def test_check_reports_duplicates_cycles_and_dangling(tmp_path):
    ttl = tmp_path / "bad.ttl"
    ttl.write_text("""
@prefix skill: <https://w3id.org/skillgraph/skill/> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix sg: <https://w3id.org/skillgraph/vocab#> .
skill:a a skos:Concept ; skos:prefLabel "Alpha"@en ; skos:broader skill:b ; sg:kind sg:Method .
skill:b a skos:Concept ; skos:prefLabel "Beta"@en ; skos:altLabel "alpha"@en ; skos:broader skill:a ; sg:kind sg:Method .
skill:c a skos:Concept ; skos:broader skill:nowhere ; sg:kind sg:Method ;
    skos:exactMatch <http://data.europa.eu/esco/skill/00000000-0000-0000-0000-000000000000> .
""")
    o = load_ontology([ttl], include_default=False)
    msgs = [str(p) for p in check(o, known_targets=set())]
    text = "\n".join(msgs)
    assert "label 'alpha' also on" in text
    assert "broader cycle" in text
    assert "no skos:prefLabel" in text
    assert "skill:nowhere is not a concept" in text
    assert "not in ESCO v1.1.1" in text
    assert all(m.startswith(str(ttl)) for m in msgs)   # every finding names its file
    assert any(f"{ttl}:7" in m for m in msgs)          # ... and the line of the concept


def test_user_files_merge_with_ours(tmp_path):
    ttl = tmp_path / "mine.ttl"
    ttl.write_text("""
@prefix skill: <https://w3id.org/skillgraph/skill/> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
<https://example.com/skills/pinsage> a skos:Concept ; skos:prefLabel "PinSage-lite"@en ;
    skos:broader skill:graph-machine-learning .
skill:pytorch skos:altLabel "torchy"@en .
""")
    o = load_ontology([ttl])
    assert [c.id for c in o.resolve("PinSage-lite")] == ["https://example.com/skills/pinsage"]
    assert [c.id for c in o.resolve("torchy")] == ["skill:pytorch"]
    assert "skill:graph-machine-learning" in o.ancestors("https://example.com/skills/pinsage")


def test_bad_turtle_is_one_clear_error(tmp_path):
    ttl = tmp_path / "broken.ttl"
    ttl.write_text("@prefix skos: <http://www.w3.org/2004/02/skos/core#> .\nthis is not turtle\n")
    with pytest.raises(OntologyError, match="broken.ttl: not valid Turtle"):
        load_ontology([ttl], include_default=False)
    with pytest.raises(OntologyError, match="no such ontology file"):
        load_ontology([tmp_path / "missing.ttl"], include_default=False)


def test_norm_label_folds_case_hyphens_and_space():
    assert norm_label("  Fine-Tuning ") == norm_label("fine   tuning") == "fine tuning"


def test_from_concepts_builds_an_index():
    o = Ontology.from_concepts([Concept(id="skill:x", iri="x", label="Xylo", alt_labels=("XY-lo",))])
    assert o.labels() == {"xylo": ["skill:x"], "xy lo": ["skill:x"]}
