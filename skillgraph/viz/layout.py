"""Positions for the page, computed in Python (physics off in the browser): a seeded
Fruchterman–Reingold force layout in numpy, scaled to the label area at a screen's aspect, teams,
companies and products put beside the roles they stand for, then label-box overlap removal and
compaction (the page zooms to fit, so a tighter drawing means bigger labels on screen)."""
from __future__ import annotations

import math

import networkx as nx

from .labels import label_box

SEED = 7           # the layout's random seed (also vis-network's ``layout.randomSeed``)
_PAD = 6.0         # free space kept between two label boxes


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


def _fit_area(p, wh, aspect: float) -> float:
    """The area of the smallest box at ``aspect`` (width / height) that holds every label box: what a
    page zooming to fit must show, so the smaller, the bigger the labels on screen."""
    lo_x = (p[:, 0] - wh[:, 0] / 2).min()
    hi_x = (p[:, 0] + wh[:, 0] / 2).max()
    lo_y = (p[:, 1] + wh[:, 2] - wh[:, 1] / 2).min()
    hi_y = (p[:, 1] + wh[:, 2] + wh[:, 1] / 2).max()
    w, h = float(hi_x - lo_x), float(hi_y - lo_y)
    return max(w, h * aspect) * max(h, w / aspect)


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


def _group_kinds() -> tuple[str, ...]:
    """The kinds drawn beside the roles they stand for: every group kind but the role itself."""
    from skillgraph.query.groups import GROUP_KINDS

    return tuple(k for k in GROUP_KINDS if k != "role")


def _groups(G: nx.DiGraph, idx: dict[str, int]) -> dict[int, list[int]]:
    """{team/company/product index: indices of the roles it stands for} (teams: sub-teams' too)."""
    from skillgraph.query.groups import group_roles

    kinds = _group_kinds()
    out = {}
    for n, i in idx.items():
        if G.nodes[n].get("kind") in kinds:
            roles = [idx[r] for r in group_roles(G, n) if r in idx]
            if roles:
                out[i] = roles
    return out


def _team_pairs(groups: dict[int, list[int]], kinds: list) -> dict[tuple[int, int], float]:
    """Extra pulls that keep a team's roles together: each role to the next of the same team
    (a chain, so a team of k roles adds k - 1 pulls, not k²)."""
    out: dict[tuple[int, int], float] = {}
    for g, roles in groups.items():
        if kinds[g] == "team":
            for a, b in zip(roles, roles[1:], strict=False):
                out[(min(a, b), max(a, b))] = _TEAM_PULL
    return out


def _offsets(step: float, radius: int):
    """Grid offsets ``step`` apart within ``radius`` steps, nearest first (ties in a fixed order)."""
    import numpy as np

    r = np.arange(-radius, radius + 1, dtype=float) * step
    grid = np.stack(np.meshgrid(r, r), -1).reshape(-1, 2)
    order = np.lexsort((grid[:, 0], grid[:, 1], np.hypot(grid[:, 0], grid[:, 1])))
    return grid[order]


def _gap(c, off_g, w_g, h_g, q, wh_q):
    """Distance between the box of a group drawn at each of the points ``c`` and the box of each
    node at ``q`` (rows of ``wh_q``): 0 where they touch; a (len(c), len(q)) array."""
    import numpy as np

    dx = np.abs(c[:, None, 0] - q[None, :, 0]) - (w_g + wh_q[None, :, 0]) / 2
    dy = np.abs(c[:, None, 1] + off_g - q[None, :, 1] - wh_q[None, :, 2]) - (h_g + wh_q[None, :, 1]) / 2
    return np.hypot(np.maximum(dx, 0), np.maximum(dy, 0)), np.maximum(dx, dy)


def _in_column(p, wh, groups: dict[int, list[int]]):
    """Each group of one role put in a column with it, alternately just above and just below; a
    group of several roles at their middle. Overlap removal then makes room around them."""
    p = p.copy()
    used = {}   # role -> [height stacked above, height stacked below]
    for g in sorted(groups, key=lambda g: (len(groups[g]), g)):
        roles = groups[g]
        if len(roles) > 1:
            p[g] = p[roles].mean(0)
            continue
        r = roles[0]
        up, down = used.setdefault(r, [0.0, 0.0])
        h = wh[g, 1] + _PAD
        side = -1.0 if up <= down else 1.0
        p[g, 0] = p[r, 0]
        p[g, 1] = p[r, 1] + wh[r, 2] + side * (wh[r, 1] / 2 + _PAD + (up if side < 0 else down) + h / 2) - wh[g, 2]
        used[r][0 if side < 0 else 1] += h
    return p


def _nearer_free_place(p, wh, groups: dict[int, list[int]], pad: float = _PAD, radius: int = 30):
    """Where overlap removal pushed a group away from its roles, move it to the free place (its box
    overlapping no other) with the smallest mean gap to their boxes, if that is nearer."""
    import numpy as np

    p = p.copy()
    w, h, off = wh[:, 0], wh[:, 1], wh[:, 2]
    for g in sorted(groups, key=lambda g: (len(groups[g]), g)):
        roles = np.array(groups[g])
        now = _gap(p[g][None], off[g], w[g], h[g], p[roles], wh[roles])[0].mean()
        if now <= pad:
            continue
        step = max(4.0, h[g] / 2)
        cands = p[roles].mean(0) + _offsets(step, radius)
        reach = radius * step + float(w.max()) + pad
        near = np.flatnonzero((np.abs(p - cands.mean(0)) < reach).all(1))   # boxes a candidate may meet
        near = near[near != g]
        gaps = _gap(cands, off[g], w[g], h[g], p[roles], wh[roles])[0].mean(1)
        free = (_gap(cands, off[g], w[g], h[g], p[near], wh[near])[1] >= pad).all(1) if len(near) else \
            np.ones(len(cands), dtype=bool)
        if free.any():
            i = np.flatnonzero(free)[np.argmin(gaps[free])]
            if gaps[i] < now:
                p[g] = cands[i]
    return p


_TEAM_PULL = 0.6   # weight of the pull between two roles of one team (a requirement link is 1.0)

# Pull per relation. A team, product or company has one link per role, a role dozens of skills: its
# group links pull 4x harder so the group is drawn by its roles and its roles near one another
# (with _in_column and _nearer_free_place: the median gap between the label boxes of a
# team/product/company and its nearest own role, seeds 111 → 26 px; 60 postings of postings-dev
# 433 → 37 px, in a drawing 18,400 px wide).
_EDGE_WEIGHT = {"requires": 1.0, "belongs_to": 4.0, "works_on": 3.2, "has_role": 2.0,
                "has_team": 1.6, "part_of": 3.2, "collaborates_with": 0.5, "broader": 0.6}


_SPREADS = (2.0, 2.5)
"""How many times its label boxes' area the force layout is first scaled to cover, before overlaps are
pushed apart and the drawing is compacted. Where it ends up is chaotic in the start (one edge more on
the seeds: labels at rest 9.5 -> 8.7 px at 2.0), so :func:`layout` finishes both and keeps the one the
page can show biggest (seeds: 8.7 and 9.2 px at rest in a 1400 x 900 window). 3.0 (9.4 px) was tried and
left out: it put a team of the layout tests 170 px from its nearest role (2.0: 72, 2.5: 52)."""


def _finish(p, wh, area, groups, aspect: float, spread: float):
    """The force layout ``p`` (centred) scaled to cover ``spread`` times the label area at ``aspect``,
    groups beside their roles, overlaps removed, compacted."""
    import numpy as np

    target = math.sqrt(max(float(area.sum()) * spread, 1.0))
    scale = np.maximum(np.percentile(np.abs(p), 95, axis=0), 1e-6)
    p = p.copy()
    p[:, 0] *= target * math.sqrt(aspect) / 2 / scale[0]
    p[:, 1] *= target / math.sqrt(aspect) / 2 / scale[1]
    p = _in_column(p, wh, groups)
    p = _remove_overlaps(p, wh)
    p = _nearer_free_place(p, wh, groups)
    p = _compact(p, wh)
    return p - (p.max(0) + p.min(0)) / 2


def layout(G: nx.DiGraph, seed: int = SEED, aspect: float = 1.5) -> dict[str, tuple[float, float]]:
    """Deterministic positions (px at zoom 1) for every node of ``G``, label boxes not overlapping.

    A seeded force layout (a role's links to its team, product and company pull hardest, then
    requirements, the skill hierarchy least; roles of one team pull together; nodes with bigger
    labels push harder) is scaled so that the drawing covers two or two and a half times the area of its label
    boxes at the ``aspect`` of a screen (:data:`_SPREADS`: the one the page shows biggest); each team, company and
    product is put beside the roles it stands for (:func:`_in_column`); overlapping boxes are pushed
    apart until none overlap; a group pushed away moves to the nearest free place. Compact on
    purpose: the page zooms to fit, so spare space would only shrink the labels.
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
    groups = _groups(G, idx)
    kinds = [G.nodes[x].get("kind") for x in nodes]
    for key, w in _team_pairs(groups, kinds).items():
        wts[key] = max(wts.get(key, 0.0), w)
    pairs = sorted(wts)
    src = np.array([p[0] for p in pairs], dtype=int)
    dst = np.array([p[1] for p in pairs], dtype=int)
    weight = np.array([wts[p] for p in pairs], dtype=float)
    wh = np.array([label_box(G, x) for x in nodes], dtype=float)
    area = wh[:, 0] * wh[:, 1]
    mass = np.sqrt(area / np.median(area))

    rng = np.random.default_rng(seed)
    p = rng.random((n, 2)) * 2 - 1
    iterations = int(min(250, max(40, 4e7 / n ** 2)))
    p = _fr(p, src, dst, weight, mass, iterations)

    p -= p.mean(0)
    p = min((_finish(p, wh, area, groups, aspect, spread) for spread in _SPREADS),
            key=lambda q: _fit_area(q, wh, aspect))
    return {x: (round(float(p[i, 0]), 1), round(float(p[i, 1]), 1)) for i, x in enumerate(nodes)}
