"""skillgraph.viz selection: filters, focus/ego view, and the max_nodes reduction that says what it
left out."""
from __future__ import annotations

import pytest

from skillgraph.errors import InputError, UnknownNodeError
from skillgraph.viz import select_subgraph, write_html

# ---------------------------------------------------------------- filters

def test_focus_depth(seed_like_graph):
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


def test_focus_by_label_and_unknown_name(seed_like_graph):
    G = seed_like_graph()
    H, rep = select_subgraph(G, focus="diffusion models")
    assert rep["filters"]["focus"] == "skill:diffusion-models"
    with pytest.raises(UnknownNodeError) as ei:
        select_subgraph(G, focus="difusion modles")
    assert "diffusion models" in str(ei.value) or "skill:diffusion-models" in str(ei.value)


def test_role_team_level_min_count_filters(seed_like_graph):
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


def test_no_filters_is_the_whole_graph(seed_like_graph):
    G = seed_like_graph()
    H, rep = select_subgraph(G)
    assert sorted(H.nodes) == sorted(G.nodes) and sorted(H.edges) == sorted(G.edges)
    assert rep["filtered_out"] == {"nodes": 0, "edges": 0}



# ---------------------------------------------------------------- reduction

def test_max_nodes_reduces_and_says_so(tmp_path, seed_like_graph, page_data):
    G = seed_like_graph()
    out = tmp_path / "small.html"
    rep = write_html(G, out, max_nodes=15)
    assert rep["reduced"] is True and rep["nodes"] <= 15
    left = rep["left_out"]
    assert left["nodes"] == G.number_of_nodes() - rep["nodes"] and left["by_kind"]["skill"] > 0
    assert "Left out" in rep["message"] and "skill" in rep["message"]
    if left["by_kind"].get("company", 0) > 1:
        assert f"{left['by_kind']['company']:,} companies" in rep["message"]     # not "companys"
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


def test_plural_of_a_kind():
    from skillgraph.viz.select import _plural

    assert [_plural(k) for k in ("company", "skill", "team", "role", "product")] == [
        "companies", "skills", "teams", "roles", "products"]


def test_cli_depth_without_focus_is_refused(tmp_path):
    from click.testing import CliRunner

    from skillgraph.cli import main

    res = CliRunner().invoke(main, ["viz", "--depth", "2", "--out", str(tmp_path / "g.html")])
    assert res.exit_code == 1 and "--depth counts links from --focus: add --focus NODE" in res.output
    assert not (tmp_path / "g.html").exists()
