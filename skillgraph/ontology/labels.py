"""The one place for label normalisation and concept id compaction.

Labels are indexed (and posting text is matched) under :func:`norm_label`. Concept ids are compact
where we know the namespace: ``skill:<slug>`` for ours, ``esco:<uuid>`` for ESCO skills; any other
concept keeps its full IRI as id (:func:`compact`, :func:`expand`).
"""
from __future__ import annotations

import re

from skillgraph.vocab import ESCO_SKILL, SKILL

__all__ = ["PREFIXES", "compact", "expand", "norm_label"]

PREFIXES = {"skill": SKILL.iri, "esco": ESCO_SKILL.iri}
"""Prefix → namespace of the compact concept ids."""

_HYPHENS = str.maketrans({c: " " for c in "-\u2010\u2011\u2012\u2013\u2014\u2015_"})
_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'"})
_WS = re.compile(r"\s+")


def norm_label(s: str) -> str:
    """The key labels are indexed under: lower case, hyphens/dashes as spaces, single spaces.

    The same folding is applied to posting text (character for character, so offsets survive).
    """
    return _WS.sub(" ", s.translate(_HYPHENS).translate(_QUOTES).lower()).strip()


def compact(iri: str) -> str:
    """``skill:<slug>`` / ``esco:<uuid>`` for an IRI in one of :data:`PREFIXES`, else the IRI itself."""
    for p, ns in PREFIXES.items():
        if iri.startswith(ns) and "/" not in iri[len(ns):]:
            return f"{p}:{iri[len(ns):]}"
    return iri


def expand(cid: str) -> str:
    """The full IRI of a compact id (the inverse of :func:`compact`); other strings unchanged."""
    p, _, rest = cid.partition(":")
    return PREFIXES[p] + rest if p in PREFIXES and rest and not rest.startswith("//") else cid
