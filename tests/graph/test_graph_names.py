"""resolve_node: ids, names, aliases, folded spellings, kinds, did-you-mean and ambiguity."""
from __future__ import annotations

import pytest
from corpus import tiny_graph

from skillgraph.errors import UnknownNodeError
from skillgraph.graph import load_graph, resolve_node, save_graph


@pytest.mark.parametrize("name, node", [
    ("role:000", "role:000"),
    ("Staff Machine Learning Engineer", "role:003"),
    ("staff machine", "role:003"),                       # unique prefix, any case
    ("003", "role:003"),                                 # posting id / slug
    ("Computer Vision", "skill:cv"),                     # the skill (exact) beats the role substring
    ("CV", "skill:cv"),
    ("diffusion model", "skill:diffusion"),              # alt label
    ("Diffusion-Models", "skill:diffusion"),             # folded
    ("reinforcement learning from human feedback", "skill:rlhf"),
    ("GAN", "skill:gans"),                               # singular of a plural label
    ("labs", "team:labs"),
    ("ATG", "team:advanced-technologies-group"),         # alias
    ("Canvas", "product:canvas"),
    ("acme", "company:acme"),
    ("Responsible AI team", "team:responsible-ai"),      # kind word
    ("team:Responsible AI", "team:responsible-ai"),      # kind prefix
    ("Core Vision", None),
])
def test_resolve_node(name, node):
    G = tiny_graph()
    if node is None:
        with pytest.raises(UnknownNodeError):
            resolve_node(G, name)
    else:
        assert resolve_node(G, name) == node


def test_resolve_node_works_on_a_loaded_graph_without_the_ontology(tmp_path):
    save_graph(tiny_graph(), tmp_path / "g.json")
    H = load_graph(tmp_path / "g.json")
    assert resolve_node(H, "DDPM") == "skill:diffusion"
    assert resolve_node(H, "generative adversarial networks") == "skill:gans"


def test_did_you_mean():
    G = tiny_graph()
    with pytest.raises(UnknownNodeError) as ei:
        resolve_node(G, "difusion modles")
    assert "diffusion models" in ei.value.candidates
    assert "did you mean" in str(ei.value)


def test_ambiguous_names_list_candidates():
    G = tiny_graph()
    with pytest.raises(UnknownNodeError) as ei:
        resolve_node(G, "Responsible AI")                 # a skill and a team
    assert set(ei.value.candidates) == {"skill:rai", "team:responsible-ai"}
    assert "ambiguous" in str(ei.value) and "team:Responsible AI" in str(ei.value)
    with pytest.raises(UnknownNodeError) as ei:
        resolve_node(G, "Sr. Machine")                    # prefix of two roles
    assert set(ei.value.candidates) == {"role:000", "role:002"}


def test_kinds_restrict_and_explain():
    G = tiny_graph()
    assert resolve_node(G, "Responsible AI", ["team"]) == "team:responsible-ai"
    with pytest.raises(UnknownNodeError, match="is a skill"):
        resolve_node(G, "RLHF", ["role", "team"])
