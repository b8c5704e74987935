"""What the page shows: :func:`select_subgraph` applies the role/team/level/min-count filters and
the focus (ego) view, then reduces a graph over ``max_nodes`` to its most important part and says
what it left out."""
from __future__ import annotations

from collections import Counter

import networkx as nx

from skillgraph.errors import InputError
from skillgraph.vocab import KINDS, LEVEL_RANK, LEVELS

from .labels import node_label


def _resolve(G: nx.DiGraph, name: str, kinds: tuple[str, ...] | None) -> str:
    """A node id for ``name`` (an id, a label, a unique prefix …), with did-you-mean on failure."""
    from skillgraph.graph import resolve_node

    if name in G and (kinds is None or G.nodes[name].get("kind") in kinds):
        return name
    return resolve_node(G, name, kinds=list(kinds) if kinds else None)


def _reach(G: nx.DiGraph, starts, rel: str, upward: bool = True) -> set[str]:
    """``starts`` plus every node reachable along ``rel`` edges (upward: source → target, e.g.
    skill → broader; otherwise against them, e.g. team ← sub-team)."""
    seen = set(starts)
    frontier = list(seen)
    while frontier:
        n = frontier.pop()
        edges = G.out_edges(n, data=True) if upward else G.in_edges(n, data=True)
        for a, b, d in edges:
            m = b if upward else a
            if d.get("rel") == rel and m not in seen:
                seen.add(m)
                frontier.append(m)
    return seen


def _as_list(x) -> list[str]:
    if x is None:
        return []
    if isinstance(x, str):
        return [x]
    return list(x)


def _requires_ok(d: dict, max_rank: int, min_count: int) -> bool:
    rank = LEVEL_RANK.get(d.get("level"), len(LEVELS) - 1)
    return rank <= max_rank and int(d.get("count", 1) or 1) >= min_count


def select_subgraph(G: nx.DiGraph, *, focus=None, depth: int = 1, role=None, team=None,
                    level: str | None = None, min_count: int = 1,
                    max_nodes: int | None = 500) -> tuple[nx.DiGraph, dict]:
    """The part of ``G`` to draw, and a report of what was left out and why.

    ``role``/``team`` (a name or list of names): only those roles (or the roles belonging to or
    collaborating with the team or its sub-teams) and what they link to. ``level``: keep requirement
    edges at least that strong (``preferred`` keeps required, responsibility and preferred).
    ``min_count``: keep requirement edges mentioned at least that often. Skills left without a
    requirement edge go (their broader ancestors stay while a kept skill needs them). ``focus`` +
    ``depth``: the ego graph around one node (links followed in both directions). ``max_nodes``: a
    larger result keeps its most important part (roles/teams/companies/products by degree, at most
    half the budget unless skills leave room; skills by demand) and says what it left out.
    """
    if level is not None and level not in LEVEL_RANK:
        raise InputError(f"unknown requirement level {level!r}; use one of: {', '.join(LEVELS)}")
    if int(min_count) < 1:
        raise InputError(f"min_count must be at least 1, got {min_count}")
    if int(depth) < 0:
        raise InputError(f"depth must be 0 or more, got {depth}")
    if max_nodes is not None and int(max_nodes) < 1:
        raise InputError(f"max_nodes must be at least 1, got {max_nodes}")
    roles_in = [_resolve(G, r, ("role",)) for r in _as_list(role)]
    teams_in = [_resolve(G, t, ("team",)) for t in _as_list(team)]
    focus_id = _resolve(G, focus, None) if focus is not None else None

    report = {
        "nodes_total": G.number_of_nodes(), "edges_total": G.number_of_edges(),
        "filters": {"focus": focus_id, "depth": int(depth) if focus_id else None,
                    "role": roles_in or None, "team": teams_in or None, "level": level,
                    "min_count": int(min_count)},
    }
    filtered = bool(roles_in or teams_in or level is not None or int(min_count) > 1)
    H = G.copy() if not filtered else _filter(G, roles_in, teams_in, level, int(min_count))
    report["filtered_out"] = {"nodes": G.number_of_nodes() - H.number_of_nodes(),
                              "edges": G.number_of_edges() - H.number_of_edges()}

    if focus_id is not None:
        if focus_id not in H:
            raise InputError(f"focus node {focus_id!r} is not in the graph after the role/team/level/"
                             f"min-count filters; drop a filter or focus on another node")
        ego = nx.ego_graph(H.to_undirected(as_view=True), focus_id, radius=int(depth))
        H = H.subgraph(sorted(ego)).copy()
    report["focus_nodes"] = H.number_of_nodes() if focus_id is not None else None

    report["reduced"] = False
    report["left_out"] = None
    report["message"] = None
    if max_nodes is not None and H.number_of_nodes() > int(max_nodes):
        H, left = _reduce(H, int(max_nodes), focus_id)
        report["reduced"] = True
        report["left_out"] = left
        report["message"] = left["message"]
    report["nodes"] = H.number_of_nodes()
    report["edges"] = H.number_of_edges()
    return H, report


def _filter(G, roles_in, teams_in, level, min_count) -> nx.DiGraph:
    max_rank = LEVEL_RANK[level] if level is not None else len(LEVELS) - 1
    kind = {n: d.get("kind") for n, d in G.nodes(data=True)}
    roles = {n for n, k in kind.items() if k == "role"}
    keep_teams: set[str] = set()
    if roles_in:
        roles &= set(roles_in)
    if teams_in:
        # the team, its sub-teams (part_of, transitively) and the roles attached to any of them
        scope = _reach(G, teams_in, "part_of", upward=False)
        roles &= {r for r in roles for _, t, d in G.out_edges(r, data=True)
                  if t in scope and d.get("rel") in ("belongs_to", "collaborates_with")}
        keep_teams = set(teams_in)
    scoped = bool(roles_in or teams_in)

    keep = set(roles) | keep_teams
    used_skills = set()
    for r in roles:
        for _, t, d in G.out_edges(r, data=True):
            rel = d.get("rel")
            if rel == "requires":
                if _requires_ok(d, max_rank, min_count):
                    used_skills.add(t)
            elif rel in ("belongs_to", "collaborates_with", "works_on"):
                keep.add(t)
        for s, _, d in G.in_edges(r, data=True):
            if d.get("rel") == "has_role":
                keep.add(s)
    # broader ancestors of kept skills, for the hierarchy
    keep |= _reach(G, used_skills, "broader")
    # teams containing kept teams (part_of), companies owning kept teams
    keep |= _reach(G, [t for t in keep if kind.get(t) == "team"], "part_of")
    if not scoped:
        # no role/team scope: every non-skill node stays (teams without roles, products ...)
        keep |= {n for n, k in kind.items() if k != "skill" and k != "role"}
    else:
        for t in [t for t in keep if kind.get(t) == "team"]:
            for s, _, d in G.in_edges(t, data=True):
                if d.get("rel") == "has_team":
                    keep.add(s)

    H = nx.DiGraph()
    H.graph.update(G.graph)
    for n in sorted(keep):
        H.add_node(n, **G.nodes[n])
    for u, v, d in G.edges(data=True):
        if u in keep and v in keep:
            if d.get("rel") == "requires" and not _requires_ok(d, max_rank, min_count):
                continue
            H.add_edge(u, v, **d)
    return H


def _importance(H) -> dict[str, tuple]:
    """Sort key per node (smaller = more important)."""
    key = {}
    for n, d in H.nodes(data=True):
        k = d.get("kind")
        if k == "skill":
            req = [e for e in H.in_edges(n, data=True) if e[2].get("rel") == "requires"]
            demand = len(req)
            mentions = sum(int(e[2].get("count", 1) or 1) for e in req)
            key[n] = (-demand, -mentions, -H.degree(n), n)
        else:
            key[n] = (-H.degree(n), n)
    return key


def _reduce(H: nx.DiGraph, max_nodes: int, focus_id) -> tuple[nx.DiGraph, dict]:
    key = _importance(H)
    kinds = nx.get_node_attributes(H, "kind")
    structural = sorted((n for n in H if kinds.get(n) != "skill" and n != focus_id), key=key.get)
    skills = sorted((n for n in H if kinds.get(n) == "skill" and n != focus_id), key=key.get)
    budget = max_nodes - (1 if focus_id is not None else 0)
    n_struct = min(len(structural), max(budget // 2, budget - len(skills)))
    n_skill = min(len(skills), budget - n_struct)
    n_struct = min(len(structural), budget - n_skill)
    chosen = set(structural[:n_struct]) | set(skills[:n_skill])
    if focus_id is not None:
        chosen.add(focus_id)
    R = H.subgraph(sorted(chosen)).copy()
    # nodes left with no link (their neighbours were cut) say nothing: drop them too
    lonely = [n for n in R if R.degree(n) == 0 and n != focus_id and H.degree(n) > 0]
    R.remove_nodes_from(lonely)

    out = [n for n in H if n not in R]
    by_kind = Counter(kinds.get(n, "other") for n in out)
    out_skills = sorted((n for n in out if kinds.get(n) == "skill"), key=key.get)
    out_other = sorted((n for n in out if kinds.get(n) != "skill"), key=key.get)
    examples = [node_label(H, n) for n in (out_other[:3] + out_skills[:5])]
    kept_kinds = Counter(kinds.get(n, "other") for n in R)
    parts = ", ".join(f"{by_kind[k]:,} {_plural(k) if by_kind[k] != 1 else k}"
                      for k in (*KINDS, "other") if by_kind.get(k))
    message = (f"Showing the {R.number_of_nodes():,} most connected of {H.number_of_nodes():,} nodes "
               f"(max_nodes={max_nodes:,}; roles and teams by degree, skills by demand). "
               f"Left out: {parts} and {H.number_of_edges() - R.number_of_edges():,} links. "
               f"Use focus, role, team, level or min-count filters (or a larger max-nodes) to see them.")
    left = {"nodes": len(out), "edges": H.number_of_edges() - R.number_of_edges(),
            "by_kind": dict(sorted(by_kind.items())), "kept_by_kind": dict(sorted(kept_kinds.items())),
            "examples": examples, "message": message}
    return R, left


def _plural(kind: str) -> str:
    """"company" -> "companies", "skill" -> "skills"."""
    return kind[:-1] + "ies" if kind.endswith("y") and kind[-2:-1] not in "aeiou" else kind + "s"
