"""Locations: "Location(s): …", "City, ST[, Country]" and country segments in the first lines,
"🇺🇸 United States", "Remote in X", "located/based in X"; "US"/"USA" -> "United States"."""
from __future__ import annotations

import re

from .anchors import IN_PLACE_WORDS, LOCATION_WORDS
from .doc import Doc

__all__ = ["CITY_ST_RE", "COUNTRIES", "find_locations"]

COUNTRIES = (
    "United States", "United States of America", "USA", "US", "U.S.", "U.S.A.", "Canada",
    "United Kingdom", "UK", "U.K.", "Ireland", "Germany", "France", "Netherlands", "Spain",
    "Portugal", "Italy", "Switzerland", "Sweden", "Norway", "Denmark", "Finland", "Poland", "Austria",
    "Belgium", "India", "China", "Japan", "Singapore", "Australia", "New Zealand", "Brazil", "Mexico",
    "Israel", "South Korea", "Korea", "Taiwan", "Hong Kong", "United Arab Emirates", "UAE",
    "Argentina", "Chile", "Colombia", "Romania", "Czech Republic", "Czechia", "Ukraine", "Estonia",
    "Latvia", "Lithuania", "Greece", "Turkey", "South Africa", "Nigeria", "Kenya", "Egypt",
    "Philippines", "Vietnam", "Indonesia", "Malaysia", "Thailand", "Pakistan", "Bangladesh",
    "Europe", "EMEA", "APAC", "North America", "Latin America", "LATAM",
)
"""Countries and regions as postings write them (also what a company name may end in: "Barclays UK")."""
_COUNTRY_ALIASES = {"us": "United States", "usa": "United States", "u.s.": "United States",
                    "u.s.a.": "United States", "united states of america": "United States",
                    "uk": "United Kingdom", "u.k.": "United Kingdom", "uae": "United Arab Emirates"}
_NOT_ST = ("AI", "ML", "UI", "UX", "QA", "BI", "DB", "OS", "CV", "CI", "CD", "PM")
"""Two capitals that are a skill, not a state, after "X, ": "Staff SWE, AI" is a role, not a place."""
_COUNTRY_RE = "(?:" + "|".join(re.escape(c) for c in sorted(COUNTRIES, key=len, reverse=True)) + ")"
_CITY_ST = (r"[A-Z][A-Za-z.'’-]*(?: [A-Z][A-Za-z.'’-]*){0,3}, (?!" + "|".join(_NOT_ST) + r")[A-Z]{2}"
            r"(?:, (?:[A-Z]{2,3}\b|" + _COUNTRY_RE + r"))?")
CITY_ST_RE = re.compile(_CITY_ST)
_COUNTRY_SET = frozenset(COUNTRIES)
_SEGMENT_SPLIT_RE = re.compile(r"\s*(?:;|\||·|•| or )\s*")
_LOCATION_LABEL_RE = re.compile(r"(?:^|(?<=[a-z])(?=L))(?i:(?:job\s+)?locations?)\s*:\s*(?P<v>.+)$")
"""A "Location:" line; the label may be glued to a word before it in flattened text
("DescriptionLocation: Edinburgh", a scraped tab name run into the field)."""
_VALUE_END = re.compile(r"(?<=[a-z]{4})(?=[A-Z])|(?<=[a-z)]{3}[.!?])\s*(?=[A-Z])|(?<=\))(?=[A-Z])"
                        r"|(?<! or)(?<! and)(?<!,)\s+(?!" + _COUNTRY_RE + r":)(?=[A-Z][a-z]+(?: [a-z]+)?:\s)")
"""Where a flattened page runs the next field or sentence into the value ("GlasgowWorking Style: …",
"Manchester (Full-Time)Salary: …", "London. We are …", "London (Hybrid) Salary: £75k"); "McLean",
"ByteDance", "St. Louis", "Onsite in Germany: Munich" and "Leeds or Bristol Working: …"'s "Bristol"
stay whole."""
_MAX_PLACE = 100
"""A value with a longer part is prose, not a place: the next rules are asked instead."""
_FLAG_COUNTRY_RE = re.compile(r"[\U0001F1E6-\U0001F1FF]{2}\s*(?P<c>" + _COUNTRY_RE + r")\b")
_IN_PLACE_RE = re.compile(r"(?:the\s+)?(?P<c>" + _CITY_ST + "|" + _COUNTRY_RE + r")(?!\w)")
_POSTED_GLUE_RE = re.compile(r"(?<=[A-Za-z)])(?:Posted|Updated|Reposted)\b.*$")


def _norm_location(loc: str) -> str:
    loc = loc.strip(" .,;|·•-–—")
    if loc.lower().startswith("the "):
        loc = loc[4:]
    return _COUNTRY_ALIASES.get(loc.lower(), loc)


def find_locations(doc: Doc) -> tuple[str, ...]:
    out: list[str] = []

    def add(loc: str) -> None:
        loc = _norm_location(loc)
        if loc and loc not in out:
            out.append(loc)

    for line in (doc.colon_lines if doc.find_lower(LOCATION_WORDS) else ()):
        m = _LOCATION_LABEL_RE.search(line)
        if m:
            value = m.group("v")
            cut = _VALUE_END.search(value)
            parts = [p for p in re.split(r"\s*(?:;|\||/| or )\s*", value[:cut.start()] if cut else value)
                     if p.strip()]
            if parts and max(map(len, parts)) <= _MAX_PLACE:
                for part in parts:
                    add(part)
                return tuple(out)
    for line in doc.head[:12]:
        if len(line) > 300:
            continue
        if "osted" in line:
            line = _POSTED_GLUE_RE.sub("", line)
        if ";" in line or "|" in line or "·" in line or "•" in line or " or " in line:
            segments = _SEGMENT_SPLIT_RE.split(line)
        elif len(line) > 60:
            continue                                       # one segment, too long to be a place
        else:
            segments = (line,)                             # what the split would return
        for seg in segments:
            seg = seg.strip()
            if seg in _COUNTRY_SET or ("," in seg and len(seg) <= 60 and CITY_ST_RE.fullmatch(seg)):
                add(seg)
    if not doc.text.isascii():
        head = "\n".join(doc.head[:15])
        # flags are astral characters (two UTF-16 units): most texts have none, and this is cheap
        if len(head.encode("utf-16-le", "surrogatepass")) != 2 * len(head):
            for m in _FLAG_COUNTRY_RE.finditer(head):
                add(m.group("c"))
    for i in sorted(doc.find_lower(IN_PLACE_WORDS)):
        m = _IN_PLACE_RE.match(doc.text, doc.text.find(" in ", i) + 4)
        if m:
            add(m.group("c"))
    return tuple(out)
