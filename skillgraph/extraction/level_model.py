"""The sentence-level classifier: a small spaCy textcat shipped as package data (``models/levels/``).

Asked only where no recognised heading settles a sentence and its own cues say nothing (see
:class:`~skillgraph.extraction.segmentation.SentenceIndex`). Loaded lazily, once, from the installed
package, offline. Trained by ``training/levels/train.py`` on weak labels. The threshold was chosen on
the dev gold (``training/levels/measure.py``), for the model trained on the stop-22 rules (a plus said
outright under a context heading, "(essential)", "where required", the hiring-AI notice, a stack section
not expected of the hire, skill-named sub-headings) and the matcher's glued-sentence breaks: mention
accuracy 0.932 / 0.939 / 0.935 / 0.923, sentence accuracy 0.873 / 0.876 / 0.876 / 0.873, mention-level
context recall 0.788 / 0.865 / 0.865 / 0.865, seed gold level accuracy 0.904 / 0.904 / 0.915 / 0.915 at
p = 0.5 / 0.55 / 0.6 / 0.65. 0.6: two dev-gold mentions behind 0.55 (within a retraining's noise,
±0.007) and one seed item ahead of it, context recall kept. On by
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

    from skillgraph.speed import gc_kept

    with gc_kept():     # spacy.load switches the collector on
        return spacy.load(str(files("skillgraph.extraction").joinpath("models", "levels")))


@lru_cache(maxsize=1)
def _textcat():
    """(the tokenizer, the textcat component, its labels in score order)."""
    nlp = _nlp()
    tc = nlp.get_pipe("textcat")
    return nlp.make_doc, tc, tuple(tc.labels)


@lru_cache(maxsize=65536)
def classify(sentence: str) -> tuple[str, float]:
    """(most probable level, its probability) for one sentence.

    The textcat's ``predict`` on the tokenizer's Doc, not ``nlp(sentence).cats``: the pipeline has
    only the textcat, whose ``__call__`` is ``predict`` then ``doc.cats[label] = float(score)``, so
    the probabilities are the same floats (checked on 3,000 SkillSpan sentences) at 0.057 instead of
    0.127 ms a sentence (``textcat_predict`` in :mod:`skillgraph.speed`)."""
    make_doc, tc, labels = _textcat()
    scores = tc.predict([make_doc(sentence)])
    cats = {label: float(scores[0, j]) for j, label in enumerate(labels)}
    level = max(sorted(cats), key=cats.get)
    return level, cats[level]
