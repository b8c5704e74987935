"""SHACL validation with pySHACL against our shapes (``ontology/shapes.ttl``, found through
:mod:`skillgraph.resources`), with readable results (:class:`Violation`)."""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from .. import resources
from ..errors import InputError
from ..vocab import DEFAULT_BASE, RDF
from .parse import rdflib_graph
from .terms import compact, prefixes

__all__ = ["Violation", "shipped_ontology_files", "validate"]


def shipped_ontology_files() -> list[Path]:
    """ontology/vocab.ttl and ontology/skills/*.ttl, sorted."""
    return [resources.vocab_file()] + resources.skill_files()


@dataclass(frozen=True, order=True)
class Violation:
    """One SHACL result, readable: ``focus``, ``path`` and ``value`` are compact IRIs."""

    focus: str
    path: str
    message: str
    value: str = ""
    severity: str = "Violation"
    shape: str = ""

    def __str__(self) -> str:
        where = f"{self.focus} {self.path}" if self.path else self.focus
        val = f" (value: {self.value})" if self.value else ""
        sev = "" if self.severity == "Violation" else f"[{self.severity}] "
        return f"{sev}{where}: {self.message}{val}"


def _shapes_graph(shapes: str | os.PathLike | None):
    from rdflib import Graph

    sg = Graph()
    shapes_path = Path(shapes) if shapes else resources.shapes_file()
    try:
        sg.parse(shapes_path, format="turtle")
    except FileNotFoundError:
        raise InputError(f"{shapes_path}: shapes file not found") from None
    except Exception as exc:  # rdflib raises many types for syntax errors
        raise InputError(f"{shapes_path}: not valid Turtle: {exc}") from None
    return sg


def validate(data, shapes: str | os.PathLike | None = None, *, base: str = DEFAULT_BASE) -> list[Violation]:
    """Run pySHACL with our shapes (``ontology/shapes.ttl``). Returns the violations, sorted ([] = valid).

    ``data`` is a file path, a list of paths (validated together), an rdflib.Graph or a graph.
    """
    import pyshacl
    from rdflib import URIRef
    from rdflib.namespace import SH

    dg = rdflib_graph(data)
    sg = _shapes_graph(shapes)
    _conforms, results, _text = pyshacl.validate(dg, shacl_graph=sg, inference="none",
                                                 allow_warnings=True, advanced=True)
    pfx = prefixes(base)

    def c(x) -> str:
        if x is None:
            return ""
        return compact(str(x), pfx) if isinstance(x, URIRef) else str(x)

    def get(r, term: str):
        return results.value(r, SH[term])

    out = []
    for r in results.subjects(URIRef(RDF.type), SH.ValidationResult):
        sev = get(r, "resultSeverity")
        shape = get(r, "sourceShape")
        out.append(Violation(
            focus=c(get(r, "focusNode")),
            path=_path_text(get(r, "resultPath"), (results, sg), c),
            message=str(get(r, "resultMessage") or "constraint not met"),
            value=c(get(r, "value")),
            severity=str(sev).rsplit("#", 1)[-1] if sev else "Violation",
            shape=c(shape) if isinstance(shape, URIRef) else "",
        ))
    return sorted(set(out))


_PATH_FORMS = (("inversePath", "^{}"), ("zeroOrMorePath", "{}*"), ("oneOrMorePath", "{}+"),
               ("zeroOrOnePath", "{}?"))


def _path_text(x, graphs: tuple, c, depth: int = 0) -> str:
    """A SHACL property path as SPARQL-like text (``skos:broader*``, ``^sg:hasRequirement``);
    ``graphs`` are where its blank nodes are described (the results, then the shapes)."""
    from rdflib import BNode, URIRef
    from rdflib.collection import Collection
    from rdflib.namespace import SH

    if not isinstance(x, BNode) or depth > 8:
        return c(x)
    for g in graphs:
        for pred, fmt in _PATH_FORMS:
            inner = g.value(x, SH[pred])
            if inner is not None:
                return fmt.format(_path_text(inner, graphs, c, depth + 1))
        alt = g.value(x, SH.alternativePath)
        if alt is not None:
            return "(" + "|".join(_path_text(i, graphs, c, depth + 1) for i in Collection(g, alt)) + ")"
        if g.value(x, URIRef(RDF.first)) is not None:
            return "/".join(_path_text(i, graphs, c, depth + 1) for i in Collection(g, x))
    return "(path)"
