"""The evidence sentence of a mention, capped: at most :data:`SENTENCE_CAP` characters around it.

A line with no sentence break is one "sentence"; repeating it for every mention made output
quadratic in the line (16 KB in, 16 MB out). :func:`window` keeps the whole sentence when it is
short enough (every sentence of the seeds is) and otherwise a window of the sentence around the
mention, cut at blanks, so output stays linear in input. The offsets are kept with the text
(``Mention.sentence_start``/``sentence_end``): ``text[sentence_start:sentence_end] == sentence``.
"""
from __future__ import annotations

import re

__all__ = ["SENTENCE_CAP", "window"]

SENTENCE_CAP = 300
_BLANK = re.compile(r"\s+")


def window(text: str, ss: int, se: int, s: int, e: int, cap: int = SENTENCE_CAP) -> tuple[int, int]:
    """(start, end) of the evidence for the mention text[s:e] in the sentence text[ss:se]: the
    sentence itself when it has at most ``cap`` characters, else at most ``cap`` characters of it
    (or the mention, if longer) centred on the mention, starting and ending at word boundaries."""
    if se - ss <= cap:
        return ss, se
    s, e = min(max(s, ss), se), min(max(e, ss), se)    # the mention, inside the sentence
    width = max(cap, e - s)
    a = max(ss, min(s - (width - (e - s)) // 2, se - width))
    b = min(se, a + width)
    if a > ss and not text[a - 1].isspace():           # do not start inside a word
        m = _BLANK.search(text, a, s)
        a = m.end() if m else a
    if b < se and not text[b].isspace():               # do not end inside a word
        k = b - 1
        while k >= e and not text[k].isspace():
            k -= 1
        b = k if k >= e else b
    while a < s and text[a].isspace():
        a += 1
    while b > e and text[b - 1].isspace():
        b -= 1
    return a, b
