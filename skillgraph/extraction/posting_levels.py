"""Levels settled over a whole posting, after each sentence has its own (issue 10).

Two rules, both on the context mentions of *open prose* (:func:`~.levels.open_prose`: no heading, or
one no cue knows; never a recognised "About us", benefits or EEO section, never a scraped menu):

* a line that is only a list of skills (:func:`~.levels.stack_list`, "* Typescript, javascript,
  python, bash") is the role's stack: *required*, like a "Stack:" line;
* a posting that asks for nothing — every mention context before these rules — reads the skills of
  its open prose as the work the role does (:data:`~.levels.UNASKED_LEVEL`): a "who is hiring" post
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

from .cues import COMPANY_TALK
from .levels import UNASKED_LEVEL, open_prose, stack_list

__all__ = ["settle"]

_COMPANY_TALK = re.compile(COMPANY_TALK, re.I)

_LEVEL = 6          # index of the level in the extractor's compact mention tuple
_SECTION = 5


def settle(text: str, mentions: list) -> list:
    """``mentions`` (the extractor's tuples: concept, start, end, sentence start, sentence end, section,
    level, …) with the two posting-level rules applied."""
    if not mentions:
        return mentions
    unasked = all(m[_LEVEL] == "context" for m in mentions)
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


def _lists(text: str, groups: dict, prose: dict) -> set:
    """The sentences (keys of ``groups``) that are a list of skills in open prose under no heading or
    under a heading that is itself such a list ("Go or Python", "ADF / SSIS": a sub-heading of a skills
    section). A list under another heading no cue knows ("Other signals") keeps that heading's level."""
    def listed(key, ms):
        ss, se = key
        return se - ss <= 200 and stack_list(text[ss:se], sorted({(m[1] - ss, m[2] - ss) for m in ms}))

    short = {key: listed(key, ms) for key, ms in groups.items() if key[1] - key[0] <= 200}
    sub = {ms[0][_SECTION] for key, ms in groups.items() if short.get(key) and ms[0][_SECTION] is not None
           and text[key[0]:key[1]].strip(" *#:\t\r") == ms[0][_SECTION]}
    return {key for key, ms in groups.items()
            if short.get(key) and prose[key] and (ms[0][_SECTION] is None or ms[0][_SECTION] in sub)}
