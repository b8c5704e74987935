"""The role–skill–team graph: a networkx ``DiGraph`` built from extractions, saved and loaded as
deterministic node-link JSON, and the names people use for its nodes.

- ``build.py`` — :func:`build_graph` (extractions + ontology → graph) and the node/edge schema
  (its module docstring is the contract queries, RDF export and the HTML view rely on).
- ``io.py`` — :func:`save_graph` / :func:`load_graph` (``graph.json``) and :func:`save_mentions`
  (``mentions.jsonl``); atomic, byte-identical writes.
- ``names.py`` — :func:`resolve_node` (the node a person means by a name, with did-you-mean),
  :func:`node_name`, :func:`norm_name`, :func:`slug`.
- ``nx_fast.py`` — the one place that writes networkx's internal storage (edge dicts placed
  without copies, nodes renamed and storage sorted in place), with what that buys.

``KINDS`` and ``RELATIONS`` (node kinds, edge relations) come from :mod:`skillgraph.vocab`.
"""
from skillgraph.vocab import KINDS, RELATIONS

from .build import build_graph
from .io import load_graph, save_graph, save_mentions
from .names import node_name, norm_name, resolve_node, slug

__all__ = [
    "KINDS", "RELATIONS", "build_graph", "load_graph", "node_name", "norm_name", "resolve_node",
    "save_graph", "save_mentions", "slug",
]
