"""The explorer's data: one JSON-ready dict the page embeds (``<script type="application/json">``)
and its side panel, gap and overlap read.

:func:`explorer_data` describes the *whole* graph, not only the part drawn, so the panel and the
two-group comparison answer what ``skillgraph gap`` / ``overlap`` answer on the same graph (the page's
JavaScript ports :mod:`skillgraph.query.gap` and :func:`skillgraph.query.overlap`; tests compare them).

Shape (ids are node ids; every list sorted)::

    {"levels": [...], "weights": {level: w}, "credit": {...},
     "nodes": {id: {"k": kind, "l": label, "n": display name (repeated titles disambiguated)}},
     "roles": {id: {"skills": [[skill, level, count, [evidence sentence, ...], n_evidence]],
                    "teams": [...], "products": [...], "companies": [...]}},
     "skills": {id: {"broader": [...], "narrower": [...], "roles": [[role, level]], "teams": [...],
                     "demand": n}},
     "teams": {id: {"roles": [...], "sub": [...], "parent": [...], "top": [[skill, roles, level]]}},
     "groups": {id: [role, ...]}}        # every role/team/product/company: the roles it stands for

Evidence: at most :data:`MAX_EVIDENCE` sentences per requirement, with the total count beside them
(the panel says "n more").
"""
from __future__ import annotations

import json

import networkx as nx

from skillgraph.vocab import LEVEL_RANK, LEVELS

from .labels import node_label as node_name

__all__ = ["MAX_EVIDENCE", "TOP_SKILLS", "explorer_data", "json_for_script"]

MAX_EVIDENCE = 3
TOP_SKILLS = 15


def _evidence(d: dict) -> tuple[list[str], int]:
    ev = list(d.get("evidence") or [])
    sents = []
    for e in ev:
        s = (e.get("sentence") or e.get("text") or "") if isinstance(e, dict) else str(e)
        s = " ".join(str(s).split())
        if s and s not in sents:
            sents.append(s)
    return sents[:MAX_EVIDENCE], len(ev)


def _by_rel(G: nx.DiGraph, n: str, rel: str, out: bool = True) -> list[str]:
    edges = G.out_edges(n, data="rel") if out else G.in_edges(n, data="rel")
    return sorted((v if out else u) for u, v, r in edges if r == rel)


def _role(G: nx.DiGraph, r: str) -> dict:
    skills = []
    for s, d in sorted(G.adj[r].items()):
        if d.get("rel") == "requires":
            sents, n_ev = _evidence(d)
            skills.append([s, d.get("level", "context"), int(d.get("count", 1) or 0), sents, n_ev])
    return {"skills": skills, "teams": _by_rel(G, r, "belongs_to") + _by_rel(G, r, "collaborates_with"),
            "products": _by_rel(G, r, "works_on"), "companies": _by_rel(G, r, "has_role", out=False)}


def _skill(G: nx.DiGraph, s: str) -> dict:
    roles, teams = [], set()
    for r, _, d in G.in_edges(s, data=True):
        if d.get("rel") == "requires":
            roles.append([r, d.get("level", "context")])
            teams.update(_by_rel(G, r, "belongs_to"))
    return {"broader": _by_rel(G, s, "broader"), "narrower": _by_rel(G, s, "broader", out=False),
            "roles": sorted(roles), "teams": sorted(teams), "demand": int(G.nodes[s].get("demand") or 0)}


def _team(G: nx.DiGraph, t: str, roles: list[str]) -> dict:
    count: dict[str, int] = {}
    best: dict[str, str] = {}
    for r in roles:
        for s, d in G.adj[r].items():
            if d.get("rel") == "requires" and d.get("count", 1):
                count[s] = count.get(s, 0) + 1
                lv = d.get("level", "context")
                if s not in best or LEVEL_RANK.get(lv, 9) < LEVEL_RANK.get(best[s], 9):
                    best[s] = lv
    top = sorted(count, key=lambda s: (-count[s], LEVEL_RANK.get(best[s], 9), node_name(G, s).lower(), s))
    return {"roles": roles, "sub": _by_rel(G, t, "part_of", out=False), "parent": _by_rel(G, t, "part_of"),
            "top": [[s, count[s], best[s]] for s in top[:TOP_SKILLS]], "n_skills": len(count)}


def explorer_data(G: nx.DiGraph) -> dict:
    """Everything the explorer's panel, gap and overlap need about ``G`` (see the module docstring)."""
    from skillgraph.graph.names import distinct_names
    from skillgraph.query.gap import CREDIT
    from skillgraph.query.groups import GROUP_KINDS, WEIGHTS, group_roles

    kind = {n: G.nodes[n].get("kind") for n in G}
    shown = distinct_names(G, [n for n in G if kind[n] in ("role", "team")])
    nodes = {n: {"k": kind[n], "l": node_name(G, n), "n": shown.get(n, node_name(G, n))} for n in sorted(G)}
    groups = {n: group_roles(G, n) for n in sorted(G) if kind[n] in GROUP_KINDS}
    return {
        "levels": list(LEVELS), "weights": dict(WEIGHTS), "credit": dict(CREDIT), "nodes": nodes,
        "roles": {n: _role(G, n) for n in sorted(G) if kind[n] == "role"},
        "skills": {n: _skill(G, n) for n in sorted(G) if kind[n] == "skill"},
        "teams": {n: _team(G, n, groups[n]) for n in sorted(G) if kind[n] == "team"},
        "groups": groups,
    }


def json_for_script(data) -> str:
    """``data`` as JSON safe inside ``<script type="application/json">``: ``<``, ``>``, ``&`` and the
    line separators are escaped, so no posting text can close the element or open a comment."""
    s = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    for ch, esc in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"), ("\u2028", "\\u2028"),
                    ("\u2029", "\\u2029")):
        s = s.replace(ch, esc)
    return s
