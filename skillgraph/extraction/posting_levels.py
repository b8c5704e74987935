"""Levels settled over a whole posting, after each sentence has its own (issue 10).

First, a sentence whose subject is the employer ("LiveEO leverages satellite imagery and AI to provide
actionable insights …", "EnsoData uses machine learning …") says what the company does, not what the
role asks: its mentions are *context* (:func:`employer_talk`), whatever the sentence classifier read in
its verbs; a header row ("Acme | ML Engineer | Python") is no such sentence.

Then a "who is hiring" role line's account of the work is *responsibility* ("- Staff Engineer — Own
APIs and Kafka pipelines": :func:`role_lines`), where the sentence classifier read its skills as asked.

Then two rules, both on the context mentions of *open prose* (:func:`open_prose`: no heading, or
one no cue knows; never a recognised "About us", benefits or EEO section, never a scraped menu):

* a line that is only a list of skills (:func:`stack_list`, "* Typescript, javascript,
  python, bash") is the role's stack: *required*, like a "Stack:" line;
* a posting that asks for nothing — every mention context before these rules — reads the skills of
  its open prose as the work the role does (:data:`UNASKED_LEVEL`): a "who is hiring" post
  with a title line and then what the company builds; not its talk about itself and its people
  (:data:`~.cues.COMPANY_TALK`: "Our mission …", "a team of 25 with experience at Google, Snowflake").

:func:`settle` runs in the extractor on its compact mention tuples, one posting at a time, so the local
and Spark engines give the same levels. Each sentence is judged once, so the cost stays linear. Not done:
deciding again once boilerplate is known (a "… Docker experience is a plus" paragraph shared by many
postings still keeps a posting from counting as asking for nothing): boilerplate is a property of the
whole corpus, and Spark writes mention rows posting by posting.
"""
from __future__ import annotations

import re

from .context import FUNCTION_WORDS
from .cues import COMPANY_TALK, DUTY_VERBS, NOT_EXPECTED, NOT_STACK_LABELS
from .levels import heading_level, prose_level, sentence_level, stack_heading

__all__ = ["UNASKED_LEVEL", "employer_talk", "menu_like", "open_prose", "role_lines", "settle", "stack_list"]

_COMPANY_TALK = re.compile(COMPANY_TALK, re.I)
_NOT_EXPECTED = re.compile(NOT_EXPECTED, re.I)
_NOT_EXPECTED_REACH = 100   # characters: longer than any match of NOT_EXPECTED (test_extract_levels22 checks)

_LEVEL = 6          # index of the level in the extractor's compact mention tuple
_SECTION = 5


def settle(text: str, mentions: list, heads: list | None = None, employer=()) -> list:
    """``mentions`` (the extractor's tuples: concept, start, end, sentence start, sentence end, section,
    level, …) with the posting-level rules applied; ``heads``: the text's
    :func:`~.segmentation.headings` where the caller has them; ``employer``: where the text names the
    posting's company (:func:`~.notskills.employer_spans`)."""
    if not mentions:
        return mentions
    mentions = _not_expected(text, mentions, heads)
    mentions = role_lines(text, mentions)
    unasked = all(m[_LEVEL] == "context" for m in mentions)
    if employer and not unasked:            # a posting that asks nothing: the rule below reads its prose
        mentions = employer_talk(text, mentions, employer)
    groups: dict[tuple[int, int], list] = {}
    for m in mentions:
        if m[_LEVEL] == "context":
            groups.setdefault((m[3], m[4]), []).append(m)
    if not groups:
        return mentions
    prose = {key: open_prose(ms[0][_SECTION], text[key[0]:key[1]]) for key, ms in groups.items()}
    lists = _lists(text, groups, prose)
    new = {}
    for key in groups:
        if key in lists:
            new[key] = "required"
        elif unasked and prose[key] and not _COMPANY_TALK.search(text, key[0], key[1]):
            new[key] = UNASKED_LEVEL
    if not new:
        return mentions
    return [m[:_LEVEL] + (new[(m[3], m[4])],) + m[_LEVEL + 1:]
            if m[_LEVEL] == "context" and (m[3], m[4]) in new else m for m in mentions]


# a bullet (the span model's bullet characters, spans._BULLET_START) or a list letter or number: "B.", "2)"
_MARKER = re.compile(r"\s*(?:[-*+\u2022\u25cf\u25aa\u25e6\u2023\u2043\u00b7\u2013\u2014>]+|[A-Za-z0-9]{1,2}[.)])?\s*")
_VERB_NEXT = re.compile(r"\s+[a-z]")
_NOT_NAMES = frozenset("this that the these those we our it you they".split())   # a record's "company": "This"
_HIRING = re.compile(r"\b(?:hiring|looking for|seeking|searching for|recruiting|is working with|are working with)\b",
                     re.I)
_TALK_CHARS = 400


def employer_talk(text: str, mentions: list, employer) -> list:
    """``mentions`` with those of a sentence whose subject is the employer made *context*: the sentence
    opens (after a bullet) with its name and a lower-case word, "LiveEO leverages …", "EnsoData uses …"
    (not "Axiom's environment: Databricks …", the stack). Not a header row ("Acme | ML Engineer", "Acme —
    Staff Engineer"), not a sentence hiring ("Acme is looking for a Data Analyst to …") or saying what is
    asked or used ("SAS Data Management … is a plus": a company named for its product; "Kyber … we code
    in Rust"), not a flattened page of one "sentence" (over 400 characters)."""
    ends = {a: b for a, b in employer}
    talk: dict[tuple[int, int], bool] = {}
    out = []
    for m in mentions:
        key = (m[3], m[4])
        if m[_LEVEL] != "context":
            said = talk.get(key)
            if said is None:
                lead = _MARKER.match(text, key[0]).end()
                sent = text[key[0]:key[1]]
                said = talk[key] = (lead in ends and bool(_VERB_NEXT.match(text, ends[lead]))
                                    and text[lead:ends[lead]].lower() not in _NOT_NAMES
                                    and len(sent) <= _TALK_CHARS and "|" not in sent and not _HIRING.search(sent)
                                    and prose_level(sent) == "context")
            if said:
                m = m[:_LEVEL] + ("context",) + m[_LEVEL + 1:]
        out.append(m)
    return out


_ROLE_LINE = re.compile(r"(?P<title>[^\n|:\u2013\u2014]{3,100}?)(?:\s+[\u2013\u2014-]\s+|:\s+|\s*[\u2013\u2014]\s*)"
                        r"(?=\S)")
_SEPARATOR = re.compile(r"[:\u2013\u2014]|\s-\s")
_ROLE_LINE_CHARS = 500
_WORK = re.compile(r"(?i)(?:you(?:'|\u2019)?ll|you will|" + "|".join(sorted(DUTY_VERBS | frozenset(
    "advance architect scale ship take make bring train integrate expand automate research prototype invent "
    "evaluate".split()), key=len, reverse=True)) + r")\b")
"""What a role line's description opens with when it says what the role does: a duty verb
(:data:`~.cues.DUTY_VERBS`, and a few more: "Architect a hybrid C++/Python stack", "Ship …") or
"you'll" ("Own end-to-end feature delivery", "You'll be the primary builder"). One without such a verb
names the work when its first sentence has lower-case words enough (:func:`_names_work`: "LLM pipelines
for clinical note extraction, level-of-care classification, eval frameworks"); one that names skills or
a specialty instead ("Backend, Distributed Systems, Rust", "Databricks", "solid foundation in PHP") is
what the role needs."""


_ASKS = re.compile(r"(?i)\b(?:experience[ds]?|expert(?:ise)?|knowledge|skill(?:s|ed)?|proficien\w*|familiar\w*|"
                   r"background|foundation|fluen\w*|years?|yrs?|yoe|must|required|requires?|plus|nice to have|"
                   r"strong|solid|proven|command of|stack|if you|apply)\b")
"""What a role line's description says when it names what the role asks or uses rather than its work
("deep Terraform experience", "solid foundation in PHP", "~10+ yrs, backend/data infra.", "Modern tech
stack—React, Node.js")."""
_LOWER_WORD = re.compile(r"(?<![\w/.@#+-])[a-z][a-z-]{2,}\b")
_URL = re.compile(r"\b(?:https?://|www\.)\S+")
_SENTENCE_END = re.compile(r"[.!?;](?=\s|\Z)")
_WORK_WORDS = 3


def role_lines(text: str, mentions: list) -> list:
    """``mentions`` with the *required* ones in the description of a role line made *responsibility*: a
    line that opens (after a bullet or "A.") with a job title, then a dash or colon and what the role
    does, opening with a verb of work (:data:`_WORK`: "- 2 X Fullstack Engineer (5+ YOE) – Own end-to-end
    feature delivery across React/Next.js", "C. Senior Test Automation Engineer: Build automated
    frameworks for complex C/Python systems.") or naming it in words (:func:`_names_work`: "- Lead Engineer
    (Backend) — clinical workflow engine, AI/ML pipeline integration"), as "who is hiring" posts list
    their openings. Only that
    sentence: the next one may ask again ("Strong React skills, high craft bar."). The title's own
    brackets ("Senior Backend Engineer (PHP, Symfony)") stay required, and so does a sentence with its
    own required cue ("~10+ yrs, backend/data infra."), a description that is only a list of skills
    (:func:`stack_list`) and a line over 500 characters (a page flattened into one line)."""
    if not any(m[_LEVEL] == "required" for m in mentions):
        return mentions
    from skillgraph.ingest.metadata.title import looks_like_title  # only asked of lines with a required skill

    descs: dict[int, tuple[int, int] | None] = {}     # line start -> its description's (start, end), or None
    lines: dict[tuple[int, int], tuple[int, int] | None] = {}    # sentence -> its line's description
    inside: dict[tuple[int, int], list] = {}
    for m in mentions:
        if m[_LEVEL] != "required":
            continue
        key = (m[3], m[4])
        if key not in lines:                  # once per sentence; the line start searched back at most 500
            lo = max(0, m[3] - _ROLE_LINE_CHARS)
            a = text.rfind("\n", lo, m[3] + 1) + 1
            if a == 0 and lo > 0:
                lines[key] = None             # a line over 500 characters
            else:
                if a not in descs:
                    descs[a] = _description(text, a, looks_like_title)
                lines[key] = descs[a]
        d = lines[key]
        if d is not None and d[0] <= m[1] and m[2] <= d[1] and m[3] <= d[0]:    # the title's sentence
            inside.setdefault(d, []).append(m)
    moved = set()
    for (s, e), ms in inside.items():
        if stack_list(text[s:e], sorted({(m[1] - s, m[2] - s) for m in ms})):
            continue
        moved.update(id(m) for m in ms if sentence_level("responsibility", text[m[3]:m[4]]) == "responsibility")
    if not moved:
        return mentions
    return [m[:_LEVEL] + ("responsibility",) + m[_LEVEL + 1:] if id(m) in moved else m for m in mentions]


def _description(text: str, a: int, looks_like_title) -> tuple[int, int] | None:
    """Where the description of the role line starting at ``a`` lies, or None for no role line."""
    b = text.find("\n", a, a + _ROLE_LINE_CHARS + 1)
    b = min(len(text), a + _ROLE_LINE_CHARS + 1) if b < 0 else b
    if "|" in text[a:b] or b - a > _ROLE_LINE_CHARS:
        return None                                  # a header row (what the role is for), a flattened page
    lead = _MARKER.match(text, a, b).end()
    if _SEPARATOR.search(text, lead + 3, min(b, lead + 104)) is None:
        return None                                  # no dash or colon after a title's length: most lines
    m = _ROLE_LINE.match(text, lead, b)
    if m is None or not looks_like_title(m.group("title").strip()):
        return None
    if not _WORK.match(text, m.end(), b) and not _names_work(text, a, m.end(), b):
        return None                                  # "Data Engineer - Databricks", "…: deep Terraform experience"
    return m.end(), b


def _names_work(text: str, a: int, d: int, b: int) -> bool:
    """Whether a role line's description ``text[d:b]`` that opens with no verb of work still names the
    work: at least :data:`_WORK_WORDS` lower-case content words ("LLM pipelines for clinical note
    extraction, level-of-care classification, eval frameworks"; not a specialty, "Data Platform and AI",
    nor a list of names, "Backend, Python, Rust - https://…"), nothing that says what is asked
    (:data:`_ASKS`), and not the posting's first line (its title: "Data Engineer - FinTech - …")."""
    if a == 0 or _ASKS.search(text, d, b):
        return False
    end = _SENTENCE_END.search(text, d, b)
    desc = _URL.sub(" ", text[d:end.start() if end else b])      # its first sentence, the one that moves
    desc = desc[:1].lower() + desc[1:]                             # "High-concurrency, high-throughput systems."
    return sum(w not in FUNCTION_WORDS for w in _LOWER_WORD.findall(desc)) >= _WORK_WORDS


def _not_expected(text: str, mentions: list, heads: list | None = None) -> list:
    """A stack section that says experience with its list is not expected (:data:`~.cues.NOT_EXPECTED`: "We
    don't expect you to have experience with every technology listed above"): its required skills are what
    the hire works in, *responsibility* (the dev gold's convention). Other sections keep their levels."""
    if not any(m[_LEVEL] == "required" for m in mentions):
        return mentions
    if heads is None:
        from .segmentation import headings

        heads = headings(text)
    # Only a stack heading's section is searched: the regex over a whole posting was a sixth of the
    # exact pass (bench_extract.py, 0.12 ms of 0.8 ms a posting), and most postings have no such heading.
    spans = []
    for k, h in enumerate(heads):
        if stack_heading(h[2]):
            end = heads[k + 1][0] if k + 1 < len(heads) else len(text)
            # a match that starts in the section (one is under 100 characters long, so the search can stop
            # 100 past the section's end and still see each whole)
            m = _NOT_EXPECTED.search(text, h[0], end + _NOT_EXPECTED_REACH)
            if m is not None and m.start() < end:
                spans.append((h[0], end))
    if not spans:
        return mentions
    return [m[:_LEVEL] + ("responsibility",) + m[_LEVEL + 1:]
            if m[_LEVEL] == "required" and any(a <= m[1] < b for a, b in spans) else m for m in mentions]


def _lists(text: str, groups: dict, prose: dict) -> set:
    """The sentences (keys of ``groups``) that are a list of skills in open prose under no heading or
    under a heading that is itself such a list ("Go or Python", "ADF / SSIS": a sub-heading of a skills
    section). A list under another heading no cue knows ("Other signals") keeps that heading's level."""
    def listed(key, ms, least=2):
        ss, se = key
        return stack_list(text[ss:se], sorted({(m[1] - ss, m[2] - ss) for m in ms}), least)

    short = {key for key, ms in groups.items() if key[1] - key[0] <= _LIST_CHARS and listed(key, ms)}
    sub = {ms[0][_SECTION] for key, ms in groups.items() if ms[0][_SECTION] is not None
           and text[key[0]:key[1]].strip(" *#:\t\r") == ms[0][_SECTION]
           and (key in short or listed(key, ms, 1))}     # "AWS Step functions" over "Athena SQL ; Python"
    return {key for key, ms in groups.items()
            if key in short and prose[key] and (ms[0][_SECTION] is None or ms[0][_SECTION] in sub)}


UNASKED_LEVEL = "responsibility"
"""The level of a skill in a posting that asks for nothing (see :func:`open_prose`)."""


def open_prose(section: str | None, sentence: str = "") -> bool:
    """Whether a sentence under ``section`` is prose no heading settles (no heading, or one that says
    nothing about levels), as opposed to a recognised "About us", benefits or EEO section.

    The posting-level rule: where *every* skill of a posting came out context, the posting asks for
    nothing explicitly (a one-paragraph "who is hiring" post, a title and what the company builds), so
    the skills of its open prose are the work the role does, :data:`UNASKED_LEVEL`; its recognised
    context sections stay context, and so does a scraped menu (:func:`menu_like`). Measured in
    ``training/levels/README.md``."""
    return (section is None or heading_level(section) is None) and not menu_like(sentence)


def menu_like(sentence: str) -> bool:
    """A scraped site's navigation flattened into one "sentence" ("Platform Composable CDP Customer
    Studio Build audiences Reverse ETL …"): at least 40 words, half of them capitalised (of its first
    80). Prose, even a list of tools, capitalises far fewer."""
    words = sentence.split(None, _MENU_WORDS)[:_MENU_WORDS]     # its first words tell: bounded cost
    return len(words) >= 40 and 2 * sum(w[:1].isupper() for w in words) >= len(words)


_MENU_WORDS = 80


def stack_list(sentence: str, spans: list[tuple[int, int]], least: int = 2) -> bool:
    """A line that is only a list of the skills found in it ("* Typescript, javascript, python, bash",
    "Python/FastAPI.", "Python, APIs, databases, some frontend"): at least two skills, under 200
    characters, at most two other words besides connectors ("and", "or", "some" …), and the skills at
    least 60 % of its letters. "Establish best practices for data collection, cleaning, correlation and
    visualization" is a duty, not a list. Named in open prose, such a list is the role's stack
    (required), like a "Stack:" line. ``spans``: the skills' offsets in ``sentence``; ``least``: how many
    skills it needs (1: a heading that is one skill's name, "AWS Step functions", over such lists)."""
    if len(sentence) > _LIST_CHARS or len(spans) < least:
        return False
    label, colon, _ = sentence.partition(":")
    if colon and len(label) <= 30 and " ".join(_WORD.findall(label.lower())) in NOT_STACK_LABELS:
        return False              # "Customers: Snowflake, Databricks" names companies, not the stack
    covered = bytearray(len(sentence))
    for s, e in spans:
        covered[s:e] = b"\x01" * (e - s)
    others = [m.group().lower() for m in _WORD.finditer(sentence) if not covered[m.start()]]
    if sum(w not in _CONNECTORS for w in others) > 2:
        return False
    letters = [i for i, c in enumerate(sentence) if c.isalpha()]
    return bool(letters) and 5 * sum(covered[i] for i in letters) >= 3 * len(letters)


_WORD = re.compile(r"[^\W\d_]+")
_CONNECTORS = frozenset("and or & plus with some a an the etc e g eg also".split())


_LIST_CHARS = 200
"""A list of skills is a short line: longer sentences are not sliced or looked at."""
