"""What the words around a hit decide: ordinary words need a skill nearby, weak labels their own phrase."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st


@pytest.mark.parametrize("text,expected", [
    ("Spark joy in your team.", set()),                # sentence-initial ordinary word, no skill near it
    ("Go to our careers page to apply.", set()),
    ("- Go to the office twice a week", set()),
    ("Experience with Go is required.", {"go"}),       # capitalised mid-sentence: a name
    ("Spark experience", {"spark"}),                  # followed by a skill noun
    ("Spark and Go", {"spark", "go"}),                 # names listed together vouch for each other
    ("Technical Stack\n\n- PyTorch\n\n- Spark\n", {"pytorch", "spark"}),   # a list of tools
    ("Spark is great. We are hiring.", set()),
])
def test_ordinary_word_labels_need_a_skill_nearby(text, expected, concepts):
    assert concepts(text) == expected


def test_weak_label_needs_its_own_phrase(concepts):
    assert concepts("tools for documentation search") == set()
    assert concepts("recommender systems, search, ranking") == {"recsys", "ir"}
    assert concepts("Search and Recommender Systems") >= {"recsys", "ir"}


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["a", ".", "!", "?", " ", "\n", "\t", "\u2003", "B"]), max_size=30).map("".join))
def test_sentence_ends_come_from_the_stops(text):
    """_Text finds the sentence ends from the stops (one scan fewer): what _ENDS itself finds."""
    from skillgraph.extraction.context import _ENDS, _Text

    assert _Text(text).ends == [m.start() for m in _ENDS.finditer(text)]
