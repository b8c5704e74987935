"""Extract many postings: in this process, in forked workers, or through spaCy (``engine="spacy"``).

Forked workers inherit the postings and the :class:`~skillgraph.extraction.extractor.Extractor` and send
back only compact tuples (offsets and ids): pickling whole objects back and forth made two processes
slower than one.
"""
from __future__ import annotations

from typing import Iterable

from skillgraph.model import Extraction, Posting
from skillgraph.ontology import Ontology
from skillgraph.speed import paused_gc

from .extractor import Extractor
from .hybrid import MIN_SCORE

__all__ = ["extract_all"]

# what forked workers inherit: set just before the pool forks, cleared after
_WORKER: Extractor | None = None
_SHARED: list[Posting] = []
_SPANS: list | None = None
_FORK_MIN = 200     # fewer postings stay in this process: forking costs more than it saves
_CHUNK = 64         # postings per task sent to a worker


def _work(span: tuple[int, int]):
    a, b = span
    return list(_WORKER.extract_block(_SHARED[a:b], None if _SPANS is None else _SPANS[a:b]))


def extract_all(postings: Iterable[Posting], ontology: Ontology, *, jobs: int = 1,
                engine: str = "fast", progress=None, linker: str = "exact",
                min_score: float | None = None) -> list[Extraction]:
    """Extract every posting (in input order).

    ``jobs>1`` forks worker processes (where the OS can fork) that inherit the postings and send
    back only offsets and ids — pickling whole objects back and forth made two processes slower
    than one. Small inputs stay in this process. ``engine="spacy"`` takes sentences from spaCy's
    pipeline instead of the rule-based splitter (same links). ``progress(n)`` is called as postings
    are done. ``linker="hybrid"`` runs the span model over all postings first, in batches, then links
    its spans with scores (``min_score``, default :data:`~skillgraph.extraction.hybrid.MIN_SCORE`).
    """
    postings = list(postings)
    if engine == "spacy":
        from .spacy_component import extract_with_spacy  # imports spaCy: only when asked for

        return extract_with_spacy(postings, ontology, progress)
    ex = Extractor(ontology, linker, MIN_SCORE if min_score is None else min_score)
    spans = None
    if linker == "hybrid":
        from .spans import find_spans  # imports spaCy and loads the model: only when asked for

        spans = find_spans([p.text for p in postings])
        ex.scorer  # noqa: B018 - built before forking, so workers share it
    # many small objects, no reference cycles: the collector would only rescan the ontology and the
    # results again and again (-30% with ESCO loaded; see skillgraph.speed)
    with paused_gc():
        if jobs > 1 and len(postings) >= _FORK_MIN:
            out = _forked(ex, postings, jobs, progress, spans)
            if out is not None:
                return out
        return _in_process(ex, postings, progress, spans)


def _in_process(ex: Extractor, postings: list[Posting], progress, spans=None) -> list[Extraction]:
    out = []
    for p, (ms, ts, cs) in zip(postings, ex.extract_block(postings, spans), strict=True):
        out.append(ex.expand(p, ms, ts, cs))
        if progress:
            progress(1)
    return out


def _forked(ex: Extractor, postings: list[Posting], jobs: int, progress, spans=None) -> list[Extraction] | None:
    """Extract in ``jobs`` forked workers; None where the OS cannot fork."""
    global _WORKER, _SHARED, _SPANS
    import multiprocessing as mp

    if "fork" not in mp.get_all_start_methods():
        return None
    _WORKER, _SHARED, _SPANS = ex, postings, spans
    try:
        spans = [(i, min(i + _CHUNK, len(postings))) for i in range(0, len(postings), _CHUNK)]
        out = []
        with mp.get_context("fork").Pool(jobs) as pool:
            for (a, _), chunk in zip(spans, pool.imap(_work, spans), strict=False):
                for p, (ms, ts, cs) in zip(postings[a:a + len(chunk)], chunk, strict=False):
                    out.append(ex.expand(p, ms, ts, cs))
                if progress:
                    progress(len(chunk))
        return out
    finally:
        _WORKER, _SHARED, _SPANS = None, [], None
