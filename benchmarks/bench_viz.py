"""How long skillgraph.viz takes on a synthetic 5,000-node graph, and how long headless Chromium
takes to load the explorer page and to open the side panel after a click (physics off: drawn = settled).

    python benchmarks/bench_viz.py [--nodes 5000] [--keep out.html]

Two pages of the same graph: the default one (drawing reduced to max_nodes=500 most connected nodes;
the page says so, and the embedded data behind the panel, gap/overlap and the paged matrix holds the
whole graph, so nothing is dropped), and the full drawing (max_nodes=None). For each: layout and
write_html seconds, file size, the browser's time from navigation start to the first complete drawing
(window.skillgraph.readyAt), goto + draw wall time, and click-to-panel: from the mouse press on a role
to the next frame after its side panel is filled. Needs /usr/bin/chromium and playwright for the
browser part. Times, not assertions: compare runs as ratios.
"""
from __future__ import annotations

import argparse
import random
import tempfile
import time
from pathlib import Path

import networkx as nx

from skillgraph.viz import CHROMIUM, CHROMIUM_ARGS, layout, wait_until_drawn, write_html
from skillgraph.vocab import LEVELS


def synthetic_graph(n_nodes: int = 2000, seed: int = 1) -> nx.DiGraph:
    """Roles (10%), teams, products, companies and skills (the rest) wired like build_graph output:
    each role requires 8-20 skills drawn with a popularity skew, skills form a shallow hierarchy."""
    rnd = random.Random(seed)
    n_roles = n_nodes // 10
    n_teams, n_products, n_companies = n_nodes // 50, n_nodes // 100, max(1, n_nodes // 200)
    n_skills = n_nodes - n_roles - n_teams - n_products - n_companies
    G = nx.DiGraph(ontology_version="bench", ontology_files=[], postings=n_roles)
    companies = [f"company:c{i}" for i in range(n_companies)]
    for i, c in enumerate(companies):
        G.add_node(c, kind="company", label=f"Company {i}", aliases=[])
    teams = [f"team:t{i}" for i in range(n_teams)]
    for i, t in enumerate(teams):
        G.add_node(t, kind="team", label=f"Team {rnd.choice(['Data', 'ML', 'Search', 'Ads'])} {i}", aliases=[])
        G.add_edge(rnd.choice(companies), t, rel="has_team")
    products = [f"product:p{i}" for i in range(n_products)]
    for i, p in enumerate(products):
        G.add_node(p, kind="product", label=f"Product {i}", aliases=[])
    words = ["machine", "learning", "data", "graph", "neural", "search", "ranking", "vision", "language",
             "models", "systems", "pipelines", "analysis", "retrieval", "training", "inference"]
    skills = [f"skill:s{i}" for i in range(n_skills)]
    n_roots = max(1, n_skills // 20)
    for i, s in enumerate(skills):
        label = " ".join(rnd.sample(words, rnd.choice((1, 2, 2, 3)))) + f" {i}"
        G.add_node(s, kind="skill", label=label, iri=f"https://example.org/{s}", definition=f"About {label}.",
                   skill_kind="skill", alt_labels=[], hidden_labels=[], demand=0, used=i >= n_roots)
        if i >= n_roots:
            G.add_edge(s, skills[rnd.randrange(n_roots)], rel="broader")
    weights = [1.0 / (1 + i) ** 0.8 for i in range(n_roots, n_skills)]
    for i in range(n_roles):
        r = f"role:r{i}"
        G.add_node(r, kind="role", label=f"Machine Learning Engineer {i}", title="MLE", posting=f"p{i}.txt",
                   source="bench", company=None, locations=[], seniority=None, work_mode=None, min_years=None,
                   degrees=[], salary=None)
        G.add_edge(rnd.choice(companies), r, rel="has_role")
        G.add_edge(r, rnd.choice(teams), rel="belongs_to")
        if rnd.random() < 0.5:
            G.add_edge(r, rnd.choice(products), rel="works_on")
        for s in set(rnd.choices(skills[n_roots:], weights=weights, k=rnd.randint(8, 20))):
            lvl = rnd.choice(LEVELS)
            sent = f"You will use {G.nodes[s]['label']} every day."
            G.add_edge(r, s, rel="requires", level=lvl, count=rnd.randint(1, 3),
                       evidence=[{"posting": f"p{i}.txt", "start": 0, "end": 5, "text": sent[:5], "sentence": sent,
                                  "section": "requirements", "requirement": lvl}])
            G.nodes[s]["demand"] += 1
    return G


_CLICK_PROBE = """(id) => {
    window.__probeMs = null;
    const sg = window.skillgraph, net = sg.network, panel = document.getElementById("sg-panel");
    const box = net.body.container.getBoundingClientRect();
    const d = net.canvasToDOM(net.getPositions([id])[id]);
    let t0 = null;
    net.body.container.addEventListener("pointerdown", () => { t0 = performance.now(); },
                                        {capture: true, once: true});
    const obs = new MutationObserver(() => {
        if (t0 === null || panel.hidden || !panel.innerText.includes(sg.data_name(id))) return;
        obs.disconnect();
        requestAnimationFrame(() => { window.__probeMs = performance.now() - t0; });
    });
    obs.observe(panel, {attributes: true, childList: true, subtree: true, characterData: true});
    return [box.left + d.x, box.top + d.y]; }"""


def _click_to_panel(page, role: str) -> float:
    """Press the mouse on ``role`` and time until its side panel is filled and painted (ms)."""
    page.evaluate("(id) => window.skillgraph.network.focus(id, {scale: 1.0, animation: false})", role)
    page.evaluate("""() => { const D = JSON.parse(document.getElementById("sg-data").textContent);
        window.skillgraph.data_name = id => D.nodes[id].n; }""")
    x, y = page.evaluate(_CLICK_PROBE, role)
    page.mouse.click(x, y)
    page.wait_for_function("() => window.__probeMs !== null", timeout=60_000)
    return float(page.evaluate("() => window.__probeMs"))


def browser_time(path: Path, width=1400, height=900) -> dict:
    from playwright.sync_api import sync_playwright

    url = path.resolve().as_uri()
    blocked = []
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        try:
            page = b.new_page(viewport={"width": width, "height": height})
            page.route("**/*", lambda r: r.continue_() if r.request.url == url
                       else (blocked.append(r.request.url), r.abort()))
            t0 = time.perf_counter()
            page.goto(url, wait_until="load", timeout=120_000)
            wait_until_drawn(page, 120_000)
            wall = time.perf_counter() - t0
            ready_ms = page.evaluate("() => window.skillgraph.readyAt")
            counts = page.evaluate("() => [window.skillgraph.network.body.nodeIndices.length,"
                                   " window.skillgraph.network.body.edgeIndices.length]")
            # one redraw after a zoom, as a user would trigger
            redraw_ms = page.evaluate("""() => new Promise(res => {
                const net = window.skillgraph.network, t = performance.now();
                net.once("afterDrawing", () => res(performance.now() - t));
                net.moveTo({scale: net.getScale() * 1.5}); })""")
            roles = page.evaluate("() => window.skillgraph.nodes.getIds({filter: n => n.kind === 'role'}).sort()")
            click_ms = [_click_to_panel(page, r) for r in roles[:3]]
        finally:
            b.close()
    return {"ready_ms": ready_ms, "wall_s": wall, "nodes": counts[0], "edges": counts[1],
            "redraw_ms": redraw_ms, "click_ms": click_ms, "blocked": blocked}


def _bench_page(G, out: Path, max_nodes) -> None:
    t = time.perf_counter()
    rep = write_html(G, out, max_nodes=max_nodes)
    print(f"write_html max_nodes={max_nodes} (select + layout + data + render + write): "
          f"{time.perf_counter() - t:.2f} s, {rep['bytes'] / 1e6:.2f} MB, "
          f"{rep['nodes']:,} nodes / {rep['edges']:,} edges drawn")
    if rep["message"]:
        print(f"  page says: {rep['message']}")
    if not Path(CHROMIUM).exists():
        print(f"  browser: skipped (no {CHROMIUM})")
        return
    for run in (1, 2):
        b = browser_time(out)
        print(f"  browser run {run}: page load (drawn, physics off = settled) {b['ready_ms'] / 1000:.2f} s "
              f"after navigation start; goto+draw wall {b['wall_s']:.2f} s; zoom redraw {b['redraw_ms']:.0f} ms; "
              f"click-to-panel {', '.join(f'{ms:.0f}' for ms in b['click_ms'])} ms; "
              f"rendered {b['nodes']:,} nodes / {b['edges']:,} edges; blocked requests: {len(b['blocked'])}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--nodes", type=int, default=5000)
    ap.add_argument("--keep", type=Path, default=None, help="write the full page here instead of a temp file")
    args = ap.parse_args()
    G = synthetic_graph(args.nodes)
    print(f"graph: {G.number_of_nodes():,} nodes, {G.number_of_edges():,} edges")
    t = time.perf_counter()
    layout(G)
    print(f"layout of all nodes: {time.perf_counter() - t:.2f} s")
    with tempfile.TemporaryDirectory() as tmp:
        _bench_page(G, Path(tmp) / "default.html", 500)
        _bench_page(G, args.keep or Path(tmp) / "full.html", None)


if __name__ == "__main__":
    main()
