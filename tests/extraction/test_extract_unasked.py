"""Levels where a posting says little about them (issue 10): a posting that asks for nothing, a line
that is only a list of skills, the stack said in prose, field lines, skills inside a heading line."""
from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from skillgraph.extraction import Extractor
from skillgraph.extraction.levels import heading_level, prose_level, sentence_level
from skillgraph.extraction.posting_levels import menu_like, stack_list
from skillgraph.model import Concept, Posting
from skillgraph.ontology import Ontology

ASKED = "\nRequirements:\n- SQL\n"     # a line that asks for something: the posting-level rule stays off


def _levels(text, *names):
    ont = Ontology.from_concepts([Concept(id="skill:" + n.lower(), iri=f"https://example.org/{n.lower()}",
                                          label=n) for n in names])
    x = Extractor(ont).extract(Posting(id="p", source="p", text=text))
    return {m.text: m.requirement for m in x.mentions}


def test_a_posting_that_asks_for_nothing_reads_its_prose_as_the_work(monkeypatch):
    monkeypatch.setenv("SKILLGRAPH_LEVEL_MODEL", "0")
    post = "Acme builds search infrastructure with Kafka and Rust for banks.\n\nAbout us\nWe use Snowflake a lot.\n"
    assert _levels(post, "Kafka", "Rust", "Snowflake") == {
        "Kafka": "responsibility", "Rust": "responsibility", "Snowflake": "context"}   # "About us" stays context
    got = _levels(post + ASKED, "Kafka", "Rust", "Snowflake", "SQL")
    assert (got["Kafka"], got["Rust"], got["SQL"]) == ("context", "context", "required")


def test_a_scraped_menu_is_not_prose(monkeypatch):
    monkeypatch.setenv("SKILLGRAPH_LEVEL_MODEL", "0")
    menu = " ".join(["Platform Composable Studio Build audiences Sync Data Identity Resolution"] * 5) + " Kafka tools"
    assert menu_like(menu)
    assert _levels(menu + "\n", "Kafka") == {"Kafka": "context"}
    assert not menu_like("Acme builds search infrastructure with Kafka and Rust for banks across Europe. " * 4)


def test_a_line_that_is_only_skills_is_the_stack(monkeypatch):
    monkeypatch.setenv("SKILLGRAPH_LEVEL_MODEL", "0")
    post = "Acme builds search for banks.\n* Kafka, Rust, Snowflake;\n" + ASKED
    got = _levels(post, "Kafka", "Rust", "Snowflake", "SQL")
    assert (got["Kafka"], got["Rust"], got["Snowflake"]) == ("required", "required", "required")
    # prose naming the same skills is not a list; a list under a heading no cue knows keeps that heading's level
    assert _levels("Acme builds search for banks with Kafka and Rust, mostly." + ASKED, "Kafka", "Rust",
                   "SQL")["Kafka"] == "context"
    assert _levels("Other signals\n\n* Kafka, Rust\n" + ASKED, "Kafka", "Rust", "SQL")["Kafka"] == "context"
    # ... unless that heading is itself a list of skills ("Go or Python"): a sub-heading of a skills section
    x = Extractor(Ontology.from_concepts([Concept(id="skill:" + n.lower(), iri=f"https://example.org/{n}",
                                                  label=n) for n in ("Kafka", "Rust", "SQL")])).extract(
        Posting(id="p", source="p", text="Kafka or Rust\n\n* Kafka, Rust\n" + ASKED))
    # the heading line is itself such a list, and so is the line under it: both required
    assert [(m.text, m.start < 13, m.requirement) for m in x.mentions] == [
        ("Kafka", True, "required"), ("Rust", True, "required"), ("Kafka", False, "required"),
        ("Rust", False, "required"), ("SQL", False, "required")]


names = st.lists(st.sampled_from(["Kafka", "Rust", "SQL", "Go", "Snowflake", "dbt", "Terraform"]),
                 min_size=2, max_size=6, unique=True)


@given(names, st.sampled_from([", ", " / ", "; ", " | "]))
def test_stack_list_property(skills, sep):
    sentence = sep.join(skills)
    spans, i = [], 0
    for s in skills:
        spans.append((i, i + len(s)))
        i += len(s) + len(sep)
    assert stack_list(sentence, spans)
    assert not stack_list(sentence, spans[:1])                         # one skill is not a list
    prose = sentence + " are what our partners in retail banking use every single day"
    assert not stack_list(prose, spans)                                # mostly other words: prose


@pytest.mark.parametrize("sentence", [
    "We work mainly in Kafka with other languages sprinkled in.",
    "We are a Kafka/Rust shop (although it matters less now).",
    "Most of our code is in Kafka and Go hosted in Kubernetes.",
    "Our backend is written in Rust.",
    "We primarily use Kafka and Rust.",
    "- Langs: TS / Kafka",
    "Expect hands-on Kafka, ML system design, and production reliability.",
    "We seek candidates with strong expertise in any of Kafka/KDB/C++.",
    "We\u2019re seeking engineers with Kafka experience.",
    "Our back-end is written in Go.",
    "Backend Engineer: Go, Kafka",
    "The ideal candidate will have experience with Kafka, Git, and open source.",
    "Also have prior experience building tools in Kafka.",
    "Hybrid | NYC | Kafka/Java",
    "Software Engineers - We're flexible, but think Rust / Kafka",
    "Native, backend is in Go and Kafka.",
    "The code is mostly in Rust.",
])
def test_the_stack_said_in_prose_is_required(sentence):
    assert prose_level(sentence) == "required"


@pytest.mark.parametrize("sentence", [
    "Acme builds Kafka tools for banks.",
    "We use artificial intelligence to support parts of the hiring process.",
    "Our mission is to make Kafka boring.",
    "Engineers at Acme love Kafka.",
    # the reviewer's misfires of the first version of these cues
    "We work with clients across Europe.", "We build in public.", "Our code is on GitHub.",
    "The backend is on fire.", "We are a coffee shop.", "Acme is a one-stop shop for HR.",
    "Staff will have experience days every quarter.", "Customers have experience with our platform daily.",
])
def test_prose_about_the_company_is_not(sentence):
    assert prose_level(sentence) == "context"


@pytest.mark.parametrize("sentence", ["Acme is hiring across Europe.", "We're hiring in London and Berlin."])
def test_hiring_somewhere_asks_for_nothing(sentence):
    assert sentence_level("context", sentence) == "context"


@pytest.mark.parametrize("sentence, level", [
    ("We are looking for a Senior ML Engineer to build and scale computer vision models.", "responsibility"),
    ("We are seeking a Senior Data Engineer to play a key role in shaping Kafka pipelines.", "responsibility"),
    ("We are looking for a Senior ML Engineer to join our team.", "required"),
    ("We are looking for a Rust Engineer.", "required"),
])
def test_looking_for_an_engineer_to_do_something_is_the_work(sentence, level):
    assert sentence_level("context", sentence) == level


def test_stack_cues_stay_off_under_a_context_heading(monkeypatch):
    monkeypatch.setenv("SKILLGRAPH_LEVEL_MODEL", "0")
    post = "About us\nWe work mainly in Kafka and Rust for hospitals across Europe.\n" + ASKED
    got = _levels(post, "Kafka", "Rust", "SQL")
    assert (got["Kafka"], got["Rust"]) == ("context", "context")
    assert _levels(post.replace("About us\n", ""), "Kafka", "Rust", "SQL")["Kafka"] == "required"


def test_more_sentence_cues():
    assert sentence_level("context", "You'd work across our SvelteKit app and Kafka pipelines") == "responsibility"
    assert sentence_level("context", "The responsibilities include collecting data for RLHF.") == "responsibility"


def test_unsettled_prose_takes_a_preferred_cue(monkeypatch):
    monkeypatch.setenv("SKILLGRAPH_LEVEL_MODEL", "0")
    post = "We have roles open\n\nWe're language agnostic but strong Kafka experience is a big plus.\n" \
           "\nBenefits\nA Rust training budget is a plus.\n" + ASKED
    got = _levels(post, "Kafka", "Rust", "SQL")
    assert (got["Kafka"], got["Rust"]) == ("preferred", "context")    # under "Benefits" the cue stays off


@pytest.mark.parametrize("heading, level", [
    ("You Should Have", "required"), ("We\u2019re hiring for", "required"), ("Our hiring process", "context"),
    ("Recruitment fraud warning", "context"), ("How to apply", "context"),
    ("Our Tech Environment", "required"), ("Tools \\& Environment", "required"), ("Technical Stack", "required"),
    ("Team & Environment", "context"), ("Proficiency in", "required"), ("We have 3 open positions", "required"),
])
def test_heading_levels(heading, level):
    assert heading_level(heading) == level


@pytest.mark.parametrize("field", ["Location: Leeds, Bristol", "Job Location: NYC", "Location(s): London",
                                   "\U0001f4cd Location: Remote", "Base Salary: \u00a360k", "Company: Acme",
                                   "https://acme.example/about/jobs"])
def test_a_field_line_opens_no_section(monkeypatch, field):
    monkeypatch.setenv("SKILLGRAPH_LEVEL_MODEL", "0")
    post = f"Requirements:\n- SQL\n\n{field}\n\n- Kafka tooling\n"
    assert _levels(post, "Kafka", "SQL")["Kafka"] == "required"      # still under "Requirements"


def test_a_heading_is_not_a_field(monkeypatch):
    monkeypatch.setenv("SKILLGRAPH_LEVEL_MODEL", "0")
    # a recognised context heading with a value is still a heading
    post = "Requirements\n- SQL\n\nAbout us: fintech\nWe build Kafka tooling for banks.\n"
    assert _levels(post, "Kafka", "SQL")["Kafka"] == "context"
    # a field label with no value is a heading, and opens its section
    post = "Requirements:\n- SQL\n\nLocation\n\n- Kafka tooling\n"
    assert _levels(post, "Kafka", "SQL")["Kafka"] == "context"


def test_a_skill_inside_a_heading_line_takes_the_headings_level(monkeypatch):
    monkeypatch.setenv("SKILLGRAPH_LEVEL_MODEL", "0")
    post = "Job description\n\nRequirements:\nGood communication skills\nWorking experience w/Kafka\n" \
           "Working experience w/Rust\n\nAbout Kafka at Acme\nWe are a bank.\n"
    got = _levels(post, "Kafka", "Rust")
    assert got["Rust"] == "required"
    x = Extractor(Ontology.from_concepts([Concept(id="skill:kafka", iri="https://example.org/kafka",
                                                  label="Kafka")])).extract(Posting(id="p", source="p", text=post))
    assert [m.requirement for m in x.mentions] == ["required", "context"]   # "About Kafka at Acme": context


def test_a_job_title_lead_in_heads_its_list(monkeypatch):
    monkeypatch.setenv("SKILLGRAPH_LEVEL_MODEL", "0")
    post = "Acme | Remote\nWe build search.\n\nBackend Engineer:\n- Kafka or Rust, API design\n\nAbout us\n" \
           "We love Snowflake.\n"
    got = _levels(post, "Kafka", "Rust", "Snowflake")
    assert (got["Kafka"], got["Rust"], got["Snowflake"]) == ("required", "required", "context")
    # without the colon a title-like line is a title repeated, not a lead-in: what follows is not its list
    got = _levels(post.replace("Backend Engineer:", "Backend Engineer") + ASKED, "Kafka", "Rust", "SQL")
    assert got["Kafka"] == "context"


def test_the_spacy_engine_gives_the_same_levels():
    from skillgraph.extraction import extract_all

    post = "Job description\n\nRequirements:\nGood communication skills\nWorking experience w/Kafka\n" \
           "Working experience w/Rust\n\nAbout Kafka at Acme\nWe work mainly in Rust.\n\n" \
           "Our Platform Work\nWe work mainly in Go.\n"
    ont = Ontology.from_concepts([Concept(id="skill:" + n.lower(), iri=f"https://example.org/{n.lower()}", label=n)
                                  for n in ("Kafka", "Rust", "Go")])
    ps = [Posting(id="p", source="p", text=post)]

    def key(xs):
        return [(m.text, m.start, m.requirement) for x in xs for m in x.mentions]
    fast, slow = key(extract_all(ps, ont)), key(extract_all(ps, ont, engine="spacy"))
    assert fast == slow
    assert [lv for _, _, lv in fast] == ["required", "required", "context", "context", "required"]


def test_the_posting_rule_with_the_shipped_classifier():
    post = "Acme | Remote\nAcme builds payments infrastructure with Kafka and Rust for banks.\n"
    got = _levels(post, "Kafka", "Rust")
    assert got == {"Kafka": "responsibility", "Rust": "responsibility"}


def test_a_list_of_skills_does_not_switch_the_posting_rule_off(monkeypatch):
    monkeypatch.setenv("SKILLGRAPH_LEVEL_MODEL", "0")
    got = _levels("Acme builds payments with Kafka on AWS.\nPython, Go\n", "Kafka", "AWS", "Python", "Go")
    assert got == {"Kafka": "responsibility", "AWS": "responsibility", "Python": "required", "Go": "required"}


def test_a_duty_line_is_no_heading_even_with_a_heading_word():
    from skillgraph.extraction.segmentation import headings

    text = "Work with us\n\nSupport RMA analysis and reliability/qualification activities\n\nQualifications\n- SQL\n"
    assert [h[2] for h in headings(text)] == ["Work with us", "Qualifications"]


def test_a_duty_naming_several_skills_is_not_a_list():
    sentence = "Establish best practices for data collection, cleaning, correlation, and visualization"
    spans = [(sentence.index(w), sentence.index(w) + len(w))
             for w in ("data collection", "cleaning", "correlation", "visualization")]
    assert not stack_list(sentence, spans)
    listed = "Python, APIs, databases, some frontend."
    spans = [(listed.index(w), listed.index(w) + len(w)) for w in ("Python", "APIs", "databases", "frontend")]
    assert stack_list(listed, spans)


@pytest.mark.parametrize("title, level", [("Reporting Analyst", "required"), ("Data Engineer", "required"),
                                          ("Hiring Manager", "context"), ("Recruiter", "context")])
def test_a_job_title_over_a_list_but_not_a_contact(monkeypatch, title, level):
    monkeypatch.setenv("SKILLGRAPH_LEVEL_MODEL", "0")
    post = f"About us\nWe build payments.\n\n{title}:\n- Power BI and Tableau\n" + ASKED
    assert _levels(post, "Tableau", "SQL")["Tableau"] == level


def test_a_job_title_needs_a_list_under_it(monkeypatch):
    monkeypatch.setenv("SKILLGRAPH_LEVEL_MODEL", "0")
    post = "About us\nWe build payments.\n\nBackend Engineer:\nJane led our Kafka platform for years.\n" + ASKED
    assert _levels(post, "Kafka", "SQL")["Kafka"] == "context"


def test_a_labelled_list_of_companies_is_not_the_stack(monkeypatch):
    monkeypatch.setenv("SKILLGRAPH_LEVEL_MODEL", "0")
    for label in ("Customers", "Partners", "Backed by"):
        got = _levels(f"Acme builds payments.\n\n{label}: Snowflake, Databricks\n" + ASKED, "Snowflake",
                      "Databricks", "SQL")
        assert (got["Snowflake"], got["Databricks"]) == ("context", "context"), label
    got = _levels("Acme builds payments.\n\nStack: Snowflake, Databricks\n" + ASKED, "Snowflake", "Databricks", "SQL")
    assert got["Snowflake"] == "required"


def test_company_talk_stays_context_in_a_posting_that_asks_for_nothing(monkeypatch):
    monkeypatch.setenv("SKILLGRAPH_LEVEL_MODEL", "0")
    post = ("Acme builds payments infrastructure with Kafka for banks.\n"
            "We are a team of 25 with deep experience in Snowflake.\n")   # (not "at companies such as …": employers)
    assert _levels(post, "Kafka", "Snowflake") == {"Kafka": "responsibility", "Snowflake": "context"}


def test_a_title_case_heading_opening_with_a_title_word(monkeypatch):
    monkeypatch.setenv("SKILLGRAPH_LEVEL_MODEL", "0")
    got = _levels("We build payments.\n\nLead Data Engineer Requirements\n- Kafka\n- Rust\n", "Kafka", "Rust")
    assert got == {"Kafka": "required", "Rust": "required"}


@pytest.mark.parametrize("sentence", [
    "Our code is in production at banks that run Kafka.",
    "Data Engineer: we build payments with Kafka for banks across Europe and the US, for the largest lenders "
    "and their customers, and we are growing.",
])
def test_stack_cues_leave_these_alone(sentence):
    assert prose_level(sentence) == "context"
