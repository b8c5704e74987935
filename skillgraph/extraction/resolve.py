"""Which concepts a term names: the lookup users' terms go through (profiles, ``ontology lookup``)."""
from __future__ import annotations

from skillgraph.model import Concept
from skillgraph.ontology import Ontology, compact

from .matcher import matcher_for

__all__ = ["resolve_term"]


def resolve_term(ontology: Ontology, term: str) -> list[Concept]:
    """Concepts a term names: an id or IRI, a compact id (``skill:pytorch``), or a label as
    extraction would link it (the matcher's own variant rules: plural, closed form, case)."""
    t = term.strip()
    if t in ontology.concepts:
        return [ontology.concepts[t]]
    if compact(t) in ontology.concepts:
        return [ontology.concepts[compact(t)]]
    return [ontology.concepts[c] for c in matcher_for(ontology).lookup(t)]
