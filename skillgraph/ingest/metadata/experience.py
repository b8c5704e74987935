"""The minimum years of experience: the smallest N of "N+ years", "at least N years", "N-M years of …
experience", "N or more years"; "less than/up to N years" is ignored, and "N+ years experience
leading …" (a leadership add-on) counts only if nothing else does."""
from __future__ import annotations

import re

from .anchors import YEAR_WORDS
from .doc import Doc

__all__ = ["find_min_years"]

_NUMBER_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
                 "eight": 8, "nine": 9, "ten": 10, "twelve": 12, "fifteen": 15}
_YEARS_CORE_RE = re.compile(
    r"\b(?P<n>\d{1,2}|" + "|".join(_NUMBER_WORDS) + r")(?:\s*(?:-|–|—|to)\s*\d{1,2})?\s*"
    r"(?P<plus>\+|or\s+more|plus)?\s*(?:\(\d{1,2}\+?\)\s*)?(?:years?|yrs?)\b", re.I)
_YEARS_PRE_RE = re.compile(r"\b(?P<pre>at\s+least|minimum(?:\s+of)?|min\.?|over|more\s+than|less\s+than|up\s+to|"
                           r"under|fewer\s+than|maximum(?:\s+of)?)\s*(?:an?\s+)?$", re.I)
_YEARS_POST_RE = re.compile(r"\s+(?:of\s+)?(?:[\w/-]+\s+){0,5}?(?:experience|exp)\b", re.I)
_LEADERSHIP_RE = re.compile(r"\W*(?:of\s+)?(?:experience\s+|exp\s+)?(?:in\s+)?(?:leading|managing|"
                            r"people\s+management|management|leadership|mentoring|supervising|as\s+an?\s+"
                            r"(?:tech(?:nical)?\s+)?(?:lead|manager))", re.I)


def find_min_years(doc: Doc) -> int | None:
    text = doc.text
    general, leadership, seen = [], [], set()
    for a in sorted(doc.find_lower(YEAR_WORDS)):
        for m in _YEARS_CORE_RE.finditer(text, max(0, a - 30), min(len(text), a + 7)):
            if m.end() < a or m.start() in seen:
                continue
            seen.add(m.start())
            pre = _YEARS_PRE_RE.search(text, max(0, m.start() - 25), m.start())
            pre = pre.group("pre").lower() if pre else ""
            if pre[:2] in ("le", "up", "un", "fe", "ma"):      # less than / up to / under / … N years
                continue
            post = _YEARS_POST_RE.match(text, m.end(), min(len(text), m.end() + 80))
            if not (m.group("plus") or pre or post):
                continue
            word = m.group("n").lower()
            n = _NUMBER_WORDS[word] if word in _NUMBER_WORDS else int(word)
            start = post.end() if post else m.end()
            after = text[start:start + 40]
            if _LEADERSHIP_RE.match(after) or (post and re.search(
                    r"\b(?:leading|managing|management|leadership)\b", post.group().lower())):
                leadership.append(n)
            else:
                general.append(n)
    if general:
        return min(general)
    return min(leadership) if leadership else None
