"""The linker on tiny in-code ontologies: variants, ambiguity, coordination, levels, offsets."""
from __future__ import annotations

import pytest
from hypothesis import given, settings, strategies as st

from skillgraph.extract import Extractor, Matcher, heading_level, segment, sentence_level
from skillgraph.model import Concept, Posting
from skillgraph.ontology import Ontology


def C(cid, label, *alts, exact=(), weak=(), broader=()):
    return Concept(id=f"skill:{cid}", iri=f"https://w3id.org/skillgraph/skill/{cid}", label=label,
                   alt_labels=tuple(alts), exact_case_labels=tuple(exact), weak_labels=tuple(weak),
                   broader=tuple(f"skill:{b}" for b in broader))


ONT = Ontology.from_concepts([
    C("go", "Go", "Golang", exact=("Go",)),
    C("r", "R"),
    C("c", "C"),
    C("stats", "statistics"),
    C("cpp", "C++"),
    C("spark", "Apache Spark", "Spark", "PySpark", exact=("Spark",)),
    C("hadoop", "Apache Hadoop", "Hadoop"),
    C("pytorch", "PyTorch"),
    C("tensorflow", "TensorFlow"),
    C("fine-tuning", "fine-tuning"),
    C("two-tower", "two-tower models", "2-tower models", "two-tower architectures", "2-tower architectures"),
    C("llm", "large language models", "LLM"),
    C("vlm", "vision-language models", "VLM"),
    C("cv", "computer vision"),
    C("nlp", "natural language processing", "NLP"),
    C("mm", "multimodal models"),
    C("emb", "embedding models"),
    C("ml", "machine learning", "ML"),
    C("mlsys", "machine learning systems", "ML systems"),
    C("ir", "information retrieval", "search", "search systems", weak=("search",)),
    C("recsys", "recommender systems", "recommendation systems"),
    C("labeling", "data labeling", "labeling strategy"),
    C("ci-cd", "CI/CD"),
    C("ab", "A/B testing"),
])


def links(text, ont=ONT):
    return [(text[s:e], ids[0].split(":", 1)[1]) for s, e, ids in Matcher(ont).find(text)]


def concepts(text):
    return {c for _, c in links(text)}


@pytest.mark.parametrize("text", [
    "Please go to the office twice a week.",
    "We invest heavily in R&D.",
    "a spark of curiosity",
    "Go-to-market experience",
    "the C-suite and our investors",
    "We want a spark plug",
])
def test_ordinary_words_do_not_fire(text):
    assert links(text) == []


def test_exact_case_labels_fire_as_names():
    assert concepts("Experience with Go, Rust or C++.") == {"go", "cpp"}
    assert concepts("We use Spark and Hadoop.") == {"spark", "hadoop"}
    assert concepts("Statistics in R.") == {"stats", "r"}   # "R." at a sentence end
    assert concepts("Write C, not C++") == {"c", "cpp"}


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
def test_ordinary_word_labels_need_a_skill_nearby(text, expected):
    assert concepts(text) == expected


def test_case_hyphen_plural_variants():
    assert concepts("Fine-tuning, finetuning and fine tuning") == {"fine-tuning"}
    assert [t for t, _ in links("fine-tuning, finetuning, fine tuning")] == ["fine-tuning", "finetuning", "fine tuning"]
    assert concepts("LLMs and VLMS") == {"llm", "vlm"}
    assert concepts("2-tower architectures and two tower models") == {"two-tower"}
    assert concepts("a recommendation system") == {"recsys"}


def test_slash_and_list_coordination():
    assert concepts("big data technologies (e.g., Hadoop/Spark)") == {"hadoop", "spark"}
    assert concepts("at least one ML stack such as PyTorch or TensorFlow") == {"ml", "pytorch", "tensorflow"}
    found = links("such as computer vision, NLP, or multimodal / embedding models.")
    assert ("multimodal", "mm") in found and ("embedding models", "emb") in found
    assert {"cv", "nlp"} <= {c for _, c in found}
    assert concepts("Own the data/labeling strategy") == {"labeling"}
    assert concepts("CI/CD and A/B testing") == {"ci-cd", "ab"}


def test_longest_match_first():
    assert links("large-scale machine learning systems") == [("machine learning systems", "mlsys")]


def test_weak_label_needs_its_own_phrase():
    assert concepts("tools for documentation search") == set()
    assert concepts("recommender systems, search, ranking") == {"recsys", "ir"}
    assert concepts("Search and Recommender Systems") >= {"recsys", "ir"}


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


def test_levels_sections_and_strongest_wins():
    x = Extractor(ONT).extract(Posting(id="p", source="p", text=POSTING, title="Senior ML Engineer, Search Quality"))
    lv = {s.concept.split(":")[1]: s.requirement for s in x.skills}
    assert lv["pytorch"] == "required"            # responsibility and required: required wins
    assert lv["tensorflow"] == "required"
    assert lv["spark"] == "required"
    assert lv["hadoop"] == "preferred"
    m = next(m for m in x.mentions if m.text == "Hadoop")
    assert m.section == "Nice to have" and m.sentence == "- Experience with Hadoop."
    for m in x.mentions:
        assert POSTING[m.start:m.end] == m.text


def test_teams_collaborators_parents_and_title():
    x = Extractor(ONT).extract(Posting(id="p", source="p", text=POSTING, title="Senior ML Engineer, Search Quality"))
    teams = {(t.name, t.role): t for t in x.teams}
    assert ("Ranking", "member") in teams
    assert teams[("Ranking", "member")].parent == "Search Platform Group"
    assert teams[("Search Platform Group", "member")].aliases == ("SPG",)
    assert {n for n, r in teams if r == "collaborator"} == {"Ads", "Trust and Safety", "Growth"}
    assert ("Search Quality", "member") in teams
    for t in x.teams:
        if t.start >= 0:
            assert POSTING[t.start:t.end] == t.name


def test_segment_sentences_respect_abbreviations():
    text = "Hiring now. M.S. or PhD in CS, e.g. Stanford. Done!"
    sents = [text[s.start:s.end] for s in segment(text)]
    assert sents == ["Hiring now.", "M.S. or PhD in CS, e.g. Stanford.", "Done!"]


_words = st.sampled_from(["PyTorch", "pytorch", "go", "Go", "R", "R&D", "fine-tuning", "LLMs", "search",
                          "documentation", "and", "or", ",", "/", "-", "C++", "spark", "Spark", "\n",
                          "machine learning", "systems", "ML", "é", "İstanbul", "ß", "’", "  "])


@settings(max_examples=300, deadline=None)
@given(st.lists(_words, max_size=40), st.text(max_size=30))
def test_offsets_always_index_the_original(words, noise):
    text = " ".join(words) + noise
    x = Extractor(ONT).extract(Posting(id="h", source="h", text=text))
    for m in x.mentions:
        assert text[m.start:m.end] == m.text
        assert m.text and m.sentence


def test_teams_named_with_a_collaboration_verb_are_collaborators():
    text = ("Research Engineer, Post-Training (LLM Alignment)\n"
            "The Post-Training team works on RLHF, partnering with the Safety Systems and Applied AI teams.\n"
            "You will partner with the Finance org.\n")
    x = Extractor(ONT).extract(Posting(id="p", source="p", text=text,
                                       title="Research Engineer, Post-Training (LLM Alignment)"))
    got = {(t.name, t.role) for t in x.teams}
    assert got == {("Post-Training", "member"), ("Safety Systems", "collaborator"),
                   ("Applied AI", "collaborator"), ("Finance", "collaborator")}


def test_thrive_heading_is_required():
    assert heading_level("You might thrive in this role if you:") == "required"


def test_an_in_word_match_does_not_hide_a_real_one():
    # "R-AI" folds to "r ai", which occurs inside "similar AI"; leftmost-longest matching would
    # report that, reject it at the word boundary, and lose "AI coding assistants".
    ont = Ontology.from_concepts([C("rai", "responsible AI", "R-AI"), C("aica", "AI coding assistants")])
    assert links("or similar AI coding assistants", ont) == [("AI coding assistants", "aica")]


def test_punctuation_is_not_bridged_by_the_whole_word_automaton():
    # the automaton sees word breaks as spaces; a hit still has to be its label in the folded text
    assert "labeling" not in concepts("our data/labeling pipeline")
    assert "ab" not in concepts("we ran A B testing sessions")
    assert links("CI/CD and A/B testing.") == [("CI/CD", "ci-cd"), ("A/B testing", "ab")]


def test_an_exact_case_label_and_a_plain_label_on_one_word_both_link():
    # an ESCO-style "java" (any case) and our "Java" (case-exact) share the word
    ont = Ontology.from_concepts([C("java", "Java", exact=("Java",)), C("java-esco", "java")])
    assert Matcher(ont).find("Experience with Java and SQL.") == [(16, 20, ("skill:java", "skill:java-esco"))]
    assert links("java beans", ont) == [("java", "java-esco")]


@settings(max_examples=300, deadline=None)
@given(st.lists(_words, max_size=40), st.text(max_size=30))
def test_every_match_is_whole_words_and_a_label_variant(words, noise):
    from skillgraph.extract import fold

    text = " ".join(words) + noise
    m = Matcher(ONT)
    f = fold(text)
    for s, e, ids in m.find(text):
        assert not f[s - 1:s].isalnum() and not f[e:e + 1].isalnum()
        assert set(ids) <= set(m.lookup(text[s:e])) or f[s:e] in m._table


def _cue_cases():
    from skillgraph.extract import _HEADING_CUES, _SENTENCE_CUES

    return [(group, name, i) for group in (_HEADING_CUES, _SENTENCE_CUES) for name in group.cues
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
    from skillgraph.extract import _HEADING_CUES, _SENTENCE_CUES

    words = {"", "x", "the", "you", "Our", "team", "s", "-", "'", "_", "\u2019", "é", "5"}
    for group in (_HEADING_CUES, _SENTENCE_CUES):
        for _, hints in group.cues.values():
            words.update(h.replace("\\b", "") for h in hints)
    return sorted(words)


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_cue_words()), max_size=8), st.sampled_from(["", " ", "s", "ing", "_x", ":"]))
def test_cue_answers_are_the_whole_regexes(words, glue):
    # plain phrases answer without a regex, hinted alternatives are searched alone: same answer
    from skillgraph.extract import _HEADING_CUES, _SENTENCE_CUES

    text = glue.join(words)
    for group in (_HEADING_CUES, _SENTENCE_CUES):
        present = group.present(text)
        for name, (rx, _) in group.cues.items():
            assert group.search(name, text, present) == (rx.search(text) is not None), (name, text)


def test_cue_hints_lose_nothing_on_real_postings():
    from pathlib import Path

    from skillgraph.extract import _HEADING_CUES, _SENTENCE_CUES, _sentences

    texts = [p.read_text(encoding="utf-8") for p in sorted((Path(__file__).parent.parent / "seeds").iterdir())]
    lines = [ln for t in texts for ln in t.split("\n") if ln.strip()]
    sents = [ln[a:b] for ln in lines for a, b in _sentences(ln)]
    heads = [" " + " ".join(ln.lower().replace("\u2019", "'").replace(":", " ").split()) + " " for ln in lines]
    matched = 0
    for group, items in ((_SENTENCE_CUES, sents), (_HEADING_CUES, heads)):
        for text in items:
            present = group.present(text)
            for name, (rx, _) in group.cues.items():
                if rx.search(text):
                    matched += 1
                    assert name in present, (name, text)
    assert matched > 50


_team_words = st.sampled_from(["The", "the", "Our", "our", "a", "A", "join", "Join", "Content", "Understanding",
                               "team", "teams", "Team", "pod", "group", "Labs", "lab", "of", "and", "&", "for",
                               "core", "visual", "AI", "ML", "Responsible", "in", "player", "(ATG)", ",", "\n",
                               "-", "part", "is", "partner", "with", "organization", "squad"])


@settings(max_examples=300, deadline=None)
@given(st.lists(_team_words, max_size=30))
def test_the_team_window_precheck_loses_no_team(words):
    # the precheck only skips windows where the team regexes cannot match: same teams either way
    import skillgraph.extract as X

    text = " ".join(words)
    posting = Posting(id="t", source="t", text=text)
    fast = Extractor(ONT).extract(posting).teams
    orig = X._team_name_may_end
    X._team_name_may_end = lambda *a: True
    try:
        slow = Extractor(ONT).extract(posting).teams
    finally:
        X._team_name_may_end = orig
    assert fast == slow
