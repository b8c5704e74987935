"""discover/skos.py: the draft scheme passes `ontology check` with the shipped ontology, guesses broader
only from BROADER_MIN up and only a more general concept, carries variants and counts, hangs the rest
under the draft root, and is byte-identical run to run."""
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
    k8s = "skill:kubernetes", "Kubernetes"
    return [
        Group("skill:kubernetes-cost-tuning", "Kubernetes cost tuning", "kubernetescosttuning", 3, 4,
              (("Kubernetes cost tuning", 2), ("Kubernetes Cost Tuning tools", 1), ("kubernetes cost-tuning", 1)),
              (("a", "Do Kubernetes cost tuning."),),
              (Nearest("skill:azure-monitor", "Azure Monitor", 0.9), Nearest(*k8s, BROADER_MIN + 0.15))),
        Group("skill:kubernetes-fleet", "Kubernetes fleet", "kubernetesfleet", 2, 2, (("Kubernetes fleet", 2),), (),
              (Nearest(*k8s, BROADER_MIN - 0.01),)),
        Group("skill:monitor", "Monitor", "monitor", 1, 1, (("Monitor", 1), ("PyTorch", 1)), (),
              (Nearest("skill:azure-monitor", "Azure Monitor", 0.71),)),
    ]


def test_draft_passes_check_with_the_shipped_ontology(tmp_path, shipped):
    assert {"skill:kubernetes", "skill:azure-monitor"} <= set(shipped.concepts)
    p = tmp_path / "draft.ttl"
    assert write_draft(_groups(), p, shipped) == 3
    ont = load_ontology([str(p)])
    assert check(ont) == []
    op, fl, mo = ont["skill:kubernetes-cost-tuning"], ont["skill:kubernetes-fleet"], ont["skill:monitor"]
    assert op.label == "Kubernetes cost tuning"
    assert op.alt_labels == ("Kubernetes Cost Tuning tools",)   # the case forms: one altLabel
    # Azure Monitor scores higher but is not more general: Kubernetes is the guess
    assert op.broader == ("skill:kubernetes",) and op.kind == shipped["skill:kubernetes"].kind
    assert fl.broader == (compact(DRAFT_ROOT),) == ("skill:discovered",) and fl.kind == "knowledge"  # score too low
    assert mo.broader == ("skill:discovered",)    # "Monitor" is not an Azure Monitor
    assert mo.alt_labels == ()                     # "PyTorch" is a shipped concept's label: not re-used
    assert not op.top and not mo.top               # a top concept's one-word label would not link


def test_counts_and_the_guess_are_in_the_editorial_note(tmp_path, shipped):
    p = tmp_path / "draft.ttl"
    write_draft(_groups(), p, shipped)
    text = p.read_text(encoding="utf-8")
    assert "skillgraph discover: 3 postings, 4 mentions; nearest Kubernetes (skill:kubernetes, 0.65); " \
           "broader guessed from it" in text
    assert "skillgraph discover: 1 postings, 1 mentions; nearest Azure Monitor (skill:azure-monitor, 0.71); " \
           "no broader guess; sg:kind knowledge by default" in text


def test_draft_is_byte_identical_run_to_run(tmp_path, shipped):
    a, b = tmp_path / "a.ttl", tmp_path / "b.ttl"
    write_draft(_groups(), a, shipped)
    write_draft(list(reversed(_groups())), b, shipped)
    assert a.read_bytes() == b.read_bytes()
