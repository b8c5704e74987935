"""Where a label found in the text is not a skill.

- Inside a URL, an e-mail address or a file path: ``https`` in ``https://…`` is not HTTP, ``python``
  in ``/usr/bin/python3`` or ``jobs@python.org`` is no requirement. A bare domain that is itself the
  whole match ("Socket.io", "Neptune.ai") is a name and still links.
- A model span (the hybrid pass, :func:`unlinkable`) that is the field of a degree ("PhD in Computer
  Science, Statistics or a related field": a subject studied, not a skill asked for) or a group of people
  ("engineering teams": who, not what) is kept as a candidate but linked to no concept.
- The posting's own company name: "Notion" in a Notion posting is the employer; the tool Notion in
  another company's posting still links. Legal and organisational suffixes are dropped from the
  company field, so "Notion Labs, Inc." also covers "Notion".
- A site where people show their work (:data:`PROFILE_SITES`: GitHub, GitLab, Kaggle …) named as
  application material or as a count of stars (:func:`shown_work`): "email us your resume and GitHub",
  "your GitHub profile", "24,000+ GitHub stars" ask for no skill; nor does a product named as what a
  company is like ("building GitHub for AI agents", "think Cursor for radiologists").
- Names of people — a role, the company people worked at, a group of people — are :mod:`.people`'s.
- A capitalised label inside the name of an organisation or an award (:func:`organisation_names`): "Spark
  Capital", "Stanford Blockchain Accelerator", "the Water Technical Leadership Group", "Docker Inc" name
  backers, programmes and employers, not skills.
- An acronym that the posting spells out as something else (:func:`spelled_out`): "MVS (Mixpeek Vector
  Store)" is the employer's product, not *3D reconstruction* (multi-view stereo); "ETL (Extract,
  Transform, Load)" and "PMP (Project Management Professional)" keep their concept.

Every pattern starts only where a run of its characters starts (a look-behind), so each run is
scanned a bounded number of times and a 10 MB token costs linear time, not quadratic.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache
from typing import Sequence

from skillgraph.speed import alternation, per_ontology

from .labels import spells

__all__ = ["NON_TEXT", "PROFILE_SITES", "drop_in_spans", "drop_within", "employer_spans", "non_text_spans",
           "organisation_names", "profile_site_ids", "shown_work", "spelled_out", "unlinkable"]

_URL = (r"(?<![\w.+-])(?:https?|ftp|file)(?::/{2}|://?| //)[^\s<>\"'`]+"   # also "https //x" (colon lost)
        r"|(?<![\w.-])www\.[^\s<>\"'`]+")
_EMAIL = r"(?<![\w.+-])[\w+-]+(?:\.[\w+-]+)*@[\w-]+(?:\.[\w-]+)+"
# a path starts after white space, a bracket or a quote: "JavaScript/C++/Python/Rust" is a list
_PATH = (r"(?<![^\s(\[\"'`=])(?:~|\.{1,2})?/(?:[\w.-]+/)+[\w.-]*"     # /usr/local/bin, ~/x/y, ./a/b
         r"|(?<!\w)[A-Za-z]:\\(?:[\w.-]+\\)*[\w.-]+")           # C:\Users\x
# a domain: lower-case top-level domain so "ASP.NET" is not one; an optional path after it
_DOMAIN = (r"(?<![\w.@-])[A-Za-z0-9][\w-]*(?:\.[\w-]+)*\.(?-i:com|io|ai|org|net|co|dev|app|so|gg|xyz|tech)"
           r"(?![\w-])(?:/[^\s<>\"'`]*)?")
_MONEY = r"(?<![\w$])(?-i:[A-Z]{1,3})\$[ \t]?\d"    # "C$130K", "R$ 5.000": a currency, not the C or R language
NON_TEXT = (("url", _URL), ("email", _EMAIL), ("path", _PATH), ("domain", _DOMAIN), ("money", _MONEY))
"""The kinds of non-text, tried in this order at each position (one alternation, ``re.I``)."""
_WWW = re.compile(r"www\.", re.I)           # searched, not text.lower(): no copy of a long posting
_WW = ("ww.", "wW.", "Ww.", "WW.")          # what "www." ignoring case needs: 4 str searches, 2.5x cheaper
_PATH_HINT = re.compile(r"/[\w.-]+/")      # a path's first two slashes ("CI/CD" has one)
_PATH_OPEN = frozenset("([\"'`=")          # what may stand before a path, besides white space
_TLD = re.compile(r"\.(?:com|io|ai|org|net|co|dev|app|so|gg|xyz|tech)(?![\w-])")   # lower-case, as in _DOMAIN


def _possible(text: str) -> tuple[tuple[str, str], ...]:
    """The kinds of :data:`NON_TEXT` that can match somewhere in ``text``: each needs a literal that a
    C-speed search finds (a URL ``:/``, `` //`` or ``www.``; an e-mail ``@``; a path ``/x/`` or ``:\\``;
    a domain a lower-case top-level domain after a dot; money ``$``)."""
    kinds = []
    if ":/" in text or " //" in text or (any(w in text for w in _WW) and _WWW.search(text)):
        kinds.append(NON_TEXT[0])
    if "@" in text:
        kinds.append(NON_TEXT[1])
    if ":\\" in text or _path_may_start(text):
        kinds.append(NON_TEXT[2])
    if _TLD.search(text):
        kinds.append(NON_TEXT[3])
    if "$" in text:
        kinds.append(NON_TEXT[4])
    return tuple(kinds)


def _path_may_start(text: str) -> bool:
    """Whether a "/x/" of ``text`` stands where a path may start (:data:`_PATH`): after the start, white
    space, a bracket, a quote or "=", with "~", "." or ".." between. "and/or/both", "CI/CD/ML" lists
    (a fifth of the benchmark's postings) do not: the path pattern, tried at every "/", is not run."""
    i = text.find("/")
    while i != -1:
        if _PATH_HINT.match(text, i):
            for p in (i, i - 1 if text[i - 1:i] in ("~", ".") else i, i - 2 if text[i - 2:i] == ".." else i):
                if p <= 0 or text[p - 1].isspace() or text[p - 1] in _PATH_OPEN:
                    return True
        i = text.find("/", i + 1)
    return False


_TRAILING = ".,;:!?)]}'\""     # sentence punctuation after a URL is not part of it

# words after a company's name that are not part of how the posting calls it
_SUFFIX = re.compile(r"(?:[\s,]+|\.)(?:inc|incorporated|llc|l\.l\.c|ltd|limited|plc|gmbh|corp|corporation|co|"
                     r"company|labs?|group|holdings|technologies|technology|software|systems|hq|ag|sa|bv|"
                     r"nv|ab|oy|as|ai|io|com|data|infotech)\.?\s*$", re.I)


_BRACKETS = re.compile(r"\s*(?:\([^()]*\)|\[[^\[\]]*\])")
_NOT_A_NAME = re.compile(r"\b(?:hiring|engineers?|engineering|developers?|scientists?|analysts?|head|we|we're|"
                         r"our|remote|senior|staff|lead|manager|intern)\b|[|:]", re.I)


def non_text_spans(text: str) -> list[tuple[int, int, bool]]:
    """(start, end, bare domain?) of every URL, e-mail address, file path, domain and currency prefix in
    ``text``, in order."""
    kinds = _possible(text)
    if not kinds:
        return []
    out = []
    for m in alternation(kinds, re.I).finditer(text):   # only the kinds that can match (skillgraph.speed)
        s, e = m.span()
        while e > s + 1 and text[e - 1] in _TRAILING:
            e -= 1
        bare = m.lastgroup == "domain" and "/" not in text[s:e]
        out.append((s, e, bare))
    return out


def drop_in_spans(matches: Sequence, spans: Sequence[tuple]) -> list:
    """``matches`` (tuples starting with start, end) without those overlapping one of ``spans``
    ((start, end[, whole match allowed]), sorted by start, non-overlapping). A span whose third item
    is true keeps a match covering it exactly: the name "Socket.io" is not inside a domain, it is one."""
    if not spans:
        return list(matches)
    starts = [sp[0] for sp in spans]
    out = []
    for m in matches:
        s, e = m[0], m[1]
        i = bisect_right(starts, e - 1) - 1     # the last span starting before the match ends
        if i >= 0 and spans[i][1] > s:
            sp = spans[i]
            if not (len(sp) > 2 and sp[2] and sp[0] == s and sp[1] == e):
                continue
        out.append(m)
    return out


def drop_within(matches: Sequence, spans: Sequence[tuple[int, int]]) -> list:
    """``matches`` without those lying wholly inside one of ``spans`` (sorted, non-overlapping): the
    employer "Google" drops a match "Google" but not "Google Cloud", which says more than the name."""
    if not spans:
        return list(matches)
    starts = [sp[0] for sp in spans]
    out = []
    for m in matches:
        i = bisect_right(starts, m[0]) - 1
        if not (i >= 0 and spans[i][0] <= m[0] and m[1] <= spans[i][1]):
            out.append(m)
    return out


@lru_cache(maxsize=1)
def _region() -> re.Pattern:
    """A country or region at the end of a company's name (case as written: "US", not "us")."""
    from skillgraph.ingest.metadata.location import COUNTRIES

    return re.compile(r"[\s,]+(?:" + "|".join(map(re.escape, sorted(COUNTRIES, key=len, reverse=True)))
                      + r")\s*$")


def employer_names(company: str | None) -> list[str]:
    """How a posting may call its company: the company field and its shorter forms without legal or
    organisational suffixes ("Notion Labs, Inc." → "Notion Labs, Inc.", "Notion Labs", "Notion"; "Redpanda
    Data" → "Redpanda"), a bracketed note ("Buildkite [CI Devtool]" → "Buildkite") or a country or region
    ("Barclays UK" → "Barclays"), longest first. Names shorter than two characters are left out."""
    whole = " ".join((company or "").split())
    c = " ".join(_BRACKETS.sub("", whole).split())   # "Enveritas (YC S18, non-profit)", "Buildkite [CI Devtool]"
    if not c or len(c.split()) > 6 or _NOT_A_NAME.search(c):
        return []   # a job board's company field that holds a title or a sentence names no employer
    names = [whole] if whole != c else []     # the field as written, where the posting repeats it
    while c:
        c = c.strip(" ,.")
        if len(c) >= 2 and c not in names:
            names.append(c)
        shorter = _SUFFIX.sub("", c)
        if shorter == c:
            shorter = _region().sub("", c)      # "Barclays UK", "Acme Europe": the company's branch
        if shorter == c:
            break
        c = shorter
    return sorted(names, key=lambda n: (-len(n), n))


def employer_spans(text: str, company: str | None) -> list[tuple[int, int]]:
    """(start, end) of every place ``text`` names the posting's own company (case-insensitive, whole
    words), sorted and not overlapping."""
    names = employer_names(company)
    if not names:
        return []
    rx = re.compile(r"(?<!\w)(?:" + "|".join(r"\s+".join(map(re.escape, n.split(" "))) for n in names)
                    + r")(?!\w)", re.I)
    return [m.span() for m in rx.finditer(text)]


_INDEFINITE = re.compile(r"(?:^|\W)(?:an?|in)\s+\Z", re.I)


def team_claims(text: str, teams) -> list[tuple[int, int]]:
    """The spans of ``text`` that name a team or collaborator (not a product), merged and sorted: a
    skill linked there is the team's name ("join our Data Science team"). A kind of team after an
    indefinite article ("an Agile team") names no team, so it claims nothing."""
    spans = sorted((t.start, t.end) for t in teams if t.role != "product" and 0 <= t.start < t.end <= len(text)
                   and not _INDEFINITE.search(text, max(0, t.start - 4), t.start))
    out: list[tuple[int, int]] = []
    for a, b in spans:
        if out and a < out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], b))
        else:
            out.append((a, b))
    return out


PROFILE_SITES = frozenset({"github", "gitlab", "bitbucket", "kaggle", "hugging face", "huggingface",
                           "stack overflow", "stackoverflow", "leetcode", "linkedin", "dribbble", "behance"})
"""Sites where people show their work, as folded labels: a concept with such a label is asked of a
candidate as a link ("include your GitHub") far more often than as a tool in application sentences."""
_SITES: dict[int, tuple] = {}


def profile_site_ids(ontology) -> frozenset:
    """The concepts of ``ontology`` with a label in :data:`PROFILE_SITES`; found once per ontology object
    (all its labels folded: 13 ms with the shipped ontology, which every ``extract_all`` call paid)."""
    from .labels import fold

    def build(ont) -> frozenset:
        return frozenset(c.id for c in ont.concepts.values()
                         if any(" ".join(fold(x).split()) in PROFILE_SITES for x in (c.label, *c.alt_labels)))

    return per_ontology(_SITES, ontology, build)


_APPLY_CUE = re.compile(
    r"[\w.+-]@[\w-]|\[at\]|\(-?at-?\)|\"at\"|\bat\b[^.\n]{1,40}\bdot\b"            # an e-mail address, however written
    r"|\b(?:to|how to) apply\b|\bapply(?:\s*:|\s+(?:by|via|at|here|now|online|with)\b)"
    r"|\b(?:send|e-?mail|include|attach|share|submit|bring|show)\s+(?:(?:us|me)\s+)?(?:your|my)\b"
    r"|\b(?:send|e-?mail|attach|submit)\s+(?:(?:us|me)\s+)?(?:a|an|any)\b"
    r"|\b(?:your|a|my)\s+(?:resume|résumé|CV)\b|\b(?:resume|résumé|CV)\s*(?:/|&|\+)|(?:/|&|\+)\s*(?:resume|résumé|CV)\b"
    r"|\bcover letter\b|\breach out\b", re.I)
"""What says a sentence tells how to apply: an e-mail address however written ("careers [at] x.ai"),
"to apply", "Apply:", "send/include/share your …", "send us a …", "your resume/CV", "CV/GitHub", a
cover letter. A bare "CV" (computer vision), "resume" (the verb) or "include a" is none."""
_WORK_NEXT = re.compile(r"[ \t]*(?:profiles?|links?|handles?|usernames?|account|stars)\b", re.I)
_WORK_BEFORE = re.compile(r"(?:\b(?:stars|links?)\s+(?:on|to)\s+(?:your\s+|our\s+)?|\blinks?\s*[:(]\s*"
                          r"|\bcheck\s+out\s+our\s+|\b(?:open[- ]source|codebase|trending|us)\s+on\s+)\Z", re.I)
"""Before a profile site: "stars on GitHub", "a link to your GitHub", "check out our GitHub", "open-source
on GitHub" ("our GitLab-based platform" is the stack: it stays)."""
_ANALOGY_BEFORE = re.compile(r"(?:\b(?:the|a|an|building|build|builds|think)|\bThink)\s+[\"“']?\Z")
_ANALOGY_AFTER = re.compile(r"[\"”']?\s+(?:but\s+)?for\b")
"""A product named as what a company is like: "building GitHub for AI agents", "the "Hugging Face for
quantum computing"", "think Cursor for radiologists". The name must be one: every word capitalised and
none all capitals ("build CI/CD for our models", "We build ML for fraud" are work)."""
_APPLY_REACH = 200
"""How far (characters) within its sentence from a profile site an application cue is looked for."""


def shown_work(text: str, matches: Sequence, sites: frozenset, sentence) -> list:
    """``matches`` ((start, end, ids)) without a product named as what a company is like ("building
    GitHub for AI agents", :data:`_ANALOGY_BEFORE`), and without a profile site's (its ids all in
    ``sites``) named as application material or the company's own page: followed by "profile", "link",
    "account", "stars" …, after "stars on", "a link to", "check out our", "open-source on", or in a sentence
    (``sentence(offset)`` -> (start, end)) that tells how to apply ("Email jobs@x.ai with your resume
    and GitHub", "links to your GitHub/LinkedIn")."""
    out = []
    for m in matches:       # most tests fail at their first, cheapest step: this runs over every match
        s, e, ids = m[0], m[1], m[2]
        if (text[s].isupper() and text.find("for", e, e + 12) != -1 and _ANALOGY_AFTER.match(text, e)
                and _ANALOGY_BEFORE.search(text, max(0, s - 12), s)
                and all(w[:1].isupper() and not w.isupper() for w in text[s:e].split())):
            continue        # a name ("GitHub", "Hugging Face"), not work ("build data pipelines for", "CI/CD for")
        if ids and ids[0] in sites and all(c in sites for c in ids):
            if _WORK_NEXT.match(text, e) or _WORK_BEFORE.search(text, max(0, s - 30), s):
                continue
            a, b = sentence(s)
            if _APPLY_CUE.search(text, max(a, s - _APPLY_REACH), min(b, e + _APPLY_REACH)):
                continue
        out.append(m)
    return out


_ORG_AFTER = re.compile(r"(?:[ \t]+(?-i:[A-Z])[\w&.'-]*|[ \t]+(?:of|for|and|&))*?[ \t]+(?-i:Accelerator|Capital|"
                        r"Ventures|Partners|Prize|Awards?|Institute|University|Inc|Ltd|LLC|Group|Fund)\b")
"""After a capitalised label, the rest of an organisation's or an award's name (capitalised words, then a noun
that names one). Not "Foundation": "OpenShift Data Foundation", "Grafana Foundation SDK" are products."""


def organisation_names(text: str, matches: Sequence) -> list:
    """``matches`` ((start, end, ids)) without a capitalised label that an organisation's name goes on from
    (:data:`_ORG_AFTER`): "Spark Capital", "Stanford Blockchain Accelerator", "Docker Inc"."""
    return [m for m in matches if not (text[m[0]].isupper() and _ORG_AFTER.match(text, m[1]))]


_SPELLED = re.compile(r"[ \t]*\((?P<words>[A-Za-z][\w-]*(?:[ \t]*[,/]?[ \t]*[A-Za-z][\w-]*){1,7})\)")


def spelled_out(text: str, matches: Sequence, ontology) -> list:
    """``matches`` ((start, end, ids)) without the concepts an acronym does not stand for here: where a
    label of two capitals or more is followed by a bracket whose words' initials spell it ("MVS (Mixpeek
    Vector Store)"), a concept stays only if one of its labels shares a content word with the bracket
    (ETL's "extract, transform, load"); a match left with no concept is dropped."""
    from .link import words

    out = []
    for m in matches:
        s, e, ids = m[0], m[1], m[2]
        b = _SPELLED.match(text, e) if "(" in text[e:e + 3] else None
        if not b or not spells(text[s:e], b["words"]):
            out.append(m)
            continue
        said = set(words(b["words"], keep_frame=True))
        keep = tuple(c for c in ids if any(said & set(words(lab, keep_frame=True)) for lab in (
            ontology.concepts[c].label, *ontology.concepts[c].alt_labels, *ontology.concepts[c].hidden_labels)))
        if keep:
            out.append(m if len(keep) == len(ids) else (s, e, keep, *m[3:]))
    return out


_DEGREE_FIELD = re.compile(
    r"(?<!\w)(?:degrees?|diploma|bachelor\w*|master\w*|doctorate|ph\.?\s?d\.?|b\.?\s?sc?\.?|m\.?\s?sc?\.?|b\.?a\.?|"
    r"m\.?a\.?|b\.?eng|m\.?eng)(?:['\u2019]s)?(?:\s+degree)?\s+(?:in|of)\s+"
    r"(?:[^.;:!?()\n]{0,80}?(?:,|\bor\b|\band\b|/)\s*)?\Z", re.I)
_TEAM_PHRASE = re.compile(r"(?:[\w&+-]+\s+){0,2}teams?", re.I)


def unlinkable(text: str, spans: Sequence, sentence_start) -> set:
    """The model ``spans`` (``(start, end, …)``) not to link to a concept: a degree's field ("Degree in
    computer science, statistics or …", looked for from ``sentence_start(offset)``, the start of the
    span's sentence, back at most 120 characters) and a group of people of at most three words ending in
    "team(s)" ("engineering teams", "the ML team")."""
    out = set()
    for sp in spans:
        s, e = sp[0], sp[1]
        if _TEAM_PHRASE.fullmatch(text, s, e) or _DEGREE_FIELD.search(text, max(sentence_start(s), s - 120), s):
            out.add(sp)
    return out
