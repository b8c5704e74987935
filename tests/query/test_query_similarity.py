"""overlap, overlap_matrix and similar over the tiny graph."""
from __future__ import annotations

import pytest

from skillgraph.errors import InputError
from skillgraph.query import overlap, overlap_matrix, similar


def test_overlap_pair(G):
    o = overlap(G, "000", "001")
    assert {r["skill"] for r in o["shared"]} == {"computer vision", "text-to-image", "RLHF", "Python"}
    assert [r["skill"] for r in o["only_a"]] == ["diffusion models"]
    assert [r["skill"] for r in o["only_b"]] == ["GANs"]
    assert o["jaccard"] == pytest.approx(4 / 6, abs=1e-4)
    # weighted: Σmin / Σmax over the union
    mins = 1 + 0.5 + 0.25 + 0.75                  # cv, python, t2i(context in b), rlhf
    maxs = 1 + 1 + 1 + 0.75 + 1 + 0.5             # cv, python, t2i, rlhf, diffusion, gans
    assert o["weighted"] == pytest.approx(mins / maxs, abs=1e-4)
    assert overlap(G, "000", "000")["weighted"] == 1.0


def test_overlap_matrix_ranks_the_closest_pair_first(G):
    rows = overlap_matrix(G)
    assert {rows[0]["a_id"], rows[0]["b_id"]} == {"role:000", "role:001"}
    assert len(rows) == 6 and all(r["a_id"] < r["b_id"] for r in rows)
    assert [r["weighted"] for r in rows] == sorted((r["weighted"] for r in rows), reverse=True)
    trows = overlap_matrix(G, by="team")
    assert all("team:infra" not in (r["a_id"], r["b_id"]) for r in trows)   # no member roles
    with pytest.raises(InputError, match="pairs"):
        overlap_matrix(G, max_pairs=2)
    with pytest.raises(InputError):
        overlap_matrix(G, by="skill")


def test_similar_roles_and_skills(G):
    rows = similar(G, "000")
    assert rows[0]["id"] == "role:001" and rows[0]["reason"].startswith("shares 4 skills")
    rows = similar(G, "diffusion models")
    assert rows[0]["reason"].startswith("asked together in")
    assert "skill:diffusion" not in {r["id"] for r in rows}


def _nested(G, a, b):
    from skillgraph.query.groups import group_roles

    ra, rb = set(group_roles(G, a)), set(group_roles(G, b))
    return ra <= rb or rb <= ra


def test_team_matrix_leaves_out_nested_teams(G):
    # Responsible AI is part of ATG, whose only role is Responsible AI's: scored, it would be 1.000
    rows = overlap_matrix(G, by="team")
    assert rows and all(not _nested(G, r["a_id"], r["b_id"]) for r in rows)
    assert all(r["weighted"] < 1.0 for r in rows)
    pairs = {(r["a_id"], r["b_id"]) for r in rows}
    assert ("team:advanced-technologies-group", "team:responsible-ai") not in pairs
    assert ("team:labs", "team:visual-modeling") not in pairs


def test_team_matrix_nested_lists_them_as_contains(G):
    rows = overlap_matrix(G, by="team", nested=True)
    scored = [r for r in rows if "contains" not in r]
    assert scored == overlap_matrix(G, by="team")
    tail = rows[len(scored):]
    assert [(r["a_id"], r["b_id"], r["contains"], r["weighted"]) for r in tail] == [
        ("team:advanced-technologies-group", "team:responsible-ai", "same roles", None),
        ("team:labs", "team:visual-modeling", "Labs contains Visual Modeling", None)]
    assert overlap_matrix(G, by="team", nested=True, limit=len(scored) + 1)[-1]["contains"] == "same roles"


def test_similar_team_leaves_out_its_parents_and_sub_teams(G):
    ids = [r["id"] for r in similar(G, "team:Visual Modeling")]
    assert "team:labs" not in ids and ids
    assert "team:visual-modeling" not in [r["id"] for r in similar(G, "team:Labs")]


def test_role_matrix_keeps_its_pairs(G):
    assert len(overlap_matrix(G, nested=True)) == len(overlap_matrix(G)) == 6
