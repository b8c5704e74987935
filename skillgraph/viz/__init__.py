"""The role–skill–team graph as one self-contained, interactive HTML page.

:func:`write_html` selects what to show, lays it out in Python, renders the page and writes it;
node colour and shape show the kind, skill size shows demand, edge style shows the requirement level;
the legend doubles as kind/level filter and a search box focuses a node.

Which file does what:

* ``select.py`` — :func:`select_subgraph`: role/team/level/min-count filters, the focus (ego) view,
  and the ``max_nodes`` budget (most important part kept, the rest reported);
* ``layout.py`` — :func:`layout`: a seeded force layout, scaled to the label area, then label-box
  overlap removal and compaction;
* ``labels.py`` — labels as drawn (clipped, wrapped with estimated Arial widths) and the box each
  node takes with its label;
* ``style.py`` — node shapes and colours, skill sizes, edge styles, label fonts;
* ``tooltips.py`` — the plain-text tooltips of nodes and edges (label, definition, evidence);
* ``page.py`` — vis-network's node/edge data, the legend, :func:`render_html` and :func:`write_html`;
* ``page.html`` — the Jinja2 page template (package data; no CDN, a CSP that forbids fetching);
* ``screenshot.py`` — :func:`screenshot_html`: a PNG of the page from headless Chromium
  (:data:`CHROMIUM`, :data:`CHROMIUM_ARGS`) and :func:`wait_until_drawn`, the one wait for a drawn page.
"""
from skillgraph.vocab import KINDS, LEVELS

from .layout import layout
from .page import render_html, write_html
from .screenshot import CHROMIUM, CHROMIUM_ARGS, screenshot_html, wait_until_drawn
from .select import select_subgraph

__all__ = ["CHROMIUM", "CHROMIUM_ARGS", "KINDS", "LEVELS", "layout", "render_html", "screenshot_html",
           "select_subgraph", "wait_until_drawn", "write_html"]
