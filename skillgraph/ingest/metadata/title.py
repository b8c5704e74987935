"""The job title: a "Title: X" line, else a title-like line among the first lines, else "… is hiring a <Title>"."""
from __future__ import annotations

import re

from .doc import Doc

__all__ = ["TITLE_KW_RE", "find_title", "looks_like_title"]

_TITLE_WORDS = (
    r"Engineer|Scientist|Researcher|Manager|Analyst|Developer|Architect|Lead|Director|Designer|"
    r"Intern|Internship|Consultant|Specialist|Administrator|Programmer|Technician|Head of|VP|"
    r"Vice President|Officer|Statistician|Strategist|Economist|Fellow|Technologist|Recruiter|"
    r"Coordinator|Product Owner|SRE|Modeler|Modeller|Annotator|Instructor|Professor|Postdoc|"
    r"Mathematician")
TITLE_KW_RE = re.compile(rf"\b(?:{_TITLE_WORDS})s?\b")
_SMALL_WORDS = frozenset("a an and at for in of on the to with or & - – — / , |".split())
_LABEL_RE = re.compile(r"(?:job\s+title|title|position|role)\s*:\s*(?P<v>.+)$", re.I)
_MD_MARKUP_RE = re.compile(r"^#{1,6}\s+|^[*_]{2}|[*_]{2}$")
_BULLET_RE = re.compile(r"(?:[-*•·▪◦●‣–—]|\d{1,2}[.)])\s+")
_BULLET_CHARS = "-*•·▪◦●‣–—"                 # what a _BULLET_RE match starts with, or a digit (\d)
_HIRED_TITLE_RE = re.compile(
    r"(?:looking\s+for|hiring|seeking|searching\s+for|recruiting)\s+(?:an?\s+|our\s+(?:next\s+|new\s+)?)?"
    r"(?P<t>(?:[A-Z][\w.+/&-]*)(?:,?\s+(?:[A-Z][\w.+/&-]*|of|and|&|for|in|-|–|II|III|IV))*)")


def looks_like_title(line: str) -> bool:
    """A short line shaped like a job title: a title word ("Engineer", "Scientist" …), at most one
    lower-case word that is not a small word, no closing punctuation, not a bullet."""
    if not (3 <= len(line) <= 100) or line[-1] in ".:;!?" or \
            ((line[0] in _BULLET_CHARS or line[0].isdecimal()) and _BULLET_RE.match(line)):
        return False
    words = line.split()
    if len(words) > 14:
        return False
    lower = 0
    for w in words:
        if w[:1].islower() and w.lower() not in _SMALL_WORDS:
            lower += 1
            if lower > 1:
                return False
    return bool(TITLE_KW_RE.search(line))


def find_title(doc: Doc, hiring: list[int]) -> tuple[str | None, int | None]:
    """(title, its index in ``doc.head``, None when it came from a hiring sentence) or (None, None).
    ``hiring``: :func:`~.hiring.hiring_anchors` of the doc."""
    for i, line in enumerate(doc.head[:15]):
        if ":" in line:
            m = _LABEL_RE.match(line)
            if m and TITLE_KW_RE.search(m.group("v")):
                return m.group("v").strip(), i
    for i, line in enumerate(doc.head[:12]):
        if line[0] in "#*_" or line[-1] in "*_":
            line = _MD_MARKUP_RE.sub("", line)      # "# Title", "**Title**" (Markdown)
        if 3 <= len(line) <= 100 and line[-1] not in ".:;!?" and looks_like_title(line):
            return line, i
    for a in hiring:
        m = _HIRED_TITLE_RE.match(doc.text, a)
        if not m:
            continue
        words = m.group("t").rstrip(",").split()
        while words and words[-1].lower() in _SMALL_WORDS:
            words.pop()
        t = " ".join(words).rstrip(".,")
        if t and TITLE_KW_RE.search(t):
            return t, None
    return None, None
