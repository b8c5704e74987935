"""A diff as one offline HTML report: counts, the threshold, two small charts, the tables
(:func:`write_report`).

The page has no script at all and a Content-Security-Policy that allows none (nor any network
request): the charts are SVG data URIs in ``<img>`` (:mod:`.charts`), and every string that came
from a posting or a file name — skill labels, role titles, companies, sources — goes through
``html.escape``. It is written atomically (:func:`skillgraph.outputs.write_text`) and is the same
bytes for the same diff.
"""
from __future__ import annotations

import base64
from html import escape

from ..outputs import write_text
from .charts import change_chart, share_chart

__all__ = ["CHART_ROWS", "render_report", "write_report"]

CHART_ROWS = 15
"""Rows per direction in the charts, most significant first (the tables below them list every row)."""

_CSP = "default-src 'none'; img-src data:; style-src 'unsafe-inline'"
_STYLE = """body{font:14px/1.4 system-ui,sans-serif;margin:2em auto;max-width:72em;padding:0 1em;color:#1f2328}
table{border-collapse:collapse;margin:.5em 0 1.5em}td,th{border-bottom:1px solid #d0d7de;padding:2px 8px;
text-align:left;vertical-align:top}td.n{text-align:right;font-variant-numeric:tabular-nums}
.up{color:#1a7f37}.down{color:#cf222e}.muted{color:#57606a}img{max-width:100%}"""

_SKILL_COLS = [("skill", "skill"), ("level", "level"), ("old", "OLD postings"), ("old_share", "OLD share"),
               ("new", "NEW postings"), ("new_share", "NEW share"), ("change", "change"), ("p", "p"),
               ("q", "q"), ("status", "status")]
_ROLE_COLS = [("role", "role"), ("company", "company"), ("old_postings", "OLD postings"),
              ("new_postings", "NEW postings"), ("distance", "Jaccard distance"), ("shared", "shared"),
              ("added", "added"), ("dropped", "dropped")]


def _cell(key: str, v) -> str:
    if v is None:
        return "<td class=muted>–</td>"
    if key in ("old_share", "new_share"):
        return f"<td class=n>{100 * v:.1f}%</td>"
    if key == "change":
        cls = "up" if v > 0 else "down" if v < 0 else "muted"
        return f"<td class='n {cls}'>{100 * v:+.1f} pt</td>"
    if key in ("p", "q"):
        return f"<td class=n>{v:.3g}</td>"
    if isinstance(v, float):
        return f"<td class=n>{v:.3f}</td>"
    if isinstance(v, int):
        return f"<td class=n>{v:,}</td>"
    if isinstance(v, list):
        return f"<td>{escape(', '.join(v))}</td>"
    return f"<td>{escape(str(v))}</td>"


def _table(rows: list[dict], cols) -> str:
    if not rows:
        return "<p class=muted>(none)</p>"
    head = "".join(f"<th>{escape(t)}</th>" for _, t in cols)
    body = "\n".join("<tr>" + "".join(_cell(k, r.get(k)) for k, _ in cols) + "</tr>" for r in rows)
    return f"<table><thead><tr>{head}</tr></thead><tbody>\n{body}\n</tbody></table>"


def _img(svg: bytes, alt: str) -> str:
    return f"<img alt='{escape(alt)}' src='data:image/svg+xml;base64,{base64.b64encode(svg).decode('ascii')}'>"


def _charts(res: dict) -> str:
    rows = res["rising"][:CHART_ROWS] + res["falling"][:CHART_ROWS]
    if not rows:
        return "<p class=muted>No share changed significantly (overall or at a level): nothing to chart.</p>"
    rows = sorted(rows, key=lambda r: (-r["change"], r["skill"].lower(), r["id"], r["level"]))
    return (_img(change_chart(rows, "Significant changes in share"), "change in share per skill and level")
            + "\n" + _img(share_chart(rows, "OLD and NEW share"), "OLD and NEW share per skill and level"))


def _summary(res: dict) -> str:
    c, t, o, n = res["counts"], res["threshold"], res["old"], res["new"]
    return (f"<p><b>OLD</b> {escape(o['source'])}: {o['postings']:,} postings, {o['skills']:,} skills, "
            f"{o['roles']:,} roles · <b>NEW</b> {escape(n['source'])}: {n['postings']:,} postings, "
            f"{n['skills']:,} skills, {n['roles']:,} roles</p>"
            f"<p>Share = postings requiring the skill (at that level) ÷ all postings. Test: {escape(t['test'])}; "
            f"{escape(t['rule'])}. <span class=up>{c['rising']:,} rising</span>, "
            f"<span class=down>{c['falling']:,} falling</span>, {c['not_significant']:,} rows not significant, "
            f"{c['too_few']:,} rows with too few postings to test (all are in the last table).</p>")


def render_report(res: dict, title: str = "Skill trends") -> str:
    """The HTML text of the report of ``res`` (a :func:`~.compare.diff` result)."""
    c = res["counts"]
    parts = [
        "<!doctype html><html lang=en><head><meta charset=utf-8>",
        f"<meta http-equiv='Content-Security-Policy' content=\"{_CSP}\">",
        f"<title>{escape(title)}</title><style>{_STYLE}</style></head><body>",
        f"<h1>{escape(title)}</h1>", _summary(res), _charts(res),
        f"<h2>Rising ({c['rising']:,})</h2>", _table(res["rising"], _SKILL_COLS),
        f"<h2>Falling ({c['falling']:,})</h2>", _table(res["falling"], _SKILL_COLS),
        f"<h2>New skills ({c['new_skills']:,})</h2><p class=muted>Asked for by NEW postings, by no OLD one.</p>",
        _table(res["new_skills"], _SKILL_COLS),
        f"<h2>Vanished skills ({c['vanished_skills']:,})</h2>",
        "<p class=muted>Asked for by OLD postings, by no NEW one.</p>",
        _table(res["vanished_skills"], _SKILL_COLS),
        f"<h2>Roles whose requirements changed most ({c['roles_changed']:,} of {c['roles_matched']:,} matched)</h2>",
        "<p class=muted>Matched by title and company; distance = 1 − Jaccard similarity of their skill sets. "
        f"{c['roles_only_old']:,} roles only in OLD, {c['roles_only_new']:,} only in NEW.</p>",
        _table(res["roles"], _ROLE_COLS),
        f"<details><summary>Every row ({c['rows']:,})</summary>", _table(res["skills"], _SKILL_COLS), "</details>",
        "</body></html>\n",
    ]
    return "\n".join(parts)


def write_report(res: dict, path, title: str = "Skill trends") -> dict:
    """Write the report of ``res`` to ``path`` atomically; returns ``{path, bytes}``."""
    text = render_report(res, title)
    write_text(path, text)
    return {"path": str(path), "bytes": len(text.encode("utf-8"))}
