"""The ontology hierarchy as the graph stores it (``broader`` edges between skill nodes), walked
upwards: parents, ancestors with their distance, the path between two concepts, depth."""
from __future__ import annotations

import networkx as nx

from skillgraph.graph import node_name

__all__ = ["Hierarchy"]


class Hierarchy:
    """broader/narrower over the graph's skill nodes, plus extra parents (profile skills not on G)."""

    def __init__(self, G: nx.DiGraph, extra: dict[str, tuple[str, ...]] | None = None,
                 labels: dict[str, str] | None = None):
        self.G, self.extra, self.labels = G, extra or {}, labels or {}
        self._depth: dict[str, int] = {}

    def parents(self, c: str) -> tuple[str, ...]:
        if c in self.G:
            return tuple(sorted(v for v, d in self.G.adj[c].items() if d["rel"] == "broader"))
        return self.extra.get(c, ())

    def label(self, c: str) -> str:
        return node_name(self.G, c) if c in self.G else self.labels.get(c, c)

    def up(self, c: str, limit: int | None = None) -> dict[str, tuple[int, str | None]]:
        """ancestor -> (distance, the node it was reached from), breadth-first."""
        out: dict[str, tuple[int, str | None]] = {}
        frontier, dist = [c], 0
        while frontier and (limit is None or dist < limit):
            dist += 1
            nxt = []
            for x in frontier:
                for p in self.parents(x):
                    if p not in out and p != c:
                        out[p] = (dist, x)
                        nxt.append(p)
            frontier = nxt
        return out

    def chain(self, start: str, up: dict[str, tuple[int, str | None]], end: str) -> list[str]:
        """The ontology path start → … → end (end an ancestor of start), from ``up = self.up(start)``."""
        path = [end]
        while path[-1] != start:
            path.append(up[path[-1]][1])
        return path[::-1]

    def depth(self, c: str) -> int:
        """Distance to the nearest top concept (one without a broader concept)."""
        if c not in self._depth:
            up = self.up(c)
            tops = [d for a, (d, _) in up.items() if not self.parents(a)]
            self._depth[c] = min(tops) if tops else 0
        return self._depth[c]
