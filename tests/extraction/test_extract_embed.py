"""WordLlama embeddings (extraction/embed.py) and the semantic part of the hybrid linker (hybrid.py):
the label matrix is cached on disk by content, loading never touches the network, every score is in
[0, 1], and a paraphrase no label spells links by embedding."""
from __future__ import annotations

import socket

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from skillgraph.extraction import embed as E
from skillgraph.extraction.hybrid import model_links
from skillgraph.extraction.link import Linker
from skillgraph.extraction.spans import Span
from skillgraph.model import Concept
from skillgraph.ontology import Ontology

RANKING = 0.5   # the --min-score that ranks best on the ESCO linking validation sentences (README)


def _c(cid, label, *alts):
    return Concept(id=f"skill:{cid}", iri=f"https://w3id.org/skillgraph/skill/{cid}", label=label,
                   alt_labels=tuple(alts))


def _ontology(test_label="develop automated software tests"):
    return Ontology.from_concepts([
        _c("tests", test_label, "test automation"),
        _c("cook", "cook pastry products"),
        _c("forklift", "operate forklift"),
        _c("accounts", "manage accounts payable", "accounts payable"),
        _c("sing", "sing"),
    ])


@pytest.fixture
def cache(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    return tmp_path / "skillgraph" / "embeddings"


def test_the_matrix_is_cached_by_content_and_a_changed_label_misses(cache, monkeypatch):
    first = E.matrix_for(_ontology())
    [saved] = cache.glob("*.npy")
    assert saved.name == f"{first.key}.npy"
    assert np.array_equal(np.load(saved), first.matrix)

    def no_embedding(texts):
        raise AssertionError("a cache hit must not embed")

    real = E.embed
    monkeypatch.setattr(E, "embed", no_embedding)
    again = E.matrix_for(_ontology())                       # another object, the same content: a hit
    assert again.key == first.key and np.array_equal(again.matrix, first.matrix)

    monkeypatch.setattr(E, "embed", real)
    changed = E.matrix_for(_ontology("write automated software tests"))
    assert changed.key != first.key
    assert sorted(p.name for p in cache.glob("*.npy")) == sorted([saved.name, f"{changed.key}.npy"])


def test_a_damaged_cache_file_is_embedded_again(cache):
    key = E.matrix_for(_ontology()).key
    (cache / f"{key}.npy").write_bytes(b"not numpy")
    lm = E.matrix_for(_ontology())
    assert lm.matrix.shape == (7, 256) and np.isfinite(lm.matrix).all()


def test_model_loads_and_embeds_with_the_network_switched_off(cache, monkeypatch):
    def refuse(*a, **k):
        raise OSError("network disabled by the test")

    monkeypatch.setattr(socket, "socket", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    E.load_model.cache_clear()
    try:
        v = E.embed(["Python", ""])
        lm = E.matrix_for(_ontology())
    finally:
        E.load_model.cache_clear()
    assert v.shape == (2, 256)
    assert np.isclose(np.linalg.norm(v[0]), 1.0) and not v[1].any()      # no tokens: a zero vector
    assert lm.matrix.shape[0] == 7


def test_embedding_is_deterministic():
    a, b = E.embed(["stakeholder management", "x"]), E.embed(["stakeholder management", "x"])
    assert a.tobytes() == b.tobytes()


def test_a_paraphrase_links_by_embedding_and_a_non_skill_does_not(cache):
    ont = _ontology()
    text = "You will be writing software with emphasis on testability and automation."
    start = text.index("writing")
    span = Span(start, text.index(" and automation"), "SKILL")
    ranked = Linker(ont).rank(text[span.start:span.end], k=3)
    assert not ranked or ranked[0].score < RANKING        # lexically the span links to nothing
    found, cands = model_links(text, [span], [], Linker(ont), RANKING, E.matrix_for(ont),
                               lambda i: (0, len(text)))
    assert ("skill:tests", span.start, span.end) in {(c, s, e) for c, s, e, _, _ in found}
    assert {how for c, *_, how in found if c == "skill:tests"} == {"model+embedding"}
    assert not {"skill:forklift", "skill:cook", "skill:sing"} & {c for c, *_ in found}
    assert not cands


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.text(min_size=0, max_size=30), min_size=1, max_size=4))
def test_every_score_is_in_unit_interval(cache, texts):
    ont = _ontology()
    lm = E.matrix_for(ont)
    s = lm.scores(E.embed(texts))
    assert s.shape == (len(texts), len(lm.concepts)) and ((s >= 0) & (s <= 1)).all()
    text = " | ".join(texts)
    spans, pos = [], 0
    for t in texts:
        if t.strip():
            spans.append(Span(pos, pos + len(t), "SKILL"))
        pos += len(t) + 3
    found, cands = model_links(text, spans, [], Linker(ont), 0.0, lm, lambda i: (0, len(text)))
    assert all(0.0 <= m[3] <= 1.0 for m in found)
    assert all(0.0 <= c[2] <= 1.0 and all(0.0 <= n.score <= 1.0 for n in c[3]) for c in cands)


def test_a_sentence_under_a_context_heading_is_not_linked_whole(cache):
    from skillgraph.extraction import Extractor
    from skillgraph.model import Posting

    phrase = "writing software with emphasis on testability"
    text = (f"About us\nOur founders love {phrase} and automation.\n\n"
            f"What you will do\nYou will be {phrase} and automation.\n")
    spans = [Span(i, i + len(phrase), "SKILL") for i in (text.index(phrase), text.rindex(phrase))]
    ex = Extractor(_ontology(), linker="hybrid", min_score=RANKING)
    x = ex.extract(Posting(id="p", source="p", text=text), spans=spans)
    linked = [(m.start, m.how) for m in x.mentions if m.concept == "skill:tests"]
    assert linked == [(spans[1].start, "model+embedding")]
    assert [c.start for c in x.candidates] == [spans[0].start]     # the About-us span stays a candidate
