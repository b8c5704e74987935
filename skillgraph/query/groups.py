"""Groups of roles and their skill profiles — what every query compares.

A *group* is the set of roles a node stands for: a role is itself; a team is the roles that belong
to it or to a team that is (transitively) part of it; a product is the roles that work on it; a
company is the roles it advertises. A group's skill profile (:func:`skill_needs`) maps each skill
some of its roles require to the strongest level asked and the number of roles asking.

Requirement levels weigh (:data:`WEIGHTS`): required 1.0, responsibility 0.75, preferred 0.5,
context 0.25.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable

import networkx as nx

from skillgraph.errors import InputError
from skillgraph.graph import node_name
from skillgraph.vocab import LEVEL_RANK, LEVELS

__all__ = ["GROUP_KINDS", "KNOWN_LEVELS", "WEIGHTS", "Need", "describe_group", "group_roles", "level_weights",
           "skill_needs"]

WEIGHTS: dict[str, float] = {"required": 1.0, "responsibility": 0.75, "preferred": 0.5, "context": 0.25}
KNOWN_LEVELS = tuple(LEVELS)
"""The levels at which a group "knows" a skill its roles mention: every one, context included (the
stack a role works in is one its people have), so a group against itself (``gap X X``) is coverage
1.0 with no gaps. ``gap`` shows the level FROM knows a skill at as ``from_level``."""
GROUP_KINDS = ("role", "team", "product", "company")


def group_roles(G: nx.DiGraph, node: str) -> list[str]:
    """The roles a role/team/product/company node stands for (sorted)."""
    kind = G.nodes[node].get("kind")
    if kind == "role":
        return [node]
    if kind == "team":
        teams, stack = {node}, [node]
        while stack:  # sub-teams: team --part_of--> node
            t = stack.pop()
            for u in G.predecessors(t):
                if u not in teams and G.edges[u, t]["rel"] == "part_of":
                    teams.add(u)
                    stack.append(u)
        return sorted({u for t in teams for u in G.predecessors(t) if G.edges[u, t]["rel"] == "belongs_to"})
    if kind == "product":
        return sorted(u for u in G.predecessors(node) if G.edges[u, node]["rel"] == "works_on")
    if kind == "company":
        return sorted(v for v in G.successors(node) if G.edges[node, v]["rel"] == "has_role")
    raise InputError(f"{node_name(G, node)!r} is a {kind}: give a role, team, product or company")


@dataclass
class Need:
    """One skill of a group's profile: the strongest level asked, roles and mentions asking."""

    level: str
    postings: int = 0
    mentions: int = 0
    roles: list = field(default_factory=list)


def skill_needs(G: nx.DiGraph, roles: Iterable[str], levels: Iterable[str] = LEVELS) -> dict[str, Need]:
    """skill → :class:`Need` over the ``requires`` edges of ``roles`` at one of ``levels``."""
    levels = set(levels)
    out: dict[str, Need] = {}
    for r in roles:
        for s, d in G.adj[r].items():
            if d["rel"] != "requires" or d["level"] not in levels or not d.get("count", 1):
                continue   # an edge whose every mention is boilerplate is no requirement
            n = out.get(s)
            if n is None:
                n = out[s] = Need(d["level"])
            elif LEVEL_RANK[d["level"]] < LEVEL_RANK[n.level]:
                n.level = d["level"]
            n.postings += 1
            n.mentions += d.get("count", 1)
            n.roles.append(r)
    return out


def level_weights(needs: dict[str, Need]) -> dict[str, float]:
    """skill → the weight of its level."""
    return {s: WEIGHTS[n.level] for s, n in needs.items()}


def describe_group(G: nx.DiGraph, node: str) -> dict:
    """``{id, kind, label}`` of a node, as query results name their ends."""
    d = G.nodes[node]
    return {"id": node, "kind": d.get("kind"), "label": node_name(G, node)}
