"""The matcher: every label variant of an ontology in one Aho–Corasick automaton over whole words.

Its interface is small: build it from an :class:`~skillgraph.ontology.Ontology` (or get the cached
one with :func:`matcher_for`), :meth:`Matcher.find` links a text, :meth:`Matcher.lookup` a whole
term, and :meth:`Matcher.scan` is :meth:`~Matcher.find` plus the positions of the unit words the
team finder needs ("team", "group", "labs", "products", "called" …), which ride along in the same
automaton for free.
"""
from __future__ import annotations

import re
from bisect import bisect_left

from skillgraph.ontology import Ontology, norm_label
from skillgraph.speed import per_ontology

from . import coordination
from .context import after_tools, is_compound_head, sense_cued, sense_pattern, supported
from .inline import glued_words
from .labels import HYPHEN_CHARS, case_fold, fold, variants
from .teams import UNIT_WORDS

__all__ = ["Matcher", "matcher_for"]

_BAD_NEXT = set("&+#@_")
_BAD_PREV = set("&@#_+$")


# A label entry is a plain tuple (concept, exact, weak, ambiguous) — plain tuples of strings are
# untracked by Python's cyclic GC, which matters with 200k of them (ESCO):
#   exact      the exact-case form (hyphens folded), or None for case-insensitive labels
#   weak       a generic noun: links only as a phrase of its own; where the concept has sense cues,
#              the compiled pattern of them (truthy): it links only in a sentence that holds one
#   ambiguous  an ordinary word or letter (Go, Spark, R): needs support at a sentence start
CONCEPT, EXACT, WEAK, AMBIGUOUS = range(4)


_ACRONYM = re.compile(r"^[A-Z][A-Z0-9]{1,3}$")
# after a hyphen, words that make a name an adjective without changing what it names: "SQL-heavy",
# "Spark-based", "AWS-hosted" link like "Python-based"; other compounds ("Go-to", "R-squared") do not.
# A hyphen with blanks after it is a dash, no compound ("dbt and SQL- building models"), unless it
# is a compound's first half ("C- and D-level", "R- or Python-based", "Go- to market", a "C- or above"
# grade); one at a line's end is a word broken there ("R-\nsquared").
_SUFFIX_AFTER = re.compile(r"[-\u2010\u2011](?:(?:based|heavy|hosted|native|driven|powered|centric|first|"
                           r"focused|oriented|enabled|backed|savvy|fluent|certified|compatible|specific|"
                           r"related|style)\b|\Z"
                           r"|[ \t]+(?![ \t])(?!(?:and|or|to|nor|through|vs|versus|&|/)(?!\S)|[a-z]+-))", re.I)


# The automaton runs over a "hay": the folded text with every character that is neither a letter, a
# digit nor one of "+#@" (which belong to names: C++, C#, MAP@k) turned into a space, padded with a
# space at each end. Keys are indexed the same way, with a space on each side, so a key can only
# match a whole word sequence: the automaton never reports the hundreds of in-word hits per posting
# ("r" in "for", "go" in "Google") that Python would otherwise have to look at and throw away.
_STICKY = frozenset("+#@")
_ASCII_BREAKS = tuple(c for c in map(chr, range(128)) if not c.isalnum() and c != " " and c not in _STICKY)
_NON_ASCII_BREAK = re.compile(r"[^\x00-\x7f\w]")
_BREAK_BYTES = bytes(0x20 if b < 0x80 and chr(b) in _ASCII_BREAKS else b for b in range(256))


def _hay(f: str) -> str:
    """``f`` (folded) with word-breaking characters as spaces, one for one, padded with a space."""
    # the ASCII ones as bytes.translate of the UTF-8 (a non-ASCII character's bytes are all >= 0x80,
    # so none changes): 1.7x cheaper than a str.replace per break character present (tested equal)
    f = f.encode("utf-8", "surrogatepass").translate(_BREAK_BYTES).decode("utf-8", "surrogatepass")
    if not f.isascii():
        for c in set(_NON_ASCII_BREAK.findall(f)):
            f = f.replace(c, " ")
    if "_" in f:
        f = f.replace("_", " ")
    return " " + f + " "


def _unit_forms() -> dict[str, str]:
    """Unit word as it appears in folded text (stem and regular plural) -> its kind."""
    units = {}
    for stem, kind in UNIT_WORDS.items():
        units[stem] = kind
        if not stem.endswith("s") and " " not in stem:
            units[stem + "s"] = kind
    return units


def _label_entries(ontology: Ontology):
    """(folded key, folded form as it appears in the text, entry) for every variant of every label;
    the text form is None for a generic label (:mod:`skillgraph.ontology.merge`), which only
    :meth:`Matcher.lookup` resolves."""
    for c in sorted(ontology.concepts.values(), key=lambda c: c.id):
        exact_set = set(c.exact_case_labels)
        weak_set = {norm_label(w) for w in c.weak_labels}
        weak_mark = sense_pattern(c.sense_cues) if c.sense_cues else True
        generic = set(c.generic_labels)
        for lab in (c.label, *c.alt_labels, *c.hidden_labels):
            linkable = lab not in generic    # an extra vocabulary's ordinary word: lookup only
            lab = " ".join(lab.split())
            if not lab:
                continue
            exact = lab in exact_set or len(lab) <= 2 or bool(_ACRONYM.match(lab))
            weak = weak_mark if weak_set and norm_label(lab) in weak_set else False
            forms = variants(lab, exact)
            if exact and _ACRONYM.match(lab) and len(lab) >= 3 and lab[-1] != "S":
                forms |= {lab + "s", lab + "S"}   # "LLMs", "VLMS"; no "SASS" (the CSS language) for SAS
            for v in forms:
                key = norm_label(v)
                if not key:
                    continue
                e = (c.id, " ".join(case_fold(v).split()) if exact else None, weak,
                     lab in exact_set or len(lab) <= 2)
                yield key, (e[EXACT].lower() if exact else key) if linkable else None, e


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
        self.sense_held = frozenset(norm_label(v) for c in ontology.concepts.values() if c.sense_cues
                                    for w in c.weak_labels for v in variants(w, False))
        """The weak labels whose sense their concept's cues decide, as keys (all their variants)."""
        table: dict[str, list[tuple]] = {}      # folded key -> entries (all labels: lookup)
        merged: dict[str, list[tuple]] = {}     # folded form as it appears in the text -> entries
        for key, text_key, e in _label_entries(ontology):
            for tab, k in ((table, key), (merged, text_key)):
                if k is None:
                    continue
                lst = tab.setdefault(k, [])
                if e not in lst:
                    lst.append(e)
        self._table = {k: tuple(v) for k, v in table.items()}
        self.size = len(table)
        for form in _unit_forms():  # unit words ride along so find_teams gets their positions for free
            merged.setdefault(form, [])
        self.automaton, self._values = self._automaton(merged)
        cur = ontology.curated
        self._extra = None if cur >= ontology.concepts.keys() else (lambda ids: not any(i in cur for i in ids))
        self.tools = frozenset(c.id for c in ontology.concepts.values() if c.kind == "tool")
        """The ids of the tool concepts (``sg:Tool``): a weak label after one links (:func:`.context.after_tools`)."""

    @staticmethod
    def _automaton(table):
        """(automaton over the keys in hay form, a value for each key). Each value: (key length, unit
        kind, (folded key, concepts) when only the key needs checking, alternatives) — alternatives
        are (folded key, entries), several when different punctuation folds to the same hay key
        ("a/b testing", "a.b testing"). A hit links only where the folded text is its folded key:
        "react/redux" is not "React Redux"."""
        by_hay: dict[str, list[tuple[str, tuple]]] = {}
        units = _unit_forms()
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
        f = fold(text) if folded is None else folded
        cands, units = self._candidates(text, f)
        if not cands:
            return [], units
        return self._choose(text, f, cands), units

    def _candidates(self, text: str, f: str):
        """(every hit that may link, as (-length, start, end, ids, ambiguous); unit words)."""
        units: list[tuple[int, int, str]] = []
        fp = " " + f + " "        # padded: fp[i + 1] is f[i], so the ends need no tests
        tp = " " + text + " "
        cased = [None]            # text with its case kept, for exact-case labels (made when needed)
        hyphens, bad_next, bad_prev = HYPHEN_CHARS, _BAD_NEXT, _BAD_PREV
        cands = []
        held = []                 # weak labels a compound's head, linked after a tool ("Power BI dashboards")
        # every hit is whole words: f[s - 1] and f[e] are neither letters nor digits, or a glued boundary
        values = self._values
        hay, glue = _hay(f), glued_words(text)
        if glue:            # a word a label names whole ("fastText", "openCypher") is no glue
            glue = _unnamed(self.automaton.find_matches_as_indexes(hay, overlapping=True), values, glue)
        if glue:            # "pipelinesExperience": the two words, as if a space were between them
            cuts = [0, *(g + 1 for g in glue), len(hay)]            # hay[i + 1] is f[i]
            hay = " ".join(hay[a:b] for a, b in zip(cuts, cuts[1:], strict=False))
            glue = [p + k for k, p in enumerate(glue)]      # the added spaces' offsets (in hay[1:])
        for idx, s, e in self.automaton.find_matches_as_indexes(hay, overlapping=True):
            klen, unit, simple, checks = values[idx]
            e -= 2
            if glue:        # back to offsets into the text; a hit across a glued boundary is none
                k = bisect_left(glue, e)
                if k != bisect_left(glue, e - klen):
                    continue
                e -= k
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
            if prev in ".'" and fp[s - 1].isalnum() and not (prev == "." and _glued(tp, s + 1)):
                continue
            if nxt == "." and fp[e + 2].isalnum() and not _glued(tp, e + 2):
                continue
            if simple is not None:
                if f[s:e] == simple[0]:
                    cands.append((s - e, s, e, simple[1], False))
                continue
            ok, amb, after = _linked(checks, text, f, tp, fp, s, e, cased)
            if ok:
                cands.append((s - e, s, e, tuple(ok), amb))
            elif after:
                held.append((s - e, s, e, tuple(after)))
        if held:
            cands.extend(after_tools(text, f, cands, held, self.tools))
        return cands, units

    def _choose(self, text: str, f: str, cands):
        """Longest first, then leftmost, non-overlapping; ordinary words kept only with support;
        shared heads of coordinations expanded."""
        cands.sort()   # longest first, then leftmost
        if self._extra is not None:
            cands = self._drop_crossing(cands)
        taken = bytearray(len(f) + 1)
        chosen = []
        ambiguous = []
        for _, s, e, ids, amb in cands:
            if taken.find(1, s, e) != -1:
                continue
            taken[s:e] = b"\x01" * (e - s)
            (ambiguous if amb else chosen).append((s, e, ids))
        chosen.sort()
        if ambiguous:
            chosen = supported(text, chosen, ambiguous)
        return coordination.expand(self._table, _case_free, f, chosen, taken)

    def _drop_crossing(self, cands):
        """An extra vocabulary's (ESCO's) hit that crosses one of ours without holding it is a piece
        of two phrases: "machine learning technology" is not ESCO's "learning technology"."""
        extra = self._extra
        ours = [(s, e) for _, s, e, ids, _ in cands if not extra(ids)]
        if not ours:
            return cands
        return [c for c in cands if not extra(c[3]) or not any(
            s < c[2] and c[1] < e and not (c[1] <= s and e <= c[2]) for s, e in ours)]

    def lookup(self, term: str) -> list[str]:
        """Concept ids for a whole term, the way extraction would link it (case-folded fallback)."""
        t = " ".join(term.split())
        hits = [ids for s, e, ids in self.find(t) if s == 0 and e == len(t)]
        if hits:
            return list(hits[0])
        entries = self._table.get(norm_label(t), ())
        return list(dict.fromkeys(en[CONCEPT] for en in entries))


def _case_free(entries) -> tuple:
    """The concepts of a label key's entries that are not exact-case (a coordination's new hit is a
    folded word)."""
    return tuple(dict.fromkeys(en[CONCEPT] for en in entries if en[EXACT] is None))


_DOT_SUFFIXES = frozenset("js ts io ai sql net com org dev py app co".split())


def _unnamed(hits, values, glue: list[int]) -> list[int]:
    """The glued boundaries (offsets into the folded text) that no label's hit holds inside it: where a
    label of the ontology is the glued word itself ("fastText", "openCypher"), the word is the name."""
    named = [(e - 2 - values[idx][0], e - 2) for idx, _, e in hits]
    return [g for g in glue if not any(a < g < b for a, b in named)]


def _glued(tp: str, i: int) -> bool:
    """Whether the word at ``tp[i]``, right after a dot, starts a new sentence glued to the last one
    (flattened HTML: "Hadoop and Spark.Excellent communication", "wrong.Python fluency"): a capital
    followed by a small letter, not a name's usual suffix. "Node.js", "ASP.NET", "Socket.IO", "torch.nn",
    "Scala.Js" stay one name."""
    if not (tp[i].isupper() and tp[i + 1].islower()):
        return False
    j = i + 2
    while tp[j].isalpha():
        j += 1
    return tp[i:j].lower() not in _DOT_SUFFIXES      # "Scala.Js", "Spark.Sql", "Kubernetes.Io": one name


def _linked(checks, text: str, f: str, tp: str, fp: str, s: int, e: int, cased: list):
    """(concept ids, all of them ambiguous?, held) of a hit whose entries need checking: its folded key,
    exact case, no hyphen next to an exact-case word, a weak label not a compound's head (``held``: the
    ``(concept, weak mark)`` of the weak ones that are, for :func:`~.context.after_tools`).
    ``cased[0]`` is the case-kept fold of ``text``, made on first need."""
    ok = []
    after = []                # weak entries whose only fault is the word before: a compound's head
    amb = True
    nxt = fp[e + 1]
    hyphens = HYPHEN_CHARS
    for key, entries in checks:
        if f[s:e] != key:
            continue
        for en in entries:
            if en[EXACT] is not None:
                if cased[0] is None:
                    cased[0] = case_fold(text)
                if cased[0][s:e] != en[EXACT]:
                    continue
                if tp[s] in hyphens or (tp[e + 1] in hyphens and not _SUFFIX_AFTER.match(text, e)):
                    continue
                if nxt == "'" and fp[e + 2].isalpha() and fp[e + 2] != "s":
                    continue
            weak = en[WEAK]
            if weak and is_compound_head(f, s):
                after.append((en[CONCEPT], weak))    # its sense asked only if a tool stands before it
                continue
            if weak and weak is not True and not sense_cued(weak, f, s, e, text):
                continue
            if en[CONCEPT] not in ok:
                ok.append(en[CONCEPT])
                amb = amb and en[AMBIGUOUS]
    return ok, amb, after


_MATCHERS: dict[int, tuple] = {}


def matcher_for(ontology: Ontology) -> Matcher:
    """The matcher of ``ontology``, built on first use and cached for that ontology object."""
    return per_ontology(_MATCHERS, ontology, Matcher)
