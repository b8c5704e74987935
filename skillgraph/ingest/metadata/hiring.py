"""Where a posting says "X is/are looking for/hiring/seeking …": the title follows, the company precedes."""
from __future__ import annotations

import re

from .anchors import HIRING_VERBS
from .doc import Doc

__all__ = ["IS_BEFORE_RE", "hiring_anchors"]

IS_BEFORE_RE = re.compile(r"\b(?:is|are)\s+(?:currently\s+|now\s+|actively\s+)?$")


def hiring_anchors(doc: Doc) -> list[int]:
    """Positions of "looking for"/"hiring"/… that follow "is"/"are" ("X is looking for a …")."""
    out = []
    for i in sorted(doc.find_lower(HIRING_VERBS)):
        if IS_BEFORE_RE.search(doc.text, max(0, i - 30), i):
            out.append(i)
    return out
