"""The page: vis-network's node and edge data, the legend, and the HTML rendered by pyvis 0.3.2
through our own template (``page.html``, shipped as package data; it says why it is ours).

* one file, no network request: vis-network is inlined from the copy the pyvis wheel ships, no CDN,
  no Bootstrap, no ``lib/`` folder written anywhere, and a Content-Security-Policy that forbids fetching;
* deterministic bytes: nodes and edges sorted, seeded layout, rounded coordinates, no timestamps, no
  random ids;
* physics off: positions come from Python, so 2,000 nodes draw in about a second instead of minutes;
* posting text is untrusted: it reaches the page only as JSON (``<``, ``>``, ``&`` escaped) or through
  the autoescaping template, and tooltips are plain strings that vis-network shows with ``innerText``.
"""
from __future__ import annotations

import functools
import re
from collections import Counter
from importlib.resources import files
from pathlib import Path

import networkx as nx

from skillgraph.errors import InputError
from skillgraph.outputs import write_text
from skillgraph.vocab import KINDS, LEVELS

from .data import explorer_data, json_for_script
from .labels import display_label, node_label
from .layout import SEED, layout
from .screenshot import screenshot_html
from .select import select_subgraph
from .style import (
    ANCESTOR_STYLE,
    BOX_MARGIN,
    FOCUS_BORDER,
    FONT,
    LEVEL_STYLE,
    NODE_STYLE,
    OTHER_STYLE,
    REL_STYLE,
    edge_style,
    node_size,
    style_key,
)
from .tooltips import edge_title, node_title


def _vis_node(G, n, x: float, y: float) -> dict:
    d = G.nodes[n]
    kind = d.get("kind", "other")
    st = NODE_STYLE.get(kind, {"shape": "dot", **OTHER_STYLE})
    colors = ANCESTOR_STYLE if kind == "skill" and d.get("used") is False else st
    node = {"id": n, "label": display_label(G, n), "name": node_label(G, n), "kind": kind,
            "title": node_title(G, n), "shape": st["shape"], "x": x, "y": y, "physics": False,
            "color": {"background": colors["color"], "border": colors["border"],
                      "highlight": {"background": colors["color"], "border": "#000000"},
                      "hover": {"background": colors["color"], "border": "#000000"}},
            "borderWidth": 1.5}
    key = style_key(d)
    font = {"size": FONT[key], "face": "arial", "color": "#222222"}
    # roles, teams, companies, products labelled down to 3 px on screen, skills down to 5 px
    node["scaling"] = {"label": {"drawThreshold": 5 if kind == "skill" else 3, "maxVisible": 40}}
    if st["shape"] == "box":
        font["color"] = "#ffffff"
        node["margin"] = BOX_MARGIN
    else:
        node["size"] = node_size(d)
        if key == "ancestor":
            font["color"] = "#7a6a5a"
        else:
            font.update(strokeWidth=3, strokeColor="#ffffff")
    node["font"] = font
    if kind == "skill":
        node["demand"] = d.get("demand") or 0
    return node


def _vis_nodes(G, pos, focus=None) -> list[dict]:
    out = [_vis_node(G, n, *pos[n]) for n in sorted(G)]
    for node in out:
        if node["id"] == focus:   # --focus: a thick red border, and the page selects it on load
            node["color"]["border"] = node["color"]["highlight"]["border"] = FOCUS_BORDER
            node["borderWidth"] = 4
            node["focus"] = True
    return out


def _vis_edges(G) -> list[dict]:
    out = []
    for i, (u, v, d) in enumerate(sorted(G.edges(data=True), key=lambda e: (e[0], e[1]))):
        rel = d.get("rel", "link")
        lvl, st = edge_style(d)
        e = {"id": f"e{i}", "from": u, "to": v, "rel": rel, "title": edge_title(G, u, v, d),
             "width": st["width"], "dashes": st["dashes"],
             "color": {"color": st["color"], "highlight": "#000000", "hover": "#000000",
                       "opacity": 0.9 if rel == "requires" else 0.7},
             "arrows": {"to": {"enabled": rel in ("requires", "broader", "part_of"),
                               "scaleFactor": 0.45}}}
        if lvl is not None:
            e["level"] = lvl
            e["count"] = int(d.get("count", 1) or 1)
        out.append(e)
    return out


def _vis_options(n_nodes: int) -> dict:
    big = n_nodes > 800
    return {
        "physics": {"enabled": False},
        "layout": {"improvedLayout": False, "randomSeed": SEED},
        "interaction": {"hover": True, "tooltipDelay": 120, "hideEdgesOnDrag": big,
                        "hideEdgesOnZoom": big, "multiselect": False, "navigationButtons": False,
                        "keyboard": False, "zoomSpeed": 0.6},
        "edges": {"smooth": False, "selectionWidth": 1.5, "hoverWidth": 1.0},
    }


@functools.lru_cache(maxsize=1)
def _vis_js() -> str:
    """vis-network 9.1.2 as shipped inside the pyvis wheel (read, not copied into this repo)."""
    import pyvis

    path = Path(pyvis.__file__).parent / "templates" / "lib" / "vis-9.1.2" / "vis-network.min.js"
    try:
        js = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise InputError(f"cannot read vis-network from the pyvis package ({path}): {exc.strerror}; "
                         f"reinstall pyvis==0.3.2") from exc
    # a source-map comment would make developer tools fetch a file that is not there
    js = re.sub(r"\n//# sourceMappingURL=\S*\s*$", "\n", js)
    if "</script" in js.lower():  # would end our inline <script> early
        raise InputError(f"{path} contains '</script' and cannot be inlined; reinstall pyvis==0.3.2")
    return js


_SCRIPTS = ("explorer.js", "panel.js", "filters.js", "matrix.js")   # in this order (each uses the last)


@functools.lru_cache(maxsize=1)
def _explorer_js() -> str:
    """The explorer's scripts (package data), checked so they cannot end the inline <script> early."""
    js = "\n".join(files("skillgraph.viz").joinpath(f).read_text(encoding="utf-8")
                   for f in _SCRIPTS)
    if "</script" in js.lower() or "<!--" in js:
        raise InputError(f"one of skillgraph/viz/{', '.join(_SCRIPTS)} contains '</script' or '<!--'; "
                         "reinstall skillgraph")
    return js


@functools.lru_cache(maxsize=1)
def _page_template() -> str:
    """``page.html``, the Jinja2 template, read as package data."""
    return files("skillgraph.viz").joinpath("page.html").read_text(encoding="utf-8")


def _page_data(G: nx.DiGraph) -> dict:
    """:func:`explorer_data` plus the level colours the matrix paints with."""
    data = explorer_data(G)
    data["level_colors"] = {lv: LEVEL_STYLE[lv]["color"] for lv in LEVELS}
    return data


def _dash(st: dict) -> str:
    return ",".join(map(str, st["dashes"])) if st["dashes"] else ""


def _legend(H) -> tuple[list, list, list]:
    kinds = Counter(d.get("kind") for _, d in H.nodes(data=True))
    rels = Counter(d.get("rel") for _, _, d in H.edges(data=True))
    levels = Counter(d.get("level") if d.get("level") in LEVEL_STYLE else "context"
                     for _, _, d in H.edges(data=True) if d.get("rel") == "requires")
    kind_rows = [{"key": k, "label": NODE_STYLE[k]["label"], "count": kinds.get(k, 0),
                  "shape": NODE_STYLE[k]["shape"], "color": NODE_STYLE[k]["color"],
                  "border": NODE_STYLE[k]["border"], "radius": 6} for k in KINDS]
    level_rows = [{"key": lv, "count": levels.get(lv, 0), "color": LEVEL_STYLE[lv]["color"],
                   "width": LEVEL_STYLE[lv]["width"], "dash": _dash(LEVEL_STYLE[lv])}
                  for lv in LEVELS]
    other = [{"label": st["label"], "count": rels[rel], "color": st["color"], "width": st["width"],
              "dash": _dash(st)}
             for rel, st in REL_STYLE.items() if rels.get(rel)]
    return kind_rows, level_rows, other


def _tagged(H: nx.DiGraph, G: nx.DiGraph) -> nx.DiGraph:
    """A copy of ``H`` in which roles and teams whose titles repeat in ``G`` carry a ``tag`` (company,
    location, both or id: :func:`~skillgraph.graph.names.distinct_tags`, as the panel shows them)."""
    from skillgraph.graph.names import distinct_tags

    tags = distinct_tags(G, [n for n, k in G.nodes(data="kind") if k in ("role", "team")])
    H = H.copy()
    for n in H:
        if n in tags:
            tag = tags[n]
            H.nodes[n]["tag"] = tag.split(":", 1)[1] if tag == n else tag  # the shape says the kind
    return H


def render_html(H: nx.DiGraph, *, title: str = "Skill graph", message: str | None = None,
                stats: str = "", G: nx.DiGraph | None = None, focus: str | None = None,
                cli_filters: str = "") -> str:
    """The page for ``H`` as a string (everything ``H`` holds is drawn: select first); the explorer's
    panel and comparisons read :func:`~skillgraph.viz.data.explorer_data` of ``G`` (default ``H``)."""
    import jinja2
    from markupsafe import Markup
    from pyvis import __version__ as pyvis_version
    from pyvis.network import Network

    H = _tagged(H, H if G is None else G)
    pos = layout(H)
    # pyvis's own add_node/add_edge scan lists on every call (quadratic): fill its lists directly.
    net = Network(height="100%", width="100%", directed=True, cdn_resources="in_line")
    net.nodes = _vis_nodes(H, pos, focus)
    net.edges = _vis_edges(H)
    net.options = _vis_options(len(net.nodes))
    kinds, levels, other = _legend(H)
    env = jinja2.Environment(loader=jinja2.DictLoader({"skillgraph.html": _page_template()}),
                             autoescape=True, keep_trailing_newline=True)
    env.globals.update(title=title, message=message, stats=stats, kinds=kinds, levels=levels,
                       other_edges=other, pyvis_version=pyvis_version,
                       vis_js=jinja2.utils.markupsafe.Markup(_vis_js()), focus=focus,
                       cli_filters=cli_filters,
                       explorer_json=Markup(json_for_script(_page_data(H if G is None else G))),
                       explorer_js=Markup(_explorer_js()))
    net.templateEnv = env
    net.path = "skillgraph.html"
    env.globals["vis_options"] = net.options  # pyvis passes `options` as a JSON string
    return net.generate_html()


def _stats(G: nx.DiGraph, H: nx.DiGraph) -> str:
    """The page's one-line summary: what is drawn (of how much), roles, skills, postings, ontology."""
    kinds = Counter(d.get("kind") for _, d in H.nodes(data=True))
    stats = (f"{H.number_of_nodes():,} nodes, {H.number_of_edges():,} links"
             + (f" of {G.number_of_nodes():,} / {G.number_of_edges():,}"
                if H.number_of_nodes() != G.number_of_nodes() else "")
             + f" · {kinds.get('role', 0):,} roles, {kinds.get('skill', 0):,} skills")
    if G.graph.get("postings") is not None:
        stats += f" · {G.graph['postings']:,} postings"
    if G.graph.get("ontology_version"):
        stats += f" · ontology {G.graph['ontology_version']}"
    return stats


def cli_filters(filters: dict) -> str:
    """The filters a page was drawn with, as the ``skillgraph viz`` options that give them."""
    parts = []
    if filters.get("focus"):
        parts.append(f"--focus {filters['focus']} --depth {filters.get('depth') or 1}")
    parts += [f"--role {r}" for r in filters.get("role") or ()]
    parts += [f"--team {t}" for t in filters.get("team") or ()]
    if filters.get("level"):
        parts.append(f"--level {filters['level']}")
    if int(filters.get("min_count") or 1) > 1:
        parts.append(f"--min-count {filters['min_count']}")
    return " ".join(parts)


def _page_message(G: nx.DiGraph, report: dict) -> str | None:
    """The reduction message plus what still covers the whole graph (left out of the drawing only)."""
    if not report.get("reduced"):
        return report["message"]
    kinds = Counter(d.get("kind") for _, d in G.nodes(data=True))
    return (f"{report['message']} Only the drawing is reduced: the side panel, the two-group gap and "
            f"overlap and the role × skill matrix (paged) use the whole graph — "
            f"{kinds.get('role', 0):,} roles, {kinds.get('skill', 0):,} skills.")


def write_html(G: nx.DiGraph, path, *, focus=None, depth: int = 1, role=None, team=None,
               level: str | None = None, min_count: int = 1, max_nodes: int | None = 500,
               title: str | None = None, screenshot=None) -> dict:
    """Write ``G`` (or the part selected by the filters) as one self-contained HTML file.

    Returns a report: ``path``, ``nodes``/``edges`` drawn, ``nodes_total``/``edges_total`` in ``G``,
    ``filters``, ``filtered_out``, ``reduced`` and ``left_out`` (by kind, examples, ``message``:
    also shown in the page) and ``bytes``; ``screenshot`` (a PNG path) renders the page in headless
    Chromium and saves a picture of it.
    """
    H, report = select_subgraph(G, focus=focus, depth=depth, role=role, team=team, level=level,
                                min_count=min_count, max_nodes=max_nodes)
    if title is None:
        title = "Skill graph"
        if report["filters"]["focus"]:
            title += f" around {node_label(G, report['filters']['focus'])}"
    page = render_html(H, title=str(title), message=_page_message(G, report), stats=_stats(G, H), G=G,
                       focus=report["filters"]["focus"], cli_filters=cli_filters(report["filters"]))
    path = Path(path)
    write_text(path, page)
    report = {"path": str(path), **report, "bytes": len(page.encode("utf-8")), "screenshot": None}
    if screenshot is not None:
        report["screenshot"] = str(screenshot_html(path, screenshot))
    return report
