"""The loaded ontology: concepts by id, their label index and the broader hierarchy.

:class:`Ontology` is what loading returns (:mod:`skillgraph.ontology.load`) and what extraction,
the graph and the queries read; :class:`Problem` is one finding of loading or of
:func:`~skillgraph.ontology.check.check`.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Iterable

from skillgraph.model import Concept

from .labels import expand, norm_label

__all__ = ["Ontology", "Problem"]


@dataclass(frozen=True)
class Problem:
    """One finding of :func:`~skillgraph.ontology.check.check`."""

    file: str
    concept: str
    message: str
    line: int | None = None

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        return f"{where}: {self.concept}: {self.message}"


class Ontology:
    """Concepts by id, a label index and the broader hierarchy."""

    def __init__(self, concepts: dict[str, Concept], version: str = "", files: Iterable[str] = (),
                 problems: Iterable[Problem] = (), curated: Iterable[str] | None = None):
        self.concepts = concepts
        # the concepts of the curated files (ours); an extra vocabulary's (ESCO) are the others
        self.curated = frozenset(concepts) if curated is None else frozenset(curated)
        self.version = version
        self.files = list(files)
        self.load_problems = list(problems)
        self._labels: dict[str, list[str]] | None = None

    # --- construction -------------------------------------------------------------------------
    @classmethod
    def from_concepts(cls, concepts: Iterable[Concept], version: str = "test") -> "Ontology":
        return cls({c.id: c for c in concepts}, version=version)

    # --- access -------------------------------------------------------------------------------
    def __contains__(self, cid: str) -> bool:
        return cid in self.concepts

    def __getitem__(self, cid: str) -> Concept:
        return self.concepts[cid]

    def __len__(self) -> int:
        return len(self.concepts)

    def get(self, cid: str) -> Concept | None:
        return self.concepts.get(cid)

    def iri(self, cid: str) -> str:
        c = self.concepts.get(cid)
        return c.iri if c else expand(cid)

    def broader(self, cid: str) -> tuple[str, ...]:
        c = self.concepts.get(cid)
        return tuple(b for b in c.broader if b in self.concepts) if c else ()

    def is_curated(self, cid: str) -> bool:
        """True for a concept of our own files (not one only an extra vocabulary such as ESCO has)."""
        return cid in self.curated

    def ancestors(self, cid: str) -> list[str]:
        """All broader concepts, breadth-first (nearest first), without duplicates."""
        out, seen, frontier = [], {cid}, [cid]
        while frontier:
            nxt = []
            for x in frontier:
                for b in self.broader(x):
                    if b not in seen:
                        seen.add(b)
                        out.append(b)
                        nxt.append(b)
            frontier = nxt
        return out

    def labels(self) -> dict[str, list[str]]:
        """normalised label -> concept ids (every pref/alt/hidden label)."""
        if self._labels is None:
            idx: dict[str, list[str]] = defaultdict(list)
            for c in self.concepts.values():
                for lab in (c.label, *c.alt_labels, *c.hidden_labels):
                    k = norm_label(lab)
                    if k and c.id not in idx[k]:
                        idx[k].append(c.id)
            self._labels = dict(idx)
        return self._labels
