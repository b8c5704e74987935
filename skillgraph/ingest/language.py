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
from itertools import islice
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


_WALK_CACHE = 1 << 15
"""Lines (with the detector's state before each) whose walk is remembered (``language_lines`` in
:mod:`skillgraph.speed`)."""


def _line_cached(base):
    """``base`` (py3langid's LanguageIdentifier) with its byte walk remembered per line.

    py3langid scores a text by walking a DFA over its UTF-8 bytes in Python (~0.4 us a byte, ~1.3 ms
    for a 3 kB posting: most of ``skillgraph extract``'s time) and counting the features it passes.
    The walk is deterministic, so a line read from a given state always passes the same features, in
    the same order, and ends in the same state: the text's walk is the walk of its lines, each looked
    up by (state, line). The features come out in the same order, so the counts and every score are
    the same bits (tested against the plain identifier). Postings repeat boilerplate lines."""
    class LineCached(base):
        __slots__ = ()

        def _raw_score(self, text):
            visits = _visits(self.tk_nextmove, self._rowbase, self.tk_output, text)
            if visits is None:                 # no features at all: the library's own answer
                return super()._raw_score(text)
            return self._sparse_score(visits, self.nb_ptc)

    return LineCached


def _visits(nm, rowbase, out, text: bytes):
    """py3langid's ``visit_counts`` over ``text``, line by line through :func:`_walk`."""
    from collections import Counter

    state, indexes = 0, []
    pieces = text.split(b"\n")
    last = len(pieces) - 1
    for k, piece in enumerate(pieces):
        state, found = _walk(nm, rowbase, out, state, piece + b"\n" if k < last else piece)
        indexes += found
    return Counter(indexes) if indexes else None


def _walk_uncached(nm, rowbase, out, state: int, piece: bytes) -> tuple[int, tuple[int, ...]]:
    """(state after ``piece``, the features passed on the way) from ``state``: py3langid's loop."""
    indexes = []
    append = indexes.append
    for letter in piece:
        state = nm[rowbase[state] + letter]
        f = out[state]
        if f >= 0:
            append(f)
    return state, tuple(indexes)


_walk_cached = lru_cache(maxsize=_WALK_CACHE)(lambda state, piece: _walk_uncached(*_TABLES, state, piece))
_TABLES: tuple = ()


def _walk(nm, rowbase, out, state: int, piece: bytes) -> tuple[int, tuple[int, ...]]:
    if _TABLES and _TABLES[0] is nm and _TABLES[1] is rowbase and _TABLES[2] is out and len(piece) <= 2000:
        return _walk_cached(state, piece)
    return _walk_uncached(nm, rowbase, out, state, piece)


@lru_cache(maxsize=1)
def _identifier():
    global _TABLES
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    if not all(hasattr(LanguageIdentifier, a) for a in ("_raw_score", "_sparse_score", "_rowbase", "tk_nextmove")):
        return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)   # another py3langid: as it is
    ident = _line_cached(LanguageIdentifier).from_model_file(MODEL_FILE, norm_probs=True)
    _TABLES = (ident.tk_nextmove, ident._rowbase, ident.tk_output)
    return ident


def _plain_identifier():
    """py3langid's own identifier (the tests compare it with :func:`_identifier`)."""
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def _enough_letters(sample: str) -> bool:
    """At least :data:`MIN_LETTERS` letters: counted in C and only until there are enough (a sum over
    a generator of every character cost ~0.3 ms a posting)."""
    return len(list(islice(filter(str.isalpha, sample), MIN_LETTERS))) == MIN_LETTERS


def language_of(text: str) -> str | None:
    """The ISO 639-1 code of ``text``'s language when it is confidently not English, else None."""
    sample = text[:SAMPLE_CHARS]
    if not _enough_letters(sample):
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
