"""Node labels as drawn: clipped, wrapped here (not by vis-network) with estimated Arial text
widths, and the box each node takes with its label — what the layout keeps apart."""
from __future__ import annotations

import functools

from .style import BOX_MARGIN, FONT, WRAP, node_size, style_key

_LINE_H = 1.05     # line height / font size (vis draws lines `size` apart)

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


def node_label(G, n) -> str:
    """The node's ``label`` attribute, or its id."""
    return str(G.nodes[n].get("label") or n)


def clip(text, n: int) -> str:
    """``text`` on one line (whitespace runs collapsed), cut to ``n`` characters with an ellipsis."""
    s = " ".join(str(text).split())
    return s if len(s) <= n else s[: n - 1].rstrip() + "…"


@functools.lru_cache(maxsize=65536)
def text_width(text: str, font: float) -> float:
    """Estimated width in px of ``text`` drawn in Arial at ``font`` px (3% to spare)."""
    em = sum(_ADVANCE[o - 32] if 32 <= (o := ord(ch)) <= 126 else 650 for ch in text)
    return em * font / 1000 * 1.03


def _wrap(text: str, font: float, max_px: float) -> list[str]:
    """Greedy word wrap as vis-network does it for ``widthConstraint.maximum`` (estimated widths)."""
    lines: list[str] = []
    cur = ""
    for word in text.split():
        trial = f"{cur} {word}" if cur else word
        if cur and text_width(trial, font) > max_px:
            lines.append(cur)
            cur = word
        else:
            cur = trial
    lines.append(cur)
    return lines


def display_label(G, n) -> str:
    """The label as drawn: clipped, wrapped here (not by vis-network) so the layout knows its size.
    A node whose title repeats carries its disambiguator in the ``tag`` attribute (set by the page
    from :func:`skillgraph.graph.names.distinct_names`): drawn in brackets after the clipped title, so
    clipping never cuts what tells two "Machine Learning Engineer" boxes apart."""
    d = G.nodes[n]
    key = style_key(d)
    tag = f" ({clip(d['tag'], 40)})" if d.get("tag") else ""
    text = clip(node_label(G, n), max(20, (90 if key == "role" else 60) - len(tag))) + tag
    return "\n".join(_wrap(text, FONT[key], WRAP[key]))


def label_box(G, n) -> tuple[float, float, float]:
    """Approximate (width, height, y-offset of the box centre from the node) of a node drawn with
    its label, in px at zoom 1. Role boxes hold their label; other shapes have it underneath."""
    d = G.nodes[n]
    key = style_key(d)
    font = FONT[key]
    lines = display_label(G, n).split("\n")
    text_w = max(text_width(line, font) for line in lines)
    text_h = len(lines) * font * _LINE_H
    if d.get("kind") == "role":
        return text_w + 2 * BOX_MARGIN + 12, text_h + 2 * BOX_MARGIN + 12, 0.0  # + border/hover
    size = node_size(d)
    w = max(2 * size, text_w) + 2
    h = 2 * size + 3 + text_h      # vis puts the label 3 px under the shape
    return w, h, (3 + text_h) / 2
