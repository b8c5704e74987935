"""What the viz tests share: graphs built by hand in the shape the seeds produce (one with hostile
markup in every text field) and a reader for the node/edge lists embedded in a page.

The builders are handed to tests as fixtures (a test calls them to get a fresh graph each time),
since a test file never imports another test file.
"""
from __future__ import annotations

import json
import re

import networkx as nx
import pytest

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
