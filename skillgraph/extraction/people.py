"""Where a label names people, not a skill asked for.

- A capitalised name that names a role (:func:`role_names`): "reporting to our DevOps Manager", "Senior
  Backend Developer", "Cloud Architect". SkillSpan dev marks none of them.
- A company named as where people worked or who backs the company (:func:`worked_at`): "previously led
  search at MongoDB", "a team of 10 from AWS, Snyk, Netlify", "leaders at Hugging Face, DeepMind" name
  employers, not the stack ("data from Salesforce", "great at SQL", "prior knowledge of Solidity", "a team
  of AI agents", "an API backed by PostgreSQL" still link).
- "Leadership" as the company's leaders (:func:`leaders_named`): "insights for leadership", "work directly
  with leadership and customers", "leadership teams", "leadership has access"; or as what the company offers
  ("leadership development programmes", "leadership coaching"). "Strategic leadership", "leadership
  experience", "provide leadership across departments" and "a passion for leadership" still link.
- A lower-case function named as a team that the role works with (:func:`functions_as_teams`): "Collaborate
  with product, analytics, and data engineering teams", "Work alongside development and analytics teams"
  name the people, not skills asked for ("lead engineering teams", "experience mentoring teams", "machine
  learning and agile teams" keep theirs).
"""
from __future__ import annotations

import re
from typing import Sequence

from skillgraph.vocab import ROLE_NOUNS

from .teams import COLLAB_WORDS, WAYS_OF_WORKING

__all__ = ["functions_as_teams", "leaders_named", "role_names", "worked_at"]

_ROLE_AFTER = re.compile(r"[ \t]+(?:" + "|".join(ROLE_NOUNS) + r")s?\b", re.I)
_OPENS = re.compile(r"(?:\A|[\n.!?:;]|^[ \t]*[-*•·–]?)[ \t]*\Z", re.M)   # before a label: a line or sentence opens


def role_names(text: str, matches: Sequence) -> list:
    """``matches`` ((start, end, ids)) without a capitalised label that a role noun follows ("DevOps
    Engineer", "Java developers", "our Cloud Architect"): the name of a role, a colleague or the opening,
    not a skill the posting asks for. A lower-case label is kept ("mentor developers" asks for mentoring),
    and so is a label opening a line or sentence before a lower-case role noun ("- Mentor engineers")."""
    out = []
    for m in matches:
        s = m[0]
        if text[s].isupper() and (r := _ROLE_AFTER.match(text, m[1])):
            if not (_OPENS.search(text, max(0, s - 8), s) and r.group().lstrip()[0].islower()):
                continue
        out.append(m)
    return out


_CAP_NAMES = r"(?-i:[A-Z])[\w.'+-]*(?:[ \t]+(?-i:[A-Z])[\w.'+-]*)*"   # "Google Cloud", "NBCUniversal" (case kept)
_PEOPLE_AT = re.compile(
    r"(?:\b(?:team|engineers|people|folks|alumni|veterans|researchers|operators|builders)(?: of \d+\+?)? (?:from|at)"
    r"|\bleaders? (?:from|at)|\b(?:co-?)?founders? (?:of|from|at)"
    r"|\b(?:former(?:ly)?|previously|ex-?)[ \t]+(?:(?:[\w/-]+[ \t]+){0,4}?at|from)"
    r"|\b(?:worked|led|built|spent[ \t]+\w+[ \t]+years?)[ \t]+(?:[\w/-]+[ \t]+){0,3}?at"
    r"|\bbacking from|\b(?:investors?|customers?) (?:include|like|such as)|\bcompanies (?:like|such as)"
    r"|\b(?:round|seed|series [a-e]) led by|\b(?:trusted|loved) by)"   # not "used by" ("protocols used by Kafka")
    # unknown names may open the list ("trusted by Google, Notion"); "and" lower-case only ("A And " doubled paths)
    rf"[ \t]+(?:{_CAP_NAMES}[ \t]*(?-i:,|&|\band\b)[ \t]*(?-i:and[ \t]+)?)*\Z", re.I)
"""What stands before a company that is named as people's employer, the company's backer or its customer."""
_NAMES_BETWEEN = re.compile(rf"(?:[ \t]*(?:,|&|\band\b|\bor\b)[ \t]*(?:and[ \t]+)?(?:{_CAP_NAMES})?)+[ \t]*\Z")
"""Between two companies of such a list: separators and the names no label knows ("AWS, Snyk, Netlify, Uber")."""


_PEOPLE_LAST = frozenset(("at", "from", "of", "include", "like", "as", "by"))
"""The word every :data:`_PEOPLE_AT` cue ends in: a test of it (or of a list's ", ") spares the regex at most names."""
_NOT_EMPLOYERS = re.compile(r"[^\n.;:]{0,60}?\bbackgrounds?\b|[ \t]+scale\b", re.I)
"""After such names, what makes them no employers: "engineers from Java, Scala or Python backgrounds",
"built pipelines at AWS scale"."""


def _word_before(text: str, s: int) -> str:
    """The lower-cased word before ``text[s]`` (over blanks), or ""."""
    j = s
    while j > 0 and text[j - 1] in " \t":
        j -= 1
    k = j
    while k > 0 and k > j - 8 and text[k - 1].isalpha():
        k -= 1
    return text[k:j].lower()


def worked_at(text: str, matches: Sequence) -> list:
    """``matches`` ((start, end, ids)) without the capitalised names of companies that people worked at, that back
    or buy from the company (:data:`_PEOPLE_AT` before the first of a list, :data:`_NAMES_BETWEEN` between the
    list's names): "I'm Ethan (previously led search at MongoDB)", "a team of 10 from AWS, Snyk, Netlify, Uber"."""
    out, last = [], -1
    for m in matches:
        s = m[0]
        word = _word_before(text, s) if text[s].isupper() else ""
        listed = word == "and" or text[s - 2:s] == ", "      # a list may have opened before
        if text[s].isupper() and (
                ((listed or word in _PEOPLE_LAST) and _PEOPLE_AT.search(text, max(0, s - 60 - 60 * listed), s)
                 and not _NOT_EMPLOYERS.match(text, m[1]))
                or (last >= 0 and _NAMES_BETWEEN.match(text, last, s))):
            last = m[1]
            continue
        last = -1
        out.append(m)
    return out


_LEADERS_MODS = (r"(?:(?:the|our|your|their|its|rest[ \t]+of|company|business|senior|executive|exec|group|site|local|"
                 r"wider|c-suite|departmental|regional|global|key|marketing|finance|sales|commercial)[ \t]+)*")
_LEADERS_BEFORE = re.compile(
    r"(?<![\w-])(?P<w>with|to|for|from|by|and|empowering|inform(?:ing)?|brief(?:ing)?|updat(?:e|ing)|advis(?:e|ing)|"
    rf"support(?:s|ing)?|across|among|alongside)[ \t]+{_LEADERS_MODS}\Z", re.I)
"""What stands before "leadership" as people: a preposition or a verb of informing, and the group's modifiers."""
_LEADERS_AFTER = re.compile(r"[ \t]*(?:[.,;:)!?\u2014\u2013]|$)|[ \t]+(?:and|or|&|with|on|to|through|about|at|in)\b",
                            re.I | re.M)
"""What follows "leadership" as people after such words: the clause ends, or the list or sentence goes on."""
_LEADERS_NOUN = re.compile(r"[ \t]+(?:teams?|members|stakeholders|table|groups?|forums?|staff|discussions|reviews|"
                           r"meetings|updates|alignment|decision-making|decisions|has|have|can|can't|can\u2019t|cannot|"
                           r"still|development|coaching|opportunit(?:y|ies)|growth|"
                           r"programmes?|programs?|courses?|agreements?|awards?)\b", re.I)
"""What follows "leadership" as people anywhere ("leadership teams", "leadership has access") or as an offer."""
_TALENT_FOR = frozenset(("passion", "aptitude", "potential", "capacity", "talent", "flair", "appetite", "interest",
                         "knack", "desire", "love", "eye", "commitment", "responsible", "accountable"))
"""Before "for"/"to leadership", a disposition or a charge: "a passion for leadership", "responsible for
leadership and mentoring" ask for it."""
_WITH = frozenset(("work", "works", "working", "partner", "partnering", "coordinate", "coordinating", "collaborate",
                   "collaborating", "interact", "interacting", "engage", "engaging", "share", "shared", "sharing",
                   "liaise", "liaising", "meet", "meeting", "directly", "closely", "regularly", "together"))
"""Before "with leadership" as people, a verb of working together ("expertise with leadership" asks for it)."""
_GROUPS = frozenset(("stakeholders", "partners", "teams", "customers", "executives", "board", "colleagues", "peers",
                     "analysts", "scientists", "engineers", "designers", "founders", "clients"))
"""Before "and leadership" as people, another group of people ("clarity and leadership" asks for it)."""
_FUNCTIONS = frozenset(("engineering", "product", "commercial", "finance", "ops", "operations", "cs", "sales",
                        "marketing", "management", "design", "legal"))
"""... or the last of a list of functions ("engineering, product, commercial, and leadership"; not "stakeholder
management and leadership": no list)."""
_PRIOR = re.compile(r"([A-Za-z]+)[ \t,]*\Z")


def leaders_named(text: str, matches: Sequence) -> list:
    """``matches`` ((start, end, ids)) without a bare "leadership" that names the company's leaders or an
    offer of the company (see the module's docstring): a group of people, not a skill the posting asks for."""
    out = []
    for m in matches:
        s, e = m[0], m[1]
        if e - s == 10 and text[s:e].lower() == "leadership":
            if _LEADERS_NOUN.match(text, e):
                continue
            b = _LEADERS_BEFORE.search(text, max(0, s - 60), s)
            if b and _LEADERS_AFTER.match(text, e):
                w = b.group("w").lower()
                p = _PRIOR.search(text, max(0, b.start() - 24), b.start())
                prior = p.group(1).lower() if p else ""
                listed = prior in _FUNCTIONS and "," in text[max(0, b.start() - 60):b.start()]
                if not ((w == "and" and prior not in _GROUPS and not listed) or (w == "with" and prior not in _WITH)
                        or (w in ("for", "to") and prior in _TALENT_FOR)):
                    continue
        out.append(m)
    return out


_VERBS = (r"(?:lead|leading|manage|managing|build|building|foster|fostering|drive|driving|grow|growing|mentor|"
          r"mentoring|support|supporting|coach|coaching|across|with|for|of|in|to)\b")
_TEAMS_AFTER = re.compile(rf"(?:[ \t]*(?:,|&|\band\b|\bor\b)[ \t]*(?:and[ \t]+|or[ \t]+)?(?!{_VERBS})[a-z][\w-]*"
                          rf"(?:[ \t]+(?!{_VERBS})[a-z][\w-]*)?){{0,4}}[ \t]+teams\b")
"""After a lower-case label, the rest of a list of functions that ends in "teams" (no verb or preposition in it)."""
_WITH_TEAMS = re.compile(rf"(?:{COLLAB_WORDS}|\b(?:with|across|between|among|liais\w*|support\w*)\b)[^.;:!?\n]*\Z",
                         re.I)
"""Before it, in the same clause, a word of working with others (:data:`~.teams.COLLAB_WORDS`, or any "with",
"across", "between", "supporting" …)."""
_NOT_FUNCTIONS = frozenset(("mentoring", "mentors", "coaching", "leadership"))
_KIND_OF_TEAM = re.compile(r"(?:remote|distributed|global|local|small|large|diverse|cross-functional|multidisciplinary|"
                           r"multi-disciplinary|high-performing|offshore|onshore|virtual|hybrid|international|%s)"
                           r"[ \t]+teams\b" % "|".join(sorted(WAYS_OF_WORKING)), re.I)
"""The word before "teams" says how a team works, not what it does: "machine learning and agile teams" keeps *machine
learning*."""


def functions_as_teams(text: str, matches: Sequence) -> list:
    """``matches`` ((start, end, ids)) without a lower-case label that names a function the role works with, in
    a list ending in "teams" (see the module's docstring)."""
    out = []
    for m in matches:
        s, e = m[0], m[1]
        if (text[s].islower() and (t := _TEAMS_AFTER.match(text, e)) and text[s:e] not in _NOT_FUNCTIONS
                and _WITH_TEAMS.search(text, max(0, s - 80), s)
                and not _KIND_OF_TEAM.search(text, max(e, t.end() - 40), t.end())):
            continue
        out.append(m)
    return out
