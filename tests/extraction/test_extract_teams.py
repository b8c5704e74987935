"""Teams, collaborators, parents, products and the team in the title."""
from __future__ import annotations

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

import skillgraph.extraction.teams as teams_module
from skillgraph.extraction import Extractor
from skillgraph.extraction.team_names import inner_aliases
from skillgraph.model import Posting

POSTING = """Senior ML Engineer, Search Quality

About us
We build search at scale. The Ranking team is part of the Search Platform Group (SPG).

What you'll do
- Train models with PyTorch. Collaborate with other teams (Ads, Trust and Safety, and Growth).

What we're looking for
- 3+ years with PyTorch or TensorFlow.
- Must know Spark.

Nice to have
- Experience with Hadoop.
"""


def test_teams_collaborators_parents_and_title(ont):
    x = Extractor(ont).extract(Posting(id="p", source="p", text=POSTING, title="Senior ML Engineer, Search Quality"))
    teams = {(t.name, t.role): t for t in x.teams}
    assert ("Ranking", "member") in teams
    assert teams[("Ranking", "member")].parent == "Search Platform Group"
    assert teams[("Search Platform Group", "member")].aliases == ("SPG",)
    assert {n for n, r in teams if r == "collaborator"} == {"Ads", "Trust and Safety", "Growth"}
    assert ("Search Quality", "member") in teams
    for t in x.teams:
        if t.start >= 0:
            assert POSTING[t.start:t.end] == t.name


def test_teams_named_with_a_collaboration_verb_are_collaborators(ont):
    text = ("Research Engineer, Post-Training (LLM Alignment)\n"
            "The Post-Training team works on RLHF, partnering with the Safety Systems and Applied AI teams.\n"
            "You will partner with the Finance org.\n")
    x = Extractor(ont).extract(Posting(id="p", source="p", text=text,
                                       title="Research Engineer, Post-Training (LLM Alignment)"))
    got = {(t.name, t.role) for t in x.teams}
    assert got == {("Post-Training", "member"), ("Safety Systems", "collaborator"),
                   ("Applied AI", "collaborator"), ("Finance", "collaborator")}


def test_products_labs_and_the_finder_without_the_matchers_unit_words(ont):
    text = ("Pinterest Labs builds a model called Pinterest Canvas.\n"
            "You will work on products (Search, Home Feed).\n")
    posting = Posting(id="p", source="p", text=text, company="Pinterest")
    x = Extractor(ont).extract(posting)
    got = {(t.name, t.role) for t in x.teams}
    assert {("Pinterest Labs", "member"), ("Pinterest Canvas", "product"), ("Search", "product"),
            ("Home Feed", "product")} <= got
    from skillgraph.extraction import SentenceIndex, find_teams

    assert find_teams(posting, SentenceIndex(text), []) == list(x.teams)   # unit words found by a regex


_team_words = st.sampled_from(["The", "the", "Our", "our", "a", "A", "join", "Join", "Content", "Understanding",
                               "team", "teams", "Team", "pod", "group", "Labs", "lab", "of", "and", "&", "for",
                               "core", "visual", "AI", "ML", "Responsible", "in", "player", "(ATG)", "(Flexible",
                               "Pipe)", ",", "\n", "-", "part", "is", "partner", "with", "organization", "squad"])


@settings(max_examples=300, deadline=None)
@given(words=st.lists(_team_words, max_size=30))
@example(words=["The"] * 14 + ["Understanding", "organization", "partner", "teams"])   # a window cut a name
def test_the_team_window_precheck_loses_no_team(ont, words):
    # the precheck only skips windows where the team regexes cannot match: same teams either way
    text = " ".join(words)
    posting = Posting(id="t", source="t", text=text)
    fast = Extractor(ont).extract(posting).teams
    orig = teams_module._team_name_may_end
    teams_module._team_name_may_end = lambda *a: True
    try:
        slow = Extractor(ont).extract(posting).teams
    finally:
        teams_module._team_name_may_end = orig
    assert fast == slow


@pytest.mark.parametrize("title,text,teams", [
    ("Senior ML Engineer, Search Quality", "Build ranking models.", {"Search Quality"}),
    # postings-dev titles that are not "Role, Team"
    ("Risk, AI Model Validation, Associate, Birmingham", "Validate models.", set()),      # no role first
    ("Engineers, Designers, PM", "Build things.", set()),                                # openings listed
    ("Hiring Eng, Product, GTM", "Build things.", set()),
    ("SWE, SRE, Networking, Infra, TPM, PM, and many more", "Build things.", set()),
    ("Ab-Initio ETL Developer, Assistant Vice President", "Build ETL.", set()),          # a rank
    ("Agent Lead (C/Rust/AI), Senior Rust, Senior Test Automation Devs", "Write Rust.", set()),
    ("Senior Director, Business Development - Clinical Solutions, EMEA", "Sell.",
     {"Business Development", "Clinical Solutions"}),                                    # a region
    ("HR Operating Model Specialist - Up to £88K Bonus, Remote", "Design HR.", set()),   # a figure, a mode
    ("Senior Software Engineer, Cloud and Analytics Platform - Macquarie Group", "Build.",
     {"Cloud and Analytics Platform"}),                                                  # the employer
    ("Snowflake Data Architect - London, Wembley", "Location: Wembley London - 5 days on-site.", set()),
    ("Software Engineer (Data Services), London", "Acme\n\nLondon\n\n£63,356\n", set()),
    ("Staff Software Engineer, Traffic → https://grnh.se/1cbb896d7us", "Route traffic.", {"Traffic"}),
    ("Lead iOS Engineer [Tech Stack: Swift, SwiftUI, UIKit, Mapbox]", "Swift.", set()),
    ("Software Engineer, AI", "Based in Dubai.", {"AI"}),                  # a place word is a whole word
    ("Data Engineer, Payments - Contract", "Build.", {"Payments"}),        # the kind of contract
    ("Data Engineer, Payments - Remote US", "Build.", {"Payments"}),       # a work mode with a place
    ("Data Engineer, Payments - USD 150k", "Build.", {"Payments"}),        # a figure
    ("Engineer, Vision 3D", "Build.", {"Vision 3D"}),                      # a digit is no figure
    ("Software Engineer, Macquarie", "Build.", {"Macquarie"}),             # one word of the employer's name
    ("Devs, Product", "Build.", set()),                                    # openings listed
])
def test_a_team_is_read_from_a_role_comma_team_title_only(ont, title, text, teams):
    x = Extractor(ont).extract(Posting(id="p", source="p", text=f"{title}\n{text}", title=title,
                                       company="Macquarie Group"))
    assert {t.name for t in x.teams if t.role == "member"} == teams


@pytest.mark.parametrize("text,glued,team", [
    ("Our Team and CultureOur team is our greatest asset.", "Team and CultureOur", None),
    ("About the Data & Marketing DepartmentThe Data & Marketing team builds dashboards.",
     "Data & Marketing DepartmentThe Data & Marketing", "Data & Marketing"),
])
def test_a_heading_glued_to_the_next_sentence_is_no_team_name(ont, text, glued, team):
    """The name is what follows the glued boundary: the team of the second sentence, or none."""
    x = Extractor(ont).extract(Posting(id="p", source="p", text=text))
    names = {t.name for t in x.teams}
    assert glued not in names
    assert names == ({team} if team else set())
    for t in x.teams:
        assert text[t.start:t.end] == t.name


@pytest.mark.parametrize("sentence, team", [
    ("You will join our dynamic team in London.", None),                   # describes the team
    ("You will join the founding team.", None),
    ("Our talent acquisition team will contact you.", None),               # the hiring process's
    ("It is about the success of the team.", None),                        # a phrase, no name
    ("Support our customers and our team daily.", None),
    ("You will join our existing cybersecurity team.", "cybersecurity team"),   # the describing word goes
    ("You will join our platform team.", "platform team"),
    ("You will join the Founding team.", None),
    ("Our Talent Acquisition team will contact you.", None),
])
def test_a_lower_case_team_is_one_its_words_name(ont, sentence, team):
    text = f"Data Engineer\n\n{sentence}\n\nRequirements\n- Python\n"
    x = Extractor(ont).extract(Posting(id="p", source="p", text=text, title="Data Engineer"))
    assert [t.name for t in x.teams] == ([team] if team else [])
    for t in x.teams:
        assert text[t.start:t.end] == t.name


def test_the_hiring_words_name_a_team_when_the_role_is_in_hiring(ont):
    text = "Recruiter\n\nYou will join our talent acquisition team.\n\nRequirements\n- Python\n"
    x = Extractor(ont).extract(Posting(id="p", source="p", text=text, title="Technical Recruiter"))
    assert [t.name for t in x.teams] == ["talent acquisition team"]


def test_example_lists_employer_names_renames_and_sentence_ends_are_no_teams(ont):
    text = ("Analyst\n\n- Work closely with cross-functional teams (e.g., product managers, engineers, Ads).\n"
            "- Define KPIs for data products (e.g., data quality scores, adoption rates).\n"
            "- Build dashboards for our products (reports, dashboards, Homefeed).\n"
            "Isomorphic Labs was launched in 2021. The work is part of our DNA. With Group support we grow.\n"
            "A check by the Disclosure and Barring Service (formerly known as CRB) is needed.\n"
            "\nRequirements\n- Python\n")
    x = Extractor(ont).extract(Posting(id="p", source="p", text=text, title="Analyst", company="Isomorphic Labs"))
    assert sorted((t.name, t.role) for t in x.teams) == [("Ads", "collaborator"), ("Homefeed", "product")]


def test_a_bracketed_expansion_belongs_to_the_team_name(ont):
    """'the Global FPS (Flexible Pipe Systems) Productivity team' was no team (the bracket broke the
    name); a bracket at the name's end is its other name, an alias; one inside gives two aliases, the
    name without it and, when it spells out the word before it, with that word spelled out."""
    text = ("You will join the Model Risk Management (MRM) team. This role sits within the Global FPS "
            "(Flexible Pipe Systems) Productivity team. Meet the Global FPS (Flexible Pipe Systems) "
            "Quality (GFQ) team.\n")
    x = Extractor(ont).extract(Posting(id="p", source="p", text=text))
    assert {(t.name, t.aliases) for t in x.teams} == {
        ("Model Risk Management", ("MRM",)),
        ("Global FPS (Flexible Pipe Systems) Productivity",
         ("Global FPS Productivity", "Global Flexible Pipe Systems Productivity")),
        ("Global FPS (Flexible Pipe Systems) Quality",
         ("GFQ", "Global FPS Quality", "Global Flexible Pipe Systems Quality"))}
    assert all(text[t.start:t.end] == t.name for t in x.teams)
    assert inner_aliases("the Data (Platform) Group") == ("the Data Group",)   # "Platform" spells no "Data"


@pytest.fixture(scope="module")
def unit_ont():
    from skillgraph.model import Concept
    from skillgraph.ontology import Ontology

    names = {"data-science": "Data Science", "bi": "BI", "backend": "Backend", "agile": "Agile",
             "redis": "Redis", "kubernetes": "Kubernetes", "python": "Python", "mentoring": "Mentor"}
    return Ontology.from_concepts([Concept(id=f"skill:{k}", iri=f"https://w3id.org/skillgraph/skill/{k}",
                                           label=v) for k, v in names.items()])


@pytest.mark.parametrize("line, teams, skills", [
    ("Partner with internal Product, Data Science, and Backend teams to deliver models.",
     [("Backend", "collaborator"), ("Data Science", "collaborator"), ("Product", "collaborator")], []),
    ("Work with Global BI and Finance teams on data quality.",
     [("Finance", "collaborator"), ("Global BI", "collaborator")], []),
    ("Exposure to pipelines or collaborating with Data Science teams.",
     [("Data Science", "collaborator")], []),
    ("We hire engineers across Frontend, Backend, and Platform teams.",          # no collaboration verb
     [("Backend", "member"), ("Frontend", "member"), ("Platform", "member")], []),
    ("Experience in Data Science teams.", [], ["Data Science"]),                   # one name, no verb
    ("Mentor teams on Python best practices.", [], ["Mentor", "Python"]),
    ("Ability to work with others within Agile teams.", [], ["Agile"]),            # a way of working
    ("Stack: Python, Redis, Kubernetes Small teams, high ownership.", [],          # no word before the list
     ["Kubernetes", "Python", "Redis"]),
    ("Experience writing Python and Backend functions.", [], ["Backend", "Python"]),   # code, not units
    ("Our stack includes Python, Redis, Kubernetes. Small teams, big impact.", [],     # no name across a stop
     ["Kubernetes", "Python", "Redis"]),
    ("Experience working in Agile, Scrum or Redis teams.", [], ["Agile", "Redis"]),    # a way of working in it
    ("We Mentor teams on Python.", [], ["Mentor", "Python"]),                        # one name, no verb
])
def test_units_listed_before_a_plural_unit_word_are_teams_not_skills(unit_ont, line, teams, skills):
    text = f"Analyst\n\nAbout the role\n- {line}\n"
    x = Extractor(unit_ont).extract(Posting(id="p", source="p", text=text))
    assert sorted((t.name, t.role) for t in x.teams) == teams
    assert sorted({m.text for m in x.mentions}) == skills
    assert all(text[t.start:t.end] == t.name for t in x.teams)


def test_names_split_on_and_keep_their_offsets(ont):
    text = "About us\nYou will partner with the Safety Systems and Applied AI teams on launches.\n"
    x = Extractor(ont).extract(Posting(id="p", source="p", text=text))
    assert [(t.name, text[t.start:t.end]) for t in x.teams] == [("Safety Systems", "Safety Systems"),
                                                                ("Applied AI", "Applied AI")]
