"""Fixtures of the export tests: a small hand-made graph in the graph package's schema (every node kind,
both evidence shapes, salary, ESCO ids), how to compare graphs, and the query answers a round trip
must keep."""
from __future__ import annotations

import json

import networkx as nx
import pytest


def _tiny_graph() -> nx.DiGraph:
    """Two roles, three used skills under one ancestor, teams, a company, a product (the graph/build.py schema)."""
    G = nx.DiGraph(ontology_version="0.1.0", ontology_files=["ontology/skills/scheme.ttl"], postings=2)
    G.add_node("role:000-aaa", kind="role", label="Research Scientist, Responsible AI",
               title="Research Scientist, Responsible AI", posting="000_aaa", source="seeds/000_aaa.txt",
               company="Pinterest", locations=["San Francisco, CA", "Remote"], seniority="senior",
               work_mode="remote", min_years=3, degrees=["phd"],
               salary={"low": 150000.0, "high": 200000.0, "currency": "USD", "period": "year"})
    G.add_node("role:001-bbb", kind="role", label="ML Engineer", title="ML Engineer", posting="001_bbb",
               source="seeds/001_bbb.txt", company="Pinterest", locations=[], seniority=None,
               work_mode=None, min_years=None, degrees=[], salary=None)
    G.add_node("skill:responsible-ai", kind="skill", label="responsible AI",
               iri="https://w3id.org/skillgraph/skill/responsible-ai", definition="Fair, safe AI.",
               skill_kind="domain", alt_labels=["RAI", "trustworthy AI"], hidden_labels=["R.A.I."], demand=0,
               used=False)
    G.add_node("skill:fairness", kind="skill", label="fairness",
               iri="https://w3id.org/skillgraph/skill/fairness", definition=None, skill_kind="method",
               alt_labels=["algorithmic fairness"], hidden_labels=[], demand=2, used=True,
               exact_match=["http://data.europa.eu/esco/skill/0005c151-5b5a-4a66-8aac-60e734beb1ab"])
    G.add_node("skill:red-teaming", kind="skill", label="red teaming",
               iri="https://w3id.org/skillgraph/skill/red-teaming", definition=None, skill_kind="method",
               alt_labels=[], hidden_labels=[], demand=1, used=True)
    G.add_node("esco:ccd0a1d9-afda-43d9-b901-96344886e14d", kind="skill", label="computer programming",
               iri="http://data.europa.eu/esco/skill/ccd0a1d9-afda-43d9-b901-96344886e14d",
               definition=None, skill_kind="knowledge", alt_labels=[], hidden_labels=[], demand=1, used=True)
    G.add_node("team:responsible-ai", kind="team", label="Responsible AI", aliases=["RAI team"])
    G.add_node("team:ml", kind="team", label="ML", aliases=[])
    G.add_node("company:pinterest", kind="company", label="Pinterest", aliases=["Pinterest, Inc."])
    G.add_node("product:homefeed", kind="product", label="Homefeed", aliases=[])
    ev = lambda p, s, t, sent, lvl: {"posting": p, "start": s, "end": s + len(t), "text": t,  # noqa: E731
                                      "sentence": sent, "section": "qualifications", "requirement": lvl}
    G.add_edge("role:000-aaa", "skill:fairness", rel="requires", level="required", count=2, evidence=[
        ev("000_aaa", 10, "fairness", "Experience with fairness and \"red teaming\".", "required"),
        ev("000_aaa", 90, "algorithmic fairness", "Know algorithmic fairness.", "preferred")])
    G.add_edge("role:000-aaa", "skill:red-teaming", rel="requires", level="required", count=1, evidence=[
        ev("000_aaa", 24, "red teaming", "Experience with fairness and \"red teaming\".", "required")])
    G.add_edge("role:001-bbb", "skill:fairness", rel="requires", level="preferred", count=1, evidence=[
        ev("001_bbb", 5, "fairness", "Fairness is a plus.", "preferred")])
    G.add_edge("role:001-bbb", "esco:ccd0a1d9-afda-43d9-b901-96344886e14d", rel="requires",
               level="responsibility", count=1, evidence=[
                   ev("001_bbb", 40, "programming", "You do programming.", "responsibility")])
    G.add_edge("skill:fairness", "skill:responsible-ai", rel="broader")
    G.add_edge("skill:red-teaming", "skill:responsible-ai", rel="broader")
    link = lambda p, s, t, sent: {"posting": p, "start": s, "end": s + len(t) if s >= 0 else -1,  # noqa: E731
                                  "text": t, "sentence": sent}
    G.add_edge("role:000-aaa", "team:responsible-ai", rel="belongs_to", evidence=[
        link("000_aaa", 0, "Responsible AI", "Join the Responsible AI team, part of ML.")])
    G.add_edge("role:001-bbb", "team:ml", rel="belongs_to", evidence=[])
    G.add_edge("role:001-bbb", "team:responsible-ai", rel="collaborates_with", evidence=[
        link("001_bbb", -1, "Responsible AI", "Work with Responsible AI.")])
    G.add_edge("team:responsible-ai", "team:ml", rel="part_of", evidence=[
        link("000_aaa", 30, "ML", "Join the Responsible AI team, part of ML.")])
    G.add_edge("role:001-bbb", "product:homefeed", rel="works_on", evidence=[
        link("001_bbb", 70, "Homefeed", "Ship Homefeed.")])
    G.add_edge("company:pinterest", "role:000-aaa", rel="has_role")
    G.add_edge("company:pinterest", "role:001-bbb", rel="has_role")
    G.add_edge("company:pinterest", "team:ml", rel="has_team")
    return G


def _norm(G: nx.DiGraph):
    """Nodes/edges/graph attributes with lists sorted (RDF has no order for repeated values)."""
    def fix(d):
        return {k: sorted(v) if isinstance(v, list) and all(isinstance(x, str) for x in v) else v
                for k, v in d.items()}
    return ({n: fix(d) for n, d in G.nodes(data=True)},
            {(u, v): fix(d) for u, v, d in G.edges(data=True)}, fix(G.graph))


def _query_answers(G: nx.DiGraph) -> dict:
    """gap / overlap / paths / similar / skills over every pair of roles (and the first three teams),
    keyed by call. Every call must answer: an error fails the test (the inputs that are meant to fail
    are checked on their own, with the error they must raise)."""
    from skillgraph import query

    roles = sorted(n for n, d in G.nodes(data=True) if d["kind"] == "role")
    teams = sorted(n for n, d in G.nodes(data=True) if d["kind"] == "team")
    assert roles and teams
    out: dict = {}
    for a in roles:
        out["similar", a] = query.similar(G, a)
        out["skills", a] = query.skills(G, a)
        for b in roles:
            if a != b:
                out["gap", a, b] = query.gap(G, a, b)
                out["overlap", a, b] = query.overlap(G, a, b)
        for t in teams[:3]:
            out["paths", a, t] = query.paths(G, a, t)
    return out


@pytest.fixture
def rdf_graph():
    """Builds a fresh copy of the small export test graph (call it: ``G = rdf_graph()``)."""
    return _tiny_graph


@pytest.fixture
def norm():
    """``norm(G)``: a graph's nodes, edges and attributes, comparable across a round trip."""
    return _norm


@pytest.fixture
def query_answers():
    """``query_answers(G)``: the query answers (by call) a round-tripped graph must give unchanged."""
    return _query_answers


@pytest.fixture
def graph_json(tmp_path) -> str:
    """The test graph as node-link graph.json (what ``skillgraph build`` writes); returns its path."""
    path = tmp_path / "graph.json"
    path.write_text(json.dumps(nx.node_link_data(_tiny_graph(), edges="links")))
    return str(path)
