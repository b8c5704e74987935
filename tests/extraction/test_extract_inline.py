"""Headings inside one line (flattened job-board pages): glued boundaries, inline headings, and the
levels they give the sentences after them."""
from __future__ import annotations

import re
from itertools import takewhile

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from skillgraph.extraction import Extractor
from skillgraph.extraction.inline import (
    _HEAD_WORDS,
    _OPENERS,
    glued_boundaries,
    glued_words,
    inline_headings,
    tail_heading,
)
from skillgraph.extraction.levels import heading_level, sentence_level
from skillgraph.extraction.segmentation import line_pieces, split_sentences
from skillgraph.model import Posting
from skillgraph.ontology import Ontology


@pytest.mark.parametrize("text, cuts", [
    ("Strong SQL skillsAbility to explain", ["Ability"]),            # lower-case word glued to the next
    ("over 13 months ResponsibilitiesBuilding pipelines", ["Building"]),   # a heading word glued on
    ("About the RoleWe build search", ["We"]),                      # a sentence opener glued on
    ("London teamEmail us", ["Email"]),
    ("4+ years in BI roles.Proven AWS delivery", ["Proven"]),        # a full stop with no space after it
    ("over 13 months.ResponsibilitiesBuilding pipelines", ["Responsibilities", "Building"]),
])
def test_glued_boundaries_are_found(text, cuts):
    assert [text[i:i + len(c)] for i, c in zip(glued_boundaries(text), cuts, strict=True)] == cuts


@pytest.mark.parametrize("name", ["ClickHouse", "LangChain", "DevOps", "LinkedIn", "JavaScript", "PyTorch",
                                  "OpenTelemetry", "GitHub", "iPhone", "SageMaker", "TensorFlow", "YouTube",
                                  "Node.js", "ASP.NET", "e.g. Python", "U.S. Army", "StackOverflow", "PayPal",
                                  "TeamCity", "CultureAmp", "YubiKey", "CronJob", "useEffect", "getServerSideProps",
                                  "e.g.Spark", "ReAct", "OneDrive", "SharePoint", "ServiceNow", "MuleSoft",
                                  "CloudFormation", "PowerShell", "AlphaFold", "CodeBuild", "iManage",
                                  "ePartner", "ZürichTech", "LoRA", "QLoRA"])
def test_product_names_are_not_glued(name):
    assert glued_boundaries(f"We use {name} and {name}s daily") == []


@pytest.mark.parametrize("text, cuts", [
    ("Experience with PythonStrong SQL skills", ["Strong"]),      # a name before an item's opener
    ("What we look forExperience with Kafka", ["Experience"]),     # a short word before one
    ("data pipelinesDesirableExperience with dbt", ["Desirable", "Experience"]),
    ("version control such as gitExperience on AWS", ["Experience"]),
    ("Stakeholder Engagement & MentorshipPartner with analysts", ["Partner"]),   # a heading, then a duty
    ("Operational PerformanceTroubleshoot and resolve data issues", ["Troubleshoot"]),
    ("Flexible working optionsA culture of trust", ["A"]),       # the article opening the next item
    ("Part of the teamI am told", ["I"]),
    ("optionsA.data and optionsA-data and optionsA2data", []),   # a space and a small letter must follow
])
def test_glued_items_are_found(text, cuts):
    assert [text[i:i + len(c)] for i, c in zip(glued_words(text), cuts, strict=True)] == cuts


def _rule(text):
    """glued_words' rule, read at every small letter before a capitalised word (as the docstring says)."""
    out = []
    for m in re.finditer(r"(?<=[a-z])(?=[A-Z][a-z])", text):
        b = m.start()
        run = re.search(r"[^\W\d_]{0,40}$", text[max(0, b - 40):b]).group()
        right = text[b] + "".join(takewhile(str.islower, text[b + 1:b + 40]))
        caps = [n for n, c in enumerate(run) if c.isupper()]
        if ((not caps and len(run) >= 4) or (right in _OPENERS and (caps or len(run) >= 3))
                or (caps and run[caps[-1]:] in _HEAD_WORDS)):
            out.append(b)
    for m in re.finditer(r"(?<=[a-z])(?=[AI] [a-z])", text):      # "optionsA culture", "teamI am"
        run = re.search(r"[^\W\d_]{0,40}$", text[max(0, m.start() - 40):m.start()]).group()
        if len(run) >= 4 and run.isascii() and run.islower():
            out.append(m.start())
    return sorted(out)


_PARTS = st.sampled_from(["data", "pipelines", "Python", "Py", "Torch", "Strong", "Experience", "We", "git",
                          "for", "Desirable", "use", "Effect", "SQL", "é", "Café", "Zürich", " ", " ", "\n",
                          ".", "-", "2", "i", "Manage", "A", "I", " a", "options"])


@settings(max_examples=400, deadline=None)
@given(st.lists(_PARTS, max_size=20))
def test_glued_words_follow_the_rule(parts):
    """The byte scan finds exactly the boundaries the rule states (a regex over every position cost the
    exact pass a third), each between a small letter and a capitalised word."""
    text = "".join(parts)
    got = glued_words(text)
    assert got == _rule(text)
    assert all(text[i - 1].islower() and text[i].isupper() and (text[i + 1].islower() or text[i] in "AI")
               for i in got)


def _levels(text, *names):
    ont = Ontology.from_concepts([_concept(n) for n in names])
    x = Extractor(ont).extract(Posting(id="p", source="p", text=text))
    return {m.text: m.requirement for m in x.mentions}


def _concept(name):
    from skillgraph.model import Concept

    return Concept(id="skill:" + name.lower(), iri=f"https://example.org/{name.lower()}", label=name)


def test_a_flattened_page_keeps_its_sections():
    page = ("Senior Solution Architect Salary: £80,000 per year Requirements: TOGAF certificationStrong "
            "Terraform experience Responsibilities: Design secure Kafka pipelinesDesirableExperience with "
            "Snowflake BenefitsWe offer Excel training")
    got = _levels(page, "TOGAF", "Terraform", "Kafka", "Snowflake", "Excel")
    assert got == {"TOGAF": "required", "Terraform": "required", "Kafka": "responsibility",
                   "Snowflake": "preferred", "Excel": "context"}
    # one line of prose without those marks: all of it at the line's own level
    # (the posting asks for Python elsewhere, else the posting-level rule would read the prose as the work)
    prose = "Acme builds TOGAF and Kafka tools for banks\nRequirements:\n- Python"
    got = _levels(prose, "TOGAF", "Kafka", "Python")
    assert (got["TOGAF"], got["Kafka"]) == ("context", "context")


def test_a_context_field_ends_the_inline_heading_before_it():
    line = "Requirements: TOGAF and Kafka. Location: Remote. Acme sells Kafka hosting."
    heads = inline_headings(line)
    assert [(h.section, h.level) for h in heads] == [("Requirements", "required"), ("Location", None)]
    pieces = line_pieces(line)
    assert [ih.level if ih else None for _, _, ih in pieces] == ["required", None, None]


def test_a_glued_context_heading_is_a_field_too():
    line = "Requirements: SQL and Kafka pipelinesBenefitsWe offer Python training"
    assert [(h.section, h.level) for h in inline_headings(line)] == [
        ("Requirements", "required"), ("Benefits", None)]


def test_shortest_heading_words_before_a_colon_and_the_cut_before_its_title_words():
    line = "Salary: £75k 10% Bonus Key Skills: Azure"
    heads = inline_headings(line)
    assert [(h.section, h.level) for h in heads] == [("Salary", None), ("Skills", "required")]
    assert line[heads[1].start:].startswith("Key Skills")      # "Bonus" would make it preferred
    line = "quality.Required Skills & Qualifications:Strong AWS Terraform experience Responsibilities: Design"
    assert [line[h.start:].split(":")[0] for h in inline_headings(line)] == [
        "Required Skills & Qualifications", "Responsibilities"]


def test_pay_bonus_is_not_a_preferred_heading():
    assert heading_level("Salary & Bonus") == "context"
    assert heading_level("Benefits/Bonus") == "context"
    assert heading_level("Bonus points") == "preferred"


@pytest.mark.parametrize("sentence", ["Stack: Go, Rust, GraphQL", "Our stack is Bun / Hono / Next",
                                      "Technologies: Claude Code, SQL", "If you\u2019re skilled at SQL",
                                      "We're hiring ML and platform engineers"])
def test_stack_lines_skill_claims_and_hiring_are_required(sentence):
    assert sentence_level("context", sentence) == "required"


def test_you_will_work_on_heading_is_responsibility():
    assert heading_level("You\u2019ll work on") == "responsibility"
    assert heading_level("What you\u2019ll bring") == "required"


LINE = st.lists(st.sampled_from(list("abcXYZ :.;,-!?\u00e9") + ["Requirements: ", "Role", "We ", "sql"]),
                max_size=60).map("".join)


@given(LINE)
def test_pieces_cut_sentences_and_lose_no_text(line):
    pieces = line_pieces(line)
    sents = list(split_sentences(line))
    assert [a for a, _, _ in pieces] == sorted(a for a, _, _ in pieces)
    assert all(b <= c for (_, b, _), (c, _, _) in zip(pieces, pieces[1:], strict=False))
    covered = {i for a, b, _ in pieces for i in range(a, b)}
    for a, b in sents:   # every non-blank character of a sentence is in a piece, and pieces stay inside them
        assert {i for i in range(a, b) if not line[i].isspace()} <= covered
    assert covered <= {i for a, b in sents for i in range(a, b)}


@given(st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=200))
def test_without_glue_or_colons_pieces_are_the_sentences(line):
    assume(":" not in line and not any(a.islower() and b.isupper() for a, b in zip(line, line[1:], strict=False)))
    assert line_pieces(line) == [(a, b, None) for a, b in split_sentences(line)]


def test_a_lead_in_ending_in_an_ellipsis_is_a_heading(monkeypatch):
    monkeypatch.setenv("SKILLGRAPH_LEVEL_MODEL", "0")          # the rules alone
    text = "ML Engineer\n\nWe're Excited About You Because You Have\u2026\n- Python and Kafka at scale\n"
    assert _levels(text, "Python", "Kafka") == {"Python": "required", "Kafka": "required"}
    plain = text.replace("\u2026", "") + "\nRequirements:\n- SQL\n"   # asks for something: no posting-level rule
    assert _levels(plain, "Python", "Kafka", "SQL") == {"Python": "context", "Kafka": "context", "SQL": "required"}


def test_a_settled_line_heading_wins_over_an_inline_one(monkeypatch):
    monkeypatch.setenv("SKILLGRAPH_LEVEL_MODEL", "0")
    assert _levels("Nice to have\n- Experience: Kafka and Rust\n", "Kafka", "Rust") == {
        "Kafka": "preferred", "Rust": "preferred"}
    # under a context heading (a flattened page under "About the job") the inline one counts
    assert _levels("About the job\nAcme builds tools. Requirements: Kafka and Rust\n", "Kafka", "Rust") == {
        "Kafka": "required", "Rust": "required"}


def test_an_ellipsis_line_in_prose_is_no_heading(monkeypatch):
    monkeypatch.setenv("SKILLGRAPH_LEVEL_MODEL", "0")
    text = "Requirements\n- Python\n\nKafka experience is a plus\u2026\n\nWe also use Go.\n"
    got = _levels(text, "Python", "Kafka", "Go")
    assert got["Python"] == "required" and got["Go"] != "preferred"


def test_long_letter_runs_stay_linear():
    line = "aBc" * 20000
    assert len(glued_boundaries(line)) < len(line)      # returns (the old search looked back over the run)


def test_an_amount_after_a_heading_word_is_a_field():
    got = inline_headings("Salary: £90k Bonus: 10% Location: Remote We use Kafka")
    assert [(h.section, h.level) for h in got] == [("Salary", None), ("Bonus", None), ("Location", None)]
    got = inline_headings("Requirements: Kafka Bonus: Rust experience")     # a heading over a skill stays one
    assert [(h.section, h.level) for h in got] == [("Requirements", "required"), ("Bonus", "preferred")]


def test_an_inline_bullet_after_a_heading_opens_its_section():
    """A flattened NHS-style page: "…opportunitiesPerson Specification * You will have built …": the
    heading glued before the first bullet heads the list after it (it was all "About us", context)."""
    page = ("About usThe Data team sits at the heart of Acme, building Kafka tools. We offer learning and "
            "development opportunitiesPerson Specification * You will have built Terraform modules.")
    got = _levels(page, "Kafka", "Terraform")
    assert got == {"Kafka": "context", "Terraform": "required"}     # not the duty "you will" reads alone
    assert [(h.section, h.level) for h in inline_headings("Python * SQL * Spark")] == []   # names, no heading


@pytest.mark.parametrize("line, section, level, starts", [
    ("meet the needs of stakeholders.AccountabilitiesDevelopment of the data strategy", "Accountabilities",
     "responsibility", "Development"),                                         # a section noun glued on
    ("engineering excellence.Key Skills & Experience:• Strong Python", "Experience", "required", "Key Skills"),
    ("**Education, Experience and Skills:** + Minimum of HND", "Skills", "required", "Experience and"),
    ("close collaboration with stakeholdersWhat they're looking for:• Strong Python", "What they're looking for",
     "required", "What they're"),                                              # a colon heading glued on
])
def test_a_flattened_page_keeps_headings_glued_or_before_a_bullet(line, section, level, starts):
    heads = inline_headings(line)
    assert [(h.section, h.level) for h in heads] == [(section, level)]
    assert line[heads[0].start:].startswith(starts)


@pytest.mark.parametrize("line, section, level", [
    ("Power BI tools, and enable AI-ready reporting.Key Responsibilities", "Key Responsibilities", "responsibility"),
    ("people who enjoy a dynamic and international environment.How you\u2019ll make an impact",
     "How you\u2019ll make an impact", "responsibility"),
    ("Nice to meet you.Desirable:", "Desirable", "preferred"),
    ("Our mission statement.Key Responsibilities**", "Key Responsibilities", "responsibility"),   # markup cut
    ("Our mission statement!Nice to have -", "Nice to have", "preferred"),
    ("We are based in Paris.Role overview", "Role overview", "responsibility"),
])
def test_a_heading_glued_to_a_lines_end_is_found_with_its_offset(line, section, level):
    got = tail_heading(line)
    assert got is not None and got[1:] == (section, level) and line[got[0]:got[0] + len(section)] == section


@pytest.mark.parametrize("line", [
    "We build data platforms for Key Responsibilities",           # no glue: an ordinary end of a sentence
    "Great benefits and a friendly office.About Us",             # a context heading opens no work section
    "You will own it.Strong Python skills across Pandas",         # an ask glued on, not a heading
    "We want people who can train others.Desire to train on CMM",   # "Desire" is no "Desirable"
    "Requirements: Strong Python skills.Docker is a plus",        # a sentence, not a heading
    "Requirements: 5 years of Python.The role is hybrid",
    "Great pay and a friendly team.Responsibilities include on-call. Apply now",
    "We offer a good salary and more.Bonus: 10%",
    "Short line",
    "",
])
def test_a_line_end_that_is_no_glued_heading_gives_none(line):
    assert tail_heading(line) is None


def test_the_lines_under_a_glued_tail_heading_take_its_level():
    from skillgraph.extraction import SentenceIndex

    text = ("We are a data company in London with a friendly team and a long history of service.Key Responsibilities"
            "\n\nDesign Power BI datasets\n")
    sg = SentenceIndex(text).at(text.index("Power BI"))
    assert sg.section == "Key Responsibilities" and sg.level == "responsibility"


def test_the_lines_path_of_segment_opens_a_glued_tail_headings_section_too():
    from skillgraph.extraction import SentenceIndex, segment

    text = ("Full time\nApply for this job\nWe are a company in a dynamic and international environment.How you'll "
            "make an impact\nBuild data pipelines in Python\nDesign SQL models\n")
    via_index = SentenceIndex(text).at(text.index("Python"))
    via_lines = next(sg for sg in segment(text) if sg.start <= text.index("Python") < sg.end)
    assert via_index.level == via_lines.level == "responsibility"
    assert via_index.section == via_lines.section == "How you'll make an impact"


def test_a_list_item_ending_in_a_glued_sentence_keeps_the_lists_level(monkeypatch):
    monkeypatch.setenv("SKILLGRAPH_LEVEL_MODEL", "0")
    from skillgraph.extraction import SentenceIndex

    for glued in ("Docker is a plus", "The role is hybrid", "Kafka experience is desirable"):
        text = f"Requirements\n- Strong Python skills.{glued}\n- SQL daily\n- AWS\n"
        assert SentenceIndex(text).at(text.index("SQL")).level == "required", glued
