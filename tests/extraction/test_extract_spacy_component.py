"""The spaCy component: the same links in doc.spans, the factory registered once, the entry point."""
from __future__ import annotations

import importlib.metadata
import importlib.util
import subprocess
import sys

import pytest

pytest.importorskip("spacy")

from skillgraph.extraction import Matcher, extract_all, spacy_pipeline  # noqa: E402
from skillgraph.model import Posting  # noqa: E402

TEXT = "Strong proficiency in PyTorch. Experience with Hadoop/Spark.\nNice to have\n- Go and TensorFlow."


def test_the_component_puts_the_matchers_links_into_doc_spans(ont):
    doc = spacy_pipeline(ont)(TEXT)
    got = [(s.start_char, s.end_char, s.id_) for s in doc.spans["skills"]]
    assert got == [(s, e, cid) for s, e, ids in Matcher(ont).find(TEXT) for cid in ids]
    assert {s.label_ for s in doc.spans["skills"]} == {"SKILL"}
    assert len(list(doc.sents)) == 3   # the sentencizer does not split at line breaks


def test_the_spacy_engine_links_the_same_skills(ont):
    ps = [Posting(id="a", source="a", text=TEXT), Posting(id="b", source="b", text="We use Spark. Go to the office.")]
    key = lambda xs: [(m.concept, m.start, m.end) for x in xs for m in x.mentions]  # noqa: E731
    assert key(extract_all(ps, ont, engine="spacy")) == key(extract_all(ps, ont))


def test_the_factory_is_registered_on_import_and_a_second_import_does_not_fail():
    from spacy.language import Language

    import skillgraph.extraction.spacy_component as component

    assert Language.has_factory(component.FACTORY)
    spec = importlib.util.spec_from_file_location("skillgraph.extraction.spacy_component_again", component.__file__)
    again = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(again)   # the module run a second time under another name
    assert Language.get_factory_meta(component.FACTORY).default_config == component.DEFAULT_CONFIG


def test_add_pipe_by_name_works_without_importing_skillgraph_first():
    eps = importlib.metadata.entry_points(group="spacy_factories")
    if not [ep for ep in eps if ep.name == "skillgraph_linker"]:
        pytest.skip("the spacy_factories entry point is not installed (pyproject.toml, then pip install)")
    code = ("import sys, spacy\n"
            "nlp = spacy.blank('en')\n"
            "linker = nlp.add_pipe('skillgraph_linker')\n"
            "doc = nlp('Experience with PyTorch and Kubernetes.')\n"
            "print(type(linker).__module__, [(s.text, s.id_) for s in doc.spans['skills']])\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.startswith("skillgraph.extraction.spacy_component ")
    assert "('PyTorch', 'skill:pytorch')" in out
