"""resolve_term: a concept by id, IRI, compact id, or a label as extraction would link it."""
from __future__ import annotations

from skillgraph.extraction import resolve_term


def ids(ont, term):
    return [c.id for c in resolve_term(ont, term)]


def test_ids_iris_and_compact_ids(ont):
    assert ids(ont, "skill:pytorch") == ["skill:pytorch"]
    assert ids(ont, "  skill:pytorch ") == ["skill:pytorch"]
    assert ids(ont, "https://w3id.org/skillgraph/skill/pytorch") == ["skill:pytorch"]


def test_labels_resolve_the_way_extraction_links_them(ont):
    assert ids(ont, "PyTorch") == ["skill:pytorch"]
    assert ids(ont, "LLMs") == ["skill:llm"]                  # a plural variant
    assert ids(ont, "finetuning") == ["skill:fine-tuning"]    # the closed form
    assert ids(ont, "golang") == ["skill:go"]
    assert ids(ont, "go") == ["skill:go"]                     # exact-case label: case-folded fallback
    assert ids(ont, "underwater basket weaving") == []
