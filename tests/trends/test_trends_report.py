"""skillgraph.trends.report: the offline HTML report — no script from a posting, no network, charts
embedded as SVG, written atomically, the same bytes for the same diff."""
from __future__ import annotations

import base64
import re
import xml.etree.ElementTree as ET

import pytest

from skillgraph.trends import Snapshot, diff, render_report, write_report
from skillgraph.trends.charts import change_chart

EVIL = "<script>alert(1)</script>"


def _snap(n, counts, labels, roles=None):
    roles = roles or {}
    return Snapshot(postings=n, source=f"{EVIL}.jsonl", counts={s: {"required": k} for s, k in counts.items()},
                    labels=labels, roles=roles, role_labels={k: {"title": k[0], "company": k[1]} for k in roles},
                    role_postings={k: 1 for k in roles})


@pytest.fixture(scope="module")
def res():
    labels = {"skill:x": f"SQL {EVIL}", "skill:y": "Python \" onload='x' &amp;", "skill:z": "Rust"}
    role = (f"engineer {EVIL}", "acme")
    old = _snap(20, {"skill:x": 0, "skill:y": 20, "skill:z": 3}, labels, {role: frozenset({"skill:y"})})
    new = _snap(20, {"skill:x": 20, "skill:y": 0, "skill:z": 4}, labels, {role: frozenset({"skill:x"})})
    return diff(old, new)


def _svgs(html: str) -> list[bytes]:
    return [base64.b64decode(m) for m in re.findall(r"data:image/svg\+xml;base64,([A-Za-z0-9+/=]+)", html)]


def test_no_script_from_a_posting_reaches_the_page(res):
    html = render_report(res)
    assert res["rising"] and res["falling"] and res["roles"]
    assert "<script" not in html.lower()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html          # shown, as text
    assert "onload='x'" not in html and "&amp;amp;" in html
    assert "default-src 'none'" in html                               # and the CSP forbids scripts anyway
    assert not re.search(r"(src|href)=['\"]?(https?:)?//", html)      # nothing fetched


def test_the_charts_are_embedded_svg_with_the_labels_escaped(res):
    svgs = _svgs(render_report(res))
    assert len(svgs) == 2
    for svg in svgs:
        root = ET.fromstring(svg)                                     # well-formed XML
        assert root.tag.endswith("svg")
        assert b"<script" not in svg.lower()
        texts = "".join(root.itertext())
        assert "SQL <script>" in texts                                # the label, as text, not markup
        assert b"Date" not in svg and len(svg) < 60_000


def test_no_significant_change_says_so_instead_of_an_empty_chart():
    s = _snap(10, {"skill:x": 5}, {"skill:x": "SQL"})
    html = render_report(diff(s, s))
    assert "nothing to chart" in html and not _svgs(html)


def test_the_report_is_written_atomically_and_is_deterministic(res, tmp_path):
    out = tmp_path / "sub" / "trends.html"
    rep = write_report(res, out)
    first = out.read_bytes()
    assert rep == {"path": str(out), "bytes": len(first)}
    write_report(res, out)
    assert out.read_bytes() == first
    assert [p.name for p in out.parent.iterdir()] == ["trends.html"]   # no temporary file left
    assert change_chart(res["rising"], "t") == change_chart(res["rising"], "t")
