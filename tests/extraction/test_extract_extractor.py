"""One posting end to end: levels by section and sentence, the strongest wins, offsets index the text."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from skillgraph.extraction import Extractor, extract
from skillgraph.model import Posting

POSTING = """Senior ML Engineer, Search Quality

About us
We build search at scale. The Ranking team is part of the Search Platform Group (SPG).

What you'll do
- Train models with PyTorch. Collaborate with other teams (Ads, Trust and Safety, and Growth).

What we're looking for
- 3+ years with PyTorch or TensorFlow.
- Must know Spark.

Nice to have
- Experience with Hadoop.
"""


def test_levels_sections_and_strongest_wins(ont):
    x = Extractor(ont).extract(Posting(id="p", source="p", text=POSTING, title="Senior ML Engineer, Search Quality"))
    lv = {s.concept.split(":")[1]: s.requirement for s in x.skills}
    assert lv["pytorch"] == "required"            # responsibility and required: required wins
    assert lv["tensorflow"] == "required"
    assert lv["spark"] == "required"
    assert lv["hadoop"] == "preferred"
    m = next(m for m in x.mentions if m.text == "Hadoop")
    assert m.section == "Nice to have" and m.sentence == "- Experience with Hadoop."
    for m in x.mentions:
        assert POSTING[m.start:m.end] == m.text


def test_extract_is_the_extractor_in_one_call(ont):
    p = Posting(id="p", source="p", text=POSTING, title="Senior ML Engineer, Search Quality")
    assert extract(p, ont) == Extractor(ont).extract(p)


_words = st.sampled_from(["PyTorch", "pytorch", "go", "Go", "R", "R&D", "fine-tuning", "LLMs", "search",
                          "documentation", "and", "or", ",", "/", "-", "C++", "spark", "Spark", "\n",
                          "machine learning", "systems", "ML", "é", "İstanbul", "ß", "’", "  "])


@settings(max_examples=300, deadline=None)
@given(words=st.lists(_words, max_size=40), noise=st.text(max_size=30))
def test_offsets_always_index_the_original(ont, words, noise):
    text = " ".join(words) + noise
    x = Extractor(ont).extract(Posting(id="h", source="h", text=text))
    for m in x.mentions:
        assert text[m.start:m.end] == m.text
        assert m.text and m.sentence
