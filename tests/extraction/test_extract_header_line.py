"""A posting's header line ("Acme | Senior ML Engineer | PyTorch | Remote"): its skills are what the
role is advertised for, so they are *required*, not the *context* of text under no heading."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from skillgraph.extraction import Extractor, SentenceIndex, segment
from skillgraph.extraction.segmentation import _HEADER_MAX, header_line
from skillgraph.model import Posting
from skillgraph.ontology import Ontology


@pytest.fixture(scope="module")
def tiny(make_concept):
    return Ontology.from_concepts([make_concept("python", "Python"), make_concept("pytorch", "PyTorch"),
                                   make_concept("sql", "SQL")])


def _levels(ont, text):
    x = Extractor(ont).extract(Posting(id="p", source="p", text=text))
    return {m.text: m.requirement for m in x.mentions}


def test_skills_in_a_header_line_are_required(tiny):
    text = "Acme | Senior ML Engineer | PyTorch | Remote\n\nAcme builds search with SQL.\n"
    got = _levels(tiny, text)
    assert got["PyTorch"] == "required"
    assert got["SQL"] == "context"          # the line after it keeps its own level
    # without the separators, and not shaped like a job title, it is one more line under no heading
    flat = text.replace(" | ", ", ").replace("Senior ML Engineer", "we build search")
    asked = "\nRequirements:\n- Python\n"     # (a posting asking for nothing reads its prose as the work)
    assert _levels(tiny, flat + asked)["PyTorch"] == "context"


def test_a_title_line_is_a_header_line(tiny):
    text = "Sr. Machine Learning Engineer, PyTorch Platform\n\nAcme builds search with SQL.\n"
    assert header_line(text) == (0, text.index("\n"))
    assert _levels(tiny, text) == {"PyTorch": "required", "SQL": "context"}
    assert header_line("We build search tools with PyTorch\n") is None     # a sentence, not a title


def test_markdown_escaped_bold_header_and_blank_lines_before_it(tiny):
    text = "\n\n**Data Engineer \\| PyTorch \\| Remote (UK)**\nWe are a data company using SQL.\n"
    assert header_line(text) == (2, text.index("\nWe"))
    assert _levels(tiny, text)["PyTorch"] == "required"


def test_a_long_first_paragraph_is_not_a_header(tiny):
    text = "We are Acme | the search company. " * 12 + "We use PyTorch.\n"
    assert len(text) > _HEADER_MAX and header_line(text) is None
    assert _levels(tiny, text)["PyTorch"] == _levels(tiny, text.replace(" | ", " - "))["PyTorch"]


def test_a_flattened_page_opens_with_its_header_fields(tiny):
    text = ("Senior Data Engineer | PyTorch | Remote (UK) | £90,000 "
            + "The client is a bank that uses SQL and wants PyTorch models. " * 6 + "\nMore.\n")
    s, e = header_line(text)
    assert (s, text[s:e]) == (0, "Senior Data Engineer | PyTorch | Remote (UK) | £90,000 The client is")
    levels = [m.requirement for m in Extractor(tiny).extract(Posting(id="p", source="p", text=text)).mentions]
    assert levels[0] == "required" and set(levels[1:]) == {"context"}    # the prose after it keeps its own
    assert all(sg.start >= e for sg in segment(text)[1:])                 # and is segmented after it


def test_a_flattened_header_stops_before_an_inline_heading(tiny):
    text = ("Data Architect | Remote (UK) | £100,000 Requirements: PyTorch and SQL pipelines experience. "
            + "The client is a bank. " * 15 + "\n")
    s, e = header_line(text)
    assert text[s:e] == "Data Architect | Remote (UK) | £100,000"
    assert _levels(tiny, text) == {"PyTorch": "required", "SQL": "required"}


def test_a_header_cue_still_counts():
    text = "Acme | ML Engineer | SQL is a plus\nBody.\n"
    seg = segment(text)[0]
    assert (seg.start, seg.end, seg.level) == (0, text.index("\n"), "preferred")
    assert SentenceIndex(text).at(text.index("SQL")).level == "preferred"


# a field that is neither blank ("\xa0") nor only the markup the rule strips ("#", "**")
_field = st.text(alphabet=st.characters(blacklist_categories=("Cc", "Cs"), blacklist_characters="|\n\r\\"),
                 min_size=1, max_size=30).filter(lambda f: "".join(f.split()).strip("*_#"))


@settings(max_examples=200, deadline=None)
@given(st.lists(_field, min_size=2, max_size=6),
       st.text(alphabet=st.sampled_from(list("abc SQL.:-|\n•*")), max_size=200))
def test_header_is_the_first_line_and_never_more(fields, body):
    head = " | ".join(fields)
    text = head + "\n" + body
    span = header_line(text)
    if len(head.rstrip("\r")) <= _HEADER_MAX:
        assert span == (0, len(head))
    assert span is None or "\n" not in text[span[0]:span[1]]
    # the rule changes nothing outside the header line
    from unittest import mock

    from skillgraph.extraction import segmentation

    with mock.patch.object(segmentation, "header_line", lambda t: None):
        without = [(x.start, x.end, x.level) for x in segment(text) if x.start > len(head)]
    assert [(x.start, x.end, x.level) for x in segment(text) if x.start > len(head)] == without
