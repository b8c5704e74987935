"""`skillgraph ontology ...`: look up terms, check the ontology, import ESCO (see cli/rdf.py)."""
from __future__ import annotations

import click

from . import main


@main.group("ontology")
def ontology_group():
    """Inspect, check and import SKOS skill ontologies."""
