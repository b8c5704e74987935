"""Boilerplate paragraphs (skillgraph/extraction/boilerplate.py): marked across postings, counted
apart in the graph, left out of gap and similarity."""
from __future__ import annotations

import pytest

from skillgraph.extraction import extract_all
from skillgraph.extraction.boilerplate import boilerplate_paragraphs, mark_boilerplate
from skillgraph.model import Posting, extraction_to_dict
from skillgraph.ontology import load_ontology

EEO = ("We may use AI tools such as Python scripts and machine learning models to support parts of the hiring "
       "process, but final decisions are made by people.")
OWN = ("You will build production machine learning systems in Python and PyTorch for ranking and retrieval "
       "across all of our products.")


def _postings():
    ps = []
    for i, company in enumerate(["Acme", "Acme", "Acme", "Beta"]):
        extra = f"\n{OWN}" if company == "Acme" else ""
        ps.append(Posting(id=f"p{i}", source="-", company=company,
                          text=f"Requirements:\n- Experience with Kubernetes and SQL.{extra}\n\nAbout us\n{EEO}\n"))
    return ps


@pytest.fixture(scope="module")
def xs():
    return mark_boilerplate(extract_all(_postings(), load_ontology()))


def test_repeated_paragraph_of_several_companies_is_boilerplate(xs):
    for x in xs:
        bp = {m.text for m in x.mentions if m.boilerplate}
        real = {m.text for m in x.mentions if not m.boilerplate}
        assert "machine learning" in bp or "machine learning models" in bp, bp
        assert {"Kubernetes", "SQL"} <= real
        # one company's own line, repeated in its three postings, stays a real requirement
        if x.posting.company == "Acme":
            assert "PyTorch" in real
    assert extraction_to_dict(xs[0])["mentions"][0]["boilerplate"] in (True, False)


def test_rule_needs_postings_and_companies():
    one_company = [p.__class__(**{**p.__dict__, "company": "Acme"}) for p in _postings()]
    assert boilerplate_paragraphs(extract_all(one_company, load_ontology())) == {}
    two = _postings()[1:]     # Acme, Acme, Beta: the AI-in-hiring line in 3 postings of 2 companies
    assert len(boilerplate_paragraphs(extract_all(two, load_ontology()))) == 1


def test_deterministic_in_any_order(xs):
    again = mark_boilerplate(extract_all(list(reversed(_postings())), load_ontology()))
    assert sorted((x.posting.id, x.mentions) for x in again) == sorted((x.posting.id, x.mentions) for x in xs)


def test_graph_counts_boilerplate_apart_and_gap_skips_it(xs):
    from skillgraph.graph import build_graph
    from skillgraph.query import gap

    G = build_graph(xs, load_ontology())
    rid = next(n for n, d in G.nodes(data=True) if d.get("kind") == "role" and d.get("posting") == "p2")
    eds = {v: d for v, d in G.adj[rid].items() if d["rel"] == "requires"}
    bp_only = [v for v, d in eds.items() if d.get("boilerplate") and d["count"] == 0]
    assert bp_only, eds
    assert all(ev.get("boilerplate") for v in bp_only for ev in eds[v]["evidence"])
    other = next(n for n, d in G.nodes(data=True) if d.get("kind") == "role" and d.get("posting") == "p3")
    res = gap(G, other, rid)
    assert not {i.skill for i in res.items} & set(bp_only)


def test_cached_line_keys_are_the_normalised_paragraphs():
    """The per-line key cache (``line_cache`` in skillgraph.speed) gives what normalising each line gives,
    for a line repeated, and a line under the word minimum gives none."""
    from skillgraph.extraction.boilerplate import MIN_WORDS, _norm, paragraphs

    long_line = "We are an equal opportunity employer and value diversity at our company, " * 2
    text = f"{long_line}\nshort line\n{long_line}\n"
    got = list(paragraphs(text)) + list(paragraphs(text))
    want = [(0, len(long_line), _norm(long_line)), (len(long_line) + 12, 2 * len(long_line) + 12, _norm(long_line))]
    assert got == want * 2 and _norm(long_line).count(" ") + 1 >= MIN_WORDS
