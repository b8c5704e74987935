"""Degrees: the levels (bachelor, master, phd) and the fields ("Computer Science", …) named in the
sentences that speak of a degree ("M.S. or PhD", "BS/MS in Computer Science", "Masters")."""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterable

from .anchors import DEGREE_WORDS_EXACT, DEGREE_WORDS_LOWER
from .doc import Doc

__all__ = ["find_degrees", "names_a_degree"]

_PHD_RE = re.compile(r"\bPh\.?\s?D\b\.?|\bPHD\b|\bphd\b|\bdoctora(?:te|l)\b|\bDPhil\b", re.I)
_MASTER_RE = re.compile(r"\b[Mm]aster(?:'s|’s|s)\b|\bMaster of\b|\bmaster degree\b|\bM\.\s?S\.?(?=[\s/,)]|$)|"
                        r"\bMS\b|\bMSc\b|\bM\.Sc\b\.?|\bM\.?Eng\b|\bMBA\b|\bM\.A\.|\bMA\b|\bM\.?Tech\b")
_BACHELOR_RE = re.compile(r"\b[Bb]achelor(?:'s|’s|s)?\b|\bB\.\s?S\.?(?=[\s/,)]|$)|\bBS\b|\bBSc\b|\bB\.Sc\b\.?|"
                          r"\bB\.A\.|\bBA\b|\bB\.?Tech\b|\bB\.E\.|\bBEng\b|\b[Uu]ndergraduate degree\b")
_DEGREE_CONTEXT_RE = re.compile(
    r"\bdegrees?\b|\bdiploma\b|\bPh\.?\s?D\b|\bdoctora|\b[Bb]achelor|\b[Mm]aster(?:'s|’s|s)\b|"
    r"\b(?:B|M)\.?(?:S|A|Sc)\.?\s*(?:/|or\b|and\b|,)|\b(?:BS|MS|BA|MA|BSc|MSc|M\.S|B\.S)\.?\s+in\s+[A-Z]", re.I)
# (field, regex, lower-case substrings one of which must be in the sentence, case-exact acronyms)
_FIELDS = (
    ("Computer Science", r"\bcomputer sciences?\b|\bcomp\.? ?sci\b\.?|(?-i:\bCS\b)", ("computer sci", "comp"), ("CS",)),
    ("Computer Engineering", r"\bcomputer engineering\b", ("computer eng",), ()),
    ("Electrical Engineering", r"\belectrical (?:and computer |& computer )?engineering\b|(?-i:\bEE\b)",
     ("electrical",), ("EE",)),
    ("Software Engineering", r"\bsoftware engineering\b", ("software eng",), ()),
    ("Machine Learning", r"\bmachine learning\b|(?-i:\bML\b)", ("machine learning",), ("ML",)),
    ("Artificial Intelligence", r"\bartificial intelligence\b|(?-i:\bAI\b)", ("artificial",), ("AI",)),
    ("Natural Language Processing", r"\bnatural language processing\b|(?-i:\bNLP\b)", ("natural lang",), ("NLP",)),
    ("Data Science", r"\bdata science\b", ("data science",), ()),
    ("Statistics", r"\bstatistics\b|\bstatistical science\b", ("statistic",), ()),
    ("Biostatistics", r"\bbiostatistics\b", ("biostat",), ()),
    ("Mathematics", r"\bmathematics\b|\bmaths?\b|\bapplied math\b", ("math",), ()),
    ("Physics", r"\bphysics\b", ("physics",), ()),
    ("Operations Research", r"\boperations research\b|(?-i:\bOR\b)(?=,| or)", ("operations res",), ("OR",)),
    ("Economics", r"\beconomics\b|\beconometrics\b", ("econom",), ()),
    ("Information Science", r"\binformation sciences?\b", ("information sci",), ()),
    ("Information Systems", r"\binformation systems\b", ("information sys",), ()),
    ("Computational Linguistics", r"\bcomputational linguistics\b", ("computational ling",), ()),
    ("Linguistics", r"(?<!computational )\blinguistics\b", ("linguistics",), ()),
    ("Cognitive Science", r"\bcognitive sciences?\b", ("cognitive sci",), ()),
    ("Neuroscience", r"\bneuroscience\b", ("neuroscience",), ()),
    ("Bioinformatics", r"\bbioinformatics\b|\bcomputational biology\b", ("bioinformatics", "computational bio"), ()),
    ("Biology", r"(?<!computational )\bbiology\b", ("biology",), ()),
    ("Chemistry", r"\bchemistry\b", ("chemistry",), ()),
    ("Finance", r"\bfinance\b", ("finance",), ()),
    ("Business Administration", r"\bbusiness administration\b", ("business admin",), ()),
)
_FIELD_RES = [(name, re.compile(rx, re.I), low, exact) for name, rx, low, exact in _FIELDS]
_SENTENCE_SPLIT_RE = re.compile(r"(?<=[.;!?])\s+(?=[A-Z])")
_SENTENCE_END_RE = re.compile(r"[.;!?]\s+[A-Z]")     # where _SENTENCE_SPLIT_RE splits; ~5x cheaper to find
_DEGREE_WORDS_IN_SENTENCE = ("degree", "phd", "ph.d", "bachelor", "master", "doctora", "diploma")
# Speed: the level and field regexes cost 5-20 µs per sentence when searched from its start. Every
# match of each one starts at one of a few substrings (for the levels see _sentence_levels; for the
# fields their hints in _FIELDS, where only "applied math" starts 8 characters before its hint
# "math"), so a regex is only *matched* at those places, in text order: the first success is the
# leftmost match, i.e. what search() returns. Places found in the lower-cased sentence are used only
# when it is ASCII (then it lines up with the sentence); otherwise the regex is searched as before.


def _occurrences(hay: str, needle: str, back: int = 0) -> list[int]:
    """Every ``hay.find(needle) - back`` (at least 0)."""
    out = []
    i = hay.find(needle)
    while i != -1:
        out.append(max(i - back, 0))
        i = hay.find(needle, i + 1)
    return out


def _matches_at(rx: re.Pattern, text: str, starts: Iterable[int]) -> bool:
    return any(rx.match(text, i) for i in starts)


def _sentence_levels(sent: str, low: str, aligned: bool) -> list[str]:
    out = []
    # every _BACHELOR_RE match starts at a "B", or one character before "achelor"/"ndergraduate degree"
    if _matches_at(_BACHELOR_RE, sent, _occurrences(sent, "B") + _occurrences(sent, "achelor", 1)
                   + _occurrences(sent, "ndergraduate degree", 1)):
        out.append("bachelor")
    # every _MASTER_RE match starts at an "M", or one character before "aster"
    if _matches_at(_MASTER_RE, sent, _occurrences(sent, "M") + _occurrences(sent, "aster", 1)):
        out.append("master")
    # _PHD_RE ignores case: its matches start at "ph" ("Ph.D", "PHD"), one before it ("DPhil") or at
    # "doctora" of the lower-cased sentence
    starts = _occurrences(low, "ph") + _occurrences(low, "ph", 1) + _occurrences(low, "doctora")
    if starts and (_matches_at(_PHD_RE, sent, starts) if aligned else _PHD_RE.search(sent)):
        out.append("phd")
    return out


_FIELD_RX = {name: rx for name, rx, _, _ in _FIELD_RES}
_FIELD_BACK = {"Mathematics": 8}        # "applied math" starts 8 characters before its hint "math"


@lru_cache(maxsize=None)
def _field_hints() -> tuple:
    """(automaton over the lower-case hints, those hints sorted, {lower-case hint: [field, …]},
    the exact hints sorted, {exact hint: [field, …]}), built on first use."""
    import ahocorasick_rs

    by_lower: dict[str, list[str]] = {}
    by_exact: dict[str, list[str]] = {}
    for name, _, lower_hints, exact_hints in _FIELDS:
        for h in lower_hints:
            by_lower.setdefault(h, []).append(name)
        for h in exact_hints:
            by_exact.setdefault(h, []).append(name)
    hints = sorted(by_lower)
    return ahocorasick_rs.AhoCorasick(hints), hints, by_lower, sorted(by_exact), by_exact


def _field_starts(sent: str, low: str) -> dict[str, list[int]]:
    """{field: every place its regex may match} for the fields of _FIELDS with a hint in the sentence
    (a lower-case hint in ``low``, an exact one in ``sent``): each hint occurrence (less the field's
    back-off). Every match of a field's regex starts at one of them."""
    automaton, hints, by_lower, exact, by_exact = _field_hints()
    starts: dict[str, list[int]] = {}
    for k, i, _ in automaton.find_matches_as_indexes(low, overlapping=True):
        for name in by_lower[hints[k]]:
            back = _FIELD_BACK.get(name)
            starts.setdefault(name, []).extend((max(i - back, 0), i) if back else (i,))
    for h in exact:
        i = sent.find(h)
        while i != -1:
            for name in by_exact[h]:
                starts.setdefault(name, []).append(i)
            i = sent.find(h, i + 1)
    return starts


def _sentence_facts(sent: str) -> tuple[tuple[str, ...], tuple[tuple[str, int], ...]]:
    """(the degree levels one sentence names, (field, where its first match starts) for each field
    it names): nothing unless the sentence speaks of a degree."""
    low = sent.lower()
    for w in _DEGREE_WORDS_IN_SENTENCE:
        if w in low:
            break
    else:
        if not _DEGREE_CONTEXT_RE.search(sent):
            return (), ()
    aligned = sent.isascii()
    found = []
    for name, starts in _field_starts(sent, low).items():
        rx = _FIELD_RX[name]
        if aligned:             # the leftmost match is the first place where the regex matches
            for i in sorted(set(starts)):
                fm = rx.match(sent, i)
                if fm:
                    break
        else:
            fm = rx.search(sent)
        if fm:
            found.append((name, fm.start()))
    return tuple(_sentence_levels(sent, low, aligned)), tuple(found)


_CACHED_CHARS = 2000
_facts = lru_cache(maxsize=1 << 14)(_sentence_facts)
"""Per distinct sentence (postings repeat their boilerplate; ``degree_cache`` in :mod:`skillgraph.speed`);
longer "sentences" (a flattened page) are read without it."""


def find_degrees(doc: Doc) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(levels in the order bachelor, master, phd; fields in the order the text names them)."""
    chunk = doc.lines_with(DEGREE_WORDS_LOWER, DEGREE_WORDS_EXACT)
    levels: set[str] = set()
    fields: dict[str, tuple[int, int]] = {}
    if not chunk:
        return (), ()
    sentences = (s for line in chunk.split("\n")
                 for s in (_SENTENCE_SPLIT_RE.split(line) if _SENTENCE_END_RE.search(line) else (line,)))
    for s_index, sent in enumerate(sentences):
        found_levels, found_fields = (_facts if len(sent) <= _CACHED_CHARS else _sentence_facts)(sent)
        levels.update(found_levels)
        for name, start in found_fields:
            if name not in fields:
                fields[name] = (s_index, start)
    order = ("bachelor", "master", "phd")
    return (tuple(lvl for lvl in order if lvl in levels),
            tuple(sorted(fields, key=lambda f: (fields[f], f))))


_DEGREE_NAME_RE = re.compile(r"\bdegrees?\b|\bdiplomas?\b|\bqualifications?\b")


def names_a_degree(text: str) -> bool:
    """Whether ``text`` (a short phrase) names a degree or its level: "Bachelor's degree", "PhD",
    "MSc", "a Master's", "university degree" — a qualification, not a skill."""
    return bool(_PHD_RE.search(text) or _MASTER_RE.search(text) or _BACHELOR_RE.search(text)
                or _DEGREE_NAME_RE.search(text.lower()))
