"""build_graph on a tiny hand-made corpus (no spaCy): nodes, edges, order independence, shared values."""
from __future__ import annotations

import json

import networkx as nx
from corpus import posting, tiny_extractions, tiny_graph, tiny_ontology

from skillgraph.graph import build_graph, save_graph, slug
from skillgraph.model import Extraction, Mention


def test_nodes_and_kinds():
    G = tiny_graph()
    kinds = nx.get_node_attributes(G, "kind")
    assert kinds["role:000"] == "role" and G.nodes["role:000"]["title"].startswith("Sr. Machine")
    assert G.nodes["role:000"]["label"] == "Sr. Machine Learning Engineer, Applied Science"
    assert kinds["team:labs"] == "team" and kinds["product:canvas"] == "product"
    assert kinds["company:acme"] == "company"
    # used skills and all their ancestors; unused ontology concepts stay out
    assert G.nodes["skill:diffusion"]["used"] is True
    assert G.nodes["skill:gen"]["used"] is False and G.nodes["skill:ai"]["used"] is False
    assert "skill:sql" not in G and "skill:tensorflow" not in G
    assert G.nodes["skill:python"]["demand"] == 4 and G.nodes["skill:gen"]["demand"] == 0
    assert G.nodes["skill:diffusion"]["alt_labels"] == ["DDPM", "diffusion model"]
    assert G.graph == {"ontology_version": "test", "ontology_files": [], "postings": 4}
    for n, d in G.nodes(data=True):
        assert d["kind"] and d["label"], n


def test_requires_edges_carry_level_count_evidence():
    G = tiny_graph()
    e = G.edges["role:000", "skill:diffusion"]
    assert e["rel"] == "requires" and e["level"] == "required" and e["count"] == 2
    assert [x["start"] for x in e["evidence"]] == sorted(x["start"] for x in e["evidence"])
    x = e["evidence"][0]
    assert set(x) == {"posting", "start", "end", "text", "sentence", "section", "requirement"}
    assert x["text"] == "diffusion models" and x["posting"] == "000"


def test_team_edges():
    G = tiny_graph()
    rel = lambda u, v: G.edges[u, v]["rel"]  # noqa: E731
    assert rel("role:000", "team:labs") == "belongs_to"
    assert rel("role:000", "product:canvas") == "works_on"
    assert rel("role:003", "team:infra") == "collaborates_with"
    assert rel("team:visual-modeling", "team:labs") == "part_of"
    assert rel("company:acme", "role:000") == "has_role"
    assert rel("company:acme", "team:labs") == "has_team"
    ev = G.edges["role:000", "team:labs"]["evidence"]
    assert ev and ev[0]["text"] == "Labs" and "join Labs" in ev[0]["sentence"]
    # "ATG" aliases "Advanced Technologies Group", named as a parent: one node
    atg = [n for n, d in G.nodes(data=True) if d["kind"] == "team" and "ATG" in (d["label"], *d["aliases"])]
    assert atg == ["team:advanced-technologies-group"]
    assert rel("team:responsible-ai", "team:advanced-technologies-group") == "part_of"
    assert rel("role:002", "team:advanced-technologies-group") == "collaborates_with"


def test_broader_edges_follow_the_ontology():
    G = tiny_graph()
    assert G.edges["skill:rlhf", "skill:rl"]["rel"] == "broader"
    assert G.edges["skill:rlhf", "skill:alignment"]["rel"] == "broader"
    assert G.edges["skill:gen", "skill:dl"]["rel"] == "broader"


def test_input_order_does_not_matter_and_slugs_are_unique():
    xs = tiny_extractions()
    a, b = build_graph(xs, tiny_ontology()), build_graph(xs[::-1], tiny_ontology())
    assert nx.utils.graphs_equal(a, b)
    dup = [posting("a b", "T", []), posting("a-b", "T", [])]
    G = build_graph(dup, tiny_ontology())
    assert sorted(n for n in G if n.startswith("role:")) == ["role:a-b", "role:a-b-2"]
    assert slug("Ünïcode  Team!") == "unicode-team"


def test_unknown_concept_still_gets_a_node():
    x = posting("9", "T", [])
    m = Mention("skill:nowhere", "nowhere", "nowhere", 0, 7, "nowhere", None, "required")
    G = build_graph([Extraction(x.posting, (m,))], tiny_ontology())
    assert G.nodes["skill:nowhere"]["label"] == "nowhere" and G.nodes["skill:nowhere"]["used"]



def _slug_clash_extractions() -> list[Extraction]:
    """Ids that slug alike (suffixes depend on posting-id order), a team spelled two ways, and a
    concept missing from the ontology labelled differently by two postings."""
    odd = lambda pid, label: Mention("skill:odd", "odd", label, 0, 3, f"{label} in {pid}.", None, "preferred")  # noqa: E731
    xs = [posting("a-b", "Second", [("skill:cv", "required", 1)], [("Visual Modeling", "member", None, ())]),
          posting("a b", "First", [("skill:cv", "preferred", 2)], [("visual-modeling", "member", "Labs", ())]),
          posting("a-b-2", "Third", [("skill:rlhf", "required", 1)], [("Labs", "collaborator", None, ())])]
    xs[0] = Extraction(xs[0].posting, xs[0].mentions + (odd("a-b", "Odd B"),), xs[0].teams)
    xs[2] = Extraction(xs[2].posting, xs[2].mentions + (odd("a-b-2", "Odd C"),), xs[2].teams)
    return xs


def test_build_streams_any_order_to_the_same_bytes(tmp_path):
    import itertools

    xs = _slug_clash_extractions()
    want = None
    for i, perm in enumerate(itertools.permutations(xs)):
        G = build_graph(iter(perm), tiny_ontology())      # a one-shot iterator, any order
        save_graph(G, tmp_path / f"{i}.json")
        got = (tmp_path / f"{i}.json").read_bytes()
        assert want is None or got == want, perm
        want = got
        # suffixes follow posting-id order, not arrival order; evidence stays with its role
        post = {n: d["posting"] for n, d in G.nodes(data=True) if d["kind"] == "role"}
        assert post == {"role:a-b": "a b", "role:a-b-2": "a-b", "role:a-b-2-2": "a-b-2"}
        for u, v, d in G.edges(data=True):
            assert G.pred[v][u] is d
            for e in d.get("evidence", ()):
                assert e["posting"] == post.get(u, e["posting"])
        assert sum(len(p) for p in G.pred.values()) == G.number_of_edges()
        assert G.nodes["role:a-b"]["label"] == "First" and G.edges["role:a-b", "skill:cv"]["count"] == 2
        # first spelling by posting id is the label; the first posting's label names an unknown concept
        assert G.nodes["team:visual-modeling"]["label"] == "visual-modeling"
        assert G.nodes["team:visual-modeling"]["aliases"] == ["Visual Modeling"]
        assert G.edges["team:visual-modeling", "team:labs"]["rel"] == "part_of"
        assert G.nodes["skill:odd"]["label"] == "odd" and G.nodes["skill:odd"]["demand"] == 2
        assert list(G) == sorted(G)
        assert G.graph["postings"] == 3


def test_build_shares_repeated_values():
    G = build_graph(iter(tiny_extractions()), tiny_ontology())
    evs = [e for _, _, d in G.edges(data=True) if d["rel"] == "requires" for e in d["evidence"]]
    assert all(set(e) == {"posting", "start", "end", "text", "sentence", "section", "requirement"} for e in evs)
    by_text: dict = {}
    for e in evs:
        assert by_text.setdefault(e["text"], e["text"]) is e["text"]     # interned: one object
    python = [e for e in evs if e["text"] == "Python"]
    assert len({id(e["section"]) for e in python}) == 1 and len(python) == 4
    two = G.edges["role:000", "skill:diffusion"]["evidence"]
    assert two[0]["sentence"] is two[1]["sentence"]                     # one string per sentence
    import sys

    if sys.implementation.name == "cpython":  # evidence dicts share one key table
        assert sys.getsizeof(two[0]) < sys.getsizeof(dict(two[0]))
        assert two[0] == dict(two[0]) and json.dumps(two[0]) == json.dumps(dict(two[0]))


def _esco_fixture():
    """Ours: gen → dl. ESCO: a → b → c → d → e (e a pillar); a and c are mentioned."""
    from skillgraph.model import Concept
    from skillgraph.ontology import Ontology

    ours = [Concept("skill:dl", "urn:dl", "deep learning"),
            Concept("skill:gen", "urn:gen", "generative AI", broader=("skill:dl",))]
    chain = "abcde"
    esco = [Concept(f"esco:{x}", f"urn:{x}", f"esco {x}",
                    broader=(f"esco:{chain[i + 1]}",) if i + 1 < len(chain) else ())
            for i, x in enumerate(chain)]
    ont = Ontology({c.id: c for c in ours + esco}, curated={"skill:dl", "skill:gen"})
    x = posting("1", "T", [])
    ms = tuple(Mention(cid, cid, cid, 0, 1, "T", None, "required")
               for cid in ("skill:gen", "esco:a", "esco:c"))
    return build_graph([Extraction(x.posting, ms)], ont)


def test_ancestors_all_of_ours_only_the_nearest_of_esco():
    G = _esco_fixture()
    skills = {n: d["used"] for n, d in G.nodes(data=True) if d["kind"] == "skill"}
    assert skills == {"skill:gen": True, "skill:dl": False, "esco:a": True, "esco:b": False,
                      "esco:c": True, "esco:d": False}          # no esco:e: two steps above c
    broader = sorted((u, v) for u, v, d in G.edges(data=True) if d["rel"] == "broader")
    assert broader == [("esco:a", "esco:b"), ("esco:b", "esco:c"), ("esco:c", "esco:d"),
                       ("skill:gen", "skill:dl")]            # no edge to a node left out
