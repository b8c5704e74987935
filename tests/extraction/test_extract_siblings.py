"""siblings.py: in a row of tools the dictionary linked, the unknown names become spans (candidates of
the hybrid pass, for ``discover``); rows that are not mostly tools, prose, roles and common words do not."""
from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from skillgraph.extraction import Extractor, spans
from skillgraph.extraction.siblings import MAX_WORDS, sibling_spans
from skillgraph.extraction.spans import Span, pieces
from skillgraph.model import Concept, Posting
from skillgraph.ontology import Ontology

TOOLS = ("Python", "Ray", "AWS", "PostgreSQL", "MLflow")


def _hits(text: str, names=TOOLS, kind="tool"):
    out = []
    for n in names:
        for m in re.finditer(rf"(?<!\w){re.escape(n)}(?!\w)", text):
            out.append((m.start(), m.end(), (f"skill:{n.lower()}:{kind}",)))
    return sorted(out)


def _is_tool(cid: str) -> bool:
    return cid.endswith(":tool")


def _texts(text, spans):
    return [text[s.start:s.end] for s in spans]


def test_the_unknown_names_of_a_stack_line_are_spans_its_own_name_and_lower_case_items_are_not():
    text = "Tech Stack: Python, Ray, AWS, Geospatial stack (GDAL, Rasterio, GeoPandas, STAC), PostgreSQL.\n"
    assert _texts(text, sibling_spans(text, _hits(text), _is_tool)) == ["GDAL", "Rasterio", "GeoPandas", "STAC"]
    text = "Core Stack: Dagster, Python, Ray"           # the first item after the list's name
    assert _texts(text, sibling_spans(text, _hits(text), _is_tool)) == ["Dagster"]


def test_slashes_and_and_split_items_and_a_code_name_counts():
    text = "Stack: Python/Django, AWS and llama.cpp, PostgreSQL & EDI X12"
    assert _texts(text, sibling_spans(text, _hits(text), _is_tool)) == ["Django", "llama.cpp", "EDI X12"]


def test_a_row_of_non_tools_or_too_few_tools_gives_nothing():
    text = "Python, AWS, GDAL"
    assert sibling_spans(text, _hits(text, kind="method"), _is_tool) == []      # hits that are no tools
    text = "Python, Ray, Alpha, Beta, Gamma, Delta"                                  # 2 of 6 < MIN_SHARE
    assert sibling_spans(text, _hits(text), _is_tool) == []
    text = "Python, GDAL\nRay, Rasterio"                                             # one tool per line
    assert sibling_spans(text, _hits(text), _is_tool) == []


@pytest.mark.parametrize("item", ["Senior Data Engineer", "Communication", "Designing", "e.g", "Geospatial stack",
                                  "8.x", "We\u2019re AI-native", "Cloud Native Distributed Systems Design"])
def test_roles_common_words_gerunds_abbreviations_lower_case_and_long_items_are_no_names(item):
    text = f"Python, Ray, AWS, {item}"
    assert sibling_spans(text, _hits(text), _is_tool) == []


def test_a_slash_cuts_between_names_only_and_the_first_colon_names_the_list():
    text = "Stack: Python, Ray, TCP/IP, Spring/Dagster; Infra: AWS"
    assert _texts(text, sibling_spans(text, _hits(text), _is_tool)) == ["TCP/IP", "Spring", "Dagster"]


def test_a_lead_in_word_is_cut_and_the_models_own_spans_are_left_to_it():
    text = "Python, Ray, e.g. Dagster, Temporal"
    got = sibling_spans(text, _hits(text), _is_tool)
    assert _texts(text, got) == ["Dagster", "Temporal"]
    model = [Span(got[1].start - 2, got[1].end, "SKILL")]            # the model's span overlaps "Temporal"
    assert _texts(text, sibling_spans(text, _hits(text), _is_tool, model)) == ["Dagster"]
    text = "Python, Ray, e.g., \u201cDagster\u201d"
    assert _texts(text, sibling_spans(text, _hits(text), _is_tool)) == ["Dagster"]


NAME = st.sampled_from(["GDAL", "Rasterio", "STAC", "Next.js", "C++", "X12", "Temporal", "data", "the team",
                        "Senior Engineer", "e.g. Foo", "Azure Data Factory"])
ITEM = st.one_of(st.sampled_from(TOOLS), NAME)
SEP = st.sampled_from([", ", "; ", " / ", "/", " and ", " (", ") ", " | ", "\n", " * ", ": "])


@given(st.lists(st.tuples(ITEM, SEP), min_size=1, max_size=12))
def test_sibling_spans_lie_in_one_piece_overlap_no_hit_and_are_short_names(parts):
    text = "".join(i + s for i, s in parts)
    hits = _hits(text)
    got = sibling_spans(text, hits, _is_tool)
    assert got == sorted(set(got))
    for sp in got:
        assert any(a <= sp.start and sp.end <= b for a, b in pieces(text))
        assert not any(s < sp.end and sp.start < e for s, e, _ in hits)
        words = text[sp.start:sp.end].split()
        assert 1 <= len(words) <= MAX_WORDS
        assert all(any(c.isupper() or c.isdigit() for c in w) or re.search(r"\w[.+#]\w|\w[+#]+$", w) for w in words)


def _c(cid, label, kind="tool"):
    return Concept(id=f"skill:{cid}", iri=f"https://w3id.org/skillgraph/skill/{cid}", label=label, kind=kind)


@pytest.fixture
def cache(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))


def test_the_hybrid_pass_keeps_a_sibling_as_a_candidate_and_links_nothing_from_it(cache, monkeypatch):
    monkeypatch.setattr(spans, "find_spans", lambda texts: [[] for _ in texts])   # the model finds nothing
    ont = Ontology.from_concepts([_c("python", "Python"), _c("ray", "Ray"), _c("aws", "AWS"),
                                  _c("pandas", "pandas")])
    text = "Requirements:\n- Tech stack: Python, Ray, AWS, GeoPandas, GDAL\n"
    x = Extractor(ont, "hybrid").extract(Posting("p", "p", text))
    assert {"GeoPandas", "GDAL"} <= {c.text for c in x.candidates}
    assert {m.text for m in x.mentions} == {"Python", "Ray", "AWS"}
    azure = Concept(id="skill:azure-ai", iri="https://w3id.org/skillgraph/skill/azure-ai", label="Azure AI services",
                    alt_labels=("Azure Cognitive Services",), kind="tool")
    ont = Ontology.from_concepts([_c("python", "Python"), _c("ray", "Ray"), _c("aws", "AWS"), azure])
    text = "Requirements:\n- Tech stack: Python, Ray, AWS, Cognitive Services\n"   # the linker scores it 0.72
    x = Extractor(ont, "hybrid", min_score=0.5).extract(Posting("p", "p", text))
    assert [(c.text, c.nearest[0].concept) for c in x.candidates] == [("Cognitive Services", "skill:azure-ai")]
    assert "skill:azure-ai" not in {m.concept for m in x.mentions}
