"""The team a posting's title names: "Sr. Machine Learning Engineer, Core Engineering" → *Core Engineering*.

Only a "Role, Team" title gives one. Job boards write much else after a title's comma, and on postings-dev
most of it was no team (196 title teams before these rules, 78 after): ranks ("…, Associate", "…,
Assistant Vice President"), places and work modes ("…, EMEA", "… - Remote US"), the employer ("… -
Citi"), other openings of a list title ("Engineers, Designers, PM"), the stack ("… - Java, AI, AWS"),
contracts and figures ("… - Contract", "Up to £88K Bonus") and links ("…, Traffic → https://…").
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Sequence

from skillgraph.model import Posting
from skillgraph.vocab import ROLE_NOUNS

__all__ = ["title_teams"]

_TITLE_ROLE = re.compile(r"\b(?:(?:" + "|".join(ROLE_NOUNS) + r"|executive|associate|president|counsel|leader|"
                         r"master|eng|devs?|"
                         r"(?:s|a)?vp|t?pm|swe|sre|am)s?|staff)\b", re.I)
"""A role or a rank in a title part ("Account Executive", "Assistant Vice President", "PM", "Designers"):
ROLE_NOUNS and the ranks and short forms titles use, plural too."""
_PLURAL_ROLE = re.compile(r"\b(?:" + "|".join(n for n in ROLE_NOUNS if n not in ("head", "officer"))
                          + r"|dev|eng|pm|swe)s\b|\bhiring\b", re.I)
"""A title that lists openings: "Founding Engineers (Infrastructure), Growth, GTM", "Hiring Eng, Product"."""
_TITLE_LINK = re.compile(r"\s*(?:→|:)?\s*https?://")
_TITLE_NOT_TEAM = re.compile(r"(?i)\b(?:full[- ]?time|part[- ]?time|contract(?:or)?|permanent|temporary|freelance|"
                             r"fixed[- ]term)\b|\d+(?:[.,]\d+)?\s?k\b|[£$€]\s?\d|\b(?:usd|eur|gbp)\s?\d"
                             r"|^global$|^worldwide$")
"""A title part that is the kind of contract or a figure ("Contract", "Up to £88K Bonus", "USD 150k"), not a
team; work modes are location.MODE_WORD ("Remote US", "Hybrid London")."""
_TITLE_PARTS = re.compile(r",|\s*-\s+|\s+-\s*|\u2014|\u2013|/")


def title_teams(posting: Posting, text: str, skill_spans: Sequence[tuple[int, int]]) -> list[tuple[str, int]]:
    """[(team name, its first offset in ``text`` or -1)] from ``posting.title``; ``skill_spans`` are the
    posting's skill mentions (a title part that is one is a skill, not a team)."""
    # a comma inside brackets is a list, not a team: "Full-Stack Developer (Django, Vue, AWS)"
    title = re.sub(r"\s*(?:\([^()]*\)|\[[^\[\]]*\])", "", posting.title or "")
    title = _TITLE_LINK.split(title, 1)[0]   # "…, Traffic → https://grnh.se/…": the link is no team
    if "," not in title or "|" in title:   # "Acme | FE, ML engineers | Remote": fields, not a team
        return []
    head, tail = title.split(",", 1)
    parts = [p.strip() for p in _TITLE_PARTS.split(tail) if p.strip()]
    # "Role, Team" only: not "Risk, AI Model Validation, Associate, Birmingham" (no role first: the
    # employer's fields), nor "Engineers, Designers, PM" or "SWE, SRE, TPM" (a list of openings), nor
    # "Ab-Initio ETL Developer, Assistant Vice President" (a rank after the role)
    if (not _TITLE_ROLE.search(head) or _PLURAL_ROLE.search(head)
            or any(_TITLE_ROLE.search(p) or _rank_first(p) for p in parts)):
        return []
    skill_texts = {text[a:b].lower() for a, b in skill_spans}
    if len(parts) >= 3 and any(p.lower() in skill_texts for p in parts):
        return []   # "Lead Software Engineer - Java, AI, AWS": the stack, not teams
    out = []
    for part in parts:
        if part.lower() in skill_texts:   # "…, Machine Learning, Google Cloud AI": a skill, not a team
            continue
        if _place_or_employer(posting, text, part):
            continue
        if len(part.split()) <= 5 and part[0].isupper():
            out.append((part, text.find(part)))
    return out


def _rank_first(part: str) -> bool:
    """Whether a title part opens with a seniority word ("Senior Rust", "Sr. DevOps"): a role, however it ends."""
    from skillgraph.ingest.metadata.seniority import seniority_from_title

    words = part.split()
    return len(words) > 1 and seniority_from_title(words[0]) is not None


@lru_cache(maxsize=1)
def _places() -> frozenset[str]:
    from skillgraph.ingest.metadata.location import COUNTRIES

    return frozenset(c.casefold() for c in COUNTRIES)


def _place_or_employer(posting: Posting, text: str, part: str) -> bool:
    """Whether a title part names where the job is or who offers it ("…, EMEA", "… - London, Wembley"
    when the posting says "Location: Wembley London", "… - Macquarie Group"), not a team."""
    from skillgraph.ingest.metadata.location import MODE_WORD

    low = part.casefold()
    company = (posting.company or "").casefold()
    if _TITLE_NOT_TEAM.search(part) or MODE_WORD.search(part) or low in _places():
        return True
    # "… - Macquarie Group"; a prefix of the employer's name only when it is a name of two words or
    # more ("Macquarie Group" of "Macquarie Group Limited"), not "Cloud" of "Cloud Software Group"
    if company and (low == company or (" " in low and company.startswith(low + " "))):
        return True
    whole = re.compile(r"(?<!\w)" + re.escape(low) + r"(?!\w)")     # "AI" is no part of "Dubai"
    if any(whole.search(loc.casefold()) for loc in posting.locations):
        return True
    head_lines = text[:2000].splitlines()[1:20]   # "Isomorphic Labs\n\nLondon\n\n£63,356": a header cell
    if any(line.strip().casefold() == low for line in head_lines):
        return True
    said = re.compile(r"(?i)\b(?:locations?\s*:[^\n]{0,60}?(?<!\w)|(?:based|located|offices?)\s+in\s+)"
                      + re.escape(part) + r"(?!\w)")
    return said.search(text) is not None
