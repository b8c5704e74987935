"""The anchor words of the metadata finders, and the one index that finds them all in a text.

Every finder looks up the places it reads through :class:`~.doc.Doc` (``find_lower``/``find_exact``):
the words listed here are all found by one pass over the text (an Aho-Corasick automaton for the
lower-case words, one regex scan for the exact ones), built once on first use by :func:`anchor_index`.
A finder may look up a word that is not listed (Doc falls back to ``str.find``), but each finder's
words belong here, next to the name of the file that reads them.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

# title.py, company.py and hiring.py: "X is looking for a <Title> …"
HIRING_VERBS = ("looking for", "hiring", "seeking", "searching for", "recruiting")
# company.py: "X is an equal opportunity employer"; "About X"; "At X, we …"
EEO_WORDS = ("equal opportunity", "eeo employer")
ABOUT, AT = "About ", "At "
# location.py: "Location: …"; "based in X", "Remote in X"
LOCATION_WORDS = ("location",)
IN_PLACE_WORDS = ("remote in ", "located in ", "based in ", "anywhere in ", "reside in ", "residing in ")
# salary.py: a currency sign or code near every salary range
CURRENCY_CODES = ("USD", "CAD", "AUD", "GBP", "EUR", "INR", "CHF", "SGD")
CURRENCY_SIGNS = ("$", "£", "€", "₹")
# experience.py: "N+ years"
YEAR_WORDS = ("year", "yr")
# degrees.py: the lines that may name a degree
DEGREE_WORDS_LOWER = ("degree", "bachelor", "master", "phd", "ph.", "doctora", "diploma", "undergraduate")
DEGREE_WORDS_EXACT = ("BS", "MS", "BA", "MA", "B.", "M.", "BEng", "MEng", "BTech", "MTech")
# work_mode.py: the places its statement patterns may match, per mode; "#LI-Remote" tags
MODE_ANCHORS = {
    "remote": ("remote", "from home", "from anywhere"),
    "hybrid": ("hybrid", "days a week", "days per week", "days each week"),
    "on-site": ("on-site", "onsite", "on site", "in-office", "in office", "in-person", "in person", "remote",
                "days a week", "days per week"),
}
MODE_TAG_WORDS = ("#li-",)


class AnchorIndex(NamedTuple):
    lower: frozenset[str]          # the lower-case anchor words (found ignoring case)
    exact: frozenset[str]          # the case-exact ones
    automaton: object              # ahocorasick_rs.AhoCorasick over ``words``
    words: list[str]               # sorted(lower): the automaton's pattern k is words[k]
    exact_re: re.Pattern           # one alternation of the exact words


@lru_cache(maxsize=None)
def anchor_index() -> AnchorIndex:
    """The automaton over the lower-case anchor words and the regex of the exact ones, built once."""
    import ahocorasick_rs

    lower = frozenset(HIRING_VERBS + EEO_WORDS + LOCATION_WORDS + YEAR_WORDS + MODE_TAG_WORDS + IN_PLACE_WORDS
                      + DEGREE_WORDS_LOWER + sum(MODE_ANCHORS.values(), ()))
    exact = sorted((AT, ABOUT) + CURRENCY_SIGNS + CURRENCY_CODES + DEGREE_WORDS_EXACT)
    assert not any(a != b and b.startswith(a) for a in exact for b in exact), "an exact anchor is a prefix"
    words = sorted(lower)
    return AnchorIndex(lower, frozenset(exact), ahocorasick_rs.AhoCorasick(words), words,
                       re.compile("|".join(map(re.escape, exact))))
