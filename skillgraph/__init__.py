"""skillgraph: job postings → ontology-linked skill mentions → a role–skill–team knowledge graph.

The public face of the library. Each name is imported on first use (PEP 562), so ``import
skillgraph`` is instant and pulls in no heavy library::

    import skillgraph as sg

    ont = sg.load_ontology()                       # the shipped SKOS ontology (+ extra files)
    postings = list(sg.read_postings(["seeds"]))   # files, folders, JSON/JSONL/CSV, "-" for stdin
    xs = [sg.extract(p, ont) for p in postings]    # skill mentions with offsets and levels
    G = sg.build_graph(xs, ont)                    # a networkx DiGraph
    sg.gap(G, "role:a", "role:b")                  # what B needs that A lacks

The stages, one package each, flow one way: ``ingest`` → ``ontology`` → ``extraction`` → ``graph`` →
``query`` | ``export`` | ``viz``; :func:`build` (``pipeline``) runs them all, as ``skillgraph build``
does. See ``docs/architecture.md``.
"""
from __future__ import annotations

import importlib

__version__ = "0.1.0"

# public name -> the module that defines it
_HOMES = {
    "BuildResult": "skillgraph.pipeline",
    "InputError": "skillgraph.errors",
    "NoPathError": "skillgraph.errors",
    "OntologyError": "skillgraph.errors",
    "SkillGraphError": "skillgraph.errors",
    "UnknownNodeError": "skillgraph.errors",
    "build": "skillgraph.pipeline",
    "build_graph": "skillgraph.graph",
    "extract": "skillgraph.extraction",
    "gap": "skillgraph.query",
    "load_graph": "skillgraph.graph",
    "load_ontology": "skillgraph.ontology",
    "overlap": "skillgraph.query",
    "path": ("skillgraph.query", "paths"),
    "plan": "skillgraph.query",
    "read_postings": "skillgraph.ingest",
    "read_rdf": "skillgraph.export",
    "save_graph": "skillgraph.graph",
    "similar": "skillgraph.query",
    "write_html": "skillgraph.viz",
    "write_rdf": "skillgraph.export",
}

__all__ = sorted([*_HOMES, "__version__"])


def __getattr__(name: str):
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module 'skillgraph' has no attribute {name!r}")
    module, attr = home if isinstance(home, tuple) else (home, name)
    value = getattr(importlib.import_module(module), attr)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_HOMES})
