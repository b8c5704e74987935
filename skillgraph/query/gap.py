"""How far one group (or a person's profile) is from what another group needs: :func:`gap`, and the
learning plan that closes it: :func:`plan`.

Coverage credit for a needed skill *s*, given the known skills *K* (:data:`CREDIT`):

- 1.0   ``s`` in *K*, or some *k* in *K* is narrower than *s* (any distance: PyTorch covers
        "deep learning frameworks");
- 0.5   *s*'s direct broader concept is in *K* (knowing "generative models" half covers
        "diffusion models");  0.25 for the broader concept two steps up;
- 0.25  a sibling is in *K* (same direct broader concept, when that concept is at least two
        steps below a top concept, so "computer vision" and "responsible AI" under "artificial
        intelligence" do not count as siblings);
- 0     otherwise. The best credit wins; ties go to the shortest ontology path.

coverage = Σ weight(level(s))·credit(s) / Σ weight(level(s)) over everything TO needs (1.0 when
TO needs nothing; weights: :data:`~skillgraph.query.groups.WEIGHTS`). A role, team, product or
company "knows" every skill its roles mention, at any level: a skill a role works with in its context
("our stack runs on Kafka") is one its people have, so ``gap X X`` is coverage 1.0 with no gaps. Each
row shows ``from_level``: FROM's strongest level for the known skill that gives the credit (``None``
for a profile or a missing skill), so a reader can see when the credit rests on a context mention.
"""
from __future__ import annotations

import heapq
from collections import defaultdict
from dataclasses import asdict, dataclass, field

import networkx as nx

from skillgraph.errors import InputError
from skillgraph.graph import node_name, resolve_node
from skillgraph.vocab import LEVEL_RANK

from .groups import GROUP_KINDS, KNOWN_LEVELS, WEIGHTS, describe_group, group_roles, skill_needs
from .hierarchy import Hierarchy
from .profile import Profile

__all__ = ["CREDIT", "GapItem", "GapResult", "gap", "plan"]

CREDIT: dict[str, float] = {"broader1": 0.5, "broader2": 0.25, "sibling": 0.25}


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
    from_level: str | None = None  # FROM's strongest level for ``by`` (None: profile / nothing known)
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


def _credit(h: Hierarchy, s: str, known: set[str], cover: dict) -> tuple[float, str, str | None, list[str]]:
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


def _known(G: nx.DiGraph, from_: str | None, profile: Profile | None) -> tuple[dict, Hierarchy, dict]:
    """(skill FROM knows → FROM's strongest level for it or None, the hierarchy to judge them in,
    FROM described)."""
    if profile is not None:
        source = {"id": profile.source or profile.name, "kind": "profile", "label": profile.name}
        return dict.fromkeys(profile.skills), Hierarchy(G, profile.hierarchy, profile.labels), source
    if from_ is None:
        raise InputError("gap needs FROM (a role, team, product or company) or a profile")
    fnode = resolve_node(G, from_, GROUP_KINDS)
    known = {s: n.level for s, n in skill_needs(G, group_roles(G, fnode), KNOWN_LEVELS).items()}
    return known, Hierarchy(G), describe_group(G, fnode)


def _covers(h: Hierarchy, known: set[str]) -> dict[str, tuple[str, dict]]:
    """cover[s] = (known k narrower than s, k's ancestor map): nearest k wins, ties by label."""
    cover: dict[str, tuple[str, dict]] = {}
    best_d: dict[str, tuple[int, str]] = {}
    for k in known:
        up = h.up(k)
        for a, (d, _) in up.items():
            key = (d, h.label(k))
            if a not in best_d or key < best_d[a]:
                best_d[a] = key
                cover[a] = (k, up)
    return cover


def _note(h: Hierarchy, s: str, status: str, by: str | None, path: list[str], labels: list[str]) -> str:
    """What gives a needed skill its credit, in words."""
    if status == "covered-by-narrower":
        return f"covered by {h.label(by)} ({_arrow(labels)})"
    if status == "partial" and len(path) == 3 and path[-1] == by and by not in h.up(s):
        return f"partly covered by {h.label(by)} (sibling: {labels[0]} → {labels[1]} ← {labels[2]})"
    if status == "partial":
        return f"partly covered by {h.label(by)} ({_arrow(labels)})"
    return ""


def gap(G: nx.DiGraph, from_: str | None, to: str, profile: Profile | None = None) -> GapResult:
    """What ``to`` (a role/team/product/company) needs that ``from_`` (the same kinds) or ``profile``
    lacks, hierarchy-aware, with a level-weighted coverage score (see the module docstring)."""
    tnode = resolve_node(G, to, GROUP_KINDS)
    needs = skill_needs(G, group_roles(G, tnode))
    known_levels, h, source = _known(G, from_, profile)
    known = set(known_levels)
    cover = _covers(h, known)
    items = []
    for s, n in needs.items():
        credit, status, by, path = _credit(h, s, known, cover)
        labels = [h.label(x) for x in path]
        items.append(GapItem(
            skill=s, label=h.label(s), level=n.level, postings=n.postings,
            demand=G.nodes[s].get("demand", 0), status=status, credit=credit, by=by,
            by_label=h.label(by) if by else None, path=labels if status != "covered" else [],
            note=_note(h, s, status, by, path, labels), from_level=known_levels.get(by) if by else None,
            asked_by=sorted(n.roles)))
    items.sort(key=lambda i: (LEVEL_RANK[i.level], -i.postings, -i.demand, i.label.lower(), i.skill))
    total = sum(WEIGHTS[i.level] for i in items)
    cov = sum(WEIGHTS[i.level] * i.credit for i in items) / total if total else 1.0
    return GapResult(source, describe_group(G, tnode), cov, items)


def plan(G: nx.DiGraph, from_: str | None, to: str, profile: Profile | None = None) -> list[dict]:
    """A learning plan closing the gap: the skills with credit < 1, each broader foundation just
    before the first narrower specialisation under it (so a context-level "generative models" comes
    right before a required "diffusion models"), otherwise in gap order; each with the roles asking
    and ``builds_on``: the nearest broader concept already known or learnt earlier in the plan."""
    res = gap(G, from_, to, profile)
    todo = res.gaps
    order = {i.skill: n for n, i in enumerate(todo)}
    h = Hierarchy(G, profile.hierarchy if profile else None, profile.labels if profile else None)
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

