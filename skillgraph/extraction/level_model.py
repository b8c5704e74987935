"""The sentence-level classifier: a small spaCy textcat shipped as package data (``models/levels/``).

Asked only where no recognised heading settles a sentence and its own cues say nothing (see
:class:`~skillgraph.extraction.segmentation.SentenceIndex`). Loaded lazily, once, from the installed
package, offline. Trained by ``training/levels/train.py`` on weak labels. The threshold was chosen on
the dev gold (``training/levels/measure.py``), for the model trained on the rules with the stack and
field-line cues and a hash-stable sample (issue 10): mention accuracy 0.833 / 0.830 / 0.837 / 0.835 /
0.833, sentence accuracy 0.847 / 0.838 / 0.838 / 0.844 / 0.841, mention-level context recall 0.712 /
0.750 / 0.827 / 0.827 / 0.827 at p = 0.5 / 0.55 / 0.6 / 0.65 / 0.7: 0.6 has the best mention accuracy
and context recall (seed level accuracy 0.915, 0.904 at 0.5). On by
default; ``SKILLGRAPH_LEVEL_MODEL=0`` leaves the rules alone to decide.
"""
from __future__ import annotations

import os
from functools import lru_cache

__all__ = ["MAX_CHARS", "MIN_WORDS", "THRESHOLD", "applies", "classify", "enabled"]

THRESHOLD = 0.6
"""Below this probability the sentence keeps the rules' level (context)."""


MIN_WORDS = 3
MAX_CHARS = 1000
"""The sentences the model was trained on (``training/levels/prepare.py``): 3 words to 400 characters.
Outside (a scraped page flattened into one "sentence", a heading fragment) the rules keep the level."""


def applies(sentence: str) -> bool:
    """Whether ``sentence`` is of the kind the model was trained on."""
    return len(sentence) <= MAX_CHARS and len(sentence.split()) >= MIN_WORDS


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
