"""discover/group.py: variants of one skill land in one group, distinct keys never merge, ranking by
postings then mentions, examples and nearest concepts deterministic, known labels left out."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from skillgraph.discover import EXAMPLES, Group, discover, group_key
from skillgraph.discover.group import FORM_WORDS, clause_items
from skillgraph.extraction.link import FRAME_WORDS, words
from skillgraph.extraction.spans import is_generic, slash_items
from skillgraph.ingest.metadata.degrees import names_a_degree
from skillgraph.model import Candidate, Concept, Extraction, Nearest, Posting
from skillgraph.ontology import Ontology


def _x(pid: str, *cands: tuple) -> Extraction:
    """An extraction of posting ``pid`` under a "Requirements:" heading, one line per candidate
    (text, sentence[, nearest]), offsets into that text."""
    text, out = "Requirements:\n", []
    for c in cands:
        cand, sent, near = (*c, ())[:3]
        start = len(text) + 2 + max(0, sent.find(cand))
        text += f"- {sent}\n"
        out.append(Candidate(cand, start, start + len(cand), sent, 0.3, tuple(near)))
    return Extraction(Posting(pid, pid, text), candidates=tuple(out))


# --- the grouping property ---------------------------------------------------------------------------

def _plain(w: str) -> bool:
    """A word the linker keeps as it is (not a function/frame/form word; no plural ending of its own)
    and no degree ("degree", "diploma": discover leaves those out)."""
    return (words(w) == (w,) and w not in FRAME_WORDS and w not in FORM_WORDS
            and not w.endswith(("s", "u", "i", "ie", "y")) and not names_a_degree(w))


WORD = st.text("abcdefghiklmnoprtvwxz", min_size=4, max_size=8).filter(_plain)
PHRASE = st.lists(WORD, min_size=1, max_size=3, unique=True)


@st.composite
def variant(draw, ws: list[str]) -> str:
    """A case / plural / hyphen / separator / form-word variant of the phrase ``ws``."""
    ws = list(ws)
    lone_common = len(ws) == 1 and is_generic(ws[0])   # "data pipelines" is no variant of "data"
    plural = draw(st.booleans())
    if plural:
        ws[-1] += "s"
    closed = not plural and len(ws) > 1 and draw(st.booleans())
    sep = "" if closed else draw(st.sampled_from([" ", "-", "_", "  ", " - ", "\u2013"]))   # "/" cuts: slash_items
    s = sep.join(ws)
    s = "".join(ch.upper() if draw(st.booleans()) else ch for ch in s)
    if not lone_common and draw(st.booleans()):
        s += " " + draw(st.sampled_from(["pipelines", "tools", "platform", "Framework", "stack"]))
    return draw(st.sampled_from(["", " ", "• ", "("])) + s + draw(st.sampled_from(["", ",", ";", " &", "."]))


@settings(max_examples=150, deadline=None)
@given(st.data(), PHRASE)
def test_variants_of_one_string_land_in_one_group(data, ws):
    vs = data.draw(st.lists(variant(ws), min_size=2, max_size=5))
    assert len({group_key(v) for v in vs}) == 1, vs
    xs = [_x(f"p{i}", (v, f"We use {v} daily.")) for i, v in enumerate(vs)]
    [g] = discover(xs)
    assert (g.postings, g.mentions) == (len(vs), len(vs))
    assert group_key(g.label) == g.key


@settings(max_examples=150, deadline=None)
@given(st.lists(PHRASE, min_size=2, max_size=6))
def test_distinct_keys_never_merge(phrases):
    texts = [" ".join(ws) for ws in phrases]
    groups = discover([_x(f"p{i}", (t, t)) for i, t in enumerate(texts)])
    assert len(groups) == len({group_key(t) for t in texts})
    assert len({g.key for g in groups}) == len(groups)
    assert len({g.id for g in groups}) == len(groups)
    for g in groups:
        assert all(group_key(v) == g.key for v, _ in g.variants)


# --- examples ----------------------------------------------------------------------------------------

def test_azure_devops_and_its_pipelines_are_one_group_ranked_by_postings_then_mentions():
    xs = [_x("a", ("Azure DevOps", "Ship with Azure DevOps."), ("Kafka Streams", "Kafka Streams jobs.")),
          _x("b", ("Azure Devops pipelines", "Own the Azure Devops pipelines."),
             ("Kafka Streams", "Kafka Streams apps."), ("kafka streams", "More kafka streams.")),
          _x("c", ("azure-devops", "We run azure-devops."))]
    groups = discover(xs)
    assert [(g.label, g.postings, g.mentions) for g in groups] == [
        ("Azure DevOps", 3, 3), ("Kafka Streams", 2, 3)]
    g = groups[0]
    assert g.id == "skill:azure-devops"
    assert {t for t, _ in g.variants} == {"Azure DevOps", "Azure Devops pipelines", "azure-devops"}
    assert g.examples == (("a", "Ship with Azure DevOps."), ("b", "Own the Azure Devops pipelines."),
                          ("c", "We run azure-devops."))


def test_examples_are_the_first_distinct_sentences_in_input_order():
    xs = [_x(f"p{i}", ("Pulumi", "We use Pulumi." if i < 3 else f"Pulumi, {i}.")) for i in range(8)]
    [g] = discover(xs)
    assert len(g.examples) == EXAMPLES
    assert g.examples == (("p0", "We use Pulumi."), ("p3", "Pulumi, 3."), ("p4", "Pulumi, 4."))


def test_nearest_keeps_each_concepts_best_score_across_variants():
    a = (Nearest("skill:ci-cd", "CI/CD", 0.4), Nearest("skill:azure", "Azure", 0.55))
    b = (Nearest("skill:ci-cd", "CI/CD", 0.62),)
    [g] = discover([_x("a", ("Azure DevOps", "s", a)), _x("b", ("Azure DevOps pipelines", "t", b))])
    assert [(n.concept, n.score) for n in g.nearest] == [("skill:ci-cd", 0.62), ("skill:azure", 0.55)]


def test_min_postings_and_top():
    xs = [_x("a", ("Pulumi", "s"), ("Tekton", "s")), _x("b", ("Pulumi", "t")), _x("c", ("Argo CD", "u"))]
    assert [g.label for g in discover(xs, min_postings=2)] == ["Pulumi"]
    assert [g.label for g in discover(xs, top=2)] == ["Pulumi", "Argo CD"]


def test_a_variant_that_is_a_concept_label_is_claimed_and_ids_avoid_the_ontology():
    ont = Ontology.from_concepts([Concept("skill:pulumi", "x", "Pulumi"),
                                  Concept("skill:tekton", "y", "Tekton CI")])
    xs = [_x("a", ("pulumi", "s"), ("Tekton", "s")), _x("b", ("Tekton", "t"), ("", "t"), ("hands-on", "t"))]
    [g] = discover(xs, ont)
    assert (g.label, g.id) == ("Tekton", "skill:tekton-2")
    assert isinstance(g, Group) and g.as_dict()["variants"] == [{"text": "Tekton", "mentions": 2}]


def test_candidates_under_a_context_heading_are_left_out():
    text = "About us:\nWe love Pulumi stacks.\n\nRequirements:\n- Tekton and Pulumi.\n"
    cands = [Candidate(t, i, i + len(t), "s", 0.3) for t in ("Pulumi", "Tekton")
             for i in [text.find(t), text.rfind(t)]]
    groups = discover([Extraction(Posting("p", "p", text), candidates=tuple(cands))])
    assert [(g.label, g.mentions) for g in groups] == [("Tekton", 2), ("Pulumi", 1)]   # one Pulumi is in "About us"


def test_candidates_in_boilerplate_paragraphs_are_left_out():
    pitch = "You must apply for the EUSS scheme before the deadline and bring every document the office asks for."
    xs = []
    for i, company in enumerate(["Acme", "Globex", "Initech"]):
        text = f"Requirements:\n- Pulumi {i}.\n{pitch}\n"
        at, pu = text.index("EUSS"), text.index("Pulumi")
        cands = (Candidate("Pulumi", pu, pu + 6, "s", 0.3), Candidate("EUSS scheme", at, at + 11, pitch, 0.3))
        xs.append(Extraction(Posting(f"p{i}", "x", text, company=company), candidates=cands))
    assert [g.label for g in discover(xs)] == ["Pulumi"]
    assert [g.label for g in discover(xs[:2])] == ["EUSS scheme", "Pulumi"]    # two postings: not boilerplate


def test_the_postings_own_facts_are_no_unknown_skills():
    """The company (or a phrase holding its name), a location, the whole title and a degree are the
    posting's facts, not skills; the same words at another company are still candidates."""
    text = ("Data Engineer at Mindrift\nCentral London\nRequirements:\n- Pulumi and the Mindrift Mindset.\n"
            "- A Bachelor's degree or an MSc.\n- Data Engineer experience.\n")
    spans = ["Data Engineer", "Central London", "Pulumi", "Mindrift Mindset", "Bachelor's degree", "MSc"]
    cands = tuple(Candidate(t, text.index(t), text.index(t) + len(t), "s", 0.3) for t in spans)
    own = Posting("p", "p", text, title="Data Engineer", company="Mindrift Ltd", locations=("Central London",))
    assert [g.label for g in discover([Extraction(own, candidates=cands)])] == ["Pulumi"]
    # a degree field of the posting ("a BSc in Computer Science") is its fact; in another posting a skill
    field = "- A BSc in Computer Science.\n"
    at = len(text) + field.index("Computer Science")
    cs = (*cands, Candidate("Computer Science", at, at + 16, "s", 0.3))
    asked = Posting("p", "p", text + field, title="Data Engineer", company="Mindrift Ltd",
                    locations=("Central London",), degree_fields=("Computer Science",))
    assert [g.label for g in discover([Extraction(asked, candidates=cs)])] == ["Pulumi"]
    plain = Posting("p", "p", text + field, title="Data Engineer", company="Mindrift Ltd",
                    locations=("Central London",))
    assert sorted(g.label for g in discover([Extraction(plain, candidates=cs)])) == ["Computer Science", "Pulumi"]
    other = Posting("q", "q", text, title="Analyst", company="Acme", locations=("Leeds",))
    assert sorted(g.label for g in discover([Extraction(other, candidates=cands)])) == [
        "Central London", "Data Engineer", "Mindrift Mindset", "Pulumi"]


@given(st.sampled_from(["Bachelor's degree", "Bachelor’s degree", "BSc", "MSc", "PhD", "Ph.D.", "a Master's",
                        "Masters degree in Business", "university degree", "diploma", "BS/MS"]))
def test_degrees_are_named(phrase):
    assert names_a_degree(phrase)


@given(st.sampled_from(["Pulumi", "master data management", "MLOps", "mastery of Python", "BigQuery",
                        "bash scripting"]))
def test_skills_are_no_degrees(phrase):
    assert not names_a_degree(phrase)


def test_a_form_word_stays_after_one_common_word():
    """'develop pipelines' and 'develop expertise' were one group (and one draft concept, so feeding the
    draft back linked one to the other); 'data pipelines' was 'data'."""
    assert group_key("develop pipelines") != group_key("develop expertise")
    assert group_key("data pipelines") == group_key("data pipeline") != group_key("data")
    assert group_key("Azure DevOps pipelines") == group_key("Azure DevOps")
    assert group_key("dbt pipelines") == group_key("dbt")


@pytest.mark.parametrize("text, items", [
    ("EDI X12/FHIR/HL7", ["EDI X12", "FHIR", "HL7"]),
    ("Python/Django", ["Python", "Django"]),
    ("CI/CD", ["CI/CD"]), ("TCP/IP", ["TCP/IP"]), ("C/C++", ["C/C++"]),
    ("PyTorch/Lightning", ["PyTorch/Lightning"]), ("input/output", ["input/output"]),
    ("2023/2024", ["2023/2024"]), ("ISO/IEC 27001", ["ISO", "IEC 27001"]),
])
def test_a_candidate_is_cut_at_a_slash_between_two_names(text, items):
    assert [text[s:e] for s, e in slash_items(text)] == items
    if len(items) == 1:               # not cut: its slash is a separator like any, for the group key
        assert group_key(text) == group_key(text.replace("/", " "))


@given(st.lists(st.sampled_from(["FHIR", "HL7", "EDI X12", "CD", "C++", "output", "Kafka", "a b"]), min_size=1,
                max_size=5))
def test_slash_items_cut_only_at_slashes_and_cover_the_text(parts):
    text = "/".join(parts)
    cuts = slash_items(text)
    assert cuts[0][0] == 0 and cuts[-1][1] == len(text)
    assert all(text[e] == "/" and e + 1 == s for (_, e), (s, _) in zip(cuts, cuts[1:], strict=False))


def test_each_item_of_a_slashed_candidate_is_a_group_of_its_own_with_the_linkers_nearest():
    ont = Ontology.from_concepts([Concept("skill:python", "x", "Python"), Concept("skill:fhir-api", "y", "FHIR API")])
    sent = "Python/EDI X12/FHIR ingestion"
    text = f"Requirements:\n- {sent}\n"
    cand = "Python/EDI X12/FHIR"
    at = text.index(cand)
    x = Extraction(Posting("p", "p", text), candidates=(Candidate(cand, at, at + len(cand), sent, 0.2),))
    groups = discover([x], ont)
    assert sorted(g.label for g in groups) == ["EDI X12", "FHIR"]            # Python is a concept's label
    fhir = next(g for g in groups if g.label == "FHIR")
    assert fhir.nearest[0].concept == "skill:fhir-api" and fhir.examples == (("p", sent),)


@pytest.mark.parametrize("text, items", [
    ("Lead the C-to-Rust transition and AI orchestration", ["C-to-Rust transition", "AI orchestration"]),
    ("building and deploying machine learning and AI solutions", ["machine learning", "AI solutions"]),
    ("Design and maintain Power BI dashboards and semantic models", ["Power BI dashboards", "semantic models"]),
    # one thing named keeps its verb; a shared head, a coordination inside a phrase, a piece that
    # opens with a preposition or is one common word: no cut
    ("Identify bottlenecks in the end-to-end delivery system", None),
    ("support operational and strategic decision-making", None),
    ("Ensure reliable extraction from dynamic and interactive web sources", None),
    ("Own proactively incident response and postmortems", None),
    ("Develop and maintain data and model pipelines", None),
    ("Azure DevOps pipelines and Kafka", None),            # no duty verb
])
def test_a_duty_naming_several_things_is_cut_into_them(text, items):
    assert [text[a:b] for a, b in clause_items(text)] == (items or [text])


def test_each_thing_a_duty_names_is_a_group_of_its_own():
    sent = "Lead the C-to-Rust transition and AI orchestration."
    x = _x("p", ("Lead the C-to-Rust transition and AI orchestration", sent))
    assert sorted(g.label for g in discover([x])) == ["AI orchestration", "C-to-Rust transition"]
