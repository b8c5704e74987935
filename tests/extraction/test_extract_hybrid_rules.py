"""The hybrid pass's rules on which model spans it links (hybrid.py, notskills.unlinkable, extractor):
a model span wider than the dictionary hits inside it is still linked or kept (without repeating their
concepts); a dictionary mention inside a model span claimed by its concept takes the span's extent;
a degree's field, a team and anything under a context heading stay candidates."""
from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from skillgraph.extraction import Extractor
from skillgraph.extraction.hybrid import _uncovered, widen
from skillgraph.extraction.notskills import unlinkable
from skillgraph.extraction.spans import Span
from skillgraph.model import Concept, Posting
from skillgraph.ontology import Ontology


def _c(cid, label, *alts):
    return Concept(id=f"skill:{cid}", iri=f"https://w3id.org/skillgraph/skill/{cid}", label=label,
                   alt_labels=tuple(alts))


@pytest.fixture
def cache(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))


def test_a_span_wider_than_its_hits_is_left_to_the_linker_the_others_are_the_dictionarys():
    text = "Python programming, Java Spring and C#/.NET"
    py, java, spring = (text.index(w) for w in ("Python", "Java", "Spring"))
    hits = [(py, py + 6), (java, java + 11), (text.index("C#"), text.index("C#") + 2),
            (text.index(".NET"), text.index(".NET") + 4)]
    wide = Span(py, py + len("Python programming"), "SKILL")
    same = Span(py, py + 6, "SKILL")
    inside = Span(spring, spring + 6, "SKILL")               # "Spring" inside the hit "Java Spring"
    both = Span(text.index("C#"), len(text), "SKILL")        # "C#/.NET" around two hits
    cross = Span(java + 5, java + 10, "SKILL")               # "Sprin": crosses no boundary cleanly
    assert _uncovered([wide, same, inside, both, cross], hits) == [wide, both]


@given(st.lists(st.tuples(st.integers(0, 40), st.integers(1, 8)), max_size=6),
       st.lists(st.tuples(st.integers(0, 40), st.integers(1, 12)), max_size=6))
def test_uncovered_keeps_exactly_the_spans_strictly_around_every_hit_they_touch(hits, spans):
    hits = sorted({(s, s + n) for s, n in hits})
    spans = sorted({Span(s, s + n, "SKILL") for s, n in spans})
    got = _uncovered(spans, hits)
    for sp in spans:
        over = [(s, e) for s, e in hits if s < sp.end and e > sp.start]
        around = all(sp.start <= s and e <= sp.end and (s, e) != (sp.start, sp.end) for s, e in over)
        assert (sp in got) == around


@pytest.mark.parametrize("sentence, span, unlinked", [
    ("- Degree in computer science, machine learning, statistics, or related field", "computer science", True),
    ("- Degree in computer science, machine learning, statistics, or related field", "statistics", True),
    ("- M.S/ PhD degree in Computer Science, Statistics or a related field.", "Statistics", True),
    ("• Masters or PhD in Computer Science or related fields.", "Computer Science", True),
    ("BSc in Physics", "Physics", True),
    ("4+ years working experience in engineering teams building ML products", "engineering teams", True),
    ("Experience in computer science research", "computer science research", False),
    ("You will work in cross-functional teams", "work in cross-functional teams", False),
    ("Deep knowledge of Python and SQL", "Python", False),
    ("Team leadership experience", "Team leadership", False),
])
def test_a_degree_field_or_a_team_is_not_linked(sentence, span, unlinked):
    s = sentence.index(span)
    assert bool(unlinkable(sentence, [(s, s + len(span))], lambda _: 0)) is unlinked


def _ontology():
    return Ontology.from_concepts([_c("python", "Python"), _c("tests", "develop automated software tests",
                                                                     "test automation")])


def _python_programming(min_score):
    """A posting whose model span "Python programming" holds the dictionary's "Python"."""
    text = "What you will do\nYou will write Python programming exercises every day.\n"
    a = text.index("Python programming")
    spans = [Span(a, a + len("Python programming"), "SKILL")]
    return Extractor(_ontology(), linker="hybrid", min_score=min_score).extract(
        Posting(id="p", source="p", text=text), spans=spans)


def test_a_wide_span_links_no_concept_the_dictionary_linked_inside_it(cache):
    x = _python_programming(0.0)
    pythons = [(m.text, m.how) for m in x.mentions if m.concept == "skill:python"]
    assert pythons == [("Python programming", "label")]      # the dictionary's, once, at the span's extent
    assert all(m.text == "Python programming" for m in x.mentions if m.how.startswith("model+"))
    assert [c.text for c in x.candidates] in ([], ["Python programming"])


def test_a_wide_span_claimed_by_its_best_concept_links_no_runner_up():
    """"machine learning models" around *machine learning* linked *model deployment* (its second concept)
    in 4 postings-dev ML postings, "software or data engineering" *research engineering* in 6: the span
    is the claimed mention's phrase, so a lower concept is no link, whatever the threshold."""
    from types import SimpleNamespace

    import numpy as np

    from skillgraph.extraction.hybrid import model_links
    from skillgraph.extraction.link import Linker

    ont = Ontology.from_concepts([_c("ml", "machine learning"), _c("dep", "model deployment")])
    text = "We validate machine learning models."
    a = text.index("machine")
    wide, hit = Span(a, a + len("machine learning models"), "SKILL"), (a, a + len("machine learning"))
    ids = ["skill:dep", "skill:ml"]
    semantic = SimpleNamespace(concepts=ids, index={c: i for i, c in enumerate(ids)},
                               text_scores=lambda texts: np.array([[0.8, 0.95]] * len(texts)))
    claims = []
    found, unlinked = model_links(text, [wide], [hit], Linker(ont), 0.5, semantic, sentence_of=lambda _: None,
                                  known={(None, "skill:ml")}, claimed=claims)
    assert found == [] and unlinked == []                     # no runner-up link, and no unknown skill
    assert claims == [("skill:ml", wide.start, wide.end)]     # the dictionary's mention takes the extent
    free, _ = model_links(text, [wide], [hit], Linker(ont), 0.5, semantic, sentence_of=lambda _: None)
    assert [m[0] for m in free] == ["skill:ml", "skill:dep"]  # unclaimed, its two best concepts link
    text = "We use machine learning and ship trained models to production."
    a, b = text.index("machine"), text.index("ship")
    apart = Span(b, b + len("ship trained models to production"), "SKILL")   # the hit is not inside it
    found, _ = model_links(text, [apart], [(a, a + len("machine learning"))], Linker(ont), 0.5, semantic,
                           sentence_of=lambda _: None, known={(None, "skill:ml")})
    assert [m[0] for m in found] == ["skill:dep"]             # only a mention inside a span explains it


def test_a_sentence_link_is_not_anchored_on_the_dictionarys_phrase():
    """Seed 000 linked "diffusion models" (a dictionary mention of *diffusion models*) to *video
    generation* through its sentence: the anchor must be a model phrase the dictionary does not own."""
    from types import SimpleNamespace

    import numpy as np

    from skillgraph.extraction.hybrid import model_links
    from skillgraph.extraction.link import Linker

    ont = Ontology.from_concepts([_c("dm", "diffusion models"), _c("vg", "video generation")])
    text = "Train diffusion models and generate clips for our feeds."
    a, b = text.index("diffusion"), text.index("generate")
    own = Span(a, a + len("diffusion models"), "SKILL")
    phrase = Span(b, b + len("generate clips for our feeds"), "SKILL")
    ids = ["skill:dm", "skill:vg"]
    semantic = SimpleNamespace(concepts=ids, index={c: i for i, c in enumerate(ids)},
                               text_scores=lambda texts: np.array([[0.9, 0.8]] * len(texts)))
    sent = lambda _: (0, len(text))  # noqa: E731
    hits = [(own.start, own.end)]
    found, _ = model_links(text, [own], hits, Linker(ont), 0.7, semantic, sentence_of=sent,
                           known={((0, len(text)), "skill:dm")})
    assert found == []                                        # no phrase of its own to anchor on
    found, _ = model_links(text, [own, phrase], hits, Linker(ont), 0.7, semantic, sentence_of=sent,
                           known={((0, len(text)), "skill:dm")})
    assert [(m[0], m[1], m[2]) for m in found] == [("skill:vg", phrase.start, phrase.end)]


def test_a_model_span_under_a_context_heading_stays_a_candidate(cache):
    text = "About us\nOur founders love test automation tooling.\n\nWhat you will do\nBuild test automation tooling.\n"
    phrase = "test automation tooling"
    spans = [Span(i, i + len(phrase), "SKILL") for i in (text.index(phrase), text.rindex(phrase))]
    ex = Extractor(Ontology.from_concepts([_c("tests", "develop automated software tests")]), linker="hybrid",
                   min_score=0.3)
    x = ex.extract(Posting(id="p", source="p", text=text), spans=spans)
    assert [m.start for m in x.mentions if m.concept == "skill:tests"] == [spans[1].start]
    assert [c.start for c in x.candidates] == [spans[0].start]


def test_a_wide_span_whose_best_concept_is_linked_inside_it_is_no_candidate(cache):
    x = _python_programming(0.5)
    assert [(m.text, m.how, m.score) for m in x.mentions] == [("Python programming", "label", 1.0)]
    assert x.mentions[0].sentence == "You will write Python programming exercises every day."
    assert x.candidates == ()                                 # claimed by Python: not an unknown skill


def test_the_exact_linker_keeps_the_dictionarys_extent(cache):
    text = "What you will do\nYou will write Python programming exercises every day.\n"
    x = Extractor(_ontology(), linker="exact").extract(Posting(id="p", source="p", text=text))
    assert [(m.text, m.start) for m in x.mentions] == [("Python", text.index("Python"))]


def test_widen_moves_only_the_claiming_concepts_mentions_strictly_inside_the_span():
    m = lambda cid, s, e: (cid, s, e, 0, 40, None, "required", 1.0, "label")  # noqa: E731
    mentions = [m("skill:c", 0, 2), m("skill:net", 3, 7), m("skill:c", 10, 12), m("skill:c", 20, 30)]
    got = widen(mentions, [("skill:c", 0, 7), ("skill:c", 20, 30)])
    assert got == [m("skill:c", 0, 7), m("skill:net", 3, 7), m("skill:c", 10, 12), m("skill:c", 20, 30)]
    assert widen(mentions, []) == mentions
    twice = [m("skill:c", 0, 2), m("skill:c", 5, 7)]          # the same concept twice inside one span
    assert widen(twice, [("skill:c", 0, 7)]) == [m("skill:c", 0, 7)]
    wide = [(*m("skill:c", 0, 2)[:4], 5, *m("skill:c", 0, 2)[5:])]   # a sentence ending before the span does
    assert widen(wide, [("skill:c", 0, 7)])[0][4] == 7


@pytest.mark.parametrize("span, concept, expected", [
    ("AWS", _c("ct", "AWS CloudTrail"), True),                        # a specialisation the text does not state
    ("risk management", _c("airm", "AI risk management"), True),
    ("Kafka", _c("kc", "Kafka Connect"), True),
    ("AWS", _c("aws", "Amazon Web Services", "AWS"), False),          # one of its labels is the span's words
    ("Kubernetes", _c("ko", "Kubernetes operators", "K8s operators"), True),    # a label without the span's
    ("consistency", _c("cm", "consistency models", "CAP theorem", "strong consistency"), True),  # words: no say
    ("modelling", _c("lm", "language modelling", "n-gram models"), True),
    ("English", _c("en", "English proficiency"), False),              # a frame word adds nothing
    ("Python", _c("py", "Python (computer programming)"), False),     # ESCO's qualifier is no extra word
    ("data pipelines", _c("dp", "data pipelines"), False),
    ("Azure", _c("cf", "AWS CloudFormation"), False),                  # different words: not narrower (scores decide)
    ("neural networks", _c("dnn", "deep neural networks"), True),     # an adjective in a label is a narrower skill
    ("Kafka", Concept(id="skill:kc", iri="x", label="Kafka Connect", hidden_labels=("Kafka",)), False),
])
def test_narrower_concepts_are_those_whose_every_label_using_the_span_holds_it_and_more(span, concept, expected):
    from skillgraph.extraction.hybrid import narrower

    assert narrower(span, concept) is expected


def test_a_span_never_links_to_a_narrower_concept_it_stays_a_candidate(cache):
    text = "What you will do\nYou will run Kafka in production.\n"
    span = Span(text.index("Kafka"), text.index("Kafka") + 5, "SKILL")
    ex = Extractor(Ontology.from_concepts([_c("kc", "Kafka Connect")]), linker="hybrid", min_score=0.0)
    x = ex.extract(Posting(id="p", source="p", text=text), spans=[span])
    assert x.mentions == ()
    assert [(c.text, [n.concept for n in c.nearest]) for c in x.candidates] == [("Kafka", ["skill:kc"])]


def test_a_sentence_link_needs_a_phrase_as_its_anchor_and_no_narrower_concept():
    from types import SimpleNamespace

    import numpy as np

    from skillgraph.extraction.hybrid import _sentence_links

    text = "Use Azure experience daily to write data pipelines."
    az, dp = (Span(text.index(w), text.index(w) + len(w), "SKILL") for w in ("Azure experience",
                                                                             "write data pipelines"))
    ids = ["skill:ct", "skill:de", "skill:sdp"]
    concepts = {c.id: c for c in (_c("ct", "AWS CloudTrail"), _c("de", "data engineering"),
                                  _c("sdp", "write streaming data pipelines"))}
    cos = np.array([[0.9, 0.1, 0.1], [0.1, 0.9, 0.9]])        # Azure nearest CloudTrail, the phrase the others
    got = _sentence_links(text, (0, len(text)), np.array([0.9, 0.8, 0.85]), cos, [az, dp], {az: 0, dp: 1},
                          SimpleNamespace(concepts=ids), 0.5, set(), lambda s: (0, len(text)), concepts)
    # CloudTrail's anchor "Azure experience" has one content word; "write streaming data pipelines" is narrower than
    # "write data pipelines"; data engineering, anchored on the phrase, links
    assert got == [("skill:de", dp.start, dp.end, 0.8, "model+embedding")]


def test_a_model_span_of_a_sense_held_word_without_its_cue_stays_a_candidate(cache):
    """The dictionary read "alignment" in a sentence without a cue and did not link it; the model's span
    of the same word does not link it either (the embedding found AI alignment for it on postings-dev)."""
    from dataclasses import replace

    align = replace(Concept(id="skill:align", iri="https://w3id.org/skillgraph/skill/align", label="AI alignment",
                            alt_labels=("alignment",), weak_labels=("alignment",)), sense_cues=("RLHF",))
    text = "What you will do\nDrive the alignment with business goals.\nStudy the alignment of RLHF policies.\n"
    a, b = text.index("alignment"), text.rindex("alignment")
    spans = [Span(a, a + 9, "SKILL"), Span(b, b + 9, "SKILL")]
    x = Extractor(Ontology.from_concepts([align]), linker="hybrid", min_score=0.0).extract(
        Posting(id="p", source="p", text=text), spans=spans)
    assert [(m.start, m.how) for m in x.mentions if m.concept == "skill:align"] == [(b, "label")]
    assert a in [c.start for c in x.candidates]
