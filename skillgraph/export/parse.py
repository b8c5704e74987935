"""RDF in: files (format from the suffix), bytes, rdflib graphs or our graph, as triple tuples.

pyoxigraph parses (lazily imported); problems raise :class:`~skillgraph.errors.InputError` saying
which file and why.
"""
from __future__ import annotations

import os
from pathlib import Path
from typing import Iterator

import networkx as nx

from ..errors import InputError
from ..vocab import XSD
from .convert import from_rdflib, graph_to_rdf, to_rdflib
from .triples import rdf_triples

__all__ = ["SUFFIX_FORMAT", "oxigraph_format", "parse_bytes", "parse_file", "rdflib_graph", "triples_of"]

SUFFIX_FORMAT = {".ttl": "TURTLE", ".turtle": "TURTLE", ".nt": "N_TRIPLES", ".jsonld": "JSON_LD",
                 ".json": "JSON_LD", ".rdf": "RDF_XML", ".xml": "RDF_XML", ".owl": "RDF_XML",
                 ".nq": "N_QUADS", ".trig": "TRIG"}
"""File suffix → pyoxigraph ``RdfFormat`` name."""


def oxigraph_format(path: Path) -> str:
    """The ``RdfFormat`` name for ``path``; raises if the suffix says none or the file is missing."""
    name = SUFFIX_FORMAT.get(path.suffix.lower())
    if name is None:
        raise InputError(f"{path}: cannot tell the RDF format from the suffix {path.suffix!r} — "
                         f"use one of {', '.join(sorted(SUFFIX_FORMAT))}")
    if not path.is_file():
        raise InputError(f"{path}: no such file")
    return name


def invalid(path, name: str, exc: Exception) -> InputError:
    """The error for a file pyoxigraph cannot parse."""
    return InputError(f"{path}: not valid {name.replace('_', '-').lower()}: {exc}")


def parse_file(path) -> Iterator[tuple]:
    """Triples of an RDF file as our tuples (pyoxigraph; format from the file name)."""
    import pyoxigraph as ox

    path = Path(path)
    name = oxigraph_format(path)
    try:
        quads = list(ox.parse(path=str(path), format=getattr(ox.RdfFormat, name)))
    except (SyntaxError, ValueError, OSError) as exc:
        raise invalid(path, name, exc) from None
    for q in quads:
        yield _from_ox(q.subject), q.predicate.value, _from_ox_obj(q.object)


def parse_bytes(data: bytes, fmt) -> list[tuple]:
    """Triples of RDF bytes in a pyoxigraph format, as our tuples."""
    import pyoxigraph as ox

    return [(_from_ox(q.subject), q.predicate.value, _from_ox_obj(q.object)) for q in ox.parse(data, format=fmt)]


def _from_ox(t) -> str:
    import pyoxigraph as ox

    if isinstance(t, ox.BlankNode):
        return "_:" + t.value
    return t.value


def _from_ox_obj(t) -> tuple:
    import pyoxigraph as ox

    if isinstance(t, ox.Literal):
        dt = t.datatype.value if t.datatype is not None else ""
        if t.language:
            return (t.value, "", t.language)
        return (t.value, "" if dt == XSD.string else dt, "")
    if isinstance(t, ox.BlankNode):
        return ("_:" + t.value,)
    return (t.value,)


def _is_rdflib_graph(source) -> bool:
    return hasattr(source, "triples") and hasattr(source, "serialize")


def triples_of(source) -> Iterator[tuple]:
    """Our tuples of a networkx graph, an rdflib.Graph, a file path, or a list of those."""
    if isinstance(source, nx.Graph):
        yield from rdf_triples(source)
    elif _is_rdflib_graph(source):
        yield from from_rdflib(source)
    elif isinstance(source, (str, os.PathLike)):
        yield from parse_file(source)
    elif isinstance(source, (list, tuple)):
        for s in source:
            yield from triples_of(s)
    else:
        raise InputError(f"cannot read RDF from {type(source).__name__} — give a file path, an "
                         f"rdflib.Graph or a networkx graph")


def rdflib_graph(source):
    """An rdflib.Graph from a path, several paths, an rdflib.Graph or a networkx graph."""
    if isinstance(source, nx.Graph):
        return graph_to_rdf(source)
    if _is_rdflib_graph(source):
        return source
    paths = [source] if isinstance(source, (str, os.PathLike)) else list(source)
    return to_rdflib((t for p in paths for t in parse_file(p)))
