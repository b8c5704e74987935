"""The documented schema of ``graph.json`` (README "Graph schema", graph/build.py), checked on load.

:func:`check_graph` raises :class:`~skillgraph.errors.InputError` with one line naming the first
thing that is not what ``skillgraph build`` writes — "node 12 has a numeric id", "link 3 has a
string count", "link 7 points to a missing node" — so no query, export or render ever meets a
wrong-typed attribute and fails with a traceback. Attributes it does not know are left alone (a
graph may carry more); those it knows must have the documented type.
"""
from __future__ import annotations

from skillgraph.errors import InputError
from skillgraph.vocab import KINDS, LEVELS, RELATIONS

__all__ = ["MAX_DEPTH", "check_graph"]

MAX_DEPTH = 64   # graph.json nests 5 deep (links > evidence > record); more is not ours

_STR = ("label", "title", "posting", "source", "company", "iri", "definition", "skill_kind", "seniority",
        "work_mode", "language", "section", "text", "sentence", "level", "requirement")
_STR_LISTS = ("aliases", "alt_labels", "hidden_labels", "locations", "degrees", "exact_match", "close_match")
_INTS = ("demand", "min_years", "count", "start", "end")
_HOW = "rebuild it with `skillgraph build`"


def _kind_of(x) -> str:
    if isinstance(x, bool):
        return "a boolean"
    if isinstance(x, (int, float)):
        return "a numeric"
    if isinstance(x, str):
        return "a string"
    if isinstance(x, list):
        return "a list"
    if isinstance(x, dict):
        return "an object"
    return "a null" if x is None else "an odd"


def _attrs(rec: dict) -> str | None:
    """What is wrong with the known attributes of one node, link or evidence record (None: fine)."""
    for k, v in rec.items():
        if k in _STR and v is not None and not isinstance(v, str):
            return f"{_kind_of(v)} {k}"
        if k in _STR_LISTS and not (isinstance(v, list) and all(isinstance(x, str) for x in v)):
            return f"{_kind_of(v)} {k} (not a list of strings)"
        if k in _INTS and v is not None and (isinstance(v, bool) or not isinstance(v, int)):
            return f"{_kind_of(v)} {k}"
        if k == "used" and not isinstance(v, bool):
            return f"{_kind_of(v)} used (not true/false)"
        if k == "salary" and v is not None and not (
                isinstance(v, dict) and all(x is None or isinstance(x, (str, int, float)) for x in v.values())):
            return f"{_kind_of(v)} salary"
    for k in ("level", "requirement"):
        if rec.get(k) is not None and rec[k] not in LEVELS:
            return f"an unknown {k} {str(rec[k])[:40]!r} (known: {', '.join(LEVELS)})"
    return None


def _node(n) -> str | None:
    if not isinstance(n, dict):
        return f"is {_kind_of(n)}, not an object"
    if "id" not in n:
        return "has no id"
    if not isinstance(n["id"], str) or not n["id"]:
        return f"has {_kind_of(n['id'])} id" if n["id"] != "" else "has an empty id"
    if n.get("kind") not in KINDS:
        return f"has no known kind ({', '.join(KINDS)})"
    bad = _attrs(n)
    return f"has {bad}" if bad else None


def _link(e, ids: set) -> str | None:
    if not isinstance(e, dict):
        return f"is {_kind_of(e)}, not an object"
    for end in ("source", "target"):
        if end not in e:
            return f"has no {end}"
        if not isinstance(e[end], str):
            return f"has {_kind_of(e[end])} {end}"
        if e[end] not in ids:
            return f"points to a missing node ({end} {e[end][:60]!r})"
    if e.get("rel") not in RELATIONS:
        return f"has no known rel ({', '.join(RELATIONS)})"
    bad = _attrs(e)
    if bad:
        return f"has {bad}"
    ev = e.get("evidence", [])
    if not isinstance(ev, list):
        return f"has {_kind_of(ev)} evidence (not a list)"
    for j, rec in enumerate(ev, 1):
        if not isinstance(rec, dict):
            return f"has evidence {j} that is {_kind_of(rec)}, not an object"
        bad = _attrs(rec)
        if bad:
            return f"has evidence {j} with {bad}"
    return None


def _depth(x, limit: int) -> bool:
    """Whether ``x`` nests deeper than ``limit`` (iterative: a deep value cannot overflow the stack)."""
    todo = [(x, 1)]
    while todo:
        v, d = todo.pop()
        if d > limit:
            return True
        if isinstance(v, dict):
            todo.extend((y, d + 1) for y in v.values())
        elif isinstance(v, list):
            todo.extend((y, d + 1) for y in v)
    return False


def check_graph(path, data) -> None:
    """Raise :class:`InputError` (one line, naming ``path``) unless ``data`` is a skillgraph graph."""
    def fail(what: str):
        raise InputError(f"{path}: not a skillgraph graph: {what} ({_HOW})")

    if not isinstance(data, dict) or not isinstance(data.get("nodes"), list) or not isinstance(data.get("links"), list):
        raise InputError(f"{path}: not a skillgraph node-link graph (no 'nodes'/'links' lists) — {_HOW}")
    if _depth(data, MAX_DEPTH):
        fail(f"values nested more than {MAX_DEPTH} deep")
    if not isinstance(data.get("graph", {}), dict):
        fail("'graph' is not an object")
    ids: set[str] = set()
    for i, n in enumerate(data["nodes"], 1):
        bad = _node(n)
        if bad:
            fail(f"node {i} {bad}")
        if n["id"] in ids:
            fail(f"node {i} repeats the id {n['id'][:60]!r}")
        ids.add(n["id"])
    for i, e in enumerate(data["links"], 1):
        bad = _link(e, ids)
        if bad:
            fail(f"link {i} {bad}")
