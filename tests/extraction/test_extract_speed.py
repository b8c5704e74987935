"""The hybrid linker's speed tricks (skillgraph/speed.py: piece_cache, batch_embed, numpy_gemm) change
nothing but the time: with each switched off the output on the real seeds (and on postings that repeat
lines, split over several score blocks) is the same, and each building block returns what the slow way
returns, bit for bit."""
from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from skillgraph import speed
from skillgraph.extraction import embed as E
from skillgraph.extraction import extract_all
from skillgraph.extraction import extractor as X
from skillgraph.model import Concept, Posting
from skillgraph.ontology import Ontology, load_ontology

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


@pytest.fixture
def cache(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))


@pytest.fixture
def tricks_off():
    def switch(*names):
        speed.OFF.clear()
        speed.OFF.update(names)
    yield switch
    speed.OFF.clear()


def _postings():
    seeds = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    out = [Posting(id=f"s{i}", source=f"seed:{i}", text=t) for i, t in enumerate(seeds)]
    # repeated lines across postings (boilerplate) and within one: what piece_cache and the book dedupe
    shared = "Requirements:\n- Python and SQL\n- experience with Apache Spark\nWe offer a pension plan.\n"
    out.append(Posting(id="r1", source="rep:1", text=shared + seeds[0][:600]))
    out.append(Posting(id="r2", source="rep:2", text=seeds[1][:400] + "\n" + shared + shared, company="Notion"))
    return out


def test_each_trick_switched_off_gives_the_same_hybrid_output(cache, tricks_off, monkeypatch):
    monkeypatch.setattr(X, "_BOOK_CELLS", 1)         # books of 256 texts: several, a posting in just one
    ont = load_ontology()
    posts = _postings()
    # 0.5: at the default 0.75 the model adds no link on the seeds
    want = extract_all(posts, ont, linker="hybrid", min_score=0.5)
    assert any(m.how.startswith("model+") for x in want for m in x.mentions)    # the model did link
    assert any(x.candidates for x in want)
    for off in [(t,) for t in speed.TRICKS] + [speed.TRICKS]:
        tricks_off(*off)
        got = extract_all(posts, ont, linker="hybrid", min_score=0.5)
        assert got == want, off


@given(st.lists(st.sampled_from(["a", "b", "", "c c", "a"]), max_size=12))
def test_distinct_maps_back_to_the_items(items):
    uniq, where = speed.distinct(items)
    assert len(set(uniq)) == len(uniq) and set(uniq) == set(items)
    assert [uniq[k] for k in where] == items


@settings(max_examples=25, deadline=None)
@given(st.lists(st.text(alphabet="ab xyzPython,. \n", max_size=80), max_size=40))
def test_embedding_sorted_by_length_is_bit_identical(texts):
    sorted_way = E.embed(texts)
    speed.OFF.add("batch_embed")
    try:
        plain = E.embed(texts)
    finally:
        speed.OFF.discard("batch_embed")
    assert sorted_way.shape == plain.shape and np.array_equal(sorted_way, plain)


def _ontology():
    return Ontology.from_concepts([
        Concept(id=f"skill:{i}", iri=f"https://w3id.org/skillgraph/skill/{i}", label=lab, alt_labels=alts)
        for i, (lab, alts) in enumerate([("develop automated software tests", ("test automation",)),
                                         ("Python", ()), ("manage accounts payable", ("accounts payable",))])])


def test_a_score_book_returns_the_matrix_scores_bit_for_bit(cache):
    lm = E.matrix_for(_ontology())
    held = ["writing software with emphasis on testability", "Python", "paying the bills", "Python"]
    book = E.ScoreBook(lm, held)
    assert book.concepts == lm.concepts and book.index == lm.index
    assert np.array_equal(book.text_scores(held[::-1]), lm.text_scores(held[::-1]))
    other = ["not in the book", "Python"]                       # a text it does not hold: scored on the spot
    assert np.array_equal(book.text_scores(other), lm.text_scores(other))
    assert book.text_scores([]).shape == (0, len(lm.concepts))
    many = [f"python test {i} " * (i % 7) for i in range(150)]   # more than one product's rows
    book = E.ScoreBook(lm, many)
    assert all(np.array_equal(book.text_scores([t]), lm.text_scores([t])) for t in many[::7])


@settings(max_examples=40, deadline=None)
@given(st.integers(1, 40), st.integers(1, 40), st.integers(1, 40), st.booleans(), st.booleans(), st.booleans())
def test_numpy_gemm_is_thincs_product(m, k, n, trans1, trans2, into):
    """speed.numpy_gemm: the same product as thinc's gemm (blis), transposes and ``out=`` included."""
    from thinc.api import NumpyOps

    rng = np.random.default_rng(m * 10_000 + k * 100 + n)
    x = rng.standard_normal((k, m) if trans1 else (m, k), dtype=np.float32)
    y = rng.standard_normal((n, k) if trans2 else (k, n), dtype=np.float32)
    out = np.empty((m, n), dtype=np.float32) if into else None
    got = speed.matmul_ops().gemm(x, y, out=out, trans1=trans1, trans2=trans2)
    want = NumpyOps().gemm(x, y, trans1=trans1, trans2=trans2)
    assert got.dtype == np.float32 and got.shape == (m, n) and (out is None or got is out)
    np.testing.assert_allclose(got, want, rtol=1e-4, atol=1e-4)


def test_the_span_model_runs_on_numpy_matmul_on_one_blas_thread():
    """The shipped span model is built with speed.matmul_ops (every layer); loading it leaves the current
    ops as they were; the BLAS thread limit holds inside one_blas_thread only."""
    from thinc.api import get_current_ops
    from threadpoolctl import threadpool_info

    from skillgraph.extraction.spans import load_model

    before = type(get_current_ops())
    nlp = load_model()
    assert type(get_current_ops()) is before
    assert {type(node.ops).__name__ for node in nlp.get_pipe("tok2vec").model.walk()} == {"MatmulOps"}
    # the parser's hidden layer too (its small output layer is made at load, on thinc's own ops)
    assert {type(n.ops).__name__ for n in nlp.get_pipe("ner").model.walk() if n.name == "precomputable_affine"} \
        == {"MatmulOps"}
    blas = [i for i in threadpool_info() if i["user_api"] == "blas"]
    with speed.one_blas_thread():
        assert all(i["num_threads"] == 1 for i in threadpool_info() if i["user_api"] == "blas")
    assert [i for i in threadpool_info() if i["user_api"] == "blas"] == blas
