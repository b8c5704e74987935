"""Load SKOS skill ontologies (ours, ESCO's, a user's), index their labels, walk their hierarchy,
check them, and import public vocabularies as SKOS.

Any SKOS Turtle works; several files merge. Concept ids are compact where we know the namespace:
``skill:<slug>`` for ours, ``esco:<uuid>`` for ESCO skills; any other concept keeps its full IRI.

- ``concepts.py`` — :class:`Ontology` (concepts by id, label index, broader hierarchy) and :class:`Problem`.
- ``labels.py`` — :func:`norm_label` (the one label normalisation), :func:`compact` / :func:`expand` ids.
- ``load.py`` — :func:`load_ontology` (parse Turtle with pyoxigraph, merge), :func:`default_files`.
- ``check.py`` — :func:`check` (what ``skillgraph ontology check`` reports), :func:`reference_targets`.
- ``importers/`` — :func:`import_esco` (ESCO CSVs) and :func:`import_onet` (O*NET) → SKOS Turtle.

Resolving a term to concepts the way extraction links it is ``skillgraph.extraction.resolve_term``.
"""
from .check import check, reference_targets
from .concepts import Ontology, Problem
from .importers import ESCO_ACK, ONET_ACK, import_esco, import_onet
from .labels import PREFIXES, compact, expand, norm_label
from .load import default_files, load_ontology

__all__ = [
    "ESCO_ACK", "ONET_ACK", "Ontology", "PREFIXES", "Problem", "check", "compact", "default_files", "expand",
    "import_esco", "import_onet", "load_ontology", "norm_label", "reference_targets",
]
