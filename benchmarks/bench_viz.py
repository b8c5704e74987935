"""How long the HTML view takes for a synthetic graph: write_html, then the page in headless Chromium
until vis-network has drawn it (the page's first 'afterDrawing', physics off), with every request
except the file blocked.

    python benchmarks/bench_viz.py [--nodes 2000] [--roles 120] [--runs 1]

Prints one line per step. Not a test: numbers for the README.
"""
from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path

import networkx as nx


def synthetic_graph(n_nodes: int = 2000, n_roles: int = 120, seed: int = 1) -> nx.DiGraph:
    """Roles asking for Zipf-distributed skills, a skill hierarchy, teams, products, companies."""
    rnd = random.Random(seed)
    G = nx.DiGraph(ontology_version="bench", ontology_files=[], postings=n_roles)
    n_companies, n_teams, n_products = max(1, n_roles // 40), max(1, n_roles // 8), max(1, n_roles // 12)
    n_skills = n_nodes - n_roles - n_companies - n_teams - n_products
    n_anc = max(1, n_skills // 12)
    for c in range(n_companies):
        G.add_node(f"company:c{c}", kind="company", label=f"Company {c}")
    for t in range(n_teams):
        G.add_node(f"team:t{t}", kind="team", label=f"Team {t} platform", aliases=[])
        G.add_edge(f"company:c{t % n_companies}", f"team:t{t}", rel="has_team")
        if t >= n_companies and t % 3 == 0:
            G.add_edge(f"team:t{t}", f"team:t{t % n_companies}", rel="part_of")
    for p in range(n_products):
        G.add_node(f"product:p{p}", kind="product", label=f"Product {p}")
    skills = [f"skill:s{i:05d}" for i in range(n_skills)]
    for i, s in enumerate(skills):
        anc = i < n_anc
        G.add_node(s, kind="skill", label=f"{'area' if anc else 'skill'} {i} engineering", iri=f"https://example.org/{s}",
                   definition=f"Definition of skill {i}.", skill_kind="skill", alt_labels=[], demand=0,
                   used=not anc)
        if not anc:
            G.add_edge(s, skills[rnd.randrange(n_anc)], rel="broader")
    weights = [1 / (k + 1) ** 0.9 for k in range(n_skills - n_anc)]
    used = skills[n_anc:]
    for r in range(n_roles):
        role = f"role:r{r}"
        G.add_node(role, kind="role", label=f"Senior Machine Learning Engineer {r}", title="ML Engineer",
                   posting=f"p{r}.txt", company=f"Company {r % n_companies}", locations=["Remote"],
                   seniority="senior", work_mode="remote", min_years=3, degrees=[], salary=None, source="bench")
        G.add_edge(f"company:c{r % n_companies}", role, rel="has_role")
        G.add_edge(role, f"team:t{r % n_teams}", rel="belongs_to")
        G.add_edge(role, f"product:p{r % n_products}", rel="works_on")
    # every used skill asked for at least once, plus Zipf-popular ones
    roles = [f"role:r{r}" for r in range(n_roles)]
    pairs = {(roles[i % n_roles], s) for i, s in enumerate(used)}
    for role in roles:
        for s in rnd.choices(used, weights=weights, k=10):
            pairs.add((role, s))
    levels = ("required", "responsibility", "preferred", "context")
    for role, s in sorted(pairs):
        lvl = rnd.choice(levels)
        sent = f"You have experience with {G.nodes[s]['label']}."
        G.add_edge(role, s, rel="requires", level=lvl, count=rnd.randint(1, 3),
                   evidence=[{"posting": G.nodes[role]["posting"], "start": 0, "end": 5, "text": "x",
                              "sentence": sent, "section": "requirements", "requirement": lvl}])
        G.nodes[s]["demand"] += 1
    return G


def browser_time(path: Path) -> tuple[float, float, int, int]:
    """(seconds from navigation to the first drawing, to 'load', nodes drawn, edges drawn)."""
    from playwright.sync_api import sync_playwright

    from skillgraph.viz import CHROMIUM, CHROMIUM_ARGS

    url = path.resolve().as_uri()
    blocked = []
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        page = b.new_page(viewport={"width": 1400, "height": 900})
        page.route("**/*", lambda r: r.continue_() if r.request.url == url else (blocked.append(r.request.url), r.abort()))
        t0 = time.perf_counter()
        page.goto(url, wait_until="load", timeout=120_000)
        t_load = time.perf_counter() - t0
        page.wait_for_function("window.skillgraph && window.skillgraph.ready", timeout=120_000)
        t_draw = time.perf_counter() - t0
        n, m = page.evaluate("() => [skillgraph.network.body.nodeIndices.length,"
                             " skillgraph.network.body.edgeIndices.length]")
        b.close()
    assert not blocked, blocked
    return t_draw, t_load, n, m


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--nodes", type=int, default=2000)
    ap.add_argument("--roles", type=int, default=120)
    ap.add_argument("--runs", type=int, default=1)
    a = ap.parse_args(argv)
    from skillgraph.viz import write_html

    G = synthetic_graph(a.nodes, a.roles)
    print(f"graph: {G.number_of_nodes():,} nodes, {G.number_of_edges():,} edges")
    with tempfile.TemporaryDirectory() as tmp:
        for run in range(a.runs):
            for max_nodes in (a.nodes, 500):
                out = Path(tmp) / f"g{max_nodes}.html"
                t0 = time.perf_counter()
                rep = write_html(G, out, max_nodes=max_nodes)
                t_write = time.perf_counter() - t0
                t_draw, t_load, n, m = browser_time(out)
                print(f"max_nodes={max_nodes:>5}: write_html {t_write:5.2f} s ({rep['nodes']:,} nodes, "
                      f"{rep['edges']:,} edges, {rep['bytes'] / 1e6:.1f} MB); Chromium: load {t_load:4.2f} s, "
                      f"drawn {t_draw:4.2f} s ({n:,} nodes, {m:,} edges on the canvas)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
