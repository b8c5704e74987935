"""List siblings: the unknown names in a list whose other items the dictionary linked to tools.

A stack line names its tools in a row: "Tech Stack: Python, PyTorch/Lightning, Databricks, MLflow, Ray,
Geospatial stack (GDAL, Rasterio, GeoPandas, STAC), PostgreSQL". The span model, trained on SkillSpan's
sentences, reads few such rows, so a name the ontology lacks there ("GDAL", "GeoPandas") was neither
linked nor a candidate, and ``skillgraph discover`` never showed it to a curator. Its siblings say what
it is: :func:`sibling_spans` makes each *name-like* item of such a list a span, which the hybrid pass
then scores like a model span (linked when a concept scores at ``--min-score``, else a candidate).

A list is one model piece (:func:`~skillgraph.extraction.spans.pieces`: a line, cut at bullets), split
into items at ``,`` ``;`` ``|`` brackets, an unspaced or spaced ``/``, " and ", " or ", " & "; what
comes before a colon is the list's own name ("Tech Stack:"), not an item. It counts when at least
:data:`MIN_TOOLS` of its items are dictionary hits of tool concepts (``sg:Tool``) and those are at least
:data:`MIN_SHARE` of its items. A *name-like* item has one to :data:`MAX_WORDS` words, each holding a
capital letter or a digit, or a dot, ``+`` or ``#`` inside a word ("llama.cpp"); it is not one common
word alone (:func:`~skillgraph.extraction.spans.is_generic`: "Communication", "Glue") or one word in
"-ing" ("Designing"), not an abbreviation ("e.g."), has two letters or more and no apostrophe ("8.x",
"We're AI-native"), and does not end in a role noun (:data:`~skillgraph.vocab.ROLE_NOUNS`: "Senior Data
Engineer" in a row of openings). Items the dictionary already covers are left to it.

These spans are candidates only (the extractor adds them to the spans it does not link): a bare name's
embedding is no evidence ("Sigma" scored *Lean* 0.78, "NVIDIA" *NVIDIA NIM* 0.76 on postings-dev), and
a name the linker does place ("Torch" → *PyTorch* 0.91) is shown to curators with that concept nearest.
"""
from __future__ import annotations

import re
from typing import Callable, Iterable, Sequence

from skillgraph.vocab import ROLE_NOUNS

from .spans import Span, is_generic, pieces

__all__ = ["MAX_WORDS", "MIN_SHARE", "MIN_TOOLS", "sibling_spans"]

MIN_TOOLS = 2
"""Tool hits a list needs before its unknown names count as tools too."""
MIN_SHARE = 0.4
"""The share of a list's items its tool hits must be at least."""
MAX_WORDS = 3
"""Words a name-like item has at most."""

_SEP = re.compile(r"\s*(?:[,;|()\[\]/]|\s(?:and|or|&)\s)\s*", re.I)
_CODE = re.compile(r"\w[.+#]\w|\w[+#]+$")
_LEAD = re.compile(r"(?:e\.g|i\.e|eg|ie|such as|including|like)[.,:]*\s+", re.I)
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
    return not (len(ws) == 1 and (is_generic(last) or last.endswith("ing")))


def _items(text: str, a: int, b: int) -> list[tuple[int, int]]:
    colon = text.rfind(": ", a, b)
    if colon >= 0:
        a = colon + 2
    out, pos = [], a
    for sep in [*_SEP.finditer(text, a, b), None]:
        s, e = pos, b if sep is None else sep.start()
        pos = b if sep is None else sep.end()
        while s < e and text[s] in _EDGE:
            s += 1
        lead = _LEAD.match(text, s, e)
        if lead:
            s = lead.end()
        while e > s and text[e - 1] in _EDGE:
            e -= 1
        if e > s:
            out.append((s, e))
    return out


def sibling_spans(text: str, hits: Sequence[tuple[int, int, Sequence[str]]], is_tool: Callable[[str], bool],
                  spans: Iterable[Span] = ()) -> list[Span]:
    """Spans for the name-like items no dictionary hit covers in the lists of ``text`` whose items are
    mostly tools (``hits``: the dictionary's ``(start, end, concept ids)``, sorted; ``is_tool``: whether a
    concept id is a tool), except those the model already found (``spans``: the model's own keep its
    rules). Sorted."""
    found = {(sp.start, sp.end) for sp in spans}
    tools = [(s, e) for s, e, ids in hits if any(map(is_tool, ids))]
    if len(tools) < MIN_TOOLS:
        return []
    covered = [(s, e) for s, e, _ in hits]
    out = []
    for a, b in pieces(text):
        if sum(1 for s, e in tools if a <= s and e <= b) < MIN_TOOLS:
            continue
        items = _items(text, a, b)
        hit = [any(s <= hs and he <= e for hs, he in tools) for s, e in items]
        if sum(hit) < MIN_TOOLS or sum(hit) < MIN_SHARE * len(items):
            continue
        for (s, e), h in zip(items, hit, strict=True):
            if (not h and (s, e) not in found and _name_like(text[s:e])
                    and not any(hs < e and s < he for hs, he in covered)):
                out.append(Span(s, e, "KNOWLEDGE"))
    return out
