"""`check` at scale (issue 14): any hierarchy depth without RecursionError, cycles in every
namespace, findings named as before, label clashes listed in bounded text."""
from __future__ import annotations

from skillgraph.ontology import check, load_ontology

_HEAD = """@prefix skill: <https://w3id.org/skillgraph/skill/> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix sg: <https://w3id.org/skillgraph/vocab#> .
@prefix ex: <https://example.org/x/> .
skill:top a skos:Concept ; skos:prefLabel "top"@en ; skos:topConceptOf skill:scheme ; sg:kind sg:Domain .
"""


def _load(tmp_path, body: str):
    ttl = tmp_path / "t.ttl"
    ttl.write_text(_HEAD + body, encoding="utf-8")
    return load_ontology([ttl], include_default=False)


def test_a_5000_deep_chain_checks_without_recursion_error(tmp_path):
    body = "".join(f'skill:c{i} a skos:Concept ; skos:prefLabel "c {i}"@en ; '
                   f'skos:broader skill:{"top" if i == 0 else f"c{i - 1}"} ; sg:kind sg:Method .\n'
                   for i in range(5000))
    assert check(_load(tmp_path, body)) == []


def test_a_deep_chain_that_reaches_no_top_is_reported_once_per_concept(tmp_path):
    body = "".join(f'skill:c{i} a skos:Concept ; skos:prefLabel "c {i}"@en ; '
                   f'{f"skos:broader skill:c{i - 1} ;" if i else ""} sg:kind sg:Method .\n' for i in range(3000))
    probs = check(_load(tmp_path, body))
    assert len(probs) == 3000 and all("reaches no top concept" in p.message for p in probs)


def test_cycles_are_reported_in_every_namespace(tmp_path):
    body = """ex:a a skos:Concept ; skos:prefLabel "a"@en ; skos:broader ex:b .
ex:b a skos:Concept ; skos:prefLabel "b"@en ; skos:broader ex:a .
skill:s a skos:Concept ; skos:prefLabel "s"@en ; skos:broader skill:t ; sg:kind sg:Method .
skill:t a skos:Concept ; skos:prefLabel "t"@en ; skos:broader skill:s ; sg:kind sg:Method .
"""
    msgs = [p.message for p in check(_load(tmp_path, body))]
    cycles = [m for m in msgs if m.startswith("broader cycle")]
    assert len(cycles) == 2
    assert any("example.org/x/a" in m or "ex:a" in m for m in cycles)
    assert "broader cycle: skill:s -> skill:t -> skill:s" in cycles
    assert not any("skill:s" in m for m in msgs if "reaches no top" in m)   # its cycle says it


def test_findings_carry_the_line_of_the_concept(tmp_path):
    probs = check(_load(tmp_path, 'skill:lost a skos:Concept ; skos:prefLabel "lost"@en ; sg:kind sg:Method .\n'))
    assert [(p.concept, p.line) for p in probs] == [("skill:lost", 6)]


def test_a_label_on_many_concepts_names_a_bounded_number(tmp_path):
    body = "".join(f'skill:d{i} a skos:Concept ; skos:prefLabel "same"@en ; skos:broader skill:top ; '
                   f'sg:kind sg:Method .\n' for i in range(50))
    probs = check(_load(tmp_path, body))
    assert len(probs) == 50
    assert all(p.message.endswith("and 41 more") for p in probs)
    small = check(_load(tmp_path, body.replace("d1", "e1").split("\n", 3)[0] + "\n" + body.split("\n")[1] + "\n"))
    assert [p.message for p in small] == ["label 'same' also on skill:d1", "label 'same' also on skill:d0"]
