"""How the page draws things: node colour and shape by kind, skill size by demand, edge style by
requirement level or relation, and the label fonts the layout measures."""
from __future__ import annotations

import math

# Tableau-10 colours: distinguishable, print well, readable with dark or white text.
NODE_STYLE = {
    "role": {"shape": "box", "color": "#4e79a7", "border": "#2c4a6e", "label": "Role"},
    "skill": {"shape": "dot", "color": "#f28e2b", "border": "#b8631a", "label": "Skill"},
    "team": {"shape": "diamond", "color": "#59a14f", "border": "#3b7034", "label": "Team"},
    "product": {"shape": "triangle", "color": "#76b7b2", "border": "#4a8a85", "label": "Product"},
    "company": {"shape": "hexagon", "color": "#b07aa1", "border": "#7d4f70", "label": "Company"},
}
ANCESTOR_STYLE = {"color": "#fbe0c3", "border": "#d9a878"}  # skills present only for the hierarchy
OTHER_STYLE = {"color": "#999999", "border": "#666666"}     # a kind outside the schema

LEVEL_STYLE = {  # vis dashes: false = solid, [dash, gap] in px
    "required": {"color": "#c0392b", "width": 3.0, "dashes": False},
    "responsibility": {"color": "#34495e", "width": 2.0, "dashes": False},
    "preferred": {"color": "#5d6d7e", "width": 1.5, "dashes": [7, 5]},
    "context": {"color": "#aab2bd", "width": 1.2, "dashes": [2, 4]},
}
REL_STYLE = {
    "broader": {"color": "#d9b38c", "width": 0.8, "dashes": False, "label": "broader skill (→ parent)"},
    "belongs_to": {"color": "#7fae78", "width": 1.2, "dashes": False, "label": "role in team"},
    "collaborates_with": {"color": "#7fae78", "width": 1.0, "dashes": [4, 4],
                          "label": "collaborates with team"},
    "part_of": {"color": "#7fae78", "width": 1.0, "dashes": False, "label": "team part of team"},
    "works_on": {"color": "#76b7b2", "width": 1.2, "dashes": False, "label": "works on product"},
    "has_role": {"color": "#c9a6c0", "width": 1.0, "dashes": False, "label": "company has role"},
    "has_team": {"color": "#c9a6c0", "width": 1.0, "dashes": False, "label": "company has team"},
}
OTHER_EDGE_STYLE = {"color": "#bbbbbb", "width": 1.0, "dashes": False}  # a relation outside the schema

# Label fonts (px in graph units: at zoom 1 a label is this many screen pixels high) and the width
# (px) at which vis-network wraps a label onto a new line (``widthConstraint.maximum``).
FONT = {"role": 15, "company": 15, "team": 14, "product": 14, "skill": 14, "ancestor": 12}
WRAP = {"role": 170, "company": 150, "team": 150, "product": 150, "skill": 150, "ancestor": 140}
BOX_MARGIN = 8    # role boxes: padding around the text
FOCUS_BORDER = "#e00000"   # the --focus node's border (4 px)


def style_key(d: dict) -> str:
    """The font/wrap class of a node's attributes: its kind, or ``ancestor`` for a skill present
    only for the hierarchy (``used`` False); unknown kinds draw like skills."""
    kind = d.get("kind")
    if kind == "skill" and d.get("used") is False:
        return "ancestor"
    return kind if kind in FONT else "skill"


def node_size(d: dict) -> float:
    """The shape's size (vis ``size``) for a node's attributes: skills grow with demand."""
    kind = d.get("kind")
    if kind == "skill":
        if d.get("used") is False:
            return 5.0
        demand = d.get("demand") or 0
        return round(min(6.0 + 4.0 * math.sqrt(max(float(demand), 0.0)), 30.0), 1)
    return {"team": 13.0, "product": 12.0, "company": 15.0}.get(kind, 10.0)


def edge_style(d: dict) -> tuple[str | None, dict]:
    """(requirement level or None, style) of an edge's attributes; an unknown level draws as context."""
    if d.get("rel", "link") == "requires":
        lvl = d.get("level") if d.get("level") in LEVEL_STYLE else "context"
        return lvl, LEVEL_STYLE[lvl]
    return None, REL_STYLE.get(d.get("rel", "link"), OTHER_EDGE_STYLE)
