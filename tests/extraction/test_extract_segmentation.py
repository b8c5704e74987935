"""Segmentation: sentences, headings and the section each sentence sits in."""
from __future__ import annotations

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
