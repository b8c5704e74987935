"""The skills, roles and teams listings over the tiny graph."""
from __future__ import annotations

import pytest

from skillgraph.errors import InputError
from skillgraph.query import roles, skills, teams


def test_skills_listing(G):
    rows = skills(G)
    assert rows[0]["skill"] == "Python" and rows[0]["postings"] == 4
    assert [r["skill"] for r in skills(G, role="000", level="responsibility")] == ["RLHF"]
    assert {r["skill"] for r in skills(G, team="Responsible AI")} == {"responsible AI", "AI alignment", "Python"}
    with pytest.raises(InputError, match="level"):
        skills(G, level="mandatory")


def test_roles_and_teams_listings(G):
    rs = roles(G)
    assert len(rs) == 4 and rs[0]["title"] <= rs[-1]["title"]
    r0 = next(r for r in rs if r["role"] == "role:000")
    assert r0["teams"] == ["Labs"] and r0["products"] == ["Canvas"] and r0["required"] == 3
    ts = {t["id"]: t for t in teams(G)}
    assert ts["team:labs"]["roles"] == 2          # with the sub-team
    assert ts["team:infra"]["collaborators"] == 1
    assert ts["team:advanced-technologies-group"]["aliases"] == ["ATG"]
