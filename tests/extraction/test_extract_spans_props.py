"""Invariants of the span cleaner (spans.py) and the scored linker (link.py), by hypothesis.

The model itself is replaced by arbitrary raw spans: :func:`clean_spans` must keep every span inside the
text, inside one :func:`pieces` piece (no line break, no bullet), and never return a bare generic word,
whatever the model proposes. The linker's scores stay in [0, 1], are deterministic, and a concept's own
preferred label scores exactly 1.0.
"""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from skillgraph.extraction.inline import glued_boundaries
from skillgraph.extraction.link import Linker
from skillgraph.extraction.spans import Span, clean_spans, is_generic, pieces
from skillgraph.model import Concept
from skillgraph.ontology import Ontology

WORDS = ["Python", "training", "Excitement", "SQL", "and", "the", "machine", "learning", "Java", "of",
         "C++", "C/C++", "data", "team", "PyTorch", "Spark", "English", "work", "e.g.", "(", ")", "(KPIs)",
         "+", "etc)", "[x]", "f(x)"]
SEPS = [" ", " ", " ", ", ", "; ", " / ", "\n", "\r\n", " • ", " | ", "\n- ", "\n* ", " - ", "\t", ". "]

texts = st.lists(st.tuples(st.sampled_from(WORDS), st.sampled_from(SEPS)), min_size=1, max_size=14).map(
    lambda xs: "".join(w + s for w, s in xs))


@st.composite
def text_and_raw(draw):
    text = draw(texts)
    raw = []
    for a, b in draw(st.lists(st.tuples(st.integers(0, len(text)), st.integers(0, len(text))), max_size=6)):
        a, b = min(a, b), max(a, b)
        raw.append(Span(a, b, draw(st.sampled_from(["SKILL", "KNOWLEDGE"]))))
    return text, raw


@settings(max_examples=300, deadline=None)
@given(texts)
def test_pieces_never_hold_a_line_break_or_bullet(text):
    for a, b in pieces(text):
        assert 0 <= a < b <= len(text)
        seg = text[a:b]
        assert seg == seg.strip() and seg
        assert not any(ch in seg for ch in "\n\r\u2022|")


glued_texts = st.lists(st.tuples(st.sampled_from(WORDS + ["Experience", "Strong", "pipelines", "We"]),
                                 st.sampled_from(SEPS + ["", "", ".", "\n\n"])), min_size=1, max_size=14).map(
    lambda xs: "".join(w + s for w, s in xs))


@settings(max_examples=300, deadline=None)
@given(glued_texts)
def test_pieces_never_cross_a_glued_boundary(text):
    """A flattened page's glued items ("data pipelinesExperience with Python") are read apart."""
    ps, pos = pieces(text), 0
    for line in text.splitlines(keepends=True):
        for cut in glued_boundaries(line):
            assert not any(a < pos + cut < b for a, b in ps), (text, pos + cut)
        pos += len(line)


def test_glued_items_are_two_pieces():
    text = "Experience with data pipelinesExperience with PythonStrong SQL skills"
    assert [text[a:b] for a, b in pieces(text)] == [
        "Experience with data pipelines", "Experience with Python", "Strong SQL skills"]


@settings(max_examples=300, deadline=None)
@given(text_and_raw())
def test_clean_spans_inside_text_one_piece_never_generic(data):
    text, raw = data
    ps = pieces(text)
    # as in find_spans: each raw span is clipped to the piece it starts in
    inside = []
    for sp in raw:
        for a, b in ps:
            if a <= sp.start < b:
                inside.append(Span(sp.start, min(sp.end, b), sp.label))
    for sp in clean_spans(text, inside):
        assert 0 <= sp.start < sp.end <= len(text)
        assert any(a <= sp.start and sp.end <= b for a, b in ps), (text, sp)
        seg = text[sp.start:sp.end]
        assert "\n" not in seg and "\r" not in seg and "\u2022" not in seg
        words = seg.split()
        assert not (len(words) == 1 and is_generic(words[0])), seg
        depth = []                          # every bracket in a span is closed in it, and opened in it
        for ch in seg:
            if ch in "([{":
                depth.append(ch)
            elif ch in ")]}":
                assert depth and depth.pop() == {")": "(", "]": "[", "}": "{"}[ch], seg
        assert not depth, seg
        assert words[0] != "+" and words[-1] != "+", seg


def test_generic_word_dropped_and_tool_kept():
    text = "training Python"
    out = clean_spans(text, [Span(0, 8, "SKILL"), Span(9, 15, "SKILL")])
    assert [text[s.start:s.end] for s in out] == ["Python"]
    assert is_generic("training") and not is_generic("PyTorch")


def test_list_span_is_split_into_items():
    text = "Python, Spark and SQL"
    out = clean_spans(text, [Span(0, len(text), "SKILL")])
    assert [text[s.start:s.end] for s in out] == ["Python", "Spark and SQL"]


@pytest.mark.parametrize("span, kept", [
    ("Kanban and/or", "Kanban"), ("HTML5 /", "HTML5"), ("continuous delivery/", "continuous delivery"),
    ("C/C++", "C/C++"), ("TCP/IP", "TCP/IP"), ("and/or Spark", "Spark"),
])
def test_a_dangling_slash_or_and_or_is_trimmed_an_inner_slash_kept(span, kept):
    out = clean_spans(span, [Span(0, len(span), "SKILL")])
    assert [span[s.start:s.end] for s in out] == [kept]


@pytest.mark.parametrize("span, kept", [
    ("Vetting (DV", "Vetting"), ("Infrastructure as code (IaC", "Infrastructure as code"),
    ("etc)Comprehensive problem-solving skills", "Comprehensive problem-solving skills"), ("Python)", "Python"),
    ("(KPIs)", "KPIs"), ("PyTorch (Lightning)", "PyTorch (Lightning)"), ("f(x) models", "f(x) models"),
    ("React +", "React"), ("+ failure recovery", "failure recovery"), ("C++", "C++"),
    ("end-to-end (design \u2192 deploy \u2192", "end-to-end"),
    ("and (SQL", "SQL"), ("including (Terraform", "Terraform"), ("Python) and", "Python"), ("SQL) etc", "SQL"),
    ("((Python))", "Python"), ("(KPIs).", "KPIs"),
])
def test_an_unpaired_bracket_or_a_spaced_plus_is_trimmed_with_what_it_cuts_off(span, kept):
    out = clean_spans(span, [Span(0, len(span), "SKILL")])
    assert [span[s.start:s.end] for s in out] == [kept]


def _linker(ontology):
    return Linker(ontology)


phrases = st.lists(st.sampled_from(["machine", "learning", "apache", "spark", "data", "labeling", "models",
                                    "search", "systems", "python", "go", "zzz", "C++", "of", "skills"]),
                   min_size=0, max_size=5).map(" ".join)


@settings(max_examples=200, deadline=None)
@given(phrases)
def test_linker_scores_in_unit_interval_and_deterministic(ont, phrase):
    lk = _linker(ont)
    first = lk.rank(phrase, k=10)
    assert first == _linker(ont).rank(phrase, k=10)
    assert all(0.0 <= x.score <= 1.0 for x in first)
    assert [x.score for x in first] == sorted((x.score for x in first), reverse=True)


def test_linker_exact_preferred_label_scores_one(ont):
    lk = _linker(ont)
    for c in sorted(ont.concepts.values(), key=lambda c: c.id):
        top = lk.rank(c.label, k=50)
        assert any(x.concept == c.id and x.score == 1.0 for x in top), (c.label, top[:3])


def test_an_adjective_of_a_label_is_part_of_its_name_a_skill_noun_is_not():
    """'learning' is no *deep learning* and 'consistency' no *strong consistency*; 'deep learning',
    'strong Python skills' and 'coaching skills' are theirs."""
    ont = Ontology.from_concepts([
        Concept(id="skill:dl", iri="https://example.org/dl", label="deep learning"),
        Concept(id="skill:cm", iri="https://example.org/cm", label="consistency models",
                alt_labels=("strong consistency",)),
        Concept(id="skill:py", iri="https://example.org/py", label="Python"),
        Concept(id="skill:coach", iri="https://example.org/coach", label="coaching skills")])
    lk = Linker(ont)
    top = {t: lk.rank(t, k=1)[0] for t in ("learning", "deep learning", "consistency", "strong consistency",
                                           "strong Python skills", "coaching", "deep understanding of Python")}
    assert top["deep learning"].score == 1.0 and top["learning"].score < 0.9
    assert top["strong consistency"].score == 0.97 and top["consistency"].score < 0.9
    assert (top["strong Python skills"].concept, top["strong Python skills"].score) == ("skill:py", 1.0)
    assert (top["deep understanding of Python"].concept, top["deep understanding of Python"].score) == ("skill:py", 1.0)
    assert (top["coaching"].concept, top["coaching"].score) == ("skill:coach", 1.0)


def test_a_label_with_a_frame_word_links_exactly_when_the_span_frames_it():
    """'deep learning experience' and 'hands-on deep learning' are *deep learning*, 'strong natural language
    understanding' is NLU and 'knowledge graphs experience' knowledge graphs: the span's frame words around a
    label that holds one must not leave it without an exact key (a broader or sibling label wins then)."""
    ont = Ontology.from_concepts([
        Concept(id="skill:dl", iri="https://example.org/dl", label="deep learning"),
        Concept(id="skill:ml", iri="https://example.org/ml", label="metric learning"),
        Concept(id="skill:rl", iri="https://example.org/rl", label="reinforcement learning"),
        Concept(id="skill:drl", iri="https://example.org/drl", label="deep reinforcement learning"),
        Concept(id="skill:nlu", iri="https://example.org/nlu", label="natural language understanding"),
        Concept(id="skill:nlg", iri="https://example.org/nlg", label="natural language generation"),
        Concept(id="skill:kg", iri="https://example.org/kg", label="knowledge graphs")])
    lk = Linker(ont)
    for text, cid in (("experience with deep learning", "skill:dl"), ("deep learning experience", "skill:dl"),
                      ("hands-on deep learning", "skill:dl"), ("deep reinforcement learning skills", "skill:drl"),
                      ("strong natural language understanding", "skill:nlu"),
                      ("knowledge graphs experience", "skill:kg")):
        top = lk.rank(text, k=1)[0]
        assert (top.concept, top.score) == (cid, 1.0), (text, top)
