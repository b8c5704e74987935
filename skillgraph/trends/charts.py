"""Small charts of a diff as SVG, drawn with matplotlib (imported here, lazily).

matplotlib: maintained, on PyPI, draws offline, and writes SVG that needs no script; the report embeds
each chart as an ``<img>`` data URI, where an SVG can run nothing. The SVG is made deterministic: no
date in its metadata and a fixed ``svg.hashsalt`` for its element ids. Text stays text
(``svg.fonttype: none``, escaped by matplotlib's XML writer), which keeps a chart a few kB.
"""
from __future__ import annotations

import io

from ..errors import InputError

__all__ = ["change_chart", "share_chart"]

_RC = {"svg.hashsalt": "skillgraph", "svg.fonttype": "none", "font.size": 8, "font.family": "DejaVu Sans"}
_UP, _DOWN, _OLD = "#1a7f37", "#cf222e", "#8c959f"
LABEL_CHARS = 40


def _mpl():
    try:
        import matplotlib
        from matplotlib.figure import Figure
    except ImportError:
        raise InputError("skillgraph diff --html needs matplotlib for its charts — "
                         "pip install 'skillgraph[trends]'") from None
    return matplotlib, Figure


def _short(s: str) -> str:
    return s if len(s) <= LABEL_CHARS else s[: LABEL_CHARS - 1] + "…"


def _svg(fig) -> bytes:
    buf = io.BytesIO()
    fig.savefig(buf, format="svg", metadata={"Date": None, "Creator": None}, bbox_inches="tight")
    return buf.getvalue()


def change_chart(rows: list[dict], title: str) -> bytes:
    """Horizontal bars: each row's change in share, in percentage points (rising green, falling red)."""
    matplotlib, Figure = _mpl()
    with matplotlib.rc_context(_RC):
        fig = Figure(figsize=(6.4, 0.9 + 0.22 * max(len(rows), 1)))
        ax = fig.add_subplot()
        ys = range(len(rows))[::-1]
        vals = [100 * r["change"] for r in rows]
        ax.barh(list(ys), vals, color=[_UP if v > 0 else _DOWN for v in vals], height=0.7)
        ax.set_yticks(list(ys), [_short(f"{r['skill']} ({r['level']})") for r in rows])
        ax.axvline(0, color="#57606a", linewidth=0.8)
        ax.set_xlabel("change in share of postings (percentage points)")
        ax.set_title(title, loc="left")
        ax.spines[["top", "right"]].set_visible(False)
        return _svg(fig)


def share_chart(rows: list[dict], title: str) -> bytes:
    """Dumbbells: each row's share in OLD (grey) and NEW (coloured), in percent."""
    matplotlib, Figure = _mpl()
    with matplotlib.rc_context(_RC):
        fig = Figure(figsize=(6.4, 0.9 + 0.22 * max(len(rows), 1)))
        ax = fig.add_subplot()
        ys = list(range(len(rows))[::-1])
        olds = [100 * r["old_share"] for r in rows]
        news = [100 * r["new_share"] for r in rows]
        colours = [_UP if n > o else _DOWN for o, n in zip(olds, news, strict=True)]
        ax.hlines(ys, olds, news, color="#d0d7de", linewidth=2)
        ax.scatter(olds, ys, color=_OLD, s=14, label="OLD", zorder=3)
        ax.scatter(news, ys, color=colours, s=14, label="NEW", zorder=3)
        ax.set_yticks(ys, [_short(f"{r['skill']} ({r['level']})") for r in rows])
        ax.set_xlabel("share of postings (%)")
        ax.set_xlim(left=0)
        ax.set_title(title, loc="left")
        ax.legend(loc="lower right", frameon=False)
        ax.spines[["top", "right"]].set_visible(False)
        return _svg(fig)
