"""`check`: the shipped ontology checks clean and maps only to identifiers that exist; a bad file's
findings name the file and line (skillgraph/ontology/check.py)."""
from __future__ import annotations

from skillgraph.ontology import check, load_ontology

PREFIXES = """
@prefix skill: <https://w3id.org/skillgraph/skill/> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix sg: <https://w3id.org/skillgraph/vocab#> .
"""
"""The Turtle prefixes of the test ontologies (the leading line break keeps each file's line numbers)."""


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


def test_check_reports_duplicates_cycles_and_dangling(tmp_path):
    ttl = tmp_path / "bad.ttl"
    ttl.write_text(PREFIXES + """\
skill:a a skos:Concept ; skos:prefLabel "Alpha"@en ; skos:broader skill:b ; sg:kind sg:Method .
skill:b a skos:Concept; skos:prefLabel "Beta"@en; skos:altLabel "alpha"@en; skos:broader skill:a; sg:kind sg:Method .
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


def test_sense_cues_are_read_and_cues_without_a_weak_label_are_reported(tmp_path):
    ttl = tmp_path / "cues.ttl"
    ttl.write_text(PREFIXES + """\
skill:s a skos:Concept ; skos:prefLabel "Scheme"@en ; skos:topConceptOf skill:scheme ; sg:kind sg:Domain .
skill:a a skos:Concept ; skos:prefLabel "model serving"@en ; skos:altLabel "serving"@en ; skos:broader skill:s ;
    sg:weakLabel "serving" ; sg:senseCue "model", " inference " ; sg:kind sg:Method .
skill:b a skos:Concept ; skos:prefLabel "AI ethics"@en ; skos:broader skill:s ; sg:senseCue "AI" ; sg:kind sg:Method .
""")
    o = load_ontology([ttl], include_default=False)
    assert o.concepts["skill:a"].sense_cues == ("inference", "model")
    msgs = [str(p) for p in check(o, known_targets=set())]
    assert [m for m in msgs if "senseCue" in m] == [
        f"{ttl}:8: skill:b: senseCue without a weakLabel: the cues tell a weak label's sense and do nothing alone"]


def test_a_generic_word_may_be_two_concepts_weak_label_when_cues_tell_them_apart(tmp_path):
    """"monitoring" is *model monitoring* next to "model" and *monitoring and alerting* next to
    "Prometheus": a label on two concepts is no clash when on each it is a weak label with cues, and
    still is one when either lacks the cues."""
    head = PREFIXES + """\
skill:s a skos:Concept ; skos:prefLabel "Scheme"@en ; skos:topConceptOf skill:scheme ; sg:kind sg:Domain .
skill:a a skos:Concept ; skos:prefLabel "model monitoring"@en ; skos:altLabel "monitoring"@en ; skos:broader skill:s ;
    sg:weakLabel "monitoring" ; sg:senseCue "model" ; sg:kind sg:Method .
"""
    ttl = tmp_path / "two.ttl"
    ttl.write_text(head + """skill:b a skos:Concept ; skos:prefLabel "monitoring and alerting"@en ;
    skos:altLabel "monitoring"@en ; skos:broader skill:s ; sg:weakLabel "monitoring" ; sg:senseCue "Prometheus" ;
    sg:kind sg:Method .
""")
    assert not [p for p in check(load_ontology([ttl], include_default=False), known_targets=set())
                if "also on" in p.message]
    ttl.write_text(head + """skill:b a skos:Concept ; skos:prefLabel "monitoring and alerting"@en ;
    skos:altLabel "monitoring"@en ; skos:broader skill:s ; sg:weakLabel "monitoring" ; sg:kind sg:Method .
""")
    assert [p.message for p in check(load_ontology([ttl], include_default=False), known_targets=set())
            if "also on" in p.message] == ["label 'monitoring' also on skill:b", "label 'monitoring' also on skill:a"]
