"""Unknown skills for curators (``skillgraph discover``): the hybrid pass's candidates grouped and
ranked, and a draft SKOS scheme of them.

- ``group.py`` — :func:`discover` (extractions → ranked :class:`Group` records), :func:`group_key`.
- ``skos.py`` — :func:`write_draft` (groups → a draft SKOS Turtle file that ``--ontology`` loads).
"""
from .group import EXAMPLES, FORM_WORDS, Group, discover, group_key
from .skos import BROADER_MIN, DEFAULT_KIND, draft_triples, write_draft

__all__ = ["BROADER_MIN", "DEFAULT_KIND", "EXAMPLES", "FORM_WORDS", "Group", "discover", "draft_triples",
           "group_key", "write_draft"]
