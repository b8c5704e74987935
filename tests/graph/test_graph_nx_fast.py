"""The networkx storage helpers: edges placed without copies, renames that trade places, sorted storage —
each leaves a graph networkx itself sees as consistent."""
from __future__ import annotations

import networkx as nx

from skillgraph.graph.nx_fast import place_edges, rename_nodes, sort_storage


def _consistent(G: nx.DiGraph) -> bool:
    same_keys = set(G._node) == set(G._succ) == set(G._pred)
    mirrored = all(G._pred[v][u] is d for u, nbrs in G._succ.items() for v, d in nbrs.items())
    counted = sum(len(p) for p in G._pred.values()) == sum(len(s) for s in G._succ.values())
    return same_keys and mirrored and counted


def test_place_edges_stores_the_dicts_themselves():
    G = nx.DiGraph()
    G.add_nodes_from(["r", "a", "b"])
    da, db = {"rel": "requires"}, {"rel": "requires"}
    place_edges(G, "r", {"a": da, "b": db})
    assert G.adj["r"]["a"] is da and G.pred["b"]["r"] is db and list(G.successors("r")) == ["a", "b"]
    assert _consistent(G) and G.number_of_edges() == 2


def test_rename_nodes_lets_ids_trade_places():
    G = nx.DiGraph()
    G.add_node("x", label="X")
    G.add_node("y", label="Y")
    G.add_node("s")
    G.add_edge("x", "s", w=1)
    G.add_edge("y", "s", w=2)
    d = G.adj["x"]["s"]
    rename_nodes(G, {"x": "y", "y": "x"})
    assert G.nodes["y"]["label"] == "X" and G.adj["y"]["s"] is d and G.adj["x"]["s"]["w"] == 2
    assert _consistent(G)


def test_sort_storage_orders_nodes_and_predecessors():
    G = nx.DiGraph()
    G.add_edges_from([("c", "z"), ("a", "z"), ("b", "z")])
    sort_storage(G)
    assert list(G) == ["a", "b", "c", "z"] and list(G.predecessors("z")) == ["a", "b", "c"]
    assert _consistent(G)
