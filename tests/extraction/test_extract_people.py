"""Where a label names people (extraction/people.py): a role, the company people worked at, "leadership" as the
company's leaders or its offer."""
from __future__ import annotations

import pytest

from skillgraph.extraction import Extractor
from skillgraph.extraction.people import leaders_named
from skillgraph.model import Posting
from skillgraph.ontology import Ontology


@pytest.fixture(scope="module")
def tiny(make_concept, stack_concepts):
    return Ontology.from_concepts([
        *stack_concepts,
        make_concept("ds", "data science"),
        make_concept("leadership", "leadership", "leadership skills"),
    ])


def _linked(ont, text, company=None, title=None):
    x = Extractor(ont).extract(Posting(id="p", source="p", text=text, company=company, title=title))
    return [(m.text, m.concept.removeprefix("skill:")) for m in x.mentions], x


def test_a_capitalised_label_naming_a_role_does_not_link_but_the_skill_beside_it_does(tiny):
    text = ("Senior Python Developer. You will report to our Data Science Manager and work with AWS engineers. "
            "You write Python daily and know data science.")
    links, _ = _linked(tiny, text)
    assert links == [("Python", "python"), ("data science", "ds")], links


@pytest.mark.parametrize("text, expected", [
    ("I'm Ethan (founder/CEO, previously led search at Notion).", []),
    ("We are a team of 10 from AWS, Snyk, Netlify, Google Cloud, Uber.", []),
    ("With backing from leaders at GitHub, DeepMind, and Notion, we hire.", []),
    ("Founded by former engineers from AWS and Notion.", []),
    # customers and a round's lead investor
    ("Our product is trusted by Google, Stripe, Notion, and others.", []),
    ("We've got phenomenal customers like Notion, Harvey, AWS and AngelList.", []),
    ("We serve AI companies such as Notion, Gamma and AWS.", []),
    ("We raised a $3mm round led by Notion and Company Ventures.", []),
    ("A feature store backed by SQL, trusted by analysts.", [("SQL", "sql")]),   # storage, not a backer
    ("Understand the protocols used by Spark and AWS.", [("Spark", "spark"), ("AWS", "aws")]),   # tools use them
    ("Experience with API clients such as Python and SQL.", [("Python", "python"), ("SQL", "sql")]),
    ("We are trusted by Acme And Co, and Notion.", []),               # a capitalised "And" is a name's word
    # the stack, where the same words stand without people before them
    ("Ingest data from AWS and Notion into SQL.", [("AWS", "aws"), ("Notion", "notion"), ("SQL", "sql")]),
    ("You are great at Python; prior knowledge of Spark is a plus.", [("Python", "python"), ("Spark", "spark")]),
    ("Lead a team of AWS agents.", [("AWS", "aws")]),
    # a list ends where a name stands apart from it: the later AWS is asked for
    ("Our team of 5 from Notion ships fast. We deploy on AWS.", [("AWS", "aws")]),
    # people's skills, data sources and scale, not employers
    ("We welcome engineers from Python or Spark backgrounds.", [("Python", "python"), ("Spark", "spark")]),
    ("Previously built pipelines at AWS scale.", [("AWS", "aws")]),
    ("Previously worked with data from AWS and Notion.", [("AWS", "aws"), ("Notion", "notion")]),
    ("Be a leader of SQL practice.", [("SQL", "sql")]),
])
def test_a_company_named_as_where_people_worked_who_backs_or_buys_from_us_is_no_skill(tiny, text, expected):
    assert _linked(tiny, text)[0] == expected


def test_a_lower_case_label_before_a_role_noun_still_links(tiny):
    # "python developers" in lower case reads as the skill ("mentor developers" asks for mentoring)
    links, _ = _linked(tiny, "Experience shipping python developers love.")
    assert links == [("python", "python")], links


def test_a_label_opening_a_line_before_a_lower_case_role_noun_is_a_verb_and_links(make_concept):
    ont = Ontology.from_concepts([make_concept("mentoring", "mentoring", "mentor")])
    links, _ = _linked(ont, "What you will do:\n- Mentor engineers on the team. Mentor engineers daily.")
    assert [c for _, c in links] == ["mentoring", "mentoring"], links
    assert _linked(ont, "Our Mentor Engineer role.")[0] == []



@pytest.mark.parametrize("text", [
    "Communicate KPIs and strategic insights to leadership.",
    "Work directly with leadership and customers.",
    "Coordinate with leadership and various stakeholder groups.",
    "Partner closely with data scientists, business analysts, and leadership to capture requirements.",
    "Stand up internal analytics for engineering, product, CS, and leadership, and usage dashboards.",
    "Work closely with Product, Ops, and rest of leadership.",
    "Dashboards that drive decision-making for executive leadership.",
    "From Data and Editorial teams to executive leadership—to address challenges.",
    "Working directly with CEOs, CFOs and leadership teams to align data initiatives.",
    "Ensure leadership has access to accurate, timely data.",
    "As a partner to the Aristocrat leadership team, you report monthly.",
    "Our leadership staff are ex-Fortune 100.",
    "Day one access to paid training, certifications and leadership development.",
    "These range from role specific training, leadership coaching and formal study.",
])
def test_leadership_as_the_companys_leaders_or_its_offer_is_no_skill(tiny, text):
    assert _linked(tiny, text)[0] == []


@pytest.mark.parametrize("text", [
    "Proven strategic leadership in defining a global strategy.",
    "Provide strategic and operational leadership across HR Services functions.",
    "7+ years in software engineering with leadership experience.",
    "Ability to provide clarity and leadership in complex or ambiguous technical landscapes.",
    "Bringing structure, consistency, and leadership to a highly capable technical team.",
    "The role combines deep architecture expertise with leadership, consulting, and delivery oversight.",
    "I have now found my passion for leadership.",
    "Leadership & Mentoring",
    "Strong, inspiring and thought-provoking leadership.",
    "Strong stakeholder management and leadership.",              # no list of functions before "and"
    "Background in software engineering and leadership.",
    "Core competencies including leadership and problem solving.",
    "You will be responsible for leadership and mentoring of junior engineers.",
    "Provide leadership support to the wider team.",
])
def test_leadership_asked_of_the_candidate_still_links(tiny, text):
    assert [c for _, c in _linked(tiny, text)[0]] == ["leadership"]


def test_only_the_bare_word_is_read_as_people():
    text = "Report to leadership. Report leadership skills to leadership."
    matches = [(10, 20, ("skill:leadership",)), (29, 46, ("skill:leadership",)), (50, 60, ("skill:leadership",))]
    assert text[29:46] == "leadership skills" and text[10:20] == text[50:60] == "leadership"
    assert leaders_named(text, matches) == [matches[1]]


@pytest.fixture(scope="module")
def functions(make_concept):
    return Ontology.from_concepts([
        make_concept("analytics", "data analysis", "analytics"),
        make_concept("de", "data engineering"),
        make_concept("strategy", "technical strategy"),
        make_concept("mentoring", "mentoring"),
    ])


@pytest.mark.parametrize("text", [
    "Collaborate closely with product, analytics, and data engineering teams.",
    "Work alongside development and analytics teams to ensure data models translate.",
    "Experience working closely with data engineering teams.",
    "We have experience supporting marketing and analytics teams.",
])
def test_a_lower_case_function_named_as_a_team_worked_with_is_no_skill(functions, text):
    assert _linked(functions, text)[0] == []


@pytest.mark.parametrize("text, expected", [
    ("Working with the CTO, you'll define technical strategy, lead engineering teams.", ["strategy"]),
    ("Experience mentoring teams.", ["mentoring"]),
    ("Build data engineering pipelines with analytics in mind.", ["de", "analytics"]),
    ("Lead data engineering teams.", ["de"]),                       # no word of working with others
    ("Experience with data engineering and remote teams.", ["de"]),  # how a team works, not what it does
    ("Experience with data analysis and agile teams.", ["analytics"]),
])
def test_a_skill_before_teams_that_is_no_function_worked_with_still_links(functions, text, expected):
    assert [c for _, c in _linked(functions, text)[0]] == expected
