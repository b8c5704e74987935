"""The aggregated graph: what a build of very many postings draws instead of one role node per posting
(``skillgraph build --engine spark`` above ``--max-roles``), from the aggregate tables of
:mod:`skillgraph.engines.aggregates` (plain rows, so this stage needs no Spark).

Nodes: the skills asked for (with the ancestors and ``broader`` edges the normal graph has, same
attributes; ``demand`` is the number of postings asking for the skill), the companies and their teams
(``team``/``company`` as in the normal graph, named alike folded into one). Edges:

* ``requires`` company → skill: ``level`` (strongest over the company's postings), ``count`` (how many
  of its postings ask for it), ``evidence`` empty (the mentions are in ``mentions.parquet``);
* ``has_team`` company → team, ``part_of`` team → team, each with ``count`` (postings naming it).

Graph attributes as the normal graph's, plus ``aggregated: True`` and ``roles`` (the postings counted).
"""
from __future__ import annotations

import networkx as nx

from skillgraph.speed import paused_gc

from .build import _Builder, _Named
from .names import norm_name
from .nx_fast import sort_storage

__all__ = ["build_aggregated_graph"]


def build_aggregated_graph(tables: dict[str, list[dict]], ontology, postings: int) -> nx.DiGraph:
    """The aggregated graph of ``tables`` (aggregate name → rows: ``skills``, ``skill_companies``,
    ``team_links``), ``postings`` the number of postings aggregated."""
    with paused_gc():
        b = _Builder(ontology)
        G = b.G
        for r in sorted(tables["skills"], key=lambda r: r["concept"]):
            cid = r["concept"]
            b.demand[cid] = r["roles"]
            b.in_ontology[cid] = cid in ontology
            if not b.in_ontology[cid]:
                b.labels[cid] = ("", r["label"])
        b._add_skills()
        companies, teams = _Named(G, "company"), _Named(G, "team")
        for r in sorted(tables["skill_companies"], key=lambda r: (r["company"], r["concept"])):
            G.add_edge(companies.get(r["company"]), r["concept"], rel="requires", level=r["level"],
                       count=r["roles"], evidence=[])
        for r in sorted(tables["team_links"], key=lambda r: (r["company"] or "", r["team"], r["role"] or "",
                                                               r["parent"] or "")):
            if r["role"] == "product":
                continue
            tid = teams.get(r["team"])
            if r["company"]:
                _count(G, companies.get(r["company"]), tid, "has_team", r["postings"])
            if r["parent"] and norm_name(r["parent"]) != norm_name(r["team"]):
                pid = teams.get(r["parent"])
                if pid != tid:
                    _count(G, tid, pid, "part_of", r["postings"])
        G.graph.update(postings=postings, roles=postings, aggregated=True)
        for _, d in G.nodes(data=True):
            if "aliases" in d:
                d["aliases"].sort()
        sort_storage(G)
        return G


def _count(G: nx.DiGraph, u: str, v: str, rel: str, n: int) -> None:
    if G.has_edge(u, v):
        G.adj[u][v]["count"] += n
    else:
        G.add_edge(u, v, rel=rel, count=n)
