"""Requirement levels from cues: what a section heading implies, and how a sentence adjusts it.

The cue tables are data (:mod:`skillgraph.extraction.cues`); this module compiles them into
:class:`Cues` and answers :func:`heading_level` ("Nice to have" → preferred) and
:func:`sentence_level` ("… is a plus" → preferred, "you will …" → responsibility).
"""
from __future__ import annotations

import itertools
import re
from functools import lru_cache

from .cues import ASK_ITEM, HEADING, HEADING_ORDER, MUST, SENTENCE

__all__ = ["HEADING_CUES", "SENTENCE_CUES", "Cues", "ask_item", "heading_level", "preferred_parts", "prose_level",
           "sentence_level", "stack_heading"]


class Cues:
    """Regexes searched only where a cheap necessary condition holds.

    A cue is a list of alternatives, each with hints: lower-case substrings one of which every match
    of the alternative contains (a leading ``\\b``: the hint starts a word; a trailing one: it ends
    one). A plain phrase such as ``r"\\bperks\\b"`` is its own hint and needs no regex at all (in
    ASCII text, where the case-folded text lines up with the text). One Aho–Corasick pass over the
    case-folded text finds the hints present; only the alternatives hinted are searched. A long
    alternation is tried at every position of the text, 10-45 µs for a sentence; the pass costs
    about 1.5 µs. tests/extract/test_extract_levels.py checks, on strings generated from each
    alternative and on real postings, that every match holds one of its hints and that the answer
    is the whole regex's.
    """

    _PLAIN = re.compile(r"(?:\\b)?[a-z0-9 '\-]+(?:\\b)?")

    def __init__(self, flags: int = 0, **cues):
        self.alternatives: dict[str, list[tuple[re.Pattern, tuple[str, ...], bool]]] = {}
        self.cues: dict[str, tuple[re.Pattern, tuple[str, ...]]] = {}   # the whole cue: reading, tests
        for name, alts in cues.items():
            items = []
            for alt in alts:
                if isinstance(alt, str):
                    if not self._PLAIN.fullmatch(alt):
                        raise ValueError(f"cue {name}: {alt!r} is not a plain phrase; give its hints")
                    items.append((re.compile(alt, flags), (alt,), True))
                else:
                    items.append((re.compile(alt[0], flags), tuple(alt[1:]), False))
            self.alternatives[name] = items
            self.cues[name] = (re.compile("|".join(f"(?:{rx.pattern})" for rx, _, _ in items), flags),
                               tuple(h for _, hs, _ in items for h in hs))
        self._auto = None

    def _build(self):
        import ahocorasick_rs

        table: dict[str, list[tuple]] = {}
        for name, items in self.alternatives.items():
            for i, (_, hints, plain) in enumerate(items):
                for h in hints:
                    start, end = h.startswith("\\b"), h.endswith("\\b")
                    key = h[2 if start else 0:len(h) - 2 if end else len(h)]
                    table.setdefault(key, []).append((name, i, start, end, plain))
        self._auto = (ahocorasick_rs.AhoCorasick(list(table)), [tuple(v) for v in table.values()])

    def present(self, text: str) -> dict:
        """{cue name: True when a plain alternative matched, else the indices of hinted alternatives}."""
        if self._auto is None:
            self._build()
        low = text.casefold()
        aligned = text.isascii()
        n = len(low)
        out: dict = {}
        automaton, info = self._auto
        for k, s, e in automaton.find_matches_as_indexes(low, overlapping=True):
            for name, i, start, end, plain in info[k]:
                if start and s > 0 and (low[s - 1].isalnum() or low[s - 1] == "_"):
                    continue
                if end and e < n and (low[e].isalnum() or low[e] == "_"):
                    continue
                got = out.get(name)
                if got is True:
                    continue
                if plain and aligned:
                    out[name] = True
                elif got is None:
                    out[name] = {i}
                else:
                    got.add(i)
        return out

    def search(self, name: str, text: str, present: dict) -> bool:
        """Whether the cue matches ``text``: the same answer as its whole regex."""
        got = present.get(name)
        if got is None:
            return False
        if got is True:
            return True
        items = self.alternatives[name]
        return any(items[i][0].search(text) for i in sorted(got))


HEADING_CUES = Cues(**HEADING)
"""Heading cues, searched in the heading lower-cased, "’" as "'", ":" as a space, padded with spaces."""
SENTENCE_CUES = Cues(flags=re.I, **SENTENCE)
"""Sentence cues, searched ignoring case in the sentence as it is."""


def _heading_text(heading: str) -> str:
    return " " + " ".join(heading.lower().replace("\u2019", "'").replace(":", " ").replace("\\", "").split()) + " "


_ASK_ITEM = re.compile(ASK_ITEM, re.I)


def ask_item(line: str) -> bool:
    """A short heading-shaped line that is one ask of a list (:data:`~.cues.ASK_ITEM`: "AWS or cloud BI
    experience"), not a heading of its own."""
    return _ASK_ITEM.match(line) is not None


@lru_cache(maxsize=4096)
def heading_level(heading: str) -> str | None:
    """The requirement level a section heading implies, or None when it says nothing about it."""
    h = _heading_text(heading)
    present = HEADING_CUES.present(h)
    for cue, level in HEADING_ORDER:
        if HEADING_CUES.search(cue, h, present):
            return level
    return None


_STACK_WORD = re.compile(r"\b(?:stack|technologies|tools)\b")


@lru_cache(maxsize=4096)
def stack_heading(heading: str) -> bool:
    """Whether a heading names the stack ("Our Tech Environment", "Tech Stack", "Tools & Technologies")."""
    h = _heading_text(heading)
    return HEADING_CUES.search("stack", h, HEADING_CUES.present(h)) or _STACK_WORD.search(h) is not None


_ONE_SENTENCE = 200   # characters: longer, a flattened page's run of items, where a plus names one of them
_MUST = re.compile(MUST, re.I)


def prose_level(sentence: str) -> str:
    """The rules' level of a sentence no recognised heading settles: its own cues (:func:`sentence_level`
    from context; in a sentence of one item a plus wins over an ask), then a preferred cue ("… Python
    experience is a big plus"), then a stack cue ("We work mainly in Python", "a Go shop", "Hybrid | NYC |
    Python/Java"). Under a recognised context heading the last two are left alone ("Plus: 401k", "We work
    with hospitals across Europe")."""
    lv = sentence_level("context", sentence)
    if lv != "context" and (lv != "required" or len(sentence) > _ONE_SENTENCE or _MUST.search(sentence)):
        return lv         # "You must have strong Python skills and Docker is a plus" still asks for Python
    present = SENTENCE_CUES.present(sentence)
    if SENTENCE_CUES.search("preferred", sentence, present):
        return "preferred"        # over an ask: "Experience with Flutter is highly desirable"
    if lv == "required":
        return lv
    if SENTENCE_CUES.search("stack", sentence, present):
        return "required"
    return "context"


@lru_cache(maxsize=65536)
def sentence_level(section_level: str, sentence: str) -> str:
    """Adjust a section's level by what the sentence itself says."""
    present = SENTENCE_CUES.present(sentence)
    if SENTENCE_CUES.search("hiring_notice", sentence, present):
        return "context"          # "We may use AI tools to support parts of the hiring process", any heading
    if section_level == "preferred":
        return section_level      # no other cue changes it
    if SENTENCE_CUES.search("preferred" if section_level != "context" else "asked", sentence, present):
        return "preferred"        # under a context heading only a plus said outright ("… a strong plus")
    if section_level in ("context", "responsibility") and SENTENCE_CUES.search("required", sentence, present):
        return "required"
    if section_level == "context" and SENTENCE_CUES.search("responsibility", sentence, present):
        return "responsibility"
    return section_level


_CLAUSE = re.compile(r"[^;\s](?:[^;]*[^;\s])?")   # the clauses of a sentence between semicolons, trimmed
_BRACKET = re.compile(r"\([^()]*\)")
_EDGE = " \t,;:"
_BRACKETS_TRIED = 8   # each one tried re-levels the sentence without it: a cap keeps a long line linear


def preferred_parts(sentence: str, level_of) -> list[tuple[int, int, bool]] | None:
    """How a preferred sentence splits where its plus is said apart from the rest: (start, end, is the
    plus) pieces, or None when it stays whole. A later ``;`` clause ("Familiarity with AWS; Docker is a
    plus": AWS keeps its own level) or a bracket ("Proficient in an OOP language (C# experience is
    beneficial)") that ``level_of`` calls preferred alone, when the rest is not. A leading cue spreads:
    "Nice to have: Kafka; Airflow" stays whole. The pieces outside a bracket share the level of the
    sentence without it ("Proficiency in SQL (BigQuery is a plus), Excel")."""
    if ";" in sentence:
        clauses = [m.span() for m in _CLAUSE.finditer(sentence)]
        plus = [level_of(sentence[a:b]) == "preferred" for a, b in clauses]
        k = plus.index(True) if True in plus else 0
        head = sentence[:clauses[k - 1][1]] if k else ""
        # not inside brackets: "PostgreSQL (plus some AWS; DynamoDB is a bonus)" is one clause; each clause is
        # a piece, the plus only where said ("Python; Docker is a plus; 5+ years of Java": Java is asked)
        if k and head.count("(") == head.count(")"):
            return [(a, b, p) for (a, b), p in zip(clauses, plus, strict=True)]
    for m in itertools.islice(_BRACKET.finditer(sentence), _BRACKETS_TRIED) if "(" in sentence else ():
        a, b = m.span()
        if level_of(sentence[a + 1:b - 1]) == "preferred" and level_of(sentence[:a] + sentence[b:]) != "preferred":
            out = [(a, b, True)]
            for x, y in ((0, a), (b, len(sentence))):
                while x < y and sentence[x] in _EDGE:
                    x += 1
                while y > x and sentence[y - 1] in _EDGE:
                    y -= 1
                if x < y:
                    out.append((x, y, False))
            return sorted(out)
    return None
