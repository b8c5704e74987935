"""Our triple tuples to and from library objects: rdflib graphs (for ``graph_to_rdf``, SHACL and
``rdflib.compare``) and pyoxigraph triples (for the SPARQL store). Both libraries load lazily."""
from __future__ import annotations

from typing import Iterable, Iterator

import networkx as nx

from ..vocab import DEFAULT_BASE, XSD
from .terms import prefixes
from .triples import rdf_triples

__all__ = ["from_rdflib", "graph_to_rdf", "to_oxigraph", "to_rdflib"]


def to_oxigraph(triples: Iterable[tuple]) -> Iterator:
    """pyoxigraph ``Triple`` objects of our tuples (one ``NamedNode`` per distinct IRI)."""
    import pyoxigraph as ox

    nodes: dict[str, object] = {}
    NN, Lit, Tr = ox.NamedNode, ox.Literal, ox.Triple

    def node(i):
        n = nodes.get(i)
        if n is None:
            n = nodes[i] = NN(i)
        return n

    for s, p, o in triples:
        if len(o) == 1:
            obj = node(o[0])
        elif o[2]:
            obj = Lit(o[0], language=o[2])
        elif o[1]:
            obj = Lit(o[0], datatype=node(o[1]))
        else:
            obj = Lit(o[0])
        yield Tr(node(s), node(p), obj)


def to_rdflib(triples: Iterable[tuple], base: str = DEFAULT_BASE):
    """An ``rdflib.Graph`` of our tuples, with our prefixes bound."""
    from rdflib import Graph, Literal, URIRef

    g = Graph(bind_namespaces="core")
    for k, v in prefixes(base).items():
        g.bind(k, v, override=True, replace=True)
    for s, p, o in triples:
        if len(o) == 1:
            obj = URIRef(o[0])
        elif o[2]:
            obj = Literal(o[0], lang=o[2])
        elif o[1]:
            obj = Literal(o[0], datatype=URIRef(o[1]))
        else:
            obj = Literal(o[0])
        g.add((URIRef(s), URIRef(p), obj))
    return g


def from_rdflib(g) -> Iterator[tuple]:
    """The triples of an ``rdflib.Graph`` as our tuples (blank nodes as ``_:id``)."""
    from rdflib import BNode, Literal

    xsd_string = XSD.string
    for s, p, o in g:
        ss = "_:" + str(s) if isinstance(s, BNode) else str(s)
        if isinstance(o, Literal):
            dt = str(o.datatype) if o.datatype else ""
            oo = (str(o), "" if dt == xsd_string else dt, o.language or "")
        elif isinstance(o, BNode):
            oo = ("_:" + str(o),)
        else:
            oo = (str(o),)
        yield ss, str(p), oo


def graph_to_rdf(G: nx.DiGraph, *, base: str = DEFAULT_BASE, evidence: bool = True, ontology=None):
    """The export as an ``rdflib.Graph`` (prefixes bound). For big graphs prefer ``write_rdf``."""
    return to_rdflib(rdf_triples(G, base=base, evidence=evidence, ontology=ontology), base)
