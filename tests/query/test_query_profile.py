"""load_profile: YAML/JSON/text files, unknown skills with lines, the ontology fallback, errors."""
from __future__ import annotations

import pytest
from corpus import posting, tiny_graph, tiny_ontology

from skillgraph.errors import InputError
from skillgraph.graph import build_graph
from skillgraph.query import Profile, gap, load_profile


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
