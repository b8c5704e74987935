"""skillgraph.viz: a self-contained, deterministic, safe HTML page (no browser here; see
test_viz_browser.py for the page in headless Chromium)."""
from __future__ import annotations

import json
import re

import networkx as nx
import pytest

from skillgraph.errors import InputError, UnknownNodeError
from skillgraph.viz import layout, select_subgraph, write_html

HOSTILE_SCRIPT = "<script>window.__pwned=1</script>"
HOSTILE_IMG = '<img src=x onerror="window.__pwned=1">'


# ---------------------------------------------------------------- fixtures, built by hand (schema in
# skillgraph/graph.py)

def _ev(posting, sentence, level, section="requirements", start=0):
    return {"posting": posting, "start": start, "end": start + 10, "text": sentence[:10],
            "sentence": sentence, "section": section, "requirement": level}


def seed_like_graph() -> nx.DiGraph:
    """Five Pinterest-like ML roles, ~35 skills, teams, products: the shape the seeds produce."""
    G = nx.DiGraph(ontology_version="test", ontology_files=[], postings=5)
    G.add_node("company:pinterest", kind="company", label="Pinterest")
    teams = {"team:pinterest-labs": "Pinterest Labs", "team:applied-science": "Applied Science",
             "team:responsible-ai": "Responsible AI", "team:content-understanding": "Content Understanding",
             "team:core-engineering": "Core Engineering", "team:engineering": "Engineering"}
    for t, lab in teams.items():
        G.add_node(t, kind="team", label=lab, aliases=[])
        G.add_edge("company:pinterest", t, rel="has_team")
    for t in ("team:applied-science", "team:core-engineering", "team:pinterest-labs"):
        G.add_edge(t, "team:engineering", rel="part_of")
    G.add_node("product:pinterest-canvas", kind="product", label="Pinterest Canvas")
    G.add_node("product:homefeed", kind="product", label="Homefeed")
    ancestors = {"skill:machine-learning": "machine learning", "skill:generative-ai": "generative AI",
                 "skill:programming": "programming languages", "skill:deep-learning": "deep learning"}
    for s, lab in ancestors.items():
        G.add_node(s, kind="skill", label=lab, iri=f"https://example.org/{s}", definition=f"The field of {lab}.",
                   skill_kind="knowledge", alt_labels=[], demand=0, used=False)
    G.add_edge("skill:deep-learning", "skill:machine-learning", rel="broader")
    G.add_edge("skill:generative-ai", "skill:deep-learning", rel="broader")
    roles = {
        "000": ("Sr. Machine Learning Engineer, Applied Science", "team:pinterest-labs", "product:pinterest-canvas",
                {"diffusion models": "required", "computer vision": "required", "generative models": "required",
                 "text-to-image generation": "required", "RLHF": "responsibility", "fine-tuning": "responsibility",
                 "PyTorch": "required", "Python": "required", "distributed training": "preferred",
                 "model evaluation": "responsibility", "large language models": "context"}),
        "001": ("Machine Learning Engineer II, Computer Vision Applied Science", "team:applied-science", None,
                {"computer vision": "required", "Python": "required", "SQL": "preferred", "PyTorch": "required",
                 "object detection": "required", "image segmentation": "responsibility", "A/B testing": "preferred",
                 "large language models": "context", "TensorFlow": "preferred"}),
        "002": ("Sr. Machine Learning Engineer, Responsible AI", "team:responsible-ai", None,
                {"fairness in machine learning": "required", "Python": "required", "causal inference": "preferred",
                 "large language models": "responsibility", "model evaluation": "required",
                 "statistics": "required", "privacy-preserving ML": "preferred", "content moderation": "context"}),
        "003": ("Staff Machine Learning Engineer, Content Understanding", "team:content-understanding", "product:homefeed",
                {"embeddings": "required", "multimodal learning": "required", "computer vision": "required",
                 "natural language processing": "required", "information retrieval": "responsibility",
                 "PyTorch": "required", "Python": "required", "technical leadership": "responsibility",
                 "large language models": "preferred", "video understanding": "preferred"}),
        "004": ("Sr. Machine Learning Engineer, Core Engineering", "team:core-engineering", "product:homefeed",
                {"recommender systems": "required", "Python": "required", "Java": "preferred", "Spark": "preferred",
                 "ranking models": "required", "feature engineering": "responsibility", "A/B testing": "required",
                 "Kubernetes": "context", "SQL": "required", "distributed training": "responsibility"}),
    }
    parents = {"diffusion models": "skill:generative-ai", "generative models": "skill:generative-ai",
               "text-to-image generation": "skill:generative-ai", "PyTorch": "skill:deep-learning",
               "TensorFlow": "skill:deep-learning", "Python": "skill:programming", "Java": "skill:programming",
               "SQL": "skill:programming", "computer vision": "skill:machine-learning",
               "recommender systems": "skill:machine-learning"}
    demand: dict[str, int] = {}
    for num, (title, team, product, skills) in roles.items():
        posting = f"{num}_seed.txt"
        r = f"role:{num}-seed"
        G.add_node(r, kind="role", label=title, title=title, posting=posting, source=f"seeds/{posting}",
                   company="Pinterest", locations=["San Francisco, CA"], seniority="senior", work_mode="hybrid",
                   min_years=5, degrees=[], salary=None)
        G.add_edge("company:pinterest", r, rel="has_role")
        G.add_edge(r, team, rel="belongs_to")
        if product:
            G.add_edge(r, product, rel="works_on")
        for i, (lab, lvl) in enumerate(sorted(skills.items())):
            s = "skill:" + re.sub(r"[^a-z0-9]+", "-", lab.lower()).strip("-")
            if s not in G:
                G.add_node(s, kind="skill", label=lab, iri=f"https://example.org/{s}",
                           definition=f"Knowing and applying {lab}.", skill_kind="skill/competence",
                           alt_labels=[], demand=0, used=True)
                if lab in parents:
                    G.add_edge(s, parents[lab], rel="broader")
            demand[s] = demand.get(s, 0) + 1
            sent = f"Experience with {lab} in production systems."
            G.add_edge(r, s, rel="requires", level=lvl, count=1 + (i % 3),
                       evidence=[_ev(posting, sent, lvl, start=100 * i)])
    for s, n in demand.items():
        G.nodes[s]["demand"] = n
    return G


def hostile_graph() -> nx.DiGraph:
    """A posting whose title, skill evidence and team name carry markup that must never run."""
    G = seed_like_graph()
    r = "role:evil"
    G.add_node(r, kind="role", label=f"Engineer {HOSTILE_SCRIPT}", title=f"Engineer {HOSTILE_SCRIPT}",
               posting="evil.txt", company=HOSTILE_IMG, locations=[HOSTILE_IMG], seniority=None,
               work_mode=None, min_years=None, degrees=[], salary=None, source="evil.txt")
    G.add_node("team:evil", kind="team", label=f"Team {HOSTILE_IMG}", aliases=[HOSTILE_SCRIPT])
    G.add_edge(r, "team:evil", rel="belongs_to")
    G.add_node("skill:evil", kind="skill", label=f"skill {HOSTILE_IMG}", definition=f"see {HOSTILE_SCRIPT} href",
               iri="https://example.org/evil", skill_kind="skill", alt_labels=[HOSTILE_IMG], demand=1, used=True)
    sent = f"You know {HOSTILE_SCRIPT} and {HOSTILE_IMG} <a href=\"javascript:window.__pwned=1\">x</a>"
    G.add_edge(r, "skill:evil", rel="requires", level="required", count=2,
               evidence=[_ev("evil.txt", sent, "required")])
    G.add_edge(r, "skill:python", rel="requires", level="required", count=1,
               evidence=[_ev("evil.txt", sent, "required")])
    G.nodes["skill:python"]["demand"] += 1
    return G


def page_data(html_text: str) -> tuple[list, list]:
    """The node and edge lists embedded in the page."""
    nodes = json.loads(re.search(r"new vis\.DataSet\((\[.*?\])\);\nvar edges", html_text, re.S).group(1))
    edges = json.loads(re.search(r"var edges = new vis\.DataSet\((\[.*?\])\);\n", html_text, re.S).group(1))
    return nodes, edges


# ---------------------------------------------------------------- the file

def test_self_contained_no_external_loads(tmp_path, monkeypatch):
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


def test_deterministic_bytes(tmp_path):
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


def test_styles_and_tooltips(tmp_path):
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


def test_labels_do_not_overlap_at_rest():
    G = seed_like_graph()
    from skillgraph.viz import _box

    pos = layout(G)
    assert set(pos) == set(G)
    boxes = {n: _box(G, n) for n in G}
    bad = []
    names = sorted(G)
    for i, a in enumerate(names):
        for b in names[i + 1:]:
            (wa, ha, oa), (wb, hb, ob) = boxes[a], boxes[b]
            if (abs(pos[a][0] - pos[b][0]) < (wa + wb) / 2 - 1 and
                    abs(pos[a][1] + oa - pos[b][1] - ob) < (ha + hb) / 2 - 1):
                bad.append((a, b))
    assert bad == []


# ---------------------------------------------------------------- security

def test_hostile_posting_is_escaped(tmp_path):
    out = tmp_path / "evil.html"
    write_html(hostile_graph(), out, title=f"Jobs {HOSTILE_SCRIPT}")
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
    assert HOSTILE_SCRIPT in e["title"]  # shown as text (vis sets innerText for string titles)
    assert "tooltip_link" not in text and "innerHTML" not in text.split("var nodes = ")[-1]


# ---------------------------------------------------------------- filters

def test_focus_depth():
    G = seed_like_graph()
    H, rep = select_subgraph(G, focus="role:002-seed", depth=1)
    assert "role:002-seed" in H and "skill:fairness-in-machine-learning" in H
    assert "team:responsible-ai" in H and "company:pinterest" in H
    assert "role:000-seed" not in H and "skill:diffusion-models" not in H
    assert rep["filters"]["focus"] == "role:002-seed" and rep["nodes"] == H.number_of_nodes()
    H2, _ = select_subgraph(G, focus="role:002-seed", depth=2)
    assert "role:000-seed" in H2 and H2.number_of_nodes() > H.number_of_nodes()
    H0, _ = select_subgraph(G, focus="skill:python", depth=0)
    assert list(H0) == ["skill:python"]


def test_focus_by_label_and_unknown_name():
    G = seed_like_graph()
    H, rep = select_subgraph(G, focus="diffusion models")
    assert rep["filters"]["focus"] == "skill:diffusion-models"
    with pytest.raises(UnknownNodeError) as ei:
        select_subgraph(G, focus="difusion modles")
    assert "diffusion models" in str(ei.value) or "skill:diffusion-models" in str(ei.value)


def test_role_team_level_min_count_filters():
    G = seed_like_graph()
    H, rep = select_subgraph(G, role="role:004-seed")
    assert {n for n in H if H.nodes[n]["kind"] == "role"} == {"role:004-seed"}
    assert "skill:recommender-systems" in H and "skill:machine-learning" in H  # its broader ancestor
    assert "skill:diffusion-models" not in H and "team:core-engineering" in H and "team:engineering" in H
    assert rep["filtered_out"]["nodes"] > 0

    H, _ = select_subgraph(G, team="team:engineering")  # roles in its sub-teams
    assert {n for n in H if H.nodes[n]["kind"] == "role"} == {"role:000-seed", "role:001-seed", "role:004-seed"}

    H, _ = select_subgraph(G, level="required")
    levels = {d["level"] for _, _, d in H.edges(data=True) if d["rel"] == "requires"}
    assert levels == {"required"}
    assert "skill:kubernetes" not in H  # only ever context
    assert all(H.in_degree(n) + H.out_degree(n) > 0 for n in H)

    H, _ = select_subgraph(G, level="preferred")
    assert {d["level"] for _, _, d in H.edges(data=True) if d["rel"] == "requires"} == {
        "required", "responsibility", "preferred"}

    H, _ = select_subgraph(G, min_count=3)
    assert all(d["count"] >= 3 for _, _, d in H.edges(data=True) if d["rel"] == "requires")
    assert len(H) < len(G)

    with pytest.raises(InputError, match="unknown requirement level"):
        select_subgraph(G, level="must")
    with pytest.raises(InputError):
        select_subgraph(G, min_count=0)
    with pytest.raises(UnknownNodeError):
        select_subgraph(G, team="role:000-seed")  # a role is not a team


def test_no_filters_is_the_whole_graph():
    G = seed_like_graph()
    H, rep = select_subgraph(G)
    assert sorted(H.nodes) == sorted(G.nodes) and sorted(H.edges) == sorted(G.edges)
    assert rep["filtered_out"] == {"nodes": 0, "edges": 0}


def test_max_nodes_reduces_and_says_so(tmp_path):
    G = seed_like_graph()
    out = tmp_path / "small.html"
    rep = write_html(G, out, max_nodes=15)
    assert rep["reduced"] is True and rep["nodes"] <= 15
    left = rep["left_out"]
    assert left["nodes"] == G.number_of_nodes() - rep["nodes"] and left["by_kind"]["skill"] > 0
    assert "Left out" in rep["message"] and "skill" in rep["message"]
    text = out.read_text(encoding="utf-8")
    assert 'id="sg-message"' in text and "Left out" in text
    nodes, edges = page_data(text)
    assert len(nodes) == rep["nodes"] and len(edges) == rep["edges"]
    ids = {n["id"] for n in nodes}
    assert "skill:python" in ids  # the most demanded skill survives
    assert sum(n["kind"] == "role" for n in nodes) == 5  # roles are kept first
    # focus is always kept
    H, rep2 = select_subgraph(G, focus="skill:kubernetes", depth=2, max_nodes=5)
    assert "skill:kubernetes" in H and rep2["reduced"] and len(H) <= 5


def test_empty_graph(tmp_path):
    rep = write_html(nx.DiGraph(), tmp_path / "e.html")
    assert rep["nodes"] == 0 and (tmp_path / "e.html").exists()
