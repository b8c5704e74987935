"""GraphML of the graph, for Gephi and yEd."""
from __future__ import annotations

import json
import os
from typing import IO

import networkx as nx

from ..outputs import atomic_file

__all__ = ["write_graphml"]


def _scalar(v):
    if v is None or isinstance(v, (str, int, float, bool)):
        return v
    return json.dumps(v, sort_keys=True, ensure_ascii=False, default=list)


def write_graphml(G: nx.DiGraph, path: str | os.PathLike | IO[bytes]) -> None:
    """GraphML for Gephi/yEd: lists and dicts become JSON strings, ``None`` is left out, sorted."""
    H = nx.DiGraph()
    H.graph.update({k: _scalar(v) for k, v in sorted(G.graph.items()) if v is not None})
    for n in sorted(G.nodes, key=str):
        H.add_node(str(n), **{k: _scalar(v) for k, v in sorted(G.nodes[n].items()) if v is not None})
    for u, v in sorted(G.edges, key=lambda e: (str(e[0]), str(e[1]))):
        H.add_edge(str(u), str(v), **{k: _scalar(x) for k, x in sorted(G.edges[u, v].items())
                                      if x is not None})
    if hasattr(path, "write"):
        nx.write_graphml(H, path)
        return
    with atomic_file(path, "wb") as fh:
        nx.write_graphml(H, fh)
