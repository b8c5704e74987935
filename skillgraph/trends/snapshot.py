"""One side of a diff: who asks for what in one graph, reduced to counts (:func:`snapshot`).

A posting is a role node (``build_graph`` makes one per posting). A posting *requires* a skill when
it has a ``requires`` edge to it with at least one mention outside boilerplate (the rule of
``skillgraph skills`` and of a skill's ``demand``); its level is the edge's level, the strongest the
posting gives it, so the postings of one skill split over the levels without overlap. Ancestors added
only for the hierarchy are not counted: a posting asking for PyTorch does not count for "deep learning".

Roles are matched across snapshots by a key of normalised title and company (:func:`role_key`); the
postings sharing a key are one role whose skills are the union of theirs.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import networkx as nx

from ..graph.names import node_name, norm_name
from ..vocab import LEVELS

__all__ = ["Snapshot", "role_key", "snapshot"]


@dataclass
class Snapshot:
    """Counts of one graph: ``postings``; ``counts[skill][level]`` = postings requiring the skill at that
    level; ``labels[skill]``; ``roles[key]`` = the skills of the role with that key; ``role_labels[key]``."""

    postings: int = 0
    source: str = ""
    counts: dict[str, dict[str, int]] = field(default_factory=dict)
    labels: dict[str, str] = field(default_factory=dict)
    roles: dict[tuple[str, str], frozenset[str]] = field(default_factory=dict)
    role_labels: dict[tuple[str, str], dict] = field(default_factory=dict)
    role_postings: dict[tuple[str, str], int] = field(default_factory=dict)

    def total(self, skill: str) -> int:
        """Postings requiring ``skill`` at any level."""
        return sum(self.counts.get(skill, {}).values())


def role_key(title: str | None, company: str | None) -> tuple[str, str]:
    """The key a role is matched under: normalised title (case, hyphens, spaces) and company."""
    return norm_name(title or ""), norm_name(company or "")


def _requirements(G: nx.DiGraph, r: str):
    for s, d in G.adj[r].items():
        if d.get("rel") == "requires" and d.get("count", 1) and d.get("level") in LEVELS:
            yield s, d["level"]


def snapshot(G: nx.DiGraph, source: str = "") -> Snapshot:
    """The counts of graph ``G`` (see the module's docstring for what counts)."""
    snap = Snapshot(source=source)
    roles: dict[tuple[str, str], set[str]] = {}
    for r, d in sorted(G.nodes(data=True)):
        if d.get("kind") != "role":
            continue
        snap.postings += 1
        key = role_key(d.get("title") or d.get("label") or r, d.get("company"))
        skills = roles.setdefault(key, set())
        snap.role_postings[key] = snap.role_postings.get(key, 0) + 1
        snap.role_labels.setdefault(key, {"title": d.get("title") or node_name(G, r),
                                          "company": d.get("company") or ""})
        for s, level in _requirements(G, r):
            by = snap.counts.setdefault(s, {})
            by[level] = by.get(level, 0) + 1
            skills.add(s)
            snap.labels.setdefault(s, node_name(G, s))
    snap.roles = {k: frozenset(v) for k, v in roles.items()}
    return snap
