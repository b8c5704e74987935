"""Fixtures of the query tests: the tiny graph (see corpus.tiny_graph: no spaCy, no real ontology)."""
from __future__ import annotations

import pytest
from corpus import tiny_graph


@pytest.fixture(scope="module")
def G():
    return tiny_graph()
