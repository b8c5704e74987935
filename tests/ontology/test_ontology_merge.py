"""Merging an extra vocabulary into ours (skillgraph/ontology/merge.py) and what the matcher links."""
from __future__ import annotations

import pytest

from skillgraph.ontology import load_ontology

OURS = """@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix skill: <https://w3id.org/skillgraph/skill/> .
skill:ml a skos:Concept ; skos:prefLabel "machine learning" ; skos:altLabel "ML" ;
    skos:exactMatch <http://data.europa.eu/esco/skill/e-ml> .
skill:sql a skos:Concept ; skos:prefLabel "SQL" .
"""
ESCO = """@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix esco: <http://data.europa.eu/esco/skill/> .
esco:top a skos:Concept ; skos:prefLabel "skills" ; skos:topConceptOf esco:scheme .
esco:e-ml a skos:Concept ; skos:prefLabel "machine learning" ; skos:altLabel "statistical learning", "data" ;
    skos:broader esco:top ; skos:definition "ESCO's text." .
esco:e-deep a skos:Concept ; skos:prefLabel "deep learning" ; skos:broader esco:e-ml .
esco:e-mlp a skos:Concept ; skos:prefLabel "ML (computer programming)" ; skos:altLabel "ML" .
esco:e-pack a skos:Concept ; skos:prefLabel "packaging engineering" ; skos:altLabel "engineering" .
esco:e-db a skos:Concept ; skos:prefLabel "database systems" ; skos:altLabel "SQL" .
esco:e-guide a skos:Concept ; skos:prefLabel "advise" ; skos:altLabel "guide" .
esco:e-ps a skos:Concept ; skos:prefLabel "Photoshop" .
esco:e-a a skos:Concept ; skos:prefLabel "think ahead" ; skos:altLabel "forward-thinking" .
esco:e-b a skos:Concept ; skos:prefLabel "be proactive" ; skos:altLabel "forward-thinking" .
"""


@pytest.fixture
def ont(tmp_path):
    (tmp_path / "ours.ttl").write_text(OURS)
    (tmp_path / "esco.ttl").write_text(ESCO)
    return load_ontology([tmp_path / "ours.ttl", tmp_path / "esco.ttl"], include_default=False)


def _links(ont, text):
    from skillgraph.extraction import matcher_for

    return [(text[s:e], ids) for s, e, ids in matcher_for(ont).find(text)]


def test_exact_match_is_one_node_with_our_id(ont):
    assert "esco:e-ml" not in ont
    ml = ont["skill:ml"]
    assert "http://data.europa.eu/esco/skill/e-ml" in ml.exact_match
    assert "statistical learning" in ml.alt_labels and "data" not in ml.alt_labels   # generic: dropped
    assert ml.definition == "ESCO's text."
    assert ml.broader == ()                                  # our hierarchy, not ESCO's
    assert ont["esco:e-deep"].broader == ("skill:ml",)       # links to the absorbed concept point at ours
    assert _links(ont, "We use statistical learning daily.") == [("statistical learning", ("skill:ml",))]


def test_generic_extra_labels_do_not_link_alone(ont):
    text = "Skills: ML, SQL, engineering, guide the team, forward-thinking, Photoshop."
    assert _links(ont, text) == [("ML", ("skill:ml",)), ("SQL", ("skill:sql",)), ("Photoshop", ("esco:e-ps",))]
    # the concept keeps its label (RDF, lookup) and links through its longer labels
    assert "engineering" in ont["esco:e-pack"].generic_labels
    assert _links(ont, "Background in packaging engineering.") == [("packaging engineering", ("esco:e-pack",))]
    from skillgraph.extraction import matcher_for

    assert matcher_for(ont).lookup("engineering") == ["esco:e-pack"]


def test_ours_alone_is_untouched(tmp_path):
    (tmp_path / "ours.ttl").write_text(OURS)
    ont = load_ontology([tmp_path / "ours.ttl"], include_default=False)
    assert all(not c.generic_labels for c in ont.concepts.values())
    assert ont["skill:ml"].alt_labels == ("ML",)


@pytest.mark.slow
def test_esco_on_the_seeds(shared_data, tmp_path):
    """The README's recipe: ESCO next to ours on the seeds joins the shared concepts and does not link
    the ordinary words of issue 10."""
    from skillgraph.extraction import extract_all
    from skillgraph.ingest import read_postings
    from skillgraph.ontology import import_esco
    from tests.conftest import ROOT

    if not (shared_data / "esco-v1.1.1").is_dir():
        pytest.skip(f"ESCO not found at {shared_data}")
    import_esco(shared_data / "esco-v1.1.1", tmp_path / "esco.ttl")
    ont = load_ontology([tmp_path / "esco.ttl"])
    xs = extract_all(list(read_postings([ROOT / "seeds"])), ont)
    esco = {(m.text.lower(), ont[m.concept].label) for x in xs for m in x.mentions if m.concept.startswith("esco:")}
    for word in ("engineering", "skills", "ml", "guide", "machine learning", "sql", "computer vision", "data"):
        assert not any(t == word for t, _ in esco), sorted(esco)
    plain = load_ontology()
    base = {m.concept for x in extract_all(list(read_postings([ROOT / "seeds"])), plain) for m in x.mentions}
    merged = {m.concept for x in xs for m in x.mentions}
    assert base <= merged          # ours still link, under our ids


def test_extra_vocabulary_does_not_link_under_a_context_heading(ont):
    from skillgraph.extraction import extract
    from skillgraph.model import Posting

    text = ("About us\nOur designers love Photoshop and machine learning.\n\n"
            "Requirements\n- Photoshop and machine learning.\n")
    x = extract(Posting(id="1", source="t.txt", text=text, title="T"), ont)
    got = sorted((m.section, m.text) for m in x.mentions)
    # ours links everywhere (its level says "context"), ESCO's only outside company / EEO sections
    assert got == [("About us", "machine learning"), ("Requirements", "Photoshop"),
                   ("Requirements", "machine learning")]
    assert ont.is_curated("skill:ml") and not ont.is_curated("esco:e-ps")


def test_extra_hit_crossing_one_of_ours_does_not_link(tmp_path):
    (tmp_path / "ours.ttl").write_text(OURS)
    (tmp_path / "esco.ttl").write_text(ESCO + 'esco:e-lt a skos:Concept ; skos:prefLabel "learning technologies" ;'
                                       ' skos:altLabel "learning technology" .\n')
    ont = load_ontology([tmp_path / "ours.ttl", tmp_path / "esco.ttl"], include_default=False)
    assert _links(ont, "machine learning technology") == [("machine learning", ("skill:ml",))]
    assert _links(ont, "learning technology") == [("learning technology", ("esco:e-lt",))]
