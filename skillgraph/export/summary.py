"""The Markdown summary of a graph (``summary.md``): counts, roles, teams, products and the most
asked skills, as tables (deterministic: the same graph gives the same text)."""
from __future__ import annotations

from collections import defaultdict

import networkx as nx

from skillgraph.graph import node_name
from skillgraph.query import group_roles, roles, skills, teams

__all__ = ["summary"]


def _md(v) -> str:
    """A table cell: pipes escaped, one line, and no raw HTML (a posting's title is the poster's text:
    ``<img onerror=…>`` would be rendered by a Markdown preview), so ``<`` is written ``&lt;``."""
    if v is None:
        return ""
    if isinstance(v, (list, tuple)):
        v = ", ".join(str(x) for x in v)
    return str(v).replace("|", "\\|").replace("\n", " ").replace("<", "&lt;")


def _md_table(rows: list[dict], cols: list[str], limit: int, more: str) -> list[str]:
    out = ["| " + " | ".join(cols) + " |", "|" + "---|" * len(cols)]
    out += ["| " + " | ".join(_md(r.get(c)) for c in cols) + " |" for r in rows[:limit]]
    if len(rows) > limit:
        out.append(f"\n… and {len(rows) - limit:,} more ({more}).")
    return out


def summary(G: nx.DiGraph, limit: int = 50) -> str:
    """A human-readable Markdown summary: counts, roles, teams, products, top skills (deterministic)."""
    count = defaultdict(int)
    for _, d in G.nodes(data=True):
        count[d.get("kind")] += 1
    used = sum(1 for _, d in G.nodes(data=True) if d.get("kind") == "skill" and d.get("used"))
    req = sum(1 for *_, d in G.edges(data=True) if d["rel"] == "requires")
    lines = [
        "# skillgraph summary", "",
        f"{G.graph.get('postings', count['role']):,} postings → {count['role']:,} roles, {used:,} skills asked for "
        f"({count['skill']:,} with their broader concepts), {req:,} requirements, {count['team']:,} teams, "
        f"{count['product']:,} products, {count['company']:,} companies. Ontology version "
        f"{G.graph.get('ontology_version') or '?'}.", "",
        "## Roles", "",
        *_md_table(roles(G), ["title", "role", "company", "teams", "products", "skills", "required"], limit,
                   "`skillgraph roles`"), "",
        "## Teams", "",
        *_md_table(teams(G), ["team", "part_of", "aliases", "roles", "collaborators", "top_skills"], limit,
                   "`skillgraph teams`"), "",
    ]
    prods = []
    for n, d in G.nodes(data=True):
        if d.get("kind") == "product":
            rs = group_roles(G, n)
            prods.append({"product": node_name(G, n), "roles": len(rs), "aliases": d.get("aliases", []),
                          "worked_on_by": sorted(node_name(G, r) for r in rs)[:5]})
    prods.sort(key=lambda r: (-r["roles"], r["product"].lower()))
    lines += ["## Products", "", *_md_table(prods, ["product", "aliases", "roles", "worked_on_by"], limit,
                                            "see graph.json"), ""]
    top = skills(G)
    lines += ["## Top skills", "", *_md_table(top, ["skill", "id", "postings", "level", "mentions"], limit,
                                              "`skillgraph skills`"), ""]
    return "\n".join(lines)
