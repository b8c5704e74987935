"""Degree levels and fields, and the degree shortcuts against the plain search of every regex."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from skillgraph.ingest import extract_metadata
from skillgraph.ingest.metadata import anchors
from skillgraph.ingest.metadata import degrees as deg
from skillgraph.ingest.metadata.doc import Doc


@pytest.mark.parametrize("text,degrees,fields", [
    ("BS/MS in Computer Science, Electrical Engineering or Mathematics", ("bachelor", "master"),
     ("Computer Science", "Electrical Engineering", "Mathematics")),
    ("Bachelor's degree in Statistics or a related quantitative field", ("bachelor",), ("Statistics",)),
    ("Ph.D. in Physics, Operations Research, or equivalent", ("phd",), ("Physics", "Operations Research")),
    ("B.S. or M.S. degree in CS", ("bachelor", "master"), ("Computer Science",)),
    ("Experience with MS Office. Offices in Boston, MA. You will master new tools.", (), ()),
])
def test_degrees(text, degrees, fields):
    meta = extract_metadata(text)
    assert (meta["degrees"], meta["degree_fields"]) == (degrees, fields)


_DEGREE_TOKENS = (
    "BS B.S. B.S B. Bachelor's bachelors Bachelors undergraduate degree BSc B.Sc BEng B.Tech B.E. B.A. BA MS M.S M.S. "
    "M. Master's masters Master of master degree MBA M.A. MA M.Tech MEng MSc PhD Ph.D. Ph. D PHD phd doctorate "
    "doctoral DPhil degree diploma in or and / , ; . Computer Science computer sciences CS comp sci Comp applied "
    "math Applied Math Mathematics maths EE Electrical and computer engineering & OR operations research "
    "computational biology biology linguistics computational linguistics ML AI NLP statistics statistical science "
    "econometrics physics company İ ı ſ K é related field Experience with MS Office").split()


def _reference_degrees(text: str):
    """find_degrees the straightforward way: every regex searched over every degree sentence."""
    doc = Doc(text)
    chunk = doc.lines_with(anchors.DEGREE_WORDS_LOWER, anchors.DEGREE_WORDS_EXACT)
    levels, fields = set(), {}
    for s_index, sent in enumerate(s for line in chunk.split("\n") for s in deg._SENTENCE_SPLIT_RE.split(line)):
        low = sent.lower()
        if not (any(w in low for w in deg._DEGREE_WORDS_IN_SENTENCE) or deg._DEGREE_CONTEXT_RE.search(sent)):
            continue
        for level, rx in (("bachelor", deg._BACHELOR_RE), ("master", deg._MASTER_RE), ("phd", deg._PHD_RE)):
            if rx.search(sent):
                levels.add(level)
        for name, rx, lower_hints, exact_hints in deg._FIELD_RES:
            if name not in fields and (any(h in low for h in lower_hints) or any(h in sent for h in exact_hints)):
                fm = rx.search(sent)
                if fm:
                    fields[name] = (s_index, fm.start())
    return (tuple(lvl for lvl in ("bachelor", "master", "phd") if lvl in levels),
            tuple(sorted(fields, key=lambda f: (fields[f], f))))


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(_DEGREE_TOKENS), st.sampled_from([" ", " ", "", "\n", ". ", ", ", "/"])),
                max_size=25).map(lambda ps: "".join(a + b for a, b in ps)))
def test_property_degree_shortcuts_match_plain_search(text):
    doc = Doc(text)
    assert deg.find_degrees(doc) == _reference_degrees(text)


@pytest.mark.parametrize("text,degrees", [
    ("masters degree in physics", ("master",)), ("a master's in CS", ("master",)),
    ("bachelors degree; undergraduate degree", ("bachelor",)), ("degree: DPhil", ("phd",)),
    ("a doctoral degree", ("phd",)), ("ph.d. degree", ("phd",)),
])
def test_degree_levels_in_lower_case(text, degrees):
    assert extract_metadata(text)["degrees"] == degrees
