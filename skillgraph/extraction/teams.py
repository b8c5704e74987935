"""Teams, collaborators and products a posting names.

Organisational units (the X team/group/pod/organization, "X Labs", "X Group (ABC)", a team after the
comma of the title), the units a team is "part of", the teams the role collaborates with and the
products it works on. The regexes run only in windows around the words that name a unit ("team",
"group", "labs", "products", "called" …), whose positions the matcher reports as it links skills:
that keeps them cheap on long postings.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import replace
from typing import TYPE_CHECKING, Sequence

from skillgraph.model import Posting, TeamMention
from skillgraph.vocab import ROLE_NOUNS

from .context import FUNCTION_WORDS
from .cues import EXAMPLE_LEAD
from .inline import glued_boundaries
from .labels import fold
from .team_names import first_offsets, inner_aliases, split_list, split_names
from .title_teams import title_teams
from .window import window

if TYPE_CHECKING:
    from .segmentation import SentenceIndex

__all__ = ["COLLAB_WORDS", "UNIT_WORDS", "WAYS_OF_WORKING", "find_teams"]

UNIT_WORDS = {  # stem in folded text -> kind of window
    "team": "unit", "group": "unit", "organization": "unit", "organisation": "unit", "org": "unit",
    "pod": "unit", "squad": "unit", "department": "unit", "division": "unit", "center": "unit",
    "centre": "unit", "lab": "lab", "labs": "lab", "product": "list", "surfaces": "list",
    "called": "called", "named": "called", "known as": "called",
}
_UNIT_RX = re.compile(r"\b(?:" + "|".join(sorted((re.escape(w) + ("s?" if not w.endswith("s") else "")
                                                   for w in UNIT_WORDS), key=len, reverse=True)) + r")\b")

_UNIT = r"(?:teams?|groups?|organi[sz]ations?|orgs?|pods?|squads?|departments?|divisions?|labs?)"
COLLAB_WORDS = (r"\b(?:partner\w*|collaborat\w*|work(?:s|ing)?\s+(?:closely\s+)?(?:with|alongside)|"
                r"alongside|together with|cross-functional(?:ly)?)\b")
"""Words of working with others ("partner with", "collaborating", "working closely alongside"): a regex,
searched ignoring case; a team named after them is a collaborator (here) and a function listed after them
with "teams" no skill (:func:`~.people.functions_as_teams`)."""
_COLLAB_VERB = re.compile(COLLAB_WORDS, re.I)
# a capitalised name; a bracketed capitalised other name inside it: "Global FPS (Flexible Pipe Systems) Productivity"
_CAPNAME = (r"(?:[A-Z][\w&+.-]*|AI|ML)(?:\s+(?:[A-Z][\w&+.-]*|AI|ML|of|and|&|for"
            r"|\((?:[A-Z][\w&+.-]*)(?:\s+[A-Z][\w&+.-]*){0,4}\)))*")
_TEAM_CAP = re.compile(rf"\b(?:[Tt]he|[Oo]ur|[Tt]his|[Aa]|[Aa]n|[Jj]oin)\s+(?P<name>{_CAPNAME})\s+(?P<unit>{_UNIT})\b")
# "Product, Data Science, and Backend teams", "Global BI and FP&A teams": names listed before a plural unit
# word with no determiner, which _TEAM_CAP needs; one name only after a collaboration verb (_TeamFinder.unit_lists)
_LIST_NAME = r"(?:[A-Z](?:[\w&+/-]|\.(?=\w))*)(?:\s+(?:&\s+)?[A-Z](?:[\w&+/-]|\.(?=\w))*)*"   # no name ends in "."
_TEAM_LIST = re.compile(rf"(?<![\w&+./-])(?P<list>{_LIST_NAME}(?:\s*,\s*(?:(?:and|&|or)\s+)?{_LIST_NAME})*"
                        rf"(?:\s*,?\s+(?:and|&|or)\s+{_LIST_NAME})?)\s+(?P<unit>teams|departments)\b")
WAYS_OF_WORKING = frozenset({"agile", "scrum", "kanban", "lean", "safe"})
_AFTER_WORD = re.compile(r"\b[a-z]+[ \t]+$")   # a list of units follows a word: "across", "with internal", "helping"
_TEAM_LOWER = re.compile(r"\b(?:[Tt]he|[Oo]ur)\s+(?P<name>(?:[a-z][a-z-]+\s+){1,3}?)"
                         r"(?P<unit>team|pod|squad|group)\b(?!s)")
_TEAM_ABBR = re.compile(r"\b(?:[Tt]he\s+)?(?P<name>(?:[A-Z][\w-]+\s+){1,4}"
                        r"(?:Group|Team|Lab|Labs|Organization|Division|Department|Center|Centre))"
                        r"\s*\((?P<abbr>[A-Z][A-Za-z&]{1,7})\)")
_TEAM_LABS = re.compile(r"\b(?P<name>[A-Z][\w-]+(?:\s+[A-Z][\w-]+){0,2}\s+Labs?)\b")
_PART_OF = re.compile(r"\b(?:is|are|sits?|as)\s+(?:a\s+)?part\s+of\s*(?:the\s*)?", re.I)
_COLLAB = re.compile(r"\b(?:collaborat\w*|partner\w*|work\w*)\s+(?:closely\s+)?(?:with|across)\s+(?:other\s+|our\s+)?"
                     r"[\w\s/&-]{0,40}?teams?\s*\((?P<list>[^)]{3,200})\)", re.I)
_PRODUCTS = re.compile(r"\b(?:product surfaces|products|surfaces|product areas)\s*\((?P<list>[^)]{3,200})\)", re.I)
_CALLED = re.compile(r"\b(?<!formerly )(?<!previously )(?<!also )(?:called|named|known as)"   # a rename is no product
                     r"\s+(?P<name>[A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,2})")
_GENERIC_TEAM_WORDS = frozenset(
    "entire whole same main applied horizontal small global amazing great engineering product new "
    "broader wider larger growing talented world-class research data other multiple".split())
_ROLE_WORDS = re.compile(r"\b(?:" + "|".join(ROLE_NOUNS) + r")s?\b", re.I)   # a team name holding one is a role
# a lower-case "the/our … team" is a unit only when its words name one: not when it describes the team
# ("our dynamic team", "the founding team"), holds a function word (the phrase is no name: "the success
# of the team", "our customers and our team") or is the hiring process's ("our talent acquisition team")
_DESCRIBING = frozenset(
    "founding internal senior most diverse dynamic existing friendly tight-knit close-knit rapidly fast-growing "
    "interdisciplinary multidisciplinary multi-disciplinary cross-functional brilliant distributed in-person "
    "full-time one winning award-winning forward-thinking international best-in-class incredible hard-working "
    "newly vibrant own respective expanding experienced outsourced first initial innovative lean early current "
    "super passionate dedicated collaborative supportive high-performing exceptional fantastic permanent formed "
    "solid strong".split())
_FUNCTION = FUNCTION_WORDS | {"my", "his", "her", "each", "every", "within"}
_HIRING = re.compile(r"\b(?:recruit\w*|hiring|talent|resourcing)\b", re.I)
_EXAMPLES = re.compile(r"\s*" + EXAMPLE_LEAD + r"\s*", re.I)
_SENTENCE_END = re.compile(r"[.!?]\s+[A-Z]")
_NOT_TEAM_NAMES = frozenset({"we", "you", "it", "this", "our", "the"})
_LOWER_NAME_WORD = re.compile(r"[a-z][a-z-]+")


def _team_name_may_end(text: str, folded: str, ls: int, i: int, j: int) -> bool:
    """Whether _TEAM_CAP or _TEAM_LOWER could match a name ending just before the unit word
    text[i:j]: a necessary condition, cheap next to running both regexes over the window ("a team
    player", "in a team" are most unit words in postings). Both need the unit word in lower case
    after white space, and the word before it capitalised (or "of", "and", "&", "for" inside a
    capitalised name, or a closing bracket), or, for _TEAM_LOWER, a lower-case word with "the"/"our" before it."""
    if text[i:j] != folded[i:j]:
        return False
    pre = text[max(ls, i - 90):i]
    if not pre[-1:].isspace():
        return False
    words = pre.rsplit(None, 1)   # only the last word is needed
    if not words:
        return False
    last = words[-1]
    if "A" <= last[0] <= "Z" or last in ("of", "and", "&", "for") or (last[0] == "(" and last[-1] == ")"):
        return True                 # a name, or one ending in its bracketed other name: "… (MRM) team"
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
        # the windows reach at most 90 characters back and 280 on: look for the line's ends no
        # further (a whole-line search is quadratic on a one-line posting)
        ls = text.rfind("\n", max(0, i - 90), i) + 1
        le = text.find("\n", j, j + 280)
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


def _unit_words(folded: str) -> list[tuple[int, int, str]]:
    """(start, end, kind) of the unit words in ``folded``, for callers without the matcher's list."""
    return [(m.start(), m.end(), UNIT_WORDS.get(m.group(), UNIT_WORDS.get(m.group()[:-1])))
            for m in _UNIT_RX.finditer(folded)]


class _TeamFinder:
    """One posting's teams, found step by step; a name found first keeps its place and sentence."""

    def __init__(self, posting: Posting, index: SentenceIndex, skill_spans, wins):
        self.posting = posting
        self.text = posting.text
        self.index = index
        self.skill_spans = skill_spans
        self.wins = wins
        self.found: dict[tuple[str, str], TeamMention] = {}
        self.list_spans: list[tuple[int, int]] = []   # parenthesised lists of collaborators, products
        self._merged: tuple[list[int], list[int]] | None = None   # list_spans merged, for bisect
        self._collab: dict[tuple[int, int], int] = {}   # sentence -> end of its first collaboration verb

    def scan(self, rx, *kinds):
        """Matches of ``rx`` in the windows of these kinds, each span once."""
        seen = set()
        for k in kinds:
            for a, b in self.wins[k]:
                for m in rx.finditer(self.text, a, b):
                    if m.span() not in seen:
                        seen.add(m.span())
                        yield m

    def add(self, name: str, role: str, start: int, parent: str | None = None, aliases: tuple[str, ...] = ()):
        name = " ".join(name.split()).strip(" .,-")
        if not name or name.lower() in _NOT_TEAM_NAMES or len(name) < 2:
            return
        glued = glued_boundaries(name)
        if glued:   # a flattened heading glued to prose: "…DepartmentThe Data & Marketing team" is "Data & Marketing"
            cut = glued[-1]
            rest = re.sub(r"^(?:[Tt]he|[Oo]ur)\b\s*", "", name[cut:])
            start += len(name) - len(rest) if start >= 0 else 0
            name = rest
            if not name or len(name) < 2 or name.lower() in _NOT_TEAM_NAMES:
                return
        if self.posting.company and name.lower() == self.posting.company.lower():
            return                      # "Isomorphic Labs" is the employer, not a team of it
        if _SENTENCE_END.search(name):
            return                      # "… our DNA. With …" runs across a sentence's end: no name
        aliases = tuple(sorted({*aliases, *inner_aliases(name)}))
        key = (name.lower(), role)
        old = self.found.get(key)
        if old is not None:
            if (parent and not old.parent) or (aliases and not old.aliases):
                self.found[key] = replace(old, parent=old.parent or parent,
                                          aliases=tuple(sorted(set(old.aliases) | set(aliases))))
            return
        sg = self.index.at(start)
        ss, se = window(self.text, sg.start, sg.end, start, start + len(name)) if sg else (-1, -1)
        sentence = self.text[ss:se] if sg else ""
        self.found[key] = TeamMention(name, role, start, start + len(name), sentence, parent, aliases, ss, se)

    def in_lists(self, i: int) -> bool:
        """Whether offset i falls in a parenthesised list (asked once the lists are all found)."""
        if self._merged is None:
            starts: list[int] = []
            ends: list[int] = []
            for a, b in sorted(x for x in self.list_spans if x[0] < x[1]):
                if ends and a <= ends[-1]:
                    ends[-1] = max(ends[-1], b)
                else:
                    starts.append(a)
                    ends.append(b)
            self._merged = starts, ends
        starts, ends = self._merged
        k = bisect_right(starts, i) - 1
        return k >= 0 and i < ends[k]

    def listed(self) -> None:
        """Collaborating teams and products named in parenthesised lists."""
        for rx, kind, role in ((_COLLAB, "paren", "collaborator"), (_PRODUCTS, "list", "product")):
            for m in self.scan(rx, kind):
                self.list_spans.append((m.start("list"), m.end("list")))
                items = m.group("list")
                ex = _EXAMPLES.match(items)      # "(e.g., product managers, engineers)": examples, not names
                for off, name in split_list(items[ex.end():] if ex else items):
                    # a product is named ("products (Homefeed, Ads)"), "products (reports, dashboards)" are kinds
                    if not ((ex or role == "product") and name[0].islower()) and not _ROLE_WORDS.search(name):
                        self.add(name, role, m.start("list") + (ex.end() if ex else 0) + off)

    def abbreviated(self) -> None:
        """"Advanced Technologies Group (ATG)"."""
        for m in self.scan(_TEAM_ABBR, "paren"):
            self.add(m.group("name").strip(), "member", m.start("name"), aliases=(m.group("abbr"),))

    def named_units(self) -> None:
        """"the Ranking team", "our core visual pod", "partnering with the Applied AI teams"."""
        for rx in (_TEAM_CAP, _TEAM_LOWER):
            for m in self.scan(rx, "unit", "lab"):
                self._named_unit(rx, m)

    def _named_unit(self, rx, m) -> None:
        name, start = m.group("name").strip(), m.start("name")
        if self.in_lists(m.start()):
            return
        words = name.lower().split()
        if rx is _TEAM_LOWER:
            while words and words[0] in _DESCRIBING:    # "our existing cybersecurity team" is the cybersecurity team
                cut = len(name) - len(name.split(None, 1)[1]) if len(words) > 1 else len(name)
                name, start, words = name[cut:], start + cut, words[1:]
            if (not words or words[0] in _GENERIC_TEAM_WORDS or all(w in _GENERIC_TEAM_WORDS for w in words)
                    or _FUNCTION.intersection(words)):
                return
        # "the Founding team", "the ML Engineer team", "our Talent Acquisition team"
        if (all(w in _DESCRIBING for w in words) or _ROLE_WORDS.search(name)
                or (_HIRING.search(name) and not _HIRING.search(self.posting.title or ""))):
            return
        unit = m.group("unit").lower()
        sent = self.index.at(m.start())
        role = "collaborator" if sent and self._collab_end(sent) <= m.start() else "member"
        if unit.endswith("s") and unit not in ("labs",):   # "the Safety Systems and Applied AI teams"
            for off, part in split_names(name):
                self.add(part, role, start + off)
            return
        if rx is _TEAM_LOWER or unit in ("pod", "squad"):
            name = f"{name} {m.group('unit')}"
        elif name.endswith(")") and " (" in name:     # "Model Risk Management (MRM)": the other name an alias
            name, other = name[:-1].rsplit(" (", 1)
            self.add(name, role, start, aliases=(other,))
            return
        self.add(name, role, start)

    def unit_lists(self) -> None:
        """"Partner with Product, Data Science, and Backend teams", "collaborating with Data Science teams":
        units named as a list before "teams" / "departments" (not "functions", "groups": "Python and Bash
        functions"), after a lower-case word (not a colon, a line's start or a name cut by the window). Two
        names or more are units; one only after a collaboration verb ("Mentor teams", "working in Scrum
        teams" name none). No name may be a role or a way of working ("Agile, Scrum or DevOps teams")."""
        for m in self.scan(_TEAM_LIST, "unit"):
            if self.in_lists(m.start()) or not _AFTER_WORD.search(self.text, max(0, m.start() - 20), m.start()):
                continue                     # "Tech stack: Node.js, Redis, Kubernetes Small teams" lists no units
            names = split_names(m.group("list"))
            sent = self.index.at(m.start())
            after_verb = bool(sent) and self._collab_end(sent) <= m.start()
            if len(names) < 2 and not after_verb:
                continue
            if any(_ROLE_WORDS.search(n) or n.lower() in WAYS_OF_WORKING for _, n in names):
                continue
            role = "collaborator" if after_verb else "member"
            for off, name in names:
                self.add(name, role, m.start("list") + off)

    def labs(self) -> None:
        """"Pinterest Labs", "the Applied ML Lab"."""
        for m in self.scan(_TEAM_LABS, "lab"):
            name, start = m.group("name"), m.start("name")
            first = name.split()[0]
            if first in ("The", "Our", "This", "At", "In", "Join"):
                name, start = name[len(first):].lstrip(), start + len(name) - len(name[len(first):].lstrip())
            if not self.in_lists(start) and len(name.split()) >= 2:
                self.add(name, "member", start)

    def _collab_end(self, sent) -> int:
        """Where the first collaboration verb of sentence ``sent`` ends (a huge number if none):
        found once per sentence, so many names in one long sentence stay linear. The names start
        after a non-word character, so no verb match runs across a name's start."""
        end = self._collab.get((sent.start, sent.end))
        if end is None:
            m = _COLLAB_VERB.search(self.text[sent.start:sent.end])
            end = self._collab[sent.start, sent.end] = sent.start + m.end() if m else len(self.text) + 1
        return end

    def whole_names(self) -> None:
        """Drop a name the windows found that is the tail of a longer one of the same role ending at the
        same place: a window that starts inside a name finds its tail too ("… The Understanding" within
        "The The … The Understanding"; hypothesis found it), and which windows ran must not decide the
        names. Runs before the title's teams, which are placed where their name first occurs."""
        longest: dict[tuple[str, int], int] = {}
        for t in self.found.values():
            key = (t.role, t.end)
            longest[key] = min(longest.get(key, t.start), t.start)
        self.found = {k: t for k, t in self.found.items() if longest[(t.role, t.end)] == t.start}

    def parents(self) -> None:
        """"X team is part of the Y": parent links."""
        members = [t for t in self.found.values() if t.role == "member"]
        by_name: dict[str, list[int]] = {}   # name or alias -> positions in members, in order
        for k, other in enumerate(members):
            for name in (other.name, *other.aliases):
                by_name.setdefault(name, []).append(k)
        for k, t in enumerate(members):
            tail = self.text[t.end:t.end + 80]
            m = re.match(r"\s*(?:team|group|pod)?\s*(?:,\s*)?", tail)
            rest = tail[m.end():] if m else tail
            p = _PART_OF.match(rest)
            if not p:
                continue
            after = rest[p.end():]
            # the first other member (in order) whose name or an alias starts ``after``
            hits = [j for n in range(len(after) + 1) for j in by_name.get(after[:n], ()) if j != k]
            if hits:
                self.add(t.name, "member", t.start, parent=members[min(hits)].name)

    def from_title(self) -> None:
        """A team after the comma of a "Role, Team" title: "Sr. Machine Learning Engineer, Core Engineering"."""
        for name, start in title_teams(self.posting, self.text, self.skill_spans):
            self.add(name, "member", start)

    def products(self) -> None:
        """Products: "a model called Pinterest Canvas", "for Pinterest Canvas"."""
        full, spans = self.text, self.skill_spans
        names = {m.group("name") for m in self.scan(_CALLED, "called")}
        if self.posting.company:
            co = re.escape(self.posting.company)
            ordered = sorted(spans)
            starts, reach, far = [a for a, _ in ordered], [], -1   # reach[k]: the furthest end of spans[:k + 1]
            for _, b in ordered:
                far = max(far, b)
                reach.append(far)
            for m in re.finditer(rf"\b(?:for|on|into|with|to)\s+({co}\s+[A-Z][a-z]\w+)\b", full):
                k = bisect_right(starts, m.start(1)) - 1   # not inside a skill: one bisect, not a scan
                if not (k >= 0 and m.start(1) < reach[k]):
                    names.add(m.group(1))
        span_texts = {full[a:b] for a, b in spans}
        member_names = {t.name.lower() for t in self.found.values() if t.role == "member"}
        keep = []
        for name in sorted(names):
            last = name.split()[-1]
            if name.lower() in member_names or re.match(_UNIT + "$", last, re.I):
                continue
            if last in span_texts:
                continue
            keep.append(name)
        first = first_offsets(full, keep)
        for name in keep:
            self.add(name, "product", first[name])


def find_teams(posting: Posting, index: SentenceIndex, skill_spans: Sequence[tuple[int, int]],
               folded: str | None = None, units=None) -> list[TeamMention]:
    """The teams, collaborators and products of ``posting``, sorted by role, offset and name.

    ``index`` gives each name's sentence; ``skill_spans`` are the linked skills (a skill is not a
    team or product); ``folded`` and ``units`` (the matcher's unit words) are computed when not given.
    """
    folded = fold(posting.text) if folded is None else folded
    if units is None:
        units = _unit_words(folded)
    finder = _TeamFinder(posting, index, skill_spans, _gated_windows(posting.text, folded, units))
    finder.listed()
    finder.abbreviated()
    finder.named_units()
    finder.unit_lists()
    finder.labs()
    finder.whole_names()
    finder.parents()
    finder.from_title()
    finder.products()
    return sorted(finder.found.values(), key=lambda t: (t.role, t.start, t.name))
