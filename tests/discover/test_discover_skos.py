"""discover/skos.py: the draft scheme passes `ontology check` with the shipped ontology, guesses broader
only above BROADER_MIN, carries variants and counts, hangs the rest under the draft root, and is
byte-identical run to run."""
from __future__ import annotations

import pytest

from skillgraph.discover import BROADER_MIN, Group, write_draft
from skillgraph.discover.skos import DRAFT_ROOT
from skillgraph.model import Nearest
from skillgraph.ontology import check, compact, load_ontology


@pytest.fixture(scope="module")
def shipped():
    return load_ontology()


def _groups():
    return [
        Group("skill:azure-devops", "Azure DevOps", "azuredevop", 3, 4,
              (("Azure DevOps", 2), ("Azure Devops pipelines", 1), ("azure devops", 1)),
              (("a", "Ship with Azure DevOps."),),
              (Nearest("skill:kubernetes", "Kubernetes", BROADER_MIN + 0.05),)),
        Group("skill:salesforce", "Salesforce", "salesforce", 2, 2, (("Salesforce", 2),), (),
              (Nearest("skill:kubernetes", "Kubernetes", BROADER_MIN - 0.01),)),
        Group("skill:pulumi", "Pulumi", "pulumi", 1, 1, (("Pulumi", 1), ("PyTorch", 1)), (), ()),
    ]


def test_draft_passes_check_with_the_shipped_ontology(tmp_path, shipped):
    assert "skill:kubernetes" in shipped.concepts
    p = tmp_path / "draft.ttl"
    assert write_draft(_groups(), p, shipped) == 3
    ont = load_ontology([str(p)])
    assert check(ont) == []
    az, sf, pu = ont["skill:azure-devops"], ont["skill:salesforce"], ont["skill:pulumi"]
    assert az.label == "Azure DevOps" and az.alt_labels == ("Azure Devops pipelines",)   # case forms: one
    assert az.broader == ("skill:kubernetes",) and az.kind == shipped["skill:kubernetes"].kind
    assert sf.broader == (compact(DRAFT_ROOT),) == ("skill:discovered",) and sf.kind == "knowledge"
    assert pu.alt_labels == ()                     # "PyTorch" is a shipped concept's label: not re-used
    assert not az.top and not sf.top               # a top concept's one-word label would not link


def test_counts_and_the_guess_are_in_the_editorial_note(tmp_path, shipped):
    p = tmp_path / "draft.ttl"
    write_draft(_groups(), p, shipped)
    text = p.read_text(encoding="utf-8")
    assert "skillgraph discover: 3 postings, 4 mentions; nearest Kubernetes (skill:kubernetes, 0.65); " \
           "broader guessed from it" in text
    assert f"no broader guess (below {BROADER_MIN})" in text


def test_draft_is_byte_identical_run_to_run(tmp_path, shipped):
    a, b = tmp_path / "a.ttl", tmp_path / "b.ttl"
    write_draft(_groups(), a, shipped)
    write_draft(list(reversed(_groups())), b, shipped)
    assert a.read_bytes() == b.read_bytes()
