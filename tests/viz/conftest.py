"""What the viz tests share: graphs built by hand in the shape the seeds produce (one with hostile
markup in every text field) and a reader for the node/edge lists embedded in a page.

The builders are handed to tests as fixtures (a test calls them to get a fresh graph each time),
since a test file never imports another test file.
"""
from __future__ import annotations

import importlib.util
import json
import re
from pathlib import Path

import networkx as nx
import pytest

from skillgraph.viz import wait_until_drawn

HOSTILE_SCRIPT = "<script>window.__pwned=1</script>"
HOSTILE_IMG = '<img src=x onerror="window.__pwned=1">'


# ---------------------------------------------------------------- graphs built by hand (schema in
# skillgraph/graph/)

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
        "003": ("Staff Machine Learning Engineer, Content Understanding", "team:content-understanding",
                "product:homefeed",
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


@pytest.fixture(name="seed_like_graph")
def _seed_like_graph_fixture():
    """:func:`seed_like_graph`, to call for a fresh graph."""
    return seed_like_graph


@pytest.fixture(name="hostile_graph")
def _hostile_graph_fixture():
    """:func:`hostile_graph`, to call for a fresh graph."""
    return hostile_graph


@pytest.fixture(name="hostile_script")
def _hostile_script_fixture() -> str:
    """The ``<script>`` markup :func:`hostile_graph` plants (it must show as text, never run)."""
    return HOSTILE_SCRIPT


@pytest.fixture(name="page_data")
def _page_data_fixture():
    """:func:`page_data`: the node and edge lists embedded in a page's text."""
    return page_data


# ---------------------------------------------------------------- pages in headless Chromium (the
# browser tests: Debian's /usr/bin/chromium via Playwright, every request but the page aborted)

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run"]


def _missing() -> str | None:
    if not Path(CHROMIUM).exists():
        return f"no Chromium at {CHROMIUM} (apt-get install chromium)"
    if importlib.util.find_spec("playwright") is None:
        return "playwright is not installed (pip install playwright; it drives /usr/bin/chromium)"
    return None


@pytest.fixture(name="browser_missing")
def _browser_missing_fixture() -> str | None:
    """Why the browser tests cannot run here (None when they can)."""
    return _missing()


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
        wait_until_drawn(self.page, 20_000)

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
