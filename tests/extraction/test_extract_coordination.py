"""Coordinations that write a shared word once: the word left bare links to the label it makes."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from skillgraph.extraction.matcher import matcher_for
from skillgraph.ontology import Ontology


@pytest.fixture(scope="module")
def coord(make_concept):
    mc = make_concept
    return Ontology.from_concepts([
        mc("ml", "machine learning"), mc("mlp", "machine learning pipelines"),
        mc("dg", "data governance"), mc("dq", "data quality"), mc("dp", "data pipelines"),
        mc("dm", "data modelling"), mc("pt", "PyTorch"), mc("ptl", "PyTorch Lightning"),
        mc("adp", "Azure data platform"), mc("azp", "Azure Pipelines"),
        mc("sm", "stakeholder management", "stakeholder communication"),
        mc("comm", "communication skills"), mc("infl", "influencing skills"),
        mc("se", "software engineering"), mc("cs", "computer science"), mc("dl", "deep learning"),
        mc("ment", "mentoring", "mentoring engineers"), mc("ds", "data security"), mc("db", "database design"),
        mc("dbs", "database")])


def _links(coord, text):
    return [(text[s:e], ids[0].split(":")[1]) for s, e, ids in matcher_for(coord).find(text)]


@pytest.mark.parametrize("text, word, concept", [
    ("data governance and quality.", "quality", "dq"),
    ("Strong grasp of data governance, quality, and lineage", "quality", "dq"),
    ("deploy scalable machine learning models and pipelines, from data preparation", "pipelines", "mlp"),
    ("Tech Stack: Python, PyTorch/Lightning, Databricks", "Lightning", "ptl"),
    ("data modelling and pipelines", "pipelines", "dp"),
    ("Data modelling and pipelines\nSQL and dbt", "pipelines", "dp"),        # the line's end ends the phrase
])
def test_a_bare_word_after_the_separator_shares_the_hits_modifier(coord, text, word, concept):
    assert (word, concept) in _links(coord, text)


@pytest.mark.parametrize("text, word", [
    ("data modelling and pipeline design", "pipeline"),         # "pipeline" modifies "design"
    ("evolving our Azure data platform and pipelines.", "pipelines"),   # the modifier is all but the head
    ("BS/MS in Computer Science, Software Engineering, Engineering, or equivalent", "Engineering"),
    ("deep learning or pipelines", "pipelines"),                 # no label "deep learning pipelines"
    ("machine learning PyTorch and pipelines", "pipelines"),     # the word between is a hit of its own
    ("Comfortable mentoring senior engineers, and influencing", "engineers"),  # no "or" inside "senior"
    ("data governance,\n\nSecurity: we hold SOC 2", "Security"),  # a list does not go on over a blank line
    ("data governance and quality évaluation", "quality"),        # a word of any script goes on with it
    ("assess the database and design an analytics architecture", "design"),   # a verb and its object
])
def test_no_shared_modifier_where_the_word_goes_on_or_no_label_is_made(coord, text, word):
    assert all(w != word for w, _ in _links(coord, text))


def test_a_shared_head_comes_before_a_shared_modifier(coord):
    found = _links(coord, "Exceptional stakeholder management, communication, and influencing skills")
    assert ("communication", "comm") in found and ("communication", "sm") not in found


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["data", "governance", "quality", "and", "or", ",", "/", "pipelines",
                                 "design", "machine", "learning", "models", "PyTorch", "Lightning"]),
                max_size=12))
def test_hits_never_overlap(coord, make_concept, words):
    own = Ontology.from_concepts([*coord.concepts.values(), make_concept("q", "quality"),
                                  make_concept("pl", "pipelines"), make_concept("lt", "Lightning")])
    text = " ".join(words)
    hits = matcher_for(own).find(text)
    assert hits == sorted(hits)
    for (_, e1, _), (s2, _, _) in zip(hits, hits[1:], strict=False):
        assert e1 <= s2
