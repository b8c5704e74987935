"""The questions people ask of the role–skill–team graph, as plain functions ``f(G, ...)``.

Names may be node ids or anything :func:`skillgraph.graph.resolve_node` understands (a role's
title, prefix or slug, a skill label, a team/product/company name). Most questions compare
*groups* — the roles a role, team, product or company stands for — by their skill profiles.

- ``groups.py`` — a node's group of roles (:func:`group_roles`), its skill profile, the level
  :data:`WEIGHTS`.
- ``hierarchy.py`` — the ontology's broader/narrower walk over the graph's skill nodes.
- ``profile.py`` — a person's skills from a file (:func:`load_profile` → :class:`Profile`).
- ``gap.py`` — :func:`gap` (what TO needs that FROM lacks, hierarchy-aware, with coverage and the
  :data:`CREDIT` rules) and :func:`plan` (a learning plan closing it).
- ``similarity.py`` — :func:`overlap`, :func:`overlap_matrix`, :func:`similar`.
- ``paths.py`` — :func:`paths` (shortest explained paths between two nodes).
- ``listings.py`` — :func:`skills`, :func:`roles`, :func:`teams`.

The Markdown summary of a graph is an export: :func:`skillgraph.export.summary.summary`.
"""
from .gap import CREDIT, GapItem, GapResult, gap, plan
from .groups import GROUP_KINDS, WEIGHTS, group_roles
from .listings import roles, skills, teams
from .paths import paths
from .profile import Profile, load_profile
from .similarity import overlap, overlap_matrix, similar

__all__ = [
    "CREDIT", "GROUP_KINDS", "GapItem", "GapResult", "Profile", "WEIGHTS", "gap", "group_roles", "load_profile",
    "overlap", "overlap_matrix", "paths", "plan", "roles", "similar", "skills", "teams",
]
