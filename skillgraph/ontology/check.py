"""Check an ontology: labels on two concepts, broader cycles, missing prefLabels, dangling broader,
concepts that reach no top concept, concepts without ``sg:kind``, and mapping targets that the
reference data (ESCO v1.1.1, O*NET 29.2) does not know.

:func:`check` runs the steps in a fixed order, so its findings (and ``skillgraph ontology check``'s
output) come in the same order every time; :func:`reference_targets` reads the known targets.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import replace
from pathlib import Path

from skillgraph.model import Concept

from .concepts import Ontology, Problem
from .labels import compact, norm_label

__all__ = ["check", "reference_targets"]


def _label_clashes(ont: Ontology) -> list[Problem]:
    """A pref/alt label (normalised) that two or more concepts carry: one finding per concept."""
    by_label: dict[str, list[str]] = defaultdict(list)
    for c in ont.concepts.values():
        for lab in {norm_label(x) for x in (c.label, *c.alt_labels)}:
            by_label[lab].append(c.id)
    out = []
    for lab, ids in sorted(by_label.items()):
        if len(ids) > 1:
            for cid in sorted(ids):
                others = ", ".join(sorted(set(ids) - {cid}))
                out.append(Problem(ont[cid].source, cid, f"label {lab!r} also on {others}"))
    return out


def _dangling(ont: Ontology, ours: list[Concept]) -> list[Problem]:
    """Our concepts' broader links to no concept, and exact-case labels that are none of their labels."""
    out = []
    for c in ours:
        for b in c.broader:
            if b not in ont.concepts:
                out.append(Problem(c.source, c.id, f"skos:broader {b} is not a concept of the ontology"))
        for lab in c.exact_case_labels:
            if lab not in (c.label, *c.alt_labels):
                out.append(Problem(c.source, c.id, f"exactCaseLabel {lab!r} is not one of its labels"))
    return out


class _Hierarchy:
    """Depth-first walk up ``skos:broader``: finds cycles and whether a concept reaches a top concept.

    A concept of someone else's scheme without broader counts as a top; ours must say ``topConceptOf``.
    """

    def __init__(self, ont: Ontology, probs: list[Problem]):
        self.ont, self.probs = ont, probs
        self.state: dict[str, int] = {}      # 1: on the stack, 2: done
        self.reaches: dict[str, bool] = {}

    def visit(self, cid: str, stack: list[str]) -> bool:
        if self.state.get(cid) == 1:
            cyc = stack[stack.index(cid):] + [cid]
            self.probs.append(Problem(self.ont[cid].source, cid, "broader cycle: " + " -> ".join(cyc)))
            return False
        if self.state.get(cid) == 2:
            return self.reaches[cid]
        self.state[cid] = 1
        c = self.ont[cid]
        ok = c.top or (not c.broader and not c.id.startswith("skill:"))
        for b in c.broader:
            if b in self.ont.concepts and self.visit(b, stack + [cid]):
                ok = True
        self.state[cid] = 2
        self.reaches[cid] = ok
        return ok


def _hierarchy_and_kinds(ont: Ontology, ours: list[Concept], probs: list[Problem]) -> None:
    """Append to ``probs``, concept by concept (by id): cycles, no top concept reached, no sg:kind."""
    walk = _Hierarchy(ont, probs)
    for c in sorted(ours, key=lambda c: c.id):
        if not walk.visit(c.id, []):
            if not any(p.concept == c.id and "cycle" in p.message for p in probs):
                probs.append(Problem(c.source, c.id, "reaches no top concept (add skos:broader)"))
        if c.kind is None:
            probs.append(Problem(c.source, c.id, "no sg:kind"))


def _unknown_targets(ours: list[Concept], known_targets: set[str]) -> list[Problem]:
    """ESCO mapping targets and O*NET technology names the reference data does not know."""
    out = []
    for c in ours:
        for t in (*c.exact_match, *c.close_match):
            if t.startswith("http://data.europa.eu/esco/") and t not in known_targets:
                out.append(Problem(c.source, c.id, f"mapping target {t} is not in ESCO v1.1.1"))
        for name in c.onet:
            if f"onet:{name}" not in known_targets:
                out.append(Problem(c.source, c.id, f"O*NET technology {name!r} is not in O*NET 29.2"))
    return out


def _line_of(file: str, iri: str, cache: dict) -> int | None:
    """The line of ``file`` where the concept's description starts (by compact id or ``<iri>``)."""
    if file not in cache:
        try:
            cache[file] = Path(file).read_text(encoding="utf-8").splitlines()
        except OSError:
            cache[file] = []
    local = compact(iri)
    for i, line in enumerate(cache[file], 1):
        if line.startswith((local + " ", f"<{iri}>")):
            return i
    return None


def check(ont: Ontology, *, known_targets: set[str] | None = None) -> list[Problem]:
    """Problems in an ontology: labels on two concepts, cycles, missing prefLabel, dangling broader,
    concepts that reach no top concept, unknown mapping targets (when ``known_targets`` is given)."""
    probs = list(ont.load_problems)
    probs += _label_clashes(ont)
    ours = [c for c in ont.concepts.values() if c.id.startswith("skill:")]
    probs += _dangling(ont, ours)
    _hierarchy_and_kinds(ont, ours, probs)
    if known_targets is not None:
        probs += _unknown_targets(ours, known_targets)
    cache: dict = {}
    return [replace(p, line=p.line or _line_of(p.file, ont.iri(p.concept), cache)) for p in probs]


def reference_targets(data_dir: Path) -> set[str]:
    """ESCO skill URIs and O*NET technology names (``onet:<name>``) found in the shared data."""
    import csv
    import gzip

    out: set[str] = set()
    esco = data_dir / "esco-v1.1.1"
    for name in ("skills_en.csv.gz", "skillGroups_en.csv.gz"):
        p = esco / name
        if p.exists():
            with gzip.open(p, "rt", encoding="utf-8", newline="") as fh:
                out.update(r["conceptUri"] for r in csv.DictReader(fh))
    p = data_dir / "onet-29.2" / "Technology_Skills.tsv.gz"
    if p.exists():
        with gzip.open(p, "rt", encoding="utf-8", newline="") as fh:
            out.update("onet:" + r["Example"] for r in csv.DictReader(fh, delimiter="\t"))
    return out
