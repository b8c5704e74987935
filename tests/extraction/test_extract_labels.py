"""Folding and label variants: plurals, singulars, closed forms, case — as the matcher links them."""
from __future__ import annotations

from skillgraph.extraction import fold, variants


def test_case_hyphen_plural_variants(concepts, links):
    assert concepts("Fine-tuning, finetuning and fine tuning") == {"fine-tuning"}
    assert [t for t, _ in links("fine-tuning, finetuning, fine tuning")] == ["fine-tuning", "finetuning", "fine tuning"]
    assert concepts("LLMs and VLMS") == {"llm", "vlm"}
    assert concepts("2-tower architectures and two tower models") == {"two-tower"}
    assert concepts("a recommendation system") == {"recsys"}


def test_fold_keeps_one_character_for_one():
    text = "Fine‐tuning — İstanbul’s C++_lab\u00a0x"
    f = fold(text)
    assert len(f) == len(text)
    assert f.startswith("fine tuning   ")
    assert "'" in f and "_" not in f and "\u00a0" not in f
    assert "İstanbul" in f   # "İ" lower-cases to two characters: kept as it is


def test_variants_of_a_label():
    assert variants("fine-tuning", exact=False) >= {"fine-tuning", "finetuning", "fine-tunings", "finetunings"}
    assert variants("recommender systems", exact=False) >= {"recommender systems", "recommender system"}
    assert variants("Go", exact=True) == {"Go"}
