"""`skillgraph diff OLD NEW`: graph files and postings as sides, --format table|json|csv (json and csv
never cut), --html, bad input as one line."""
from __future__ import annotations

import csv
import io
import json

import pytest
from click.testing import CliRunner

from skillgraph.cli import main
from skillgraph.graph import save_graph
from skillgraph.trends import is_graph_file


@pytest.fixture(scope="module")
def sides(tmp_path_factory, graph_of):
    d = tmp_path_factory.mktemp("diff")
    old = [{"skill:python": "required"}] * 10 + [("Data Engineer", "Acme", {"skill:sql": "required"})]
    new = [{"skill:python": "required", "skill:sql": "required"}] * 10 + \
        [("Data Engineer", "Acme", {"skill:sql": "required", "skill:pytorch": "required"})]
    save_graph(graph_of(old, "a"), d / "old.json")
    save_graph(graph_of(new, "b"), d / "new.json")
    return d


def _run(*args):
    return CliRunner().invoke(main, list(map(str, args)), catch_exceptions=False)


def test_json_has_every_row_and_the_threshold(sides):
    res = _run("diff", sides / "old.json", sides / "new.json", "--format", "json")
    assert res.exit_code == 0, res.output
    data = json.loads(res.output)
    assert [(r["skill"], r["level"], r["old"], r["new"]) for r in data["rising"]] == [
        ("SQL", "any", 1, 11), ("SQL", "required", 1, 11)]
    assert data["threshold"]["alpha"] == 0.05 and data["threshold"]["min_postings"] == 5
    assert data["roles"][0]["added"] == ["PyTorch"] and data["old"]["postings"] == 11


def test_csv_is_never_cut_and_table_is(sides):
    res = _run("diff", sides / "old.json", sides / "new.json", "--format", "csv", "--min-postings", "1")
    rows = list(csv.DictReader(io.StringIO(res.output)))
    data = json.loads(_run("diff", sides / "old.json", sides / "new.json", "--format", "json").output)
    assert len(rows) == len(data["skills"]) and rows[0].keys() >= {"skill", "level", "old", "new", "change", "p"}
    roles = list(csv.DictReader(io.StringIO(_run("diff", sides / "old.json", sides / "new.json", "--format",
                                                 "csv", "--roles").output)))
    assert [(r["role"], r["added"]) for r in roles] == [("Data Engineer", "PyTorch")]
    table = _run("diff", sides / "old.json", sides / "new.json", "--top", "1").output
    assert "rising (2)" in table and "… 1 more" in table and "SQL" in table


def test_html_report_is_written(sides, tmp_path):
    out = tmp_path / "trends.html"
    res = CliRunner().invoke(main, ["diff", str(sides / "old.json"), str(sides / "new.json"), "--html", str(out)])
    assert res.exit_code == 0 and out.read_text(encoding="utf-8").startswith("<!doctype html>")
    assert f"wrote {out}" in res.output


def test_postings_as_a_side(sides, root):
    res = _run("diff", root / "seeds", root / "seeds", "--format", "json")
    data = json.loads(res.output)
    assert data["old"]["postings"] == 5 and data["rising"] == data["falling"] == data["roles"] == []
    assert all(r["change"] == 0 for r in data["skills"]) and data["skills"]


def test_what_counts_as_a_graph_file(sides, tmp_path):
    (tmp_path / "posts.json").write_text('[{"id": "1", "text": "nodes"}]', encoding="utf-8")
    (tmp_path / "g.ttl").write_text("", encoding="utf-8")
    assert is_graph_file(sides / "old.json") and is_graph_file(tmp_path / "g.ttl")
    assert not is_graph_file(tmp_path / "posts.json") and not is_graph_file(tmp_path)


def test_bad_input_is_one_line(sides, tmp_path):
    res = CliRunner().invoke(main, ["diff", str(tmp_path / "nope.json"), str(sides / "new.json")])
    assert res.exit_code == 1 and res.output.count("\n") == 1 and "nope.json: no such file" in res.output
    res = CliRunner().invoke(main, ["diff", str(sides / "old.json"), str(sides / "new.json"), "--alpha", "2"])
    assert res.exit_code == 1 and res.output.startswith("error:")


def test_an_rdf_export_is_the_same_side_as_its_graph_json(sides, tmp_path):
    from skillgraph.export import export_graph
    from skillgraph.graph import load_graph

    ttl = tmp_path / "old.ttl"
    export_graph(load_graph(sides / "old.json"), ttl)
    data = json.loads(_run("diff", sides / "old.json", ttl, "--format", "json", "--min-postings", "1").output)
    assert data["skills"] and all(r["change"] == 0 and r["old"] == r["new"] for r in data["skills"])
    assert data["new_skills"] == data["vanished_skills"] == data["roles"] == []
    assert data["counts"]["roles_unchanged"] == data["counts"]["roles_matched"] > 0


def test_json_and_html_are_byte_identical_across_hash_seeds(sides, root, tmp_path):
    import os
    import subprocess
    import sys

    outs = []
    for seed in ("0", "4242"):
        html = tmp_path / f"t{seed}.html"
        res = subprocess.run([sys.executable, "-m", "skillgraph", "diff", str(sides / "old.json"),
                              str(root / "seeds"), "--format", "json", "--min-postings", "1", "--html", str(html)],
                             env={**os.environ, "PYTHONHASHSEED": seed}, check=True, capture_output=True)
        outs.append((res.stdout, html.read_bytes()))
    assert json.loads(outs[0][0])["new_skills"] and outs[0] == outs[1]


def test_a_script_in_a_posting_title_stays_text_in_the_report(tmp_path):
    evil = "<script>alert(1)</script>"

    def write(name, skills):
        rows = [{"id": f"{name}-{i}", "title": f"{evil} Engineer", "company": f"Acme {evil}",
                 "text": f"{evil} Engineer\nRequirements:\n- Experience with {skills}.\n"} for i in range(3)]
        (tmp_path / f"{name}.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
        return tmp_path / f"{name}.jsonl"

    out = tmp_path / "r.html"
    res = _run("diff", write("old", "Python and SQL"), write("new", "Python and PyTorch"), "--html", out,
               "--format", "json", "--min-postings", "1")
    assert json.loads(res.stdout)["roles"][0]["role"].startswith(evil)
    html = out.read_text(encoding="utf-8")
    assert "<script" not in html.lower() and "&lt;script&gt;alert(1)&lt;/script&gt; Engineer" in html
