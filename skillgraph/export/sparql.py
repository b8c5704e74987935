"""SPARQL over a graph, export files or an rdflib.Graph, through a pyoxigraph store, with our
prefixes declared already; answers as plain Python values."""
from __future__ import annotations

import os
import re
from pathlib import Path

from ..errors import InputError, SkillGraphError
from ..vocab import DEFAULT_BASE
from .convert import to_oxigraph
from .guard import check_query
from .parse import invalid, oxigraph_format, triples_of
from .terms import compact as compact_iri
from .terms import prefixes, value

__all__ = ["sparql"]


def _store(source):
    """A pyoxigraph Store of ``source``: files bulk-load directly, anything else via our tuples."""
    import pyoxigraph as ox

    if isinstance(source, ox.Store):
        return source
    store = ox.Store()
    paths = [source] if isinstance(source, (str, os.PathLike)) else (
        list(source) if isinstance(source, (list, tuple)) else None)
    if paths is not None and all(isinstance(p, (str, os.PathLike)) for p in paths):
        for p in paths:
            p = Path(p)
            name = oxigraph_format(p)
            try:
                store.bulk_load(path=str(p), format=getattr(ox.RdfFormat, name))
            except (SyntaxError, ValueError, OSError) as exc:
                raise invalid(p, name, exc) from None
        return store
    store.bulk_extend(ox.Quad(t.subject, t.predicate, t.object, ox.DefaultGraph())
                      for t in to_oxigraph(triples_of(source)))
    return store


def _run(store, query: str, pfx: dict[str, str]):
    head = "".join(f"PREFIX {k}: <{v}>\n" for k, v in pfx.items())
    try:
        return store.query(head + query)
    except SyntaxError as exc:
        msg = str(exc).splitlines()[0]
        nhead = len(pfx)     # our PREFIX lines come first: give the position in the user's query
        msg = re.sub(r"\b(\d+):(\d+)", lambda m: f"line {max(int(m.group(1)) - nhead, 1)}, column {m.group(2)}",
                     msg, count=1)
        if len(msg) > 200:
            msg = msg[:200] + "…"
        raise InputError(f"SPARQL query does not parse: {msg} — our prefixes ({', '.join(pfx)}) are "
                         f"declared already") from None
    except (ValueError, OSError, RuntimeError) as exc:
        raise _failed(exc) from None


def _failed(exc: Exception) -> SkillGraphError:
    """The engine's error as one line (its messages can span lines)."""
    text = str(exc)
    return SkillGraphError(f"SPARQL query failed: {text.splitlines()[0][:200] if text else repr(exc)}")


def sparql(source, query: str, *, base: str = DEFAULT_BASE, compact: bool = False
           ) -> tuple[list[str], list[list]]:
    """Run a SPARQL query over a graph, an export file (or several) or an rdflib.Graph.

    Our prefixes are declared already (``skos sg skill role team company product posting
    requirement evidence prov oa esco rdfs rdf xsd dct owl``). Returns ``(columns, rows)``: literal
    values as Python values, IRIs as strings (compact ``prefix:local`` when ``compact``), unbound
    as None. ASK gives ``(["ask"], [[bool]])``; CONSTRUCT/DESCRIBE give subject/predicate/object rows.
    """
    import pyoxigraph as ox

    if isinstance(source, (str, os.PathLike)) and Path(source).suffix == ".json":
        from ..graph import load_graph

        source = load_graph(source)
    if not isinstance(query, str):
        raise InputError(f"SPARQL query must be text, not {type(query).__name__}")
    check_query(query)     # before any data is loaded or any request could be made
    pfx = prefixes(base)
    res = _run(_store(source), query, pfx)

    def py(t):
        if t is None:
            return None
        if isinstance(t, ox.Literal):
            dt = t.datatype.value if t.datatype is not None else ""
            try:
                return value((t.value, dt, t.language or ""))
            except (ValueError, OverflowError):   # "9" * 5000 as xsd:integer, "x" as xsd:double
                return t.value
        if isinstance(t, ox.NamedNode):
            return compact_iri(t.value, pfx) if compact else t.value
        if isinstance(t, ox.BlankNode):
            return "_:" + t.value
        return str(t)      # a quoted triple (RDF-star)

    try:
        if isinstance(res, (bool, ox.QueryBoolean)):
            return ["ask"], [[bool(res)]]
        if isinstance(res, ox.QuerySolutions):
            cols = [v.value for v in res.variables]
            return cols, [[py(sol[c]) for c in cols] for sol in res]
        return ["subject", "predicate", "object"], [[py(t.subject), py(t.predicate), py(t.object)] for t in res]
    except (ValueError, OSError, RuntimeError) as exc:   # raised while the engine evaluates lazily
        raise _failed(exc) from None
