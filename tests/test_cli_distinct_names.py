"""Roles with the same title are told apart in similar/overlap tables (company, location or id); json keeps ids."""
from __future__ import annotations

import json

import networkx as nx
from click.testing import CliRunner
from corpus import tiny_graph

from skillgraph.cli import main
from skillgraph.graph import save_graph
from skillgraph.graph.names import distinct_names


def test_distinct_names_picks_the_first_tag_that_separates():
    G = nx.DiGraph()
    G.add_node("r1", label="ML Engineer", company="Acme", locations=["Berlin"])
    G.add_node("r2", label="ML Engineer", company="Beta", locations=["Berlin"])
    G.add_node("r3", label="Data Scientist", company="Acme", locations=["Paris"])
    G.add_node("r4", label="Data Scientist", company="Acme", locations=["Rome"])
    G.add_node("r5", label="Analyst", company="Acme")
    G.add_node("r6", label="Analyst", company="Acme")
    G.add_node("r7", label="Unique")
    got = distinct_names(G, ["r1", "r2", "r3", "r4", "r5", "r6", "r7"])
    assert got == {"r1": "ML Engineer (Acme)", "r2": "ML Engineer (Beta)", "r3": "Data Scientist (Paris)",
                   "r4": "Data Scientist (Rome)", "r5": "Analyst (r5)", "r6": "Analyst (r6)", "r7": "Unique"}
    assert len(set(got.values())) == len(got)


def _dup_graph(tmp_path):
    G = tiny_graph()
    G.nodes["role:001"]["label"] = G.nodes["role:000"]["label"]
    p = tmp_path / "graph.json"
    save_graph(G, p)
    return str(p), G.nodes["role:000"]["label"]


def run(*args):
    r = CliRunner().invoke(main, [str(a) for a in args])
    assert r.exit_code == 0, r.output
    return r.output


def test_similar_and_overlap_matrix_tables_tell_repeated_titles_apart(tmp_path):
    g, title = _dup_graph(tmp_path)
    table = run("overlap", "--matrix", "--graph", g)
    assert "(role:000)" in table and "(role:001)" in table
    table = run("similar", "role:002", "--graph", g)
    assert "(role:000)" in table and "(role:001)" in table
    rows = json.loads(run("similar", "role:002", "--graph", g, "--format", "json"))
    dup = [r for r in rows if r["node"] == title]
    assert sorted(r["id"] for r in dup) == ["role:000", "role:001"]     # json keeps plain names + ids


def test_a_long_repeated_title_keeps_its_tag_in_the_table(tmp_path):
    G = tiny_graph()
    long = "Senior Staff Machine Learning Engineer, Generative AI Applied Science Platform"
    G.nodes["role:000"]["label"] = G.nodes["role:001"]["label"] = long
    p = tmp_path / "graph.json"
    save_graph(G, p)
    table = run("similar", "role:002", "--graph", p)
    assert "…" in table and "(role:000)" in table and "(role:001)" in table
