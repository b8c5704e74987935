"""The hybrid pass: the span model's spans that the dictionary did not link, linked with scores.

For one posting, given the dictionary's hits and the span model's cleaned spans
(:func:`~skillgraph.extraction.spans.find_spans`):

- a model span that overlaps a dictionary hit is left out: the dictionary's link and evidence win;
- every other span is ranked by the scored linker (:class:`~skillgraph.extraction.link.Linker`); its
  best concept becomes a mention (``how="model+lexical"``, ``score`` the linker's) when the score is at
  least ``min_score``, else the span is a *candidate*: kept with its sentence and its nearest concepts
  (what ``skillgraph discover`` aggregates for curators).

Dictionary mentions get ``how="label"`` when the text is one of the concept's labels (case and spacing
aside) and ``score`` 1.0, ``how="variant"`` (a plural, a hyphen form, a coordination) and ``score``
:data:`VARIANT_SCORE` otherwise.
"""
from __future__ import annotations

from bisect import bisect_left
from typing import Sequence

from skillgraph.ontology import Ontology, norm_label

from .link import Linker
from .spans import Span

__all__ = ["LINKERS", "MIN_SCORE", "NEAREST", "VARIANT_SCORE", "dictionary_how", "model_links"]

LINKERS = ("exact", "hybrid")
"""``exact``: the dictionary alone (fastest); ``hybrid``: plus the span model and the scored linker."""
MIN_SCORE = 0.75
"""The default ``--min-score``: a model span links when its best concept scores at least this."""
NEAREST = 3
"""Nearest concepts kept on a candidate."""
VARIANT_SCORE = 0.95


def dictionary_how(ontology: Ontology, cid: str, surface: str, cache: dict) -> tuple[float, str]:
    """(score, how) of a dictionary mention: ``(1.0, "label")`` or ``(VARIANT_SCORE, "variant")``."""
    key = (cid, surface)
    got = cache.get(key)
    if got is None:
        c = ontology.concepts[cid]
        n = norm_label(surface)
        exact = any(norm_label(lab) == n for lab in (c.label, *c.alt_labels, *c.hidden_labels))
        got = cache[key] = (1.0, "label") if exact else (VARIANT_SCORE, "variant")
    return got


def model_links(text: str, spans: Sequence[Span], hits: Sequence[tuple[int, int]], linker: Linker,
                min_score: float):
    """([(concept, start, end, score)], [(start, end, score, nearest links)]) for the model spans of one
    posting that overlap none of the dictionary ``hits`` (sorted ``(start, end)``)."""
    starts = [s for s, _ in hits]
    mentions, candidates = [], []
    for sp in spans:
        k = bisect_left(starts, sp.end)          # hits starting before the span ends
        if any(e > sp.start for _, e in hits[max(0, k - 8):k]):
            continue
        links = linker.rank(text[sp.start:sp.end], k=NEAREST)
        if links and links[0].score >= min_score:
            mentions.append((links[0].concept, sp.start, sp.end, links[0].score))
        else:
            candidates.append((sp.start, sp.end, links[0].score if links else 0.0, tuple(links)))
    return mentions, candidates
