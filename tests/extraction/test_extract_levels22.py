"""Stop 22's level rules (issue 10 item 1): each with a sentence it must fire on and one it must not."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from skillgraph.extraction import Extractor
from skillgraph.extraction.inline import inline_headings
from skillgraph.extraction.levels import heading_level, sentence_level, stack_heading
from skillgraph.model import Concept, Posting
from skillgraph.ontology import Ontology


def _levels(text, *names):
    ont = Ontology.from_concepts([Concept(id="skill:" + n.lower().replace(" ", "-"),
                                          iri=f"https://example.org/{n.lower().replace(' ', '-')}",
                                          label=n) for n in names])
    x = Extractor(ont).extract(Posting(id="p", source="p", text=text))
    return {m.text: m.requirement for m in x.mentions}


@pytest.mark.parametrize("section, sentence, level", [
    # a plus said outright is asked even under a context heading; a perk "Plus:" there is not
    ("context", "C/C++, Go, or Python for systems tooling a strong plus.", "preferred"),
    ("context", "Experience with Kafka a big plus.", "preferred"),
    ("context", "A Rust training budget is a plus.", "context"),
    ("context", "Plus: 401k and free lunches.", "context"),
    ("context", "We pay a bonus every year.", "context"),
    # "(essential)" asks; "essential" in prose does not
    ("context", "Key Skills Python (essential)", "required"),
    ("context", "Data is essential to our mission.", "context"),
    # a requirement bullet's opening with a gerund or "skills in"
    ("context", "Experience structuring data through Bronze, Silver and Gold layers using Python.", "required"),
    ("responsibility", "Advanced skills in Python and SQL", "required"),
    ("context", "Skills in demand across the industry.", "context"),
    # "Proven ability to …" opens a requirement bullet; an ability in prose does not
    ("responsibility", "Proven ability to work across both legacy systems and modern cloud environments", "required"),
    ("context", "Ability to write code logic involving concurrency or parallelism.", "required"),
    ("context", "Our platform has the ability to scale to millions.", "context"),
    # "where required" is when needed, not a requirement
    ("responsibility", "Own the data models, coordinating other engineers where required.", "responsibility"),
    ("responsibility", "Python is required.", "required"),
    # seeking / looking for someone
    ("responsibility", "We are seeking a Staff Software Engineer with an ML background to join us.", "required"),
    ("context", "We are seeking a Staff Engineer to build our search.", "responsibility"),
    ("context", "We are looking for someone who knows Rust.", "required"),
    ("context", "We are looking for someone to build our data platform.", "responsibility"),
    ("context", "We are looking for new office space.", "context"),
])
def test_sentence_cues_of_stop_22(section, sentence, level):
    assert sentence_level(section, sentence) == level


@pytest.mark.parametrize("heading", ["AI Skills", "Bonuses", "Requirements"])
def test_the_hiring_ai_notice_is_context_under_any_heading(heading):
    notice = ("We may use artificial intelligence (AI) tools to support parts of the hiring process, such as "
              "reviewing applications.")
    assert sentence_level(heading_level(heading) or "context", notice) == "context"
    assert sentence_level("required", "You will use AI tools to speed up reviews.") == "required"


def test_headings_of_stop_22():
    assert heading_level("Here's what our engineering team is working on") == "responsibility"
    assert heading_level("Our team") == "context"
    assert heading_level("Roles") == "required"
    assert heading_level("Open roles") == "required"
    assert heading_level("Roles and responsibilities") == "responsibility"
    assert heading_level("Similar roles") is None
    assert stack_heading("Our Tech Environment") and stack_heading("Tools & Technologies")
    assert not stack_heading("About You")


def test_a_stack_section_not_expected_of_the_hire_is_the_work(monkeypatch):
    monkeypatch.setenv("SKILLGRAPH_LEVEL_MODEL", "0")
    stack = "Our Tech Environment\n- Data Stack: Snowflake, Python, Dagster.\n"
    said = "We don't expect you to have experience with every technology listed above.\n"
    got = _levels("About You\n- Strong SQL expertise.\n\n" + stack + said, "Snowflake", "Python", "Dagster", "SQL")
    assert got == {"SQL": "required", "Snowflake": "responsibility", "Python": "responsibility",
                   "Dagster": "responsibility"}
    assert _levels(stack, "Snowflake", "Python")["Python"] == "required"     # not said: the stack is asked
    # said under a requirements heading, it does not turn the requirements into the work
    got = _levels("Requirements\n- Python and SQL\nWe don't expect you to know everything.\n", "Python", "SQL")
    assert got == {"Python": "required", "SQL": "required"}


def test_a_skill_named_sub_heading_keeps_the_lists_under_it(monkeypatch):
    monkeypatch.setenv("SKILLGRAPH_LEVEL_MODEL", "0")
    asked = "\nRequirements:\n- Kafka\n"          # the posting asks for something: the posting-level rule stays off
    text = "Intro text about Acme.\n\nAWS Lambda\n\nAthena SQL ; Spark SQL ; Python\n\nOther notes\n" + asked
    assert _levels(text, "AWS Lambda", "Athena SQL", "Spark SQL", "Python", "Kafka")["Python"] == "required"
    # under a sub-heading that is no skill name the list is left alone
    text = "Intro text about Acme.\n\nOther signals\n\nAthena SQL ; Spark SQL ; Python\n\nMore notes\n" + asked
    assert _levels(text, "Athena SQL", "Spark SQL", "Python", "Kafka")["Python"] == "context"


def _not_expected_whole_text(text, mentions):
    """The rule as first written: the regex over the whole posting, each match's heading asked after."""
    import re
    from bisect import bisect_right

    from skillgraph.extraction.cues import NOT_EXPECTED
    from skillgraph.extraction.segmentation import headings

    heads = headings(text)
    starts = [h[0] for h in heads]
    spans = []
    for m in re.finditer(NOT_EXPECTED, text, re.I):
        k = bisect_right(starts, m.start()) - 1
        if k >= 0 and stack_heading(heads[k][2]):
            spans.append((heads[k][0], starts[k + 1] if k + 1 < len(starts) else len(text)))
    return [m[:6] + ("responsibility",) + m[7:] if m[6] == "required" and any(a <= m[1] < b for a, b in spans)
            else m for m in mentions]


_PARTS = ["Our Tech Environment\n", "Tech Stack:\n", "Requirements\n", "About You\n", "\n",
          "- Python, Snowflake and Dagster.\n", "We don't expect you to have all of it.\n",
          "You are not expected to know Kafka.\n", "Some prose about the team.\n", "No need to know Go.\n"]


@given(st.lists(st.sampled_from(_PARTS), max_size=12), st.lists(st.integers(0, 400), max_size=8))
@settings(max_examples=300, deadline=None)
def test_the_not_expected_rule_searches_only_stack_sections_with_the_same_answer(parts, offsets):
    """Searching the stack sections alone (a sixth of the exact pass was this regex over whole postings)
    gives what the whole-text search gave, on postings made of stack headings, other headings, the phrase
    and lists, with required and other mentions anywhere."""
    from skillgraph.extraction.posting_levels import _not_expected

    text = "".join(parts)
    mentions = [("skill:x", o, o + 1, 0, len(text), None, lv, 1.0)
                for i, o in enumerate(sorted(o for o in offsets if o < len(text)))
                for lv in [("required", "context", "preferred")[i % 3]]]
    assert _not_expected(text, mentions) == _not_expected_whole_text(text, mentions)


def test_not_expected_matches_are_shorter_than_the_reach_searched_past_a_section():
    try:
        from re import _parser as sre_parse  # Python >= 3.11
    except ImportError:                       # pragma: no cover
        import sre_parse

    from skillgraph.extraction.cues import NOT_EXPECTED
    from skillgraph.extraction.posting_levels import _NOT_EXPECTED_REACH

    _, longest = sre_parse.parse(NOT_EXPECTED).getwidth()
    assert longest < _NOT_EXPECTED_REACH


def _company_levels(text, company, *names):
    ont = Ontology.from_concepts([Concept(id="skill:" + n.lower().replace(" ", "-"),
                                          iri=f"https://example.org/{n.lower().replace(' ', '-')}",
                                          label=n) for n in names])
    x = Extractor(ont).extract(Posting(id="p", source="p", text=text, company=company))
    return {m.text: m.requirement for m in x.mentions}


@pytest.mark.parametrize("line, level", [
    # the sentence classifier reads these two as the work (p 0.76, 0.67) — their verbs, not their subject
    ("Kadoa automates the entire web data pipeline with computer vision agents that build, maintain, and "
     "validate scraper code themselves.", "context"),
    ("- Kadoa provides computer vision APIs for email, calendar, and contacts, connecting to Gmail, Microsoft, "
     "IMAP, Zoom, Teams, and 250+ providers.", "context"),
    ("LiveEO is looking for an engineer to build computer vision models.", "responsibility"),   # hiring
    ("LiveEO | ML Engineer | computer vision | Berlin", "required"),                # a header row
    ("LiveEO's stack: computer vision, Python.", "required"),                       # the stack, said
    ("At LiveEO you will build computer vision models.", "responsibility"),         # the work
])
def test_a_sentence_whose_subject_is_the_employer_says_what_it_does_not_what_it_asks(line, level):
    text = f"Senior ML Engineer\n\n{line.replace('LiveEO', 'Kadoa')}\n\nRequirements\n- Python\n"
    assert _company_levels(text, "Kadoa", "computer vision", "Python")["computer vision"] == level


def test_a_posting_that_asks_nothing_still_reads_its_prose_as_the_work():
    text = "LiveEO builds computer vision for satellites.\nWe use Python.\n"
    assert set(_company_levels(text, "LiveEO", "computer vision", "Python").values()) != {"context"}


@pytest.mark.parametrize("heading, level", [
    ("To be successful in this role, you will:", "required"),      # not "in this role": what it takes
    ("Person Specification", "required"),
    ("What It Takes To Succeed", "required"),
    ("In this role, you will:", "responsibility"),
])
def test_headings_saying_what_it_takes_to_succeed_ask(heading, level):
    assert heading_level(heading) == level


def test_what_a_role_line_says_the_role_does_is_its_work(monkeypatch):
    """A "who is hiring" role line: title, dash or colon, then what the role does (a verb of work):
    its skills are the work; the title's brackets, the next sentence, a line of skills and a line
    that does not say what the role does stay as asked."""
    monkeypatch.setenv("SKILLGRAPH_LEVEL_MODEL", "0")
    text = ("Open roles:\n"
            "- Senior Backend Engineer (Django) \u2014 Own APIs and Kafka pipelines. Postgres is a must.\n"
            "- Data Engineer - Databricks, Snowflake\n"
            "B. Senior Rust Developer: Build Tokio services.\n"
            "Platform Engineer: deep Terraform experience.\n")
    got = _levels(text, "Django", "Kafka", "Postgres", "Databricks", "Snowflake", "Tokio", "Terraform")
    assert got == {"Django": "required", "Kafka": "responsibility", "Postgres": "required",
                   "Databricks": "required", "Snowflake": "required", "Tokio": "responsibility",
                   "Terraform": "required"}
    # a description with no verb of work that names the work in words is the work too; a specialty, a
    # list of names, what is asked or used, and the posting's title line stay as asked
    text = ("Open roles:\n"
            "- Lead Engineer (Data) \u2014 payer data pipelines, Kafka feeds, claims feed infrastructure\n"
            "- Data Engineer - Databricks, Snowflake - https://example.org/jobs/1\n"
            "- Platform Engineer: Advanced command of the Terraform ecosystem.\n"
            "- Web Developer: Modern tech stack\u2014React, Postgres and more.\n")
    assert _levels(text, "Kafka", "Databricks", "Snowflake", "Terraform", "React", "Postgres") == {
        "Kafka": "responsibility", "Databricks": "required", "Snowflake": "required", "Terraform": "required",
        "React": "required", "Postgres": "required"}
    assert _levels("Data Engineer - streaming pipelines with Kafka at scale\nWe are hiring.", "Kafka") == {
        "Kafka": "required"}
    # a header row's fields and a page flattened into one long line are no role lines
    text = "Open roles:\nAcme | Senior Engineer \u2014 Own Kafka pipelines | Remote\n"
    assert _levels(text, "Kafka") == {"Kafka": "required"}
    text = "Open roles:\nSenior Engineer \u2014 Own Kafka pipelines. " + "We ship every day. " * 30 + "\n"
    assert _levels(text, "Kafka") == {"Kafka": "required"}


@pytest.mark.parametrize("heading, level", [
    ("About the Role", "responsibility"), ("About this role:", "responsibility"),
    ("About the position", "responsibility"), ("About the opportunity", "responsibility"),
    ("About us", "context"), ("About the team", "context"), ("About the company", "context"),
    ("About the job", "context"),        # a job board's wrapper over the whole posting, company included
])
def test_about_the_role_is_the_work_not_an_about_us(heading, level):
    assert heading_level(heading) == level


def test_about_the_role_glued_into_a_flattened_page_does_not_settle_the_rest_of_it():
    # the glued "What we're looking for" is no heading the inline rules know: the classifier reads on
    line = "Hybrid, London. About the roleYou'll partner with analysts.What we're looking forStrong SQL skills"
    assert [(h.section, h.level) for h in inline_headings(line)] == [("About the role", None)]


def test_an_inline_heading_under_a_line_heading_of_work_keeps_its_own_level(monkeypatch):
    monkeypatch.setenv("SKILLGRAPH_LEVEL_MODEL", "0")
    text = "What you'll do\n* Build pipelines in Kafka.\n* Who You Are: You write Spark daily.\n"
    assert _levels(text, "Kafka", "Spark") == {"Kafka": "responsibility", "Spark": "required"}
