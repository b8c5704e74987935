"""Fuzz the extraction entry point (issue 14): any text, no exception, offsets exact, evidence
sentences bounded and exact. Fixed example budget (a few seconds)."""
from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import skillgraph
from skillgraph.extraction.window import SENTENCE_CAP
from skillgraph.model import Posting, extraction_to_dict

_PIECES = ["Python", "Go", "Spark", "PyTorch", "machine learning", "ML", "R", "C++", "A/B testing",
           "the Ranking team", "our core visual pod", "Pinterest Labs", "called Canvas", "teams (A, B)",
           "is part of the", "for Pinterest Canvas", "Nice to have:", "Requirements", ".", ". ", "\n",
           "\n\n", "  ", "- ", "•", ",", " and ", " or ", "(", ")", "\u200b", "\ufffd", "é", "\t", "#", "&"]


@pytest.fixture(scope="module")
def shipped():
    return skillgraph.load_ontology()


_TEXT = st.lists(st.one_of(st.sampled_from(_PIECES), st.text(max_size=8)), max_size=60).map("".join)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=_TEXT, company=st.sampled_from([None, "Pinterest", "Go"]),
       title=st.sampled_from([None, "ML Engineer, Core Engineering", "X, Python"]))
def test_extract_any_text(shipped, text, company, title):
    p = Posting(id="f", source="fuzz", text=text, company=company, title=title)
    x = skillgraph.extract(p, shipped)
    for m in x.mentions:
        assert text[m.start:m.end] == m.text
        assert text[m.sentence_start:m.sentence_end] == m.sentence
        assert len(m.sentence) <= max(SENTENCE_CAP, m.end - m.start)
    for t in x.teams:
        assert t.sentence == (text[t.sentence_start:t.sentence_end] if t.sentence_start >= 0 else "")
    extraction_to_dict(x)   # serialisable


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(unit=st.sampled_from(["Python and Spark ", "the ML team ", "Go ", "called Xy "]),
       n=st.integers(1, 400), sep=st.sampled_from([" ", "", "\n", ", "]))
def test_output_is_linear_in_input(shipped, unit, n, sep):
    text = (unit + sep) * n
    x = skillgraph.extract(Posting(id="f", source="fuzz", text=text), shipped)
    assert sum(len(m.sentence) for m in x.mentions) <= (SENTENCE_CAP + 1) * max(1, len(x.mentions))
