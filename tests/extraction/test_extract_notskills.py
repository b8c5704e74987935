"""Not skills: labels inside URLs, e-mail addresses and paths, the posting's own company, team names;
and hyphen compounds that are adjectives of a name ("SQL-heavy")."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from skillgraph.extraction import Extractor
from skillgraph.extraction.notskills import drop_in_spans, drop_within, employer_names, employer_spans, non_text_spans
from skillgraph.model import Posting
from skillgraph.ontology import Ontology


@pytest.fixture(scope="module")
def tiny(make_concept, stack_concepts):
    return Ontology.from_concepts([
        make_concept("http", "HTTP", exact=("HTTP",)),
        *stack_concepts,
        make_concept("socketio", "Socket.io"),
        make_concept("ds", "data science"),
        make_concept("agile", "Agile", exact=("Agile",)),
        make_concept("github", "GitHub"),
    ])


def _linked(ont, text, company=None, title=None):
    x = Extractor(ont).extract(Posting(id="p", source="p", text=text, company=company, title=title))
    return [(m.text, m.concept.removeprefix("skill:")) for m in x.mentions], x


@pytest.mark.parametrize("text", [
    "Apply at https://jobs.example.com/python-engineer today.",
    "Apply: https //jobs.example.com/sql",                      # the colon lost in a copy
    "See www.github.com/acme/python for more.",
    "Send your CV to python.jobs@example.org.",
    "Run /usr/local/bin/python3 on the box.",
    "Open C:\\Tools\\Python\\python.exe please.",
    "More at acme.io/sql-jobs",
    "Pay: SQL$130K-SQL$150K + equity",                         # a currency prefix ("C$130K"), not the label
])
def test_nothing_links_inside_urls_emails_and_paths(tiny, text):
    links, _ = _linked(tiny, text)
    assert links == [], links


def test_a_label_before_a_dollar_sign_without_a_figure_still_links(tiny):
    assert _linked(tiny, "SQL $ costs; SQL$ and more")[0] == [("SQL", "sql")] * 2


def test_https_in_a_url_is_not_http_but_http_in_prose_is(tiny):
    links, _ = _linked(tiny, "We serve HTTP at scale. Apply: https://acme.com/jobs")
    assert links == [("HTTP", "http")]


def test_a_slash_list_is_not_a_path_and_a_bare_domain_name_still_links(tiny):
    links, _ = _linked(tiny, "Languages: JavaScript/C++/Python/SQL. Realtime with Socket.io.")
    assert ("Python", "python") in links and ("SQL", "sql") in links
    assert ("Socket.io", "socketio") in links


def test_the_employer_does_not_link_but_the_same_tool_at_another_company_does(tiny):
    text = "At Notion we care about craft. You will plan your work in Notion."
    assert _linked(tiny, text, company="Notion")[0] == []
    assert _linked(tiny, text, company="Notion Labs, Inc.")[0] == []
    assert [c for _, c in _linked(tiny, text, company="Acme")[0]] == ["notion", "notion"]


def test_a_longer_name_than_the_employer_still_links(tiny):
    links, _ = _linked(tiny, "You will build on Google Cloud.", company="Google")
    assert links == [("Google Cloud", "gcloud")]


def test_a_company_field_that_is_a_title_names_no_employer():
    assert employer_names("Senior ML Engineer") == []
    assert employer_names("HIRING: Frontend Developer (Contract)") == []
    assert employer_names("Enveritas (YC S18, non-profit)") == ["Enveritas (YC S18, non-profit)", "Enveritas"]
    assert employer_names("Notion Labs, Inc.") == ["Notion Labs, Inc", "Notion Labs", "Notion"]


def test_a_country_or_region_after_the_name_is_the_companys_branch(tiny):
    assert employer_names("Barclays UK") == ["Barclays UK", "Barclays"]
    assert employer_names("Notion Europe Ltd") == ["Notion Europe Ltd", "Notion Europe", "Notion"]
    assert employer_names("UK") == ["UK"]                       # a name that is only a country stays
    links, _ = _linked(tiny, "We use Notion for docs and Python.", company="Notion US")
    assert links == [("Python", "python")]


def test_a_bracketed_note_or_a_data_suffix_is_not_part_of_the_name(tiny):
    assert employer_names("Buildkite [CI Devtool]") == ["Buildkite [CI Devtool]", "Buildkite"]
    assert employer_names("Redpanda Data") == ["Redpanda Data", "Redpanda"]
    assert employer_names("VIT Infotech") == ["VIT Infotech", "VIT"]
    # the field as written stays a name: a header repeating it holds no skill the role asks for
    links, _ = _linked(tiny, "Notion [SQL tools] | Engineer\nNotion is hiring. You write SQL.",
                       company="Notion [SQL tools]")
    assert links == [("SQL", "sql")]
    links, _ = _linked(tiny, "Spark Data builds tools. You know Spark and Notion.", company="Spark Data")
    assert links == [("Notion", "notion")]


def test_a_named_team_is_a_team_not_a_skill(tiny):
    links, x = _linked(tiny, "Join our Data Science team and write Python.")
    assert links == [("Python", "python")]
    assert "Data Science" in {t.name for t in x.teams}


def test_a_kind_of_team_after_an_article_keeps_its_skill(tiny):
    links, _ = _linked(tiny, "Experience working in an Agile team.")
    assert links == [("Agile", "agile")]


def test_commas_inside_title_brackets_are_not_a_team(tiny):
    _, x = _linked(tiny, "Django, Vue and AWS.", title="Full-Stack Developer (Django, Vue, AWS)")
    assert not [t for t in x.teams if "AWS" in t.name]


@pytest.mark.parametrize("text,expected", [
    ("We are SQL-heavy.", [("SQL", "sql")]),
    ("Our Spark-based pipelines.", [("Spark", "spark")]),
    ("AWS-hosted services.", [("AWS", "aws")]),
    ("Python-based tools.", [("Python", "python")]),
    ("An HTTP-ish protocol.", []),          # not an adjective suffix: still no link
    ("Strong dbt and SQL- building models.", [("SQL", "sql")]),    # a hyphen before a space is a dash
    ("SQL-\nbased reports.", []),                  # a word broken at the line's end
    ("Modern stack\u2014Spark, SQL\u2015Python.", [("Spark", "spark"), ("SQL", "sql"), ("Python", "python")]),
    ("cloud environments\u2014ideally AWS\u2014and CI", [("AWS", "aws")]),     # an em dash is no hyphen
])
def test_hyphen_compounds_of_names_link_with_adjective_suffixes(tiny, text, expected):
    assert _linked(tiny, text)[0] == expected


@pytest.mark.parametrize("text,expected", [
    ("Email jobs@acme.ai with your resume and GitHub.", []),              # application material
    ("How to apply: send a short note and GitHub to jobs [at] acme dot ai", []),
    ("Please include your GitHub.", []),
    ("Apply: hi@acme.ai (include LinkedIn, resume, GitHub/ Python samples)", [("Python", "python")]),
    ("A link to GitHub is a plus.", []),
    ("- GitHub profile (important)", []),
    ("Our engine has 24,000+ GitHub stars and users.", []),               # a count of the company's stars
    ("We passed 100k stars on GitHub!", []),
    ("Check out our GitHub to see the code.", []),
    ("Mesa is building GitHub for AI agents.", []),                       # what a company is like
    ("We use GitHub and Python daily.", [("GitHub", "github"), ("Python", "python")]),
    ("Tools include GitHub, Notion and Python.", [("GitHub", "github"), ("Notion", "notion"), ("Python", "python")]),
    ("Extend our GitHub-based release workflows.", [("GitHub", "github")]),
    ("Experience with Python for scripting.", [("Python", "python")]),     # work, not an analogy
    ("Build data science tooling for the team.", [("data science", "ds")]),
    ("A Python for Beginners course.", [("Python", "python")]),          # "A" opening a line is no article here
    ("Our tools include a modern stack: GitHub, Python and AWS.",          # "include a" tells no application
     [("GitHub", "github"), ("Python", "python"), ("AWS", "aws")]),
    ("Experience with CV models, Python and GitHub.", [("Python", "python"), ("GitHub", "github")]),   # CV: vision
    ("Resume parsing in Python; we use GitHub.", [("Python", "python"), ("GitHub", "github")]),
    ("Experience managing code on GitHub.", [("GitHub", "github")]),
    ("Administer GitHub accounts and SSO.", [("GitHub", "github")]),
    ("We build AWS for banks.", [("AWS", "aws")]),                         # an acronym is no analogy's name
])
def test_a_profile_site_as_application_material_or_a_name_in_an_analogy_is_no_skill(tiny, text, expected):
    assert _linked(tiny, text)[0] == expected


@pytest.mark.parametrize("text", ["We sell to C- and D-level executives.", "A grade of C- or above.",
                                  "A grade of C-  or above.", "Our Go- to market plans.", "We do C- / D-grade work."])
def test_a_hyphen_before_and_or_to_is_a_compounds_first_half_not_a_dash(make_concept, text):
    ont = Ontology.from_concepts([make_concept("c", "C", exact=("C",)), make_concept("go", "Go", exact=("Go",))])
    assert _linked(ont, text)[0] == []


_text = st.text(alphabet=st.sampled_from(list("ab.:/@\\~-_ +wh ttps")), max_size=80)


@settings(max_examples=300, deadline=None)
@given(_text)
def test_non_text_spans_are_ordered_disjoint_and_inside_the_text(text):
    spans = non_text_spans(text)
    last = 0
    for s, e, _bare in spans:
        assert last <= s < e <= len(text)
        last = e


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 50), st.integers(1, 10)), max_size=12),
       st.lists(st.tuples(st.integers(0, 50), st.integers(1, 10)), max_size=6))
def test_dropped_matches_are_exactly_the_overlapping_or_contained_ones(raw_matches, raw_spans):
    matches = [(s, s + n, ("x",)) for s, n in raw_matches]
    spans, end = [], -1
    for s, n in sorted(raw_spans):
        if s >= end:
            spans.append((s, s + n))
            end = s + n
    kept = drop_in_spans(matches, spans)
    assert kept == [m for m in matches if not any(m[0] < b and a < m[1] for a, b in spans)]
    inside = drop_within(matches, spans)
    assert inside == [m for m in matches if not any(a <= m[0] and m[1] <= b for a, b in spans)]


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=40), st.text(max_size=120))
def test_employer_spans_never_fail_and_name_the_company(company, text):
    for s, e in employer_spans(text, company):
        assert 0 <= s < e <= len(text)


_NON_TEXT_CHARS = st.lists(st.sampled_from(["https://", "http //", "www.", "WWW.", "@", "/", ":\\", ".com", ".io",
                                            ".AI", "a", "Z", "1", " ", "\n", "-", ".", "_", "~", "C:", "x.y",
                                            "wWw.", "Ww", "w.", "..", "(", "[", '"', "'", "`", "=", "\t",
                                            "\u2003", "é"]),
                           max_size=40).map("".join)


@given(_NON_TEXT_CHARS)
def test_leaving_out_kinds_that_cannot_match_changes_nothing(text):
    """non_text_spans runs only the kinds whose literal is in the text (skillgraph.speed.alternation):
    the same spans as the full alternation."""
    import re

    from skillgraph.extraction.notskills import _TRAILING, NON_TEXT

    full = []
    for m in re.compile("|".join(f"(?P<{n}>{rx})" for n, rx in NON_TEXT), re.I).finditer(text):
        s, e = m.span()
        while e > s + 1 and text[e - 1] in _TRAILING:
            e -= 1
        full.append((s, e, m.lastgroup == "domain" and "/" not in text[s:e]))
    assert non_text_spans(text) == full


@settings(max_examples=300, deadline=None)
@given(_NON_TEXT_CHARS)
def test_path_hint_misses_no_path(text):
    """The cheap test that skips the path pattern (no "/x/" where a path may start) never skips a path."""
    import re

    from skillgraph.extraction.notskills import _PATH, _path_may_start

    if re.compile(_PATH, re.I).search(text):
        assert ":\\" in text or _path_may_start(text)
    assert not _path_may_start("CI/CD/ML and/or/both")
    assert _path_may_start("see ~/x/y") and _path_may_start('path="./a/b"') and _path_may_start("/usr/bin/x")


@pytest.fixture(scope="module")
def acronyms(make_concept):
    return Ontology.from_concepts([
        make_concept("3d", "3D reconstruction", "multi-view stereo", "MVS"),
        make_concept("etl", "ETL", "extract, transform, load"),
        make_concept("ray", "Ray"),
    ])


@pytest.mark.parametrize("text, expected", [
    ("We build MVS (Mixpeek Vector Store) on Ray.", [("Ray", "ray")]),       # the employer's product
    ("Dense MVS (Multi-View Stereo) pipelines", [("MVS", "3d"), ("Multi-View Stereo", "3d")]),
    ("ETL (Extract, Transform, Load) jobs", [("ETL", "etl"), ("Extract, Transform, Load", "etl")]),
    ("Know MVS (and Ray) well.", [("MVS", "3d"), ("Ray", "ray")]),           # the bracket spells nothing
    ("Know MVS well.", [("MVS", "3d")]),
])
def test_an_acronym_spelled_out_as_something_else_is_not_that_concept(acronyms, text, expected):
    assert _linked(acronyms, text)[0] == expected


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet="MVSa (),x", max_size=30))
def test_spelled_out_only_ever_takes_concepts_away(acronyms, text):
    from skillgraph.extraction.notskills import spelled_out

    matches = [(i, i + 3, ("skill:3d",)) for i in range(len(text) - 2) if text[i:i + 3] == "MVS"]
    got = spelled_out(text, matches, acronyms)
    assert all(m in matches for m in got)


@pytest.mark.parametrize("text, expected", [
    ("Backed by investors including BOND, IVP, Spark Capital and Greylock.", []),
    ("We won the Notion AI Accelerator last year.", []),
    ("Python Inc, Remote (6 positions)", []),
    ("We were incubated by the Stanford Python Institute.", []),
    # the same names standing as tools
    ("Experience with Spark and Python.", [("Spark", "spark"), ("Python", "python")]),
    ("Use Spark capital-efficiently.", [("Spark", "spark")]),                        # lower case goes on: no name
    ("OpenShift on Google Cloud Foundation services.", [("Google Cloud", "gcloud")]),  # "Foundation" names products
])
def test_a_label_inside_an_organisations_or_awards_name_is_no_skill(tiny, text, expected):
    assert _linked(tiny, text)[0] == expected
