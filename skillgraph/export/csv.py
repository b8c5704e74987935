"""The graph's edges as CSV: Gephi's Source/Target columns plus relation, level, count and both ends'
kind and label."""
from __future__ import annotations

import csv
import io
import os
from typing import IO

import networkx as nx

from ..outputs import write_text

__all__ = ["EDGE_COLUMNS", "write_edges_csv"]

EDGE_COLUMNS = ["source", "target", "rel", "level", "count", "source_kind", "source_label",
                "target_kind", "target_label"]


def write_edges_csv(G: nx.DiGraph, path_or_stream: str | os.PathLike | IO[str]) -> int:
    """One row per edge (Gephi's Source/Target plus rel, level, count and both ends' kind/label)."""
    rows = []
    for u, v, e in G.edges(data=True):
        du, dv = G.nodes[u], G.nodes[v]
        rows.append([u, v, e.get("rel", ""), e.get("level", ""), e.get("count", ""),
                     du.get("kind", ""), du.get("label", ""), dv.get("kind", ""), dv.get("label", "")])
    rows.sort(key=lambda r: [str(x) for x in r[:3]])
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(EDGE_COLUMNS)
    w.writerows([["" if x is None else x for x in r] for r in rows])
    if hasattr(path_or_stream, "write"):
        path_or_stream.write(buf.getvalue())
    else:
        write_text(path_or_stream, buf.getvalue())
    return len(rows)
