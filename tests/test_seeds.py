"""End to end on the five real seed postings, through the CLI as a user runs it."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from skillgraph.cli import main

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"


@pytest.fixture(scope="module")
def extracted():
    res = CliRunner().invoke(main, ["extract", str(SEEDS), "--format", "json", "--include-text"])
    assert res.exit_code == 0, res.output
    return {Path(p["source"]).name: p for p in json.loads(res.output)}


def test_all_five_seeds_come_out(extracted):
    assert sorted(extracted) == sorted(p.name for p in SEEDS.iterdir())


def test_offset_invariant_for_every_mention_of_every_seed(extracted):
    n = 0
    for p in extracted.values():
        for m in p["mentions"]:
            assert p["text"][m["start"]:m["end"]] == m["text"]
            assert m["text"] in m["sentence"]
            n += 1
        for t in p["teams"]:
            if t["start"] >= 0:
                assert p["text"][t["start"]:t["end"]] == t["name"]
    assert n > 200


def test_clean_seeds_are_not_altered(extracted):
    for name in ("000_17269b5361c6fef0.txt", "002_982e1addf80d4363.txt", "003_c98a0734a401efe5.txt"):
        assert extracted[name]["text"] == (SEEDS / name).read_text(encoding="utf-8")
        assert extracted[name]["repaired"] is False
    assert "weāre" not in extracted["001_6b1a1ac444422806.txt"]["text"]


def _skills(p):
    return {s["label"]: s["requirement"] for s in p["skills"]}


def test_frontier_skills_and_levels(extracted):
    canvas = _skills(extracted["000_17269b5361c6fef0.txt"])
    assert canvas["diffusion models"] == "required"
    assert canvas["computer vision"] == "required"
    assert canvas["fine-tuning"] == "responsibility"
    assert canvas["SQL"] == "preferred"
    rai = _skills(extracted["002_982e1addf80d4363.txt"])
    assert rai["red teaming"] == "responsibility"
    assert rai["vision-language models"] == "required"        # "LLMs and VLMS"
    assert rai["two-tower models"] == "required"              # "2-tower models"
    cu = _skills(extracted["003_c98a0734a401efe5.txt"])
    assert {"PyTorch", "TensorFlow", "Python", "Apache Spark"} <= set(cu)
    core = _skills(extracted["004_92e8f127e0363ad9.txt"])      # an HTML posting
    assert core["Apache Hadoop"] == core["Apache Spark"] == "required"   # "Hadoop/Spark"
    assert core["stream processing"] == "preferred"


def test_no_degree_field_or_boilerplate_as_skill(extracted):
    for p in extracted.values():
        labels = {s["label"].lower() for s in p["skills"]}
        assert "legal" not in labels and "artificial intelligence" not in labels


def test_teams_collaborators_and_products(extracted):
    def names(p, role):
        return {t["name"] for t in p["teams"] if t["role"] == role}

    assert "Pinterest Labs" in names(extracted["000_17269b5361c6fef0.txt"], "member")
    assert "Pinterest Canvas" in names(extracted["000_17269b5361c6fef0.txt"], "product")
    lab = names(extracted["001_6b1a1ac444422806.txt"], "member")
    assert {"Pinterest Labs", "visual modeling team", "core visual pod"} <= lab
    rai = extracted["002_982e1addf80d4363.txt"]
    team = next(t for t in rai["teams"] if t["name"] == "Responsible AI" and t["role"] == "member")
    assert team["parent"] == "Advanced Technologies Group"
    collaborators = {"trust and safety", "ML Platform", "Content Understanding", "Search", "Homefeed"}
    assert collaborators == names(rai, "collaborator")
    assert "Content Understanding" in names(extracted["003_c98a0734a401efe5.txt"], "member")
    core = extracted["004_92e8f127e0363ad9.txt"]
    assert "Core Engineering" in names(core, "member")
    assert {"Homefeed", "Ads", "Growth", "Shopping", "Search"} == names(core, "product")


def test_metadata(extracted):
    p = extracted["001_6b1a1ac444422806.txt"]
    assert p["title"] == "Machine Learning Engineer II, Computer Vision Applied Science"
    assert p["company"] == "Pinterest"
    assert p["salary"]["low"] == 138905 and p["salary"]["high"] == 285982
    assert extracted["003_c98a0734a401efe5.txt"]["work_mode"] == "hybrid"


def test_spacy_engine_links_the_same_skills():
    fast = CliRunner().invoke(main, ["extract", str(SEEDS), "--format", "json"])
    slow = CliRunner().invoke(main, ["extract", str(SEEDS), "--format", "json", "--engine", "spacy"])
    assert fast.exit_code == slow.exit_code == 0
    def key(out):
        return {(p["id"], m["concept"], m["start"], m["end"]) for p in json.loads(out) for m in p["mentions"]}
    assert key(fast.output) == key(slow.output)


def test_spacy_component_fills_doc_spans():
    from skillgraph.extraction import spacy_pipeline
    from skillgraph.ontology import load_ontology

    nlp = spacy_pipeline(load_ontology())
    doc = nlp("Strong proficiency in Python and PyTorch. Experience with Hadoop/Spark.")
    assert [(s.text, s.id_) for s in doc.spans["skills"]] == [
        ("Python", "skill:python"), ("PyTorch", "skill:pytorch"),
        ("Hadoop", "skill:apache-hadoop"), ("Spark", "skill:apache-spark")]
    assert len(list(doc.sents)) == 2
