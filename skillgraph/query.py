"""The questions people ask of the role–skill–team graph, as plain functions ``f(G, ...)``.

Names may be node ids or anything :func:`skillgraph.graph.resolve_node` understands (a role's
title, prefix or slug, a skill label, a team/product/company name).

A *group* is the set of roles a node stands for: a role is itself; a team is the roles that belong
to it or to a team that is (transitively) part of it; a product is the roles that work on it; a
company is the roles it advertises. A group's skill profile maps each skill some of its roles
require to the strongest level asked and the number of roles asking.

Requirement levels weigh (:data:`WEIGHTS`): required 1.0, responsibility 0.75, preferred 0.5,
context 0.25.

``gap`` coverage credit for a needed skill *s*, given the known skills *K* (:data:`CREDIT`):

- 1.0   ``s`` in *K*, or some *k* in *K* is narrower than *s* (any distance: PyTorch covers
        "deep learning frameworks");
- 0.5   *s*'s direct broader concept is in *K* (knowing "generative models" half covers
        "diffusion models");  0.25 for the broader concept two steps up;
- 0.25  a sibling is in *K* (same direct broader concept, when that concept is at least two
        steps below a top concept, so "computer vision" and "responsible AI" under "artificial
        intelligence" do not count as siblings);
- 0     otherwise. The best credit wins; ties go to the shortest ontology path.

coverage = Σ weight(level(s))·credit(s) / Σ weight(level(s)) over everything TO needs (1.0 when
TO needs nothing). A role, team, product or company "knows" the skills its roles require at
required, responsibility or preferred level (context mentions are background, not skills).

``overlap`` similarity: Jaccard = |A∩B| / |A∪B| over skills; weighted = Σ_{A∩B} min(wA, wB) /
Σ_{A∪B} max(wA, wB) with w the level weight (weighted Jaccard, 1.0 for identical profiles).
"""
from __future__ import annotations

import heapq
import json
import math
import os
import re
import weakref
from collections import defaultdict
from dataclasses import asdict, dataclass, field
from itertools import islice
from pathlib import Path
from typing import Iterable

import networkx as nx

from .errors import InputError, NoPathError, UnknownNodeError
from .graph import RELATIONS, node_name, resolve_node
from .model import LEVELS

__all__ = [
    "CREDIT", "GROUP_KINDS", "WEIGHTS", "GapItem", "GapResult", "Profile", "gap", "load_profile",
    "overlap", "overlap_matrix", "paths", "plan", "roles", "similar", "skills", "summary", "teams",
]

WEIGHTS: dict[str, float] = {"required": 1.0, "responsibility": 0.75, "preferred": 0.5, "context": 0.25}
CREDIT: dict[str, float] = {"broader1": 0.5, "broader2": 0.25, "sibling": 0.25}
KNOWN_LEVELS = ("required", "responsibility", "preferred")
GROUP_KINDS = ("role", "team", "product", "company")
MAX_MATRIX_PAIRS = 10_000_000
_RANK = {lvl: i for i, lvl in enumerate(LEVELS)}


# --- groups and profiles --------------------------------------------------------------------------

def _resolve(G, name, kinds=None) -> str:
    return resolve_node(G, name, kinds)


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
class _Need:
    level: str
    postings: int = 0
    mentions: int = 0
    roles: list = field(default_factory=list)


def _profile(G: nx.DiGraph, roles: Iterable[str], levels: Iterable[str] = LEVELS) -> dict[str, _Need]:
    levels = set(levels)
    out: dict[str, _Need] = {}
    for r in roles:
        for s, d in G.adj[r].items():
            if d["rel"] != "requires" or d["level"] not in levels:
                continue
            n = out.get(s)
            if n is None:
                n = out[s] = _Need(d["level"])
            elif _RANK[d["level"]] < _RANK[n.level]:
                n.level = d["level"]
            n.postings += 1
            n.mentions += d.get("count", 1)
            n.roles.append(r)
    return out


def _describe_group(G, node) -> dict:
    d = G.nodes[node]
    return {"id": node, "kind": d.get("kind"), "label": node_name(G, node)}


# --- the ontology hierarchy, as stored on the graph -----------------------------------------------

class _Hierarchy:
    """broader/narrower over the graph's skill nodes, plus extra parents (profile skills not on G)."""

    def __init__(self, G: nx.DiGraph, extra: dict[str, tuple[str, ...]] | None = None,
                 labels: dict[str, str] | None = None):
        self.G, self.extra, self.labels = G, extra or {}, labels or {}
        self._depth: dict[str, int] = {}

    def parents(self, c: str) -> tuple[str, ...]:
        if c in self.G:
            return tuple(sorted(v for v, d in self.G.adj[c].items() if d["rel"] == "broader"))
        return self.extra.get(c, ())

    def label(self, c: str) -> str:
        return node_name(self.G, c) if c in self.G else self.labels.get(c, c)

    def up(self, c: str, limit: int | None = None) -> dict[str, tuple[int, str | None]]:
        """ancestor -> (distance, the node it was reached from), breadth-first."""
        out: dict[str, tuple[int, str | None]] = {}
        frontier, dist = [c], 0
        while frontier and (limit is None or dist < limit):
            dist += 1
            nxt = []
            for x in frontier:
                for p in self.parents(x):
                    if p not in out and p != c:
                        out[p] = (dist, x)
                        nxt.append(p)
            frontier = nxt
        return out

    def chain(self, start: str, up: dict[str, tuple[int, str | None]], end: str) -> list[str]:
        """The ontology path start → … → end (end an ancestor of start), from ``up = self.up(start)``."""
        path = [end]
        while path[-1] != start:
            path.append(up[path[-1]][1])
        return path[::-1]

    def depth(self, c: str) -> int:
        """Distance to the nearest top concept (one without a broader concept)."""
        if c not in self._depth:
            up = self.up(c)
            tops = [d for a, (d, _) in up.items() if not self.parents(a)]
            self._depth[c] = min(tops) if tops else 0
        return self._depth[c]


# --- profiles ---------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Profile:
    """A person's skills: concept ids, their labels, and parents of ids the graph does not hold."""

    name: str
    skills: tuple[str, ...]
    labels: dict = field(default_factory=dict)
    hierarchy: dict = field(default_factory=dict)   # concept id -> broader ids (only for ids not on G)
    source: str = ""


def _profile_items(path: Path, text: str) -> list[tuple[str, int]]:
    suffix = path.suffix.lower()
    if suffix in (".yaml", ".yml", ".json"):
        if suffix == ".json":
            try:
                data = json.loads(text)
            except json.JSONDecodeError as exc:
                raise InputError(f"{path}:{exc.lineno}: not valid JSON ({exc.msg}) — give a list of "
                                 f'skill names, e.g. ["PyTorch", "computer vision"]') from None
        else:
            import yaml

            try:
                data = yaml.safe_load(text)
            except yaml.YAMLError as exc:
                line = getattr(getattr(exc, "problem_mark", None), "line", None)
                where = f"{path}:{line + 1}" if line is not None else str(path)
                raise InputError(f"{where}: not valid YAML — give a list of skill names, e.g. "
                                 f"'- PyTorch' one a line") from None
        if isinstance(data, dict):
            data = data.get("skills")
        if not isinstance(data, list) or not all(isinstance(x, (str, int, float)) for x in data):
            raise InputError(f"{path}: expected a list of skill names (or a mapping with 'skills: [...]')")
        lines = text.splitlines()
        out, at = [], 0
        for x in data:
            s = str(x).strip()
            ln = next((i for i in range(at, len(lines)) if s in lines[i]), None)
            if ln is None:
                ln = next((i for i in range(len(lines)) if s in lines[i]), -1)
            else:
                at = ln
            out.append((s, ln + 1))
        return [(s, ln) for s, ln in out if s]
    out = []
    for i, line in enumerate(text.splitlines(), 1):
        s = line.split("#", 1)[0].strip()
        s = re.sub(r"^([-*•]|\d+[.)])\s+", "", s).strip()
        if s:
            out.append((s, i))
    return out


def load_profile(path: str | os.PathLike, G: nx.DiGraph | None = None, ontology=None) -> Profile:
    """A profile file: YAML/JSON (a list, or ``{name:, skills: [...]}``) or text (one skill a line,
    ``#`` comments). Names resolve through the graph's skill labels, then through ``ontology``
    (an :class:`~skillgraph.ontology.Ontology`, or a callable returning one, called only when
    needed). Unknown names raise :class:`InputError` naming each with its line."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise InputError(f"{path}: no such profile file — give a YAML/JSON/text list of skills") from None
    except UnicodeDecodeError:
        raise InputError(f"{path}: not UTF-8 text — save the profile as UTF-8") from None
    items = _profile_items(path, text)
    if not items:
        raise InputError(f"{path}: the profile lists no skills — one skill a line, or a YAML/JSON list")
    ont = None
    skills, labels, hierarchy, bad = [], {}, {}, []
    for name, line in items:
        cid, cands = None, ()
        if G is not None:
            try:
                cid = resolve_node(G, name, ("skill",))
                labels[cid] = node_name(G, cid)
            except UnknownNodeError as exc:
                cands = exc.candidates
        if cid is None and ontology is not None:
            if ont is None:
                ont = ontology() if callable(ontology) else ontology
            found = ont.resolve(name)
            if len(found) == 1:
                cid = found[0].id
                labels[cid] = found[0].label
                for c in (cid, *ont.ancestors(cid)):
                    if G is None or c not in G:
                        hierarchy[c] = tuple(ont.broader(c))
                        labels.setdefault(c, ont[c].label)
            elif found:
                cands = tuple(c.label for c in found)
        if cid is None:
            hint = f"; did you mean {', '.join(cands[:3])}?" if cands else ""
            bad.append(f"{name!r} (line {line}{hint})")
        elif cid not in skills:
            skills.append(cid)
    if bad:
        raise InputError(f"{path}: unknown skill{'s' if len(bad) > 1 else ''} {', '.join(bad)} — use a "
                         f"label the ontology knows (see `skillgraph ontology --help`) or add it there")
    return Profile(name=path.stem, skills=tuple(skills), labels=labels, hierarchy=hierarchy, source=str(path))


# --- gap ------------------------------------------------------------------------------------------

@dataclass
class GapItem:
    skill: str
    label: str
    level: str
    postings: int          # roles in TO asking for it
    demand: int            # roles in the whole graph asking for it
    status: str            # covered | covered-by-narrower | partial | missing
    credit: float
    by: str | None = None          # the known skill that gives the credit (id)
    by_label: str | None = None
    path: list = field(default_factory=list)   # ontology path (labels) that justifies the credit
    note: str = ""
    asked_by: list = field(default_factory=list)  # role ids in TO


@dataclass
class GapResult:
    source: dict            # what FROM is: {id, kind, label} (kind "profile" for a profile)
    target: dict
    coverage: float
    items: list             # every needed skill, in order (level, postings, demand, label)
    weights: dict = field(default_factory=lambda: dict(WEIGHTS))

    @property
    def gaps(self) -> list[GapItem]:
        return [i for i in self.items if i.credit < 1.0]

    @property
    def covered(self) -> list[GapItem]:
        return [i for i in self.items if i.credit >= 1.0]

    def to_dict(self) -> dict:
        return {"from": self.source, "to": self.target, "coverage": round(self.coverage, 4),
                "weights": self.weights, "credit": dict(CREDIT),
                "gaps": [asdict(i) for i in self.gaps], "covered": [asdict(i) for i in self.covered]}


def _arrow(labels: list[str]) -> str:
    return " → ".join(labels)


def _credit(h: _Hierarchy, s: str, known: set[str], cover: dict) -> tuple[float, str, str | None, list[str]]:
    """(credit, status, known skill, path of ids) for one needed skill."""
    if s in known:
        return 1.0, "covered", s, [s]
    if s in cover:
        k, up = cover[s]
        return 1.0, "covered-by-narrower", k, h.chain(k, up, s)
    best = (0.0, "missing", None, [])
    up = h.up(s, limit=2)
    for a, (d, _) in sorted(up.items(), key=lambda x: (x[1][0], h.label(x[0]))):
        if a in known:
            c = CREDIT[f"broader{d}"]
            if c > best[0]:
                best = (c, "partial", a, h.chain(s, up, a))
    if best[0] < CREDIT["sibling"]:
        parents = set(h.parents(s))
        for k in sorted(known, key=h.label):
            shared = sorted(parents & set(h.parents(k)), key=h.label)
            shared = [p for p in shared if h.depth(p) >= 2]
            if shared and k != s:
                best = (CREDIT["sibling"], "partial", k, [s, shared[0], k])
                break
    return best


def gap(G: nx.DiGraph, from_: str | None, to: str, profile: Profile | None = None) -> GapResult:
    """What ``to`` (a role/team/product/company) needs that ``from_`` (the same kinds) or ``profile``
    lacks, hierarchy-aware, with a level-weighted coverage score (see the module docstring)."""
    tnode = _resolve(G, to, GROUP_KINDS)
    needs = _profile(G, group_roles(G, tnode))
    if profile is not None:
        known = set(profile.skills)
        h = _Hierarchy(G, profile.hierarchy, profile.labels)
        source = {"id": profile.source or profile.name, "kind": "profile", "label": profile.name}
    else:
        if from_ is None:
            raise InputError("gap needs FROM (a role, team, product or company) or a profile")
        fnode = _resolve(G, from_, GROUP_KINDS)
        known = set(_profile(G, group_roles(G, fnode), KNOWN_LEVELS))
        h = _Hierarchy(G)
        source = _describe_group(G, fnode)
    # cover[s] = (known k narrower than s, k's ancestor map): nearest k wins, ties by label
    cover: dict[str, tuple[str, dict]] = {}
    best_d: dict[str, tuple[int, str]] = {}
    for k in known:
        up = h.up(k)
        for a, (d, _) in up.items():
            key = (d, h.label(k))
            if a not in best_d or key < best_d[a]:
                best_d[a] = key
                cover[a] = (k, up)
    items = []
    for s, n in needs.items():
        credit, status, by, path = _credit(h, s, known, cover)
        labels = [h.label(x) for x in path]
        if status == "covered-by-narrower":
            note = f"covered by {h.label(by)} ({_arrow(labels)})"
        elif status == "partial" and len(path) == 3 and path[-1] == by and by not in h.up(s):
            note = f"partly covered by {h.label(by)} (sibling: {labels[0]} → {labels[1]} ← {labels[2]})"
        elif status == "partial":
            note = f"partly covered by {h.label(by)} ({_arrow(labels)})"
        else:
            note = ""
        items.append(GapItem(
            skill=s, label=h.label(s), level=n.level, postings=n.postings,
            demand=G.nodes[s].get("demand", 0), status=status, credit=credit, by=by,
            by_label=h.label(by) if by else None, path=labels if status != "covered" else [],
            note=note, asked_by=sorted(n.roles)))
    items.sort(key=lambda i: (_RANK[i.level], -i.postings, -i.demand, i.label.lower(), i.skill))
    total = sum(WEIGHTS[i.level] for i in items)
    cov = sum(WEIGHTS[i.level] * i.credit for i in items) / total if total else 1.0
    return GapResult(source, _describe_group(G, tnode), cov, items)


def plan(G: nx.DiGraph, from_: str | None, to: str, profile: Profile | None = None) -> list[dict]:
    """A learning plan closing the gap: the skills with credit < 1, each broader foundation just
    before the first narrower specialisation under it (so a context-level "generative models" comes
    right before a required "diffusion models"), otherwise in gap order; each with the roles asking
    and ``builds_on``: the nearest broader concept already known or learnt earlier in the plan."""
    res = gap(G, from_, to, profile)
    todo = res.gaps
    order = {i.skill: n for n, i in enumerate(todo)}
    h = _Hierarchy(G, profile.hierarchy if profile else None, profile.labels if profile else None)
    ups = {i.skill: h.up(i.skill) for i in todo}
    before = {i.skill: [a for a in ups[i.skill] if a in order] for i in todo}   # must come first
    after: dict[str, list[str]] = defaultdict(list)
    for s, pre in before.items():
        for a in pre:
            after[a].append(s)
    # a foundation is due as soon as the first specialisation under it is: it takes their best rank
    prio = dict(order)
    for s, pre in before.items():
        for a in pre:
            prio[a] = min(prio[a], order[s])
    waiting = {s: len(pre) for s, pre in before.items()}
    heap = [(prio[s], order[s], s) for s, w in waiting.items() if w == 0]
    heapq.heapify(heap)
    by_id = {i.skill: i for i in todo}
    rows, done = [], []
    known_or_done = set(x.skill for x in res.covered)
    while heap:
        *_, s = heapq.heappop(heap)
        i = by_id[s]
        base = [a for a, _ in sorted(ups[s].items(), key=lambda x: x[1][0]) if a in known_or_done]
        rows.append({
            "step": len(rows) + 1, "skill": i.label, "id": s, "level": i.level, "postings": i.postings,
            "builds_on": h.label(base[0]) if base else None,
            "area": ", ".join(h.label(p) for p in h.parents(s)) or None, "status": i.status, "note": i.note,
            "asked_by": [node_name(G, r) for r in i.asked_by],
        })
        known_or_done.add(s)
        done.append(s)
        for t in after[s]:
            waiting[t] -= 1
            if waiting[t] == 0:
                heapq.heappush(heap, (prio[t], order[t], t))
    return rows


# --- overlap --------------------------------------------------------------------------------------

def _weights(needs: dict[str, _Need]) -> dict[str, float]:
    return {s: WEIGHTS[n.level] for s, n in needs.items()}


def _similarity(wa: dict[str, float], wb: dict[str, float]) -> tuple[float, float, list[str]]:
    if len(wa) > len(wb):
        small, big = wb, wa
    else:
        small, big = wa, wb
    shared = [s for s in small if s in big]
    union = len(wa) + len(wb) - len(shared)
    mins = sum(min(wa[s], wb[s]) for s in shared)
    maxs = sum(wa.values()) + sum(wb.values()) - mins
    return (len(shared) / union if union else 0.0), (mins / maxs if maxs else 0.0), shared


def overlap(G: nx.DiGraph, a: str, b: str) -> dict:
    """Shared skills, skills only A / only B asks for, Jaccard and level-weighted similarity."""
    na, nb = _resolve(G, a, GROUP_KINDS), _resolve(G, b, GROUP_KINDS)
    pa, pb = _profile(G, group_roles(G, na)), _profile(G, group_roles(G, nb))
    jac, wj, shared = _similarity(_weights(pa), _weights(pb))

    def row(s, la=None, lb=None):
        return {"skill": node_name(G, s), "id": s, "level_a": la, "level_b": lb}

    def key(r):
        return (min(_RANK.get(r["level_a"] or "context"), _RANK.get(r["level_b"] or "context")),
                r["skill"].lower(), r["id"])

    return {
        "a": _describe_group(G, na), "b": _describe_group(G, nb),
        "jaccard": round(jac, 4), "weighted": round(wj, 4),
        "shared": sorted((row(s, pa[s].level, pb[s].level) for s in shared), key=key),
        "only_a": sorted((row(s, pa[s].level) for s in pa if s not in pb), key=key),
        "only_b": sorted((row(s, None, pb[s].level) for s in pb if s not in pa), key=key),
    }


def overlap_matrix(G: nx.DiGraph, by: str = "role", *, limit: int | None = None,
                   max_pairs: int = MAX_MATRIX_PAIRS) -> list[dict]:
    """Every pair of roles (or teams) that shares a skill, with Jaccard and weighted similarity,
    most similar first (ties by id); ``limit`` keeps the first rows.

    Teams with no member roles are left out. Computed with matrix products (numpy): level weights
    are multiples of 0.25, so Σ min(wA, wB) = 0.25·Σ_t [wA ≥ t][wB ≥ t] over t = 0.25, 0.5, 0.75, 1
    — four products of 0/1 matrices. Raises :class:`InputError` above ``max_pairs`` pairs (use
    ``by="team"``, or :func:`similar` for one role's nearest roles)."""
    import numpy as np

    if by not in ("role", "team"):
        raise InputError(f"overlap matrix by {by!r}: choose role or team")
    nodes = sorted(n for n, d in G.nodes(data=True) if d.get("kind") == by)
    if by == "team":
        profs = {}
        for n in nodes:
            w: dict[str, float] = {}
            for r in group_roles(G, n):
                for s, d in G.adj[r].items():
                    if d["rel"] == "requires":
                        x = WEIGHTS[d["level"]]
                        if x > w.get(s, 0.0):
                            w[s] = x
            profs[n] = w
    else:
        profs = {n: {s: WEIGHTS[d["level"]] for s, d in G.adj[n].items() if d["rel"] == "requires"} for n in nodes}
    nodes = [n for n in nodes if profs[n]]
    pairs = len(nodes) * (len(nodes) - 1) // 2
    if pairs > max_pairs:
        raise InputError(f"an overlap matrix over {len(nodes):,} {by}s has {pairs:,} pairs (limit "
                         f"{max_pairs:,}) — use --by team, or `similar ROLE` for one role's nearest roles")
    if len(nodes) < 2:
        return []
    col = {s: j for j, s in enumerate(sorted({s for p in profs.values() for s in p}))}
    steps = np.zeros((len(nodes), len(col)), dtype=np.int8)      # weight in quarters: 1..4
    for i, n in enumerate(nodes):
        for s, w in profs[n].items():
            steps[i, col[s]] = round(w * 4)
    mins = np.zeros((len(nodes), len(nodes)), dtype=np.float32)
    for t in (1, 2, 3, 4):
        b = (steps >= t).astype(np.float32)
        mins += b @ b.T
        if t == 1:
            inter = mins.copy()
    mins /= 4
    cnt = (steps > 0).sum(axis=1).astype(np.float64)
    tot = steps.sum(axis=1).astype(np.float64) / 4
    iu, ju = np.nonzero(np.triu(inter > 0, 1))
    sh = inter[iu, ju].astype(np.float64)
    mn = mins[iu, ju].astype(np.float64)
    wj = np.round(mn / (tot[iu] + tot[ju] - mn), 4)
    jac = np.round(sh / (cnt[iu] + cnt[ju] - sh), 4)
    order = np.lexsort((ju, iu, -jac, -wj))
    if limit is not None:
        order = order[:limit]
    return [{"a": node_name(G, nodes[iu[o]]), "b": node_name(G, nodes[ju[o]]), "weighted": float(wj[o]),
             "jaccard": float(jac[o]), "shared": int(sh[o]), "a_id": nodes[iu[o]], "b_id": nodes[ju[o]]}
            for o in order.tolist()]


# --- similar --------------------------------------------------------------------------------------

_TOTALS: "weakref.WeakKeyDictionary[nx.DiGraph, tuple]" = weakref.WeakKeyDictionary()


def _role_totals(G: nx.DiGraph) -> dict[str, tuple[int, float]]:
    """role -> (number of skills, sum of level weights), cached per graph (recomputed if it changes)."""
    size = (G.number_of_nodes(), G.number_of_edges())
    hit = _TOTALS.get(G)
    if hit is None or hit[0] != size:
        tots = {}
        for n, d in G.nodes(data=True):
            if d.get("kind") == "role":
                ws = [WEIGHTS[e["level"]] for e in G.adj[n].values() if e["rel"] == "requires"]
                tots[n] = (len(ws), sum(ws))
        hit = _TOTALS[G] = (size, tots)
    return hit[1]

def _reason(G, shared: list[str], w: dict[str, float], limit: int = 4) -> str:
    top = sorted(shared, key=lambda s: (-w[s], -G.nodes[s].get("demand", 0), node_name(G, s).lower()))
    names = ", ".join(node_name(G, s) for s in top[:limit])
    more = f" (+{len(shared) - limit} more)" if len(shared) > limit else ""
    return f"shares {len(shared)} skill{'s' if len(shared) != 1 else ''}: {names}{more}" if shared else ""


def similar(G: nx.DiGraph, node: str, n: int = 10) -> list[dict]:
    """The nearest nodes of the same kind, with the reason.

    Roles/teams/products/companies: by weighted similarity of their skill profiles (a role's
    candidates come from an inverted index: only roles sharing a skill are scored). Skills: by
    co-occurrence — Jaccard of the sets of roles requiring them."""
    x = _resolve(G, node)
    kind = G.nodes[x].get("kind")
    rows = []
    if kind == "skill":
        ra = {u for u in G.predecessors(x) if G.edges[u, x]["rel"] == "requires"}
        counts: dict[str, int] = defaultdict(int)
        for r in ra:
            for s, d in G.adj[r].items():
                if d["rel"] == "requires" and s != x:
                    counts[s] += 1
        parents = set(_Hierarchy(G).parents(x))
        for s, c in counts.items():
            dem = sum(1 for u in G.predecessors(s) if G.edges[u, s]["rel"] == "requires")
            jac = c / (len(ra) + dem - c)
            rel = ""
            if s in parents:
                rel = "; broader concept"
            elif G.has_edge(s, x) and G.edges[s, x]["rel"] == "broader":
                rel = "; narrower concept"
            elif parents & set(_Hierarchy(G).parents(s)):
                rel = "; sibling concept"
            rows.append({"node": node_name(G, s), "id": s, "score": round(jac, 4), "jaccard": round(jac, 4),
                         "reason": f"asked together in {c} posting{'s' if c != 1 else ''}{rel}"})
    elif kind == "role":
        # inverted index: only roles sharing a skill are touched, each once per shared skill
        wa = {s: WEIGHTS[d["level"]] for s, d in G.adj[x].items() if d["rel"] == "requires"}
        num: dict[str, float] = defaultdict(float)
        inter: dict[str, int] = defaultdict(int)
        for s, w in wa.items():
            for u, d in G.pred[s].items():
                if u != x and d["rel"] == "requires":
                    num[u] += min(w, WEIGHTS[d["level"]])
                    inter[u] += 1
        tots, ta = _role_totals(G), sum(wa.values())
        scored = []
        for u, mn in num.items():
            cb, tb = tots[u]
            wj, jac = round(mn / (ta + tb - mn), 4), round(inter[u] / (len(wa) + cb - inter[u]), 4)
            scored.append((-wj, -jac, node_name(G, u).lower(), u))
        for nwj, njac, _, u in heapq.nsmallest(n, scored):
            shared = [s for s in wa if s in G.adj[u]]
            w = {s: min(wa[s], WEIGHTS[G.adj[u][s]["level"]]) for s in shared}
            rows.append({"node": node_name(G, u), "id": u, "score": -nwj, "jaccard": -njac,
                         "reason": _reason(G, shared, w)})
    else:
        wa = _weights(_profile(G, group_roles(G, x)))
        cands = {m for m, d in G.nodes(data=True) if d.get("kind") == kind and m != x}
        for m in cands:
            wb = _weights(_profile(G, group_roles(G, m)))
            jac, wj, shared = _similarity(wa, wb)
            if shared:
                rows.append({"node": node_name(G, m), "id": m, "score": round(wj, 4), "jaccard": round(jac, 4),
                             "reason": _reason(G, shared, {s: min(wa[s], wb[s]) for s in shared})})
    rows.sort(key=lambda r: (-r["score"], -r["jaccard"], r["node"].lower(), r["id"]))
    return rows[:n]


# --- listings -------------------------------------------------------------------------------------

def skills(G: nx.DiGraph, role: str | None = None, team: str | None = None, level: str | None = None) -> list[dict]:
    """Skills asked for (by one role, one team's roles, or all roles), with counts.

    ``level`` keeps only requirements at exactly that level. Sorted by level (for one role) or by
    the number of postings asking, then label."""
    if level is not None and level not in LEVELS:
        raise InputError(f"unknown requirement level {level!r} — choose one of {', '.join(LEVELS)}")
    if role and team:
        raise InputError("give --role or --team, not both")
    if role or team:
        node = _resolve(G, role, ("role",)) if role else _resolve(G, team, ("team",))
        rs = group_roles(G, node)
    else:
        rs = [n for n, d in G.nodes(data=True) if d.get("kind") == "role"]
    prof = _profile(G, rs, [level] if level else LEVELS)
    rows = [{"skill": node_name(G, s), "id": s, "level": p.level, "postings": p.postings,
             "mentions": p.mentions, "kind": G.nodes[s].get("skill_kind")} for s, p in prof.items()]
    if role:
        rows.sort(key=lambda r: (_RANK[r["level"]], -r["mentions"], r["skill"].lower(), r["id"]))
    else:
        rows.sort(key=lambda r: (-r["postings"], _RANK[r["level"]], r["skill"].lower(), r["id"]))
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
        prof = _profile(G, members)
        top = sorted(prof, key=lambda s: (-prof[s].postings, _RANK[prof[s].level], node_name(G, s).lower()))[:3]
        rows.append({"team": node_name(G, n), "id": n, "part_of": _rel_targets(G, n, "part_of"),
                     "roles": len(members), "collaborators": collab, "skills": len(prof),
                     "top_skills": [node_name(G, s) for s in top], "aliases": list(d.get("aliases", []))})
    rows.sort(key=lambda r: (-r["roles"], r["team"].lower(), r["id"]))
    return rows


# --- paths ----------------------------------------------------------------------------------------

_PHRASES = {
    "requires": "{u} requires {v}", "belongs_to": "{u} belongs to team {v}",
    "collaborates_with": "{u} collaborates with team {v}", "works_on": "{u} works on product {v}",
    "part_of": "team {u} is part of {v}", "has_role": "{u} advertises the role {v}",
    "has_team": "{u} has the team {v}", "broader": "{u} is a narrower concept of {v} (ontology)",
}
HUB_PENALTY = 0.05


def _norm_rel(r: str) -> str:
    r = re.sub(r"(?<=[a-z])([A-Z])", r"_\1", r.strip()).lower().replace("-", "_").replace(" ", "_")
    if r not in RELATIONS:
        raise InputError(f"unknown relation {r!r} in --via — choose from {', '.join(RELATIONS)}")
    return r


def _quote(sentence: str, start: int | None = None, width: int = 110) -> str:
    s = " ".join((sentence or "").split())
    return s if len(s) <= width else s[: width - 1] + "…"


def _step(G, i, u, v) -> dict:
    fwd = G.has_edge(u, v)
    a, b = (u, v) if fwd else (v, u)
    d = G.edges[a, b]
    rel = d["rel"]
    text = _PHRASES[rel].format(u=node_name(G, a), v=node_name(G, b))
    if rel == "requires":
        text += f" ({d['level']}, {d['count']} mention{'s' if d['count'] != 1 else ''})"
    elif rel == "has_role":
        text += f" (posting {G.nodes[b].get('posting')})"
    ev = [{"posting": e.get("posting"), "text": e.get("text"), "sentence": _quote(e.get("sentence", ""))}
          for e in d.get("evidence", [])[:3]]
    return {"step": i, "from": node_name(G, u), "rel": rel if fwd else f"← {rel}", "to": node_name(G, v),
            "from_id": u, "to_id": v, "explanation": text, "evidence": ev,
            "quote": f"“{ev[0]['sentence']}”" if ev and ev[0]["sentence"] else ""}


def paths(G: nx.DiGraph, x: str, y: str, via: Iterable[str] | str | None = None, k: int = 1) -> list[dict]:
    """Up to ``k`` shortest paths between two nodes, ignoring edge direction, each step with its
    relation, an explanation and evidence.

    ``via`` restricts the relations walked (names from :data:`~skillgraph.graph.RELATIONS`, a list
    or a comma-separated string). By default every relation except ``has_role``/``has_team`` is
    walked — a company joins everything it advertises, so a path through it says little — unless
    an end is a company. Paths are fewest hops first; among equally short paths, those through
    less-connected (more specific) nodes win: an edge costs 1 + 0.05·(log2(1+deg u) + log2(1+deg v))/2.
    Raises :class:`NoPathError` when the nodes are not connected."""
    a, b = _resolve(G, x), _resolve(G, y)
    if k < 1:
        raise InputError(f"-k {k}: ask for at least one path")
    if isinstance(via, str):
        via = [r for r in via.split(",") if r.strip()]
    if via:
        rels = {_norm_rel(r) for r in via}
    else:
        rels = set(RELATIONS)
        if "company" not in (G.nodes[a].get("kind"), G.nodes[b].get("kind")):
            rels -= {"has_role", "has_team"}
    if a == b:
        return [{"path": 1, "length": 0, "nodes": [node_name(G, a)], "steps": []}]
    U = G.to_undirected(as_view=True)
    lg: dict[str, float] = {}

    def cost(n):
        if n not in lg:
            lg[n] = math.log2(1 + sum(1 for _ in U.neighbors(n)))
        return lg[n]

    def weight(u, v, d):
        return 1 + HUB_PENALTY * (cost(u) + cost(v)) / 2 if d["rel"] in rels else None

    try:
        if k == 1:
            found = [nx.dijkstra_path(U, a, b, weight=weight)]
        else:
            found = list(islice(nx.shortest_simple_paths(U, a, b, weight=weight), k))
    except nx.NetworkXNoPath:
        how = (f" using only {', '.join(sorted(rels))} edges — allow more relations with --via"
               if via else " — they are in separate parts of the graph")
        raise NoPathError(f"no path between {node_name(G, a)!r} and {node_name(G, b)!r}{how}") from None
    out = []
    for i, p in enumerate(found, 1):
        out.append({"path": i, "length": len(p) - 1, "nodes": [node_name(G, n) for n in p],
                    "steps": [_step(G, j, u, v) for j, (u, v) in enumerate(zip(p, p[1:]), 1)]})
    return out


# --- summary ----------------------------------------------------------------------------------------

def _md(v) -> str:
    if v is None:
        return ""
    if isinstance(v, (list, tuple)):
        v = ", ".join(str(x) for x in v)
    return str(v).replace("|", "\\|").replace("\n", " ")


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
