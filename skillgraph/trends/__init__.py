"""Trends between two snapshots of postings: ``skillgraph diff OLD NEW``.

- :mod:`.snapshot` — one graph reduced to counts: postings per skill and level, roles by title+company
- :mod:`.load` — a side from a path: a graph file, or postings extracted and built
- :mod:`.stats` — Fisher's exact test and the Benjamini–Hochberg adjustment (scipy, imported lazily)
- :mod:`.compare` — two snapshots → rising, falling, new and vanished skills, changed roles
- :mod:`.charts` / :mod:`.report` — the offline HTML report with matplotlib SVG charts
"""
from __future__ import annotations

from .compare import ALPHA, ANY, MIN_POSTINGS, ROW_LEVELS, diff
from .load import is_graph_file, load_side
from .report import render_report, write_report
from .snapshot import Snapshot, role_key, snapshot

__all__ = ["ALPHA", "ANY", "MIN_POSTINGS", "ROW_LEVELS", "Snapshot", "diff", "is_graph_file", "load_side",
           "render_report", "role_key", "snapshot", "write_report"]
