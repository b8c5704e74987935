"""The matcher on a tiny in-code ontology: exact case, longest first, slashes, whole words, lookup."""
from __future__ import annotations

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from skillgraph.extraction import Matcher, fold
from skillgraph.extraction.inline import glued_words
from skillgraph.model import Concept
from skillgraph.ontology import Ontology


@pytest.mark.parametrize("text", [
    "Please go to the office twice a week.",
    "We invest heavily in R&D.",
    "a spark of curiosity",
    "Go-to-market experience",
    "the C-suite and our investors",
    "We want a spark plug",
])
def test_ordinary_words_do_not_fire(text, links):
    assert links(text) == []


def test_exact_case_labels_fire_as_names(concepts):
    assert concepts("Experience with Go, Rust or C++.") == {"go", "cpp"}
    assert concepts("We use Spark and Hadoop.") == {"spark", "hadoop"}
    assert concepts("Statistics in R.") == {"stats", "r"}   # "R." at a sentence end
    assert concepts("Write C, not C++") == {"c", "cpp"}


def test_slash_and_list_coordination(concepts, links):
    assert concepts("big data technologies (e.g., Hadoop/Spark)") == {"hadoop", "spark"}
    assert concepts("at least one ML stack such as PyTorch or TensorFlow") == {"ml", "pytorch", "tensorflow"}
    found = links("such as computer vision, NLP, or multimodal / embedding models.")
    assert ("multimodal", "mm") in found and ("embedding models", "emb") in found
    assert {"cv", "nlp"} <= {c for _, c in found}
    assert concepts("Own the data/labeling strategy") == {"labeling"}
    assert concepts("CI/CD and A/B testing") == {"ci-cd", "ab"}


def test_longest_match_first(links):
    assert links("large-scale machine learning systems") == [("machine learning systems", "mlsys")]


def test_an_in_word_match_does_not_hide_a_real_one(make_concept, links):
    # "R-AI" folds to "r ai", which occurs inside "similar AI"; leftmost-longest matching would
    # report that, reject it at the word boundary, and lose "AI coding assistants".
    ont = Ontology.from_concepts([make_concept("rai", "responsible AI", "R-AI"),
                                  make_concept("aica", "AI coding assistants")])
    assert links("or similar AI coding assistants", ont) == [("AI coding assistants", "aica")]


def test_punctuation_is_not_bridged_by_the_whole_word_automaton(concepts, links):
    # the automaton sees word breaks as spaces; a hit still has to be its label in the folded text
    assert "labeling" not in concepts("our data/labeling pipeline")
    assert "ab" not in concepts("we ran A B testing sessions")
    assert links("CI/CD and A/B testing.") == [("CI/CD", "ci-cd"), ("A/B testing", "ab")]


def test_an_exact_case_label_and_a_plain_label_on_one_word_both_link(make_concept, links):
    # an ESCO-style "java" (any case) and our "Java" (case-exact) share the word
    ont = Ontology.from_concepts([make_concept("java", "Java", exact=("Java",)), make_concept("java-esco", "java")])
    assert Matcher(ont).find("Experience with Java and SQL.") == [(16, 20, ("skill:java", "skill:java-esco"))]
    assert links("java beans", ont) == [("java", "java-esco")]


def test_a_label_at_a_glued_sentence_break_links(concepts, links):
    # flattened HTML glues sentences: "Spark.Excellent", "wrong.Python"; the dot is then a break
    assert concepts("Hadoop and Spark.Excellent communication skills.") == {"hadoop", "spark"}
    assert concepts("the bits AI tools get wrong.PyTorch fluency") == {"pytorch"}
    # a dotted name stays one word: no "Spark" in "Spark.io", nor in "spark.sql", nor "Go" in "Go.NET"
    assert concepts("see Spark.io or spark.sql and Go.NET") == set()
    assert concepts("Use Spark.Sql or Go.Js daily") == set()          # a name's suffix in title case


_sentences = st.sampled_from(["We use PyTorch", "Hadoop and Spark", "machine learning", "fine-tuning LLMs"])
_next = st.sampled_from(["Excellent skills.", "You will build.", "Strong Go.", "Our team"])


@settings(max_examples=100, deadline=None)
@given(first=_sentences, second=_next)
def test_a_glued_sentence_links_like_a_spaced_one(links, first, second):
    """Two sentences glued at the dot ("Spark.Excellent") link as when a space follows the dot."""
    glued, spaced = links(f"{first}.{second}"), links(f"{first}. {second}")
    assert glued == spaced


def test_a_label_glued_to_the_next_item_links(concepts, links, make_concept):
    # flattened HTML glues list items with no space: "machine learningExperience", "PyTorchStrong"
    assert links("Experience with PyTorchStrong SQL skills") == [("PyTorch", "pytorch")]
    assert links("strong machine learningAbility to explain models") == [("machine learning", "ml")]
    text = "Fine-tuning LLMs and statisticsExperience with Spark"
    got = Matcher(Ontology.from_concepts([make_concept("stats", "statistics"), make_concept("x", "Experience")])
                  ).find(text)
    assert [text[s:e] for s, e, _ in got] == ["statistics", "Experience"]
    # a label is never read across a glued boundary, and a capitalised name is no glue
    assert concepts("machine learningSystems design") == {"ml"}
    assert links("TensorFlowExperience") == [("TensorFlow", "tensorflow")]
    assert concepts("We use TensorFlow and PyTorch") == {"tensorflow", "pytorch"}
    # a glued word that a label names whole is the name ("fastText" would otherwise be "fast" + "Text")
    ont = Ontology.from_concepts([make_concept("fasttext", "fastText"), make_concept("text", "text embeddings")])
    text = "Experience with fastText embeddings"
    assert [text[s:e] for s, e, _ in Matcher(ont).find(text)] == ["fastText"]


_items = st.sampled_from(["We use PyTorch", "Hadoop and Spark", "machine learning", "fine-tuning LLMs",
                          "experience with Go", "ML systems", "statistics"])
_openers = st.sampled_from(["Experience with Spark", "Strong Go skills", "Ability to ship", "Excellent SQL",
                            "Proven statistics", "Our team", "Machine learning"])


@settings(max_examples=150, deadline=None)
@given(first=_items, second=_openers)
def test_a_glued_item_links_like_a_spaced_one(ont, first, second):
    """Two list items glued with no space ("learningExperience") link as when a space is between them,
    at the same offsets (one less from the second item on); where the glue reads as one name
    ("PyTorchMachine": capitalised on both sides, no opener) no label ends or starts at it."""
    matcher = Matcher(ont)
    cut, text = len(first), first + second
    glued = matcher.find(text)
    if cut in glued_words(text):
        spaced = [(s - (s > cut), e - (e > cut), ids) for s, e, ids in matcher.find(f"{first} {second}")]
        assert glued == spaced
    else:
        assert all(cut not in (s, e) for s, e, _ in glued)


_words = st.sampled_from(["PyTorch", "pytorch", "go", "Go", "R", "R&D", "fine-tuning", "LLMs", "search",
                          "documentation", "and", "or", ",", "/", "-", "C++", "spark", "Spark", "\n",
                          "machine learning", "systems", "ML", "é", "İstanbul", "ß", "’", "  "])


@settings(max_examples=300, deadline=None)
@given(words=st.lists(_words, max_size=40), noise=st.text(max_size=30))
@example(words=["pytorch"], noise="Aa")      # a glued boundary right after the label
def test_every_match_is_whole_words_and_a_label_variant(ont, words, noise):
    """Every hit is whole words (or ends or starts at a glued boundary) and one of its concepts' label variants,
    or a word a coordination shares with another hit: a label made of it and that hit's words."""
    text = " ".join(words) + noise
    m = Matcher(ont)
    f = fold(text)
    glue = set(glued_words(text))          # "pytorchAa": two words glued, a label may end there
    hits = m.find(text)
    for s, e, ids in hits:
        assert (not f[s - 1:s].isalnum() or s in glue) and (not f[e:e + 1].isalnum() or e in glue)
        w = f[s:e]
        made = set()
        for a, b, _ in hits:
            o = f[a:b].split(" ")
            made |= {" ".join([*o[:-1], w]), " ".join([*o, w])} | {" ".join([w, *o[c:]]) for c in range(1, len(o))}
        assert set(ids) <= set(m.lookup(text[s:e])) or w in m._table or any(k in m._table for k in made)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=40))
def test_hay_breaks_each_word_breaking_character(text):
    """The hay (bytes.translate of the UTF-8) is the folded text with every character that is neither a
    letter, a digit nor one of "+#@" as a space, one for one."""
    from skillgraph.extraction.matcher import _hay

    f = fold(text)
    want = "".join(c if c.isalnum() or c in "+#@ " else " " for c in f)
    got = _hay(f)
    assert len(got) == len(f) + 2 and got[0] == got[-1] == " "
    assert got[1:-1] == want


@pytest.mark.parametrize("tail, shared", [
    ("techniques", False),    # "statistical and machine learning techniques": the head is "techniques"
    ("methods", False),
    ("skills", True),         # "analytical and critical-thinking skills" share the label's own head
    ("", True),
])
def test_a_coordination_shares_the_labels_head_only_when_no_head_noun_follows(make_concept, links, tail, shared):
    ont = Ontology.from_concepts([make_concept("ml", "machine learning"),
                                  make_concept("stl", "statistical learning")])
    found = links(f"Apply statistical and machine learning {tail}.".replace(" .", "."), ont)
    assert ("machine learning", "ml") in found
    assert (("statistical", "stl") in found) is shared


def test_an_acronym_ending_in_s_has_no_plural_of_its_own(make_concept, links):
    """'SASS' is the CSS language, not the plural of SAS; 'LLMs' stays the plural of LLM."""
    ont = Ontology.from_concepts([make_concept("sas", "SAS", exact=("SAS",)), make_concept("llm", "LLM")])
    assert links("SAS, SASS and SASs", ont) == [("SAS", "sas")]
    assert links("fine-tuning LLMs", ont) == [("LLMs", "llm")]


def test_a_weak_label_after_a_tool_links_after_other_words_it_does_not(make_concept, links):
    """'Power BI dashboards' is dashboards built in Power BI; 'documentation dashboards' is no
    dashboards skill, and a vendor's 'Cloud' after its name is its product."""
    ont = Ontology.from_concepts([
        Concept(id="skill:power-bi", iri="https://example.org/pbi", label="Power BI", kind="tool"),
        Concept(id="skill:docs", iri="https://example.org/docs", label="documentation", kind="method"),
        Concept(id="skill:talend", iri="https://example.org/talend", label="Talend", kind="tool"),
        make_concept("dash", "dashboards", weak=("dashboards",)),
        make_concept("cloud", "cloud computing", "cloud", weak=("cloud",))])
    assert links("Build Power BI dashboards.", ont) == [("Power BI", "power-bi"), ("dashboards", "dash")]
    assert links("Read documentation dashboards.", ont) == [("documentation", "docs")]
    assert links("Talend Cloud and cloud", ont) == [("Talend", "talend"), ("cloud", "cloud")]
