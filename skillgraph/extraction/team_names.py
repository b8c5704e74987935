"""How a team's name found in the text is cut into names, given its other names and placed: one place for
the name rules that the unit finders of :mod:`~skillgraph.extraction.teams` share."""
from __future__ import annotations

import re

from .labels import spells

__all__ = ["first_offsets", "inner_aliases", "split_list", "split_names"]

_INNER = re.compile(r"(?P<acro>\S+) \((?P<other>[^()]+)\)(?= \S)")   # "Global FPS (Flexible Pipe Systems) Productivity"


def split_list(s: str) -> list[tuple[int, str]]:
    """"A, B, and C" -> [(offset, "A"), (offset, "B"), (offset, "C")]; "trust and safety" stays whole."""
    out, pos = [], 0
    for part in re.split(r"[,;]", s):
        i = s.find(part, pos)
        pos = i + len(part)
        lead = re.match(r"\s*(?:(?:and|or|&)\s+)?", part)
        name = part[lead.end():].strip()
        if name and len(name) <= 40 and not name.lower().startswith(("etc", "more", "others")):
            out.append((i + lead.end(), name))
    return out


def split_names(s: str) -> list[tuple[int, str]]:
    """Names before a plural unit word: as :func:`split_list`, and "and" / "or" separate without a comma
    too ("the Safety Systems and Applied AI teams"). Offsets stay those of ``s``."""
    return split_list(re.sub(r"\s(and|or)(?=\s)", r",\1", s))    # same length: "A and B" -> "A,and B"


def inner_aliases(name: str) -> tuple[str, ...]:
    """A name holding a bracketed other name is also called without it ("Global FPS Productivity") and,
    when the bracket spells out the word before it, with that word spelled out ("Global Flexible Pipe
    Systems Productivity")."""
    m = _INNER.search(name)
    if not m:
        return ()
    full = (name[:m.start()] + m["other"] + name[m.end():],) if spells(m["acro"], m["other"]) else ()
    return (name[:m.end("acro")] + name[m.end():], *full)


def first_offsets(text: str, names: list[str]) -> dict[str, int]:
    """Where each name first occurs in ``text`` (-1: nowhere): ``str.find`` for a few, one
    Aho–Corasick pass for many (a find per name from the start is quadratic)."""
    if len(names) <= 16:
        return {n: text.find(n) for n in names}
    import ahocorasick_rs

    first = {n: -1 for n in names}
    todo = len(names)
    for idx, s, _e in ahocorasick_rs.AhoCorasick(names).find_matches_as_indexes(text, overlapping=True):
        if first[names[idx]] < 0:      # one pattern's matches come in order (same length)
            first[names[idx]] = s
            todo -= 1
            if not todo:
                break
    return first
