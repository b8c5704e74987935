"""Boilerplate: paragraphs repeated across the postings of one run (EEO statements, benefits, "how we
use AI in hiring", a company's standard pitch).

A corpus-level step, after per-posting extraction (:func:`mark_boilerplate`, called by
:func:`skillgraph.pipeline.extract_paths`, so ``build``, ``extract`` and ``--postings`` all get it).
A paragraph is a line of the posting's text; it is normalised (lower case, every run of
non-word characters one space) and is **boilerplate** when it has at least :data:`MIN_WORDS` words
and the same normalised paragraph stands in at least :data:`MIN_POSTINGS` postings of at least
:data:`MIN_COMPANIES` companies (a posting without a company counts as its own). Mentions inside
it keep their links but get ``boilerplate=True``: the graph counts them apart and gap and
similarity leave them out.

Measured on ``../shared/data/postings-dev`` (2,779 postings): lines of ≥ 8 words flagged real
requirements repeated by several employers ("bachelor's degree in computer science or related
field", "3+ years experience in …"); at 15 words, 16 paragraphs in 13 postings are flagged, all
boilerplate but one, 17 mentions. Requiring two companies keeps a company's own repeated
requirements (the seeds: five postings of one employer) real. Deterministic: counts over the set of
postings given, no order dependence.
"""
from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import replace
from functools import lru_cache
from typing import Sequence

from skillgraph.model import Extraction

__all__ = ["MIN_COMPANIES", "MIN_POSTINGS", "MIN_WORDS", "boilerplate_paragraphs", "mark_boilerplate", "paragraphs"]

MIN_WORDS = 15
MIN_POSTINGS = 3
MIN_COMPANIES = 2

_NON_WORD = re.compile(r"\W+")
_LINE = re.compile(r"[^\n]+")


def _norm(p: str) -> str:
    return " ".join(_NON_WORD.sub(" ", p.lower()).split())


def _key_uncached(line: str) -> str | None:
    key = _norm(line)
    return key if key.count(" ") + 1 >= MIN_WORDS else None


_key = lru_cache(maxsize=1 << 15)(_key_uncached)
"""A line's key, once per distinct line (``line_cache`` in :mod:`skillgraph.speed`): what is
boilerplate repeats by definition."""
_KEY_CACHED = 4000      # longer lines (a flattened page) skip the cache


def paragraphs(text: str):
    """(start, end, normalised key) of every paragraph of MIN_WORDS words or more."""
    for m in _LINE.finditer(text):
        line = m.group()
        key = _key(line) if len(line) <= _KEY_CACHED else _key_uncached(line)
        if key is not None:
            yield m.start(), m.end(), key


def boilerplate_paragraphs(xs: Sequence[Extraction], found: Sequence[list] | None = None) -> dict[str, int]:
    """Normalised boilerplate paragraph → how many postings have it (``found[i]``: the paragraphs of
    ``xs[i]``, when already listed)."""
    posts: dict[str, set[str]] = defaultdict(set)
    companies: dict[str, set[str]] = defaultdict(set)
    for i, x in enumerate(xs):
        p = x.posting
        who = (p.company or "").strip().lower() or f"\0{p.id}\0{i}"
        for _, _, key in (paragraphs(p.text) if found is None else found[i]):
            posts[key].add(f"{p.id}\0{i}")
            companies[key].add(who)
    return {k: len(v) for k, v in posts.items()
            if len(v) >= MIN_POSTINGS and len(companies[k]) >= MIN_COMPANIES}


def mark_boilerplate(xs: Sequence[Extraction]) -> list[Extraction]:
    """``xs`` with the mentions that lie in a boilerplate paragraph marked ``boilerplate=True``."""
    found = [list(paragraphs(x.posting.text)) for x in xs]      # listed once, read twice
    common = boilerplate_paragraphs(xs, found)
    if not common:
        return list(xs)
    out = []
    for x, paras in zip(xs, found, strict=True):
        spans = [(s, e) for s, e, key in paras if key in common]
        if not spans or not x.mentions:
            out.append(x)
            continue
        ms = tuple(m._replace(boilerplate=True) if any(s <= m.start < e for s, e in spans) else m
                   for m in x.mentions)
        out.append(replace(x, mentions=ms))
    return out
