"""What the words around a hit decide: ordinary words need a skill nearby, weak labels their own phrase."""
from __future__ import annotations

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st


@pytest.mark.parametrize("text,expected", [
    ("Spark joy in your team.", set()),                # sentence-initial ordinary word, no skill near it
    ("Go to our careers page to apply.", set()),
    ("- Go to the office twice a week", set()),
    ("Experience with Go is required.", {"go"}),       # capitalised mid-sentence: a name
    ("Spark experience", {"spark"}),                  # followed by a skill noun
    ("Spark and Go", {"spark", "go"}),                 # names listed together vouch for each other
    ("Technical Stack\n\n- PyTorch\n\n- Spark\n", {"pytorch", "spark"}),   # a list of tools
    ("Spark is great. We are hiring.", set()),
])
def test_ordinary_word_labels_need_a_skill_nearby(text, expected, concepts):
    assert concepts(text) == expected


def test_weak_label_needs_its_own_phrase(concepts):
    assert concepts("tools for documentation search") == set()
    assert concepts("recommender systems, search, ranking") == {"recsys", "ir"}
    assert concepts("Search and Recommender Systems") >= {"recsys", "ir"}


@pytest.mark.parametrize("text, expected", [
    ("Build and maintain search for our catalogue.", {"ir"}),    # the verb's object, not a compound's head
    ("Implement search across the product.", {"ir"}),
    ("Improve documentation search.", set()),                     # still the head of "documentation search"
    ("We run search at scale.", set()),                           # "run" is also a noun ("test run")
])
def test_a_weak_label_after_a_verb_is_its_object(concepts, text, expected):
    assert concepts(text) == expected


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["a", ".", "!", "?", " ", "\n", "\t", "\u2003", "B"]), max_size=30).map("".join))
def test_sentence_ends_come_from_the_stops(text):
    """_Text finds the sentence ends from the stops (one scan fewer): what _ENDS itself finds."""
    from skillgraph.extraction.context import _ENDS, _Text

    assert _Text(text).ends == [m.start() for m in _ENDS.finditer(text)]


def _sensed(make_concept):
    """An ontology where 'alignment' is a weak label of AI alignment, told by its sense cues."""
    from dataclasses import replace

    from skillgraph.ontology import Ontology

    align = replace(make_concept("align", "AI alignment", "alignment", weak=("alignment",)),
                    sense_cues=("RLHF", "reward", "language model"))
    return Ontology.from_concepts([align, make_concept("sql", "SQL")])


@pytest.mark.parametrize("text,expected", [
    ("Ensure the alignment with business goals.", set()),                 # no cue: the everyday sense
    ("Work on RLHF and alignment.", {"align"}),                          # a cue in the sentence
    ("Alignment of reward models is the job.", {"align"}),               # the cue after the word
    ("Train language models and study their alignment.", {"align"}),     # a plural cue
    ("Train languagemodels and study their alignment.", {"align"}),      # a compound cue closed up
    ("Train language-models and study their alignment.", {"align"}),     # ... or hyphenated
    ("Train languages models and study their alignment.", set()),        # a plural inside it is another word
    ("We use RLHF.\nEnsure the alignment with SQL owners.", {"sql"}),     # the cue is another line's
    ("Rewards matter. Ensure the alignment with stakeholders.", set()),   # ... and another sentence's
    ("Work on AI alignment with business goals.", {"align"}),            # a full label needs no cue
    ("Rewarding work; the alignment across teams.", set()),              # a cue is a whole word
    ("We use RLHF.\tEnsure the alignment with teams.", set()),           # any white space ends a sentence
    ("Ensure the alignment with teams.\r\rWe use RLHF.", set()),          # ... and a bare \r
    ("Ensure the alignment with teams.\u2028We use RLHF.", set()),
    ("Work on RLHF, e.g. the alignment of policies.", {"align"}),          # an abbreviation's dot does not
    ("Study reward models vs. the alignment of policies.", {"align"}),     # ... end the sentence
    ("Ensure the alignment with teams" + "a" * 380 + " rewardings here", set()),   # no cue cut by the reach
    ("Ensure the alignment of projects.Reward people well", set()),     # a sentence glued to the next ends
    ("Reward people well.Ensure the alignment of projects.", set()),    # ... where the splitter ends it
    ("Reward models help.Ensure the alignment of policies.", set()),
])
def test_a_weak_label_with_sense_cues_links_only_in_a_sentence_that_holds_one(text, expected, links,
                                                                             make_concept):
    from skillgraph.ontology import Ontology

    assert {c for _, c in links(text, _sensed(make_concept))} == expected
    uncued = Ontology.from_concepts([make_concept("align", "AI alignment", "alignment", weak=("alignment",)),
                                     make_concept("sql", "SQL")])
    assert "align" in {c for _, c in links(text, uncued)}     # without cues, every one of them links


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(["We use RLHF.", "SQL daily.", "Reward models help.", "Hello there."]),
                max_size=4))
def test_sense_is_read_in_the_hits_own_sentence(make_concept, links, others):
    """Whatever sentences stand around it, a cue-less sentence's weak label does not link, and a cued
    one does: the cue is looked for in the hit's own sentence only."""
    ont = _sensed(make_concept)
    body = " ".join(others)
    plain = f"{body}\nEnsure the alignment with stakeholders.\n{body}"
    cued = f"{body}\nEnsure the alignment of RLHF with stakeholders.\n{body}"
    assert "align" not in {c for _, c in links(plain, ont)}
    assert "align" in {c for _, c in links(cued, ont)}


def test_shipped_generic_words_keep_their_everyday_sense():
    """The shipped ontology's cues: these words, in these everyday sentences of real postings
    (postings-dev), are not the ML/web concepts they name in ML sentences."""
    from skillgraph.extraction import matcher_for
    from skillgraph.ontology import load_ontology

    m = matcher_for(load_ontology())

    def ids(text):
        return {c for _, _, cs in m.find(text) for c in cs}

    assert "skill:ai-alignment" not in ids("Ensuring alignment with business goals.")
    assert "skill:precision-and-recall" not in ids("Solving complex problems with clarity and precision.")
    assert "skill:model-serving" not in ids("Serving customers worldwide since 1998.")
    assert "skill:web-accessibility" not in ids("If you are experiencing accessibility problems, call us.")
    assert "skill:model-deployment" not in ids("Debug complex infrastructure, deployment, and runtime issues.")
    assert "skill:model-monitoring" not in ids("Lead the creation and monitoring of KPIs.")
    assert "skill:optimization" not in ids("Strong SQL skills (complex queries, optimisation).")
    assert "skill:model-monitoring" in ids("Automated deployment, monitoring, drift detection and retraining.")
    assert "skill:model-deployment" in ids("From model training to deployment.")
    assert "skill:ai-alignment" in ids("Research on RLHF and alignment.")
    assert "skill:web-accessibility" in ids("Build React components with accessibility in mind.")
    # "monitoring": either sense, by its sentence's cues, or none
    assert ids("Own monitoring, drift detection and retraining of models.") >= {"skill:model-monitoring"}
    assert "skill:monitoring-and-alerting" not in ids("Own monitoring, drift detection and retraining of models.")
    assert "skill:monitoring-and-alerting" in ids("Experience with monitoring and logging (Prometheus, Grafana).")
    assert "skill:model-monitoring" not in ids("Experience with monitoring and logging (Prometheus, Grafana).")
    assert not ids("Management of projects and monitoring of progress.") & {
        "skill:model-monitoring", "skill:monitoring-and-alerting"}
    # "decision making": the candidate's skill, not the business's
    assert "skill:decision-making" not in ids("Deliver insights that support business decision-making.")
    assert "skill:decision-making" in ids("Strong analytical and decision-making skills.")
    # this session's senses: profiling, recommendations, regression, ethics, Copilot
    assert ids("Lead data migration including profiling, cleansing and enrichment.") >= {"skill:data-profiling"}
    assert "skill:profiling" not in ids("Lead data migration including profiling, cleansing and enrichment.")
    assert "skill:profiling" in ids("Experience in profiling, benchmarking and optimizing ML applications.")
    assert "skill:recommender-systems" not in ids("Present clear, actionable recommendations to stakeholders.")
    assert "skill:recommender-systems" in ids("Build search, recommendations and personalisation.")
    assert "skill:regression-analysis" not in ids("Manual testing: functional, regression, and usability.")
    assert "skill:regression-analysis" in ids("Statistical techniques such as regression and clustering.")
    assert "skill:ai-ethics" not in ids("Our commitment to ethics, safety and sustainability.")
    assert ids("Familiarity with AI coding tools (Cursor, Copilot).") >= {"skill:github-copilot"}
    assert "skill:search-engines" not in ids("We are supporting our client in their search for a Data Analyst.")
    assert "skill:search-engines" in ids("Scale our marketplace infrastructure, search, and payment systems.")
    power = ids("Troubleshoot existing Power Platform and Copilot implementations.")
    assert "skill:microsoft-365-copilot" in power and "skill:github-copilot" not in power


_CUE_TEXT = st.lists(st.sampled_from(["model", "models", "ml", "html", "xmodel", "language model", "languagemodel",
                                      "language", " ", " ",
                                      ".", "e.g.", "vs.", "\n", "_ml", "ml_", "modeling", "é", "2", "3ml", "ex", "etc",
                                      "!", "?", "cf", "incl", "i.e"]), max_size=12)


@settings(max_examples=300, deadline=None)
@given(_CUE_TEXT, st.integers(0, 5), st.integers(0, 80))
@example(["ex", ".", " ", "model"], 0, 80)            # each abbreviation's dot, and its "!"/"?", ends nothing
@example(["etc", "?", " ", "ml"], 0, 80)
@example([" ", "cf", ".", " ", "e.g.", " ", "vs.", " ", "incl", "!", " ", "i.e", ".", " "], 0, 80)
@example(["3ml", " ", "2", "model"], 0, 80)           # a digit before a cue: no word start
def test_the_cue_scan_finds_what_the_look_behind_pattern_finds(parts, a, width):
    """sense_pattern opens with its words and _cue_in checks the word start (3x cheaper than a leading
    look-behind); _SENSE_STOP tries its look-behinds after the stop character (4x): both find exactly
    what the plain formulations find."""
    import re

    from skillgraph.extraction.context import _SENSE_STOP, _cue_in, sense_pattern

    f = "".join(parts)
    b = min(len(f), a + width)
    cues = ("model", "ML", "language model")
    plain = re.compile(r"(?<![^\W_])(?:language ?model|model|ml)s?(?![^\W_])")
    assert _cue_in(sense_pattern(cues), f, a, b) == (plain.search(f, a, b) is not None)
    stops = re.compile(r"[\n\r\u2028\u2029]|(?<!\be\.g)(?<!\bi\.e)(?<!\bincl)(?<!\betc)(?<!\bvs)(?<!\bapprox)"
                       r"(?<!\besp)(?<!\bcf)(?<!\bex)[.!?](?=\s)")
    assert [m.span() for m in _SENSE_STOP.finditer(f)] == [m.span() for m in stops.finditer(f)]
