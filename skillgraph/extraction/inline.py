"""Headings inside a line: what a flattened page keeps of its sections.

Job boards that scrape a page into one paragraph glue each heading to the text after it
("…per year Requirements: TOGAF certificationStrong enterprise architecture experience…",
"Key ResponsibilitiesSupport and optimise production…", "…to extend.ResponsibilitiesBuilding robust…").
Line-based heading rules see none of it, so every skill there fell to *context*. Two marks survive the
flattening and are read here:

- a **glued boundary**: a word running into a capitalised one with no space — where the left part
  is a lower-case word of at least 4 letters ("requirementsThis", "certificationStrong"; not code
  such as "useEffect", "getServerSideProps"), or a section noun ("ExperienceStrong",
  "ResponsibilitiesDesign"), or the right part opens a sentence or a list item ("RoleWe",
  "PythonStrong SQL skills", "gitExperience with AWS"). Product names ("ClickHouse", "LangChain",
  "DevOps", "LinkedIn", "StackOverflow", "PayPal") are capitalised on both sides with neither mark
  and are left alone. A full stop with no space before a capitalised word ("…BI roles.Proven
  experience…") is a boundary too. A line is cut into sentences at each boundary as well as at
  sentence punctuation; the dictionary matcher reads the words on either side of one as two words
  (a label ends or starts there: "data pipelines" in "data pipelinesExperience with Python"), and
  the span model reads the two sides apart.
- an **inline heading**: "Requirements:" / "Key Responsibilities:" (capitalised words before a colon),
  or the last capitalised words before a glued boundary ("…Key Responsibilities|Support…"), when
  :func:`~skillgraph.extraction.levels.heading_level` knows them. The sentences after it, up to the
  next inline heading, take its section and level, as they would under a heading line. The last
  capitalised words before an inline bullet ("…opportunitiesPerson Specification * Holds…", "What
  you'll do and bring to the role * Design…") are one too, when ``heading_level`` knows them. An inline
  heading that says *context* is a field and its value ("Location: London", "Salary: £80,000 +
  Benefits/Bonus"), not a section: it only ends the inline heading before it.
"""
from __future__ import annotations

import re
from typing import NamedTuple

from .levels import ask_item, heading_level

__all__ = ["INLINE_BULLET", "InlineHeading", "glued_boundaries", "glued_words", "inline_headings", "tail_heading",
           "tail_headings"]

INLINE_BULLET = re.compile(r"[ \t][*\u2022\u25aa\u25cf][ \t]")
"""A list item's bullet inside a line: what a flattened page keeps of its list ("… role * Design …")."""

_GLUE = re.compile(r"(?<=[a-z])(?=[A-Z][a-z])")
_GLUED_STOP = re.compile(r"(?<=[a-z)]{3}[.!?])(?=[A-Z][a-z])")   # "roles.Proven"; not "e.g.Spark"
_HINT = re.compile(r"[a-z][A-Z]|[a-z)][.!?][A-Z]")   # what either of the two needs
_OPENERS = frozenset("We The This You Your Our Salary Location Apply Please Join About What Who Why How "
                     "Benefits Requirements Responsibilities Qualifications Skills "
                     "Strong Proven Excellent Ability Experience Knowledge Familiarity Understanding Demonstrated "
                     "Solid Exposure Proficiency Fluency Comfortable Hands "
                     "Manage Managing Lead Leading Develop Developing Design Designing Building Ensure "
                     "Ensuring Collaborate Collaborating Deliver Delivering Partner Troubleshoot Identify "
                     "Communicate Create Creating Support Supporting Implement Implementing Maintain "
                     "Maintaining Utilise Utilize Explore".split())
"""Words that open a sentence, a section or a list item: "RoleWe", "PythonStrong SQL skills" and
"KafkaExperience with dbt" are two things glued together. No product name written as one word ends in
one of them: "Act" (ReAct), "Drive" (OneDrive) and "Build" (CodeBuild) are left out for that."""
_HEAD_WORDS = frozenset("Requirements Requirement Responsibilities Qualifications Qualification Benefits Skills "
                        "Experience Description Overview Summary Desirable Essential Preferred Duties Role Profile "
                        "Competencies Accountabilities".split())
"""Section nouns that, glued to a capitalised word, end a heading ("ExperienceStrong"). Not every word a
heading cue knows: "StackOverflow", "PayPal", "TeamCity" are names."""
_WORD_SPAN = 40
"""Letters looked at on either side of a boundary (a longer run is no word of a posting)."""
_CLASSES = bytes(97 if 97 <= b <= 122 else 65 if 65 <= b <= 90 else 32 for b in range(256))
"""A byte → its class: ``a`` for a lower-case ASCII letter, ``A`` for a capital, a space for anything else."""
# the colon's heading, before a blank, a capital or a glued bullet ("Key Skills & Experience:• Strong …",
# "**Education, Experience and Skills:** + …"); after a blank, or glued to the text before it
_HEAD_COLON = r"([A-Z][A-Za-z'\u2019&/-]*(?: [A-Za-z'\u2019&/-]+){0,3}):(?=\s|[A-Z*\u2022\u25aa\u25cf])"
_COLON_HEAD = re.compile(r"(?:^|(?<=[\s.;)\]]))" + _HEAD_COLON)
_COLON_HEAD_GLUED = re.compile(_HEAD_COLON)   # matched at a glued boundary: "…stakeholdersWhat we need:"
_AMOUNT = re.compile(r"\s*(?:up to |c\.? ?)?[\d£$€¥%+~]", re.I)
"""A field's value after the colon: an amount ("Bonus: 10%", "Bonus: £5k", "Equity: up to 0.5%")."""
_MAX_HEAD_WORDS = 3
_SMALL = frozenset("& and of the to for a an in with on at by or our your you".split())
_WORDS = re.compile(r"[^\s.,:;!?()\[\]|]+|[.,:;!?()\[\]|]")
_STOPS = frozenset(".,:;!?()[]|")


class InlineHeading(NamedTuple):
    """From ``start`` (offset into the line) on, sentences are under ``section`` at ``level``; a level of
    None (a context field such as "Location: Remote", "Salary: …") gives the line's own section back."""

    start: int
    section: str
    level: str | None


def glued_boundaries(line: str) -> list[int]:
    """Offsets in ``line`` where a word was glued to the next sentence or heading (see the module doc),
    or a sentence to the next with no space after its full stop ("…BI roles.Proven experience…")."""
    if not _HINT.search(line):        # most lines: one C-speed scan, nothing glued
        return []
    return sorted([m.start() for m in _GLUED_STOP.finditer(line)] + glued_words(line))


def glued_words(text: str) -> list[int]:
    """The glued boundaries of ``text`` that sit between two letters ("pipelines|Experience",
    "Python|Strong"), in order: where the words on either side are two words, though no space or
    punctuation says so (the dictionary matcher reads them as such). At a small letter before a
    capitalised word, with the letters before it (up to :data:`_WORD_SPAN`) as the left word, glued is:
    a left word of small letters only, 4 or more ("requirements|This"; not code such as "useEffect");
    a left word of 3 letters or more, or holding a capital, before a word that opens a sentence or an
    item (:data:`_OPENERS`: "git|Experience", "Python|Strong"; not "iManage", "ePartner"); a left word
    ending in a section noun (:data:`_HEAD_WORDS`: "Experience|Strong"). Names capitalised on both
    sides ("PyTorch", "LangChain") are none of these. A one-letter "A" or "I" after 4 or more small
    letters, then a space and a word, is glued too ("optionsA culture", 61 times in postings-dev)."""
    # candidates by ``find`` over the ASCII letter classes (``encode`` with "replace" keeps one byte per
    # character), each then read as above: the exact pass runs this over every posting, and a regex
    # over the text cost it a third (skillgraph.speed)
    cls = text.encode("ascii", "replace").translate(_CLASSES)
    out = []
    i = cls.find(b"aAa")
    while i != -1:
        b = i + 1                                   # the boundary: before the capital
        low = max(0, b - _WORD_SPAN)
        j = max(low, cls.rfind(b" ", low, b) + 1)   # the ASCII letters before it ...
        while j > low and text[j - 1].isalpha():    # ... and any other letter ("Zürich")
            j -= 1
        high = min(len(text), b + _WORD_SPAN)
        k = min(x if (x := cls.find(m, b + 1, high)) != -1 else high for m in (b" ", b"A"))   # small letters
        while k < high and text[k].islower():
            k += 1
        run, right = text[j:b], text[b:k]
        last = next((n for n in range(len(run) - 1, -1, -1) if run[n].isupper()), -1)   # its last capital
        if ((last < 0 and len(run) >= 4) or (right in _OPENERS and (last >= 0 or len(run) >= 3))
                or (last >= 0 and run[last:] in _HEAD_WORDS)):
            out.append(b)
        i = cls.find(b"aAa", b)
    i = cls.find(b"aA a")          # the article "A" or the pronoun "I" opening the next item: "optionsA culture"
    if i != -1:
        for b in _glued_letters(text, cls, i):
            out.append(b)
        out.sort()
    return out


def _glued_letters(text: str, cls: bytes, i: int) -> list[int]:
    """The boundaries before a one-letter word "A" or "I" glued to a word of 4 or more small letters
    ("optionsA culture of", "teamI am"), from ``cls.find(b"aA a")`` = ``i``."""
    out = []
    while i != -1:
        b = i + 1
        j = b - 1
        while j > 0 and cls[j - 1] == 97:
            j -= 1
        if text[b] in "AI" and text[b + 1] == " " and b - j >= 4 and (j == 0 or not text[j - 1].isalpha()):
            out.append(b)
        i = cls.find(b"aA a", b)
    return out


def _before(line: str, i: int) -> list[str]:
    """Up to the last few words before offset ``i`` (a glued boundary); a word glued to the one before it
    gives only its last part and ends the run, as does a word ending in sentence punctuation."""
    words: list[str] = []
    for w in reversed(_WORDS.findall(line, max(0, i - 80), i)):
        if len(words) == _MAX_HEAD_WORDS or w in _STOPS:
            break
        parts = _GLUE.split(w)
        words.append(parts[-1])
        if len(parts) > 1:
            break
    return words[::-1]


def inline_headings(line: str, glued: list[int] | None = None) -> list[InlineHeading]:
    """The inline headings of one line, in order (see the module doc)."""
    out = []
    glued = glued_boundaries(line) if glued is None else glued
    # a colon's heading after a space, or glued to the text before it ("…stakeholdersWhat they're looking for:•")
    spaced = list(_COLON_HEAD.finditer(line))
    at = {m.start() for m in spaced}
    for m in [*spaced, *(g for g in (_COLON_HEAD_GLUED.match(line, i) for i in glued if i not in at) if g)]:
        words = m.group(1).split()
        got = _heading(words)
        if got is not None:   # a context field ("Location: Remote") only ends the heading before it
            cut = m.end(1) - len(" ".join(words[-_title_run(words, got[0].count(" ") + 1, got[1]):]))
            field = got[1] == "context" or _AMOUNT.match(line, m.end())   # "Bonus: 10%" is pay, not a plus
            out.append(InlineHeading(cut, got[0], None if field else got[1]))
    for m in INLINE_BULLET.finditer(line):
        got = _heading(_before(line, m.start()))
        if got is not None and got[1] != "context":   # "Python * SQL" names no heading
            out.append(InlineHeading(m.start(), got[0], got[1]))
    for i in glued:
        got = _heading(_before(line, i))
        if got is not None:   # "£90,000 + Benefits/BonusLondon": a context one is a field's value too
            out.append(InlineHeading(i, got[0], None if got[1] == "context" else got[1]))
    out.sort()
    return out


_TAIL = 70
"""How far from a line's end a glued heading may start (a heading line is at most 70 characters too)."""


def tail_heading(line: str) -> tuple[int, str, str] | None:
    """A heading glued to the end of a line ("…and enable AI-ready reporting.Key Responsibilities", "…an
    international environment.How you'll make an impact"), which a flattened page put there over the lines below:
    (its offset in ``line``, section, level), when the text after the line's last glued boundary is shaped like
    a heading (:func:`_heading_shaped`), :func:`~.levels.heading_level` knows it and it is no context field nor
    an ask ("….Strong Python skills across Pandas"); else None (most lines: one C-speed scan)."""
    body = line.rstrip(" \t\r:*#-\u2013")
    low = max(0, len(body) - _TAIL)
    if not _HINT.search(body, low):
        return None
    cuts = glued_boundaries(body[low:])
    if not cuts:
        return None
    phrase = body[low + cuts[-1]:]
    if not _heading_shaped(phrase):
        return None
    if (level := heading_level(phrase)) in (None, "context") or (level == "required" and ask_item(phrase)):
        return None
    return low + cuts[-1], phrase, level


def _heading_shaped(phrase: str) -> bool:
    """At most 8 words, no sentence punctuation or colon inside; opening with "What", "How", "Your" … or a section
    noun; or else holding a section noun ("Main duties of the job"), in title case or of at most 3 words, with no
    verb such as "is", "will" ("Docker is a plus", "The role is hybrid", "Kafka experience is desirable" are
    sentences)."""
    words = phrase.split()
    if not words or len(words) > 8 or any(c in phrase for c in ".!?;:"):
        return False
    if words[0] in _TAIL_OPENERS or words[0] in _HEAD_WORDS:
        return True
    if _TAIL_VERBS.intersection(w.lower() for w in words):
        return False
    return (len(words) <= 3 or bool(_HEAD_WORDS.intersection(w.capitalize() for w in words))
            or all(w[0].isupper() for w in words if w.lower() not in _SMALL and w[0].isalpha()))


_TAIL_OPENERS = frozenset("What How Who Why Where Your Our About Key".split())
_TAIL_VERBS = frozenset("is are was were be been include includes will would can should must".split())


_TAIL_CANDIDATE = re.compile(r"[.!?][A-Z][^\n]{0,%d}$" % (_TAIL - 2), re.M)
"""A line whose last :data:`_TAIL` characters hold a full stop glued to a capital ("….Key Responsibilities"): one
C-speed scan of a posting finds the few lines to read (a scan for any glued word too cost the exact pass 5 %)."""


def tail_headings(text: str) -> list[tuple[int, int, str, str]]:
    """(start, end, section, level) of each heading glued to a line's end in ``text`` (:func:`tail_heading`)."""
    out = []
    for m in _TAIL_CANDIDATE.finditer(text):
        ls = text.rfind("\n", 0, m.start()) + 1
        t = tail_heading(text[ls:m.end()])
        if t is not None:
            out.append((ls + t[0], ls + t[0] + len(t[1]), t[1], t[2]))
    return out


def _title_run(words: list[str], n: int, level: str) -> int:
    """How many of the last ``words`` the heading spans: its ``n`` words and the capitalised or small
    words before them that keep its level ("Required Skills & Qualifications"; not "…Strong Terraform
    experience Responsibilities", not "10% Bonus Key Skills"), never starting on a small word."""
    k = best = n
    while k < len(words) and (words[-k - 1][:1].isupper() or words[-k - 1].lower() in _SMALL):
        k += 1
        if words[-k].lower() not in _SMALL:
            if heading_level(" ".join(words[-k:])) != level:
                break
            best = k
    return best


def _heading(words: list[str]) -> tuple[str, str] | None:
    """(phrase, level) of the shortest run of the last ``words``, capitalised, that names a heading:
    "10% Bonus Key Skills" is "Skills"."""
    for n in range(1, len(words) + 1):
        if words[-n][:1].isupper():
            phrase = " ".join(words[-n:])
            level = heading_level(phrase)
            if level is not None:
                # glued into a flattened page, "About the role" is no section that settles the rest of the
                # page ("About the roleYou'll partner … What we're looking forStrong SQL"): the classifier
                # reads those sentences, as under any "About …"
                return phrase, "context" if level == "responsibility" and _ABOUT.search(phrase) else level
    return None


_ABOUT = re.compile(r"about\b", re.I)
