"""Folding and label variants: how text and labels are made comparable.

Folding keeps one character for one character, so an offset in the folded text is an offset in the
original (``text[start:end] == surface`` always holds). Variants are the surface forms extraction
links for a label: regular plurals ("LLM" → "LLMs"), singulars of multi-word plurals, the closed
form of hyphenated labels ("fine-tuning" → "finetuning").
"""
from __future__ import annotations

import re

__all__ = ["FOLD_PAIRS", "HYPHEN_CHARS", "case_fold", "fold", "spells", "variants"]

_FOLD = str.maketrans({**{c: " " for c in "-\u2010\u2011\u2012\u2013\u2014\u2015_"},
                       "\u2019": "'", "\u2018": "'", "\u00a0": " "})
HYPHEN_CHARS = set("-\u2010\u2011\u2012\u2013")
"""The characters that join the words of one hyphenated word ("cutting-edge"); not the em dash and the
horizontal bar, which stand between phrases even unspaced ("Modern tech stack\u2014React, Node.js")."""

FOLD_PAIRS = [(k if isinstance(k, str) else chr(k), v) for k, v in _FOLD.items()]
"""(character, replacement) pairs of the fold: hyphens, dashes and underscore as spaces, curly quotes
straight, no-break space as a space."""


def fold(text: str) -> str:
    """Lower-case, hyphens as spaces, one character for one character."""
    low = text.lower()
    if len(low) != len(text):  # a few characters lower-case to two ("İ"): keep them as they are
        low = "".join(ch if len(ch.lower()) != 1 else ch.lower() for ch in text)
    for a, b in FOLD_PAIRS:  # str.replace is much faster than translate on long texts
        if a in low:
            low = low.replace(a, b)
    return low


def case_fold(text: str) -> str:
    """Hyphens/dashes as spaces and straight quotes, case kept (for exact-case labels)."""
    for a, b in FOLD_PAIRS:
        if a in text:
            text = text.replace(a, b)
    return text


_SPELL_WORD = re.compile(r"[A-Za-z][\w-]*")
_SPELL_MINOR = frozenset({"of", "and", "for", "the", "in", "to", "on", "a", "an"})


def spells(acronym: str, words: str) -> bool:
    """Whether ``words`` spell out ``acronym``: the initials of its words (not "of", "and", "the" …) are
    the acronym's capitals, two or more ("FPS" / "Flexible Pipe Systems", "ETL" / "Extract, Transform,
    Load"; not "Data" / "Platform")."""
    caps = "".join(c for c in acronym if c.isupper())
    return len(caps) >= 2 and caps == "".join(w[0] for w in _SPELL_WORD.findall(words)
                                              if w.lower() not in _SPELL_MINOR).upper()


def _plural(word: str) -> list[str]:
    if not word or not word[-1].isalpha():
        return []
    lw = word.lower()
    if lw.endswith(("s", "x", "z", "ch", "sh")):
        return [word + "es"] if not lw.endswith("s") else []
    if lw.endswith("y") and len(lw) > 2 and lw[-2] not in "aeiou":
        return [word[:-1] + "ies", word + "s"]
    return [word + "s"]


def variants(label: str, exact: bool) -> set[str]:
    """The surface forms extraction links for one label (before folding)."""
    base = " ".join(label.split())
    out = {base}
    if exact:
        return out
    words = base.split(" ")
    last = words[-1]
    for p in _plural(last):
        out.add(" ".join(words[:-1] + [p]))
    if len(words) > 1 and last.lower().endswith("s") and not last.lower().endswith(("ss", "us", "is")):
        stem = last[:-3] + "y" if last.lower().endswith("ies") else last[:-1]
        if len(stem) > 2:
            out.add(" ".join(words[:-1] + [stem]))
    if "-" in base:
        parts = base.split("-")
        if all(len(p) >= 2 for p in parts) and len(parts) == 2 and " " not in parts[0][-3:]:
            closed = base.replace("-", "")
            out.add(closed)
            out.update(" ".join(closed.split(" ")[:-1] + [p]) for p in _plural(closed.split(" ")[-1]))
    return out
