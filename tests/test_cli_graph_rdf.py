"""Queries on --graph FILE.ttl / .nt / .jsonld (our export) answer exactly as on the graph.json."""
from __future__ import annotations

import pytest
from click.testing import CliRunner
from corpus import tiny_graph

from skillgraph.cli import main
from skillgraph.graph import save_graph

QUERIES = [
    ["gap", "Staff Machine Learning Engineer", "000"],
    ["path", "RLHF", "Responsible AI team"],
    ["overlap", "Staff Machine Learning Engineer", "000"],
]


def run(*args):
    r = CliRunner().invoke(main, [str(a) for a in args])
    return r.exit_code, r.output


@pytest.fixture(scope="module")
def files(tmp_path_factory):
    d = tmp_path_factory.mktemp("rdf")
    save_graph(tiny_graph(), d / "graph.json")
    out = {"json": d / "graph.json"}
    for fmt, suffix in (("turtle", "ttl"), ("nt", "nt"), ("jsonld", "jsonld")):
        out[suffix] = d / f"skillgraph.{suffix}"
        code, msg = run("export", "--graph", out["json"], "--format", fmt, "--out", out[suffix])
        assert code == 0, msg
    return out


@pytest.mark.parametrize("suffix", ["ttl", "nt", "jsonld"])
@pytest.mark.parametrize("query", QUERIES, ids=lambda q: q[0])
@pytest.mark.parametrize("fmt", ["json", "table"])
def test_query_on_rdf_export_equals_query_on_graph_json(files, suffix, query, fmt):
    want = run(*query, "--graph", files["json"], "--format", fmt)
    got = run(*query, "--graph", files[suffix], "--format", fmt)
    assert want[0] == 0 and want[1].strip()
    assert got == want


def test_rdf_graph_without_our_nodes_is_one_line_error(tmp_path):
    p = tmp_path / "other.ttl"
    p.write_text("<http://x/a> <http://x/b> <http://x/c> .\n", encoding="utf-8")
    code, out = run("gap", "a", "b", "--graph", p)
    assert code != 0 and "no skillgraph nodes" in out and "Traceback" not in out
    bad = tmp_path / "bad.ttl"
    bad.write_text("this is not turtle", encoding="utf-8")
    code, out = run("gap", "a", "b", "--graph", bad)
    assert code != 0 and str(bad) in out and "Traceback" not in out and len(out.strip().splitlines()) == 1
