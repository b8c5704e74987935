"""Fuzz graph loading (issue 14): a mutated graph.json loads or raises InputError (one line)."""
from __future__ import annotations

import json

from corpus import tiny_graph
from hypothesis import given, settings
from hypothesis import strategies as st

from skillgraph.errors import InputError
from skillgraph.graph import load_graph, save_graph

_JSON = st.recursive(st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=5),
                     lambda kids: st.lists(kids, max_size=3) | st.dictionaries(st.text(max_size=4), kids, max_size=3),
                     max_leaves=6)


def _paths(x, at=()):
    yield at
    if isinstance(x, dict):
        for k, v in x.items():
            yield from _paths(v, (*at, k))
    elif isinstance(x, list):
        for i, v in enumerate(x):
            yield from _paths(v, (*at, i))


_GOOD: dict = {}


def _good(tmp):
    if not _GOOD:
        save_graph(tiny_graph(), tmp / "g.json")
        _GOOD["data"] = json.loads((tmp / "g.json").read_text())
        _GOOD["paths"] = list(_paths(_GOOD["data"]))[1:]
    return json.loads(json.dumps(_GOOD["data"])), _GOOD["paths"]


@settings(max_examples=150, deadline=None)
@given(data=st.data(), new=_JSON, drop=st.booleans())
def test_mutated_graph_json_loads_or_is_one_input_error(tmp_path_factory, data, new, drop):
    tmp = tmp_path_factory.mktemp("g")
    doc, paths = _good(tmp)
    where = data.draw(st.sampled_from(paths))
    parent = doc
    for k in where[:-1]:
        parent = parent[k]
    if drop and isinstance(parent, dict):
        parent.pop(where[-1])
    else:
        parent[where[-1]] = new
    p = tmp / "bad.json"
    p.write_text(json.dumps(doc))
    try:
        load_graph(p)
    except InputError as exc:
        assert "\n" not in str(exc) and str(p) in str(exc)
