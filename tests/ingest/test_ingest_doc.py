"""The shared Doc views (first lines, lines holding positions, anchor index) against the plain way."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from skillgraph.ingest.metadata.anchors import anchor_index
from skillgraph.ingest.metadata.doc import Doc, _head_lines

_LINE_BREAKS = ["\n", "\r\n", "\r", "\x0b", "\x0c", "\x1c", "\x85", "\u2028"]


lines_texts = st.lists(
    st.tuples(st.sampled_from(["", " ", "  x", "Title: ML Engineer", "About Acme:", "a" * 150, "Company: Acme",
                               "\tLocation: Berlin ", "b:c:d", "x" * 700]),
              st.sampled_from(_LINE_BREAKS)),
    max_size=40).map(lambda ps: "".join(a + b for a, b in ps))


@settings(max_examples=200, deadline=None)
@given(lines_texts, st.integers(1, 20))
def test_property_head_lines_and_lines_holding(text, n):
    doc = Doc(text)
    assert _head_lines(text, n) == doc.lines[:n]
    # lines_holding: the stripped splitlines() line of each position, each line once, in text order
    spans, at = [], 0
    for part in text.splitlines(True):
        spans.append((at, at + len(part), part.strip()))
        at += len(part)
    positions = [i for i, c in enumerate(text) if c in ":A"]
    want = []
    for s, e, line in spans:
        if line and any(s <= i < e for i in positions):
            want.append(line)
    assert doc.lines_holding(positions) == want
    for i in positions:
        assert doc.lines_holding([i]) == [ln for s, e, ln in spans if s <= i < e and ln]
    assert doc.colon_lines == [ln for ln in doc.lines if ":" in ln]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["At ", "About ", "AUD", "BAUD", "MAt ", "B.", "BS", "BSc", "MS", "MA", "M.S.", "MEng",
                                 "BTech", "$", "US$", "£", "€", "₹", "USD", "EUR", "CHF", "x", " ", "\n", "é"]),
                max_size=20).map("".join))
def test_property_exact_anchor_scan_finds_every_occurrence(text):
    doc = Doc(text)
    for word in anchor_index().exact:
        want = [i for i in range(len(text)) if text.startswith(word, i)]
        assert sorted(doc.find_exact((word,))) == want, word
