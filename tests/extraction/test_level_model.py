"""The sentence-level classifier: shipped model beats the rules on the dev gold, heading rules still
win, the issue-10 heading case, and a tiny training run."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from skillgraph.extraction import Extractor, segmentation
from skillgraph.model import Posting
from skillgraph.vocab import LEVELS

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "training" / "levels"))
POSTINGS = ROOT.parent / "shared" / "data" / "postings-dev" / "postings.jsonl"

# issue 10: a lead-in the rules do not take for a heading (seven words, no colon, no ellipsis); the
# bullets name no cue either
EXCITED = ("ML Engineer\n\nWe're Excited About You Because You Have\n"
           "- Strong command of Python and PyTorch\n- A track record of shipping ML systems\n")


@pytest.fixture(scope="module")
def extractor():
    from skillgraph.ontology.load import load_ontology

    return Extractor(load_ontology())


def _levels(ex, text):
    return {s.label: s.requirement for s in ex.extract(Posting(id="t", source="t", text=text)).skills}


def test_unrecognised_heading_case_gives_required(extractor, monkeypatch):
    monkeypatch.setenv("SKILLGRAPH_LEVEL_MODEL", "1")
    got = _levels(extractor, EXCITED)
    assert got["Python"] == "required" and got["PyTorch"] == "required"


def test_model_is_the_default(extractor, monkeypatch):
    monkeypatch.delenv("SKILLGRAPH_LEVEL_MODEL", raising=False)
    got = _levels(extractor, EXCITED + "  ")
    assert got["Python"] == "required"


def test_rules_only_leave_it_context(extractor, monkeypatch):
    monkeypatch.setenv("SKILLGRAPH_LEVEL_MODEL", "0")
    # a new text (no cached index) whose posting asks for something, so the posting-level rule for one
    # that asks for nothing (posting_levels.settle) leaves the unrecognised heading's section alone
    got = _levels(extractor, EXCITED + "\nRequirements\n- Docker\n")
    assert got["Docker"] == "required"
    assert got["Python"] == "context"


def test_recognised_heading_still_wins(monkeypatch):
    from skillgraph.extraction import level_model

    monkeypatch.setenv("SKILLGRAPH_LEVEL_MODEL", "1")

    monkeypatch.setattr(level_model, "classify", lambda s: ("required", 1.0))
    assert segmentation._level("preferred", "Python is used here", True) == "preferred"
    assert segmentation._level("context", "Python is used here", True) == "context"
    assert segmentation._level("context", "Python is used here", False) == "required"
    monkeypatch.setattr(level_model, "classify", lambda s: ("required", level_model.THRESHOLD - 0.01))
    assert segmentation._level("context", "Python is used here", False) == "context"


@pytest.mark.skipif(not POSTINGS.exists(), reason="needs ../shared/data/postings-dev")
def test_shipped_model_beats_rules_on_gold(extractor, monkeypatch):
    import measure

    gold, postings = measure.load_gold(), measure.load_postings(POSTINGS)
    monkeypatch.setenv("SKILLGRAPH_LEVEL_MODEL", "1")
    with_model = measure.score_gold(gold, postings, extractor)
    monkeypatch.setenv("SKILLGRAPH_LEVEL_MODEL", "0")
    segmentation.sentence_level.cache_clear()
    rules = measure.score_gold(gold, postings, extractor)
    on, off = with_model["sentence"]["accuracy"], rules["sentence"]["accuracy"]
    assert off < on
    assert on >= 0.82                  # measured 0.844
    assert with_model["mention"]["accuracy"] >= 0.81      # measured 0.828
    assert with_model["mention"]["per_level"]["context"] >= 0.80   # measured 0.846


def test_tiny_training_run():
    import train

    rows = [("You have strong Python skills", "required"), ("You will build data pipelines", "responsibility"),
            ("Kubernetes is a plus", "preferred"), ("We are a fintech company in Berlin", "context")] * 5
    nlp, acc = train.train(rows, rows, None, epochs=3, log=lambda *_: None)
    assert set(nlp("Python").cats) == set(train.LEVELS)
    assert acc >= 0.75


LEVEL = st.sampled_from(LEVELS)
TEXT = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=200)


@settings(max_examples=200, deadline=None)
@given(level=LEVEL, sentence=TEXT, said=LEVEL, p=st.floats(0, 1))
def test_heading_settled_sentences_never_change(level, sentence, said, p):
    """Whatever the model says, with whatever confidence, a heading-settled sentence keeps the rules' level."""
    from skillgraph.extraction import level_model
    from skillgraph.extraction.levels import sentence_level

    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("SKILLGRAPH_LEVEL_MODEL", "1")
        mp.setattr(level_model, "classify", lambda s: (said, p))
        assert segmentation._level(level, sentence, True) == sentence_level(level, sentence)


@settings(max_examples=100, deadline=None)
@given(level=LEVEL, sentence=TEXT)
def test_heading_settled_sentences_never_change_shipped_model(level, sentence):
    from skillgraph.extraction.levels import sentence_level

    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("SKILLGRAPH_LEVEL_MODEL", "1")
        assert segmentation._level(level, sentence, True) == sentence_level(level, sentence)


def test_model_not_asked_outside_its_training_sentences(monkeypatch):
    from skillgraph.extraction import level_model

    monkeypatch.setenv("SKILLGRAPH_LEVEL_MODEL", "1")
    monkeypatch.setattr(level_model, "classify", lambda s: ("required", 1.0))
    long = "word " * (level_model.MAX_CHARS // 5 + 1)
    assert segmentation._level("context", long, False) == "context"     # a flattened page
    assert segmentation._level("context", "Python", False) == "context"  # a fragment
    assert segmentation._level("context", "Python is used here", False) == "required"


def test_weak_context_labels():
    import prepare

    text = ("Ezra is a venture-backed startup building AI for radiology.\n"
            "We may use artificial intelligence (AI) tools to support parts of the hiring process.\n"
            "Your colleagues love our great benefits and Python.\n"
            "Lunch is on Fridays at the office.\n"
            "Requirements\n- We are proud of strong Python skills\n")
    got = dict(prepare.labelled_sentences(text, "Ezra"))
    assert got["Ezra is a venture-backed startup building AI for radiology."] == "context"
    assert got["We may use artificial intelligence (AI) tools to support parts of the hiring process."] == "context"
    assert not any(s.startswith("Your colleagues") for s in got)     # speaks to the candidate
    assert "Lunch is on Fridays at the office." not in got           # no cue at all
    assert got["- We are proud of strong Python skills"] == "required"  # the heading settles it
    boiler = frozenset({"lunch is on fridays at the office"})
    assert dict(prepare.labelled_sentences(text, "Ezra", boiler))["Lunch is on Fridays at the office."] == "context"


def test_balance_caps_larger_classes_deterministically():
    import prepare

    rows = [{"level": "context", "text": str(i)} for i in range(2)] + \
           [{"level": "required", "text": str(i)} for i in range(20)]
    a, b = prepare.balance(rows, cap=3), prepare.balance(rows, cap=3)
    assert a == b and sum(r["level"] == "required" for r in a) == 6 and sum(r["level"] == "context" for r in a) == 2


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from("you will must python experience with a plus nice to have we build kafka "
                                "teams join our, . ! and strong skills in design required".split()),
                min_size=1, max_size=25).map(" ".join))
def test_classify_gives_the_pipelines_own_probabilities(sentence):
    """``classify`` calls the textcat's predict on the tokenizer's Doc (speed.py, ``textcat_predict``):
    the same level and the same float as the whole pipeline's ``doc.cats``, not just close."""
    from skillgraph.extraction import level_model

    cats = level_model._nlp()(sentence).cats
    level = max(sorted(cats), key=cats.get)
    assert level_model.classify.__wrapped__(sentence) == (level, cats[level])
