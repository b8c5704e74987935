"""Properties of skillgraph.trends.diff on random snapshots: swapping OLD and NEW negates every change
and swaps rising with falling, new with vanished, added with dropped; shares stay in [0, 1]."""
from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from skillgraph.trends import ANY, Snapshot, diff
from skillgraph.vocab import LEVELS

SKILLS = [f"skill:s{i}" for i in range(6)]
ROLES = [("engineer", "acme"), ("analyst", "acme"), ("engineer", "other")]


@st.composite
def snapshots(draw):
    n = draw(st.integers(1, 60))
    counts = {}
    for s in SKILLS:
        by = {lvl: draw(st.integers(0, n)) for lvl in LEVELS}
        while sum(by.values()) > n:        # a posting has one level per skill
            lvl = max(by, key=by.get)
            by[lvl] -= 1
        if any(by.values()):
            counts[s] = {k: v for k, v in by.items() if v}
    roles = {k: frozenset(draw(st.sets(st.sampled_from(SKILLS)))) for k in draw(st.sets(st.sampled_from(ROLES)))}
    return Snapshot(postings=n, source="x", counts=counts, labels={s: s.upper() for s in SKILLS}, roles=roles,
                    role_labels={k: {"title": k[0], "company": k[1]} for k in roles},
                    role_postings={k: 1 for k in roles})


def _by_key(rows):
    return {(r["id"], r["level"]): r for r in rows}


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(snapshots(), snapshots(), st.integers(1, 8))
def test_swapping_old_and_new_negates_changes(a, b, min_postings):
    ab, ba = diff(a, b, min_postings=min_postings), diff(b, a, min_postings=min_postings)
    x, y = _by_key(ab["skills"]), _by_key(ba["skills"])
    assert x.keys() == y.keys()
    for k, r in x.items():
        s = y[k]
        assert s["change"] == -r["change"]
        assert (s["old"], s["new"], s["old_share"], s["new_share"]) == (r["new"], r["old"], r["new_share"],
                                                                          r["old_share"])
        assert (s["p"] is None) == (r["p"] is None)
        if r["p"] is not None:
            assert abs(s["p"] - r["p"]) < 1e-9
        assert 0.0 <= r["old_share"] <= 1.0 and 0.0 <= r["new_share"] <= 1.0
    flip = {"rising": "falling", "falling": "rising"}
    assert {k: flip.get(r["status"], r["status"]) for k, r in x.items()} == {k: r["status"] for k, r in y.items()}
    assert [r["id"] for r in ab["new_skills"]] == [r["id"] for r in ba["vanished_skills"]]
    assert {(r["role"], r["distance"], tuple(r["added"])) for r in ab["roles"]} == \
        {(r["role"], r["distance"], tuple(r["dropped"])) for r in ba["roles"]}


@settings(max_examples=40, deadline=None)
@given(snapshots(), snapshots())
def test_rising_and_falling_are_the_significant_rows_in_order(a, b):
    res = diff(a, b, min_postings=1)
    for name, sign in (("rising", 1), ("falling", -1)):
        rows = res[name]
        assert all(r["q"] < 0.05 and r["change"] * sign > 0 for r in rows)
        assert [r["q"] for r in rows] == sorted(r["q"] for r in rows)
    assert res["counts"]["rows"] == len(res["skills"])
    assert all(r["old"] + r["new"] > 0 for r in res["skills"])
    anys = {r["id"]: r for r in res["skills"] if r["level"] == ANY}
    for r in res["skills"]:
        assert r["old"] <= anys[r["id"]]["old"] and r["new"] <= anys[r["id"]]["new"]
