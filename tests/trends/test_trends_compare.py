"""skillgraph.trends.compare: shares, the significance figure and its threshold, new/vanished skills,
changed roles, on tiny graphs whose answer is known."""
from __future__ import annotations

import json
from math import comb

import pytest

from skillgraph.errors import InputError
from skillgraph.trends import ANY, Snapshot, diff, snapshot
from skillgraph.trends.stats import bh_adjust, fisher_p
from skillgraph.vocab import LEVELS


def _row(res, skill_id, level=ANY):
    return next(r for r in res["skills"] if r["id"] == skill_id and r["level"] == level)


@pytest.fixture
def sides(graph_of):
    def make(old_spec, new_spec):
        return snapshot(graph_of(old_spec, "a"), "old"), snapshot(graph_of(new_spec, "b"), "new")
    return make


def test_a_skill_in_10_of_10_against_0_of_10_is_significant_and_new(sides, graph_of):
    old, new = sides([{"skill:python": "required"}] * 10, [{"skill:python": "required", "skill:sql": "required"}] * 10)
    res = diff(old, new)
    sql = _row(res, "skill:sql")
    assert (sql["old"], sql["new"], sql["old_share"], sql["new_share"], sql["change"]) == (0, 10, 0.0, 1.0, 1.0)
    assert sql["p"] == pytest.approx(2 / comb(20, 10))        # the two extreme tables of the hypergeometric
    assert sql["status"] == "rising" and sql in res["rising"]
    assert [r["id"] for r in res["new_skills"]] == ["skill:sql"] and res["new_skills"][0]["new"] == 10
    assert _row(res, "skill:sql", "required")["status"] == "rising"   # by level too
    assert _row(res, "skill:python")["status"] == "not significant"   # 10/10 both sides: no change
    assert res["falling"] == [] and res["vanished_skills"] == []


def test_5_of_10_against_6_of_10_is_not_significant(sides, graph_of):
    old = [{"skill:sql": "required"}] * 5 + [{"skill:python": "required"}] * 5
    new = [{"skill:sql": "required"}] * 6 + [{"skill:python": "required"}] * 4
    res = diff(*sides(old, new))
    sql = _row(res, "skill:sql")
    assert (sql["old"], sql["new"], sql["change"]) == (5, 6, 0.1)
    assert sql["p"] == pytest.approx(1.0) and sql["status"] == "not significant"
    assert res["rising"] == [] and res["falling"] == []
    assert res["counts"]["not_significant"] >= 2


def test_rows_below_min_postings_are_not_tested(sides, graph_of):
    old = [{"skill:python": "required"}] * 10
    new = [{"skill:python": "required", "skill:sql": "preferred"}] * 2 + [{"skill:python": "required"}] * 8
    res = diff(*sides(old, new), min_postings=5)
    sql = _row(res, "skill:sql")
    assert (sql["old"], sql["new"], sql["p"], sql["q"], sql["status"]) == (0, 2, None, None, "too few")
    assert res["new_skills"][0]["status"] == "too few"
    assert diff(*sides(old, new), min_postings=2)["counts"]["too_few"] == 0


def test_levels_split_a_skills_postings_and_shares_use_all_postings(sides, graph_of):
    old = [{"skill:sql": "required"}] * 3 + [{"skill:sql": "preferred"}] * 2 + [{"skill:python": "context"}] * 5
    new = [{"skill:sql": "preferred"}] * 4 + [{"skill:python": "required"}] * 4
    res = diff(*sides(old, new), min_postings=1)
    rows = {r["level"]: r for r in res["skills"] if r["id"] == "skill:sql"}
    assert set(rows) == {ANY, "required", "preferred"}           # no row where both sides are 0
    assert rows[ANY]["old"] == rows["required"]["old"] + rows["preferred"]["old"] == 5
    assert (rows["preferred"]["old_share"], rows["preferred"]["new_share"]) == (0.2, 0.5)
    assert rows["required"]["change"] == -0.3


def test_a_requirement_only_in_boilerplate_is_not_counted(sides, graph_of):
    G = graph_of([{"skill:sql": "required"}] * 2, "a")
    e = G.edges["role:a000", "skill:sql"]
    e["count"], e["boilerplate"] = 0, 1
    assert snapshot(G).total("skill:sql") == 1


def test_fisher_and_benjamini_hochberg_by_hand(sides, graph_of):
    assert fisher_p(0, 10, 10, 10) == pytest.approx(2 / comb(20, 10))
    assert fisher_p(3, 3, 0, 3) == pytest.approx(0.1)              # 2 * 1/C(6,3)
    assert bh_adjust([0.01, 0.04, 0.03]) == pytest.approx([0.03, 0.04, 0.04])
    assert bh_adjust([]) == [] and bh_adjust([0.9]) == [0.9]


def _snap(n, counts):
    return Snapshot(postings=n, source="s", counts={s: {"required": k} for s, k in counts.items()},
                    labels={s: s for s in counts})


def test_many_unchanged_skills_do_not_make_one_lucky_p_a_trend():
    # 1 of 20 against 7 of 20: p = 0.044, a trend when it is the only skill tested ...
    alone = diff(_snap(20, {"skill:lucky": 1}), _snap(20, {"skill:lucky": 7}))
    assert alone["rising"][0]["p"] == pytest.approx(0.0436, abs=1e-4) and alone["counts"]["rising"] == 2
    # ... but not among 39 unchanged skills: Benjamini-Hochberg multiplies it by 40 / 1
    others = {f"skill:o{i}": 10 for i in range(39)}
    crowd = diff(_snap(20, {"skill:lucky": 1, **others}), _snap(20, {"skill:lucky": 7, **others}))
    lucky = _row(crowd, "skill:lucky")
    assert lucky["p"] < 0.05 <= lucky["q"] and lucky["status"] == "not significant"
    assert crowd["rising"] == [] and crowd["counts"]["not_significant"] == 80


def test_roles_are_matched_by_title_and_company_and_ranked_by_jaccard_distance(sides, graph_of):
    old = [("Data Engineer", "Acme", {"skill:python": "required", "skill:sql": "required"}),
           ("ML Engineer", "Acme", {"skill:pytorch": "required"}),
           ("Data Engineer", "Other", {"skill:sql": "required"})]
    new = [("data-engineer", "ACME", {"skill:python": "required", "skill:pytorch": "preferred"}),
           ("ML Engineer", "Acme", {"skill:pytorch": "required", "skill:rl": "required"}),
           ("Analyst", "Other", {"skill:sql": "required"})]
    res = diff(*sides(old, new))
    assert [(r["role"], r["company"], r["distance"]) for r in res["roles"]] == [
        ("Data Engineer", "Acme", 0.666667), ("ML Engineer", "Acme", 0.5)]
    de = res["roles"][0]
    assert (de["added"], de["dropped"], de["shared"]) == (["PyTorch"], ["SQL"], 1)
    c = res["counts"]
    assert (c["roles_matched"], c["roles_only_old"], c["roles_only_new"]) == (2, 1, 1)


def test_the_result_is_deterministic_and_json_ready(sides, graph_of):
    old = [{"skill:python": "required", "skill:sql": "preferred"}] * 6 + [{"skill:rl": "context"}] * 4
    new = [{"skill:pytorch": "required", "skill:sql": "required"}] * 7 + [{"skill:python": "required"}] * 3
    a = json.dumps(diff(*sides(old, new)), sort_keys=True)
    b = json.dumps(diff(*sides(list(reversed(old)), list(reversed(new)))), sort_keys=True)
    assert a == b


def test_bad_arguments_and_empty_sides_are_one_line_errors(sides, graph_of):
    old, new = sides([{"skill:sql": "required"}], [{"skill:sql": "required"}])
    with pytest.raises(InputError, match="between 0 and 1"):
        diff(old, new, alpha=1.5)
    with pytest.raises(InputError, match="at least 1"):
        diff(old, new, min_postings=0)
    empty = snapshot(graph_of([], "x"), "empty.json")
    with pytest.raises(InputError, match="empty.json: no postings"):
        diff(empty, new)


@pytest.mark.parametrize("level", LEVELS)
def test_every_requirement_level_has_rows(sides, level):
    res = diff(*sides([{"skill:sql": level}] * 3, [{"skill:sql": level}] * 4), min_postings=1)
    assert _row(res, "skill:sql", level)["old"] == 3
