"""The role–skill–team graph as one self-contained, interactive HTML page.

:func:`write_html` selects what to show (:func:`select_subgraph`: filters, focus/ego view, a
``max_nodes`` budget), computes a layout in Python (:func:`layout`: a seeded force layout of the
graph's core, with single-neighbour nodes fanned around their neighbour, then label-box overlap
removal) and renders the page with pyvis 0.3.2 through our own template
(:mod:`skillgraph._viz_template`):

* one file, no network request: vis-network is inlined from the copy the pyvis wheel ships, no CDN,
  no Bootstrap, no ``lib/`` folder written anywhere, and a Content-Security-Policy that forbids fetching;
* deterministic bytes: nodes and edges sorted, seeded layout, rounded coordinates, no timestamps, no
  random ids;
* physics off: positions come from Python, so 2,000 nodes draw in about a second instead of minutes;
* posting text is untrusted: it reaches the page only as JSON (``<``, ``>``, ``&`` escaped) or through
  the autoescaping template, and tooltips are plain strings that vis-network shows with ``innerText``.

Node colour and shape show the kind, skill size shows demand, edge style shows the requirement level;
the legend doubles as kind/level filter and a search box focuses a node.
"""
from __future__ import annotations

import functools
import math
import os
import re
from collections import Counter
from pathlib import Path

import networkx as nx

from .errors import InputError

__all__ = ["KINDS", "LEVELS", "layout", "screenshot_html", "select_subgraph", "write_html"]

KINDS = ("role", "skill", "team", "product", "company")
LEVELS = ("required", "responsibility", "preferred", "context")  # strongest first
_LEVEL_RANK = {lvl: i for i, lvl in enumerate(LEVELS)}

# Tableau-10 colours: distinguishable, print well, readable with dark or white text.
NODE_STYLE = {
    "role": {"shape": "box", "color": "#4e79a7", "border": "#2c4a6e", "label": "Role"},
    "skill": {"shape": "dot", "color": "#f28e2b", "border": "#b8631a", "label": "Skill"},
    "team": {"shape": "diamond", "color": "#59a14f", "border": "#3b7034", "label": "Team"},
    "product": {"shape": "triangle", "color": "#76b7b2", "border": "#4a8a85", "label": "Product"},
    "company": {"shape": "hexagon", "color": "#b07aa1", "border": "#7d4f70", "label": "Company"},
}
_ANCESTOR_STYLE = {"color": "#fbe0c3", "border": "#d9a878"}  # skills present only for the hierarchy
_OTHER_STYLE = {"color": "#999999", "border": "#666666"}     # a kind outside the schema

LEVEL_STYLE = {  # vis dashes: false = solid, [dash, gap] in px
    "required": {"color": "#c0392b", "width": 3.0, "dashes": False},
    "responsibility": {"color": "#34495e", "width": 2.0, "dashes": False},
    "preferred": {"color": "#5d6d7e", "width": 1.5, "dashes": [7, 5]},
    "context": {"color": "#aab2bd", "width": 1.2, "dashes": [2, 4]},
}
REL_STYLE = {
    "broader": {"color": "#d9b38c", "width": 0.8, "dashes": False, "label": "broader skill (→ parent)"},
    "belongs_to": {"color": "#7fae78", "width": 1.2, "dashes": False, "label": "role in team"},
    "collaborates_with": {"color": "#7fae78", "width": 1.0, "dashes": [4, 4],
                          "label": "collaborates with team"},
    "part_of": {"color": "#7fae78", "width": 1.0, "dashes": False, "label": "team part of team"},
    "works_on": {"color": "#76b7b2", "width": 1.2, "dashes": False, "label": "works on product"},
    "has_role": {"color": "#c9a6c0", "width": 1.0, "dashes": False, "label": "company has role"},
    "has_team": {"color": "#c9a6c0", "width": 1.0, "dashes": False, "label": "company has team"},
}
_STRUCTURAL = ("role", "team", "company", "product")
_MAX_EVIDENCE = 5
_SEED = 7


# ----------------------------------------------------------------------------------------------
# Selecting what to show
# ----------------------------------------------------------------------------------------------

def _label(G, n) -> str:
    return str(G.nodes[n].get("label") or n)


def _resolve(G: nx.DiGraph, name: str, kinds: tuple[str, ...] | None, what: str) -> str:
    """A node id for ``name`` (an id, a label, a unique prefix …), with did-you-mean on failure."""
    from .graph import resolve_node

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
    rank = _LEVEL_RANK.get(d.get("level"), len(LEVELS) - 1)
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
    if level is not None and level not in _LEVEL_RANK:
        raise InputError(f"unknown requirement level {level!r}; use one of: {', '.join(LEVELS)}")
    if int(min_count) < 1:
        raise InputError(f"min_count must be at least 1, got {min_count}")
    if int(depth) < 0:
        raise InputError(f"depth must be 0 or more, got {depth}")
    if max_nodes is not None and int(max_nodes) < 1:
        raise InputError(f"max_nodes must be at least 1, got {max_nodes}")
    roles_in = [_resolve(G, r, ("role",), "role") for r in _as_list(role)]
    teams_in = [_resolve(G, t, ("team",), "team") for t in _as_list(team)]
    focus_id = _resolve(G, focus, None, "node") if focus is not None else None

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
    max_rank = _LEVEL_RANK[level] if level is not None else len(LEVELS) - 1
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
    examples = [_label(H, n) for n in (out_other[:3] + out_skills[:5])]
    kept_kinds = Counter(kinds.get(n, "other") for n in R)
    parts = ", ".join(f"{by_kind[k]:,} {k}{'s' if by_kind[k] != 1 else ''}"
                      for k in (*KINDS, "other") if by_kind.get(k))
    message = (f"Showing the {R.number_of_nodes():,} most connected of {H.number_of_nodes():,} nodes "
               f"(max_nodes={max_nodes:,}; roles and teams by degree, skills by demand). "
               f"Left out: {parts} and {H.number_of_edges() - R.number_of_edges():,} links. "
               f"Use focus, role, team, level or min-count filters (or a larger max-nodes) to see them.")
    left = {"nodes": len(out), "edges": H.number_of_edges() - R.number_of_edges(),
            "by_kind": dict(sorted(by_kind.items())), "kept_by_kind": dict(sorted(kept_kinds.items())),
            "examples": examples, "message": message}
    return R, left


# ----------------------------------------------------------------------------------------------
# Layout
# ----------------------------------------------------------------------------------------------

# Label fonts (px in graph units: at zoom 1 a label is this many screen pixels high) and the width
# (px) at which vis-network wraps a label onto a new line (``widthConstraint.maximum``).
_FONT = {"role": 15, "company": 15, "team": 14, "product": 14, "skill": 14, "ancestor": 12}
_WRAP = {"role": 170, "company": 150, "team": 150, "product": 150, "skill": 150, "ancestor": 140}
_LINE_H = 1.05     # line height / font size (vis draws lines `size` apart)
_BOX_MARGIN = 8    # role boxes: padding around the text
_PAD = 6.0         # free space kept between two label boxes


def _style_key(d: dict) -> str:
    kind = d.get("kind")
    if kind == "skill" and d.get("used") is False:
        return "ancestor"
    return kind if kind in _FONT else "skill"


# Advance widths of printable ASCII (space .. ~) in Helvetica/Arial, 1/1000 em (Adobe's core-font
# metrics; Arial and Liberation Sans share them). Other characters count as 0.65 em.
_ADVANCE = [
    278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278,   # space .. /
    556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556,   # 0 .. ?
    1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778,  # @ .. O
    667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556,   # P .. _
    333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556,   # ` .. o
    556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584,        # p .. ~
]


@functools.lru_cache(maxsize=65536)
def _text_width(text: str, font: float) -> float:
    """Estimated width in px of ``text`` drawn in Arial at ``font`` px (3% to spare)."""
    em = sum(_ADVANCE[o - 32] if 32 <= (o := ord(ch)) <= 126 else 650 for ch in text)
    return em * font / 1000 * 1.03


def _wrap(text: str, font: float, max_px: float) -> list[str]:
    """Greedy word wrap as vis-network does it for ``widthConstraint.maximum`` (estimated widths)."""
    lines: list[str] = []
    cur = ""
    for word in text.split():
        trial = f"{cur} {word}" if cur else word
        if cur and _text_width(trial, font) > max_px:
            lines.append(cur)
            cur = word
        else:
            cur = trial
    lines.append(cur)
    return lines


def _display_label(G, n) -> str:
    """The label as drawn: clipped, wrapped here (not by vis-network) so the layout knows its size."""
    key = _style_key(G.nodes[n])
    return "\n".join(_wrap(_clip(_label(G, n), 90 if key == "role" else 60), _FONT[key], _WRAP[key]))


def _box(G, n) -> tuple[float, float, float]:
    """Approximate (width, height, y-offset of the box centre from the node) of a node drawn with
    its label, in px at zoom 1. Role boxes hold their label; other shapes have it underneath."""
    d = G.nodes[n]
    key = _style_key(d)
    font = _FONT[key]
    lines = _display_label(G, n).split("\n")
    text_w = max(_text_width(line, font) for line in lines)
    text_h = len(lines) * font * _LINE_H
    if d.get("kind") == "role":
        return text_w + 2 * _BOX_MARGIN + 12, text_h + 2 * _BOX_MARGIN + 12, 0.0  # + border/hover
    size = _node_size(d)
    w = max(2 * size, text_w) + 2
    h = 2 * size + 3 + text_h      # vis puts the label 3 px under the shape
    return w, h, (3 + text_h) / 2


def _fr(pos, src, dst, weight, mass, iterations: int):
    """Fruchterman–Reingold in numpy: repulsion scaled by node mass (big labels push harder),
    attraction by edge weight; repulsion computed in row blocks so memory stays O(n · block)."""
    import numpy as np

    n = len(pos)
    if n < 2:
        return pos * 0
    k = math.sqrt(4.0 / n)
    m = np.asarray(mass, dtype=float)
    t = 0.2
    cool = t / (iterations + 1)
    kk = np.float32(k * k)
    mf = m.astype(np.float32)
    block = max(1, min(n, 2_000_000 // max(n, 1)))
    for _ in range(iterations):
        disp = np.empty_like(pos)
        x = pos[:, 0].astype(np.float32)
        y = pos[:, 1].astype(np.float32)
        for a in range(0, n, block):  # 2-D float32 arrays: several times faster than (n, n, 2)
            b = min(n, a + block)
            dx = x[a:b, None] - x[None, :]
            dy = y[a:b, None] - y[None, :]
            f = dx * dx
            f += dy * dy
            np.maximum(f, np.float32(1e-4), out=f)
            np.divide(kk * mf[a:b, None] * mf[None, :], f, out=f)
            disp[a:b, 0] = np.einsum("ij,ij->i", dx, f)
            disp[a:b, 1] = np.einsum("ij,ij->i", dy, f)
        if len(src):
            dv = pos[src] - pos[dst]
            dl = np.sqrt(np.maximum((dv ** 2).sum(-1), 1e-8))[:, None]
            f = dv * dl * weight[:, None] / k
            np.add.at(disp, src, -f)
            np.add.at(disp, dst, f)
        disp -= pos * 0.08 * m[:, None]  # a weak pull to the centre keeps components together
        length = np.sqrt(np.maximum((disp ** 2).sum(-1), 1e-12))[:, None]
        pos = pos + disp / length * np.minimum(length, t)
        t -= cool
    return pos


def _near_pairs(pos, w, h, off, margin):
    """Index pairs (i, j) whose boxes (grown by ``margin``) may overlap: a sweep along x."""
    import numpy as np

    order = np.argsort(pos[:, 0], kind="stable")
    xs = pos[order, 0]
    reach = float(w.max()) + margin
    hi = np.searchsorted(xs, xs + reach, side="right")
    counts = hi - np.arange(len(xs)) - 1
    ii = np.repeat(np.arange(len(xs)), counts)
    if not len(ii):
        return ii, ii
    starts = np.repeat(np.cumsum(counts) - counts, counts)
    jj = ii + 1 + (np.arange(len(ii)) - starts)
    i, j = order[ii], order[jj]
    cy = pos[:, 1] + off
    keep = ((np.abs(pos[j, 0] - pos[i, 0]) < (w[i] + w[j]) / 2 + margin) &
            (np.abs(cy[j] - cy[i]) < (h[i] + h[j]) / 2 + margin))
    return i[keep], j[keep]


def _remove_overlaps(pos, wh, pad: float = _PAD, max_rounds: int = 400):
    """Push apart label boxes that overlap, along the axis of least overlap, until none do."""
    import numpy as np

    n = len(pos)
    if n < 2:
        return pos
    pos = pos.copy()
    w, h, off = wh[:, 0], wh[:, 1], wh[:, 2]
    for rnd in range(max_rounds):
        if rnd % 10 == 0:
            i, j = _near_pairs(pos, w, h, off, pad + 60.0)
        if not len(i):
            break
        cy = pos[:, 1] + off
        dx = pos[j, 0] - pos[i, 0]
        dy = cy[j] - cy[i]
        ox = (w[i] + w[j]) / 2 + pad - np.abs(dx)
        oy = (h[i] + h[j]) / 2 + pad - np.abs(dy)
        hit = (ox > 0) & (oy > 0)
        if not hit.any():
            if rnd % 10 == 0:
                break
            continue
        i2, j2, dx, dy, ox, oy = i[hit], j[hit], dx[hit], dy[hit], ox[hit], oy[hit]
        sx = np.where(dx >= 0, 1.0, -1.0)
        sy = np.where(dy >= 0, 1.0, -1.0)
        along_x = ox < oy * 1.5  # boxes are wide: moving sideways is cheaper only when clearly so
        move = np.zeros((len(i2), 2))
        move[along_x, 0] = sx[along_x] * (ox[along_x] / 2 + 0.5)
        move[~along_x, 1] = sy[~along_x] * (oy[~along_x] / 2 + 0.5)
        disp = np.zeros_like(pos)
        np.add.at(disp, i2, -move)
        np.add.at(disp, j2, move)
        pos += disp * 0.7
    return pos


def _bbox_area(p, wh) -> float:
    lo_x = (p[:, 0] - wh[:, 0] / 2).min()
    hi_x = (p[:, 0] + wh[:, 0] / 2).max()
    lo_y = (p[:, 1] + wh[:, 2] - wh[:, 1] / 2).min()
    hi_y = (p[:, 1] + wh[:, 2] + wh[:, 1] / 2).max()
    return float((hi_x - lo_x) * (hi_y - lo_y))


def _count_overlaps(p, wh, pad: float = _PAD / 2) -> int:
    """How many pairs of label boxes overlap (closer than ``pad``)."""
    import numpy as np

    if len(p) < 2:
        return 0
    i, j = _near_pairs(p, wh[:, 0], wh[:, 1], wh[:, 2], pad)
    return int(np.count_nonzero(i >= 0)) if len(i) else 0


def _compact(p, wh, rounds: int = 12, shrink: float = 0.9):
    """Pull the drawing towards its centre and push overlaps apart again while that makes it
    smaller: the page zooms to fit, so a tighter drawing means bigger labels on screen."""
    import numpy as np

    best, best_area = p, _bbox_area(p, wh)
    centre = np.median(p, axis=0)
    for _ in range(rounds):
        trial = _remove_overlaps(centre + (best - centre) * shrink, wh)
        area = _bbox_area(trial, wh)
        if area > best_area * 0.98 or _count_overlaps(trial, wh):
            break
        best, best_area = trial, area
    return best


_EDGE_WEIGHT = {"requires": 1.0, "belongs_to": 1.0, "works_on": 0.8, "has_role": 0.5,
                "has_team": 0.4, "part_of": 0.8, "collaborates_with": 0.5, "broader": 0.6}


def layout(G: nx.DiGraph, seed: int = _SEED, aspect: float = 1.5) -> dict[str, tuple[float, float]]:
    """Deterministic positions (px at zoom 1) for every node of ``G``, label boxes not overlapping.

    A seeded force layout (requirement links pull hardest, the skill hierarchy least; nodes with
    bigger labels push harder) is scaled so that the drawing covers about twice the area of its
    label boxes at the ``aspect`` of a screen, then overlapping boxes are pushed apart until none
    overlap. Compact on purpose: the page zooms to fit, so spare space would only shrink the labels.
    """
    import numpy as np

    nodes = sorted(G)
    if not nodes:
        return {}
    n = len(nodes)
    idx = {x: i for i, x in enumerate(nodes)}
    wts: dict[tuple[int, int], float] = {}
    for u, v, d in G.edges(data=True):
        if u == v:
            continue
        key = (min(idx[u], idx[v]), max(idx[u], idx[v]))
        wts[key] = max(wts.get(key, 0.0), _EDGE_WEIGHT.get(d.get("rel"), 0.5))
    pairs = sorted(wts)
    src = np.array([p[0] for p in pairs], dtype=int)
    dst = np.array([p[1] for p in pairs], dtype=int)
    weight = np.array([wts[p] for p in pairs], dtype=float)
    wh = np.array([_box(G, x) for x in nodes], dtype=float)
    area = wh[:, 0] * wh[:, 1]
    mass = np.sqrt(area / np.median(area))

    rng = np.random.default_rng(seed)
    p = rng.random((n, 2)) * 2 - 1
    iterations = int(min(250, max(40, 4e7 / n ** 2)))
    p = _fr(p, src, dst, weight, mass, iterations)

    # scale to ~2x the label area at the screen's aspect ratio
    p -= p.mean(0)
    target = math.sqrt(max(float(area.sum()) * 2.0, 1.0))
    spread = np.maximum(np.percentile(np.abs(p), 95, axis=0), 1e-6)
    p[:, 0] *= target * math.sqrt(aspect) / 2 / spread[0]
    p[:, 1] *= target / math.sqrt(aspect) / 2 / spread[1]
    p = _remove_overlaps(p, wh)
    p = _compact(p, wh)
    p -= (p.max(0) + p.min(0)) / 2
    return {x: (round(float(p[i, 0]), 1), round(float(p[i, 1]), 1)) for i, x in enumerate(nodes)}


# ----------------------------------------------------------------------------------------------
# Tooltips and styles (plain text: vis-network shows string titles with innerText)
# ----------------------------------------------------------------------------------------------

def _clip(text, n: int) -> str:
    s = " ".join(str(text).split())
    return s if len(s) <= n else s[: n - 1].rstrip() + "…"


def _evidence_lines(evidence, limit: int = _MAX_EVIDENCE) -> list[str]:
    lines = []
    for ev in list(evidence or [])[:limit]:
        if not isinstance(ev, dict):
            lines.append(f"• {_clip(ev, 280)}")
            continue
        sent = ev.get("sentence") or ev.get("text") or ""
        where = [f"posting {ev['posting']}"] if ev.get("posting") else []
        if ev.get("section"):
            where.append(f"section {ev['section']}")
        if ev.get("requirement"):
            where.append(str(ev["requirement"]))
        lines.append(f"• “{_clip(sent, 280)}” ({', '.join(where)})" if where else f"• “{_clip(sent, 280)}”")
    extra = len(evidence or []) - limit
    if extra > 0:
        lines.append(f"… and {extra} more")
    return lines


def _node_size(d: dict) -> float:
    kind = d.get("kind")
    if kind == "skill":
        if d.get("used") is False:
            return 5.0
        demand = d.get("demand") or 0
        return round(min(6.0 + 4.0 * math.sqrt(max(float(demand), 0.0)), 30.0), 1)
    return {"team": 13.0, "product": 12.0, "company": 15.0}.get(kind, 10.0)


def _node_title(G, n) -> str:
    d = G.nodes[n]
    kind = d.get("kind", "node")
    lines = [_label(G, n), f"{kind} · {n}"]
    if kind == "skill":
        if d.get("definition"):
            lines.append(_clip(d["definition"], 320))
        if d.get("alt_labels"):
            lines.append("Also: " + _clip(", ".join(map(str, d["alt_labels"][:8])), 200))
        req = sorted(((u, e) for u, _, e in G.in_edges(n, data=True) if e.get("rel") == "requires"),
                     key=lambda ue: (_LEVEL_RANK.get(ue[1].get("level"), 9), ue[0]))
        if d.get("used") is False and not req:
            lines.append("In the graph for the hierarchy (no role asks for it directly).")
        if req:
            levels = Counter(e.get("level", "?") for _, e in req)
            lines.append(f"Required by {len(req)} role{'s' if len(req) != 1 else ''} here: "
                         + ", ".join(f"{levels[lv]} {lv}" for lv in LEVELS if levels.get(lv)))
            ev = [x for _, e in req for x in (e.get("evidence") or [])]
            if ev:
                lines.append("Evidence:")
                lines += _evidence_lines(ev, 3)
    elif kind == "role":
        facts = [d.get("company"), ", ".join(d.get("locations") or []) or None, d.get("seniority"),
                 d.get("work_mode")]
        if d.get("min_years"):
            facts.append(f"{d['min_years']}+ years")
        facts = [str(f) for f in facts if f]
        if facts:
            lines.append(_clip(" · ".join(facts), 200))
        if d.get("posting"):
            lines.append(f"posting {d['posting']}")
        req = [e for _, _, e in G.out_edges(n, data=True) if e.get("rel") == "requires"]
        if req:
            levels = Counter(e.get("level", "?") for e in req)
            lines.append(f"{len(req)} skills: " + ", ".join(f"{levels[lv]} {lv}" for lv in LEVELS
                                                              if levels.get(lv)))
    elif kind == "team" and d.get("aliases"):
        lines.append("Also: " + _clip(", ".join(map(str, d["aliases"])), 200))
    return "\n".join(lines)


def _edge_title(G, u, v, d) -> str:
    rel = d.get("rel", "link")
    head = f"{_label(G, u)} → {_label(G, v)}"
    if rel != "requires":
        return f"{head}\n{rel.replace('_', ' ')}"
    lines = [head, f"requires · {d.get('level', '?')} · {d.get('count', 1)} mention"
                   f"{'s' if d.get('count', 1) != 1 else ''}"]
    ev = d.get("evidence") or []
    if ev:
        lines.append("Evidence:")
        lines += _evidence_lines(ev)
    return "\n".join(lines)


def _vis_nodes(G, pos) -> list[dict]:
    out = []
    for n in sorted(G):
        d = G.nodes[n]
        kind = d.get("kind", "other")
        st = NODE_STYLE.get(kind, {"shape": "dot", **_OTHER_STYLE})
        colors = _ANCESTOR_STYLE if kind == "skill" and d.get("used") is False else st
        x, y = pos[n]
        node = {"id": n, "label": _display_label(G, n), "name": _label(G, n), "kind": kind, "title": _node_title(G, n),
                "shape": st["shape"], "x": x, "y": y, "physics": False,
                "color": {"background": colors["color"], "border": colors["border"],
                          "highlight": {"background": colors["color"], "border": "#000000"},
                          "hover": {"background": colors["color"], "border": "#000000"}},
                "borderWidth": 1.5}
        key = _style_key(d)
        font = {"size": _FONT[key], "face": "arial", "color": "#222222"}
        # roles, teams, companies, products labelled down to 3 px on screen, skills down to 5 px
        node["scaling"] = {"label": {"drawThreshold": 5 if kind == "skill" else 3, "maxVisible": 40}}
        if st["shape"] == "box":
            font["color"] = "#ffffff"
            node["margin"] = _BOX_MARGIN
        else:
            node["size"] = _node_size(d)
            if key == "ancestor":
                font["color"] = "#7a6a5a"
            else:
                font.update(strokeWidth=3, strokeColor="#ffffff")
        node["font"] = font
        if kind == "skill":
            node["demand"] = d.get("demand") or 0
        out.append(node)
    return out


def _vis_edges(G) -> list[dict]:
    out = []
    for i, (u, v, d) in enumerate(sorted(G.edges(data=True), key=lambda e: (e[0], e[1]))):
        rel = d.get("rel", "link")
        if rel == "requires":
            lvl = d.get("level") if d.get("level") in LEVEL_STYLE else "context"
            st = LEVEL_STYLE[lvl]
        else:
            lvl = None
            st = REL_STYLE.get(rel, {"color": "#bbbbbb", "width": 1.0, "dashes": False})
        e = {"id": f"e{i}", "from": u, "to": v, "rel": rel, "title": _edge_title(G, u, v, d),
             "width": st["width"], "dashes": st["dashes"],
             "color": {"color": st["color"], "highlight": "#000000", "hover": "#000000",
                       "opacity": 0.9 if rel == "requires" else 0.7},
             "arrows": {"to": {"enabled": rel in ("requires", "broader", "part_of"),
                               "scaleFactor": 0.45}}}
        if lvl is not None:
            e["level"] = lvl
            e["count"] = int(d.get("count", 1) or 1)
        out.append(e)
    return out


def _vis_options(n_nodes: int) -> dict:
    big = n_nodes > 800
    return {
        "physics": {"enabled": False},
        "layout": {"improvedLayout": False, "randomSeed": _SEED},
        "interaction": {"hover": True, "tooltipDelay": 120, "hideEdgesOnDrag": big,
                        "hideEdgesOnZoom": big, "multiselect": False, "navigationButtons": False,
                        "keyboard": False, "zoomSpeed": 0.6},
        "edges": {"smooth": False, "selectionWidth": 1.5, "hoverWidth": 1.0},
    }


@functools.lru_cache(maxsize=1)
def _vis_js() -> str:
    """vis-network 9.1.2 as shipped inside the pyvis wheel (read, not copied into this repo)."""
    import pyvis

    path = Path(pyvis.__file__).parent / "templates" / "lib" / "vis-9.1.2" / "vis-network.min.js"
    try:
        js = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise InputError(f"cannot read vis-network from the pyvis package ({path}): {exc.strerror}; "
                         f"reinstall pyvis==0.3.2") from exc
    # a source-map comment would make developer tools fetch a file that is not there
    js = re.sub(r"\n//# sourceMappingURL=\S*\s*$", "\n", js)
    if "</script" in js.lower():  # would end our inline <script> early
        raise InputError(f"{path} contains '</script' and cannot be inlined; reinstall pyvis==0.3.2")
    return js


# ----------------------------------------------------------------------------------------------
# The page
# ----------------------------------------------------------------------------------------------

def _legend(H) -> tuple[list, list, list]:
    kinds = Counter(d.get("kind") for _, d in H.nodes(data=True))
    rels = Counter(d.get("rel") for _, _, d in H.edges(data=True))
    levels = Counter(d.get("level") if d.get("level") in LEVEL_STYLE else "context"
                     for _, _, d in H.edges(data=True) if d.get("rel") == "requires")
    kind_rows = [{"key": k, "label": NODE_STYLE[k]["label"], "count": kinds.get(k, 0),
                  "shape": NODE_STYLE[k]["shape"], "color": NODE_STYLE[k]["color"],
                  "border": NODE_STYLE[k]["border"], "radius": 6} for k in KINDS]
    level_rows = [{"key": lv, "count": levels.get(lv, 0), "color": LEVEL_STYLE[lv]["color"],
                   "width": LEVEL_STYLE[lv]["width"],
                   "dash": ",".join(map(str, LEVEL_STYLE[lv]["dashes"])) if LEVEL_STYLE[lv]["dashes"] else ""}
                  for lv in LEVELS]
    other = [{"label": st["label"], "count": rels[rel], "color": st["color"], "width": st["width"],
              "dash": ",".join(map(str, st["dashes"])) if st["dashes"] else ""}
             for rel, st in REL_STYLE.items() if rels.get(rel)]
    return kind_rows, level_rows, other


def render_html(H: nx.DiGraph, *, title: str = "Skill graph", message: str | None = None,
                stats: str = "") -> str:
    """The page for ``H`` as a string (everything ``H`` holds is drawn: select first)."""
    import jinja2
    from pyvis import __version__ as pyvis_version
    from pyvis.network import Network

    from ._viz_template import PAGE_TEMPLATE

    pos = layout(H)
    # pyvis's own add_node/add_edge scan lists on every call (quadratic): fill its lists directly.
    net = Network(height="100%", width="100%", directed=True, cdn_resources="in_line")
    net.nodes = _vis_nodes(H, pos)
    net.edges = _vis_edges(H)
    net.options = _vis_options(len(net.nodes))
    kinds, levels, other = _legend(H)
    env = jinja2.Environment(loader=jinja2.DictLoader({"skillgraph.html": PAGE_TEMPLATE}),
                             autoescape=True, keep_trailing_newline=True)
    env.globals.update(title=title, message=message, stats=stats, kinds=kinds, levels=levels,
                       other_edges=other, pyvis_version=pyvis_version,
                       vis_js=jinja2.utils.markupsafe.Markup(_vis_js()))
    net.templateEnv = env
    net.path = "skillgraph.html"
    env.globals["vis_options"] = net.options  # pyvis passes `options` as a JSON string
    return net.generate_html()


def write_html(G: nx.DiGraph, path, *, focus=None, depth: int = 1, role=None, team=None,
               level: str | None = None, min_count: int = 1, max_nodes: int | None = 500,
               title: str | None = None, screenshot=None) -> dict:
    """Write ``G`` (or the part selected by the filters) as one self-contained HTML file.

    Returns a report: ``path``, ``nodes``/``edges`` drawn, ``nodes_total``/``edges_total`` in ``G``,
    ``filters``, ``filtered_out``, ``reduced`` and ``left_out`` (by kind, examples, ``message``:
    also shown in the page) and ``bytes``; ``screenshot`` (a PNG path) renders the page in headless
    Chromium and saves a picture of it.
    """
    H, report = select_subgraph(G, focus=focus, depth=depth, role=role, team=team, level=level,
                                min_count=min_count, max_nodes=max_nodes)
    if title is None:
        title = "Skill graph"
        if report["filters"]["focus"]:
            title += f" around {_label(G, report['filters']['focus'])}"
    kinds = Counter(d.get("kind") for _, d in H.nodes(data=True))
    stats = (f"{H.number_of_nodes():,} nodes, {H.number_of_edges():,} links"
             + (f" of {G.number_of_nodes():,} / {G.number_of_edges():,}"
                if H.number_of_nodes() != G.number_of_nodes() else "")
             + f" · {kinds.get('role', 0):,} roles, {kinds.get('skill', 0):,} skills")
    if G.graph.get("postings") is not None:
        stats += f" · {G.graph['postings']:,} postings"
    if G.graph.get("ontology_version"):
        stats += f" · ontology {G.graph['ontology_version']}"
    page = render_html(H, title=str(title), message=report["message"], stats=stats)
    path = Path(path)
    if path.parent and not path.parent.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(page, encoding="utf-8", newline="\n")
    os.replace(tmp, path)
    report = {"path": str(path), **report, "bytes": len(page.encode("utf-8")), "screenshot": None}
    if screenshot is not None:
        report["screenshot"] = str(screenshot_html(path, screenshot))
    return report


# ----------------------------------------------------------------------------------------------
# Headless Chromium
# ----------------------------------------------------------------------------------------------

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--no-first-run", "--disable-default-apps", "--disable-extensions"]


def screenshot_html(html_path, png_path, *, width: int = 1400, height: int = 900,
                    timeout_s: float = 60.0, executable: str = CHROMIUM) -> Path:
    """Open ``html_path`` in headless Chromium (every request except the file blocked), wait until
    the graph is drawn, save a PNG of the window to ``png_path``."""
    html_path = Path(html_path).resolve()
    png_path = Path(png_path)
    if not Path(executable).exists():
        raise InputError(f"cannot take a screenshot: no Chromium at {executable} "
                         f"(install Debian's chromium package)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError as exc:
        raise InputError("cannot take a screenshot: playwright is not installed "
                         "(pip install playwright; the browser itself is /usr/bin/chromium)") from exc
    url = html_path.as_uri()
    png_path.parent.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS, headless=True)
        try:
            page = browser.new_page(viewport={"width": width, "height": height})
            page.route("**/*", lambda route: route.continue_() if route.request.url == url
                       else route.abort())
            page.goto(url, wait_until="load", timeout=timeout_s * 1000)
            page.wait_for_function("window.skillgraph && window.skillgraph.ready",
                                   timeout=timeout_s * 1000)
            page.screenshot(path=str(png_path))
        finally:
            browser.close()
    return png_path
