"""The sentence-level classifier: a small spaCy textcat shipped as package data (``models/levels/``).

Asked only where no recognised heading settles a sentence and its own cues say nothing (see
:class:`~skillgraph.extraction.segmentation.SentenceIndex`). Loaded lazily, once, from the installed
package, offline. Trained by ``training/levels/train.py`` on weak labels; the threshold below was
chosen on the weak labels' dev part. ``SKILLGRAPH_LEVEL_MODEL=0`` turns it off (rules only).
"""
from __future__ import annotations

import os
from functools import lru_cache

__all__ = ["THRESHOLD", "classify", "enabled"]

THRESHOLD = 0.5
"""Below this probability the sentence keeps the rules' level (context)."""


def enabled() -> bool:
    return os.environ.get("SKILLGRAPH_LEVEL_MODEL", "1") != "0"


@lru_cache(maxsize=1)
def _nlp():
    from importlib.resources import files

    import spacy

    return spacy.load(str(files("skillgraph.extraction").joinpath("models", "levels")))


@lru_cache(maxsize=65536)
def classify(sentence: str) -> tuple[str, float]:
    """(most probable level, its probability) for one sentence."""
    cats = _nlp()(sentence).cats
    level = max(sorted(cats), key=cats.get)
    return level, cats[level]
