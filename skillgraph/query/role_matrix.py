"""The role × skill matrix :func:`~skillgraph.query.similar` scores a role's nearest roles with: a
scipy.sparse CSC matrix of level weights, built once per graph and cached (rebuilt when the graph's
size changes), so one query is a few vector operations over the columns of the role's skills instead
of a Python loop over every role sharing one (≈1.6 s a query at 100k roles before).

The scores are those of the inverted index they replace, to the bit: weights are multiples of 0.25
(exact in floating point, so sums do not depend on order), the division is the same IEEE one, and
the rounding to 4 places and the final order are done in Python on the few candidates that can make
the top ``n``. scipy is imported here only, on the first ``similar ROLE``.
"""
from __future__ import annotations

import weakref
from dataclasses import dataclass

import networkx as nx

from skillgraph.graph import node_name

from .groups import WEIGHTS

__all__ = ["RoleMatrix", "nearest_roles", "role_matrix"]


@dataclass
class RoleMatrix:
    """Roles (rows) × skills (columns) of one graph."""

    size: tuple[int, int]             # (nodes, edges) of the graph it was built from
    roles: list[str]
    row: dict[str, int]
    col: dict[str, int]
    weights: object                   # CSC float64: level weight of each requires edge that is not boilerplate only
    count: object                     # per role: number of its requires edges (boilerplate-only ones too)
    total: object                     # per role: sum of their level weights


_CACHE: "weakref.WeakKeyDictionary[nx.DiGraph, RoleMatrix]" = weakref.WeakKeyDictionary()


def role_matrix(G: nx.DiGraph) -> RoleMatrix:
    """The :class:`RoleMatrix` of ``G``, built on first use and cached per graph."""
    from skillgraph.graph.nx_fast import edge_count

    size = (G.number_of_nodes(), edge_count(G))
    hit = _CACHE.get(G)
    if hit is not None and hit.size == size:
        return hit
    import numpy as np
    from scipy import sparse

    roles = [n for n, d in G.nodes(data=True) if d.get("kind") == "role"]
    row = {r: i for i, r in enumerate(roles)}
    col: dict[str, int] = {}
    rows, cols, vals = [], [], []
    count = np.zeros(len(roles), dtype=np.int64)
    total = np.zeros(len(roles), dtype=np.float64)
    for i, r in enumerate(roles):
        for s, d in G.adj[r].items():
            if d["rel"] != "requires":
                continue
            w = WEIGHTS[d["level"]]
            count[i] += 1
            total[i] += w
            if d.get("count", 1):
                rows.append(i)
                cols.append(col.setdefault(s, len(col)))
                vals.append(w)
    weights = sparse.csc_matrix((np.asarray(vals, dtype=np.float64), (rows, cols)),
                                shape=(len(roles), max(len(col), 1)))
    weights.sum_duplicates()
    hit = _CACHE[G] = RoleMatrix(size, roles, row, col, weights, count, total)
    return hit


def nearest_roles(G: nx.DiGraph, x: str, wa: dict[str, float], n: int) -> list[tuple[float, float, str]]:
    """The ``n`` roles nearest role ``x`` (profile ``wa``: skill → weight) as (weighted, jaccard, role),
    best first: weighted Jaccard, then Jaccard, then name (case-folded), then id."""
    import numpy as np

    m = role_matrix(G)
    skills = [s for s in wa if s in m.col]
    if not skills or n <= 0:
        return []
    sub = m.weights[:, [m.col[s] for s in skills]]          # CSC: one column per skill of x
    caps = np.repeat(np.asarray([wa[s] for s in skills]), np.diff(sub.indptr))
    num = np.bincount(sub.indices, weights=np.minimum(sub.data, caps), minlength=len(m.roles))
    inter = np.bincount(sub.indices, minlength=len(m.roles))
    if x in m.row:
        inter[m.row[x]] = 0
    cand = np.flatnonzero(inter)
    if cand.size == 0:
        return []
    ta, ca = sum(wa.values()), len(wa)
    mn = num[cand]
    wj = mn / (ta + m.total[cand] - mn)
    if cand.size > n:                 # those that can round to the n-th best score or above
        kth = np.partition(wj, cand.size - n)[cand.size - n]
        keep = wj >= kth - 1e-4
        cand, wj = cand[keep], wj[keep]
    scored = []
    for u, w in zip(cand.tolist(), wj.tolist(), strict=True):
        c = int(inter[u])
        jac = round(c / (ca + int(m.count[u]) - c), 4)
        role = m.roles[u]
        scored.append((-round(w, 4), -jac, node_name(G, role).lower(), role))
    scored.sort()
    return [(-a, -b, r) for a, b, _, r in scored[:n]]
