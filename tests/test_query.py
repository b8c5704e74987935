"""The queries over a tiny hand-built graph (see corpus.tiny_graph: no spaCy, no real ontology)."""
from __future__ import annotations

import pytest
from corpus import posting, tiny_graph, tiny_ontology

from skillgraph.errors import InputError, NoPathError, UnknownNodeError
from skillgraph.graph import build_graph
from skillgraph.query import (
    WEIGHTS, Profile, gap, load_profile, overlap, overlap_matrix, paths, plan, roles, similar, skills, teams,
)


@pytest.fixture(scope="module")
def G():
    return tiny_graph()


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


def test_gap_context_mentions_are_not_known():
    xs = [posting("a", "A", [("skill:cv", "context", 1)]), posting("b", "B", [("skill:cv", "required", 1)])]
    assert gap(build_graph(xs, tiny_ontology()), "role:a", "role:b").coverage == 0.0


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


# --- overlap --------------------------------------------------------------------------------------

def test_overlap_pair(G):
    o = overlap(G, "000", "001")
    assert {r["skill"] for r in o["shared"]} == {"computer vision", "text-to-image", "RLHF", "Python"}
    assert [r["skill"] for r in o["only_a"]] == ["diffusion models"]
    assert [r["skill"] for r in o["only_b"]] == ["GANs"]
    assert o["jaccard"] == pytest.approx(4 / 6, abs=1e-4)
    # weighted: Σmin / Σmax over the union
    mins = 1 + 0.5 + 0.25 + 0.75                  # cv, python, t2i(context in b), rlhf
    maxs = 1 + 1 + 1 + 0.75 + 1 + 0.5             # cv, python, t2i, rlhf, diffusion, gans
    assert o["weighted"] == pytest.approx(mins / maxs, abs=1e-4)
    assert overlap(G, "000", "000")["weighted"] == 1.0


def test_overlap_matrix_ranks_the_closest_pair_first(G):
    rows = overlap_matrix(G)
    assert {rows[0]["a_id"], rows[0]["b_id"]} == {"role:000", "role:001"}
    assert len(rows) == 6 and all(r["a_id"] < r["b_id"] for r in rows)
    assert [r["weighted"] for r in rows] == sorted((r["weighted"] for r in rows), reverse=True)
    trows = overlap_matrix(G, by="team")
    assert all("team:infra" not in (r["a_id"], r["b_id"]) for r in trows)   # no member roles
    with pytest.raises(InputError, match="pairs"):
        overlap_matrix(G, max_pairs=2)
    with pytest.raises(InputError):
        overlap_matrix(G, by="skill")


# --- paths ----------------------------------------------------------------------------------------

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


# --- similar / listings -----------------------------------------------------------------------------

def test_similar_roles_and_skills(G):
    rows = similar(G, "000")
    assert rows[0]["id"] == "role:001" and rows[0]["reason"].startswith("shares 4 skills")
    rows = similar(G, "diffusion models")
    assert rows[0]["reason"].startswith("asked together in")
    assert "skill:diffusion" not in {r["id"] for r in rows}


def test_skills_listing(G):
    rows = skills(G)
    assert rows[0]["skill"] == "Python" and rows[0]["postings"] == 4
    assert [r["skill"] for r in skills(G, role="000", level="responsibility")] == ["RLHF"]
    assert {r["skill"] for r in skills(G, team="Responsible AI")} == {"responsible AI", "AI alignment", "Python"}
    with pytest.raises(InputError, match="level"):
        skills(G, level="mandatory")


def test_roles_and_teams_listings(G):
    rs = roles(G)
    assert len(rs) == 4 and rs[0]["title"] <= rs[-1]["title"]
    r0 = next(r for r in rs if r["role"] == "role:000")
    assert r0["teams"] == ["Labs"] and r0["products"] == ["Canvas"] and r0["required"] == 3
    ts = {t["id"]: t for t in teams(G)}
    assert ts["team:labs"]["roles"] == 2          # with the sub-team
    assert ts["team:infra"]["collaborators"] == 1
    assert ts["team:advanced-technologies-group"]["aliases"] == ["ATG"]


# --- profiles ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("name, content", [
    ("p.txt", "# my skills\n- PyTorch\ncomputer vision\n\nembeddings\n"),
    ("p.json", '["PyTorch", "computer vision", "embeddings"]'),
    ("p.yml", "- PyTorch\n- computer vision\n- embeddings\n"),
])
def test_load_profile_formats(G, tmp_path, name, content):
    p = tmp_path / name
    p.write_text(content)
    assert load_profile(p, G).skills == ("skill:pytorch", "skill:cv", "skill:embeddings")


def test_load_profile_unknown_skills_name_file_and_line(G, tmp_path):
    p = tmp_path / "p.txt"
    p.write_text("PyTorch\nPytorchh\nbasket weaving\n")
    with pytest.raises(InputError) as ei:
        load_profile(p, G)
    msg = str(ei.value)
    assert str(p) in msg and "'Pytorchh' (line 2" in msg and "'basket weaving' (line 3" in msg
    assert "PyTorch" in msg.split("Pytorchh")[1]       # did you mean


def test_load_profile_falls_back_to_the_ontology(G, tmp_path):
    p = tmp_path / "p.txt"
    p.write_text("TensorFlow\n")                        # in the ontology, on no posting
    calls = []

    def ont():
        calls.append(1)
        return tiny_ontology()

    prof = load_profile(p, G, ontology=ont)
    assert prof.skills == ("skill:tensorflow",) and calls == [1]
    assert prof.hierarchy == {"skill:tensorflow": ("skill:frameworks",)}
    # TensorFlow is narrower than frameworks: it covers a need for frameworks
    xs = [posting("b", "B", [("skill:frameworks", "required", 1)])]
    H = build_graph(xs, tiny_ontology())
    res = gap(H, None, "role:b", profile=load_profile(p, H, ontology=tiny_ontology()))
    assert res.coverage == 1.0 and res.items[0].status == "covered-by-narrower"


def test_load_profile_errors(tmp_path):
    with pytest.raises(InputError, match="no such profile"):
        load_profile(tmp_path / "nope.yaml")
    bad = tmp_path / "p.yaml"
    bad.write_text("skills: {a: 1}\n")
    with pytest.raises(InputError, match="list of skill names"):
        load_profile(bad, tiny_graph())
    empty = tmp_path / "e.txt"
    empty.write_text("# nothing\n")
    with pytest.raises(InputError, match="no skills"):
        load_profile(empty, tiny_graph())


def test_profile_is_a_plain_record():
    p = Profile("x", ("skill:cv",))
    assert p.hierarchy == {} and p.labels == {}
