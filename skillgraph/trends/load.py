"""A side of a diff from a path: a graph file, or postings extracted and built into one (:func:`load_side`).

A path is a graph when its suffix is an RDF export's (``.ttl``, ``.nt``, ``.jsonld`` …, read by
:func:`~skillgraph.export.read.load_any_graph`) or when it is a ``.json`` file holding a node-link graph
(``"nodes"`` and ``"links"``: what ``skillgraph build`` writes as ``graph.json``). Anything else — a
folder, ``.txt``/``.md``/``.html``/``.jsonl``/``.csv``/``.parquet``, a ``.json`` list of postings — is
read as postings, extracted with the usual options and built into a graph.
"""
from __future__ import annotations

from pathlib import Path

from .snapshot import Snapshot, snapshot

__all__ = ["is_graph_file", "load_side"]

_PEEK = 1 << 16


def is_graph_file(path: str | Path) -> bool:
    """Whether ``path`` is a graph (by suffix, or a ``.json`` whose start names ``nodes`` or ``links``)."""
    from ..export.read import RDF_GRAPH_SUFFIXES

    p = Path(path)
    if not p.is_file():
        return False
    suffix = p.suffix.lower()
    if suffix in RDF_GRAPH_SUFFIXES:
        return True
    if suffix != ".json":
        return False
    with p.open("rb") as f:
        head = f.read(_PEEK).lstrip()
    return head.startswith(b"{") and (b'"nodes"' in head or b'"links"' in head)


def load_side(path: str | Path, ontology_files=(), **extract) -> Snapshot:
    """The :class:`~.snapshot.Snapshot` of a graph file or of postings (``extract``: the keyword
    arguments of :func:`skillgraph.pipeline.extract_paths` — ``skip_bad``, ``jobs``, ``linker`` …)."""
    from ..errors import InputError

    p = Path(path)
    if not p.exists():
        raise InputError(f"{path}: no such file or folder — give a graph.json, an RDF export or postings")
    if is_graph_file(p):
        from ..export.read import load_any_graph

        return snapshot(load_any_graph(p), source=str(path))
    from ..graph import build_graph
    from ..pipeline import extract_paths

    ont, xs = extract_paths([str(p)], ontology_files, **extract)
    return snapshot(build_graph(xs, ont), source=str(path))
