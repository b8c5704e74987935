"""Frontier terms resolve to the shipped ontology's concepts the way extraction links them
(``skillgraph.extraction.resolve_term`` over the loaded ontology)."""
from __future__ import annotations

import pytest

from skillgraph.extraction import resolve_term


@pytest.mark.parametrize("term,expected", [
    ("diffusion models", "skill:diffusion-models"),
    ("RLHF", "skill:rlhf"),
    ("VLMs", "skill:vision-language-models"),
    ("finetuning", "skill:fine-tuning"),
    ("PyTorch", "skill:pytorch"),
    ("Spark", "skill:apache-spark"),
    ("ML fairness", "skill:ml-fairness"),
    ("red teaming", "skill:red-teaming"),
])
def test_lookup_resolves_frontier_terms(ont, term, expected):
    assert expected in [c.id for c in resolve_term(ont, term)]


def test_lookup_unknown_is_empty(ont):
    assert resolve_term(ont, "underwater basket weaving") == []
