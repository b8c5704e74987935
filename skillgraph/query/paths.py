"""The shortest paths between two nodes, each step explained with its evidence: :func:`paths`."""
from __future__ import annotations

import math
import re
from itertools import islice, pairwise
from typing import Iterable

import networkx as nx

from skillgraph.errors import InputError, NoPathError
from skillgraph.graph import node_name, resolve_node
from skillgraph.vocab import RELATIONS

__all__ = ["HUB_PENALTY", "paths"]

_PHRASES = {
    "requires": "{u} requires {v}", "belongs_to": "{u} belongs to team {v}",
    "collaborates_with": "{u} collaborates with team {v}", "works_on": "{u} works on product {v}",
    "part_of": "team {u} is part of {v}", "has_role": "{u} advertises the role {v}",
    "has_team": "{u} has the team {v}", "broader": "{u} is a narrower concept of {v} (ontology)",
}
HUB_PENALTY = 0.05


def _norm_rel(r: str) -> str:
    r = re.sub(r"(?<=[a-z])([A-Z])", r"_\1", r.strip()).lower().replace("-", "_").replace(" ", "_")
    if r not in RELATIONS:
        raise InputError(f"unknown relation {r!r} in --via — choose from {', '.join(RELATIONS)}")
    return r


def _quote(sentence: str) -> str:
    """The evidence sentence on one line, whole: json/csv carry it in full; only a table shortens it."""
    return " ".join((sentence or "").split())


def _step(G, i, u, v) -> dict:
    fwd = G.has_edge(u, v)
    a, b = (u, v) if fwd else (v, u)
    d = G.edges[a, b]
    rel = d["rel"]
    text = _PHRASES[rel].format(u=node_name(G, a), v=node_name(G, b))
    if rel == "requires":
        text += f" ({d['level']}, {d['count']} mention{'s' if d['count'] != 1 else ''})"
    elif rel == "has_role":
        text += f" (posting {G.nodes[b].get('posting')})"
    ev = [{"posting": e.get("posting"), "text": e.get("text"), "sentence": _quote(e.get("sentence", ""))}
          for e in d.get("evidence", [])[:3]]
    return {"step": i, "from": node_name(G, u), "rel": rel if fwd else f"← {rel}", "to": node_name(G, v),
            "from_id": u, "to_id": v, "explanation": text, "evidence": ev,
            "quote": f"“{ev[0]['sentence']}”" if ev and ev[0]["sentence"] else ""}


def _sorted(G: nx.DiGraph) -> nx.DiGraph:
    """``G`` with nodes and edges in id order: among equally short paths the search keeps the first it
    meets, and the order a graph was filled in differs between graph.json and the same graph read
    back from Turtle (rdflib's order follows the hash seed), so without this the answer would too."""
    H = nx.DiGraph()
    H.add_nodes_from(sorted(G.nodes(data=True), key=lambda nd: nd[0]))
    H.add_edges_from(sorted(G.edges(data=True), key=lambda e: (e[0], e[1])))
    return H


def paths(G: nx.DiGraph, x: str, y: str, via: Iterable[str] | str | None = None, k: int = 1) -> list[dict]:
    """Up to ``k`` shortest paths between two nodes, ignoring edge direction, each step with its
    relation, an explanation and evidence.

    ``via`` restricts the relations walked (names from :data:`~skillgraph.graph.RELATIONS`, a list
    or a comma-separated string). By default every relation except ``has_role``/``has_team`` is
    walked — a company joins everything it advertises, so a path through it says little — unless
    an end is a company. Paths are fewest hops first; among equally short paths, those through
    less-connected (more specific) nodes win: an edge costs 1 + 0.05·(log2(1+deg u) + log2(1+deg v))/2.
    Raises :class:`NoPathError` when the nodes are not connected."""
    a, b = resolve_node(G, x), resolve_node(G, y)
    if k < 1:
        raise InputError(f"-k {k}: ask for at least one path")
    if isinstance(via, str):
        via = [r for r in via.split(",") if r.strip()]
    if via:
        rels = {_norm_rel(r) for r in via}
    else:
        rels = set(RELATIONS)
        if "company" not in (G.nodes[a].get("kind"), G.nodes[b].get("kind")):
            rels -= {"has_role", "has_team"}
    if a == b:
        return [{"path": 1, "length": 0, "nodes": [node_name(G, a)], "steps": []}]
    U = _sorted(G).to_undirected(as_view=True)
    lg: dict[str, float] = {}

    def cost(n):
        if n not in lg:
            lg[n] = math.log2(1 + sum(1 for _ in U.neighbors(n)))
        return lg[n]

    def weight(u, v, d):
        return 1 + HUB_PENALTY * (cost(u) + cost(v)) / 2 if d["rel"] in rels else None

    try:
        if k == 1:
            found = [nx.dijkstra_path(U, a, b, weight=weight)]
        else:
            found = list(islice(nx.shortest_simple_paths(U, a, b, weight=weight), k))
    except nx.NetworkXNoPath:
        how = (f" using only {', '.join(sorted(rels))} edges — allow more relations with --via"
               if via else " — they are in separate parts of the graph")
        raise NoPathError(f"no path between {node_name(G, a)!r} and {node_name(G, b)!r}{how}") from None
    out = []
    for i, p in enumerate(found, 1):
        out.append({"path": i, "length": len(p) - 1, "nodes": [node_name(G, n) for n in p],
                    "steps": [_step(G, j, u, v) for j, (u, v) in enumerate(pairwise(p), 1)]})
    return out

