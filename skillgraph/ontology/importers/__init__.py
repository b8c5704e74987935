"""Import public skill vocabularies as SKOS Turtle that works as ``--ontology FILE``.

- ``esco.py`` — :func:`import_esco`: ESCO's CSV distribution (skills, skill groups, the skill
  pillar's broader relations, the skills hierarchy) → SKOS under ESCO's own URIs.
- ``onet.py`` — :func:`import_onet`: O*NET Technology Skills → a tools vocabulary grouped by UNSPSC.
- ``tables.py`` — finding and reading the CSV/TSV tables of a download (gzipped or plain).

Both write through skillgraph's Turtle writer (``skillgraph.export``, imported when an import runs).
"""
from .esco import ESCO_ACK, ESCO_SCHEME, import_esco
from .onet import ONET_ACK, import_onet

__all__ = ["ESCO_ACK", "ESCO_SCHEME", "ONET_ACK", "import_esco", "import_onet"]
