"""The one writer registry: export format name → writer, file suffix → format, and :func:`write_rdf`.

==========  ==============================  ========================  ==========================
format      suffixes                        writes                    file
==========  ==============================  ========================  ==========================
turtle      .ttl .turtle                    RDF (Turtle)              turtle.py
jsonld      .jsonld .json-ld                RDF (compact JSON-LD)     jsonld.py
nt          .nt                             RDF (N-Triples)           turtle.py
graphml     .graphml                        GraphML (Gephi, yEd)      graphml.py
csv         .csv                            edge list                 csv.py
summary     .md                             Markdown summary          summary.py
==========  ==============================  ========================  ==========================

To add a format: write its module (a writer ``(G, path_or_stream, **options)``) and add one
:class:`Writer` to :data:`WRITERS`; ``export_graph`` and the CLI's ``export --format`` pick it up.
RDF formats also name a ``serialize(grouped, prefixes) -> bytes`` of the grouped triples.
"""
from __future__ import annotations

import io
import os
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Callable

import networkx as nx

from ..errors import InputError
from ..outputs import write_bytes, write_text
from ..speed import paused_gc
from ..vocab import DEFAULT_BASE
from .csv import write_edges_csv
from .graphml import write_graphml
from .jsonld import grouped_jsonld
from .terms import prefixes
from .triples import grouped_triples
from .turtle import grouped_ntriples, grouped_turtle

__all__ = ["ALIASES", "RDF_FORMATS", "WRITERS", "Writer", "export_graph", "format_for", "write_rdf", "writer"]


@dataclass(frozen=True)
class Writer:
    """One export format. ``write(G, path_or_stream, **options)`` returns a count (or None);
    ``binary`` says which kind of stream it writes to; ``serialize`` is set for RDF formats, which
    take the options ``base``, ``evidence`` and ``ontology``."""

    name: str
    suffixes: tuple[str, ...]
    write: Callable[..., object]
    binary: bool = True
    serialize: Callable[[list, dict], bytes] | None = None
    description: str = ""


def _rdf_writer(fmt: str) -> Callable[..., object]:
    def write(G: nx.DiGraph, path_or_stream, **options):
        return write_rdf(G, path_or_stream, fmt, **options)
    return write


def _write_summary(G: nx.DiGraph, path_or_stream, **_options) -> None:
    from .summary import summary  # the Markdown renderer imports the query stage: load it only when asked

    text = summary(G)
    if hasattr(path_or_stream, "write"):
        path_or_stream.write(text)
    else:
        write_text(path_or_stream, text)


def _write_csv(G: nx.DiGraph, path_or_stream, **_options) -> int:
    return write_edges_csv(G, path_or_stream)


def _write_graphml(G: nx.DiGraph, path_or_stream, **_options) -> None:
    write_graphml(G, path_or_stream)


WRITERS: dict[str, Writer] = {w.name: w for w in (
    Writer("turtle", (".ttl", ".turtle"), _rdf_writer("turtle"), serialize=grouped_turtle,
           description="RDF as Turtle"),
    Writer("jsonld", (".jsonld", ".json-ld"), _rdf_writer("jsonld"), serialize=grouped_jsonld,
           description="RDF as compact JSON-LD"),
    Writer("nt", (".nt",), _rdf_writer("nt"), serialize=grouped_ntriples, description="RDF as N-Triples"),
    Writer("graphml", (".graphml",), _write_graphml, description="GraphML for Gephi and yEd"),
    Writer("csv", (".csv",), _write_csv, binary=False, description="edge list as CSV"),
    Writer("summary", (".md",), _write_summary, binary=False, description="Markdown summary"),
)}
"""Every export format, by name."""

ALIASES = {"ttl": "turtle", "json-ld": "jsonld", "ntriples": "nt", "n-triples": "nt"}
RDF_FORMATS = tuple(name for name, w in WRITERS.items() if w.serialize is not None)
_SUFFIXES = {sfx: w.name for w in WRITERS.values() for sfx in w.suffixes}


def writer(fmt: str) -> Writer:
    """The writer of format ``fmt`` (a name or an alias such as ``ttl``)."""
    w = WRITERS.get(ALIASES.get(fmt, fmt))
    if w is None:
        raise InputError(f"unknown export format {fmt!r} — use one of {', '.join(WRITERS)}")
    return w


def format_for(path: str | os.PathLike) -> str:
    """The export format a file name asks for (``g.ttl`` → ``turtle``, ``summary.md`` → ``summary``)."""
    sfx = Path(path).suffix.lower()
    fmt = _SUFFIXES.get(sfx)
    if fmt is None:
        raise InputError(f"{path}: cannot tell the export format from the suffix {sfx!r} — give a format "
                         f"({', '.join(WRITERS)}) or one of {', '.join(sorted(_SUFFIXES))}")
    return fmt


def export_graph(G: nx.DiGraph, path_or_stream: str | os.PathLike | IO | None, fmt: str | None = None,
                 **options):
    """Write ``G`` in format ``fmt`` (default: from the file name's suffix).

    ``path_or_stream`` is a path, a stream (binary or text, as the format's ``Writer.binary`` says),
    or None (the bytes are returned). ``options`` (``base``, ``evidence``, ``ontology``) go to the
    RDF formats; the others have none and ignore them. Returns what the writer returns (a count or None).
    """
    if fmt is None:
        if path_or_stream is None or hasattr(path_or_stream, "write"):
            raise InputError("give an export format when writing to a stream")
        fmt = format_for(path_or_stream)
    w = writer(fmt)
    if path_or_stream is not None:
        return w.write(G, path_or_stream, **options)
    if w.serialize is not None:
        return w.write(G, None, **options)
    buf = io.BytesIO() if w.binary else io.StringIO()
    w.write(G, buf, **options)
    data = buf.getvalue()
    return data if w.binary else data.encode("utf-8")


def write_rdf(G: nx.DiGraph, path_or_stream: str | os.PathLike | IO[bytes] | None, fmt: str = "turtle",
              *, base: str = DEFAULT_BASE, evidence: bool = True, ontology=None) -> bytes | int:
    """Write the graph as Turtle, JSON-LD or N-Triples. Same graph, same bytes.

    ``path_or_stream`` is a path, a binary stream, or None (the bytes are returned). Otherwise
    returns the number of triples written. ``ontology`` (optional) adds the skills' ESCO
    ``skos:exactMatch``/``closeMatch`` links when the graph's nodes do not carry them.
    """
    fmt = ALIASES.get(fmt, fmt)
    w = WRITERS.get(fmt)
    if w is None or w.serialize is None:
        raise InputError(f"unknown RDF format {fmt!r} — use one of {', '.join(RDF_FORMATS)}")
    # millions of small tuples, no cycles: the cyclic collector only costs time (≈25%; see skillgraph.speed)
    with paused_gc():
        grouped = grouped_triples(G, base=base, evidence=evidence, ontology=ontology)
        data = w.serialize(grouped, prefixes(base))
    if path_or_stream is None:
        return data
    if hasattr(path_or_stream, "write"):
        path_or_stream.write(data)
    else:
        write_bytes(path_or_stream, data)
    return sum(len(pos) for _, pos in grouped)
