"""The command line: a thin shell over the library.

Each command parses its options, calls one library function and hands rows to :func:`render`.
Errors become one line on stderr and exit code 1 in :mod:`.app`, and nowhere else. Heavy libraries
(spaCy, pyvis, pyshacl) are imported inside the commands that need them, so ``skillgraph --help``
answers at once.

- :mod:`.app` — the ``skillgraph`` group and error handling
- :mod:`.options` — options several commands share (``--ontology``, ``--format`` …), declared once
- :mod:`.render` — rows as a table, JSON or CSV
- commands, one module per job: :mod:`.extract`, :mod:`.build`, :mod:`.queries` (gap, plan, overlap,
  path, similar, skills, roles, teams), :mod:`.ontology`, :mod:`.rdf` (export, validate, sparql,
  importers), :mod:`.trends` (diff), :mod:`.viz`
"""
from __future__ import annotations

from . import build, discover, evaluate, extract, ontology, queries, rdf, trends, viz  # noqa: F401  (each registers its commands)
from .app import main
from .options import FORMATS, format_option
from .render import render

__all__ = ["FORMATS", "format_option", "main", "render"]
