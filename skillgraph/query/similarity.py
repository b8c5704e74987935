"""How alike two groups' skill profiles are: :func:`overlap` (one pair), :func:`overlap_matrix`
(every pair of roles or teams, with numpy) and :func:`similar` (a node's nearest of its kind).

Similarity: Jaccard = |A∩B| / |A∪B| over skills; weighted = Σ_{A∩B} min(wA, wB) /
Σ_{A∪B} max(wA, wB) with w the level weight (weighted Jaccard, 1.0 for identical profiles;
weights: :data:`~skillgraph.query.groups.WEIGHTS`).

Nested teams are not compared: a team's group holds the roles of its sub-teams, and the teams one
posting names (a pod in a team in a group) all hold that posting's role, so when every role of team B
is one of team A's the pair is alike by construction (a parent whose only roles are one child's
scores 1.000, which says nothing). The team matrix and ``similar TEAM`` leave such pairs out;
``overlap_matrix(..., nested=True)`` lists them after the scored pairs, marked ``contains``
("A contains B", or "same roles").
"""
from __future__ import annotations

import heapq
import weakref
from collections import defaultdict

import networkx as nx

from skillgraph.errors import InputError
from skillgraph.graph import node_name, resolve_node
from skillgraph.vocab import LEVEL_RANK

from .groups import GROUP_KINDS, WEIGHTS, describe_group, group_roles, level_weights, skill_needs
from .hierarchy import Hierarchy

__all__ = ["MAX_MATRIX_PAIRS", "overlap", "overlap_matrix", "similar"]

MAX_MATRIX_PAIRS = 10_000_000


def _similarity(wa: dict[str, float], wb: dict[str, float]) -> tuple[float, float, list[str]]:
    if len(wa) > len(wb):
        small, big = wb, wa
    else:
        small, big = wa, wb
    shared = [s for s in small if s in big]
    union = len(wa) + len(wb) - len(shared)
    mins = sum(min(wa[s], wb[s]) for s in shared)
    maxs = sum(wa.values()) + sum(wb.values()) - mins
    return (len(shared) / union if union else 0.0), (mins / maxs if maxs else 0.0), shared


def overlap(G: nx.DiGraph, a: str, b: str) -> dict:
    """Shared skills, skills only A / only B asks for, Jaccard and level-weighted similarity."""
    na, nb = resolve_node(G, a, GROUP_KINDS), resolve_node(G, b, GROUP_KINDS)
    pa, pb = skill_needs(G, group_roles(G, na)), skill_needs(G, group_roles(G, nb))
    jac, wj, shared = _similarity(level_weights(pa), level_weights(pb))

    def row(s, la=None, lb=None):
        return {"skill": node_name(G, s), "id": s, "level_a": la, "level_b": lb}

    def key(r):
        return (min(LEVEL_RANK.get(r["level_a"] or "context"), LEVEL_RANK.get(r["level_b"] or "context")),
                r["skill"].lower(), r["id"])

    return {
        "a": describe_group(G, na), "b": describe_group(G, nb),
        "jaccard": round(jac, 4), "weighted": round(wj, 4),
        "shared": sorted((row(s, pa[s].level, pb[s].level) for s in shared), key=key),
        "only_a": sorted((row(s, pa[s].level) for s in pa if s not in pb), key=key),
        "only_b": sorted((row(s, None, pb[s].level) for s in pb if s not in pa), key=key),
    }


def _matrix_profiles(G: nx.DiGraph, nodes: list[str], by: str) -> dict[str, dict[str, float]]:
    """node → skill → the weight of the strongest level its roles ask (roles, or teams' members)."""
    if by != "team":
        return {n: {s: WEIGHTS[d["level"]] for s, d in G.adj[n].items()
                    if d["rel"] == "requires" and d.get("count", 1)} for n in nodes}   # not boilerplate alone
    profs = {}
    for n in nodes:
        w: dict[str, float] = {}
        for r in group_roles(G, n):
            for s, d in G.adj[r].items():
                if d["rel"] == "requires" and d.get("count", 1):
                    x = WEIGHTS[d["level"]]
                    if x > w.get(s, 0.0):
                        w[s] = x
        profs[n] = w
    return profs


def _containment(G: nx.DiGraph, a: str, ra: frozenset, b: str, rb: frozenset) -> str | None:
    """"same roles", "<A> contains <B>" (every role of B is one of A's), or None."""
    if ra == rb:
        return "same roles"
    if rb <= ra:
        return f"{node_name(G, a)} contains {node_name(G, b)}"
    if ra <= rb:
        return f"{node_name(G, b)} contains {node_name(G, a)}"
    return None


def _nested_pairs(G: nx.DiGraph, nodes: list[str]) -> dict[tuple[int, int], str]:
    """{(i, j), i < j: how} of the teams in ``nodes`` of which one holds every role of the other
    (only teams sharing a role are looked at: through role → teams)."""
    roles = {n: frozenset(group_roles(G, n)) for n in nodes}
    by_role: dict[str, list[int]] = defaultdict(list)
    for i, n in enumerate(nodes):
        for r in roles[n]:
            by_role[r].append(i)
    out: dict[tuple[int, int], str] = {}
    for idx in by_role.values():
        for k, i in enumerate(idx):
            for j in idx[k + 1:]:
                if (i, j) not in out:
                    how = _containment(G, nodes[i], roles[nodes[i]], nodes[j], roles[nodes[j]])
                    if how:
                        out[(i, j)] = how
    return out


def _contains_row(G: nx.DiGraph, nodes: list[str], i: int, j: int, how: str) -> dict:
    a, b = nodes[i], nodes[j]
    return {"a": node_name(G, a), "b": node_name(G, b), "weighted": None, "jaccard": None, "shared": None,
            "a_id": a, "b_id": b, "contains": how}


def overlap_matrix(G: nx.DiGraph, by: str = "role", *, limit: int | None = None,
                   max_pairs: int = MAX_MATRIX_PAIRS, nested: bool = False) -> list[dict]:
    """Every pair of roles (or teams) that shares a skill, with Jaccard and weighted similarity,
    most similar first (ties by id); ``limit`` keeps the first rows.

    Teams of which one holds every role of the other (a sub-team, or teams the same postings name)
    are not scored: they are alike by construction. They are left out, or with ``nested`` listed
    after the scored pairs (in id order, within ``limit``) with null scores and ``contains``
    ("<A> contains <B>" or "same roles").

    Teams with no member roles are left out. Computed with matrix products (numpy): level weights
    are multiples of 0.25, so Σ min(wA, wB) = 0.25·Σ_t [wA ≥ t][wB ≥ t] over t = 0.25, 0.5, 0.75, 1
    — four products of 0/1 matrices. Raises :class:`InputError` above ``max_pairs`` pairs (use
    ``by="team"``, or :func:`similar` for one role's nearest roles)."""
    import numpy as np

    if by not in ("role", "team"):
        raise InputError(f"overlap matrix by {by!r}: choose role or team")
    nodes = sorted(n for n, d in G.nodes(data=True) if d.get("kind") == by)
    profs = _matrix_profiles(G, nodes, by)
    nodes = [n for n in nodes if profs[n]]
    pairs = len(nodes) * (len(nodes) - 1) // 2
    if pairs > max_pairs:
        raise InputError(f"an overlap matrix over {len(nodes):,} {by}s has {pairs:,} pairs (limit "
                         f"{max_pairs:,}) — use --by team, or `similar ROLE` for one role's nearest roles")
    if len(nodes) < 2:
        return []
    col = {s: j for j, s in enumerate(sorted({s for p in profs.values() for s in p}))}
    steps = np.zeros((len(nodes), len(col)), dtype=np.int8)      # weight in quarters: 1..4
    for i, n in enumerate(nodes):
        for s, w in profs[n].items():
            steps[i, col[s]] = round(w * 4)
    mins = np.zeros((len(nodes), len(nodes)), dtype=np.float32)
    for t in (1, 2, 3, 4):
        b = (steps >= t).astype(np.float32)
        mins += b @ b.T
        if t == 1:
            inter = mins.copy()
    mins /= 4
    cnt = (steps > 0).sum(axis=1).astype(np.float64)
    tot = steps.sum(axis=1).astype(np.float64) / 4
    iu, ju = np.nonzero(np.triu(inter > 0, 1))
    sh = inter[iu, ju].astype(np.float64)
    mn = mins[iu, ju].astype(np.float64)
    wj = np.round(mn / (tot[iu] + tot[ju] - mn), 4)
    jac = np.round(sh / (cnt[iu] + cnt[ju] - sh), 4)
    order = np.lexsort((ju, iu, -jac, -wj))
    pairs_nested = _nested_pairs(G, nodes) if by == "team" else {}
    if pairs_nested:
        code = iu.astype(np.int64) * len(nodes) + ju
        skip = np.asarray([i * len(nodes) + j for i, j in pairs_nested], dtype=np.int64)
        order = order[~np.isin(code[order], skip)]
    if limit is not None:
        order = order[:limit]
    rows = [{"a": node_name(G, nodes[iu[o]]), "b": node_name(G, nodes[ju[o]]), "weighted": float(wj[o]),
             "jaccard": float(jac[o]), "shared": int(sh[o]), "a_id": nodes[iu[o]], "b_id": nodes[ju[o]]}
            for o in order.tolist()]
    if nested:
        room = None if limit is None else max(limit - len(rows), 0)
        rows += [_contains_row(G, nodes, i, j, how) for (i, j), how in sorted(pairs_nested.items())][:room]
    return rows


# --- similar --------------------------------------------------------------------------------------

_TOTALS: "weakref.WeakKeyDictionary[nx.DiGraph, tuple]" = weakref.WeakKeyDictionary()


def _role_totals(G: nx.DiGraph) -> dict[str, tuple[int, float]]:
    """role -> (number of skills, sum of level weights), cached per graph (recomputed if it changes)."""
    size = (G.number_of_nodes(), G.number_of_edges())
    hit = _TOTALS.get(G)
    if hit is None or hit[0] != size:
        tots = {}
        for n, d in G.nodes(data=True):
            if d.get("kind") == "role":
                ws = [WEIGHTS[e["level"]] for e in G.adj[n].values() if e["rel"] == "requires"]
                tots[n] = (len(ws), sum(ws))
        hit = _TOTALS[G] = (size, tots)
    return hit[1]


def _reason(G, shared: list[str], w: dict[str, float], limit: int = 4) -> str:
    top = sorted(shared, key=lambda s: (-w[s], -G.nodes[s].get("demand", 0), node_name(G, s).lower()))
    names = ", ".join(node_name(G, s) for s in top[:limit])
    more = f" (+{len(shared) - limit} more)" if len(shared) > limit else ""
    return f"shares {len(shared)} skill{'s' if len(shared) != 1 else ''}: {names}{more}" if shared else ""


def _similar_skills(G: nx.DiGraph, x: str) -> list[dict]:
    """Skills asked together with ``x``: Jaccard of the sets of roles requiring each."""
    rows = []
    ra = {u for u in G.predecessors(x) if G.edges[u, x]["rel"] == "requires"}
    counts: dict[str, int] = defaultdict(int)
    for r in ra:
        for s, d in G.adj[r].items():
            if d["rel"] == "requires" and d.get("count", 1) and s != x:
                counts[s] += 1
    parents = set(Hierarchy(G).parents(x))
    for s, c in counts.items():
        dem = sum(1 for u in G.predecessors(s) if G.edges[u, s]["rel"] == "requires")
        jac = c / (len(ra) + dem - c)
        rel = ""
        if s in parents:
            rel = "; broader concept"
        elif G.has_edge(s, x) and G.edges[s, x]["rel"] == "broader":
            rel = "; narrower concept"
        elif parents & set(Hierarchy(G).parents(s)):
            rel = "; sibling concept"
        rows.append({"node": node_name(G, s), "id": s, "score": round(jac, 4), "jaccard": round(jac, 4),
                     "reason": f"asked together in {c} posting{'s' if c != 1 else ''}{rel}"})
    return rows


def _similar_roles(G: nx.DiGraph, x: str, n: int) -> list[dict]:
    """The ``n`` roles nearest ``x`` by weighted similarity, from the cached sparse role × skill
    matrix (:mod:`~skillgraph.query.role_matrix`): only the columns of ``x``'s skills are read."""
    from .role_matrix import nearest_roles

    wa = {s: WEIGHTS[d["level"]] for s, d in G.adj[x].items() if d["rel"] == "requires" and d.get("count", 1)}
    return [_role_row(G, wa, u, wj, jac) for wj, jac, u in nearest_roles(G, x, wa, n)]


def _role_row(G: nx.DiGraph, wa: dict[str, float], u: str, wj: float, jac: float) -> dict:
    shared = [s for s in wa if s in G.adj[u]]
    w = {s: min(wa[s], WEIGHTS[G.adj[u][s]["level"]]) for s in shared}
    return {"node": node_name(G, u), "id": u, "score": wj, "jaccard": jac, "reason": _reason(G, shared, w)}


def similar_roles_index(G: nx.DiGraph, x: str, n: int) -> list[dict]:
    """The inverted-index :func:`_similar_roles` of before the sparse matrix (a Python loop over every
    role sharing a skill): kept as the reference the matrix is tested and benchmarked against."""
    rows = []
    wa = {s: WEIGHTS[d["level"]] for s, d in G.adj[x].items() if d["rel"] == "requires" and d.get("count", 1)}
    num: dict[str, float] = defaultdict(float)
    inter: dict[str, int] = defaultdict(int)
    for s, w in wa.items():
        for u, d in G.pred[s].items():
            if u != x and d["rel"] == "requires" and d.get("count", 1):
                num[u] += min(w, WEIGHTS[d["level"]])
                inter[u] += 1
    tots, ta = _role_totals(G), sum(wa.values())
    scored = []
    for u, mn in num.items():
        cb, tb = tots[u]
        wj, jac = round(mn / (ta + tb - mn), 4), round(inter[u] / (len(wa) + cb - inter[u]), 4)
        scored.append((-wj, -jac, node_name(G, u).lower(), u))
    for nwj, njac, _, u in heapq.nsmallest(n, scored):
        rows.append(_role_row(G, wa, u, -nwj, -njac))
    return rows


def _similar_groups(G: nx.DiGraph, x: str, kind: str) -> list[dict]:
    """Every team/product/company of ``kind`` sharing a skill with ``x``, by weighted similarity
    (teams holding all of a team's roles, or all of whose roles it holds, left out: alike by construction)."""
    rows = []
    wa = level_weights(skill_needs(G, group_roles(G, x)))
    cands = {m for m, d in G.nodes(data=True) if d.get("kind") == kind and m != x}
    if kind == "team":
        rx = frozenset(group_roles(G, x))
        cands = {m for m in cands if not _containment(G, x, rx, m, frozenset(group_roles(G, m)))}
    for m in cands:
        wb = level_weights(skill_needs(G, group_roles(G, m)))
        jac, wj, shared = _similarity(wa, wb)
        if shared:
            rows.append({"node": node_name(G, m), "id": m, "score": round(wj, 4), "jaccard": round(jac, 4),
                         "reason": _reason(G, shared, {s: min(wa[s], wb[s]) for s in shared})})
    return rows


def similar(G: nx.DiGraph, node: str, n: int = 10) -> list[dict]:
    """The nearest nodes of the same kind, with the reason.

    Roles/teams/products/companies: by weighted similarity of their skill profiles (a role's
    candidates come from an inverted index: only roles sharing a skill are scored). Skills: by
    co-occurrence — Jaccard of the sets of roles requiring them."""
    x = resolve_node(G, node)
    kind = G.nodes[x].get("kind")
    if kind == "skill":
        rows = _similar_skills(G, x)
    elif kind == "role":
        rows = _similar_roles(G, x, n)
    else:
        rows = _similar_groups(G, x, kind)
    rows.sort(key=lambda r: (-r["score"], -r["jaccard"], r["node"].lower(), r["id"]))
    return rows[:n]
