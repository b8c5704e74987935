"""Tooltips: plain text (vis-network shows string titles with ``innerText``, so posting text
never runs as markup) — a node's label, kind, definition and evidence; an edge's relation, level,
mention count and evidence sentences."""
from __future__ import annotations

from collections import Counter

from skillgraph.vocab import LEVEL_RANK, LEVELS

from .labels import clip, node_label

_MAX_EVIDENCE = 5


def _evidence_lines(evidence, limit: int = _MAX_EVIDENCE) -> list[str]:
    """One bullet per evidence sentence (posting, section, level), at most ``limit``, then a count."""
    lines = []
    for ev in list(evidence or [])[:limit]:
        if not isinstance(ev, dict):
            lines.append(f"• {clip(ev, 280)}")
            continue
        sent = ev.get("sentence") or ev.get("text") or ""
        where = [f"posting {ev['posting']}"] if ev.get("posting") else []
        if ev.get("section"):
            where.append(f"section {ev['section']}")
        if ev.get("requirement"):
            where.append(str(ev["requirement"]))
        lines.append(f"• “{clip(sent, 280)}” ({', '.join(where)})" if where else f"• “{clip(sent, 280)}”")
    extra = len(evidence or []) - limit
    if extra > 0:
        lines.append(f"… and {extra} more")
    return lines


def node_title(G, n) -> str:
    """A node's tooltip: label, kind and id, then what its kind has to say."""
    d = G.nodes[n]
    kind = d.get("kind", "node")
    lines = [node_label(G, n), f"{kind} · {n}"]
    if kind == "skill":
        lines += _skill_lines(G, n, d)
    elif kind == "role":
        lines += _role_lines(G, n, d)
    elif kind == "team" and d.get("aliases"):
        lines.append("Also: " + clip(", ".join(map(str, d["aliases"])), 200))
    return "\n".join(lines)


def _skill_lines(G, n, d: dict) -> list[str]:
    """Definition, other labels, the roles asking for it by level, and evidence sentences."""
    lines = []
    if d.get("definition"):
        lines.append(clip(d["definition"], 320))
    if d.get("alt_labels"):
        lines.append("Also: " + clip(", ".join(map(str, d["alt_labels"][:8])), 200))
    req = sorted(((u, e) for u, _, e in G.in_edges(n, data=True) if e.get("rel") == "requires"),
                 key=lambda ue: (LEVEL_RANK.get(ue[1].get("level"), 9), ue[0]))
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
    return lines


def _role_lines(G, n, d: dict) -> list[str]:
    """Company, locations, seniority, work mode, years; the posting; its skills by level."""
    lines = []
    facts = [d.get("company"), ", ".join(d.get("locations") or []) or None, d.get("seniority"),
             d.get("work_mode")]
    if d.get("min_years"):
        facts.append(f"{d['min_years']}+ years")
    facts = [str(f) for f in facts if f]
    if facts:
        lines.append(clip(" · ".join(facts), 200))
    if d.get("posting"):
        lines.append(f"posting {d['posting']}")
    req = [e for _, _, e in G.out_edges(n, data=True) if e.get("rel") == "requires"]
    if req:
        levels = Counter(e.get("level", "?") for e in req)
        lines.append(f"{len(req)} skills: " + ", ".join(f"{levels[lv]} {lv}" for lv in LEVELS
                                                          if levels.get(lv)))
    return lines


def edge_title(G, u, v, d) -> str:
    """An edge's tooltip: its ends, then its relation, or level, mention count and evidence."""
    rel = d.get("rel", "link")
    head = f"{node_label(G, u)} → {node_label(G, v)}"
    if rel != "requires":
        return f"{head}\n{rel.replace('_', ' ')}"
    lines = [head, f"requires · {d.get('level', '?')} · {d.get('count', 1)} mention"
                   f"{'s' if d.get('count', 1) != 1 else ''}"]
    ev = d.get("evidence") or []
    if ev:
        lines.append("Evidence:")
        lines += _evidence_lines(ev)
    return "\n".join(lines)
