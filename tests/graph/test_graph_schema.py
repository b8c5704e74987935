"""graph.json is checked against the documented schema on load (graph/schema.py): one line,
naming file and record, for every wrong-typed attribute, deep nesting and huge integers."""
from __future__ import annotations

import json

import pytest
from corpus import tiny_graph

from skillgraph.errors import InputError
from skillgraph.graph import load_graph, save_graph


@pytest.fixture
def good(tmp_path):
    path = tmp_path / "graph.json"
    save_graph(tiny_graph(), path)
    return json.loads(path.read_text())


def _first(data, section, **where):
    return next(x for x in data[section] if all(x.get(k) == v for k, v in where.items()))


def _node_mut(key, value, kind="skill"):
    def go(d):
        _first(d, "nodes", kind=kind)[key] = value
    return go


def _link_mut(key, value, rel="requires"):
    def go(d):
        _first(d, "links", rel=rel)[key] = value
    return go


def _evidence_mut(key, value):
    def go(d):
        _first(d, "links", rel="requires")["evidence"][0][key] = value
    return go


@pytest.mark.parametrize("mutate, expect", [
    (_node_mut("id", 12), "has a numeric id"),
    (_node_mut("kind", "wizard"), "has no known kind"),
    (_node_mut("label", ["x"]), "has a list label"),
    (_node_mut("demand", "3"), "has a string demand"),
    (_node_mut("used", "yes"), "has a string used"),
    (_node_mut("alt_labels", "x"), "alt_labels (not a list of strings)"),
    (_link_mut("count", "2"), "has a string count"),
    (_link_mut("count", True), "has a boolean count"),
    (_link_mut("level", "mandatory"), "unknown level 'mandatory'"),
    (_link_mut("rel", "likes"), "no known rel"),
    (_link_mut("target", "skill:nowhere"), "points to a missing node"),
    (_link_mut("evidence", {"a": 1}), "evidence (not a list)"),
    (_evidence_mut("start", "7"), "evidence 1 with a string start"),
    (_evidence_mut("requirement", "must"), "unknown requirement 'must'"),
    (lambda d: d["nodes"].append(dict(d["nodes"][0])), "repeats the id"),
    (lambda d: d["nodes"][0].pop("id"), "has no id"),
    (lambda d: d["links"][0].pop("source"), "has no source"),
    (lambda d: d["nodes"].__setitem__(0, "x"), "node 1 is a string, not an object"),
    (lambda d: d.__setitem__("graph", []), "'graph' is not an object"),
    (lambda d: _first(d, "nodes", kind="skill").__setitem__("deep", json.loads("[" * 80 + "]" * 80)),
     "nested more than 64 deep"),
])
def test_wrong_typed_graph_is_one_clear_line(tmp_path, good, mutate, expect):
    mutate(good)
    p = tmp_path / "bad.json"
    p.write_text(json.dumps(good))
    with pytest.raises(InputError) as ei:
        load_graph(p)
    msg = str(ei.value)
    assert expect in msg and "\n" not in msg and str(p) in msg and "skillgraph build" in msg


@pytest.mark.parametrize("content, expect", [
    ('{"nodes": [' * 100_000, "nested too deeply"),
    ('{"nodes": [], "links": [], "graph": {"n": ' + "9" * 5000 + "}}", "digits"),
    ("\ud800".encode("utf-8", "surrogatepass").decode("latin-1"), "not"),
])
def test_deep_nesting_and_huge_integers_are_input_errors(tmp_path, content, expect):
    p = tmp_path / "g.json"
    p.write_text(content, encoding="utf-8")
    with pytest.raises(InputError) as ei:
        load_graph(p)
    assert expect in str(ei.value) and "\n" not in str(ei.value)


def test_binary_file_is_an_input_error(tmp_path):
    p = tmp_path / "g.json"
    p.write_bytes(b"\x89PNG\r\n\x1a\n\x00\xff\xfe")
    with pytest.raises(InputError):
        load_graph(p)


def test_the_tiny_graph_passes_the_schema(tmp_path):
    save_graph(tiny_graph(), tmp_path / "g.json")
    assert load_graph(tmp_path / "g.json").number_of_nodes() == tiny_graph().number_of_nodes()
