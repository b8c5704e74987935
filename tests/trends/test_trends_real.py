"""`skillgraph diff` on two halves of a real corpus: ../shared/data/postings-dev (MIT / CC0 as stated by
its source repositories; read in place and never copied into the project, as its README asks).

* Split by job board (a fixed rule: the first 100 Adzuna and the first 100 LinkedIn postings of the
  file): the boards differ, and diff reports rising skills with counts that equal the ones
  ``skillgraph skills`` gives on each half's graph.
* Split by id parity (the first 200 postings, odd ids against even ids): the halves are alike, some
  rows have p < 0.05 by chance, and the threshold calls none of them a trend.
"""
from __future__ import annotations

import json

import pytest

from skillgraph.graph import build_graph
from skillgraph.pipeline import extract_paths
from skillgraph.query import skills
from skillgraph.trends import ANY, diff, snapshot

pytestmark = pytest.mark.slow


def _rows(shared_data):
    path = shared_data / "postings-dev" / "postings.jsonl"
    if not path.exists():
        pytest.skip(f"{path}: not present")
    with path.open(encoding="utf-8") as f:
        return [json.loads(line) for line in f]


def _graph(rows, path):
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    ont, xs = extract_paths([str(path)])
    return build_graph(xs, ont)


@pytest.fixture(scope="module")
def boards(shared_data, tmp_path_factory):
    rows, d = _rows(shared_data), tmp_path_factory.mktemp("boards")
    adzuna = [r for r in rows if r["source"].endswith(":adzuna_jobs.csv")][:100]
    linkedin = [r for r in rows if r["source"].endswith(":linkedin_jobs.csv")][:100]
    assert len(adzuna) == len(linkedin) == 100
    return _graph(adzuna, d / "adzuna.jsonl"), _graph(linkedin, d / "linkedin.jsonl")


def test_two_boards_report_rising_skills_with_counts_skills_agrees_with(boards):
    G_old, G_new = boards
    res = diff(snapshot(G_old, "adzuna"), snapshot(G_new, "linkedin"))
    trends = res["rising"] + res["falling"]
    assert trends, res["counts"]
    for r in trends:
        assert r["q"] < 0.05 and r["old"] + r["new"] >= 5
        level = None if r["level"] == ANY else r["level"]
        for G, n in ((G_old, r["old"]), (G_new, r["new"])):
            asked = {x["id"]: x["postings"] for x in skills(G, level=level)}
            assert asked.get(r["id"], 0) == n, (r["skill"], r["level"])
        assert r["change"] == pytest.approx(r["new"] / 100 - r["old"] / 100, abs=1e-6)
    assert res["counts"]["new_skills"] == len(res["new_skills"]) > 0
    assert all(r["old"] == 0 < r["new"] for r in res["new_skills"])


def test_alike_halves_have_chance_p_values_but_no_trend(shared_data, tmp_path):
    rows = _rows(shared_data)[:200]
    odd = [r for r in rows if int(r["id"].rsplit("-", 1)[1]) % 2]
    even = [r for r in rows if not int(r["id"].rsplit("-", 1)[1]) % 2]
    res = diff(snapshot(_graph(odd, tmp_path / "odd.jsonl")), snapshot(_graph(even, tmp_path / "even.jsonl")))
    tested = [r for r in res["skills"] if r["p"] is not None]
    assert len(tested) > 100
    assert res["rising"] == [] and res["falling"] == [], [(r["skill"], r["q"]) for r in res["rising"]]
    assert res["counts"]["not_significant"] == len(tested)
