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
