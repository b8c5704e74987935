"""The sentence-level classifier: a small spaCy textcat shipped as package data (``models/levels/``).

Asked only where no recognised heading settles a sentence and its own cues say nothing (see
:class:`~skillgraph.extraction.segmentation.SentenceIndex`). Loaded lazily, once, from the installed
package, offline. Trained by ``training/levels/train.py`` on weak labels; the threshold below was
checked on the weak labels' dev part and the dev gold (0.5 best on the gold; the weak dev, which
holds almost no context sentences outside headings, prefers lower). Opt-in for now:
``SKILLGRAPH_LEVEL_MODEL=1`` turns it on; off, the rules alone decide (on, the seeds' level accuracy
goes 0.926 -> 0.915, one gold item of 94, so it is not the default yet).
"""
from __future__ import annotations

import os
from functools import lru_cache

__all__ = ["THRESHOLD", "classify", "enabled"]

THRESHOLD = 0.5
"""Below this probability the sentence keeps the rules' level (context)."""


def enabled() -> bool:
    return os.environ.get("SKILLGRAPH_LEVEL_MODEL", "0") == "1"


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
