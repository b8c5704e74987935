"""`skillgraph extract --linker`: hybrid adds scored model mentions on a seed; exact is the default, byte
for byte, and never uses the model."""
from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from skillgraph.cli import main
from skillgraph.extraction.hybrid import MIN_SCORE

SEED = Path(__file__).resolve().parents[2] / "seeds" / "002_982e1addf80d4363.txt"


def _extract(*args):
    res = CliRunner().invoke(main, ["extract", str(SEED), "--format", "json", *args])
    assert res.exit_code == 0, res.output
    return res.output


def test_hybrid_writes_scored_mentions_with_how():
    [p] = json.loads(_extract("--linker", "hybrid"))
    assert p["mentions"]
    assert all({"score", "how"} <= set(m) and 0.0 <= m["score"] <= 1.0 for m in p["mentions"])
    model = [m for m in p["mentions"] if m["how"] in ("model+lexical", "model+embedding")]
    assert all(MIN_SCORE <= m["score"] < 1.0 for m in model)
    [low] = json.loads(_extract("--linker", "hybrid", "--min-score", "0.5"))   # both kinds of model evidence
    assert {m["how"] for m in low["mentions"]} == {"label", "variant", "model+lexical", "model+embedding"}
    assert all(0.5 <= m["score"] < 1.0 for m in low["mentions"] if m["how"].startswith("model+"))
    labels = [m for m in p["mentions"] if m["how"] == "label"]
    assert labels and all(m["score"] == 1.0 for m in labels)


def test_min_score_raises_the_bar_for_model_mentions():
    [p] = json.loads(_extract("--linker", "hybrid", "--min-score", "0.99"))
    assert not [m for m in p["mentions"] if m["how"].startswith("model+")]
    assert p["candidates"], "spans below --min-score are kept as candidates"


def test_exact_is_the_default_and_never_uses_the_model():
    out = _extract("--linker", "exact")
    assert out == _extract()
    [p] = json.loads(out)
    assert {m["how"] for m in p["mentions"]} <= {"label", "variant"}
