"""Fixtures of the trends tests: tiny graphs built from postings whose skills and levels are given."""
from __future__ import annotations

import pytest
from corpus import posting, tiny_ontology

from skillgraph.graph import build_graph


def _graph_of(postings, prefix="p"):
    """A graph of postings given as ``(title, company, {concept: level})`` (or just ``{concept: level}``)."""
    xs = []
    for i, p in enumerate(postings):
        title, company, skills = p if isinstance(p, tuple) else (f"Role {prefix}{i}", f"Co {prefix}{i}", p)
        xs.append(posting(f"{prefix}{i:03d}", title, [(c, lvl, 1) for c, lvl in sorted(skills.items())],
                          company=company))
    return build_graph(xs, tiny_ontology())


@pytest.fixture(scope="session")
def graph_of():
    """:func:`_graph_of`: postings given as ``(title, company, {concept: level})`` → a tiny graph."""
    return _graph_of
