"""``similar ROLE`` from the sparse role × skill matrix gives exactly the rows of the inverted index
it replaced: on random graphs (levels, boilerplate-only edges, repeated titles) and on the seeds."""
from __future__ import annotations

import networkx as nx
from hypothesis import given, settings
from hypothesis import strategies as st

from skillgraph.query.role_matrix import role_matrix
from skillgraph.query.similarity import _similar_roles, similar_roles_index
from skillgraph.vocab import LEVELS

edge = st.tuples(st.integers(0, 11), st.sampled_from(LEVELS), st.sampled_from([0, 1, 1, 2]))


@st.composite
def graphs(draw):
    G = nx.DiGraph()
    n_roles = draw(st.integers(1, 14))
    for s in range(12):
        G.add_node(f"skill:{s}", kind="skill", label=f"skill {s}", demand=draw(st.integers(0, 3)))
    for r in range(n_roles):
        title = draw(st.sampled_from(["ML Engineer", "ml engineer", "Data Scientist", f"Role {r}"]))
        G.add_node(f"role:{r:02d}", kind="role", label=title, title=title)
        for s, level, count in draw(st.lists(edge, max_size=8, unique_by=lambda e: e[0])):
            G.add_edge(f"role:{r:02d}", f"skill:{s}", rel="requires", level=level, count=count)
    return G


@settings(max_examples=200, deadline=None)
@given(graphs(), st.integers(1, 15))
def test_matrix_rows_equal_the_inverted_index(G, n):
    for r in sorted(x for x, d in G.nodes(data=True) if d["kind"] == "role"):
        assert _similar_roles(G, r, n) == similar_roles_index(G, r, n)


def test_matrix_is_cached_and_rebuilt_when_the_graph_changes():
    G = nx.DiGraph()
    G.add_node("role:a", kind="role", label="A")
    G.add_node("role:b", kind="role", label="B")
    G.add_node("skill:x", kind="skill", label="x")
    G.add_edge("role:a", "skill:x", rel="requires", level="required", count=1)
    m = role_matrix(G)
    assert role_matrix(G) is m and _similar_roles(G, "role:a", 5) == []
    G.add_edge("role:b", "skill:x", rel="requires", level="preferred", count=1)
    assert role_matrix(G) is not m
    assert [(r["id"], r["score"]) for r in _similar_roles(G, "role:a", 5)] == [("role:b", 0.5)]


def test_seeds_similar_roles_unchanged(root):
    from skillgraph.graph import build_graph
    from skillgraph.pipeline import extract_paths

    ont, xs = extract_paths([root / "seeds"])
    G = build_graph(xs, ont)
    roles = sorted(x for x, d in G.nodes(data=True) if d.get("kind") == "role")
    assert roles
    for r in roles:
        for n in (1, 3, 10):
            assert _similar_roles(G, r, n) == similar_roles_index(G, r, n)
