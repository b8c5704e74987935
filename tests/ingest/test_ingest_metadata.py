"""Metadata on other phrasings: title, company, salary, years, work mode, locations, seniority."""
from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from skillgraph.ingest import extract_metadata, seniority_from_title
from skillgraph.model import Salary


@pytest.mark.parametrize("text,title,company", [
    ("Title: Senior Applied Scientist\nCompany: Contoso Ltd\n", "Senior Applied Scientist", "Contoso Ltd"),
    ("Acme Robotics is hiring a Principal Research Engineer to build robots.\n",
     "Principal Research Engineer", "Acme Robotics"),
    ("Data Engineer (Remote)\nGlobex · Full-time\n\nAbout Globex\nWe make things.", "Data Engineer (Remote)",
     "Globex"),
    ("Lead the modeling strategy for search.\nWe build things.", None, None),
])
def test_title_and_company(text, title, company):
    meta = extract_metadata(text)
    assert (meta["title"], meta["company"]) == (title, company)


@pytest.mark.parametrize("text,salary", [
    ("Pay: $120,000 - $150,000 per year", Salary(120000, 150000, "USD", "year")),
    ("Salary £50k–£65k", Salary(50000, 65000, "GBP", "year")),
    ("€70.000? no: €70K to €90K annually", Salary(70000, 90000, "EUR", "year")),
    ("$45 - $60/hr", Salary(45, 60, "USD", "hour")),
    ("CA$100-130K", Salary(100000, 130000, "CAD", "year")),
    ("Range: 150,000-180,000 USD", Salary(150000, 180000, "USD", "year")),
    ("Market Cap $16 billion; Net Income -$128.3 million; 1-2 times/quarter", None),
])
def test_salary(text, salary):
    assert extract_metadata(text)["salary"] == salary


@pytest.mark.parametrize("text,years", [
    ("5+ years of experience; 2+ years with Spark", 2),
    ("At least three years of professional experience", 3),
    ("3-5 years of relevant industry experience", 3),
    ("Minimum of 7 years in ML", 7),
    ("8 or more years building systems", 8),
    ("Less than 5 years of experience\n6+ yrs Python", 6),
    ("1+ years experience leading teams. 4+ years working experience", 4),
    ("Founded 10 years ago; 5 Year Trend", None),
])
def test_min_years(text, years):
    assert extract_metadata(text)["min_years"] == years


@pytest.mark.parametrize("title,level", [
    ("Sr. Machine Learning Engineer", "senior"), ("Machine Learning Engineer II", "mid"),
    ("Staff Machine Learning Engineer", "staff"), ("Principal Scientist", "principal"),
    ("Senior Engineering Manager, ML", "manager"), ("Director of Data Science", "director"),
    ("Head of AI", "director"), ("Lead Data Scientist", "lead"), ("Junior Data Analyst", "junior"),
    ("Software Engineer I", "junior"), ("Machine Learning Intern (Summer 2026)", "intern"),
    ("Senior Staff Research Engineer", "staff"), ("Machine Learning Engineer", None), (None, None),
])
def test_seniority(title, level):
    assert seniority_from_title(title) == level


@pytest.mark.parametrize("text,mode", [
    ("This role is fully remote.", "remote"),
    ("Data Scientist (Remote)\n", "remote"),
    ("Location: Remote - US", "remote"),
    ("We follow a hybrid work model with 3 days a week in the office.", "hybrid"),
    ("This is an on-site role in Austin.", "on-site"),
    ("#LI-Hybrid", "hybrid"),
    ("#LI-Onsite", "on-site"),
    ("Remote sensing experience; on-site interviews", None),
    ("Work remotely; in the office 1-2 times per quarter for key moments #LI-Remote", "remote"),
])
def test_work_mode(text, mode):
    assert extract_metadata(text)["work_mode"] == mode


@pytest.mark.parametrize("text,locations", [
    ("Location: Berlin, Germany; London, UK", ("Berlin, Germany", "London, UK")),
    ("ML Engineer\nNew York, NY · Austin, TX\n", ("New York, NY", "Austin, TX")),
    ("Candidates must be based in Canada.", ("Canada",)),
    ("Apply for this job\nDescriptionLocation: Edinburgh\nIn this position", ("Edinburgh",)),   # glued label
    ("Relocation: offered\nAllocation: 5 days\nLocation: Paris", ("Paris",)),   # words ending in "location"
    ("Locations: Leeds, York or Bristol Working: 2 days onsite", ("Leeds, York", "Bristol")),   # next field
    ("Location: Onsite in Germany: Munich", ("Onsite in Germany: Munich",)),   # a country is no field
    # "X, AI" in a header is a role, not City, ST; a real state still is
    ("Acme | Staff SWE, AI | Full-time\nWe build.", ()),
    ("Acme | Staff SWE, AI | Austin, TX\nWe build.", ("Austin, TX",)),
    # a header row's work-mode cell names its places (HN's "Company | Role | Where | Type")
    ("Arcol | Senior Software Engineer | NYC, SF, or Remote (US/Canada) | Full-time\nWe build.",
     ("NYC", "SF", "United States", "Canada")),
    ("GAIM | Onsite (Malmö, Sweden / Copenhagen, Denmark) | Full Time | gaim.com",
     ("Malmö, Sweden", "Copenhagen, Denmark")),
    ("Acme | ML Engineer | REMOTE (U.S.) | $200k", ("United States",)),
    ("Acme | QA Engineer | Remote (EU time zone) | Full-time", ("EU",)),
    ("Acme | Hybrid (Toronto, ON \u2013 3 days in office) | Full-Time", ("Toronto, ON",)),
    ("Findigs | Full-time | NYC | 3x/week in office (M,T, Th) | findigs.com", ()),     # weekdays are no places
    ("Acme | Senior Engineer (Remote) | Full-time", ()),                                # a role cell names none
    ("Acme | Remote (Worldwide) | Full-time", ()),
    ("Acme (YC S21) | Remote (Series A) | Full-time", ()),                   # qualifiers, not places
    ("Acme | Remote (US Citizens Only) | Remote OK (Pacific Time)", ("United States",)),
    ("Acme | Onsite (San Francisco Bay Area) | Onsite, Rio de Janeiro", ("San Francisco Bay Area", "Rio de Janeiro")),
    ("Remote Health | Backend Engineer | Full-time", ()),                    # the first cell is the company
])
def test_locations(text, locations):
    assert extract_metadata(text)["locations"] == locations


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["NYC", "SF", "San Francisco, CA", "Remote", "REMOTE", "Hybrid", "onsite", "(", ")",
                                 "US", "only", "time zone", "EU", ",", "/", "or", "&", "3 days", "Senior", "Engineer",
                                 "Malmö, Sweden", "M", "Th", "a plus", "Canada, US", "-"]), max_size=10))
def test_a_work_mode_cell_gives_only_capitalised_places(words):
    """Whatever the cell holds, its places are one to four capitalised words or a "City, ST"/"City,
    Country" pair, without a digit, a work mode, a qualifier or a weekday, and a cell naming a role
    gives none."""
    from skillgraph.ingest.metadata.location import _cell_places

    cell = " ".join(words)
    places = _cell_places(cell)
    if "Senior" in words or "Engineer" in words:
        assert places == []
    for p in places:
        assert not any(ch.isdigit() for ch in p) and p not in ("M", "Th")
        assert not re.search(r"(?i)\b(?:remote|hybrid|onsite|only|zone|plus)\b", p), p
        head = p.split(", ")[0]
        assert all(w[0].isupper() for w in head.split()) and 1 <= len(head.split()) <= 4, p


_PLACE = st.from_regex(r"(?:[A-Z][a-z]{1,10}(?:,? )){0,3}[A-Z][a-z]{4,10}", fullmatch=True)
"""A place ending in a word of five letters or more: a shorter one glued to the next sentence is not cut
("McLean" is a name, location._VALUE_END)."""


@given(place=_PLACE, glued=st.sampled_from(["", "Description", "Apply now"]),
       rest=st.sampled_from(["", "\nWe build things.", "We build things.", " Salary: £60k"]))
def test_a_location_label_gives_its_place_and_no_more(place, glued, rest):
    """Glued to a word before it or not, a "Location:" field gives its place, cut where a flattened page
    runs the next sentence or field into it ("EdinburghWe …", "London Salary: £60k")."""
    meta = extract_metadata(f"Data Engineer\n{glued}Location: {place}{rest}")
    assert meta["locations"] == (place,)


def test_a_long_location_value_is_prose_and_asks_the_next_rule():
    prose = "We are a remote-first company and " * 4 + "hire across the world"
    assert extract_metadata(f"ML Engineer\nAustin, TX\nLocation: {prose}")["locations"] == ("Austin, TX",)


def test_label_lines_anywhere_and_other_line_breaks():
    filler = "".join(f"Line {i} of the description.\n" for i in range(40))
    meta = extract_metadata("Data Scientist\n" + filler + "  Company:  Initech\r\n" + filler
                            + "Job Location: Austin, TX / Remote\n")
    assert meta["company"] == "Initech"
    assert meta["locations"] == ("Austin, TX", "Remote")
    assert extract_metadata("ML Engineer\u2028About Globex:\u2028We make things.")["company"] == "Globex"
    assert extract_metadata("x\n" * 30 + "Title: ML Engineer\n")["title"] is None     # titles: first lines only


def test_non_ascii_postings_find_case_folded_anchors():
    # the anchor index lower-cases ASCII letters only (other characters keep their place), and falls
    # back to str.lower() for İ, whose lower case is two characters
    text = ("Über uns\nAcme is Looking For a Data Scientist.\nLocation: Berlin, Germany\n"
            "Fully REMOTE role. PhD in Physics")
    meta = extract_metadata(text)
    assert (meta["company"], meta["locations"], meta["work_mode"]) == ("Acme", ("Berlin, Germany",), "remote")
    assert (meta["degrees"], meta["degree_fields"]) == (("phd",), ("Physics",))
    meta = extract_metadata("İ\nAcme is looking for a Senior Data Scientist to join. 5+ YEARS of experience.")
    assert (meta["title"], meta["company"], meta["min_years"]) == ("Senior Data Scientist", "Acme", 5)
