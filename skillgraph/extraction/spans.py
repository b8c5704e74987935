"""The trained skill-span model: posting text → skill/knowledge spans, cleaned for real posting text.

The model is a from-scratch spaCy CNN NER (``tok2vec`` + ``ner``, labels SKILL and KNOWLEDGE) trained on
SkillSpan train and selected on dev (``training/spans/``). It ships as package data in
``skillgraph/extraction/models/spans/`` and is loaded on first use (:func:`load_model`, cached), offline:
``spacy.load`` of a folder never downloads.

SkillSpan is tokenised single sentences; postings are not. So the model never sees more than one
*piece* of a posting (:func:`pieces`): a line, with its bullet marker cut off, and a line holding
inline bullets ("Python • Spark • SQL") is cut at each bullet. No span can cross a line break or a
bullet. Its spans are then cleaned (:func:`clean_spans`):

- list items are split: a span holding ``,`` ``;`` ``|`` or a spaced ``/`` between words becomes one span per item;
- spans are trimmed of punctuation, quotes and brackets at either end, of a leading or trailing
  function word ("and", "the", "of") or spaced "+", "&", arrow ("React +"), and of a bracket they do
  not close and what follows it ("Vetting (DV" -> "Vetting") or one they did not open and what precedes it;
- a bare generic word is dropped: a one-word span whose word is common English (Zipf frequency ≥
  :data:`GENERIC_ZIPF` in wordfreq's English list: "training" 5.2, "Excitement" 4.2, while "PyTorch" 0,
  "SQL" 3.4), unless SkillSpan's annotators mark that word as a skill on its own in at least 30 % of its
  occurrences in train ("English", "Java", "motivated": ``standalone.json``, made by
  ``training/spans/standalone.py``). A generic word that *is* a concept's label is still linked by the
  dictionary pass: the model alone never turns a common word into a skill.
"""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Iterable, NamedTuple, Sequence

from .inline import glued_boundaries

__all__ = ["GENERIC_ZIPF", "Span", "clean_spans", "find_spans", "is_generic", "load_model", "model_dir", "pieces",
           "slash_items"]

GENERIC_ZIPF = 4.0
"""A one-word span at or above this Zipf frequency (occurrences per billion words, log10) is generic."""

_BULLET_START = re.compile(
    r"^\s*(?:[-*+\u2022\u25cf\u25aa\u25e6\u2023\u2043\u00b7\u2013\u2014>]|\d{1,2}[.)]|[a-z][.)])\s+")
_INLINE_BULLET = re.compile(r"\s*[\u2022\u25cf\u25aa\u25e6\u2023\u2043\u00b7|]\s*|\s+[-\u2013\u2014*]\s+")
_LIST_SEP = re.compile(r"\s*[,;|]\s*|\s+/\s+")
_EDGE_PUNCT = " \t\"'`()[]{}<>.,;:!?*/\u2022\u00b7-\u2013\u2014\u201c\u201d\u2018\u2019"
_FUNCTION = frozenset(
    "a an the and or of for to in on at by with as from your our their its this that these those such "
    "including include includes e.g. i.e. etc etc. like and/or".split())

_WORD = re.compile(r"\w", re.U)
_PAIRS = {")": "(", "]": "[", "}": "{"}


class Span(NamedTuple):
    """A model span: ``text[start:end]``, the model's label (SKILL or KNOWLEDGE)."""

    start: int
    end: int
    label: str


def model_dir() -> Path:
    """The folder of the shipped span model (package data)."""
    return Path(__file__).resolve().parent / "models" / "spans"


@lru_cache(maxsize=4)
def load_model(path: str | None = None):
    """The span pipeline (``spacy.load``, cached per path; the shipped model by default). Imports spaCy."""
    import spacy

    from skillgraph.errors import SkillGraphError

    where = Path(path) if path else model_dir()
    if not (where / "config.cfg").is_file():
        raise SkillGraphError(f"{where}: no span model there — reinstall skillgraph or pass a trained model folder")
    from skillgraph.speed import gc_kept, model_ops

    with gc_kept(), model_ops():     # spacy.load switches the collector on; numpy's matmul (speed.numpy_gemm)
        return spacy.load(where)


def pieces(text: str) -> list[tuple[int, int]]:
    """The stretches of ``text`` the model reads: each line without its bullet marker, cut at inline
    bullets and at glued boundaries (:func:`~skillgraph.extraction.inline.glued_boundaries`: "data
    pipelinesExperience with Python" is two pieces); stripped, never empty, never holding a line break
    or a bullet. Offsets into ``text``."""
    out = []
    pos = 0
    for line in text.splitlines(keepends=True):
        start, end = pos, pos + len(line.rstrip("\r\n\u2028\u2029\x0b\x0c\x1c\x1d\x1e\x85"))
        pos += len(line)
        m = _BULLET_START.match(text, start, end)
        if m:
            start = m.end()
        a = start
        for sep in _INLINE_BULLET.finditer(text, start, end):
            _add_glued(text, a, sep.start(), out)
            a = sep.end()
        _add_glued(text, a, end, out)
    return out


def _add_glued(text: str, a: int, b: int, out: list) -> None:
    """``text[a:b]`` as pieces, cut where a flattened page glued one item or sentence to the next
    ("data pipelinesExperience with Python", "roles.Proven experience"): no span runs across."""
    for cut in [a + c for c in glued_boundaries(text[a:b])]:
        _add(text, a, cut, out)
        a = cut
    _add(text, a, b, out)


def _add(text: str, a: int, b: int, out: list) -> None:
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    if b > a and _WORD.search(text, a, b):
        out.append((a, b))


@lru_cache(maxsize=1)
def _standalone() -> frozenset[str]:
    import json

    return frozenset(json.loads((model_dir() / "standalone.json").read_text(encoding="utf-8"))["words"])


@lru_cache(maxsize=65536)
def is_generic(word: str) -> bool:
    """True for an alphabetic common English word (wordfreq Zipf ≥ :data:`GENERIC_ZIPF`) that SkillSpan's
    annotators seldom mark as a skill on its own (not in ``standalone.json``, which
    ``training/spans/standalone.py`` derives from SkillSpan train)."""
    from wordfreq import zipf_frequency

    w = word.lower()
    if not w.isalpha() or w in _standalone():
        return False
    return zipf_frequency(w, "en", wordlist="small") >= GENERIC_ZIPF


def _edge_word(w: str) -> bool:
    """A word a span neither starts nor ends with: a function word, or one without a letter or digit (a
    spaced "+", "&" or arrow between items: "React + Node.js" read as "React +")."""
    return w.lower() in _FUNCTION or not _WORD.search(w)


def _content(text: str, a: int, b: int) -> bool:
    """Whether ``text[a:b]`` holds a word that is no edge word ("and", "including", "+")."""
    return not all(map(_edge_word, text[a:b].split()))


def _pairs(text: str, s: int, e: int) -> tuple[dict[int, int], int, int]:
    """The brackets of ``text[s:e]``: (opener -> its closer, where the span starts, where it ends). A
    bracket the span closes but did not open cuts off what precedes it, one it opens but does not close
    what follows it, unless that leaves no content word (:func:`_content`): then the other side goes."""
    pairs: dict[int, int] = {}
    opened: list[int] = []
    start = s
    for i in range(s, e):
        ch = text[i]
        if ch in "([{":
            opened.append(i)
        elif ch in _PAIRS:
            if opened and text[opened[-1]] == _PAIRS[ch]:
                pairs[opened.pop()] = i
            elif _content(text, i + 1, e):
                start, opened = i + 1, []
            else:
                return pairs, start, i            # "Python) and": nothing after it, the text before stays
    if opened and not _content(text, start, opened[0]):
        return pairs, opened[0] + 1, e            # "and (SQL": nothing before it, only the bracket goes
    return pairs, start, (opened[0] if opened else e)


_BRACKET = re.compile(r"[()\[\]{}]")
_BRACKET_REACH = 200
"""The longest span (characters) whose brackets are paired up (:func:`_pairs`)."""
_NONSPACE = re.compile(r"\S+")


def _trim(text: str, s: int, e: int) -> tuple[int, int]:
    """``text[s:e]`` trimmed (see the module's doc). A bracket pair around the whole span goes ("(KPIs)");
    a pair inside it stays ("AWS (S3 and Lambda)"); an unpaired bracket goes with what it cuts off: the
    text after an unclosed one ("Vetting (DV" -> "Vetting"), before an unopened one. Each round takes
    off every layer it can, so a span of many edge words is read in a few passes."""
    # trimming never adds a bracket; a span longer than _BRACKET_REACH (no skill is) keeps its brackets, so
    # a pathological line ("and ( " x 4,000) costs linear time, not a bracket scan per layer
    brackets = e - s <= _BRACKET_REACH and _BRACKET.search(text, s, e) is not None
    while True:
        pairs: dict[int, int] = {}
        if brackets:
            pairs, a, b = _pairs(text, s, e)
            if (a, b) != (s, e):
                s, e = a, b
                continue
            while s < e and pairs.get(s) == e - 1:       # "((x))": every wrapping pair at once
                s, e = s + 1, e - 1
        a, b = s, e
        while s < e and text[s] in _EDGE_PUNCT and s not in pairs:
            s += 1
        while e > s and text[e - 1] in _EDGE_PUNCT and not (brackets and text[e - 1] in _PAIRS):
            e -= 1
        words = [(m.start(), m.end()) for m in _NONSPACE.finditer(text, s, e)]
        lo, hi = 0, len(words)
        while hi - lo > 1 and _edge_word(text[words[lo][0]:words[lo][1]]):
            lo += 1
        while hi - lo > 1 and _edge_word(text[words[hi - 1][0]:words[hi - 1][1]]):
            hi -= 1
        if words and (lo, hi) != (0, len(words)):
            s, e = words[lo][0], words[hi - 1][1]
        if (s, e) == (a, b):
            return s, e


_SLASH = re.compile(r"(?<=[^\W_]{3})/(?=[^\W_]{3})")
_RUN = re.compile(r"[^\W_]+")


def slash_items(text: str) -> list[tuple[int, int]]:
    """The items of ``text`` as ``(start, end)`` in it: cut at each unspaced ``/`` between two runs of
    at least three letters or digits, each holding a letter and neither a common word (:func:`is_generic`).
    "EDI X12/FHIR/HL7" is three skills, while "CI/CD", "TCP/IP", "C/C++", "2023/2024" and
    "PyTorch/Lightning" stay whole. (The span model keeps such a token whole, as SkillSpan's annotators
    do, so discover and the list siblings cut it, not :func:`clean_spans`.)"""
    out, a = [], 0
    for m in _SLASH.finditer(text):
        left, right = _RUN.findall(text, 0, m.start())[-1], _RUN.match(text, m.end()).group()
        if (any(map(str.isalpha, left)) and any(map(str.isalpha, right))
                and not (is_generic(left) or is_generic(right))):
            out.append((a, m.start()))
            a = m.end()
    out.append((a, len(text)))
    return out


def clean_spans(text: str, spans: Iterable[Span]) -> list[Span]:
    """Split list items, trim edges and drop bare generic words (see the module's doc). Sorted, unique."""
    out = set()
    for sp in spans:
        a = sp.start
        for sep in [*_LIST_SEP.finditer(text, sp.start, sp.end), None]:
            b = sp.end if sep is None else sep.start()
            if sep is not None and not (_WORD.search(text, a, b) and _WORD.search(text, sep.end(), sp.end)):
                continue   # "C/C++" at an edge, ", and": not a list separator
            s, e = _trim(text, a, b)
            a = b if sep is None else sep.end()
            if e <= s or not _WORD.search(text, s, e):
                continue
            words = text[s:e].split()
            if len(words) == 1 and (words[0].lower() in _FUNCTION or is_generic(words[0].lower())):
                continue
            out.add(Span(s, e, sp.label))
    return sorted(out)


def find_spans(texts: Sequence[str], *, model: str | None = None, batch_size: int = 256) -> list[list[Span]]:
    """The cleaned spans of each text (offsets into it): the model runs over every :func:`pieces` piece of
    every text, in batches; a piece repeated (within or across texts) is read once
    (``piece_cache`` in :mod:`skillgraph.speed`)."""
    from skillgraph.speed import distinct, on, one_blas_thread

    nlp = load_model(model)
    where = [(i, a, b) for i, t in enumerate(texts) for a, b in pieces(t)]
    chunks = [texts[i][a:b] for i, a, b in where]
    todo, slot = distinct(chunks) if on("piece_cache") else (chunks, range(len(chunks)))
    with one_blas_thread():
        found = [[(e.start_char, e.end_char, e.label_) for e in doc.ents]
                 for doc in nlp.pipe(todo, batch_size=batch_size)]
    raw: list[list[Span]] = [[] for _ in texts]
    for (i, a, _), k in zip(where, slot, strict=True):
        raw[i].extend(Span(a + s, a + e, label) for s, e, label in found[k])
    return [clean_spans(t, r) for t, r in zip(texts, raw, strict=True)]
