"""skillgraph.viz page: a self-contained, deterministic, safe HTML file (no browser here; see
test_viz_browser.py for the page in headless Chromium)."""
from __future__ import annotations

import re

import networkx as nx

from skillgraph.viz import write_html

# ---------------------------------------------------------------- the file

def test_self_contained_no_external_loads(tmp_path, monkeypatch, seed_like_graph, page_data):
    monkeypatch.chdir(tmp_path)  # pyvis would write lib/ here
    out = tmp_path / "out" / "g.html"
    rep = write_html(seed_like_graph(), out)
    text = out.read_text(encoding="utf-8")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]  # no lib/ folder, nothing else
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["g.html"]
    # nothing is loaded from anywhere: no src/href to a URL, no @import/url() to one, no CDN
    assert not re.search(r"""(?:src|href)\s*=\s*["']?\s*(?:https?:)?//""", text, re.I)
    assert not re.search(r"""(?:@import|url\()\s*["']?\s*(?:https?:)?//""", text, re.I)
    assert "cdn.jsdelivr.net" not in text and "cdnjs" not in text and "bootstrap" not in text.lower()
    assert "<script src" not in text.lower() and "<link" not in text.lower()
    assert "default-src 'none'" in text  # CSP: the browser refuses any fetch
    assert "vis.Network" in text and "vis-network" in text  # vis is inlined, licence header included
    assert rep["nodes"] == seed_like_graph().number_of_nodes()
    assert rep["edges"] == seed_like_graph().number_of_edges()
    assert rep["reduced"] is False and rep["message"] is None
    nodes, edges = page_data(text)
    assert len(nodes) == rep["nodes"] and len(edges) == rep["edges"]


def test_deterministic_bytes(tmp_path, seed_like_graph):
    G = seed_like_graph()
    a, b = tmp_path / "a.html", tmp_path / "b.html"
    write_html(G, a)
    # same graph built in another insertion order
    H = nx.DiGraph()
    H.graph.update(G.graph)
    H.add_nodes_from(sorted(G.nodes(data=True), reverse=True))
    H.add_edges_from(sorted(G.edges(data=True), key=lambda e: (e[1], e[0]), reverse=True))
    write_html(H, b)
    assert a.read_bytes() == b.read_bytes()
    assert not re.search(rb"20\d\d-\d\d-\d\dT\d\d:\d\d", a.read_bytes().split(b"</script>")[-1])


def test_styles_and_tooltips(tmp_path, seed_like_graph, page_data):
    out = tmp_path / "g.html"
    write_html(seed_like_graph(), out)
    nodes, edges = page_data(out.read_text(encoding="utf-8"))
    by_id = {n["id"]: n for n in nodes}
    assert by_id["role:000-seed"]["shape"] == "box"
    assert by_id["skill:python"]["shape"] == "dot"
    assert by_id["team:responsible-ai"]["shape"] == "diamond"
    assert by_id["product:homefeed"]["shape"] == "triangle"
    assert by_id["company:pinterest"]["shape"] == "hexagon"
    assert len({by_id[x]["color"]["background"] for x in
                ("role:000-seed", "skill:python", "team:responsible-ai", "product:homefeed", "company:pinterest")}) == 5
    assert by_id["skill:python"]["size"] > by_id["skill:rlhf"]["size"]  # demand 5 vs 1
    assert all(isinstance(n["x"], float) and isinstance(n["y"], float) for n in nodes)
    req = [e for e in edges if e["rel"] == "requires"]
    style = {e["level"]: (e["width"], e["dashes"]) for e in req}
    assert style["required"][1] is False and style["responsibility"][1] is False
    assert style["required"][0] > style["responsibility"][0] > style["preferred"][0]
    assert style["preferred"][1] and style["context"][1] and style["preferred"][1] != style["context"][1]
    broader = [e for e in edges if e["rel"] == "broader"]
    assert broader and all(e["width"] < style["preferred"][0] for e in broader)
    e = next(e for e in req if e["from"] == "role:000-seed" and e["to"] == "skill:diffusion-models")
    assert "required" in e["title"] and "Experience with diffusion models in production systems." in e["title"]
    assert "posting 000_seed.txt" in e["title"]
    t = by_id["skill:diffusion-models"]["title"]
    assert t.startswith("diffusion models\n") and "Knowing and applying diffusion models." in t and "Evidence:" in t
    assert "legend" in out.read_text(encoding="utf-8").lower()


def test_empty_graph(tmp_path):
    rep = write_html(nx.DiGraph(), tmp_path / "e.html")
    assert rep["nodes"] == 0 and (tmp_path / "e.html").exists()



# ---------------------------------------------------------------- security

def test_hostile_posting_is_escaped(tmp_path, seed_like_graph, hostile_graph, hostile_script, page_data):
    out = tmp_path / "evil.html"
    write_html(hostile_graph(), out, title=f"Jobs {hostile_script}")
    text = out.read_text(encoding="utf-8")
    # the raw markup never appears in the page: JSON escapes < > &, the template escapes the title
    assert "window.__pwned" in text  # the text is there ...
    assert "<script>window.__pwned" not in text  # ... but never as markup
    assert "<img src=x" not in text and "onerror=\"window" not in text
    assert "&lt;script&gt;window.__pwned=1&lt;/script&gt;" in text  # the escaped title
    write_html(seed_like_graph(), tmp_path / "plain.html")
    plain = (tmp_path / "plain.html").read_text(encoding="utf-8")
    assert text.lower().count("<script") == plain.lower().count("<script")  # no tag from the data
    assert text.lower().count("<img") == plain.lower().count("<img") == 0
    nodes, edges = page_data(text)
    e = next(e for e in edges if e["from"] == "role:evil" and e["to"] == "skill:evil")
    assert hostile_script in e["title"]  # shown as text (vis sets innerText for string titles)
    assert "tooltip_link" not in text and "innerHTML" not in text.split("var nodes = ")[-1]
