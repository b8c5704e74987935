"""Listings of the graph: :func:`skills` asked for (overall, by a role or a team), every role
(:func:`roles`) and every team (:func:`teams`), as rows for tables."""
from __future__ import annotations

import networkx as nx

from skillgraph.errors import InputError
from skillgraph.graph import node_name, resolve_node
from skillgraph.vocab import LEVEL_RANK, LEVELS

from .groups import group_roles, skill_needs

__all__ = ["roles", "skills", "teams"]


def skills(G: nx.DiGraph, role: str | None = None, team: str | None = None, level: str | None = None) -> list[dict]:
    """Skills asked for (by one role, one team's roles, or all roles), with counts.

    ``level`` keeps only requirements at exactly that level. Sorted by level (for one role) or by
    the number of postings asking, then label."""
    if level is not None and level not in LEVELS:
        raise InputError(f"unknown requirement level {level!r} — choose one of {', '.join(LEVELS)}")
    if role and team:
        raise InputError("give --role or --team, not both")
    if role or team:
        node = resolve_node(G, role, ("role",)) if role else resolve_node(G, team, ("team",))
        rs = group_roles(G, node)
    else:
        rs = [n for n, d in G.nodes(data=True) if d.get("kind") == "role"]
    prof = skill_needs(G, rs, [level] if level else LEVELS)
    rows = [{"skill": node_name(G, s), "id": s, "level": p.level, "postings": p.postings,
             "mentions": p.mentions, "kind": G.nodes[s].get("skill_kind")} for s, p in prof.items()]
    if role:
        rows.sort(key=lambda r: (LEVEL_RANK[r["level"]], -r["mentions"], r["skill"].lower(), r["id"]))
    else:
        rows.sort(key=lambda r: (-r["postings"], LEVEL_RANK[r["level"]], r["skill"].lower(), r["id"]))
    return rows


def _rel_targets(G, n, rel):
    return sorted(node_name(G, v) for v, d in G.adj[n].items() if d["rel"] == rel)


def roles(G: nx.DiGraph) -> list[dict]:
    """Every role with its company, teams, products and skill counts, sorted by title."""
    rows = []
    for n, d in G.nodes(data=True):
        if d.get("kind") != "role":
            continue
        req = [e for e in G.adj[n].values() if e["rel"] == "requires"]
        rows.append({"role": n, "title": node_name(G, n), "company": d.get("company"),
                     "teams": _rel_targets(G, n, "belongs_to"), "products": _rel_targets(G, n, "works_on"),
                     "skills": len(req), "required": sum(1 for e in req if e["level"] == "required")})
    rows.sort(key=lambda r: (r["title"].lower(), r["role"]))
    return rows


def teams(G: nx.DiGraph) -> list[dict]:
    """Every team: what it is part of, its member roles (with sub-teams), collaborating roles,
    distinct skills its members ask for, and its most asked skills."""
    rows = []
    for n, d in G.nodes(data=True):
        if d.get("kind") != "team":
            continue
        members = group_roles(G, n)
        collab = sum(1 for u in G.predecessors(n) if G.edges[u, n]["rel"] == "collaborates_with")
        prof = skill_needs(G, members)
        top = sorted(prof, key=lambda s: (-prof[s].postings, LEVEL_RANK[prof[s].level], node_name(G, s).lower()))[:3]
        rows.append({"team": node_name(G, n), "id": n, "part_of": _rel_targets(G, n, "part_of"),
                     "roles": len(members), "collaborators": collab, "skills": len(prof),
                     "top_skills": [node_name(G, s) for s in top], "aliases": list(d.get("aliases", []))})
    rows.sort(key=lambda r: (-r["roles"], r["team"].lower(), r["id"]))
    return rows

