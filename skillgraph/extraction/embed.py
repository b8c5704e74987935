"""Semantic similarity with WordLlama: texts → unit vectors, an ontology's labels → a matrix cached on disk.

WordLlama 0.4 (MIT, on PyPI) is a static token-embedding model: a text's vector is the mean of its
tokens' 256-d vectors (``l2_supercat``), so embedding is deterministic, needs no GPU and takes ≈0.2 s
to load. Its wheel carries the weights (``wordllama/weights/``) and the tokenizer file
(``wordllama/tokenizers/``), but the loader first looks for the tokenizer under ``wordllama/tokenizer/``
and then under ``<cache_dir>/tokenizers/`` before trying the network. We hand it the wheel's own folder
as ``cache_dir`` (so ``<cache_dir>/tokenizers/`` *is* the shipped file) and ``disable_download=True``:
it never opens a socket (tested with sockets disabled).

The **label matrix** of an ontology holds one row per distinct preferred or alternative label of each
concept (concepts in id order, their labels contiguous), L2-normalised. ESCO's ≈110k labels take ≈6 s
to embed on one core, so the matrix is saved (``np.save``, written atomically) under the user's cache
directory — ``$XDG_CACHE_HOME/skillgraph/embeddings/`` (default ``~/.cache/skillgraph/embeddings/``) —
in a file named by the SHA-256 of the model name and every (concept id, label) pair: the same
ontology content hits the cache, any changed label misses it. :func:`matrix_for` keeps one matrix per
ontology object in memory.

wordllama (and numpy) are imported inside the functions, so ``import skillgraph`` stays light.
"""
from __future__ import annotations

import hashlib
import os
from functools import lru_cache
from pathlib import Path

from skillgraph.errors import InputError, OutputError
from skillgraph.ontology import Ontology
from skillgraph.speed import on

__all__ = ["MODEL", "LabelMatrix", "ScoreBook", "cache_dir", "content_key", "embed", "label_rows", "load_model",
           "matrix_for"]

MODEL = "wordllama-0.4:l2_supercat:256"
"""The model, its configuration and dimension: part of every cache key."""
_BATCH = 512
_SORTED_BATCH = 32
"""Texts per WordLlama batch when sorted by length (on 1146 posting lines: 0.25 s against 1.8 s at 512)."""
_TILE = 128
"""Rows per label-matrix product (:meth:`LabelMatrix.scores`): one shape for every product. 3200 texts
against the shipped labels: 0.58 s at 128, 0.76 s at 64, 0.42 s in one product of any shape."""


@lru_cache(maxsize=1)
def load_model():
    """The WordLlama model, loaded from its wheel, offline (no download is ever tried)."""
    try:
        import wordllama
        from wordllama import WordLlama
    except ImportError:
        raise InputError("semantic linking needs wordllama — pip install 'wordllama>=0.4,<0.5'") from None
    pkg = Path(wordllama.__file__).resolve().parent
    try:
        return WordLlama.load(config="l2_supercat", dim=256, cache_dir=pkg, disable_download=True)
    except FileNotFoundError as e:
        raise InputError(f"wordllama's files are missing from {pkg} ({e}) — reinstall wordllama") from None


def embed(texts: list[str]):
    """Unit vectors (float32, one row per text); a text without tokens gets a zero row."""
    import numpy as np

    if not texts:
        return np.zeros((0, 256), dtype=np.float32)
    texts = list(texts)
    m = _embed_by_length(texts) if on("batch_embed") else load_model().embed(texts, norm=False, batch_size=_BATCH)
    norms = np.linalg.norm(m, axis=1, keepdims=True)
    with np.errstate(invalid="ignore", divide="ignore"):
        out = np.where(norms > 0, m / norms, 0.0)
    return np.nan_to_num(out).astype(np.float32)


def _embed_by_length(texts: list[str]):
    """WordLlama's vectors of ``texts``, embedded shortest first: WordLlama (its tokenizer too) pads each
    batch to its longest text, so small batches of like lengths waste no work on padding (each text is
    pooled alone over its own tokens: the same vectors, bit for bit)."""
    import numpy as np

    order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
    m = load_model().embed([texts[i] for i in order], norm=False, batch_size=_SORTED_BATCH)
    out = np.empty_like(m)
    out[order] = m
    return out


def cache_dir() -> Path:
    """Where label matrices are kept: ``$XDG_CACHE_HOME/skillgraph/embeddings`` (``~/.cache`` by default)."""
    root = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(root) / "skillgraph" / "embeddings"


def label_rows(ontology: Ontology) -> tuple[list[str], list[int], list[str]]:
    """(concept ids in id order, the first row of each concept, the labels row by row)."""
    cids, starts, labels = [], [], []
    for cid in sorted(ontology.concepts):
        c = ontology.concepts[cid]
        labs = [lab.strip() for lab in dict.fromkeys((c.label, *c.alt_labels)) if lab.strip()]
        if not labs:
            continue
        cids.append(cid)
        starts.append(len(labels))
        labels.extend(dict.fromkeys(labs))
    return cids, starts, labels


def content_key(cids: list[str], starts: list[int], labels: list[str]) -> str:
    """The SHA-256 of the model name and every (concept id, label) pair: the matrix's cache key."""
    h = hashlib.sha256(MODEL.encode())
    ends = starts[1:] + [len(labels)]
    for cid, s, e in zip(cids, starts, ends, strict=True):
        for lab in labels[s:e]:
            h.update(b"\x00" + cid.encode() + b"\x01" + lab.encode())
    return h.hexdigest()


class LabelMatrix:
    """An ontology's label vectors and, for query vectors, each concept's best cosine over its labels."""

    def __init__(self, cids: list[str], starts: list[int], matrix, key: str):
        import numpy as np

        self.concepts = cids
        self.index = {c: i for i, c in enumerate(cids)}
        self.starts = np.asarray(starts, dtype=np.int64)
        self.matrix = matrix
        self.key = key

    def scores(self, vectors):
        """(len(vectors) × concepts) array: the best cosine of each concept's labels, clipped to [0, 1]."""
        import numpy as np

        n = len(vectors)
        out = np.zeros((n, len(self.concepts)), dtype=np.float32)
        if not len(self.concepts) or not n:
            return out
        # products of one fixed shape (_TILE rows, zero-padded): BLAS picks its kernel by shape, so a
        # text's scores are then the same bits whatever else is scored with it (ScoreBook relies on it)
        tile = np.zeros((_TILE, vectors.shape[1]), dtype=np.float32)
        labels = self.matrix.T
        for a in range(0, n, _TILE):
            rows = vectors[a:a + _TILE]
            tile[:len(rows)] = rows
            tile[len(rows):] = 0.0
            best = np.maximum.reduceat(tile @ labels, self.starts, axis=1)
            out[a:a + len(rows)] = np.clip(best[:len(rows)], 0.0, 1.0)
        return out

    def text_scores(self, texts: list[str]):
        """:meth:`scores` of the texts' embeddings (one row per text)."""
        return self.scores(embed(texts))


class ScoreBook:
    """A label matrix's :meth:`~LabelMatrix.scores` for a block of texts, computed up front: each
    distinct text embedded once, in one WordLlama call, and scored in one pass over the label matrix
    (``batch_embed`` in :mod:`skillgraph.speed`): the same bits as scoring them one posting at a time.
    Stands in for the matrix (``concepts``, ``index``, :meth:`text_scores`); a text it does not hold is
    scored on the spot."""

    def __init__(self, matrix: LabelMatrix, texts):
        self.matrix = matrix
        self.concepts = matrix.concepts
        self.index = matrix.index
        todo = list(dict.fromkeys(texts))
        self.row = {t: i for i, t in enumerate(todo)}
        self.table = matrix.scores(embed(todo))

    def text_scores(self, texts: list[str]):
        row = self.row
        if all(t in row for t in texts):
            return self.table[[row[t] for t in texts]]
        return self.matrix.text_scores(texts)


def _load_or_embed(path: Path, labels: list[str]):
    import numpy as np

    from skillgraph.outputs import atomic_file

    if path.exists():
        try:
            m = np.load(path, mmap_mode="r", allow_pickle=False)   # pages in on first use: ~0 s to open
            if m.shape == (len(labels), 256):
                return m
        except (OSError, ValueError):
            pass                                      # a damaged cache file: embed again and replace it
    m = embed(labels)
    try:
        with atomic_file(path) as f:
            np.save(f, m, allow_pickle=False)
    except OutputError:                               # a read-only cache only costs the time to embed
        pass
    return m


_MATRICES: dict[int, tuple[Ontology, LabelMatrix]] = {}


def matrix_for(ontology: Ontology, directory: Path | None = None) -> LabelMatrix:
    """The label matrix of ``ontology``: from memory, else from the disk cache, else embedded and saved."""
    got = _MATRICES.get(id(ontology))
    if got is not None and got[0] is ontology and directory is None:
        return got[1]
    cids, starts, labels = label_rows(ontology)
    key = content_key(cids, starts, labels)
    import numpy as np

    path = (directory or cache_dir()) / f"{key}.npy"
    m = _load_or_embed(path, labels) if labels else np.zeros((0, 256), dtype=np.float32)
    lm = LabelMatrix(cids, starts, m, key)
    if directory is None:
        _MATRICES[id(ontology)] = (ontology, lm)
    return lm
