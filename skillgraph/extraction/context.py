"""What the words around a hit decide, after the automaton has found it.

- An ordinary-word label (Go, Spark, Excel, R) at a sentence start links only with support
  (:func:`supported`).
- A weak label (search, ranking) does not link as the head of a longer noun phrase
  (:func:`is_compound_head`: "documentation search"), unless a tool's name stands just before it,
  one space between (:func:`after_tools`: "Power BI dashboards", "React frontend").
- A weak label of a concept with sense cues (``sg:senseCue``) links only in a sentence that holds
  one of them (:func:`sense_cued`): "alignment with business goals" is no AI alignment.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from functools import lru_cache

from .inline import glued_boundaries
from .labels import fold

__all__ = ["FUNCTION_WORDS", "after_tools", "is_compound_head", "sense_cued", "sense_pattern", "supported"]

FUNCTION_WORDS = frozenset(    # the small words of English phrases (and a few that only praise)
    "and or nor in of for with on to the a an as at by from into including include includes like "
    "such e.g eg i.e ie via about across around both either plus vs versus than is are be our your "
    "their its this that these those own strong solid deep proven good great excellent".split())
_ADJECTIVES = frozenset(
    "quick rapid fast strong solid deep good great robust rigorous continuous scalable large small "
    "new modern advanced applied online offline rigorous careful thorough efficient reliable "
    "hands on end to responsible fair".split())

_VERBS = frozenset(
    "implement implementing maintain maintaining build building develop developing create creating deliver "
    "deploy ensure improve optimise optimize analyse analyze monitor establish define drive manage "
    "provide write operate use using apply conduct perform leverage enable automate own "
    "implements maintains builds develops creates delivers ensures improves".split())
"""Verbs before a weak label: "implement telemetry", "maintain dashboards" — the label is the verb's object,
not the head of a longer noun phrase. Only words that are verbs and not also nouns of a compound ("test",
"design", "support", "review" stay: "design evaluation", "test automation")."""
_AT_START = re.compile(r"(?:^|[.!?:;]\s+|^\s*(?:[-*\u2022\u25cf\u25aa\u00b7\u2023]|\d{1,2}[.)])\s+|^\s+|"
                       r"[\"“(]\s*)\Z", re.M)
# one white-space run per alternative: "\s*(?:\s+…|\s*…)" backtracks quadratically on a long run of blanks
_NAME_NEXT = re.compile(r"\s*(?:$|[:,/(&]|[A-Z0-9])|\s+(?:or|and)\b|\s+(?:experience|expertise|developers?|"
                        r"engineers?|engineering|development|programming|skills?|knowledge|code|coding|"
                        r"services?|jobs?|applications?|frameworks?|stack|ecosystem|proficiency|background)\b",
                        re.M)
_LIST_GAP = re.compile(r"\s*[,/&;]\s*(?:(?:and|or)\s+)?|\s+(?:and|or)\s+")


_NOT_GAP = re.compile(r"[^\s,/&;andor]")   # a character no _LIST_GAP match can hold
_STOPS = re.compile(r"[.!?](?=\s)")          # where _sentence_start may cut
_ENDS = re.compile(r"[.!?](?=\s|\Z)")       # where _sentence_end may cut (found from _STOPS; tested)


class _Text:
    """Positions in one posting found once, so that every ambiguous hit is looked at in time
    independent of the length of its line (a one-line posting of megabytes stays linear)."""

    def __init__(self, text: str):
        self.text = text
        self.newlines = [m.start() for m in re.finditer("\n", text)]
        self.stops = [m.start() for m in _STOPS.finditer(text)]
        # _ENDS is _STOPS plus a mark that ends the text: one regex scan fewer (20 us per 3 kB posting)
        self.ends = self.stops + [len(text) - 1] if text[-1:] in ("!", ".", "?") else self.stops
        self.short: dict[tuple[int, int], tuple[int, int] | None] = {}   # per line

    def line(self, s: int, e: int) -> tuple[int, int]:
        """(start of the line holding s, the first line break at or after e)."""
        nl = self.newlines
        k = bisect_right(nl, s - 1)
        k2 = bisect_left(nl, e, k)
        return (nl[k - 1] + 1 if k else 0), (nl[k2] if k2 < len(nl) else len(self.text))

    def sentence_start(self, ls: int, s: int) -> int:
        """The end of the last "[.!?] + white space" in text[ls:s], else ls."""
        k = bisect_right(self.stops, s - 2) - 1
        if k < 0 or self.stops[k] < ls:
            return ls
        m = re.compile(r"\s+").match(self.text, self.stops[k] + 1, s)
        return m.end()

    def sentence_end(self, e: int, le: int) -> int:
        """Just past the first "[.!?]" in text[e:le] followed by white space (and that space) or
        by the line's end, else le."""
        k = bisect_right(self.ends, e - 1)
        if k >= len(self.ends) or self.ends[k] >= le:
            return le
        return min(self.ends[k] + 2, le)


def _neighbourhood(pos: _Text, s: int, e: int, ls: int, le: int) -> tuple[int, int]:
    """Where a skill vouches for the word at text[s:e]: its sentence, or, on a short line (a list
    item), the lines before and after it, blank lines between items skipped."""
    text = pos.text
    if (ls, le) not in pos.short:
        pos.short[ls, le] = _around_line(text, ls, le) if len(text[ls:le].split()) <= 6 else None
    around = pos.short[ls, le]
    if around is not None:   # a short line: a list item, its neighbours count
        return around
    return max(ls, pos.sentence_start(ls, s)), pos.sentence_end(e, le)


def _around_line(text: str, ls: int, le: int) -> tuple[int, int]:
    """The short line text[ls:le] with the non-blank lines before and after it."""
    a = text.rfind("\n", 0, max(0, ls - 1)) + 1
    b = text.find("\n", le + 1)
    b = len(text) if b < 0 else b
    if a > 0 and not text[a:ls].strip():   # skip blank lines: back to the last non-blank character
        p = a - 1
        while p >= 0 and text[p].isspace():
            p -= 1
        a = text.rfind("\n", 0, p) + 1 if p >= 0 else 0
    if b < len(text) and not text[le:b].strip():
        m = re.compile(r"\S").search(text, b)
        b = len(text) if m is None else text.find("\n", m.start())
        b = len(text) if b < 0 else b
    return a, b


def _listed(text: str, ambiguous, k: int) -> bool:
    """Whether ambiguous[k] is listed with another ambiguous name ("Spark, Ray, Excel"): only the
    names with nothing but separators between reach it, so the walk stops at the first other word."""
    s, e, _ = ambiguous[k]
    for step in (1, -1):
        j, edge = k + step, (e if step == 1 else s)
        while 0 <= j < len(ambiguous):
            s2, e2, _ = ambiguous[j]
            if _LIST_GAP.fullmatch(text, *((e, s2) if step == 1 else (e2, s))):
                return True
            if _NOT_GAP.search(text, *((edge, e2) if step == 1 else (s2, edge))):
                break      # every name further on has this character in its gap too
            edge = e2 if step == 1 else s2
            j += step
    return False


def supported(text: str, plain, ambiguous):
    """An ordinary-word label (Go, Spark, Excel, R) at the start of a sentence or line, where English
    capitalises every word, links only where another skill stands near it: in the same sentence, in
    the list it is an item of ("Technical Stack: - PyTorch - Spark"), or listed with other names
    ("Spark, Ray, Excel"). "Go to our careers page" and "Excel at communicating" do not link;
    "Experience with Go" does."""
    starts = [m[0] for m in plain]
    keep = list(plain)
    pos = _Text(text)
    ambiguous = sorted(ambiguous)
    for k, (s, e, ids) in enumerate(ambiguous):
        ls, le = pos.line(s, e)
        if not _AT_START.search(text, max(ls, s - 12), s) or _NAME_NEXT.match(text, e):
            keep.append((s, e, ids))   # capitalised mid-sentence (a name), or "Java Developer",
            continue                   # "Java: …", "Spark, Hadoop", "Go experience"
        a, b = _neighbourhood(pos, s, e, ls, le)
        j = bisect_right(starts, a - 1)
        if j < len(starts) and starts[j] < b:
            keep.append((s, e, ids))
        elif _listed(text, ambiguous, k):
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
    if not word or not word[0].isalpha() or word in FUNCTION_WORDS or word in _ADJECTIVES or word in _VERBS:
        return False
    if len(word) >= 5 and word.endswith(("ing", "al", "ive", "ous", "ful", "ic", "able", "ible")):
        return False  # "spanning fairness", "quick experimentation", "statistical evaluation"
    return True


@lru_cache(maxsize=None)
def sense_pattern(cues: tuple[str, ...]) -> re.Pattern:
    """The cue words as one pattern over folded text: whole words, a plural "s" allowed, and the words of
    a compound cue written apart, hyphenated (folded to a space) or closed up: "fine-tuning" is also
    "fine tuning" and "finetuning", "front end" also "frontend", as postings spell them."""
    words = sorted({" ".join(fold(c).split()) for c in cues if c.strip()}, key=lambda w: (-len(w), w))
    # the word start is checked by _cue_in, not by a look-behind here: a pattern that opens with a
    # look-behind is tried at every position, one that opens with its words is scanned for them (3x)
    return re.compile(r"(?:" + "|".join(" ?".join(map(re.escape, w.split())) for w in words) + r")s?(?![^\W_])")


def _cue_in(pattern: re.Pattern, f: str, a: int, b: int) -> bool:
    """Whether a cue of ``pattern`` stands in ``f[a:b]`` as a whole word (nothing alphanumeric before it)."""
    m = pattern.search(f, a, b)
    while m is not None:
        i = m.start()
        if i == 0 or not f[i - 1].isalnum():
            return True
        m = pattern.search(f, i + 1, b)
    return False


# the stop character first, then the look-behinds: tried only where a stop character stands (4x cheaper)
_SENSE_STOP = re.compile(r"[\n\r\u2028\u2029]|[.!?](?<!\be\.g[.!?])(?<!\bi\.e[.!?])(?<!\bincl[.!?])(?<!\betc[.!?])"
                         r"(?<!\bvs[.!?])(?<!\bapprox[.!?])(?<!\besp[.!?])(?<!\bcf[.!?])(?<!\bex[.!?])(?=\s)")
"""Where a sentence ends for the sense check: a line break, or ".", "!", "?" before white space (any:
a tab, an em space), but not the dot of an abbreviation inside a sentence ("e.g. deployment")."""
_SENSE_REACH = 400
"""How far from the hit (characters) a sentence boundary is looked for: a run-on "sentence" of a
flattened page is read this far each way, no further (a megabyte line stays linear)."""


def sense_cued(pattern: re.Pattern, f: str, s: int, e: int, text: str | None = None) -> bool:
    """Whether the sentence around ``f[s:e]`` (folded text) holds one of ``pattern``'s cue words.
    With the original ``text``, a sentence also ends where a flattened page glued the next one to it
    (:func:`~.inline.glued_boundaries`: "monitoring of progress.Definition of the data tools"), as the
    sentence splitter reads it; the folded text has lost the capital that shows it."""
    lo, hi = max(0, s - _SENSE_REACH), min(len(f), e + _SENSE_REACH)
    a = lo
    for m in _SENSE_STOP.finditer(f, lo, s):
        a = m.end()
    m = _SENSE_STOP.search(f, e, hi)
    if m is not None:
        b = m.start()
    else:       # the window cut the sentence: end at a word break, so no cut word reads as a cue
        b = hi if hi == len(f) else max(e, f.rfind(" ", e, hi))
    if lo > 0 and a == lo:
        a = min(s, f.find(" ", lo, s) + 1 or s)
    if text is not None:
        glued = [a + g for g in glued_boundaries(text[a:b])]
        a = max((g for g in glued if g <= s), default=a)
        b = min((g for g in glued if g >= e), default=b)
    return _cue_in(pattern, f, a, s) or _cue_in(pattern, f, e, b)


_VENDOR_WORDS = frozenset({"cloud", "clouds"})
"""Weak labels that, after a tool's name, name its vendor's product: "Talend Cloud", "Salesforce clouds"."""


def after_tools(text: str, f: str, cands: list, held: list, tools: frozenset) -> list:
    """The ``held`` weak-label hits (a compound's head) that follow a hit of a tool, one space between:
    "Power BI dashboards", "Tableau dashboards", "React frontend", "Kubernetes deployment" are that
    work done in the tool, where "documentation search" is no search skill. (A role after it, "Python
    Backend Engineer", is the extractor's :func:`~.people.role_names` to drop.) ``cands``: the
    matcher's hits, ``(-length, start, end, concept ids, ambiguous)``; ``held``: ``(-length, start, end,
    ((concept, weak mark), …))``, a weak mark being True or its sense cues' pattern (:func:`sense_cued`
    asked here, for the few that follow a tool); ``tools``: the tool concepts' ids. An ambiguous tool
    hit (an ordinary word: "Go", "Spark") does not vouch: it may not link itself."""
    want = {h[1] - 1 for h in held if f[h[1] - 1] == " " and f[h[1]:h[2]] not in _VENDOR_WORDS}
    ends = {c[2] for c in cands if c[2] in want and not c[4] and any(i in tools for i in c[3])}
    out = []
    for n, s, e, pairs in held:
        if s - 1 in ends:
            ids = tuple(dict.fromkeys(c for c, w in pairs if w is True or sense_cued(w, f, s, e, text)))
            if ids:
                out.append((n, s, e, ids, False))
    return out
