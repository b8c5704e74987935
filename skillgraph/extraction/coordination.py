"""Shared words of a coordination: the labels a list writes once for two phrases.

- A shared head: "multimodal / embedding models" names *multimodal models* too, so the modifier before
  the separator ("multimodal") links to the label made of it and the hit's head (:func:`expand`).
- A shared modifier: "machine learning models and pipelines" names *machine learning pipelines* too, so
  the word after the separator ("pipelines") links to the label made of the hit's modifier and it, when
  the word ends its phrase: "data modelling and pipeline design" names no *data pipelines*. The hit may
  be the modifier whole, of a head written once ("machine learning models and pipelines") or none
  ("PyTorch/Lightning" is *PyTorch Lightning*).

Either way the new mention is the one word the writer left the shared part off, and only a label of
the ontology (a key of the matcher's table) makes one: "statistical and machine learning techniques"
shares "techniques", not "learning" (:data:`_HEAD_AFTER`).
"""
from __future__ import annotations

import re

from .context import FUNCTION_WORDS

_TALK = frozenset("skills experience expertise knowledge capabilities practices".split())
"""Nouns after a skill that talk about it ("data visualisation and reporting skills"): the word before them
still ends the skill's phrase, where any other word would make it a modifier ("… and pipeline design")."""

__all__ = ["expand"]

_BEFORE = re.compile(r"(?:^|[\s,(])([a-z][a-z0-9]+)[ \t]*(?:/|,|\band\b|\bor\b|&)[ \t]*(?:or[ \t]+|and[ \t]+)?\Z")
_OBJECT_LEAD = frozenset(
    "the a an our your their its this these those own strong solid deep proven good great excellent".split())
"""Function words that start a verb's object: a word before them is a verb, no end of a phrase ("assess the
database and design an analytics architecture" names no *database design*)."""
_ENDS = "|".join(map(re.escape, sorted((FUNCTION_WORDS - _OBJECT_LEAD) | _TALK)))
_AFTER = re.compile(r"(?: ([a-z][a-z0-9]+))?[ \t]*(?:/|,|&|\band\b|\bor\b)[ \t]*(?:or[ \t]+|and[ \t]+)?([a-z][a-z0-9]+)"
                    r"(?![^\W_])(?=[ \t]*(?:[^\w\s+#@-]|\n|\Z)|[ \t]+(?:%s)\b)" % _ENDS)
_HEAD_AFTER = re.compile(r" (?:techniques|methods|methodologies|approaches|algorithms)\b")
"""A noun after the hit that is the coordination's real head: in "statistical and machine learning techniques"
the shared word is "techniques", not "learning" (no *statistical learning*). Not "skills", "models",
"systems": "analytical and critical-thinking skills", "image and video generation models" share the label's
own head."""


def expand(table, concept, f: str, chosen: list, taken: bytearray) -> list:
    """``chosen`` (sorted ``(start, end, concept ids)`` hits in the folded text ``f``) with the words
    that share a hit's head or modifier added; ``taken`` marks the characters hits hold and is updated.
    ``table`` maps a folded label key to its entries, ``concept(entries)`` their case-insensitive
    concept ids."""
    extra = []
    for s, e, _ids in chosen:            # shared heads first: "stakeholder management, communication, and
        key = f[s:e]                     # influencing skills" is *communication skills*, no *stakeholder
        if " " not in key:               # communication*
            continue
        before = f[max(0, s - 6):s].rstrip()
        if before and (before[-1] in "/,&" or before.endswith((" and", " or"))) and not _HEAD_AFTER.match(f, e):
            m = _BEFORE.search(f, max(0, s - 40), s)
            if m:
                words = key.split(" ")
                _add(table, concept, m, (" ".join(words[cut:]) for cut in range(1, len(words))), taken, extra,
                     head=True)
    for s, e, _ids in chosen:
        nxt = f[e:e + 24]       # a separator within a word's reach, or no regex: 2x cheaper on 2,000 postings
        if not ("," in nxt or "/" in nxt or "&" in nxt or " and " in nxt or " or " in nxt):
            continue
        key = f[s:e]
        words = key.split(" ")
        m = _AFTER.match(f, e)
        if not m:
            continue
        if m.group(1) is None and len(words) > 1:   # "data governance and quality": the hit's words but
            if m.group(2) != words[-1]:   # its head (all of them: "azure data platform and pipelines" is
                _add(table, concept, m, (" ".join(words[:-1]),), taken, extra)   # no *Azure Pipelines*)
        elif m.group(1) not in FUNCTION_WORDS and (m.group(1) is None or taken.find(1, m.start(1), m.end(1)) == -1):
            _add(table, concept, m, (key,), taken, extra)   # the whole hit modifies the next word: "machine
                                                            # learning models and pipelines", "PyTorch/Lightning"
    return sorted(chosen + extra) if extra else chosen


def _add(table, concept, m, parts, taken, extra, head=False) -> None:
    """The first label made of the match's last group (a word) and one of ``parts`` (before it, or after
    it with ``head``) becomes a hit on the word, if the word is free."""
    g = m.lastindex
    a_s, a_e = m.start(g), m.end(g)
    if taken.find(1, a_s, a_e) != -1:
        return
    w = m.group(g)
    for part in parts:
        hit = table.get(w + " " + part if head else part + " " + w)
        if hit:
            concepts = concept(hit)
            if concepts:
                extra.append((a_s, a_e, concepts))
                taken[a_s:a_e] = b"\x01" * (a_e - a_s)
            return
