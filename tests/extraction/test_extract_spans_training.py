"""The training path runs end to end in seconds: training/spans/config.cfg (the config train.py hands to
``spacy train``) trains on ten in-code sentences for a few steps, the result loads through
:func:`skillgraph.extraction.spans.load_model` and :func:`find_spans` uses it. Same seed → same weights.
"""
from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CONFIG = ROOT / "training" / "spans" / "config.cfg"

SENTENCES = [
    ("Experience with Python and SQL is required", ["Python", "SQL"]),
    ("You know Kubernetes well", ["Kubernetes"]),
    ("Strong communication skills", ["communication skills"]),
    ("Knowledge of Apache Spark", ["Apache Spark"]),
    ("Build data pipelines in Scala", ["data pipelines", "Scala"]),
    ("Familiar with Docker", ["Docker"]),
    ("We value teamwork", ["teamwork"]),
    ("Hands-on PyTorch experience", ["PyTorch"]),
    ("Write clean Java code", ["Java"]),
    ("Use Git daily", ["Git"]),
]


def _docbin(nlp, path):
    from spacy.tokens import DocBin

    db = DocBin()
    for text, skills in SENTENCES:
        doc = nlp.make_doc(text)
        ents = [doc.char_span(text.index(s), text.index(s) + len(s), label="SKILL") for s in skills]
        assert all(ents), text
        doc.ents = ents
        db.add(doc)
    db.to_disk(path)


def _train(tmp: Path) -> Path:
    import spacy
    from spacy.cli.train import train

    _docbin(spacy.blank("en"), tmp / "tiny.spacy")
    out = tmp / "model"
    train(CONFIG, out, use_gpu=-1, overrides={
        "paths.train": str(tmp / "tiny.spacy"), "paths.dev": str(tmp / "tiny.spacy"),
        "training.max_steps": 40, "training.eval_frequency": 20, "training.patience": 0,
        "nlp.batch_size": 16})
    return out / "model-last"


@pytest.fixture(scope="module")
def tiny_models(tmp_path_factory):
    return [_train(tmp_path_factory.mktemp(f"train{i}")) for i in range(2)]


def test_tiny_training_run_loads_and_predicts(tiny_models):
    from skillgraph.extraction.spans import find_spans, load_model

    model = tiny_models[0]
    nlp = load_model(str(model))
    assert nlp.pipe_names == ["tok2vec", "ner"] and "SKILL" in nlp.get_pipe("ner").labels
    text = "Experience with Python and SQL is required"
    [found] = find_spans([text], model=str(model))
    # forty steps on the training sentences themselves: it has learnt at least one of them
    assert {text[s.start:s.end] for s in found} & {"Python", "SQL"}, found


def test_tiny_training_is_deterministic(tiny_models):
    a, b = (m / "ner" / "model" for m in tiny_models)
    assert a.read_bytes() == b.read_bytes()


def test_pretrained_tok2vec_weights_are_the_ones_training_starts_from(tmp_path):
    """training/spans/pretrain.py + train.py --init-tok2vec: pretrain the tok2vec on raw text, then the
    pipeline initialised for training holds exactly those weights. With config.cfg as it is (an empty
    [pretraining] block) spaCy skips init_tok2vec without a word; train.py therefore trains from the
    config filled with the pretraining defaults, and this checks that such a config does load them."""
    import json

    import spacy
    from spacy.cli.init_config import fill_config
    from spacy.training.initialize import init_nlp
    from spacy.training.pretrain import get_tok2vec_ref, pretrain
    from spacy.util import load_config

    raw = tmp_path / "raw.jsonl"
    raw.write_text("".join(json.dumps({"text": t}) + "\n" for t, _ in SENTENCES * 3), encoding="utf-8")
    _docbin(spacy.blank("en"), tmp_path / "tiny.spacy")
    filled = tmp_path / "pretrain.cfg"
    fill_config(filled, CONFIG, pretraining=True, silent=True)
    paths = {"paths.raw_text": str(raw), "paths.train": str(tmp_path / "tiny.spacy"),
             "paths.dev": str(tmp_path / "tiny.spacy")}
    cfg = load_config(filled, overrides={**paths, "pretraining.max_epochs": 1}, interpolate=False)
    (tmp_path / "pt").mkdir()
    pretrain(cfg.interpolate(), tmp_path / "pt", silent=True)
    weights = (tmp_path / "pt" / "model0.bin").read_bytes()

    def initial_tok2vec(config_path):
        nlp = init_nlp(load_config(config_path, overrides={**paths, "paths.init_tok2vec": str(tmp_path / "pt" /
                                                                                              "model0.bin")}))
        return get_tok2vec_ref(nlp, cfg.interpolate()["pretraining"]).to_bytes()

    assert initial_tok2vec(filled) == weights
    assert initial_tok2vec(CONFIG) != weights          # the trap train.py steps around
