"""List siblings: the unknown names in a list whose other items the dictionary linked to tools.

A stack line names its tools in a row: "Tech Stack: Python, PyTorch/Lightning, Databricks, MLflow, Ray,
Geospatial stack (GDAL, Rasterio, GeoPandas, STAC), PostgreSQL". The span model, trained on SkillSpan's
sentences, reads few such rows, so a name the ontology lacks there ("GDAL", "GeoPandas") was neither
linked nor a candidate, and ``skillgraph discover`` never showed it to a curator. Its siblings say what
it is: :func:`sibling_spans` makes each *name-like* item of such a list a span, which the hybrid pass
then scores like a model span (linked when a concept scores at ``--min-score``, else a candidate).

A list is one model piece (:func:`~skillgraph.extraction.spans.pieces`: a line, cut at bullets), split
into items at ``,`` ``;`` ``|`` brackets, a spaced ``/``, " and ", " or ", " & ", and an unspaced ``/``
between two names (:func:`~skillgraph.extraction.spans.slash_items`: "Python/Django", not "TCP/IP");
what comes before its first colon is the list's own name ("Tech Stack:"), not an item. It counts when
at least :data:`MIN_TOOLS` of its items hold a dictionary hit of a tool concept (``sg:Tool``) and
those are at least :data:`MIN_SHARE` of its items. A *name-like* item has one to :data:`MAX_WORDS`
words, each holding a capital letter or a digit, or a dot, ``+`` or ``#`` inside or ending a word
("llama.cpp", "F#"); it is not one common word alone (:func:`~skillgraph.extraction.spans.is_generic`:
"Communication", "Glue") or one word of seven letters or more in "-ing" ("Designing"; "Spring" is a
name), not an abbreviation ("e.g."), has two letters or more and no apostrophe ("8.x", "We're
AI-native"), and does not end in a role noun (:data:`~skillgraph.vocab.ROLE_NOUNS`: "Senior Data
Engineer" in a row of openings). Items a dictionary hit or a model span overlaps are left to them.

These spans are candidates only (the extractor adds them to the spans it does not link): a bare name's
embedding is no evidence ("Sigma" scored *Lean* 0.78, "NVIDIA" *NVIDIA NIM* 0.76 on postings-dev), and
a name the linker does place ("Torch" → *PyTorch* 0.91) is shown to curators with that concept nearest.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from itertools import accumulate
from typing import Callable, Iterable, Sequence

from skillgraph.vocab import ROLE_NOUNS

from .cues import EXAMPLE_LEAD
from .spans import Span, is_generic, pieces, slash_items

__all__ = ["MAX_WORDS", "MIN_SHARE", "MIN_TOOLS", "sibling_spans"]

MIN_TOOLS = 2
"""Tool hits a list needs before its unknown names count as tools too."""
MIN_SHARE = 0.4
"""The share of a list's items its tool hits must be at least."""
MAX_WORDS = 3
"""Words a name-like item has at most."""

_SEP = re.compile(r"\s*(?:[,;|()\[\]]|\s/|/\s|\s(?:and|or|&)\s)\s*", re.I)   # an unspaced "/": slash_items
_CODE = re.compile(r"\w[.+#]\w|\w[+#]+$")
_LEAD = re.compile(EXAMPLE_LEAD + r"\s+", re.I)
_ABBREVIATIONS = frozenset({"e.g", "i.e", "etc", "vs", "cf"})
_EDGE = " \t.:!?*\"'`\u2018\u2019\u201c\u201d-\u2013\u2014"


def _name_like(item: str) -> bool:
    ws = item.split()
    if (not 1 <= len(ws) <= MAX_WORDS or ":" in item or "'" in item or "\u2019" in item
            or sum(c.isalpha() for c in item) < 2 or item.lower().rstrip(".") in _ABBREVIATIONS):
        return False                # "8.x", "We're AI-native"
    if not all(any(c.isupper() or c.isdigit() for c in w) or _CODE.search(w) for w in ws):
        return False
    last = ws[-1].lower()
    if last in ROLE_NOUNS or last.rstrip("s") in ROLE_NOUNS:
        return False                # "Senior Data Engineer": a role in a row of openings
    # a common word, or a long one in -ing ("Designing"; "Spring", "Kling" are names)
    return not (len(ws) == 1 and (is_generic(last) or (len(last) >= 7 and last.endswith("ing"))))


def _trim(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and text[s] in _EDGE:
        s += 1
    lead = _LEAD.match(text, s, e)
    if lead:                        # "e.g. Dagster"
        s = lead.end()
        while s < e and text[s] in _EDGE:
            s += 1
    while e > s and text[e - 1] in _EDGE:
        e -= 1
    return s, e


def _items(text: str, a: int, b: int) -> list[tuple[int, int]]:
    colon = text.find(": ", a, b)
    if colon >= 0:
        a = colon + 2
    out, pos = [], a
    for sep in [*_SEP.finditer(text, a, b), None]:
        s, e = pos, b if sep is None else sep.start()
        pos = b if sep is None else sep.end()
        for ps, pe in slash_items(text[s:e]):
            ts, te = _trim(text, s + ps, s + pe)
            if te > ts:
                out.append((ts, te))
    return out


def _inside(starts: list[int], spans: list[tuple[int, int]], s: int, e: int) -> int:
    """How many of ``spans`` (sorted, with their ``starts``) lie within ``[s, e)``."""
    i, n = bisect_left(starts, s), 0
    while i < len(spans) and spans[i][0] < e:
        n += spans[i][1] <= e
        i += 1
    return n


def _overlap_test(spans: Iterable[tuple[int, int]]) -> Callable[[int, int], bool]:
    """A test of whether one of ``spans`` (any order, may overlap each other) overlaps ``[s, e)``."""
    spans = sorted(spans)
    starts = [s for s, _ in spans]
    reach = list(accumulate((e for _, e in spans), max))     # the furthest end among the spans so far

    def overlaps(s: int, e: int) -> bool:
        i = bisect_left(starts, e)
        return i > 0 and reach[i - 1] > s
    return overlaps


def sibling_spans(text: str, hits: Sequence[tuple[int, int, Sequence[str]]], is_tool: Callable[[str], bool],
                  spans: Iterable[Span] = ()) -> list[Span]:
    """Spans for the name-like items no dictionary hit covers in the lists of ``text`` whose items are
    mostly tools (``hits``: the dictionary's ``(start, end, concept ids)``, sorted, not overlapping;
    ``is_tool``: whether a concept id is a tool), except where the model found a span (``spans``: the
    model's own keep its rules). Sorted. Linear in the text and hits (bisect, no pair loops)."""
    tools = [(s, e) for s, e, ids in hits if any(map(is_tool, ids))]
    if len(tools) < MIN_TOOLS:
        return []
    tool_starts = [s for s, _ in tools]
    covered = _overlap_test((s, e) for s, e, _ in hits)
    modelled = _overlap_test((sp.start, sp.end) for sp in spans)   # the model read this stretch itself
    out = []
    for a, b in pieces(text):
        if _inside(tool_starts, tools, a, b) < MIN_TOOLS:
            continue
        items = _items(text, a, b)
        hit = [_inside(tool_starts, tools, s, e) > 0 for s, e in items]
        if sum(hit) < MIN_TOOLS or sum(hit) < MIN_SHARE * len(items):
            continue
        out.extend(Span(s, e, "KNOWLEDGE") for (s, e), h in zip(items, hit, strict=True)
                   if not h and _name_like(text[s:e]) and not covered(s, e) and not modelled(s, e))
    return out
