"""Export: the graph as RDF (Turtle, JSON-LD, N-Triples) and back, GraphML, an edge CSV and the
Markdown summary; SHACL validation and SPARQL over exports.

One mapping, used in both directions; triples are plain tuples, written by our own writers.

- ``registry.py`` — the one writer registry (format name → writer, suffix → format), ``write_rdf``,
  ``export_graph``
- ``terms.py`` — RDF terms as tuples (``literal``, ``value``), prefixes, the IRIs of nodes and files
- ``mapping.py`` — the mapping as data: classes, predicates, known attributes
- ``triples.py`` — graph → grouped, sorted triples (``rdf_triples``), one function per node/edge kind
- ``evidence.py`` — evidence dicts ↔ Web Annotations
- ``turtle.py`` — Turtle and N-Triples bytes, ``turtle_bytes``, ``write_triples``
- ``jsonld.py`` — compact JSON-LD
- ``graphml.py``, ``csv.py`` — GraphML and the edge list
- ``summary.py`` — the Markdown summary
- ``convert.py`` — tuples ↔ rdflib / pyoxigraph objects, ``graph_to_rdf``
- ``parse.py`` — RDF files, bytes, rdflib graphs → tuples
- ``read.py`` — ``read_rdf``: an export back into the graph
- ``shacl.py`` — ``validate`` against ``ontology/shapes.ttl``, ``Violation``
- ``sparql.py`` — ``sparql`` through pyoxigraph

rdflib, pyoxigraph and pyshacl are imported only inside the functions that need them.
"""
from __future__ import annotations

from .convert import graph_to_rdf
from .csv import EDGE_COLUMNS, write_edges_csv
from .graphml import write_graphml
from .read import read_rdf
from .registry import RDF_FORMATS, WRITERS, Writer, export_graph, format_for, write_rdf, writer
from .shacl import Violation, shipped_ontology_files, validate
from .sparql import sparql
from .terms import PREFIXES, literal, prefixes
from .triples import grouped_triples, rdf_triples
from .turtle import turtle_bytes, write_triples

__all__ = [
    "EDGE_COLUMNS", "PREFIXES", "RDF_FORMATS", "Violation", "WRITERS", "Writer", "export_graph", "format_for",
    "graph_to_rdf", "grouped_triples", "literal", "prefixes", "rdf_triples", "read_rdf", "shipped_ontology_files",
    "sparql", "turtle_bytes", "validate", "write_edges_csv", "write_graphml", "write_rdf", "write_triples",
    "writer",
]
