"""The company: votes from the places postings name it; the most-voted name wins (see ``find_company``)."""
from __future__ import annotations

import re
from collections import Counter

from .anchors import ABOUT, AT, EEO_WORDS
from .doc import Doc
from .hiring import IS_BEFORE_RE
from .location import CITY_ST_RE
from .title import TITLE_KW_RE

__all__ = ["find_company"]

_NAME = r"[A-Z][\w&.'’-]*(?: [A-Z][\w&.'’-]*){0,3}"
_NOT_COMPANY = frozenset({
    "the", "us", "you", "we", "our", "this", "the role", "the team", "this role", "the job",
    "the position", "the company", "the opportunity", "our team", "the work", "it", "they", "he",
    "she", "remote", "hybrid", "onsite", "on-site", "full-time", "full time", "part-time",
    "contract", "skills", "overview", "description", "job description", "apply", "benefits",
    "responsibilities", "requirements", "qualifications", "summary", "about", "location",
    "engineering", "technology", "information technology", "what", "who", "why", "how",
})
_COMPANY_LABEL_RE = re.compile(rf"(?i:company|company name|employer|organi[sz]ation)\s*:\s*(?P<c>{_NAME})$")
_NAME_AT_END_RE = re.compile(rf"(?:^|(?<=[.!?]\s)|(?<=\n))(?P<c>{_NAME})\s+$")
_NAME_IS_AN_AT_END_RE = re.compile(rf"(?:^|(?<=[.!?]\s)|(?<=\n))(?P<c>{_NAME}) is an? $")
_COMPANY_ABOUT_RE = re.compile(rf"About (?P<c>{_NAME})\s*:?$")
_COMPANY_AT_RE = re.compile(rf"At (?P<c>{_NAME}),? (?:we|we’re|we're|our|you|you’ll|you'll)\b")
_NAME_RE = re.compile(_NAME)
_NAME_LINE_SPLIT_RE = re.compile(r"\s+[·•|]\s+")


def _clean_company(name: str) -> str | None:
    name = name.strip(" .,:;'’")
    words = name.split()
    half = len(words) // 2
    if len(words) % 2 == 0 and half and words[:half] == words[half:]:
        words = words[:half]                      # "Pinterest Pinterest" (logo alt text + name)
    name = " ".join(words)
    if not name or name.lower() in _NOT_COMPANY or TITLE_KW_RE.search(name) \
            or any(c.isdigit() for c in name) or len(name) > 60:
        return None
    return name


def _name_line(line: str) -> str | None:
    """The name a short line starts with ("Pinterest", "Pinterest · Consumer · …"), unless it is a place."""
    first = _NAME_LINE_SPLIT_RE.split(line)[0].strip()
    if len(first.split()) <= 4 and _NAME_RE.fullmatch(first) and not CITY_ST_RE.search(line.split("·")[0]):
        return first
    return None


def find_company(doc: Doc, title_index: int | None, hiring: list[int]) -> str | None:
    """The company named by "Company: X", "X is looking for/hiring", an "About X" line, "At X, we …",
    a short name line next to the title (``title_index`` in ``doc.head``), "X is an equal
    opportunity employer": the most-voted name, ties to the earlier kind of place, then by name.
    ``hiring``: :func:`~.hiring.hiring_anchors` of the doc."""
    text, head = doc.text, doc.head
    votes: Counter[str] = Counter()
    first_seen: dict[str, int] = {}

    def vote(name: str | None, rank: int) -> None:
        name = _clean_company(name) if name else None
        if name:
            votes[name] += 1
            first_seen.setdefault(name, rank)

    for line in doc.colon_lines:                           # "Company: Pinterest"
        m = _COMPANY_LABEL_RE.match(line)
        if m:
            vote(m.group("c"), 0)
    for a in hiring:                                       # "Pinterest is looking for …"
        w0 = max(0, a - 80)
        m = _NAME_AT_END_RE.search(text, w0, IS_BEFORE_RE.search(text, w0, a).start())
        if m:
            vote(m.group("c"), 1)
    for line in doc.lines_holding(doc.find_exact((ABOUT,))):      # "About Pinterest:"
        if line.startswith(ABOUT):
            m = _COMPANY_ABOUT_RE.match(line)
            if m:
                vote(m.group("c"), 2)
    for i in doc.find_exact((AT,)):                   # "At Pinterest, we …"
        if i == 0 or not text[i - 1].isalnum():
            m = _COMPANY_AT_RE.match(text, i)
            if m:
                vote(m.group("c"), 3)
    if title_index is not None:                            # a name line next to the title
        for j in (title_index - 1, title_index + 1):
            if 0 <= j < len(head):                         # head: the title is among its first 15
                vote(_name_line(head[j]), 4)
    for i in doc.find_lower(EEO_WORDS):
        m = _NAME_IS_AN_AT_END_RE.search(text, max(0, i - 80), i)
        if m:
            vote(m.group("c"), 5)
    if not votes:
        return None
    return min(votes, key=lambda n: (-votes[n], first_seen[n], n))
