"""skillgraph.viz pages in a real headless Chromium (Debian's /usr/bin/chromium via Playwright), with
every request except the page itself aborted and recorded.

Also takes a picture of the seed graph's page (in the test's temporary folder: tests never write into
outputs/; ``skillgraph viz --screenshot outputs/graph.png`` refreshes the committed one).
Run alone with ``pytest -m browser tests/viz/test_viz_browser.py``.
"""
from __future__ import annotations

import pytest

from skillgraph.viz import select_subgraph, write_html

pytestmark = pytest.mark.browser


def test_page_loads_offline_and_draws_every_node_and_edge(tmp_path, open_page, seed_like_graph):
    G = seed_like_graph()
    out = tmp_path / "g.html"
    rep = write_html(G, out)
    pg = open_page(out)
    assert pg.errors == []
    assert pg.requests == []  # nothing but the file itself was asked for
    assert pg.counts() == (G.number_of_nodes(), G.number_of_edges()) == (rep["nodes"], rep["edges"])
    legend = pg.page.locator("#sg-legend")
    assert legend.is_visible()
    text = legend.inner_text()
    for word in ("Role", "Skill", "Team", "Product", "Company", "required", "preferred"):
        assert word in text
    # the drawing fits the canvas and labels are drawn at a readable size at rest
    scale = pg.page.evaluate("() => window.skillgraph.network.getScale()")
    assert scale * 14 >= 9, f"labels drawn at {scale * 14:.1f}px"
    assert pg.overlapping_labels() == []


def test_filtered_page_counts_match_the_selection(tmp_path, open_page, seed_like_graph):
    G = seed_like_graph()
    H, _ = select_subgraph(G, team="team:engineering", level="preferred")
    out = tmp_path / "team.html"
    rep = write_html(G, out, team="team:engineering", level="preferred")
    pg = open_page(out)
    assert pg.errors == [] and pg.requests == []
    assert pg.counts() == (H.number_of_nodes(), H.number_of_edges()) == (rep["nodes"], rep["edges"])
    # legend checkboxes hide a kind / a requirement level
    n_skills = sum(1 for _, d in H.nodes(data=True) if d["kind"] == "skill")
    pg.page.locator("input.sg-kind[data-kind=skill]").uncheck()
    assert pg.counts()[0] == H.number_of_nodes() - n_skills
    pg.page.locator("input.sg-kind[data-kind=skill]").check()
    n_pref = sum(1 for *_, d in H.edges(data=True) if d.get("level") == "preferred")
    pg.page.locator("input.sg-level[data-level=preferred]").uncheck()
    assert pg.counts() == (H.number_of_nodes(), H.number_of_edges() - n_pref)


def test_reduced_page_says_what_was_left_out(tmp_path, open_page, seed_like_graph):
    out = tmp_path / "small.html"
    rep = write_html(seed_like_graph(), out, max_nodes=12)
    pg = open_page(out)
    assert pg.errors == []
    assert pg.counts() == (rep["nodes"], rep["edges"])
    msg = pg.page.locator("#sg-message")
    assert msg.is_visible() and "Left out" in msg.inner_text()
    # what is aggregated is said: the panel and the matrix still cover every role and skill
    assert "Only the drawing is reduced" in msg.inner_text() and "5 roles, 37 skills" in msg.inner_text()


def test_hover_shows_evidence_and_search_finds_a_node(tmp_path, open_page, seed_like_graph):
    out = tmp_path / "g.html"
    write_html(seed_like_graph(), out)
    pg = open_page(out)
    # a requirement edge: its level and the evidence sentence
    found = pg.edge_point()
    assert found, "no requirement edge with a free point to hover"
    edge_id, x, y = found
    edge = pg.page.evaluate("(id) => window.skillgraph.edges.get(id)", edge_id)
    tip = pg.hover(x, y)
    assert "requires" in tip and "Evidence:" in tip
    label = pg.page.evaluate("(id) => window.skillgraph.nodes.get(id).name", edge["to"])
    assert f"Experience with {label} in production systems." in tip
    # a skill node: label, definition, evidence
    x, y = pg.node_point("skill:diffusion-models")
    tip = pg.hover(x, y)
    assert tip.startswith("diffusion models")
    assert "Knowing and applying diffusion models." in tip
    assert "Experience with diffusion models in production systems." in tip
    # search box selects the node
    pg.page.fill("#sg-search", "pytorch")
    pg.page.press("#sg-search", "Enter")
    assert pg.page.evaluate("() => window.skillgraph.network.getSelectedNodes()") == ["skill:pytorch"]
    assert pg.errors == [] and pg.requests == []


def test_hostile_posting_never_runs(tmp_path, open_page, hostile_graph, hostile_script):
    out = tmp_path / "evil.html"
    write_html(hostile_graph(), out, title=f"Jobs {hostile_script}")
    pg = open_page(out)
    flag = "() => typeof window.__pwned"
    assert pg.page.evaluate(flag) == "undefined"
    assert hostile_script in pg.page.locator("#sg-title").inner_text()  # shown as text
    assert pg.page.evaluate("() => document.querySelectorAll('img').length") == 0
    # hover the hostile requirement edge and nodes: their text shows literally, nothing runs
    found = pg.edge_point("role:evil")
    assert found
    tip = pg.hover(found[1], found[2])
    assert hostile_script in tip or '<img src=x onerror="window.__pwned=1">' in tip
    for node in ("skill:evil", "role:evil", "team:evil"):
        x, y = pg.node_point(node)
        pg.page.mouse.click(x, y)
        tip = pg.hover(x + 1, y + 1)
        assert "<script>" in tip or "<img" in tip
        assert pg.page.evaluate(flag) == "undefined"
    pg.page.fill("#sg-search", "skill <img")
    pg.page.press("#sg-search", "Enter")
    pg.page.wait_for_timeout(350)
    assert pg.page.evaluate(flag) == "undefined"
    assert pg.page.evaluate("() => document.querySelectorAll('img').length") == 0
    assert pg.errors == [] and pg.requests == []


def test_seed_graph_page_and_screenshot(tmp_path, open_page, root):
    """The real seed postings through `build` and `viz`, and a picture of the page."""
    from click.testing import CliRunner

    from skillgraph.cli import main
    from skillgraph.graph import load_graph

    runner = CliRunner()
    res = runner.invoke(main, ["build", str(root / "seeds"), "--out", str(tmp_path)])
    assert res.exit_code == 0, res.output
    G = load_graph(tmp_path / "graph.json")
    assert (tmp_path / "graph.html").exists()
    res = runner.invoke(main, ["viz", "--graph", str(tmp_path / "graph.json"), "--out",
                               str(tmp_path / "seed.html")])
    assert res.exit_code == 0, res.output
    assert (tmp_path / "seed.html").read_bytes() == (tmp_path / "graph.html").read_bytes()
    pg = open_page(tmp_path / "seed.html")
    assert pg.errors == [] and pg.requests == []
    assert pg.counts() == (G.number_of_nodes(), G.number_of_edges())
    scale = pg.page.evaluate("() => window.skillgraph.network.getScale()")
    assert scale * 14 >= 9, f"seed graph labels drawn at {scale * 14:.1f}px at rest"
    assert pg.overlapping_labels() == []
    shot = tmp_path / "shots" / "graph.png"
    shot.parent.mkdir(exist_ok=True)
    pg.page.screenshot(path=str(shot))
    assert shot.stat().st_size > 10_000


def test_cli_screenshot_option(tmp_path, seed_like_graph, browser_missing):
    if browser_missing:
        pytest.skip(browser_missing)
    import subprocess
    import sys

    from skillgraph.graph import save_graph

    save_graph(seed_like_graph(), tmp_path / "g.json")
    # a process of its own: this module's browser already runs a Playwright loop in this thread
    res = subprocess.run([sys.executable, "-m", "skillgraph", "viz", "--graph", str(tmp_path / "g.json"),
                          "--out", str(tmp_path / "g.html"), "--screenshot", str(tmp_path / "g.png")],
                         cwd=tmp_path, capture_output=True, text=True, timeout=60)
    assert res.returncode == 0, res.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["g.html", "g.json", "g.png"]
    assert (tmp_path / "g.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_wait_until_drawn_outlasts_a_slow_page_under_the_pages_csp(tmp_path, browser):
    """A page that is drawn after the first check: the wait must poll under the page's own
    Content-Security-Policy, which forbids eval (an expression predicate failed there with an
    EvalError; CI hit it after a reload)."""
    import re
    from importlib.resources import files

    from skillgraph.viz import wait_until_drawn

    csp = re.search(r'<meta http-equiv="Content-Security-Policy"[^>]*>',
                    files("skillgraph.viz").joinpath("page.html").read_text()).group(0)
    assert "unsafe-eval" not in csp
    slow = tmp_path / "slow.html"
    slow.write_text(f"<!doctype html><html><head>{csp}</head><body><script>"
                    "setTimeout(() => { window.skillgraph = {ready: true}; }, 400);</script></body></html>")
    page = browser.new_page()
    try:
        page.goto(slow.as_uri(), wait_until="load")
        assert page.evaluate("() => !!window.skillgraph") is False   # not drawn at the first check
        wait_until_drawn(page, 10_000)
        assert page.evaluate("() => window.skillgraph.ready") is True
    finally:
        page.close()
