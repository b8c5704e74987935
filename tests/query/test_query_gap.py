"""gap and plan over a tiny hand-built graph (see corpus.tiny_graph: no spaCy, no real ontology)."""
from __future__ import annotations

import pytest
from corpus import posting, tiny_ontology
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from skillgraph.errors import InputError, UnknownNodeError
from skillgraph.graph import build_graph
from skillgraph.query import WEIGHTS, gap, load_profile, plan
from skillgraph.vocab import LEVELS


def by_label(res):
    return {i.label: i for i in res.items}


# --- gap ------------------------------------------------------------------------------------------

def test_gap_role_to_role(G):
    res = gap(G, "Staff Machine Learning Engineer", "000")
    gaps = [i.label for i in res.gaps]
    assert gaps == ["text-to-image", "diffusion models", "RLHF"]    # level, then postings asking
    assert "computer vision" not in gaps and by_label(res)["computer vision"].status == "covered"
    # coverage = (cv 1.0 + python 0.5) / (3 required + responsibility + preferred)
    total = 3 * WEIGHTS["required"] + WEIGHTS["responsibility"] + WEIGHTS["preferred"]
    assert res.coverage == pytest.approx((WEIGHTS["required"] + WEIGHTS["preferred"]) / total)
    d = res.to_dict()
    assert d["from"]["id"] == "role:003" and d["to"]["id"] == "role:000"
    assert [g["label"] for g in d["gaps"]] == gaps


def test_gap_narrower_covers_broader_and_broader_gives_partial_credit():
    xs = [posting("a", "Knows PyTorch and generative models",
                  [("skill:pytorch", "required", 1), ("skill:gen", "required", 1)]),
          posting("b", "Needs frameworks and diffusion",
                  [("skill:frameworks", "required", 1), ("skill:diffusion", "required", 1),
                   ("skill:gans", "preferred", 1), ("skill:embeddings", "required", 1)])]
    G = build_graph(xs, tiny_ontology())
    res = by_label(gap(G, "role:a", "role:b"))
    fw = res["deep learning frameworks"]
    assert fw.status == "covered-by-narrower" and fw.credit == 1.0 and fw.by == "skill:pytorch"
    assert fw.path == ["PyTorch", "deep learning frameworks"]
    diff = res["diffusion models"]
    assert diff.status == "partial" and diff.credit == 0.5
    assert diff.note == "partly covered by generative models (diffusion models → generative models)"
    emb = res["embeddings"]                         # sibling of nothing known at depth >= 2 under dl? gen is!
    assert emb.status == "partial" and emb.credit == 0.25 and "sibling" in emb.note


def test_gap_sibling_credit_needs_a_specific_parent():
    # computer vision and responsible AI are siblings under the top concept: no credit
    xs = [posting("a", "A", [("skill:cv", "required", 1)]), posting("b", "B", [("skill:rai", "required", 1)])]
    res = gap(build_graph(xs, tiny_ontology()), "role:a", "role:b")
    assert res.coverage == 0.0 and res.items[0].status == "missing"


def test_gap_context_mentions_are_known_and_shown_as_from_level():
    xs = [posting("a", "A", [("skill:cv", "context", 1)]), posting("b", "B", [("skill:cv", "required", 1)])]
    G = build_graph(xs, tiny_ontology())
    res = gap(G, "role:a", "role:b")
    assert res.coverage == 1.0 and res.covered[0].from_level == "context"
    same = gap(G, "role:a", "role:a")                  # a role against itself: nothing missing
    assert same.coverage == 1.0 and same.gaps == []


def test_gap_team_is_the_union_of_its_roles(G):
    # Labs = role 000 (member) + role 001 (member of Visual Modeling, part of Labs)
    res = gap(G, "Labs", "003")
    assert [i.label for i in res.gaps] == ["embeddings", "PyTorch"]
    res = gap(G, "003", "Labs")
    assert by_label(res)["computer vision"].postings == 2


def test_gap_with_profile(G, tmp_path):
    p = tmp_path / "me.yaml"
    p.write_text("name: me\nskills:\n  - PyTorch\n  - computer vision\n  - embeddings\n")
    prof = load_profile(p, G)
    assert prof.skills == ("skill:pytorch", "skill:cv", "skill:embeddings")
    res = gap(G, None, "000", profile=prof)
    assert res.source["kind"] == "profile"
    assert 0 < res.coverage < 0.5
    assert [i.label for i in res.gaps][:3] == ["text-to-image", "diffusion models", "RLHF"]


def test_unknown_names_raise(G):
    with pytest.raises(UnknownNodeError):
        gap(G, "Nobody", "000")
    with pytest.raises(UnknownNodeError, match="is a skill"):
        gap(G, "RLHF", "000")
    with pytest.raises(InputError):
        gap(G, None, "000")


# --- plan -----------------------------------------------------------------------------------------

def test_plan_puts_foundations_first():
    xs = [posting("a", "A", [("skill:python", "required", 1)]),
          posting("b", "B", [("skill:diffusion", "required", 3), ("skill:gen", "preferred", 1),
                             ("skill:rlhf", "required", 1), ("skill:rl", "context", 1)])]
    rows = plan(build_graph(xs, tiny_ontology()), "role:a", "role:b")
    order = [r["skill"] for r in rows]
    assert order.index("generative models") < order.index("diffusion models")
    assert order.index("reinforcement learning") < order.index("RLHF")
    assert [r["step"] for r in rows] == list(range(1, len(rows) + 1))
    assert all(r["asked_by"] == ["B"] for r in rows)
    assert next(r for r in rows if r["skill"] == "diffusion models")["builds_on"] == "generative models"


# --- gap X X: a group against itself -----------------------------------------------------------

_SKILLS = sorted(tiny_ontology().concepts)
_TEAMS = ["Labs", "Vision", "Safety"]


@st.composite
def _corpora(draw):
    """1-4 postings, each with a few skills at any level and a few teams (member or collaborator)."""
    xs = []
    for k in range(draw(st.integers(1, 4))):
        skills = draw(st.lists(st.tuples(st.sampled_from(_SKILLS), st.sampled_from(LEVELS), st.integers(1, 2)),
                               max_size=6, unique_by=lambda t: t[0]))
        teams = draw(st.lists(st.tuples(st.sampled_from(_TEAMS), st.sampled_from(["member", "collaborator"]),
                                        st.sampled_from([None, *_TEAMS]), st.just(())),
                              max_size=2, unique_by=lambda t: t[0]))
        teams = [(n, r, p if p != n else None, a) for n, r, p, a in teams]
        xs.append(posting(f"p{k}", f"Role {k}", skills, teams, company=draw(st.sampled_from(["Acme", "Initech"]))))
    return xs


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_corpora())
def test_gap_of_a_group_against_itself_is_full_coverage(xs):
    G = build_graph(xs, tiny_ontology())
    groups = [n for n, d in G.nodes(data=True) if d.get("kind") in ("role", "team", "product", "company")]
    assert groups
    for node in groups:
        res = gap(G, node, node)
        assert res.coverage == 1.0 and res.gaps == [], node
        for item in res.items:        # each row says at which level FROM knows the skill: its own
            assert item.status == "covered" and item.from_level == item.level
