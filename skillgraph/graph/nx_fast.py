"""The one place that writes networkx's internal storage (``G._node``, ``G._succ``, ``G._pred``).

Why: :func:`skillgraph.graph.build.build_graph` places millions of ``requires`` edges (2.5 million
for the 100k-posting benchmark). Through the public API each edge dict would be a fresh copy made
by ``add_edge(u, v, **attrs)`` (``dict.update`` into a new dict), so the shared-key edge dicts of
:func:`skillgraph.speed.shared_keys` would become ordinary dicts again (a ``requires`` dict: 184
bytes as ``add_edge`` makes it instead of 104, on CPython 3.11), and reordering or renaming nodes
would mean rebuilding the graph.

Measured (CPython 3.11, ``build_graph`` alone on 30,000 of ``benchmarks/bench_graph.py``'s synthetic
postings, about 760k edges, three rounds each): these helpers 3.5–3.8 s and a process peak
RSS of 747 MB; their public-API equivalents (``add_edges_from``, ``relabel_nodes(copy=False)``,
and clearing and refilling the graph in sorted order) 6.2–7.7 s and 1,109 MB.

The helpers keep networkx's invariants: every edge dict is the same object in ``_succ[u][v]`` and
``_pred[v][u]``, and ``_node``, ``_succ`` and ``_pred`` hold the same keys. Nothing else in
skillgraph touches these attributes (reading the graph goes through ``G.adj``, ``G.pred``,
``G.nodes``), except :func:`edge_count`, which only reads ``_succ``.
"""
from __future__ import annotations

import networkx as nx

__all__ = ["edge_count", "place_edges", "rename_nodes", "sort_storage"]


def edge_count(G: nx.DiGraph) -> int:
    """``G.number_of_edges()`` without its Python-level walk over every node's degree: at 100k nodes
    and 2.5M edges 7 ms instead of 99 ms (measured), which was most of a ``similar ROLE`` query's
    time when the sparse matrix checks its cache against the graph's size."""
    return sum(map(len, G._succ.values()))


def place_edges(G: nx.DiGraph, u: str, edges: dict[str, dict]) -> None:
    """Add the edges ``u → v`` for ``v, attrs in edges.items()``, storing each ``attrs`` dict itself
    (not a copy). ``u`` and every ``v`` must already be nodes; an edge already there is replaced."""
    G._succ[u].update(edges)
    pred = G._pred
    for v, d in edges.items():
        pred[v][u] = d


def rename_nodes(G: nx.DiGraph, mapping: dict[str, str]) -> None:
    """Rename nodes in place, keeping their attribute and edge dicts (the objects themselves).

    The renamed nodes must have out-edges only (no predecessors) and the new names must be free or
    themselves renamed (ids may trade places: the move happens in two phases)."""
    succ_of, pred_of, node_of = G._succ, G._pred, G._node
    moved = []
    for old, new in mapping.items():
        succ = succ_of.pop(old)
        for v in succ:
            del pred_of[v][old]
        moved.append((new, node_of.pop(old), succ, pred_of.pop(old)))
    for new, attrs, succ, pred in moved:
        node_of[new], succ_of[new], pred_of[new] = attrs, succ, pred
        for v, d in succ.items():
            pred_of[v][new] = d


def sort_storage(G: nx.DiGraph) -> None:
    """Store nodes, and each node's predecessors, in sorted order, so that iterating the graph
    does not depend on the order the nodes and edges were added in."""
    for d in (G._node, G._succ, G._pred):
        items = sorted(d.items())
        d.clear()
        d.update(items)
    for nbrs in G._pred.values():
        if len(nbrs) > 1:
            items = sorted(nbrs.items())
            nbrs.clear()
            nbrs.update(items)
