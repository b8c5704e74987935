"""Segmentation: sentences, headings and the section each sentence sits in."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from skillgraph.extraction import SentenceIndex, segment


def test_segment_sentences_respect_abbreviations():
    text = "Hiring now. M.S. or PhD in CS, e.g. Stanford. Done!"
    sents = [text[s.start:s.end] for s in segment(text)]
    assert sents == ["Hiring now.", "M.S. or PhD in CS, e.g. Stanford.", "Done!"]


def test_sentences_carry_their_section_and_its_level():
    text = "About us\nWe build things.\n\nNice to have\n- Experience with Hadoop. You will love it.\n"
    segs = {text[s.start:s.end]: (s.section, s.level) for s in segment(text)}
    assert segs["About us"] == ("About us", "context")
    assert segs["We build things."] == ("About us", "context")
    assert segs["- Experience with Hadoop."] == ("Nice to have", "preferred")
    index = SentenceIndex(text)
    sg = index.at(text.index("Hadoop"))
    assert text[sg.start:sg.end] == "- Experience with Hadoop." and sg.level == "preferred"


_LINES = ["Requirements:", "Nice to have", "About us", "- Python and SQL.", "You will build pipelines.",
          "Data Platform Team", "Data platform team", "What You Bring", "- Kafka", "We're Excited About You…",
          "Key ResponsibilitiesSupport the team.", "Salary: £80,000 Requirements: Kafka", "We are a fintech.",
          "Strong Python is a plus. Docker too.", "", "  "]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(_LINES), max_size=12))
def test_line_cache_gives_what_splitting_each_line_gives(lines):
    """The per-line caches (``line_cache`` in skillgraph.speed) answer what reading the line again does,
    for a line repeated under other headings and between other neighbours too."""
    from skillgraph.extraction import segmentation

    text = "\n".join(lines)

    def every(index):
        return [index.at(i) for i in range(len(text))]

    cached = every(SentenceIndex(text))
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(segmentation, "line_segments", segmentation.line_segments.__wrapped__)
        mp.setattr(segmentation, "line_shape", segmentation.line_shape.__wrapped__)
        assert every(SentenceIndex(text)) == cached


def test_line_cache_keys_on_the_level_model_switch(monkeypatch):
    from skillgraph.extraction import level_model

    line = "Python is used here every day"
    monkeypatch.setattr(level_model, "classify", lambda s: ("required", 1.0))
    monkeypatch.setenv("SKILLGRAPH_LEVEL_MODEL", "1")
    assert SentenceIndex(line).at(0).level == "required"
    monkeypatch.setenv("SKILLGRAPH_LEVEL_MODEL", "0")
    assert SentenceIndex(line).at(0).level == "context"


def _level_of(text: str, word: str) -> str:
    sg = SentenceIndex(text).at(text.index(word))
    return sg.level


def test_an_ask_shaped_like_a_heading_under_a_preferred_heading_stays_preferred():
    # each short line names a required-heading word ("experience", "skills"), but is an item of the list
    text = ("Essential\n\nStrong Power BI experience\nSQL and data modelling expertise\n\nDesirable\n\n"
            "AWS or cloud BI experience\nExposure to AI\nExperience with Planon or similar systems\n"
            "Knowledge of data governance frameworks\n")
    assert _level_of(text, "Power BI") == "required"
    assert [_level_of(text, w) for w in ("AWS", "Exposure", "Planon", "governance")] == ["preferred"] * 4


def test_a_real_heading_under_a_preferred_one_still_opens_its_section():
    text = "Nice to have\n\nDocker\n\nKey skills and experience\n\n- SQL daily\n"
    assert _level_of(text, "Docker") == "preferred"
    assert _level_of(text, "SQL") == "required"


@pytest.mark.parametrize("head", ["Must-have skills:", "Must-have skills", "Your background and experience",
                                  "Experience in the following areas"])
def test_a_required_heading_after_a_preferred_one_still_opens_its_section(head):
    text = f"Data Engineer\n\nNice to have\n- Kafka\n\n{head}\n- Python daily\n"
    assert _level_of(text, "Kafka") == "preferred"
    assert _level_of(text, "Python") == "required", head
