"""Fixtures of the extraction tests: a tiny in-code ontology and helpers that link a text against it."""
from __future__ import annotations

import pytest

from skillgraph.extraction import Matcher
from skillgraph.model import Concept
from skillgraph.ontology import Ontology


def _concept(cid, label, *alts, exact=(), weak=(), broader=()):
    return Concept(id=f"skill:{cid}", iri=f"https://w3id.org/skillgraph/skill/{cid}", label=label,
                   alt_labels=tuple(alts), exact_case_labels=tuple(exact), weak_labels=tuple(weak),
                   broader=tuple(f"skill:{b}" for b in broader))


_ONT = Ontology.from_concepts([
    _concept("go", "Go", "Golang", exact=("Go",)),
    _concept("r", "R"),
    _concept("c", "C"),
    _concept("stats", "statistics"),
    _concept("cpp", "C++"),
    _concept("spark", "Apache Spark", "Spark", "PySpark", exact=("Spark",)),
    _concept("hadoop", "Apache Hadoop", "Hadoop"),
    _concept("pytorch", "PyTorch"),
    _concept("tensorflow", "TensorFlow"),
    _concept("fine-tuning", "fine-tuning"),
    _concept("two-tower", "two-tower models", "2-tower models", "two-tower architectures", "2-tower architectures"),
    _concept("llm", "large language models", "LLM"),
    _concept("vlm", "vision-language models", "VLM"),
    _concept("cv", "computer vision"),
    _concept("nlp", "natural language processing", "NLP"),
    _concept("mm", "multimodal models"),
    _concept("emb", "embedding models"),
    _concept("ml", "machine learning", "ML"),
    _concept("mlsys", "machine learning systems", "ML systems"),
    _concept("ir", "information retrieval", "search", "search systems", weak=("search",)),
    _concept("recsys", "recommender systems", "recommendation systems"),
    _concept("labeling", "data labeling", "labeling strategy"),
    _concept("ci-cd", "CI/CD"),
    _concept("ab", "A/B testing"),
])


@pytest.fixture(scope="session")
def make_concept():
    """``make_concept(cid, label, *alt_labels, exact=(), weak=(), broader=())``: a ``skill:`` concept."""
    return _concept


@pytest.fixture(scope="session")
def stack_concepts():
    """A few tools for tests of where a label is no skill: Python, SQL, AWS, Spark (exact case), Notion (exact
    case, an employer elsewhere), Google Cloud."""
    return [
        _concept("python", "Python"),
        _concept("sql", "SQL"),
        _concept("aws", "Amazon Web Services", "AWS"),
        _concept("spark", "Apache Spark", "Spark", exact=("Spark",)),
        _concept("notion", "Notion", exact=("Notion",)),
        _concept("gcloud", "Google Cloud"),
    ]


@pytest.fixture(scope="session")
def ont() -> Ontology:
    """A tiny ontology with the hard cases: ordinary words (Go, Spark, R), weak labels, slashes."""
    return _ONT


@pytest.fixture(scope="session")
def links(ont):
    """``links(text, ontology=ont)``: [(surface, concept slug)] of the matcher's first id per match."""
    def link(text, ontology=None):
        matcher = Matcher(ont if ontology is None else ontology)
        return [(text[s:e], ids[0].split(":", 1)[1]) for s, e, ids in matcher.find(text)]
    return link


@pytest.fixture(scope="session")
def concepts(links):
    """``concepts(text)``: the set of concept slugs linked in ``text``."""
    def found(text):
        return {c for _, c in links(text)}
    return found
