"""Requirement levels from headings and sentences, and the cue hints that keep them cheap."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from skillgraph.extraction import HEADING_CUES, SENTENCE_CUES, Extractor, heading_level, sentence_level, split_sentences
from skillgraph.extraction.levels import preferred_parts
from skillgraph.model import Posting


def test_headings_map_to_levels():
    assert heading_level("What we’re looking for:") == "required"
    assert heading_level("Nice to have") == "preferred"
    assert heading_level("Preferred Qualifications") == "preferred"
    assert heading_level("What you'll do") == "responsibility"
    assert heading_level("About Pinterest") == "context"
    assert heading_level("In-Office Requirement Statement") == "context"
    assert heading_level("Other signals") is None
    assert heading_level("Basic Qualifications") == "required"
    assert heading_level("Minimum qualifications:") == "required"
    assert heading_level("You might be a good fit if") == "required"
    assert heading_level("Bonus points") == "preferred"
    assert heading_level("What would make you stand out") == "preferred"
    assert heading_level("Responsibilities") == "responsibility"
    assert heading_level("Benefits & Perks") == "context"


def test_sentence_cues():
    assert sentence_level("responsibility", "We’re looking for hands-on experience with diffusion") == "required"
    assert sentence_level("required", "Experience with Kafka is a plus") == "preferred"
    assert sentence_level("context", "You will join the core visual pod") == "responsibility"
    assert sentence_level("preferred", "Experience using Cursor") == "preferred"


@pytest.mark.parametrize("sentence, level", [
    ("Ideally, you have worked with Terraform", "preferred"),       # the whole sentence is hedged
    ("- Preferably experience in a SaaS startup", "preferred"),
    ("You'll ideally have experience across Microsoft Fabric", "preferred"),
    ("Candidates should ideally know Airflow", "preferred"),
    ("Experience with CI/CD tools, ideally GitLab", "required"),     # an aside narrows what is asked (seed gold)
    ("Strong SQL, preferably in BigQuery", "required"),
])
def test_a_sentence_that_opens_ideally_is_a_plus_an_aside_is_not(sentence, level):
    assert sentence_level("required", sentence) == level


def test_thrive_heading_is_required():
    assert heading_level("You might thrive in this role if you:") == "required"


def _cue_cases():
    return [(group, name, i) for group in (HEADING_CUES, SENTENCE_CUES) for name in group.cues
            for i in range(len(group.alternatives[name]))]


@pytest.mark.parametrize("group,name,i", _cue_cases())
@settings(max_examples=60, deadline=None)
@given(data=st.data())
def test_every_cue_match_holds_one_of_its_hints(group, name, i, data):
    # the hints decide whether a level regex is searched at all: a match without one would be lost
    rx = group.alternatives[name][i][0]
    text = data.draw(st.from_regex(rx, fullmatch=False))
    if rx.search(text):
        got = group.present(text).get(name)
        assert got is True or i in got, (name, i, text)


def _cue_words():
    words = {"", "x", "the", "you", "Our", "team", "s", "-", "'", "_", "\u2019", "é", "5"}
    for group in (HEADING_CUES, SENTENCE_CUES):
        for _, hints in group.cues.values():
            words.update(h.replace("\\b", "") for h in hints)
    return sorted(words)


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_cue_words()), max_size=8), st.sampled_from(["", " ", "s", "ing", "_x", ":"]))
def test_cue_answers_are_the_whole_regexes(words, glue):
    # plain phrases answer without a regex, hinted alternatives are searched alone: same answer
    text = glue.join(words)
    for group in (HEADING_CUES, SENTENCE_CUES):
        present = group.present(text)
        for name, (rx, _) in group.cues.items():
            assert group.search(name, text, present) == (rx.search(text) is not None), (name, text)


def test_cue_hints_lose_nothing_on_real_postings(root):
    texts = [p.read_text(encoding="utf-8") for p in sorted((root / "seeds").iterdir())]
    lines = [ln for t in texts for ln in t.split("\n") if ln.strip()]
    sents = [ln[a:b] for ln in lines for a, b in split_sentences(ln)]
    heads = [" " + " ".join(ln.lower().replace("\u2019", "'").replace(":", " ").split()) + " " for ln in lines]
    matched = 0
    for group, items in ((SENTENCE_CUES, sents), (HEADING_CUES, heads)):
        for text in items:
            present = group.present(text)
            for name, (rx, _) in group.cues.items():
                if rx.search(text):
                    matched += 1
                    assert name in present, (name, text)
    assert matched > 50


@pytest.mark.parametrize("line, levels", [
    ("Familiarity with Spark and Hadoop; experience with PyTorch is a plus.",     # the plus is PyTorch's
     {"Spark": "required", "Hadoop": "required", "PyTorch": "preferred"}),
    ("Nice to have: Spark; Hadoop.", {"Spark": "preferred", "Hadoop": "preferred"}),   # a leading cue spreads
    ("Spark (Hadoop; PyTorch is a bonus) for pipelines.",                 # the bracket is one piece, not a clause
     {"Spark": "required", "Hadoop": "preferred", "PyTorch": "preferred"}),
    ("Spark; Hadoop.", {"Spark": "required", "Hadoop": "required"}),
    ("Proficiency in Spark (PyTorch is a plus), Hadoop and more.",                # a plus in brackets
     {"Spark": "required", "PyTorch": "preferred", "Hadoop": "required"}),
    ("Experience with Spark (Hadoop) is a plus.", {"Spark": "preferred", "Hadoop": "preferred"}),
    ("Spark; PyTorch is a plus; 5+ years of Hadoop", {"Spark": "required", "PyTorch": "preferred",   # each clause
                                                      "Hadoop": "required"}),
])
def test_a_plus_said_in_a_later_clause_or_a_bracket_leaves_the_rest_alone(ont, line, levels):
    text = f"Data Engineer\n\nRequirements\n- {line}\n"
    x = Extractor(ont).extract(Posting(id="p", source="p", text=text))
    assert {m.text: m.requirement for m in x.mentions} == levels
    for m in x.mentions:
        assert m.sentence == text[m.sentence_start:m.sentence_end] and m.text in m.sentence


@given(st.lists(st.sampled_from(["Spark", "is a plus", ";", "; ", " (", ")", "Hadoop", " and ", ", "]), max_size=12))
def test_a_preferred_sentence_splits_into_ordered_pieces_one_of_them_the_plus(parts):
    sentence = "".join(parts)
    level_of = lambda c: "preferred" if "plus" in c else "required"   # noqa: E731
    got = preferred_parts(sentence, level_of)
    if got is not None:
        assert any(plus for _, _, plus in got)
        assert all(b <= c for (_, b, _), (c, _, _) in zip(got, got[1:], strict=False))   # in order, apart
        covered = set()
        for x, y, plus in got:
            assert 0 <= x < y <= len(sentence) and ("plus" in sentence[x:y]) == plus
            covered.update(range(x, y))
        # no word is lost between the pieces: only blanks and separators are left out
        assert all(c in " \t,;:" for i, c in enumerate(sentence) if i not in covered)


@pytest.mark.parametrize("heading, level", [
    ("Bonus points if you have", "preferred"),          # a plus before "if you" (about you)
    ("You'll stand out if you have:", "preferred"),
    ("Domain & Market Experience (Preferred)", "preferred"),
    ("We're hiring for 3 roles Remote (UK/EU preferred)", "required"),   # the location is preferred, not the heading
    ("About you", "required"),
    ("Advantageous Skills", "preferred"),
    ("Would be an advantage", "preferred"),
    ("Other Highly Valued Skills Include", "preferred"),         # the Barclays formula
    ("Our competitive advantage", None),                       # the company's, no plus
    ("Desire to train on CMM", None),                          # a desire, not "Desirable"
])
def test_a_plus_in_a_heading_wins_over_about_you(heading, level):
    assert heading_level(heading) == level


@pytest.mark.parametrize("sentence, level", [
    ("Experience with cross-platform mobile app development is highly desirable.", "preferred"),
    ("Experience with GPU interconnects (NvLink) preferable.", "preferred"),
    ("Experience with Cassandra would also be valuable", "preferred"),
    ("You must have strong Python skills and experience with Docker is a plus.", "required"),   # a must stays
    ("The Terraform modules you write will be useful to every team.", "context"),   # no experience is said
    # a flattened page's run of items: a plus names one item, the ask stays
    ("Experience with Python " + "and with SQL " * 20 + "; Preferred: Rust", "required"),
])
def test_a_plus_wins_over_an_ask_in_prose_of_one_item(sentence, level):
    from skillgraph.extraction.levels import prose_level

    assert prose_level(sentence) == level


@pytest.mark.parametrize("sentence, level", [
    ("We are looking for a Data Engineer who will be a key member of the team, responsible for designing "
     "data pipelines.", "responsibility"),
    ("We are seeking an experienced Site Reliability Engineer (SRE) in Glasgow to scale the platform on AWS.",
     "responsibility"),
    ("We're looking for a Data Engineer, responsible for the warehouse.", "responsibility"),
    ("We're looking for a Python engineer.", "required"),                    # the role sought is the ask
    ("We are looking for engineers who will have experience with Spark.", "required"),
    ("We are looking for a Data Engineer to join our team.", "required"),
    ("We are seeking a Platform Engineer who would be comfortable with Terraform.", "required"),   # an ask
    ("We are looking for a Data Engineer who will love working with Airflow.", "required"),
    ("We are looking for a Data Engineer who will help scientists ship models.", "responsibility"),
])
def test_the_role_sought_is_asked_unless_the_sentence_goes_on_to_its_work(sentence, level):
    assert sentence_level("responsibility", sentence) == level


@pytest.mark.parametrize("sentence, level", [
    ("You will have strong hands on skills in SQL and modern data visualisation tools.", "required"),
    ("You will have: Strong SQL / T-SQL skills including complex queries", "required"),
    ("While credit risk is essential, you\u2019ll bring hands-on coding expertise to work on pipelines.", "required"),
    ("The ideal candidate will have hands-on experience across the Microsoft ecosystem.", "required"),
    ("The role calls for a self-motivated and result driven Data & Analytics Engineer.", "required"),
    # what the role gives or does, not what it asks
    ("You'll have end-to-end ownership of high-impact integrations.", "responsibility"),
    ("You will have significant ownership working across the stack.", "responsibility"),
    ("You will have strong visibility across senior leadership.", "responsibility"),
    ("You will work for the manager, but you will have a significant degree of autonomy.", "responsibility"),
    ("You'll bring clarity to complex financial data.", "responsibility"),
])
def test_what_you_will_have_or_bring_is_an_ask_only_when_it_names_one(sentence, level):
    assert sentence_level("responsibility", sentence) == level
    # under no heading (context), the same: an ask is required, the role's work responsibility
    assert sentence_level("context", sentence) == level


@pytest.mark.parametrize("sentence", [
    "You will have a degree of autonomy over your roadmap.", "You will have a strong team around you.",
    "You'll have significant responsibility for the roadmap.", "You will have excellent career progression.",
    "You will have extensive training in Python.", "You will have a background check before you start.",
    "You will have knowledge transfer sessions with the SQL team.",
])
def test_what_the_role_gives_is_no_ask(sentence):
    assert sentence_level("responsibility", sentence) == "responsibility"


def test_the_ideal_candidates_plural_or_would_have_ask_too():
    assert sentence_level("responsibility", "The ideal candidates will have Python experience.") == "required"
    assert sentence_level("responsibility", "The ideal candidate would have Python experience.") == "required"


@pytest.mark.parametrize("heading, level", [
    ("How you'll make an impact", "responsibility"),
    ("Join us and make an impact", None),            # a call to apply, no section of work
    ("Ready to make an impact", None),
])
def test_making_an_impact_is_the_work_only_as_how_you_will(heading, level):
    assert heading_level(heading) == level
