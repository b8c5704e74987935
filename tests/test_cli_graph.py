"""The graph commands through click's CliRunner: parse --format json, errors as one line + exit 1."""
from __future__ import annotations

import csv
import importlib.util
import io
import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from corpus import tiny_graph

from skillgraph.cli import main
from skillgraph.graph import save_graph

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def graph_file(tmp_path_factory):
    p = tmp_path_factory.mktemp("g") / "graph.json"
    save_graph(tiny_graph(), p)
    return str(p)


def run(*args, ok=True):
    r = CliRunner().invoke(main, [str(a) for a in args])
    if ok:
        assert r.exit_code == 0, (r.output, r.exception)
    return r


def js(graph_file, *args):
    return json.loads(run(*args, "--graph", graph_file, "--format", "json").stdout)


def test_gap_json(graph_file):
    d = js(graph_file, "gap", "Staff Machine Learning Engineer", "000")
    assert [g["label"] for g in d["gaps"]] == ["text-to-image", "diffusion models", "RLHF"]
    assert 0 <= d["coverage"] <= 1 and d["weights"]["required"] == 1.0


def test_gap_table_and_csv(graph_file):
    out = run("gap", "003", "000", "--graph", graph_file).stdout
    assert out.startswith("coverage 0.") and "diffusion models" in out and "SKILL" in out
    rows = list(csv.DictReader(io.StringIO(run("gap", "003", "000", "--graph", graph_file, "--format", "csv").stdout)))
    assert rows[0]["skill"] == "text-to-image" and rows[0]["level"] == "required"


def test_gap_profile(graph_file, tmp_path):
    p = tmp_path / "me.txt"
    p.write_text("PyTorch\ncomputer vision\nembeddings\n")
    d = js(graph_file, "gap", "--profile", p, "000")
    assert d["from"]["kind"] == "profile" and 0 < d["coverage"] < 1
    r = run("gap", "--profile", p, "003", "000", "--graph", graph_file, ok=False)
    assert r.exit_code == 1 and "only TO" in r.output


def test_plan_json(graph_file):
    rows = js(graph_file, "plan", "003", "000")
    assert [r["step"] for r in rows] == [1, 2, 3] and rows[0]["asked_by"]


def test_overlap_pair_and_matrix(graph_file):
    d = js(graph_file, "overlap", "000", "001")
    assert d["a"]["id"] == "role:000" and 0 < d["weighted"] <= d["jaccard"] <= 1
    rows = js(graph_file, "overlap", "--matrix")
    assert {rows[0]["a_id"], rows[0]["b_id"]} == {"role:000", "role:001"}
    assert len(js(graph_file, "overlap", "--matrix", "--top", "2")) == 2
    rows = js(graph_file, "overlap", "--matrix", "--by", "team")
    assert all(r["a_id"].startswith("team:") for r in rows)
    assert run("overlap", "000", "--graph", graph_file, ok=False).exit_code == 1


def test_path_json_and_table(graph_file):
    [p] = js(graph_file, "path", "RLHF", "Responsible AI team")
    assert p["nodes"][-1] == "Responsible AI" and all(s["explanation"] for s in p["steps"])
    out = run("path", "RLHF", "Responsible AI team", "--graph", graph_file).stdout
    assert out.startswith("path 1 (") and "belongs_to" in out and "“You will join Responsible AI.”" in out
    assert len(js(graph_file, "path", "RLHF", "Labs", "-k", "2")) == 2


def test_similar_skills_roles_teams(graph_file):
    assert js(graph_file, "similar", "000")[0]["id"] == "role:001"
    assert js(graph_file, "skills", "--role", "000", "--level", "responsibility")[0]["skill"] == "RLHF"
    assert len(js(graph_file, "roles")) == 4
    assert js(graph_file, "teams")[0]["team"] == "Labs"


def test_unknown_name_did_you_mean(graph_file):
    r = run("gap", "003", "Sr. Machine Lerning Engineer, Aplied Science", "--graph", graph_file, ok=False)
    assert r.exit_code == 1
    assert r.stderr.count("\n") == 1 and "did you mean" in r.stderr and "Applied Science" in r.stderr
    r = run("path", "difusion models", "Labs", "--graph", graph_file, ok=False)
    assert r.exit_code == 1 and "diffusion models" in r.stderr


def test_no_path_message(graph_file):
    r = run("path", "RLHF", "Labs", "--via", "broader", "--graph", graph_file, ok=False)
    assert r.exit_code == 1 and r.stderr.startswith("error: no path between 'RLHF' and 'Labs'")
    assert "Traceback" not in r.output


def test_missing_graph_says_build_first(tmp_path):
    with CliRunner().isolated_filesystem(temp_dir=tmp_path):
        r = run("roles", ok=False)
    assert r.exit_code == 1 and "run `skillgraph build` first" in r.stderr


def test_every_query_command_has_json(graph_file):
    for args in (["gap", "003", "000"], ["plan", "003", "000"], ["overlap", "000", "001"],
                 ["overlap", "--matrix"], ["path", "RLHF", "Labs"], ["similar", "RLHF"], ["skills"],
                 ["roles"], ["teams"]):
        js(graph_file, *args)


# --- end to end on the seeds (needs the extractor and the posting reader) --------------------------

_MISSING = [m for m in ("skillgraph.ingest", "skillgraph.extraction") if importlib.util.find_spec(m) is None]
seeds = pytest.mark.skipif(bool(_MISSING), reason=f"{', '.join(_MISSING)} not there yet (the NLP pass lands it)")


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    d = tmp_path_factory.mktemp("seeds")
    shutil.copytree(ROOT / "seeds", d / "seeds")
    with CliRunner().isolated_filesystem(temp_dir=d) as cwd:
        shutil.copytree(ROOT / "seeds", Path(cwd) / "seeds")
        r = run("build")
        files = {p.name: p.read_bytes() for p in (Path(cwd) / "outputs").iterdir()}
        run("build", "--out", "again")
        again = {p.name: p.read_bytes() for p in (Path(cwd) / "again").iterdir()}
        return Path(cwd) / "outputs" / "graph.json", files, again, r


@pytest.mark.slow
@seeds
def test_build_writes_deterministic_outputs(built):
    graph, files, again, _ = built
    assert {"graph.json", "mentions.jsonl", "summary.md"} <= set(files)
    assert files == again
    lines = files["mentions.jsonl"].decode().splitlines()
    ids = [json.loads(x)["id"] for x in lines]
    assert len(ids) == 5 and ids == sorted(ids)


def _ids(graph, *args):
    return json.loads(run(*args, "--graph", graph, "--format", "json").stdout)


def _node(graph, name):
    from skillgraph.graph import load_graph, resolve_node

    return resolve_node(load_graph(graph), name)


@pytest.mark.slow
@seeds
def test_seeds_gap_content_understanding_to_canvas(built):
    g = str(built[0])
    d = _ids(g, "gap", "003", "000")
    assert d["from"]["label"] == "Staff Machine Learning Engineer" and d["to"]["id"].startswith("role:000")
    gaps = {x["skill"] for x in d["gaps"]}
    for name in ("diffusion models", "text-to-image", "RLHF"):
        assert _node(g, name) in gaps, name
    assert _node(g, "computer vision") not in gaps
    assert _node(g, "computer vision") in {x["skill"] for x in d["covered"]}


@pytest.mark.slow
@seeds
def test_seeds_overlap_closest_pair_is_000_001(built):
    rows = _ids(str(built[0]), "overlap", "--matrix")
    assert len(rows) == 10
    assert sorted(r[5:8] for r in (rows[0]["a_id"], rows[0]["b_id"])) == ["000", "001"], rows[:3]


@pytest.mark.slow
@seeds
def test_seeds_path_rlhf_to_responsible_ai_team(built):
    g = str(built[0])
    [p] = _ids(g, "path", "RLHF", "Responsible AI team")
    assert p["nodes"][0] == "RLHF" and p["steps"][-1]["to_id"] == _node(g, "team:Responsible AI")
    for s in p["steps"]:
        assert s["explanation"]
        assert s["evidence"] or s["rel"] == "broader"       # ontology steps cite the ontology


@pytest.mark.slow
@seeds
def test_seeds_profile_vs_canvas(built, tmp_path):
    g = str(built[0])
    prof = tmp_path / "me.json"
    prof.write_text(json.dumps(["PyTorch", "computer vision", "embeddings"]))
    d = _ids(g, "gap", "--profile", prof, "000")
    gaps = {x["skill"] for x in d["gaps"]}
    assert _node(g, "computer vision") in {x["skill"] for x in d["covered"]}
    assert _node(g, "diffusion models") in gaps and _node(g, "RLHF") in gaps
    assert 0.05 < d["coverage"] < 0.6


@pytest.mark.parametrize("args, says", [
    (("gap", "--bogus"), "No such option '--bogus'"),
    (("nosuch",), "No such command 'nosuch'"),
    (("extract", "--format", "xx", "seeds"), "Invalid value for '--format'"),
])
def test_usage_errors_are_one_line_exit_1(args, says):
    """As the README promises of every error: one line on stderr, naming the --help to read."""
    r = CliRunner().invoke(main, list(args))
    lines = r.stderr.splitlines()
    assert r.exit_code == 1 and len(lines) == 1 and says in lines[0] and "--help" in lines[0]
    assert lines[0].startswith("error: ")


@pytest.mark.slow
@seeds
def test_seeds_team_matrix_has_no_pairs_alike_by_construction(built):
    """On the seeds the team matrix was led by 1.000 pairs: teams of one posting against each other
    and ATG against Responsible AI (part of it, the same one role)."""
    graph = str(built[0])
    rows = _ids(graph, "overlap", "--matrix", "--by", "team")
    assert rows and max(r["weighted"] for r in rows) < 1.0
    pairs = {frozenset((r["a_id"], r["b_id"])) for r in rows}
    assert frozenset(("team:advanced-technologies-group", "team:responsible-ai")) not in pairs
    nested = _ids(graph, "overlap", "--matrix", "--by", "team", "--nested")
    contains = {frozenset((r["a_id"], r["b_id"])): r["contains"] for r in nested if r.get("contains")}
    assert contains[frozenset(("team:advanced-technologies-group", "team:responsible-ai"))] == "same roles"
    assert [r for r in nested if not r.get("contains")] == rows
    table = run("overlap", "--matrix", "--by", "team", "--nested", "--graph", graph).stdout
    assert "CONTAINS" in table and "same roles" in table
    assert "Nested teams are not scored" in run("overlap", "--help").stdout


def test_graph_and_postings_together_are_refused(tmp_path):
    """--postings built the graph and --graph was dropped without a word (new-user trial)."""
    f = tmp_path / "job.txt"
    f.write_text("We use Python.\n")
    res = CliRunner().invoke(main, ["roles", "--graph", str(tmp_path / "g.json"), "--postings", str(f)])
    assert res.exit_code == 1 and "--graph and --postings each name the graph: give one of them" in res.output
    assert CliRunner().invoke(main, ["roles", "--postings", str(f)]).exit_code == 0


def test_build_says_what_the_html_view_left_out(tmp_path, monkeypatch):
    """A graph over the view's node budget: build's line for graph.html carries the page's note."""
    import functools

    import skillgraph.viz as viz

    monkeypatch.setattr(viz, "write_html", functools.partial(viz.write_html, max_nodes=12))
    res = CliRunner().invoke(main, ["build", str(ROOT / "seeds"), "--out", str(tmp_path / "o")])
    assert res.exit_code == 0, res.output
    [line] = [ln for ln in res.output.splitlines() if "graph.html" in ln]
    assert "edges drawn. Showing the" in line and "Left out:" in line
