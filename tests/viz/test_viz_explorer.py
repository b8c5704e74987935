"""The explorer in the page: its embedded data (viz/data.py) against the query functions, and in
headless Chromium the side panel, fading, --focus, and the two-group gap/overlap computed in the page,
which must equal `skillgraph gap` / `skillgraph overlap` on the real seeds."""
from __future__ import annotations

import itertools
import json
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from skillgraph.query import gap, overlap
from skillgraph.query.groups import group_roles, skill_needs
from skillgraph.viz import render_html, wait_until_drawn, write_html
from skillgraph.viz.data import MAX_EVIDENCE, explorer_data, json_for_script


@pytest.fixture(scope="module")
def seeds_graph(tmp_path_factory, root):
    """The five seed postings through `skillgraph build` (once per module)."""
    from click.testing import CliRunner

    from skillgraph.cli import main
    from skillgraph.graph import load_graph

    out = tmp_path_factory.mktemp("seeds")
    res = CliRunner().invoke(main, ["build", str(root / "seeds"), "--out", str(out)])
    assert res.exit_code == 0, res.output
    return load_graph(out / "graph.json")


def embedded(text: str) -> dict:
    return json.loads(re.search(r'<script type="application/json" id="sg-data">(.*?)</script>', text, re.S).group(1))


# ---------------------------------------------------------------- the data, without a browser

def test_data_agrees_with_the_graph_and_the_query_groups(seeds_graph):
    G = seeds_graph
    D = explorer_data(G)
    for n, d in G.nodes(data=True):
        assert D["nodes"][n]["k"] == d["kind"]
        if d["kind"] in ("role", "team", "product", "company"):
            assert D["groups"][n] == group_roles(G, n)
    for r, R in D["roles"].items():
        req = {s: e for s, e in G.adj[r].items() if e["rel"] == "requires"}
        assert {x[0]: (x[1], x[2]) for x in R["skills"]} == {s: (e["level"], e["count"]) for s, e in req.items()}
        for x in R["skills"]:
            assert len(x[3]) <= MAX_EVIDENCE and x[4] == len(req[x[0]].get("evidence") or [])
    for s, S in D["skills"].items():
        assert S["broader"] == sorted(v for v, e in G.adj[s].items() if e["rel"] == "broader")
        assert {r for r, _ in S["roles"]} == {u for u, _, e in G.in_edges(s, data=True) if e["rel"] == "requires"}
    for t, T in D["teams"].items():
        needs = skill_needs(G, group_roles(G, t))
        assert T["n_skills"] == len(needs)
        assert all(needs[s].postings == k and needs[s].level == lv for s, k, lv in T["top"])
    assert explorer_data(G) == D and json_for_script(D) == json_for_script(explorer_data(G))  # deterministic


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_script_json_never_closes_its_element(text):
    s = json_for_script({"t": text, "k": [text]})
    assert "<" not in s and ">" not in s and "&" not in s
    assert json.loads(s) == {"k": [text], "t": text}


def test_repeated_role_titles_are_told_apart(seed_like_graph):
    G = seed_like_graph()
    G.nodes["role:002-seed"]["label"] = G.nodes["role:000-seed"]["label"]
    G.nodes["role:002-seed"]["locations"] = ["New York, NY"]
    names = {explorer_data(G)["nodes"][r]["n"] for r in ("role:000-seed", "role:002-seed")}
    assert names == {"Sr. Machine Learning Engineer, Applied Science (San Francisco, CA)",
                     "Sr. Machine Learning Engineer, Applied Science (New York, NY)"}


def test_repeated_titles_are_told_apart_in_the_drawing(seed_like_graph):
    G = seed_like_graph()
    long_title = "Senior Machine Learning Engineer, Generative Models and Multimodal Ranking Infrastructure Group"
    for r, loc in (("role:000-seed", "San Francisco, CA"), ("role:002-seed", "New York, NY")):
        G.nodes[r]["label"] = long_title
        G.nodes[r]["locations"] = [loc]
    html = render_html(G)
    nodes = json.loads(re.search(r"nodes = new vis.DataSet\((\[.*?\])\);", html).group(1))
    labels = {n["id"]: n["label"] for n in nodes}
    drawn = {r: " ".join(labels[r].split()) for r in ("role:000-seed", "role:002-seed")}
    # the title is clipped, never the bracket that tells the two apart
    assert drawn["role:000-seed"].endswith("(San Francisco, CA)")
    assert drawn["role:002-seed"].endswith("(New York, NY)")
    assert drawn["role:000-seed"].startswith("Senior Machine Learning Engineer") and "…" in drawn["role:000-seed"]
    # a title that does not repeat is drawn as it is
    assert " ".join(labels["role:001-seed"].split()) == G.nodes["role:001-seed"]["label"]


# ---------------------------------------------------------------- in Chromium

@pytest.mark.browser
def test_click_shows_the_panel_and_fades_links_and_labels(tmp_path, open_page, seed_like_graph):
    out = tmp_path / "g.html"
    write_html(seed_like_graph(), out)
    pg = open_page(out)
    assert pg.page.locator("#sg-panel").is_hidden()
    x, y = pg.node_point("role:000-seed")
    pg.page.mouse.click(x, y)
    panel = pg.page.locator("#sg-panel")
    assert panel.is_visible()
    text = panel.inner_text()
    assert "Sr. Machine Learning Engineer, Applied Science" in text
    for head in ("REQUIRED", "RESPONSIBILITY", "PREFERRED", "CONTEXT"):
        assert head in text.upper()
    assert "Experience with PyTorch in production systems." in text     # evidence
    assert "Pinterest Labs" in text                                      # its team
    faded = pg.page.evaluate("""() => {
        const sg = window.skillgraph, r = "role:000-seed";
        const far = sg.edges.get({filter: e => e.from !== r && e.to !== r});
        const near = sg.edges.get({filter: e => e.from === "role:000-seed"});
        return [far.every(e => e.color.opacity < 0.2), near.every(e => e.color.opacity > 0.5),
                sg.nodes.get("role:004-seed").font.color, sg.nodes.get("role:004-seed").opacity,
                sg.nodes.get("skill:pytorch").opacity]; }""")
    assert faded[0] and faded[1]
    assert "0.25" in faded[2] and faded[3] < 0.2 and faded[4] == 1
    # a skill's panel: roles, teams, broader; clicking a link in the panel moves the selection
    pg.page.locator("#sg-panel .sg-link", has_text="PyTorch").first.click()
    text = panel.inner_text()
    assert "deep learning" in text and "Content Understanding" in text and "Demand: 3 roles" in text
    assert pg.page.evaluate("() => location.hash") == "#sel=skill%3Apytorch"
    pg.page.locator("#sg-panel-close").click()   # selection, panel and fading undone
    assert pg.page.locator("#sg-panel").is_hidden() and pg.page.evaluate("() => location.hash") == ""
    assert pg.page.evaluate("() => window.skillgraph.nodes.get('role:004-seed').opacity") == 1
    assert pg.errors == [] and pg.requests == []


@pytest.mark.browser
def test_focus_marks_its_node_and_opens_its_panel(tmp_path, open_page, seed_like_graph):
    out = tmp_path / "f.html"
    write_html(seed_like_graph(), out, focus="PyTorch", depth=1, level="preferred")
    pg = open_page(out)
    node = pg.page.evaluate("() => window.skillgraph.nodes.get('skill:pytorch')")
    assert node["borderWidth"] == 4 and node["color"]["border"] == "#e00000"
    assert pg.page.evaluate("() => window.skillgraph.network.getSelectedNodes()") == ["skill:pytorch"]
    assert "PyTorch" in pg.page.locator("#sg-panel h2").inner_text()
    assert "--focus skill:pytorch --depth 1 --level preferred" in pg.page.locator("#sg-filters-cli").inner_text()


@pytest.mark.browser
def test_page_gap_and_overlap_equal_the_queries_on_the_seeds(tmp_path, open_page, seeds_graph):
    G = seeds_graph
    out = tmp_path / "seeds.html"
    write_html(G, out)
    pg = open_page(out)
    roles = sorted(n for n, d in G.nodes(data=True) if d["kind"] == "role")
    teams = sorted(n for n, d in G.nodes(data=True) if d["kind"] == "team" and group_roles(G, n))
    pairs = list(itertools.permutations(roles, 2)) + list(itertools.permutations(teams[:3], 2)) + [
        (roles[0], teams[-1]), (teams[0], roles[-1]), (roles[1], roles[1])]
    for a, b in pairs:
        js = pg.page.evaluate("([a, b]) => window.skillgraph.gap(a, b)", [a, b])
        py = gap(G, a, b)
        assert round(js["coverage"], 4) == round(py.coverage, 4), (a, b)
        assert [(i["skill"], i["level"], i["status"], i["credit"], i["by"], i["from_level"], i["postings"],
                 i["path"], i["asked_by"]) for i in js["items"]] == [
            (i.skill, i.level, i.status, i.credit, i.by, i.from_level, i.postings, i.path, i.asked_by)
            for i in py.items], (a, b)
        jo = pg.page.evaluate("([a, b]) => window.skillgraph.overlap(a, b)", [a, b])
        po = overlap(G, a, b)
        assert abs(jo["jaccard"] - po["jaccard"]) < 1e-4 and abs(jo["weighted"] - po["weighted"]) < 1e-4
        for k in ("shared", "only_a", "only_b"):
            assert jo[k] == po[k], (a, b, k)
    assert sum(1 for a, b in pairs if gap(G, a, b).gaps) >= 10   # the pairs really differ
    # the panel shows it, the graph marks it, and the URL keeps it across a reload
    a, b = roles[0], roles[3]
    pg.page.evaluate("([a, b]) => window.skillgraph.compare(a, b)", [a, b])
    text = pg.page.locator("#sg-panel").inner_text()
    cov = gap(G, a, b).coverage
    assert f"coverage {round(cov * 100, 1):.1f}%" in text
    assert f"SHARED ({len(overlap(G, a, b)['shared'])})" in text.upper()
    shared = overlap(G, a, b)["shared"][0]["id"]
    assert pg.page.evaluate("(s) => window.skillgraph.nodes.get(s).borderWidth", shared) == 4
    url = pg.page.url
    assert "#cmp=" in url
    pg.page.goto(url.split("#")[0] + "#" + url.split("#")[1], wait_until="load")
    pg.page.reload(wait_until="load")
    wait_until_drawn(pg.page, 30_000)
    assert f"coverage {round(cov * 100, 1):.1f}%" in pg.page.locator("#sg-panel").inner_text()
    assert pg.errors == [] and pg.requests == []


@pytest.mark.browser
def test_pick_two_roles_by_clicking(tmp_path, open_page, seed_like_graph):
    G = seed_like_graph()
    out = tmp_path / "g.html"
    write_html(G, out)
    pg = open_page(out)
    pg.page.mouse.click(*pg.node_point("role:001-seed"))
    pg.page.locator("#sg-compare").click()
    # the panel covers the right of the canvas: bring the second role to the middle, as a user pans
    pg.page.evaluate("() => window.skillgraph.network.moveTo({position: window.skillgraph.network"
                     ".getPositions(['role:004-seed'])['role:004-seed'], offset: {x: -200, y: 0}})")
    pg.page.mouse.click(*pg.node_point("role:004-seed"))
    text = pg.page.locator("#sg-panel").inner_text()
    res = gap(G, "role:001-seed", "role:004-seed")
    assert f"LACKS ({len(res.gaps)})" in text.upper()
    assert pg.page.evaluate("() => window.skillgraph.state.cmp") == ["role:001-seed", "role:004-seed"]


@pytest.mark.browser
def test_hostile_text_in_the_panel_never_runs(tmp_path, open_page, hostile_graph, hostile_script):
    out = tmp_path / "evil.html"
    write_html(hostile_graph(), out)
    text = out.read_text(encoding="utf-8")
    assert "<!--" not in text.split('id="sg-data">')[1].split("</script>")[0]
    pg = open_page(out)
    for node in ("role:evil", "skill:evil", "team:evil"):
        pg.page.evaluate("(n) => window.skillgraph.select(n)", node)
        assert pg.page.evaluate("() => typeof window.__pwned") == "undefined"
        tags = "() => document.querySelectorAll('#sg-panel img, #sg-panel script, #sg-panel a').length"
        assert pg.page.evaluate(tags) == 0
    pg.page.evaluate("() => window.skillgraph.select('role:evil')")
    assert hostile_script in pg.page.locator("#sg-panel").inner_text()
    pg.page.evaluate("() => window.skillgraph.compare('role:evil', 'role:000-seed')")
    assert pg.page.evaluate("() => typeof window.__pwned") == "undefined"
    assert pg.errors == []


@pytest.mark.browser
def test_page_filters_live_in_the_url_and_survive_a_reload(tmp_path, open_page, seed_like_graph):
    G = seed_like_graph()
    out = tmp_path / "g.html"
    write_html(G, out)
    pg = open_page(out)
    total = pg.counts()
    assert total == (G.number_of_nodes(), G.number_of_edges())
    pg.page.select_option("#sg-team", "team:engineering")
    # the team, its sub-teams, their roles (000, 001, 004) and what those link to
    roles = {"role:000-seed", "role:001-seed", "role:004-seed"}
    visible = set(pg.page.evaluate("() => window.skillgraph.nodesView.getIds()"))
    assert {n for n in visible if n.startswith("role:")} == roles
    assert "team:responsible-ai" not in visible and "skill:fairness-in-machine-learning" not in visible
    assert "skill:recommender-systems" in visible and "team:core-engineering" in visible
    pg.page.fill("#sg-min", "2")
    pg.page.locator("input.sg-level[data-level=context]").uncheck()
    pg.page.locator("input.sg-kind[data-kind=product]").uncheck()
    want_edges = {(u, v) for u, v, d in G.edges(data=True)
                  if u in visible and v in visible and not (d["rel"] == "requires" and (
                      d["count"] < 2 or d["level"] == "context"))}
    counts = pg.counts()
    assert counts[0] < len(visible)
    drawn = set(map(tuple, pg.page.evaluate(
        "() => window.skillgraph.edgesView.get().filter(e => window.skillgraph.nodesView.get(e.from)"
        " && window.skillgraph.nodesView.get(e.to)).map(e => [e.from, e.to])")))
    assert drawn <= want_edges
    assert all(G.edges[e]["count"] >= 2 for e in drawn if G.edges[e]["rel"] == "requires")
    url = pg.page.url
    for part in ("team=team%3Aengineering", "min=2", "hl=context", "hk=product"):
        assert part in url
    assert "Page filters show" in pg.page.locator("#sg-filter-status").inner_text()
    pg.page.reload(wait_until="load")
    wait_until_drawn(pg.page, 30_000)
    assert pg.counts() == counts
    assert pg.page.input_value("#sg-team") == "team:engineering" and pg.page.input_value("#sg-min") == "2"
    assert not pg.page.locator("input.sg-level[data-level=context]").is_checked()
    pg.page.select_option("#sg-team", "")
    pg.page.fill("#sg-min", "1")
    pg.page.locator("input.sg-level[data-level=context]").check()
    pg.page.locator("input.sg-kind[data-kind=product]").check()
    assert pg.counts() == total
    assert pg.errors == [] and pg.requests == []


def _many_roles(n_roles: int = 500, n_skills: int = 60):
    """``n_roles`` roles each requiring 3-8 of ``n_skills`` skills at cycling levels (a tiny fixture)."""
    import networkx as nx

    from skillgraph.vocab import LEVELS

    G = nx.DiGraph(postings=n_roles)
    for j in range(n_skills):
        G.add_node(f"skill:s{j:02d}", kind="skill", label=f"skill {j:02d}", demand=0, used=True)
    for i in range(n_roles):
        r = f"role:r{i:03d}"
        G.add_node(r, kind="role", label=f"Engineer {i:03d}", company="Acme", locations=[])
        for k in range(3 + i % 6):
            s = f"skill:s{(i * 7 + k * 11) % n_skills:02d}"
            G.add_edge(r, s, rel="requires", level=LEVELS[(i + k) % 4], count=1, evidence=[])
            G.nodes[s]["demand"] += 1
    return G


@pytest.mark.browser
def test_matrix_view_sorts_pages_and_keeps_500_roles(tmp_path, open_page):
    G = _many_roles()
    out = tmp_path / "m.html"
    rep = write_html(G, out, max_nodes=200)   # the drawing is reduced; the matrix still has every role
    assert rep["reduced"]
    pg = open_page(out)
    pg.page.locator("#sg-view").click()
    rows = pg.page.locator("table.sg-matrix tr[data-role]")
    assert rows.count() == 50
    assert "roles 1–50 of 500" in pg.page.locator(".sg-matrix-bar").inner_text()
    top = max((s for s in G if s.startswith("skill:")), key=lambda s: (G.nodes[s]["demand"], -int(s[7:])))
    pg.page.locator(f"th[data-sort='{top}']").click()
    first = pg.page.locator("table.sg-matrix tr[data-role]").first
    role = first.get_attribute("data-role")
    assert G.edges[role, top]["level"] == "required"
    assert first.locator("td[data-level=required]").count() >= 1
    for _ in range(9):
        pg.page.locator(".sg-pager button", has_text="›").first.click()
    assert "roles 451–500 of 500" in pg.page.locator(".sg-matrix-bar").inner_text()
    assert "view=matrix" in pg.page.url and "msort=" in pg.page.url
    pg.page.reload(wait_until="load")
    wait_until_drawn(pg.page, 30_000)
    assert pg.page.locator("#sg-matrix").is_visible()
    assert pg.page.evaluate("() => window.skillgraph.matrix.state.sort") == top
    pg.page.locator("td.sg-rname").first.click()        # a role's name: back to the graph, panel open
    assert pg.page.locator("#sg-matrix").is_hidden() and pg.page.locator("#sg-panel").is_visible()
    assert pg.errors == [] and pg.requests == []


@pytest.mark.browser
def test_drawn_page_tells_repeated_titles_apart_and_puts_teams_by_their_roles(tmp_path, open_page,
                                                                              seed_like_graph):
    G = seed_like_graph()
    G.nodes["role:002-seed"]["label"] = G.nodes["role:000-seed"]["label"]
    G.nodes["role:002-seed"]["locations"] = ["New York, NY"]
    out = tmp_path / "g.html"
    write_html(G, out)
    pg = open_page(out)
    got = pg.page.evaluate("""() => {
        const sg = window.skillgraph, pos = sg.network.getPositions();
        const box = id => sg.network.getBoundingBox(id);
        const gap = (a, b) => { const A = box(a), B = box(b);
            const dx = Math.max(0, Math.max(A.left, B.left) - Math.min(A.right, B.right));
            const dy = Math.max(0, Math.max(A.top, B.top) - Math.min(A.bottom, B.bottom));
            return Math.hypot(dx, dy); };
        return {a: sg.nodes.get("role:000-seed").label.replace(/\\s+/g, " "),
                b: sg.nodes.get("role:002-seed").label.replace(/\\s+/g, " "),
                team: gap("team:responsible-ai", "role:002-seed"),
                width: Math.max(...Object.values(pos).map(p => p.x)) -
                       Math.min(...Object.values(pos).map(p => p.x))}; }""")
    assert got["a"].endswith("(San Francisco, CA)") and got["b"].endswith("(New York, NY)")
    # as Chromium draws it, the team's box is beside its role's, not across the drawing
    assert got["team"] < 0.05 * got["width"], got
    assert pg.errors == [] and pg.requests == []
