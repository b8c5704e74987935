"""skillgraph.viz pages in a real headless Chromium (Debian's /usr/bin/chromium via Playwright), with
every request except the page itself aborted and recorded.

Also takes a picture of the seed graph's page (in the test's temporary folder: tests never write into
outputs/; ``skillgraph viz --screenshot outputs/graph.png`` refreshes the committed one).
Run alone with ``pytest -m browser tests/viz/test_viz_browser.py``.
"""
from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from skillgraph.viz import select_subgraph, write_html

pytestmark = pytest.mark.browser

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run"]


def _missing() -> str | None:
    if not Path(CHROMIUM).exists():
        return f"no Chromium at {CHROMIUM} (apt-get install chromium)"
    if importlib.util.find_spec("playwright") is None:
        return "playwright is not installed (pip install playwright; it drives /usr/bin/chromium)"
    return None


@pytest.fixture(scope="module")
def browser():
    reason = _missing()
    if reason:
        pytest.skip(reason)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        yield b
        b.close()


class Page:
    """An opened page plus what went wrong in it: console errors, page errors, requests tried."""

    def __init__(self, browser, path: Path, width=1400, height=900):
        self.url = Path(path).resolve().as_uri()
        self.errors: list[str] = []
        self.requests: list[str] = []
        self.page = browser.new_page(viewport={"width": width, "height": height})
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.route("**/*", self._route)
        self.page.goto(self.url, wait_until="load")
        self.page.wait_for_function("window.skillgraph && window.skillgraph.ready", timeout=20_000)

    def _route(self, route):
        if route.request.url == self.url:
            route.continue_()
        else:
            self.requests.append(route.request.url)
            route.abort()

    def counts(self) -> tuple[int, int]:
        return tuple(self.page.evaluate(
            "() => [window.skillgraph.network.body.nodeIndices.length,"
            " window.skillgraph.network.body.edgeIndices.length]"))

    def hover(self, x: float, y: float) -> str:
        """Move the mouse to (x, y) in the page, wait for vis's tooltip and return its text."""
        self.page.mouse.move(x - 3, y - 3)
        self.page.mouse.move(x, y, steps=3)
        tip = self.page.locator("div.vis-tooltip")
        self.page.wait_for_function(
            "() => { const t = document.querySelector('div.vis-tooltip');"
            " return t && getComputedStyle(t).visibility === 'visible' && t.innerText.length > 0; }",
            timeout=5_000)
        return tip.inner_text()

    def node_point(self, node_id: str) -> tuple[float, float]:
        p = self.page.evaluate("""(id) => {
            const net = window.skillgraph.network;
            const d = net.canvasToDOM(net.getPositions([id])[id]);
            const r = net.body.container.getBoundingClientRect();
            return [r.left + d.x, r.top + d.y]; }""", node_id)
        return p[0], p[1]

    def edge_point(self, source: str | None = None) -> tuple[str, float, float]:
        """A requirement edge (from ``source`` if given) and a point on it where nothing else is."""
        return tuple(self.page.evaluate("""(source) => {
            const sg = window.skillgraph, net = sg.network;
            const r = net.body.container.getBoundingClientRect();
            const ids = sg.edges.getIds({filter: e => e.rel === "requires" && (!source || e.from === source)});
            for (const id of ids) {
                const e = sg.edges.get(id), P = net.getPositions([e.from, e.to]);
                for (const f of [0.5, 0.4, 0.6, 0.3, 0.7]) {
                    const d = net.canvasToDOM({x: P[e.from].x + f * (P[e.to].x - P[e.from].x),
                                               y: P[e.from].y + f * (P[e.to].y - P[e.from].y)});
                    if (d.x < 5 || d.y < 5 || d.x > r.width - 5 || d.y > r.height - 5) continue;
                    let alone = true;  // only this edge (and no node) within 8 px around the point
                    for (const dx of [-8, 0, 8]) for (const dy of [-8, 0, 8]) {
                        const q = {x: d.x + dx, y: d.y + dy}, hit = net.getEdgeAt(q);
                        if (net.getNodeAt(q) !== undefined || (hit !== undefined && hit !== id)) alone = false;
                    }
                    if (alone && net.getEdgeAt(d) === id) {
                        return [id, r.left + d.x, r.top + d.y];
                    }
                }
            }
            return null; }""", source))

    def overlapping_labels(self) -> list:
        """Pairs of nodes whose drawn boxes (shape and label, as vis-network measured them) overlap."""
        return self.page.evaluate("""() => {
            const body = window.skillgraph.network.body, ids = body.nodeIndices, bad = [];
            const box = ids.map(id => body.nodes[id].shape.boundingBox);
            for (let i = 0; i < ids.length; i++) {
                for (let j = i + 1; j < ids.length; j++) {
                    const a = box[i], b = box[j];
                    if (a.left < b.right - 1 && b.left < a.right - 1 && a.top < b.bottom - 1 && b.top < a.bottom - 1) {
                        bad.push([ids[i], ids[j]]);
                    }
                }
            }
            return bad; }""")

    def close(self):
        self.page.close()


@pytest.fixture
def open_page(browser):
    pages = []

    def _open(path, **kw):
        pg = Page(browser, path, **kw)
        pages.append(pg)
        return pg

    yield _open
    for pg in pages:
        pg.close()


# ----------------------------------------------------------------------------------------------

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


def test_cli_screenshot_option(tmp_path, seed_like_graph):
    if _missing():
        pytest.skip(_missing())
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
