"""What the words around a hit decide, after the automaton has found it.

- An ordinary-word label (Go, Spark, Excel, R) at a sentence start links only with support
  (:func:`supported`).
- A weak label (search, ranking) does not link as the head of a longer noun phrase
  (:func:`is_compound_head`: "documentation search").
"""
from __future__ import annotations

import re
from bisect import bisect_right

__all__ = ["is_compound_head", "supported"]

_FUNCTION_WORDS = frozenset(
    "and or nor in of for with on to the a an as at by from into including include includes like "
    "such e.g eg i.e ie via about across around both either plus vs versus than is are be our your "
    "their its this that these those own strong solid deep proven good great excellent".split())
_ADJECTIVES = frozenset(
    "quick rapid fast strong solid deep good great robust rigorous continuous scalable large small "
    "new modern advanced applied online offline rigorous careful thorough efficient reliable "
    "hands on end to responsible fair".split())

_AT_START = re.compile(r"(?:^|[.!?:;]\s+|^\s*(?:[-*\u2022\u25cf\u25aa\u00b7\u2023]|\d{1,2}[.)])\s+|^\s+|"
                       r"[\"“(]\s*)\Z", re.M)
_NAME_NEXT = re.compile(r"\s*(?:$|[:,/(&]|\s+(?:or|and)\b|\s*[A-Z0-9]|\s+(?:experience|expertise|developers?|"
                        r"engineers?|engineering|development|programming|skills?|knowledge|code|coding|"
                        r"services?|jobs?|applications?|frameworks?|stack|ecosystem|proficiency|background)\b)",
                        re.M)
_LIST_GAP = re.compile(r"\s*[,/&;]\s*(?:(?:and|or)\s+)?|\s+(?:and|or)\s+")


def _sentence_start(text: str, ls: int, s: int) -> int:
    ends = [m.end() for m in re.finditer(r"[.!?]\s+", text[ls:s])]
    return ls + ends[-1] if ends else ls


def _sentence_end(text: str, e: int, le: int) -> int:
    m = re.search(r"[.!?](?:\s|$)", text[e:le])
    return e + m.end() if m else le


def _neighbourhood(text: str, s: int, e: int, ls: int) -> tuple[int, int]:
    """Where a skill vouches for the word at text[s:e]: its sentence, or, on a short line (a list
    item), the lines before and after it, blank lines between items skipped."""
    le = text.find("\n", e)
    le = len(text) if le < 0 else le
    a = max(ls, _sentence_start(text, ls, s))
    b = _sentence_end(text, e, le)
    if len(text[ls:le].split()) <= 6:   # a short line: a list item, its neighbours count
        a = text.rfind("\n", 0, max(0, ls - 1)) + 1
        b = text.find("\n", le + 1)
        b = len(text) if b < 0 else b
        # skip blank lines between list items
        while a > 0 and not text[a:ls].strip():
            a = text.rfind("\n", 0, a - 1) + 1
        while b < len(text) and not text[le:b].strip():
            nb = text.find("\n", b + 1)
            b = len(text) if nb < 0 else nb
    return a, b


def supported(text: str, plain, ambiguous):
    """An ordinary-word label (Go, Spark, Excel, R) at the start of a sentence or line, where English
    capitalises every word, links only where another skill stands near it: in the same sentence, in
    the list it is an item of ("Technical Stack: - PyTorch - Spark"), or listed with other names
    ("Spark, Ray, Excel"). "Go to our careers page" and "Excel at communicating" do not link;
    "Experience with Go" does."""
    starts = [m[0] for m in plain]
    keep = list(plain)
    for s, e, ids in ambiguous:
        ls = text.rfind("\n", 0, s) + 1
        if not _AT_START.search(text, max(ls, s - 12), s) or _NAME_NEXT.match(text, e):
            keep.append((s, e, ids))   # capitalised mid-sentence (a name), or "Java Developer",
            continue                   # "Java: …", "Spark, Hadoop", "Go experience"
        a, b = _neighbourhood(text, s, e, ls)
        k = bisect_right(starts, a - 1)
        if k < len(starts) and starts[k] < b:
            keep.append((s, e, ids))
        elif any(_LIST_GAP.fullmatch(text[min(e, e2):max(s, s2)]) for s2, e2, _ in ambiguous if s2 != s):
            keep.append((s, e, ids))   # "Spark, Ray, Excel": names listed together vouch for each other
    keep.sort()
    return keep


def is_compound_head(f: str, s: int) -> bool:
    """True when the word before position s is a content word of the same phrase."""
    i = s - 1
    if i < 0 or f[i] != " ":
        return False
    while i >= 0 and f[i] == " ":
        i -= 1
    j = i
    while j >= 0 and (f[j].isalnum() or f[j] in "'."):
        j -= 1
    word = f[j + 1:i + 1].strip(".")
    if not word or not word[0].isalpha() or word in _FUNCTION_WORDS or word in _ADJECTIVES:
        return False
    if len(word) >= 5 and word.endswith(("ing", "al", "ive", "ous", "ful", "ic", "able", "ible")):
        return False  # "spanning fairness", "quick experimentation", "statistical evaluation"
    return True
