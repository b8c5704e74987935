"""Locations: "Location(s): …", "City, ST[, Country]" and country segments in the first lines, the
places of a header row's work-mode cell ("Acme | ML Engineer | NYC, SF, or Remote | Full-time"),
"🇺🇸 United States", "Remote in X", "located/based in X"; "US"/"USA" -> "United States"."""
from __future__ import annotations

import re

from skillgraph.vocab import ROLE_NOUNS

from .anchors import IN_PLACE_WORDS, LOCATION_WORDS
from .doc import Doc

__all__ = ["CITY_ST_RE", "COUNTRIES", "MODE_WORD", "find_locations"]

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
_COUNTRY_ALIASES = {"us": "United States", "usa": "United States", "u.s": "United States",
                    "u.s.a": "United States", "united states of america": "United States",
                    "uk": "United Kingdom", "u.k": "United Kingdom", "uae": "United Arab Emirates"}
"""Keys as _norm_location leaves them: its strip takes the final dot of "U.S." (so "u.s.", the key
before, never matched)."""
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


MODE_WORD = re.compile(r"\b(?:fully\s+|100%\s+)?(?:remote|onsite|on-site|hybrid|in[- ]office|in[- ]person)\b", re.I)
_ROLE_WORD = re.compile(r"\b(?:(?:" + "|".join(ROLE_NOUNS) + r")s?|engineering|founding|founders?|staff|senior|swe|sre|"
                        r"full[- ]?time|part[- ]?time|contract\w*|visa|salary|equity|roles?|positions?)\b", re.I)
_PLACE_SPLIT = re.compile(r"\s*(?:,|/|&|;|\(|\)|\+|\bor\b|\band\b|[-\u2013\u2014]\s)\s*", re.I)
_NOT_PLACE = re.compile(r"\b(?:only|friendly|first|preferred|based|ok|okay|time\s*zones?|timezones?|hours|required|"
                        r"possible|available|optional|global|globally|worldwide|anywhere|international|days?|week|"
                        r"flexible|in|the|a|w|world|quarterly|travel|eastern|most\s+states|part|offices?|plus|meet-?ups?|visits?|"
                        r"within|series|apply|now|citizens?|residents?|overlap|(?:pacific|central|mountain)\s+time|"
                        r"time|except\s+\S+)\b"
                        r"|\b(?-i:[ECMP][SD]T|CES?T|GMT|UTC|BST|IST|AES?T|ET|PT|CT|MT)\b", re.I)
"""What a work-mode cell says around its places: qualifiers ("US only", "EU time zone", "US-friendly"),
"worldwide", time zones."""
_STATES = frozenset(
    "AL AK AZ AR CA CO CT DE FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM NY NC ND OH OK OR "
    "PA RI SC SD TN TX UT VT VA WA WV WI WY DC AB BC MB NB NL NS ON PE QC SK".split())
"""US states and Canadian provinces: "City, ST" in a header cell needs a real one ("NYC, SF" is two cities)."""
_CAP_WORD = r"[A-Z\u00c0-\u00d6\u00d8-\u00de](?:[^\W\d_]|[.'\u2019-])*"
"""A capitalised word ("Malmö", "Zürich", "St."): a capital of ASCII or Latin-1, then letters or . ' -."""
_CELL_PAIR = re.compile(r"(?<![^\W\d_])" + _CAP_WORD + r"(?: " + _CAP_WORD + r"){0,2}, (?:(?:"
                        + "|".join(sorted(_STATES)) + r")\b|" + _COUNTRY_RE + r"(?![\w.]))")
_COUNTRY_UPPER = {c.upper(): c for c in COUNTRIES}
_DAYS = frozenset("M T W Th F Mo Tu We Fr Sa Su Mon Tue Tues Wed Thu Thur Thurs Fri Sat Sun".split())
"""Weekdays as an office-days note writes them ("3x/week in office (M, T, Th)")."""
_PLACE_WORDS = re.compile(_CAP_WORD + r"(?:\s+(?:(?:de|da|do|del|la|le|von|van|am|upon)\s+)?" + _CAP_WORD + r"){0,3}")
"""One to four capitalised words, "de"/"von"/… between them ("San Francisco Bay Area", "Rio de Janeiro")."""


def _cell_places(cell: str) -> list[str]:
    """The places in a header cell that names a work mode ("NYC, SF, or Remote (US/Canada)" -> NYC, SF,
    US, Canada; "Hybrid - San Francisco, CA" -> San Francisco, CA): City, ST pairs first, then each
    capitalised part of one to four words left when the modes and qualifiers ("only", "time zones",
    "friendly") are taken out. A cell naming a role or pay ("Senior Engineer (Remote)") names none."""
    if not MODE_WORD.search(cell) or _ROLE_WORD.search(cell):
        return []
    rest = MODE_WORD.sub(",", cell)
    out = []
    for m in _CELL_PAIR.finditer(rest):
        head, tail = m.group().split(", ", 1)
        if head.upper() in _COUNTRY_UPPER or head.isupper():        # "Canada, US", "US ONLY, LA": two parts
            rest = rest.replace(m.group(), head + "," + tail, 1)
        else:
            out.append(m.group())
    rest = _CELL_PAIR.sub(lambda m: m.group() if m.group() not in out else ",", rest)
    for part in _PLACE_SPLIT.split(rest):
        part = " ".join(_NOT_PLACE.sub(" ", part).split()).strip(" :-")
        if (len(part) >= 2 and part.rstrip(".") not in _DAYS and not any(ch.isdigit() for ch in part)
                and _PLACE_WORDS.fullmatch(part)):
            out.append(part)
    out.sort(key=lambda p: (cell.find(p) if p in cell else len(cell)))    # in the cell's order
    return [_COUNTRY_UPPER.get(p.upper(), p) for p in out]          # "CANADA" -> "Canada"


def _norm_location(loc: str) -> str:
    loc = loc.strip(" .,;|·•-–—")
    if loc.lower().startswith("the "):
        loc = loc[4:]
    return _COUNTRY_ALIASES.get(loc.lower(), loc)


def _head_places(lines: list[str]) -> list[str]:
    """The places the first lines name: a country or "City, ST" segment, a header row's work-mode cell."""
    out = []
    for line in lines:
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
                out.append(seg)
        if line.count("|") >= 2:           # a header row: "Acme | ML Engineer | NYC, SF, or Remote | Full-time"
            for cell in line.split("|")[1:]:     # the first cell is the company ("Remote Health", "Hybrid AI")
                out.extend(_cell_places(cell))
    return out


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
    for place in _head_places(doc.head[:12]):
        add(place)
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
