"""paths over the tiny graph: explained steps, --via, k paths, no path."""
from __future__ import annotations

import pytest

from skillgraph.errors import InputError, NoPathError
from skillgraph.query import paths


def test_path_explains_every_step(G):
    [p] = paths(G, "RLHF", "Responsible AI team")
    assert p["nodes"][0] == "RLHF" and p["nodes"][-1] == "Responsible AI"
    assert len(p["steps"]) == p["length"] == len(p["nodes"]) - 1
    for s in p["steps"]:
        assert s["rel"].lstrip("← ") in {"requires", "broader", "belongs_to", "part_of", "works_on",
                                         "collaborates_with"}
        assert s["explanation"]
        if s["rel"].lstrip("← ") != "broader":
            assert s["evidence"] and s["evidence"][0]["sentence"]
    # no company shortcut by default
    assert "Acme" not in p["nodes"]


def test_path_via_and_k(G):
    [p] = paths(G, "RLHF", "artificial intelligence", via="broader")
    assert all(s["rel"] == "broader" for s in p["steps"])
    ps = paths(G, "RLHF", "Responsible AI team", k=3)
    assert len(ps) == 3 and [x["length"] for x in ps] == sorted(x["length"] for x in ps)
    assert len({tuple(x["nodes"]) for x in ps}) == 3


def test_no_path_is_a_clear_error(G):
    with pytest.raises(NoPathError, match="using only broader"):
        paths(G, "RLHF", "Labs", via=["broader"])
    with pytest.raises(InputError, match="unknown relation"):
        paths(G, "RLHF", "Labs", via="knows")


def test_path_via_accepts_other_spellings(G):
    [p] = paths(G, "000", "Labs", via="belongsTo")
    assert p["length"] == 1


def test_path_evidence_is_never_truncated(G):
    """json/csv output carries the whole evidence sentence (only the table cell may shorten it)."""
    H = G.copy()
    [p] = paths(H, "RLHF", "Responsible AI team")
    s = next(s for s in p["steps"] if s["evidence"])
    long = "We need " + " ".join(f"word{i}" for i in range(60)) + " and RLHF\nexperience."
    for e in H.edges[s["from_id"], s["to_id"]]["evidence"] if H.has_edge(s["from_id"], s["to_id"]) \
            else H.edges[s["to_id"], s["from_id"]]["evidence"]:
        e["sentence"] = long
    [p] = paths(H, "RLHF", "Responsible AI team")
    s = next(x for x in p["steps"] if x["step"] == s["step"])
    full = " ".join(long.split())
    assert s["evidence"][0]["sentence"] == full and "…" not in s["quote"]
    assert s["quote"] == f"“{full}”"
