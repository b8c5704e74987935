"""Fuzz the HTML writer (issue 14): arbitrary strings in titles, labels and evidence never add a
<script (or any tag) to the page."""
from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from skillgraph.viz import write_html

_HOSTILE = st.one_of(
    st.text(max_size=30),
    st.sampled_from(["<script>alert(1)</script>", "</script><script>x()</script>", "<ScRiPt src=//e>",
                     "<img src=x onerror=alert(1)>", "<!--", "-->", "]]>", "\u2028\u2029", "</title><script>",
                     "&lt;script&gt;", "<svg onload=alert(1)>", "'\"><script>"]))


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(title=_HOSTILE, label=_HOSTILE, sentence=_HOSTILE, team=_HOSTILE)
def test_no_markup_from_the_data_reaches_the_page(tmp_path, seed_like_graph, title, label, sentence, team):
    plain = tmp_path / "plain.html"
    write_html(seed_like_graph(), plain, title="Jobs")
    G = seed_like_graph()
    role = next(n for n, d in G.nodes(data=True) if d["kind"] == "role")
    skill = next(v for _, v, d in G.out_edges(role, data=True) if d["rel"] == "requires")
    G.nodes[role]["label"] = G.nodes[role]["title"] = label
    t = next(n for n, d in G.nodes(data=True) if d["kind"] == "team")
    G.nodes[t]["label"] = team
    for ev in G.edges[role, skill].get("evidence", []):
        ev["sentence"] = sentence
    out = tmp_path / "g.html"
    write_html(G, out, title=title)
    html, base = out.read_text(encoding="utf-8").lower(), plain.read_text(encoding="utf-8").lower()
    for tag in ("<script", "<img", "<svg", "<!--"):
        assert html.count(tag) == base.count(tag), tag
