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


def _sense_of(c: Concept, lab: str) -> bool:
    """Whether ``lab`` (normalised) is a weak label of ``c`` whose sense its cues decide."""
    return bool(c.sense_cues) and lab in {norm_label(w) for w in c.weak_labels}


def _label_clashes(ont: Ontology) -> list[Problem]:
    """A pref/alt label (normalised) that two or more concepts carry: one finding per concept; none where
    on each of them it is a weak label with sense cues ("monitoring": *model monitoring* in a sentence
    about models, *monitoring and alerting* in one about infrastructure, the cues decide)."""
    by_label: dict[str, list[str]] = defaultdict(list)
    for c in ont.concepts.values():
        for lab in {norm_label(x) for x in (c.label, *c.alt_labels)}:
            by_label[lab].append(c.id)
    out = []
    for lab, ids in sorted(by_label.items()):
        if len(ids) > 1 and not all(_sense_of(ont[cid], lab) for cid in ids):
            ids = sorted(ids)
            for cid in ids:
                others = [x for x in ids[:9] if x != cid][:8]   # at most 8 named: linear in concepts
                more = len(ids) - 1 - len(others)
                text = ", ".join(others) + (f" and {more} more" if more else "")
                out.append(Problem(ont[cid].source, cid, f"label {lab!r} also on {text}"))
    return out


def _dangling(ont: Ontology, ours: list[Concept]) -> list[Problem]:
    """Our concepts' broader links to no concept, exact-case labels that are none of their labels, and
    sense cues on a concept with no weak label (they would do nothing)."""
    out = []
    for c in ours:
        for b in c.broader:
            if b not in ont.concepts:
                out.append(Problem(c.source, c.id, f"skos:broader {b} is not a concept of the ontology"))
        for lab in c.exact_case_labels:
            if lab not in (c.label, *c.alt_labels):
                out.append(Problem(c.source, c.id, f"exactCaseLabel {lab!r} is not one of its labels"))
        if c.sense_cues and not c.weak_labels:
            out.append(Problem(c.source, c.id, "senseCue without a weakLabel: the cues tell a weak label's sense "
                                               "and do nothing alone"))
    return out


class _Hierarchy:
    """Depth-first walk up ``skos:broader``: finds cycles and whether a concept reaches a top concept.

    A concept of someone else's scheme without broader counts as a top; ours must say ``topConceptOf``.
    Iterative (an explicit stack), so a hierarchy of any depth is fine, and each concept is walked
    once: linear in concepts and broader links.
    """

    def __init__(self, ont: Ontology, probs: list[Problem]):
        self.ont, self.probs = ont, probs
        self.state: dict[str, int] = {}      # 1: on the stack, 2: done
        self.reaches: dict[str, bool] = {}
        self.cyclic: set[str] = {p.concept for p in probs if "cycle" in p.message}

    def _top(self, cid: str) -> bool:
        c = self.ont[cid]
        return bool(c.top or (not c.broader and not c.id.startswith("skill:")))

    def visit(self, root: str) -> bool:
        """Whether ``root`` reaches a top concept; cycles met on the way are appended to the problems."""
        state, reaches, concepts = self.state, self.reaches, self.ont.concepts
        if state.get(root) == 2:
            return reaches[root]
        path, pos = [root], {root: 0}
        oks, its = [self._top(root)], [iter(self.ont[root].broader)]
        state[root] = 1
        ok = False
        while its:
            b = next(its[-1], None)
            if b is None:                      # all broader of path[-1] seen: it is done
                cid = path.pop()
                del pos[cid]
                its.pop()
                ok = oks.pop()
                state[cid], reaches[cid] = 2, ok
                if oks and ok:
                    oks[-1] = True
                continue
            if b not in concepts:
                continue
            st = state.get(b)
            if st == 1:                        # back on the path: a cycle
                cyc = path[pos[b]:] + [b]
                self.probs.append(Problem(self.ont[b].source, b, "broader cycle: " + " -> ".join(cyc)))
                self.cyclic.add(b)
            elif st == 2:
                if reaches[b]:
                    oks[-1] = True
            else:
                state[b], pos[b] = 1, len(path)
                path.append(b)
                oks.append(self._top(b))
                its.append(iter(self.ont[b].broader))
        return ok


def _hierarchy_and_kinds(ont: Ontology, ours: list[Concept], probs: list[Problem]) -> None:
    """Append to ``probs``, concept by concept (by id): cycles, no top concept reached, no sg:kind;
    then the cycles among the other concepts (any namespace) that none of ours leads to."""
    walk = _Hierarchy(ont, probs)
    for c in sorted(ours, key=lambda c: c.id):
        if not walk.visit(c.id) and c.id not in walk.cyclic:
            probs.append(Problem(c.source, c.id, "reaches no top concept (add skos:broader)"))
        if c.kind is None:
            probs.append(Problem(c.source, c.id, "no sg:kind"))
    for cid in sorted(ont.concepts):
        if cid not in walk.state:
            walk.visit(cid)


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
    """The line of ``file`` where the concept's description starts (by compact id or ``<iri>``).
    Each file is read and indexed once (first word of every line), so this is a dict lookup."""
    if file not in cache:
        index: dict[str, int] = {}
        try:
            lines = Path(file).read_text(encoding="utf-8").splitlines()
        except (OSError, UnicodeDecodeError):
            lines = []
        for i, line in enumerate(lines, 1):
            if " " in line:                      # "local " at the start
                index.setdefault(line.split(" ", 1)[0], i)
            if line.startswith("<") and ">" in line:
                index.setdefault("\0" + line[:line.index(">") + 1], i)
        cache[file] = index
    index = cache[file]
    hits = [i for i in (index.get(compact(iri)), index.get(f"\0<{iri}>")) if i is not None]
    return min(hits) if hits else None


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
