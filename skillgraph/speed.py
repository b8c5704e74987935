"""The one place for speed tricks: what each buys was measured (``benchmarks/``), and the code that
uses one says so by importing it from here.

- :func:`paused_gc` — the cyclic garbage collector off for the length of one bulk step. Extraction and
  graph building allocate millions of small objects and make no reference cycles, so the collector
  would only rescan the ontology and the results again and again: −30 % extraction time with ESCO
  loaded (``bench_extract.py``); the graph build holds millions of small dicts the collector would
  rescan the same way (``bench_graph.py``). It is a
  context manager that restores the previous state, and nesting is safe, so library functions that
  use it leave the process as they found it.
- :func:`shared_keys` — dict templates whose copies share one key table (CPython's split dicts):
  144 instead of 272 bytes for an evidence dict, which matters for millions of them (``bench_graph.py``).
- :func:`intern` — equal strings as one object (concept ids, sections, levels, titles).
- :func:`alternation` — one cached ``(?P<name>…)|…`` regex over only the alternatives that can match a
  given text (the caller checks a literal each needs: ``@`` for an e-mail, ``:/`` for a URL). An
  alternative that opens with a look-behind is tried at every position of the text, so each one left
  out saves a full scan: :func:`~skillgraph.extraction.notskills.non_text_spans` on 400 bench postings
  0.47 → 0.03 s, the exact pass 0.33× → 0.72× spaCy's tokenizer (``bench_extract.py``); the answer is the full
  alternation's (a property test compares them).

The exact pass's (issue 9; per-component figures are ms per ``bench_extract.py`` posting of 3.3 kB,
measured by timing each function inside the run; every one leaves every output byte-identical, which
the seeds' build, ``skillgraph extract`` on 300 postings-dev postings and ``training/levels/measure.py``
confirm):

- ``line_cache`` — each distinct line read once: its sentences and their levels
  (:func:`~skillgraph.extraction.segmentation.line_segments`, keyed by the line, its heading's section
  and level, whether that heading settles it and the level-model switch) and what the line alone says
  of being a heading (:func:`~skillgraph.extraction.segmentation.line_shape`); both lru caches, lines
  over 4000 characters not cached. Splitting and levels 0.205 → 0.035, headings 0.06 → 0.036. The
  bench corpus repeats SkillSpan's sentences and real postings their boilerplate (24 % of
  postings-dev's lines), so the bench's no-cache rows bypass both: there every line is new.
- Boilerplate marks (:mod:`skillgraph.extraction.boilerplate`): each posting's paragraphs listed once
  (they were normalised twice, to count and to mark) and each distinct line's key cached (``line_cache``):
  0.42–0.49 → 0.16 on the CLI path.
- ``degree_cache`` — each distinct degree sentence's levels and fields
  (:mod:`skillgraph.ingest.metadata.degrees`): ``find_degrees`` 0.050 → 0.038.
- ``language_lines`` — py3langid walks its DFA over every byte in Python; its walk is deterministic, so
  each (state, line) is walked once and the features replayed in order, the same bits
  (:mod:`skillgraph.ingest.language`), and the letters are counted only until there are 20: the
  language check 1.49 → 1.00 (bench JSONL, first pass), 0.83–0.96 → 0.82 on postings-dev.
- Cheap tests before costly scans: the path pattern of
  :func:`~skillgraph.extraction.notskills.non_text_spans` runs only where a "/x/" stands where a path
  may start (not "CI/CD/ML", a fifth of the bench postings), ``www.`` ignoring case only after four
  ``in`` tests: 0.072 → 0.027. Sentence ends of :mod:`~skillgraph.extraction.context` from the stops
  already found (one regex scan fewer): 0.051 → 0.030 where a posting has an ambiguous hit. The
  matcher's hay by one ``bytes.translate`` of the UTF-8 instead of one ``str.replace`` per break
  character: 0.031 → 0.018. A lone surrogate found by ``str.encode`` (it fails exactly there), not a
  regex: 0.010 → 0.002 per JSON string. The glued words the matcher reads apart
  (:func:`~skillgraph.extraction.inline.glued_words`, "pipelinesExperience") by ``find`` over the
  letter classes of one ``bytes.translate``, not a regex: Python's ``re`` walks a character class at
  every position, 0.05 ms a posting for ``[a-z][A-Z]`` alone and 0.36 for the rule as one regex; the
  exact pass against the tokenizer (two-configuration run, 1,000 bench postings) 1.14–1.23× before
  glued words, 0.70–0.81× with the one regex, 1.12–1.18× with the byte scan; 1.10–1.17× once each
  candidate's left word is read as letters of any script and a label naming the glued word whole
  ("fastText") keeps it one word (an Aho–Corasick pass more, only where glue is found).

- ``textcat_predict`` — the level model's probabilities by the textcat's ``predict`` on the
  tokenizer's Doc (:func:`~skillgraph.extraction.level_model.classify`), not ``nlp(sentence).cats``:
  the pipeline is only the BOW textcat, whose ``__call__`` is that ``predict`` then
  ``float(score)`` per label, so the same floats (3,000 SkillSpan sentences; a hypothesis test
  compares them with ``doc.cats``): 0.127 → 0.057 ms a sentence the model has not seen. The bench
  warms the model's per-sentence cache first, so its rows do not show it; a cold run
  (``skillgraph extract`` on new postings) does.
- Second round (the profile of a warm ``extract_all`` on the bench corpus, ms a posting of
  ~0.46: the Aho–Corasick scan ~0.07, the matcher's candidate loop ~0.05, headings 0.020, the team
  gate, the sentence index's lines, ``settle``, JSON dicts ~0.02–0.04 each; the level model does
  not show, its cache is warm): headings ask a short line's shape in one cached lookup
  (``short_shape``, ``line_cache``; bypassed by the no-cache rows) and make the neighbours closure
  only for a line whose shape needs it: 0.020 → 0.0175; the extractor asks a hit's section level once
  per hit, not per concept, and the evidence sentence and the ``dictionary_how`` cache inline per
  mention (two calls fewer each); the team gate takes only the last word before a unit word
  (``rsplit(None, 1)``, not a split of 90 characters). Together 0.95 → 0.96–1.00× the tokenizer in
  a two-configuration run (``extract_all`` + JSON against the tokenizer, the bench corpus), but
  ``bench_extract.py`` itself gave 0.87, 0.91, 0.91× in three runs at load ~3–4 (main was not re-run
  under the same load; the previous round quoted 0.94×): not shown to reach 1.0×.
  ``textcat_predict`` on a cold CLI run of postings-dev (2,779 postings, 11,945 sentences for the
  model): 5.88 → 5.40 s CPU, same mentions.

- Third round (stop 28): the "not expected of the hire" rule of stop 22
  (:func:`~skillgraph.extraction.posting_levels.settle`) searched its regex, ignoring case, over every
  whole posting: 0.12 of ~0.8 ms a posting, which took the exact pass from ~1.2× to ~0.9× the
  tokenizer (a two-configuration run on 1,000 bench postings, commit by commit: 6b824c1 1.18–1.23×,
  b9e5615 0.93–0.97×). It now searches only the sections under a stack heading, with the headings the
  sentence index already has, and only where some mention is required (the only ones it changes); a
  hypothesis test compares it with the whole-text search, and the search stops 100 characters past the
  section (a match is at most 43 long). Same run: 0.89–0.92× → 1.16–1.19×, and
  ``skillgraph extract`` on all of postings-dev byte-identical.

Measured and not done: ``gc.freeze()`` after loading (~5 % of the exact pass with spaCy's tokenizer in
the process, within this machine's noise elsewhere, and it would keep a library user's cycles
forever); batching the level model (``nlp.pipe`` 0.027, one ``predict`` over a batch 0.044 ms a
sentence against ``textcat_predict``'s 0.057, same floats, but the sentences are known only as the
index settles them, so it needs a prefetch pass per posting or block: a cold-run gain only, the
bench's rows keep the model's cache warm).

The hybrid linker's (``--linker hybrid``; ``bench_semantic.py`` measures each against its switch):

- ``piece_cache`` — :func:`distinct`: the span model reads each distinct piece (line) once per
  :func:`~skillgraph.extraction.spans.find_spans` call and its spans are copied to every posting that
  repeats the piece. Real postings repeat boilerplate lines (24 % of the pieces of postings-dev are
  repeats), the benchmark corpus repeats sentences (35 %). The model reads one piece at a time, so its
  spans for a piece do not depend on the other pieces: same output.
- ``batch_embed`` — the hybrid pass embeds the spans and sentences of a block of postings in one
  WordLlama call, shortest texts first in small batches (WordLlama pads a batch to its longest text),
  and scores them against the label matrix in one pass
  (:class:`~skillgraph.extraction.embed.ScoreBook`), instead of one call and one pass per posting;
  each text is embedded once per block. WordLlama pools each text alone and the label-matrix products
  all have one shape (:meth:`~skillgraph.extraction.embed.LabelMatrix.scores`), so vectors and scores
  are the same bits either way (tested).

- ``numpy_gemm`` — the span model's matrix products by numpy's ``matmul`` (the OpenBLAS numpy's wheel
  ships) on one thread, not thinc's ``NumpyOps.gemm`` (blis): :func:`model_ops` gives the model
  :func:`matmul_ops` when it is loaded, :func:`one_blas_thread` holds OpenBLAS to one thread while it
  runs (more threads spin: the same CPU time as blis). On this machine's AMD EPYC a (2000 × 480) ·
  (480 × 288) product, the window-2 encoder's, takes 13.6 ms in blis and 4.9 ms in OpenBLAS; the
  shipped model over 8,000 postings-dev pieces 8.41 → 4.89 s CPU, the same entities for every piece.

A linker memo of span rankings by text was measured too and dropped: 1.00× on the benchmark.

Each is on unless its name is in :data:`OFF` (the benchmark switches them off to measure them).
"""
from __future__ import annotations

import gc
import re
import sys
from contextlib import contextmanager
from functools import lru_cache
from typing import Iterable, Iterator, TypeVar

T = TypeVar("T")

__all__ = ["OFF", "TRICKS", "alternation", "distinct", "intern", "matmul_ops", "model_ops", "on", "one_blas_thread",
           "paused_gc", "shared_keys"]

TRICKS = ("piece_cache", "batch_embed", "numpy_gemm")
"""The switchable tricks (see the module's doc)."""
OFF: set[str] = set()
"""Names of tricks switched off (benchmarks only: the output is the same either way)."""


@lru_cache(maxsize=64)
def alternation(parts: tuple[tuple[str, str], ...], flags: int = 0) -> re.Pattern:
    """``(?P<name>pattern)|…`` over ``parts`` ((name, pattern) in order), compiled once per combination."""
    return re.compile("|".join(f"(?P<{name}>{rx})" for name, rx in parts), flags)


def on(trick: str) -> bool:
    """True unless ``trick`` (one of :data:`TRICKS`) is switched off in :data:`OFF`."""
    return trick not in OFF


@lru_cache(maxsize=1)
def matmul_ops():
    """A thinc ``NumpyOps`` whose ``gemm`` is numpy's ``matmul`` (``numpy_gemm``; thinc's own while that
    trick is in :data:`OFF`). Imports thinc and numpy."""
    import numpy
    from thinc.api import NumpyOps

    class MatmulOps(NumpyOps):
        def gemm(self, x, y, out=None, trans1=False, trans2=False):
            if "numpy_gemm" in OFF:
                return NumpyOps.gemm(self, x, y, out=out, trans1=trans1, trans2=trans2)
            a, b = (x.T if trans1 else x), (y.T if trans2 else y)
            return numpy.matmul(a, b) if out is None else numpy.matmul(a, b, out=out)

    return MatmulOps()


@contextmanager
def model_ops() -> Iterator[None]:
    """A thinc model built (``spacy.load``) inside the block keeps :func:`matmul_ops`; the current ops
    are as before after it."""
    from thinc.api import get_current_ops, set_current_ops

    was = get_current_ops()
    set_current_ops(matmul_ops())
    try:
        yield
    finally:
        set_current_ops(was)


@contextmanager
def one_blas_thread() -> Iterator[None]:
    """OpenBLAS (and any BLAS) on one thread inside the block, as before after it (``numpy_gemm``)."""
    if not on("numpy_gemm"):
        yield
        return
    from threadpoolctl import threadpool_limits

    with threadpool_limits(limits=1, user_api="blas"):
        yield


def per_ontology(cache: dict, ontology, build):
    """``build(ontology)``, made once per ontology object and kept in ``cache`` (its id -> (ontology,
    value); the identity check covers an id reused after an object is gone). The matcher, the scored
    linker and the profile sites are built this way: an ontology's labels are read once, not per call."""
    got = cache.get(id(ontology))
    if got is None or got[0] is not ontology:
        got = cache[id(ontology)] = (ontology, build(ontology))
    return got[1]


def distinct(items: Iterable[T]) -> tuple[list[T], list[int]]:
    """(the distinct items in first-seen order, each item's position in that list): run a costly step
    on the distinct items only and map the results back with ``[out[k] for k in where]``."""
    first: dict = {}
    where = [first.setdefault(x, len(first)) for x in items]
    return list(first), where


@contextmanager
def paused_gc() -> Iterator[None]:
    """Switch the cyclic collector off inside the block; on exit it is as it was before (on or off)."""
    with gc_kept():
        gc.disable()
        yield


@contextmanager
def gc_kept() -> Iterator[None]:
    """The collector's state (on or off) as it was before the block, whatever the block does to it:
    ``spacy.load`` switches it on (srsly's msgpack reader calls ``gc.disable()`` then ``gc.enable()``),
    which undid :func:`paused_gc` at the first model load inside it."""
    was_enabled = gc.isenabled()
    try:
        yield
    finally:
        (gc.enable if was_enabled else gc.disable)()


def intern(s: str | None) -> str | None:
    """``sys.intern`` that lets None through."""
    return s if s is None else sys.intern(s)


def shared_keys(*keys: str) -> dict:
    """A dict of ``keys`` (values None) whose copies share one key table.

    CPython keeps the attribute dicts of one class's instances "split" (one key table, each dict
    just an array of values) and ``dict.copy()`` of a split dict stays split, also after the
    existing keys are assigned. So copies of this template, filled key by key, are ordinary dicts
    (same keys, order, equality, JSON) at about half the size: 144 instead of 272 bytes for an
    evidence dict. On other Pythons they are plain copies.
    """
    def init(self):
        for k in keys:
            setattr(self, k, None)

    cls = type("_SharedKeys", (), {"__init__": init})
    for _ in range(40):  # each new instance trims the shared table's spare room (to one slot)
        cls()
    return cls().__dict__
