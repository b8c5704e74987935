"""Which postings are not in English: py3langid (a maintained fork of langid.py, MIT, offline, its
model in the wheel) over each posting's text. Levels, cues and most labels are English, so a German
or French posting comes out with every skill at *context*; the run says so in one warning line and
each such posting carries ``language`` (English ones carry None, so English outputs do not change).

Chosen by measurement (``pip install``-able, no download at run time): on 25 short posting lines in
six languages py3langid was right on 25, langdetect on 22 (it called "What you'll do" Welsh); on the
2,779 English postings of ``postings-dev`` neither flagged one; py3langid takes ~2 ms a posting and
~0.5 s to load (lazily, on the first posting; lingua's wheel is 96 MB).
"""
from __future__ import annotations

import dataclasses
from collections import Counter
from functools import lru_cache
from typing import Callable, Sequence

from ..model import Posting

__all__ = ["MIN_PROBABILITY", "check_languages", "language_of", "language_warning", "mark_languages"]

ENGLISH = "en"
MIN_PROBABILITY = 0.9
"""A posting is taken as not English when the detector's normalised probability of its language is at
least this (below it, as on a line or two of mixed text, it is left as English)."""
MIN_LETTERS = 20
"""Texts with fewer letters are not judged (too short to tell)."""
SAMPLE_CHARS = 5_000
"""The detector reads at most this many characters from the start of a posting (linear, and enough)."""
SHOWN_IDS = 5


@lru_cache(maxsize=1)
def _identifier():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def language_of(text: str) -> str | None:
    """The ISO 639-1 code of ``text``'s language when it is confidently not English, else None."""
    sample = text[:SAMPLE_CHARS]
    if sum(c.isalpha() for c in sample) < MIN_LETTERS:
        return None
    lang, prob = _identifier().classify(sample)
    return lang if lang != ENGLISH and prob >= MIN_PROBABILITY else None


def mark_languages(postings: Sequence[Posting]) -> list[Posting]:
    """``postings`` with ``language`` set on those not in English (the others are the same objects)."""
    out = []
    for p in postings:
        lang = language_of(p.text)
        out.append(p if lang is None else dataclasses.replace(p, language=lang))
    return out


def language_warning(postings: Sequence[Posting]) -> str | None:
    """One line on the postings not in English, or None: ``3 postings are not in English (de: 2, fr: 1):
    ids a, b, c; levels and skills are tuned for English``."""
    other = [p for p in postings if p.language]
    if not other:
        return None
    counts = Counter(p.language for p in other)
    langs = ", ".join(f"{lang}: {n}" for lang, n in sorted(counts.items(), key=lambda t: (-t[1], t[0])))
    ids = sorted(p.id for p in other)
    shown = ", ".join(ids[:SHOWN_IDS]) + (f" and {len(ids) - SHOWN_IDS} more" if len(ids) > SHOWN_IDS else "")
    n = len(other)
    return (f"{n} posting{'s are' if n != 1 else ' is'} not in English ({langs}): {shown}; "
            "levels and skills are tuned for English")


def check_languages(postings: Sequence[Posting], warn: Callable[[str], None] | None) -> list[Posting]:
    """:func:`mark_languages`, and :func:`language_warning` to ``warn`` (if any)."""
    marked = mark_languages(postings)
    msg = language_warning(marked)
    if msg and warn is not None:
        warn(msg)
    return marked
