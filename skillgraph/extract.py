"""The NLP pass: posting text -> mentions linked to ontology concepts, with offsets, evidence, level.

How it works, in one pass over each posting:

1. **Fold** the text for matching: lower case, hyphens/dashes/underscore as spaces, curly quotes
   straight — one character for one character, so an offset in the folded text is an offset in
   the original (``text[start:end] == surface`` always holds).
2. **Match** every label variant of every concept at once with an Aho–Corasick automaton
   (ahocorasick-rs) that only reports whole words, then pick longest-first, non-overlapping.
   Variants are generated from the ontology's labels: regular plurals ("LLM" → "LLMs"), singulars of
   multi-word plurals, the closed form of hyphenated labels ("fine-tuning" → "finetuning").
   Labels marked ``sg:exactCaseLabel`` (ordinary words: Go, R, Spark) and labels of one or two
   characters match only in their exact case and never next to a hyphen, ``&``, ``+`` or ``#``
   ("R&D", "C-suite", "go to the office", "a spark of" do not fire). Labels marked ``sg:weakLabel``
   (search, ranking, evaluation) link only where they are not the head of a longer noun phrase
   ("documentation search" does not fire). Shared heads are expanded in coordinations:
   "multimodal / embedding models" links *multimodal models* and *embedding models*.
3. **Segment**: lines, section headings ("What we're looking for", "Nice to have", "About us"…)
   and sentences (a rule-based splitter: line breaks and sentence punctuation, abbreviation-aware).
4. **Level** each mention from its section heading and sentence cues ("we're looking for",
   "must", "a plus", "bonus", "you will"); per posting and concept the strongest level wins:
   required > responsibility > preferred > context.
5. **Teams**: organisational units the posting names (the X team/group/pod/organization, "X Labs",
   "X Group (ABC)", a team after the comma of the title), the units it is "part of", the teams it
   collaborates with and the products it works on.

The rule-based splitter keeps extraction faster than spaCy's tokenizer alone (see
``benchmarks/bench_extract.py``). For users who want spaCy's tokens and sentences,
:func:`spacy_pipeline` returns ``spacy.blank("en")`` + sentencizer + a ``skillgraph_linker``
component that puts the same links into ``doc.spans["skills"]`` (``Span.id_`` = concept id) and
``extract_all(..., engine="spacy")`` takes sentences from it.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable, Iterator, NamedTuple, Sequence

from .model import LEVELS, Extraction, Mention, Posting, TeamMention
from .ontology import Ontology, norm_label

__all__ = ["Matcher", "extract", "extract_all", "heading_level", "matcher_for", "segment", "spacy_pipeline"]

_FOLD = str.maketrans({**{c: " " for c in "-\u2010\u2011\u2012\u2013\u2014\u2015_"},
                       "\u2019": "'", "\u2018": "'", "\u00a0": " "})
_HYPHEN_CHARS = set("-\u2010\u2011\u2012\u2013\u2014\u2015")


_FOLD_PAIRS = [(k if isinstance(k, str) else chr(k), v) for k, v in _FOLD.items()]


def fold(text: str) -> str:
    """Lower-case, hyphens as spaces, one character for one character."""
    low = text.lower()
    if len(low) != len(text):  # a few characters lower-case to two ("İ"): keep them as they are
        low = "".join(ch if len(ch.lower()) != 1 else ch.lower() for ch in text)
    for a, b in _FOLD_PAIRS:  # str.replace is much faster than translate on long texts
        if a in low:
            low = low.replace(a, b)
    return low


# --- label variants -----------------------------------------------------------------------------

def _plural(word: str) -> list[str]:
    if not word or not word[-1].isalpha():
        return []
    lw = word.lower()
    if lw.endswith(("s", "x", "z", "ch", "sh")):
        return [word + "es"] if not lw.endswith("s") else []
    if lw.endswith("y") and len(lw) > 2 and lw[-2] not in "aeiou":
        return [word[:-1] + "ies", word + "s"]
    return [word + "s"]


def variants(label: str, exact: bool) -> set[str]:
    """The surface forms extraction links for one label (before folding)."""
    base = " ".join(label.split())
    out = {base}
    if exact:
        return out
    words = base.split(" ")
    last = words[-1]
    for p in _plural(last):
        out.add(" ".join(words[:-1] + [p]))
    if len(words) > 1 and last.lower().endswith("s") and not last.lower().endswith(("ss", "us", "is")):
        stem = last[:-3] + "y" if last.lower().endswith("ies") else last[:-1]
        if len(stem) > 2:
            out.add(" ".join(words[:-1] + [stem]))
    if "-" in base:
        parts = base.split("-")
        if all(len(p) >= 2 for p in parts) and len(parts) == 2 and " " not in parts[0][-3:]:
            closed = base.replace("-", "")
            out.add(closed)
            out.update(" ".join(closed.split(" ")[:-1] + [p]) for p in _plural(closed.split(" ")[-1]))
    return out


# --- the matcher --------------------------------------------------------------------------------

_FUNCTION_WORDS = frozenset(
    "and or nor in of for with on to the a an as at by from into including include includes like "
    "such e.g eg i.e ie via about across around both either plus vs versus than is are be our your "
    "their its this that these those own strong solid deep proven good great excellent".split())
_ADJECTIVES = frozenset(
    "quick rapid fast strong solid deep good great robust rigorous continuous scalable large small "
    "new modern advanced applied online offline rigorous careful thorough efficient reliable "
    "hands on end to responsible fair".split())
_BAD_NEXT = set("&+#@_")
_BAD_PREV = set("&@#_+$")


# A label entry is a plain tuple (concept, exact, weak, ambiguous) — plain tuples of strings are
# untracked by Python's cyclic GC, which matters with 200k of them (ESCO):
#   exact      the exact-case form (hyphens folded), or None for case-insensitive labels
#   weak       a generic noun: links only as a phrase of its own
#   ambiguous  an ordinary word or letter (Go, Spark, R): needs support at a sentence start
CONCEPT, EXACT, WEAK, AMBIGUOUS = range(4)


_ACRONYM = re.compile(r"^[A-Z][A-Z0-9]{1,3}$")


def _case_fold(text: str) -> str:
    """Hyphens/dashes as spaces and straight quotes, case kept (for exact-case labels)."""
    for a, b in _FOLD_PAIRS:
        if a in text:
            text = text.replace(a, b)
    return text


# The automaton runs over a "hay": the folded text with every character that is neither a letter, a
# digit nor one of "+#@" (which belong to names: C++, C#, MAP@k) turned into a space, padded with a
# space at each end. Keys are indexed the same way, with a space on each side, so a key can only
# match a whole word sequence: the automaton never reports the hundreds of in-word hits per posting
# ("r" in "for", "go" in "Google") that Python would otherwise have to look at and throw away.
_STICKY = frozenset("+#@")
_ASCII_BREAKS = tuple(c for c in map(chr, range(128)) if not c.isalnum() and c != " " and c not in _STICKY)
_NON_ASCII_BREAK = re.compile(r"[^\x00-\x7f\w]")


def _hay(f: str) -> str:
    """``f`` (folded) with word-breaking characters as spaces, one for one, padded with a space."""
    for c in _ASCII_BREAKS:   # a handful of str.replace calls: 5x faster than re.sub or translate
        if c in f:
            f = f.replace(c, " ")
    if not f.isascii():
        for c in set(_NON_ASCII_BREAK.findall(f)):
            f = f.replace(c, " ")
    if "_" in f:
        f = f.replace("_", " ")
    return " " + f + " "


class Matcher:
    """All label variants of an ontology in one Aho–Corasick automaton over whole words.

    Labels match in the folded (lower-cased) text; exact-case labels (ordinary words, one- and
    two-letter labels, short all-caps acronyms such as "NER", "IDE") are then checked against the
    text with its case kept. Keys are padded with a space on each side and the text's word breaks
    are spaces in the automaton's input (:func:`_hay`), so every hit starts and ends on a word
    boundary; keys whose punctuation became spaces ("a/b testing", ".net") are checked against the
    folded text, so "A B testing" does not link as A/B testing.
    """

    def __init__(self, ontology: Ontology):
        self.ontology = ontology
        table: dict[str, list[tuple]] = {}      # folded key -> entries (all labels: lookup)
        merged: dict[str, list[tuple]] = {}     # folded form as it appears in the text -> entries
        for c in sorted(ontology.concepts.values(), key=lambda c: c.id):
            exact_set = set(c.exact_case_labels)
            weak_set = {norm_label(w) for w in c.weak_labels}
            for lab in (c.label, *c.alt_labels, *c.hidden_labels):
                lab = " ".join(lab.split())
                if not lab:
                    continue
                exact = lab in exact_set or len(lab) <= 2 or bool(_ACRONYM.match(lab))
                weak = bool(weak_set) and norm_label(lab) in weak_set
                forms = variants(lab, exact)
                if exact and _ACRONYM.match(lab) and len(lab) >= 3:
                    forms |= {lab + "s", lab + "S"}   # "LLMs", "VLMS"
                for v in forms:
                    key = norm_label(v)
                    if not key:
                        continue
                    e = (c.id, " ".join(_case_fold(v).split()) if exact else None, weak,
                         lab in exact_set or len(lab) <= 2)
                    for tab, k in ((table, key), (merged, e[EXACT].lower() if exact else key)):
                        lst = tab.setdefault(k, [])
                        if e not in lst:
                            lst.append(e)
        self._table = {k: tuple(v) for k, v in table.items()}
        self.size = len(table)
        for stem in _UNIT_WORDS:  # unit words ride along so find_teams gets their positions for free
            for form in {stem, stem + "s"} if not stem.endswith("s") and " " not in stem else {stem}:
                merged.setdefault(form, [])
        self.automaton, self._values = self._automaton(merged)

    @staticmethod
    def _automaton(table):
        """(automaton over the keys in hay form, a value for each key). Each value: (key length, unit
        kind, (folded key, concepts) when only the key needs checking, alternatives) — alternatives
        are (folded key, entries), several when different punctuation folds to the same hay key
        ("a/b testing", "a.b testing"). A hit links only where the folded text is its folded key:
        "react/redux" is not "React Redux"."""
        by_hay: dict[str, list[tuple[str, tuple]]] = {}
        units = {}
        for stem, kind in _UNIT_WORDS.items():
            units[stem] = kind
            if not stem.endswith("s") and " " not in stem:
                units[stem + "s"] = kind
        for key, entries in table.items():
            # most keys are letters, digits and spaces only: their hay form is the key, padded
            hkey = " " + key + " " if key.replace(" ", "").isalnum() else _hay(key)
            by_hay.setdefault(hkey, []).append((key, tuple(entries)))
        keys, values = [], []
        for hkey, alts in by_hay.items():
            unit = next((units[k] for k, _ in alts if k in units), None)
            checks = tuple((key, entries) for key, entries in alts if entries)   # () for unit words
            if not checks and unit is None:
                continue
            simple = None
            if len(checks) == 1:
                key, entries = checks[0]
                if not any(e[EXACT] is not None or e[WEAK] for e in entries):
                    simple = (key, tuple(dict.fromkeys(e[CONCEPT] for e in entries)))
            keys.append(hkey)
            values.append((len(hkey) - 2, unit, simple, checks))
        import ahocorasick_rs

        # the contiguous NFA: with ESCO's 215k keys it walks a posting in 0.08 ms (pyahocorasick 0.15 ms,
        # the DFA 0.11 ms and 5 s to build) and takes less memory than pyahocorasick did
        return ahocorasick_rs.AhoCorasick(keys, implementation=ahocorasick_rs.Implementation.ContiguousNFA), values

    # -- matching ----------------------------------------------------------------------------
    def find(self, text: str, folded: str | None = None) -> list[tuple[int, int, tuple[str, ...]]]:
        """Longest-first, non-overlapping matches: (start, end, concept ids)."""
        return self.scan(text, folded)[0]

    def scan(self, text: str, folded: str | None = None):
        """(matches, unit words): matches as :meth:`find`; unit words as (start, end, kind) for
        the team finder ("team", "group", "labs", "products", "called" …)."""
        units: list[tuple[int, int, str]] = []
        f = fold(text) if folded is None else folded
        n = len(f)
        fp = " " + f + " "        # padded: fp[i + 1] is f[i], so the ends need no tests
        tp = " " + text + " "
        cased = None              # text with its case kept, for exact-case labels (made when needed)
        hyphens, bad_next, bad_prev = _HYPHEN_CHARS, _BAD_NEXT, _BAD_PREV
        cands = []
        # every hit is whole words: f[s - 1] and f[e] are neither letters nor digits
        values = self._values
        for idx, s, e in self.automaton.find_matches_as_indexes(_hay(f), overlapping=True):
            klen, unit, simple, checks = values[idx]
            e -= 2
            s = e - klen
            if unit:
                units.append((s, e, unit))
                if not checks:
                    continue
            prev = fp[s]
            nxt = fp[e + 1]
            if nxt in bad_next or prev in bad_prev:
                continue
            if tp[s] in hyphens and tp[s - 1].isalnum():
                continue  # starts inside a hyphenated word: "cutting-edge ML" is not "edge ML"
            if prev in ".'" and fp[s - 1].isalnum():
                continue
            if nxt == "." and fp[e + 2].isalnum():
                continue
            if simple is not None:
                if f[s:e] == simple[0]:
                    cands.append((s - e, s, e, simple[1], False))
                continue
            ok = []
            amb = True
            for key, entries in checks:
                if f[s:e] != key:
                    continue
                for en in entries:
                    if en[EXACT] is not None:
                        if cased is None:
                            cased = _case_fold(text)
                        if cased[s:e] != en[EXACT]:
                            continue
                        if tp[s] in hyphens or tp[e + 1] in hyphens:
                            continue
                        if nxt == "'" and fp[e + 2].isalpha() and fp[e + 2] != "s":
                            continue
                    if en[WEAK] and _is_compound_head(f, s):
                        continue
                    if en[CONCEPT] not in ok:
                        ok.append(en[CONCEPT])
                        amb = amb and en[AMBIGUOUS]
            if ok:
                cands.append((s - e, s, e, tuple(ok), amb))
        if not cands:
            return [], units
        cands.sort()   # longest first, then leftmost
        taken = bytearray(n + 1)
        chosen = []
        ambiguous = []
        for _, s, e, ids, amb in cands:
            if taken.find(1, s, e) != -1:
                continue
            taken[s:e] = b"\x01" * (e - s)
            (ambiguous if amb else chosen).append((s, e, ids))
        chosen.sort()
        if ambiguous:
            chosen = _supported(text, chosen, ambiguous)
        return self._expand_coordination(f, chosen, taken), units

    def _expand_coordination(self, f, chosen, taken):
        """"multimodal / embedding models": the modifier before the separator shares the head."""
        extra = []
        for s, e, ids in chosen:
            key = f[s:e]
            if " " not in key:
                continue
            before = f[max(0, s - 6):s].rstrip()
            if not before or not (before[-1] in "/,&" or before.endswith((" and", " or"))):
                continue
            m = _COORD_BEFORE.search(f, max(0, s - 40), s)
            if not m:
                continue
            a_s, a_e = m.start(1), m.end(1)
            if taken.find(1, a_s, a_e) != -1:
                continue
            words = key.split(" ")
            for cut in range(1, len(words)):
                head = " ".join(words[cut:])
                hit = self._table.get(f[a_s:a_e] + " " + head)
                if hit:
                    concepts = tuple(dict.fromkeys(en[CONCEPT] for en in hit if en[EXACT] is None))
                    if concepts:
                        extra.append((a_s, a_e, concepts))
                        taken[a_s:a_e] = b"\x01" * (a_e - a_s)
                    break
        if extra:
            chosen = sorted(chosen + extra)
        return chosen

    def lookup(self, term: str) -> list[str]:
        """Concept ids for a whole term, the way extraction would link it (case-folded fallback)."""
        t = " ".join(term.split())
        hits = [ids for s, e, ids in self.find(t) if s == 0 and e == len(t)]
        if hits:
            return list(hits[0])
        entries = self._table.get(norm_label(t), ())
        return list(dict.fromkeys(en[CONCEPT] for en in entries))


def _supported(text: str, plain, ambiguous):
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
        le = text.find("\n", e)
        le = len(text) if le < 0 else le
        line = text[ls:le]
        a = max(ls, _sentence_start(text, ls, s))
        b = _sentence_end(text, e, le)
        if len(line.split()) <= 6:   # a short line: a list item, its neighbours count
            a = text.rfind("\n", 0, max(0, ls - 1)) + 1
            b = text.find("\n", le + 1)
            b = len(text) if b < 0 else b
            # skip blank lines between list items
            while a > 0 and not text[a:ls].strip():
                a = text.rfind("\n", 0, a - 1) + 1
            while b < len(text) and not text[le:b].strip():
                nb = text.find("\n", b + 1)
                b = len(text) if nb < 0 else nb
        k = bisect_right(starts, a - 1)
        if k < len(starts) and starts[k] < b:
            keep.append((s, e, ids))
        elif any(_LIST_GAP.fullmatch(text[min(e, e2):max(s, s2)]) for s2, e2, _ in ambiguous if s2 != s):
            keep.append((s, e, ids))   # "Spark, Ray, Excel": names listed together vouch for each other
    keep.sort()
    return keep


_AT_START = re.compile(r"(?:^|[.!?:;]\s+|^\s*(?:[-*\u2022\u25cf\u25aa\u00b7\u2023]|\d{1,2}[.)])\s+|^\s+|[\"“(]\s*)\Z", re.M)
_NAME_NEXT = re.compile(r"\s*(?:$|[:,/(&]|\s+(?:or|and)\b|\s*[A-Z0-9]|\s+(?:experience|expertise|developers?|"
                        r"engineers?|engineering|development|programming|skills?|knowledge|code|coding|"
                        r"services?|jobs?|applications?|frameworks?|stack|ecosystem|proficiency|background)\b)",
                        re.M)
_LIST_GAP = re.compile(r"\s*[,/&;]\s*(?:(?:and|or)\s+)?|\s+(?:and|or)\s+")


def _sentence_start(text: str, ls: int, s: int) -> int:
    m = None
    for m in re.finditer(r"[.!?]\s+", text[ls:s]):
        pass
    return ls + m.end() if m else ls


def _sentence_end(text: str, e: int, le: int) -> int:
    m = re.search(r"[.!?](?:\s|$)", text[e:le])
    return e + m.end() if m else le


_COORD_BEFORE = re.compile(r"(?:^|[\s,(])([a-z][a-z0-9]+)\s*(?:/|,|\band\b|\bor\b|&)\s*(?:or\s+|and\s+)?\Z")


def _is_compound_head(f: str, s: int) -> bool:
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


_MATCHERS: dict[int, Matcher] = {}


def matcher_for(ontology: Ontology) -> Matcher:
    m = _MATCHERS.get(id(ontology))
    if m is None or m.ontology is not ontology:
        m = _MATCHERS[id(ontology)] = Matcher(ontology)
    return m


# --- segmentation: lines, headings, sentences -----------------------------------------------------

_BULLET = re.compile(r"^\s*(?:[-*\u2022\u25cf\u25aa\u2023\u2043\u00b7]|\d{1,2}[.)]|[a-z][.)])\s+")
_ABBREV = re.compile(r"(?:\b(?:e\.g|i\.e|etc|vs|sr|jr|dr|mr|ms|mrs|inc|co|ltd|no|approx|incl|st|dept|[a-z])|"
                     r"\b(?:[A-Z]\.){1,3}[A-Z]?|\bPh\.D|\bM\.S|\bB\.S|\bM\.Sc|\bB\.Sc)\.$", re.I)
_SENT_END = re.compile(r"[.!?]+[\"')\]]*\s+(?=[\"'(\[]?[A-Z0-9\u2022-])")


class Segment(NamedTuple):
    """A sentence (or heading line), the section it sits in and the level that implies."""

    start: int
    end: int
    section: str | None
    level: str


def _strip_heading(line: str) -> str:
    h = _BULLET.sub("", line).strip().strip("*#").strip()
    return h


class _Cues:
    """Regexes searched only where a cheap necessary condition holds.

    A cue is a list of alternatives, each with hints: lower-case substrings one of which every match
    of the alternative contains (a leading ``\\b``: the hint starts a word; a trailing one: it ends
    one). A plain phrase such as ``r"\\bperks\\b"`` is its own hint and needs no regex at all (in
    ASCII text, where the case-folded text lines up with the text). One Aho–Corasick pass over the
    case-folded text finds the hints present; only the alternatives hinted are searched. A long
    alternation is tried at every position of the text, 10-45 µs for a sentence; the pass costs
    about 1.5 µs. tests/test_extract.py checks, on strings generated from each alternative and on
    real postings, that every match holds one of its hints and that the answer is the whole regex's.
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


# heading cues, searched in the heading lower-cased, "’" as "'", ":" as a space, padded with spaces
_HEADING_CUES = _Cues(
    about_you=((r"\babout (you|the candidate|yourself)\b", r"\babout you", r"\babout the candidate"),
               r"\bwho you are\b", r"\bif you\b", r"\bthrive\b"),
    preferred=("nice to have", "nice-to-have", r"\bpreferred", r"\bbonus", (r"\bplus(es)?\b", r"\bplus"), r"\bdesir",
               "good to have", r"\boptional", "would be great", r"\bideally", "extra credit", "even better",
               "extra points", "stand out"),
    context=(r"\babout\b", "benefit", "compensation", r"\bperks\b", "relocation", "statement", "equal opportunit",
             r"\beeo\b", "commitment", "culture", r"\bsalary", r"\bpay\b", "work mode", r"\blocation",
             "similar jobs", "more jobs", r"\benvironment", (r"\bwhy (join|work)", r"\bwhy join", r"\bwhy work"),
             "life at", "our company", "who we are", "our team", "the team", r"\bteam\b", "overview by",
             r"\bdiversity", "inclusion"),
    responsibility=((r"what you('ll|'d| will| would)( actually)? (do|be doing|work on)", "what you"),
                    "responsibilit", r"\bduties\b", "day to day", "day-to-day", "your impact", r"\bthe role\b",
                    "in this role", "your role", "role overview", (r"what you('ll| will) own", "what you"),
                    "accountabilit", r"\bthe work\b", r"\bthe job\b"),
    required=("looking for", r"\brequire", "qualification", r"\bmust\b", (r"\bskills?\b", r"\bskill"),
              r"\bexperience\b", (r"what you (bring|need|have)", "what you"),
              (r"what you('ll| will) (bring|need)", "what you"), "you have", (r"tech(nical)? stack", "tech"),
              "technologies", "emphasi", "competenc", r"\bminimum\b", r"\bbasic\b", "essential", r"\bprofile\b",
              "ideal candidate", r"\bcandidate\b", r"\bbackground\b", "good fit", "great fit", r"\bstack\b",
              r"\btools\b", r"\bexpertise\b"),
)
_HEADING_ORDER = (("about_you", "required"), ("preferred", "preferred"), ("context", "context"),
                  ("responsibility", "responsibility"), ("required", "required"))


@lru_cache(maxsize=4096)
def heading_level(heading: str) -> str | None:
    """The requirement level a section heading implies, or None when it says nothing about it."""
    h = " " + " ".join(heading.lower().replace("\u2019", "'").replace(":", " ").split()) + " "
    present = _HEADING_CUES.present(h)
    for cue, level in _HEADING_ORDER:
        if _HEADING_CUES.search(cue, h, present):
            return level
    return None


_HEADING_HINT = re.compile(r"^[A-Z0-9#&'\u2019 ,/()-]+$")


_DIGIT = re.compile(r"\d")
_MINOR = frozenset("and of the for to a an in & at by with on or your our you".split())


def _is_heading(line: str, neighbours=lambda: ("text", None)) -> bool:
    """A section heading: a short line that ends in ':' or names a known section, or a short
    capitalised line standing alone (after a blank line or a list, before a blank line or a list).
    ``neighbours()`` gives what the line before is ("blank", "bullet", "text") and the line after
    (None at the end); it is only asked when the line alone does not settle it."""
    raw = line.strip()
    if not raw or len(raw) > 70:
        return False
    bullet = bool(_BULLET.match(line))
    h = _strip_heading(line)
    if not h or len(h.split()) > 8 or h[-1] in ".,;!?" or h.startswith(("#", "$")):
        return False
    if bullet:  # "- Nice to have:" inside a list (HTML <li><strong>…</strong><ul>)
        return h.endswith(":") and heading_level(h) is not None
    if h.endswith(":"):
        return True
    digits = _DIGIT.search(h) is not None
    words = h.split()
    if len(words) <= 6 and not digits and heading_level(h) is not None:
        return True
    if not (h[0].isupper() and 2 <= len(words) <= 5 and not digits and "," not in h):
        return False
    prev, next_line = neighbours()
    if prev in ("blank", "bullet"):
        if next_line is None or not next_line.strip() or _BULLET.match(next_line):
            return True
        return all(w[0].isupper() for w in words if w.lower() not in _MINOR and w[0].isalpha())
    return False


@dataclass(frozen=True)
class Line:
    start: int
    end: int
    section: str | None
    level: str
    heading: bool


def headings(text: str) -> list[tuple[int, int, str, str]]:
    """(start, end, section, level) of every heading line. Only short lines (at most 80 characters)
    are looked at, each with the line before it (blank? a list item?) and the line after it."""
    out = []
    n = len(text)
    e = -1
    for line in text.split("\n"):   # one C pass; a MULTILINE regex tries every position
        s = e + 1
        e = s + len(line)
        if len(line) > 80 or not line:
            continue
        body = line.rstrip("\r")
        stripped = body.strip()
        if not stripped or len(stripped) > 70 or stripped[-1] in ".,;!?" or stripped.count(" ") > 9:
            continue

        def neighbours(s=s, e=e):
            if s == 0:
                prev = "blank"
            else:
                pl = text[text.rfind("\n", 0, s - 1) + 1:s - 1]
                prev = "blank" if not pl.strip() else ("bullet" if _BULLET.match(pl) else "text")
            if e < n:
                ne = text.find("\n", e + 1)
                return prev, text[e + 1:ne if ne >= 0 else n]
            return prev, None

        if _is_heading(body, neighbours):
            section = _strip_heading(body).rstrip(":").strip()
            out.append((s, s + len(body), section, heading_level(section) or "context"))
    return out


def lines(text: str) -> list[Line]:
    """Non-blank lines with the section heading above them (headings are lines of their own)."""
    heads = {h[0]: h for h in headings(text)}
    out: list[Line] = []
    section: str | None = None
    level = "context"
    pos = 0
    for raw in text.split("\n"):
        s = pos
        pos += len(raw) + 1
        body = raw.rstrip("\r")
        if not body.strip():
            continue
        h = heads.get(s)
        if h is not None:
            section, level = h[2], h[3]
            out.append(Line(s, s + len(body), section, "context", True))
        else:
            out.append(Line(s, s + len(body), section, level, False))
    return out


def segment(text: str) -> list[Segment]:
    """Sentences with the section heading above them and the level that section implies."""
    out: list[Segment] = []
    for ln in lines(text):
        if ln.heading:
            out.append(Segment(ln.start, ln.end, ln.section, "context"))
            continue
        for a, b in _sentences(text[ln.start:ln.end]):
            out.append(Segment(ln.start + a, ln.start + b, ln.section, ln.level))
    return out


class _SentenceIndex:
    """Sentence lookup by character offset. Only heading lines are found up front; a line is split
    into sentences (and each sentence's level settled) the first time a mention falls in it."""

    def __init__(self, text: str, segs: Sequence[Segment] | None = None):
        self.text = text
        self.last: Segment | None = None
        if segs is not None:       # sentences given (spaCy): levels still to be adjusted per sentence
            self.segs = list(segs)
            self.starts = [x.start for x in self.segs]
            self.heads = None
        else:
            self.heads = headings(text)
            self.starts = [h[0] for h in self.heads]
            self.cache: dict[int, list[Segment]] = {}

    def at(self, i: int) -> Segment | None:
        """The sentence holding offset i, its level already adjusted by its own cues."""
        last = self.last             # mentions come in text order: often in the sentence before
        if last is not None and last.start <= i < last.end:
            return last
        sg = self.last = self._at(i)
        return sg

    def _at(self, i: int) -> Segment | None:
        k = bisect_right(self.starts, i) - 1
        if self.heads is None:
            if k < 0:
                return None
            sg = self.segs[k]
            if i >= max(sg.end, sg.start + 1):
                return None
            return Segment(sg.start, sg.end, sg.section,
                           sentence_level(sg.level, self.text[sg.start:sg.end]))
        text = self.text
        h = self.heads[k] if k >= 0 else None
        if h is not None and i < h[1]:
            return Segment(h[0], h[1], h[2], "context")
        ls = text.rfind("\n", 0, i) + 1
        sents = self.cache.get(ls)
        if sents is None:
            le = text.find("\n", i)
            body = text[ls:le if le >= 0 else len(text)].rstrip("\r")
            section, level = (h[2], h[3]) if h is not None else (None, "context")
            sents = self.cache[ls] = [
                Segment(ls + a, ls + b, section, sentence_level(level, body[a:b]))
                for a, b in _sentences(body)]
        for sg in sents:
            if i < sg.end:
                return sg
        return sents[-1] if sents else None


def _sentences(line: str) -> Iterator[tuple[int, int]]:
    start = len(line) - len(line.lstrip())
    for m in _SENT_END.finditer(line):
        cut = m.start()
        if _ABBREV.search(line[max(start, cut - 8):cut + 1]):
            continue
        end = m.end()
        seg_end = len(line[:end].rstrip())
        if seg_end > start:
            yield start, seg_end
        start = end
    tail_end = len(line.rstrip())
    if tail_end > start:
        yield start, tail_end


# sentence cues, searched ignoring case in the sentence as it is
_SENTENCE_CUES = _Cues(
    preferred=((r"\b(?:is|are|would be|a big|big) (?:a )?plus\b", r"\bplus\b"), r"\bbonus\b",
               (r"\bnice[ -]to[ -]have\b", r"\bnice"), r"\bpreferred\b", r"\bdesirable\b", r"\ban advantage\b",
               r"\bis advantageous\b"),
    required=((r"(?:we(?:'|\u2019)?re|we are) (?:also )?(?:looking|seeking) for .*\b(?:experience|expertise|"
               r"skills?|knowledge|proficiency|familiarity|background)\b", r"\blooking for", r"\bseeking for"),
              r"\bthe role requires\b",
              (r"\brequires? (?:experience|expertise|knowledge|proficiency)", r"\brequire"),
              (r"\bmust (?:have|be|know)\b", r"\bmust "),
              r"\brequired\b",
              (r"\byou (?:have|bring|possess)\b", r"\byou have", r"\byou bring", r"\byou possess"),
              (r"\bproficien(?:t|cy) (?:in|with)\b", r"\bproficien"),
              (r"\b\d+\+? years\b", r"\byears\b"),
              (r"\b(?:ph\.? ?d|m\.? ?s\.?|masters?|bachelor'?s?|b\.? ?s\.?)\b.*\bin\b", r"\bph", r"\bm.", r"\bms",
               r"\bm s", r"\bmaster", r"\bbachelor", r"\bb.", r"\bbs", r"\bb s"),
              r"\bdegree in\b"),
    responsibility=((r"\byou(?:'|\u2019)?ll\b", r"\byou'll\b", "\\byou\u2019ll\\b", r"\byoull\b"), r"\byou will\b",
                    r"\byour responsibilities\b"),
    flags=re.I,
)
_RANK = {lvl: i for i, lvl in enumerate(LEVELS)}


@lru_cache(maxsize=65536)
def sentence_level(section_level: str, sentence: str) -> str:
    """Adjust a section's level by what the sentence itself says."""
    if section_level == "preferred":
        return section_level      # no cue changes it
    present = _SENTENCE_CUES.present(sentence)
    if section_level != "context" and _SENTENCE_CUES.search("preferred", sentence, present):
        return "preferred"
    if section_level in ("context", "responsibility") and _SENTENCE_CUES.search("required", sentence, present):
        return "required"
    if section_level == "context" and _SENTENCE_CUES.search("responsibility", sentence, present):
        return "responsibility"
    return section_level


# --- teams, collaborators, products ---------------------------------------------------------------

_UNIT = r"(?:teams?|groups?|organi[sz]ations?|orgs?|pods?|squads?|departments?|divisions?|labs?)"
_COLLAB_VERB = re.compile(r"(?i)\b(?:partner\w*|collaborat\w*|work(?:s|ing)?\s+(?:closely\s+)?(?:with|alongside)|"
                          r"alongside|together with|cross-functional(?:ly)?)\b")
_CAPNAME = r"(?:[A-Z][\w&+.-]*|AI|ML)(?:\s+(?:[A-Z][\w&+.-]*|AI|ML|of|and|&|for))*"
_TEAM_CAP = re.compile(rf"\b(?:[Tt]he|[Oo]ur|[Tt]his|[Aa]|[Aa]n|[Jj]oin)\s+(?P<name>{_CAPNAME})\s+(?P<unit>{_UNIT})\b")
_TEAM_LOWER = re.compile(r"\b(?:[Tt]he|[Oo]ur)\s+(?P<name>(?:[a-z][a-z-]+\s+){1,3}?)(?P<unit>team|pod|squad|group)\b(?!s)")
_TEAM_ABBR = re.compile(r"\b(?:[Tt]he\s+)?(?P<name>(?:[A-Z][\w-]+\s+){1,4}(?:Group|Team|Lab|Labs|Organization|Division|Department|Center|Centre))\s*\((?P<abbr>[A-Z][A-Za-z&]{1,7})\)")
_TEAM_LABS = re.compile(r"\b(?P<name>[A-Z][\w-]+(?:\s+[A-Z][\w-]+){0,2}\s+Labs?)\b")
_PART_OF = re.compile(r"\b(?:is|are|sits?|as)\s+(?:a\s+)?part\s+of\s*(?:the\s*)?", re.I)
_COLLAB = re.compile(r"\b(?:collaborat\w*|partner\w*|work\w*)\s+(?:closely\s+)?(?:with|across)\s+(?:other\s+|our\s+)?"
                     r"[\w\s/&-]{0,40}?teams?\s*\((?P<list>[^)]{3,200})\)", re.I)
_PRODUCTS = re.compile(r"\b(?:product surfaces|products|surfaces|product areas)\s*\((?P<list>[^)]{3,200})\)", re.I)
_CALLED = re.compile(r"\b(?:called|named|known as)\s+(?P<name>[A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,2})")
_GENERIC_TEAM_WORDS = frozenset(
    "entire whole same main applied horizontal small global amazing great engineering product new "
    "broader wider larger growing talented world-class research data other multiple".split())
_ROLE_WORDS = re.compile(r"\b(?:engineer|scientist|researcher|manager|analyst|developer|architect|lead|"
                         r"director|designer|intern|specialist|consultant|head|officer)\b", re.I)
_NOT_TEAM_NAMES = frozenset({"we", "you", "it", "this", "our", "the"})


def _split_list(s: str) -> list[tuple[int, str]]:
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


_UNIT_WORDS = {  # stem in folded text -> kind of window
    "team": "unit", "group": "unit", "organization": "unit", "organisation": "unit", "org": "unit",
    "pod": "unit", "squad": "unit", "department": "unit", "division": "unit", "center": "unit",
    "centre": "unit", "lab": "lab", "labs": "lab", "product": "list", "surfaces": "list",
    "called": "called", "named": "called", "known as": "called",
}


_UNIT_RX = re.compile(r"\b(?:" + "|".join(sorted((re.escape(w) + ("s?" if not w.endswith("s") else "")
                                                   for w in _UNIT_WORDS), key=len, reverse=True)) + r")\b")


_LOWER_NAME_WORD = re.compile(r"[a-z][a-z-]+")


def _team_name_may_end(text: str, folded: str, ls: int, i: int, j: int) -> bool:
    """Whether _TEAM_CAP or _TEAM_LOWER could match a name ending just before the unit word
    text[i:j]: a necessary condition, cheap next to running both regexes over the window ("a team
    player", "in a team" are most unit words in postings). Both need the unit word in lower case
    after white space, and the word before it capitalised (or "of", "and", "&", "for" inside a
    capitalised name), or, for _TEAM_LOWER, a lower-case word with "the"/"our" before it."""
    if text[i:j] != folded[i:j]:
        return False
    pre = text[max(ls, i - 90):i]
    if not pre[-1:].isspace():
        return False
    words = pre.split()
    if not words:
        return False
    last = words[-1]
    if "A" <= last[0] <= "Z" or last in ("of", "and", "&", "for"):
        return True
    low = pre.lower()
    return (text[i:j] in ("team", "pod", "squad", "group") and _LOWER_NAME_WORD.fullmatch(last) is not None
            and ("the" in low or "our" in low))


def _gated_windows(text: str, folded: str, units) -> dict[str, list[tuple[int, int]]]:
    """Windows, by kind, around the words that name a unit (team, group, lab, products, called …):
    the team regexes run only there, which keeps them cheap on long postings."""
    wins: dict[str, set[tuple[int, int]]] = {"unit": set(), "paren": set(), "lab": set(), "list": set(),
                                              "called": set()}
    n = len(folded)
    for i, j, kind in units:
        ls = text.rfind("\n", 0, i) + 1
        le = text.find("\n", j)
        le = n if le < 0 else le
        paren = folded.find("(", j, min(le, j + 40))   # "teams (A, B, C)", "Group (ATG)"
        if kind == "called":
            wins["called"].add((i, min(le, j + 60)))
        elif kind == "list":
            if paren >= 0:
                wins["list"].add((max(ls, i - 40), min(le, paren + 240)))
        else:
            if kind == "lab" or _team_name_may_end(text, folded, ls, i, j):
                wins["lab" if kind == "lab" else "unit"].add((max(ls, i - 90), j))
            if paren >= 0:
                wins["paren"].add((max(ls, i - 90), min(le, paren + 240)))
    return {k: sorted(v) for k, v in wins.items()}


def find_teams(posting: Posting, index: "_SentenceIndex", skill_spans: Sequence[tuple[int, int]],
               folded: str | None = None, units=None) -> list[TeamMention]:
    full = posting.text
    found: dict[tuple[str, str], TeamMention] = {}

    def sentence_at(i: int) -> str:
        sg = index.at(i)
        return full[sg.start:sg.end] if sg else ""

    # the regexes below run only in windows around the words that name a unit (fast on long texts)
    folded = fold(full) if folded is None else folded
    if units is None:
        units = [(m.start(), m.end(), _UNIT_WORDS.get(m.group(), _UNIT_WORDS.get(m.group()[:-1])))
                 for m in _UNIT_RX.finditer(folded)]
    wins = _gated_windows(full, folded, units)
    text = full

    def scan(rx, *kinds):
        seen = set()
        for k in kinds:
            for a, b in wins[k]:
                for m in rx.finditer(full, a, b):
                    if m.span() not in seen:
                        seen.add(m.span())
                        yield m

    def add(name: str, role: str, start: int, parent: str | None = None, aliases: tuple[str, ...] = ()):
        name = " ".join(name.split()).strip(" .,-")
        if not name or name.lower() in _NOT_TEAM_NAMES or len(name) < 2:
            return
        key = (name.lower(), role)
        old = found.get(key)
        if old is not None:
            if (parent and not old.parent) or (aliases and not old.aliases):
                found[key] = TeamMention(old.name, role, old.start, old.end, old.sentence,
                                         old.parent or parent, tuple(sorted(set(old.aliases) | set(aliases))))
            return
        found[key] = TeamMention(name, role, start, start + len(name), sentence_at(start), parent, aliases)

    # collaborating teams and products named in parenthesised lists
    collab_spans = []
    for m in scan(_COLLAB, "paren"):
        collab_spans.append((m.start("list"), m.end("list")))
        for off, name in _split_list(m.group("list")):
            add(name, "collaborator", m.start("list") + off)
    for m in scan(_PRODUCTS, "list"):
        collab_spans.append((m.start("list"), m.end("list")))
        for off, name in _split_list(m.group("list")):
            add(name, "product", m.start("list") + off)

    def in_lists(i: int) -> bool:
        return any(a <= i < b for a, b in collab_spans)

    # "Advanced Technologies Group (ATG)"
    abbrs: dict[str, str] = {}
    for m in scan(_TEAM_ABBR, "paren"):
        name = m.group("name").strip()
        abbrs[m.group("abbr")] = name
        add(name, "member", m.start("name"), aliases=(m.group("abbr"),))
    for rx in (_TEAM_CAP, _TEAM_LOWER):
        for m in scan(rx, "unit", "lab"):
            name = m.group("name").strip()
            if in_lists(m.start()):
                continue
            words = name.lower().split()
            if rx is _TEAM_LOWER and (words[0] in _GENERIC_TEAM_WORDS or all(w in _GENERIC_TEAM_WORDS for w in words)):
                continue
            if _ROLE_WORDS.search(name) or (posting.company and name == posting.company):
                continue
            unit = m.group("unit").lower()
            sent = index.at(m.start())
            before = full[sent.start:m.start()] if sent else ""
            role = "collaborator" if _COLLAB_VERB.search(before) else "member"
            if unit.endswith("s") and unit not in ("labs",):   # "the Safety Systems and Applied AI teams"
                for off, part in _split_list(name.replace(" and ", ", ")):
                    add(part, role, m.start("name") + off)
                continue
            if rx is _TEAM_LOWER or unit in ("pod", "squad"):
                name = f"{name} {m.group('unit')}"
            add(name, role, m.start("name"))
    for m in scan(_TEAM_LABS, "lab"):
        name, start = m.group("name"), m.start("name")
        first = name.split()[0]
        if first in ("The", "Our", "This", "At", "In", "Join"):
            name, start = name[len(first):].lstrip(), start + len(name) - len(name[len(first):].lstrip())
        if not in_lists(start) and len(name.split()) >= 2:
            add(name, "member", start)
    # "X team is part of the Y": parent links
    members = [t for t in found.values() if t.role == "member"]
    for t in members:
        tail = text[t.end:t.end + 80]
        m = re.match(r"\s*(?:team|group|pod)?\s*(?:,\s*)?", tail)
        rest = tail[m.end():] if m else tail
        p = _PART_OF.match(rest)
        if p:
            after = rest[p.end():]
            for other in members:
                if other is not t and (after.startswith(other.name) or any(after.startswith(a) for a in other.aliases)):
                    add(t.name, "member", t.start, parent=other.name)
                    break
    # a team after the comma of the title: "Sr. Machine Learning Engineer, Core Engineering"
    if posting.title and "," in posting.title:
        tail = posting.title.split(",", 1)[1]
        skill_texts = {full[a:b].lower() for a, b in skill_spans}
        for part in re.split(r",|\s*-\s+|\s+-\s*|\u2014|\u2013|/", re.sub(r"\s*\([^)]*\)", "", tail)):
            part = part.strip()
            if part.lower() in skill_texts:   # "…, Machine Learning, Google Cloud AI": a skill, not a team
                continue
            if part and not _ROLE_WORDS.search(part) and len(part.split()) <= 5 and part[0].isupper():
                i = full.find(part)
                add(part, "member", i if i >= 0 else -1)
    # products: "a model called Pinterest Canvas", "for Pinterest Canvas"
    names = {m.group("name") for m in scan(_CALLED, "called")}
    if posting.company:
        co = re.escape(posting.company)
        for m in re.finditer(rf"\b(?:for|on|into|with|to)\s+({co}\s+[A-Z][a-z]\w+)\b", full):
            if not any(a <= m.start(1) < b for a, b in skill_spans):
                names.add(m.group(1))
    member_names = {t.name.lower() for t in found.values() if t.role == "member"}
    for name in sorted(names):
        last = name.split()[-1]
        if name.lower() in member_names or re.match(_UNIT + "$", last, re.I):
            continue
        if any(full[a:b] == last for a, b in skill_spans):
            continue
        add(name, "product", full.find(name))
    return sorted(found.values(), key=lambda t: (t.role, t.start, t.name))


# --- extraction ---------------------------------------------------------------------------------

class Extractor:
    """Links one posting at a time; build it once per ontology."""

    def __init__(self, ontology: Ontology):
        self.ontology = ontology
        self.matcher = matcher_for(ontology)

    def extract(self, posting: Posting, segments: Sequence[Segment] | None = None) -> Extraction:
        return self.expand(posting, *self.extract_compact(posting, segments))

    def extract_compact(self, posting: Posting, segments: Sequence[Segment] | None = None):
        """(mentions as (concept, start, end, sentence start, sentence end, section, level), teams):
        cheap to send between processes; :meth:`expand` turns it into an :class:`Extraction`."""
        text = posting.text
        index = _SentenceIndex(text, segments)
        folded = fold(text)
        matches, units = self.matcher.scan(text, folded)
        mentions = []
        for s, e, ids in matches:
            sg = index.at(s) or Segment(s, e, None, "context")
            se = max(sg.end, e)
            for cid in ids:
                mentions.append((cid, s, e, sg.start, se, sg.section, sg.level))
        teams = find_teams(posting, index, [(m[0], m[1]) for m in matches], folded, units)
        return mentions, teams

    def expand(self, posting: Posting, mentions, teams) -> Extraction:
        text = posting.text
        concepts = self.ontology.concepts
        sentences: dict[tuple[int, int], str] = {}
        out = []
        for cid, s, e, ss, se, section, level in mentions:
            sent = sentences.get((ss, se))
            if sent is None:
                sent = sentences[(ss, se)] = text[ss:se]
            out.append(Mention(cid, concepts[cid].label, text[s:e], s, e, sent, section, level))
        return Extraction(posting, tuple(out), tuple(teams))


def extract(posting: Posting, ontology: Ontology) -> Extraction:
    return Extractor(ontology).extract(posting)


# -- multiprocessing: forked workers read the postings they inherited and return compact tuples ----
_WORKER: Extractor | None = None
_SHARED: list[Posting] = []


def _work(span: tuple[int, int]):
    return [_WORKER.extract_compact(p) for p in _SHARED[span[0]:span[1]]]


def extract_all(postings: Iterable[Posting], ontology: Ontology, *, jobs: int = 1,
                engine: str = "fast", progress=None) -> list[Extraction]:
    """Extract every posting (in input order).

    ``jobs>1`` forks worker processes (where the OS can fork) that inherit the postings and send
    back only offsets and ids — pickling whole objects back and forth made two processes slower
    than one (DESIGN.md). Small inputs stay in this process.
    """
    import gc

    postings = list(postings)
    if engine == "spacy":
        return _extract_spacy(postings, ontology, progress)
    ex = Extractor(ontology)
    # The loop allocates many small objects and creates no reference cycles; the cyclic collector
    # would only rescan the ontology and the results again and again (-30% with ESCO loaded).
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        return _extract_all(ex, postings, jobs, progress)
    finally:
        if was_enabled:
            gc.enable()


def _extract_all(ex: Extractor, postings: list[Posting], jobs: int, progress) -> list[Extraction]:
    global _WORKER, _SHARED
    if jobs > 1 and len(postings) >= 200:
        import multiprocessing as mp

        if "fork" in mp.get_all_start_methods():
            _WORKER, _SHARED = ex, postings
            try:
                step = 64
                spans = [(i, min(i + step, len(postings))) for i in range(0, len(postings), step)]
                out = []
                with mp.get_context("fork").Pool(jobs) as pool:
                    for (a, _), chunk in zip(spans, pool.imap(_work, spans)):
                        for p, (ms, ts) in zip(postings[a:a + len(chunk)], chunk):
                            out.append(ex.expand(p, ms, ts))
                        if progress:
                            progress(len(chunk))
                return out
            finally:
                _WORKER, _SHARED = None, []
    out = []
    for p in postings:
        out.append(ex.extract(p))
        if progress:
            progress(1)
    return out


# --- spaCy -----------------------------------------------------------------------------------------

class SkillLinker:
    """spaCy component: links skills into ``doc.spans["skills"]`` (label ``SKILL``, ``id_`` = concept).

    Spans are snapped outwards to token boundaries; the linking itself is the same matcher the fast
    path uses, so both engines find the same skills.
    """

    def __init__(self, matcher: Matcher | None = None, include_default: bool = True, ontology_files=()):
        self._matcher = matcher
        self._files = tuple(ontology_files)
        self._default = include_default

    @property
    def matcher(self) -> Matcher:
        if self._matcher is None:
            from .ontology import load_ontology

            self._matcher = matcher_for(load_ontology(self._files, include_default=self._default))
        return self._matcher

    @matcher.setter
    def matcher(self, m: Matcher) -> None:
        self._matcher = m

    def __call__(self, doc):
        spans = []
        for s, e, ids in self.matcher.find(doc.text):
            for cid in ids:
                span = doc.char_span(s, e, label="SKILL", span_id=cid, alignment_mode="expand")
                if span is not None:
                    spans.append(span)
        doc.spans["skills"] = spans
        return doc


def _register_spacy_factory() -> None:
    from spacy.language import Language

    if not Language.has_factory("skillgraph_linker"):
        Language.factory("skillgraph_linker", default_config={"include_default": True, "ontology_files": []},
                         func=lambda nlp, name, include_default, ontology_files:
                         SkillLinker(include_default=include_default, ontology_files=ontology_files))


def spacy_pipeline(ontology: Ontology | None = None):
    """``spacy.blank("en")`` + sentencizer + ``skillgraph_linker`` (links in ``doc.spans["skills"]``).

    ``nlp.add_pipe("skillgraph_linker")`` also works in a user's own pipeline once this module is
    imported; it then loads the shipped ontology (config: ``ontology_files``, ``include_default``).
    """
    import spacy

    _register_spacy_factory()
    nlp = spacy.blank("en")
    nlp.tokenizer.max_cache_size = 1_000_000  # DESIGN.md: the default 10k cache fills and never evicts
    nlp.add_pipe("sentencizer")
    linker = nlp.add_pipe("skillgraph_linker")
    if ontology is not None:
        linker.matcher = matcher_for(ontology)
    return nlp


def _extract_spacy(postings, ontology, progress):
    nlp = spacy_pipeline(ontology)
    ex = Extractor(ontology)
    out = []
    for p in postings:
        doc = nlp(p.text)
        base = segment(p.text)
        heads = [(s.start, s.section, s.level) for s in base]
        hs = [h[0] for h in heads]
        segs = []
        for sent in doc.sents:
            for a, b in _split_lines(p.text, sent.start_char, sent.end_char):
                k = bisect_right(hs, a) - 1
                sec, lvl = (heads[k][1], heads[k][2]) if k >= 0 else (None, "context")
                segs.append(Segment(a, b, sec, lvl))
        out.append(ex.extract(p, segs))
        if progress:
            progress(1)
    return out


def _split_lines(text: str, a: int, b: int):
    pos = a
    for line in text[a:b].split("\n"):
        s = pos + len(line) - len(line.lstrip())
        e = pos + len(line.rstrip())
        if e > s:
            yield s, e
        pos += len(line) + 1
