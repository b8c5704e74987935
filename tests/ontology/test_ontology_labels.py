"""Label normalisation and compact concept ids (skillgraph/ontology/labels.py)."""
from __future__ import annotations

from skillgraph.ontology import PREFIXES, compact, expand, norm_label


def test_norm_label_folds_case_hyphens_and_space():
    assert norm_label("  Fine-Tuning ") == norm_label("fine   tuning") == "fine tuning"


def test_compact_and_expand_are_inverse_for_known_namespaces():
    assert compact(PREFIXES["skill"] + "pytorch") == "skill:pytorch"
    assert compact(PREFIXES["esco"] + "0a1b") == "esco:0a1b"
    assert expand("skill:pytorch") == PREFIXES["skill"] + "pytorch"
    assert expand("esco:0a1b") == PREFIXES["esco"] + "0a1b"
    # other IRIs (and ones with a deeper path) keep their full IRI as id
    assert compact("https://example.com/skills/x") == "https://example.com/skills/x"
    assert compact(PREFIXES["skill"] + "a/b") == PREFIXES["skill"] + "a/b"
    assert expand("https://example.com/x") == "https://example.com/x"
