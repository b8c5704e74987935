"""Load SKOS skill ontologies (ours, ESCO's, a user's), index their labels, walk their hierarchy.

Any SKOS Turtle works: ``skos:Concept`` resources with ``skos:prefLabel``/``altLabel``/``hiddenLabel``
and ``skos:broader``. Our own annotations (``sg:kind``, ``sg:exactCaseLabel``, ``sg:weakLabel``,
``sg:onetTechnology``) are read when present. Files are parsed with pyoxigraph (about 10x faster
than rdflib for ESCO-sized files). Several files merge: a concept described in two files gets the
union of its labels and links.

Concept ids are compact where we know the namespace: ``skill:<slug>`` for ours, ``esco:<uuid>``
for ESCO skills; any other concept keeps its full IRI as id.
"""
from __future__ import annotations

import os
import re
from collections import defaultdict
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Iterable

from .errors import OntologyError
from .model import Concept

__all__ = [
    "DEFAULT_DIR", "PREFIXES", "Ontology", "Problem", "check", "compact", "expand", "load_ontology",
    "norm_label",
]

SKOS = "http://www.w3.org/2004/02/skos/core#"
SG = "https://w3id.org/skillgraph/vocab#"
SKILL = "https://w3id.org/skillgraph/skill/"
ESCO_SKILL = "http://data.europa.eu/esco/skill/"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
OWL_VERSION = "http://www.w3.org/2002/07/owl#versionInfo"

PREFIXES = {"skill": SKILL, "esco": ESCO_SKILL}
KINDS = {"Method": "method", "Tool": "tool", "Domain": "domain", "Knowledge": "knowledge",
         "SoftSkill": "soft-skill"}

DEFAULT_DIR = Path(os.environ.get("SKILLGRAPH_ONTOLOGY_DIR", Path(__file__).resolve().parent.parent / "ontology"))

_HYPHENS = str.maketrans({c: " " for c in "-\u2010\u2011\u2012\u2013\u2014\u2015_"})
_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'"})
_WS = re.compile(r"\s+")


def norm_label(s: str) -> str:
    """The key labels are indexed under: lower case, hyphens/dashes as spaces, single spaces.

    The same folding is applied to posting text (character for character, so offsets survive).
    """
    return _WS.sub(" ", s.translate(_HYPHENS).translate(_QUOTES).lower()).strip()


def compact(iri: str) -> str:
    for p, ns in PREFIXES.items():
        if iri.startswith(ns) and "/" not in iri[len(ns):]:
            return f"{p}:{iri[len(ns):]}"
    return iri


def expand(cid: str) -> str:
    p, _, rest = cid.partition(":")
    return PREFIXES[p] + rest if p in PREFIXES and rest and not rest.startswith("//") else cid


@dataclass(frozen=True)
class Problem:
    """One finding of :func:`check`."""

    file: str
    concept: str
    message: str
    line: int | None = None

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        return f"{where}: {self.concept}: {self.message}"


class Ontology:
    """Concepts by id, a label index and the broader/narrower hierarchy."""

    def __init__(self, concepts: dict[str, Concept], version: str = "", files: Iterable[str] = (),
                 problems: Iterable[Problem] = ()):
        self.concepts = concepts
        self.version = version
        self.files = list(files)
        self.load_problems = list(problems)
        self._narrower: dict[str, list[str]] = defaultdict(list)
        for c in concepts.values():
            for b in c.broader:
                self._narrower[b].append(c.id)
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

    def narrower(self, cid: str) -> tuple[str, ...]:
        return tuple(sorted(self._narrower.get(cid, ())))

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

    def resolve(self, term: str) -> list[Concept]:
        """Concepts a term names: an id/IRI, or a label as extraction would link it."""
        t = term.strip()
        if t in self.concepts:
            return [self.concepts[t]]
        if compact(t) in self.concepts:
            return [self.concepts[compact(t)]]
        from .extract import matcher_for  # the matcher's own variant rules (plural, closed form)

        return [self.concepts[c] for c in matcher_for(self).lookup(t)]


# --- loading --------------------------------------------------------------------------------------

def default_files(directory: Path = DEFAULT_DIR) -> list[Path]:
    skills = directory / "skills"
    if not skills.is_dir():
        raise OntologyError(
            f"{skills}: the shipped ontology is missing — install skillgraph from its source tree "
            f"(pip install -e .) or set SKILLGRAPH_ONTOLOGY_DIR")
    return sorted(skills.glob("*.ttl"))


def _parse(path: Path):
    import pyoxigraph as ox

    try:
        with open(path, "rb") as fh:
            yield from ox.parse(fh, format=ox.RdfFormat.TURTLE if path.suffix != ".nt" else ox.RdfFormat.N_TRIPLES,
                                base_iri=path.resolve().as_uri())
    except SyntaxError as exc:
        raise OntologyError(f"{path}: not valid Turtle: {exc} — fix the syntax (rdflib or `riot` can "
                            f"point at the line)") from None
    except FileNotFoundError:
        raise OntologyError(f"{path}: no such ontology file — check the --ontology path") from None


def load_ontology(extra: Iterable[str | os.PathLike] = (), *, include_default: bool = True,
                  directory: Path | None = None) -> Ontology:
    """Our ontology (``ontology/skills/*.ttl``) merged with any extra SKOS files."""
    files = (default_files(directory or DEFAULT_DIR) if include_default else []) + [Path(p) for p in extra]
    if not files:
        raise OntologyError("no ontology files given — pass --ontology FILE or use the shipped one")
    acc: dict[str, dict] = {}
    version = ""
    for path in files:
        for q in _parse(path):
            s, p, o = q.subject, q.predicate.value, q.object
            if not hasattr(s, "value") or type(s).__name__ == "BlankNode":
                continue
            if p == OWL_VERSION and not version:
                version = o.value
                continue
            if not p.startswith((SKOS, SG)) and p != RDF_TYPE:
                continue
            d = acc.get(s.value)
            if d is None:
                d = acc[s.value] = defaultdict(list)
                d["_file"] = str(path)
            local = p.rsplit("#", 1)[-1] if p != RDF_TYPE else "type"
            d[local].append(o.value)
    concepts: dict[str, Concept] = {}
    problems: list[Problem] = []
    for iri, d in acc.items():
        if f"{SKOS}Concept" not in d.get("type", ()) and "prefLabel" not in d:
            continue
        if f"{SKOS}ConceptScheme" in d.get("type", ()):
            continue
        cid = compact(iri)
        prefs = sorted(set(d.get("prefLabel", ())))
        label = prefs[0].strip() if prefs else ""
        if len(prefs) > 1:
            problems.append(Problem(d["_file"], cid, f"{len(prefs)} prefLabels: {prefs}"))
        if not label:
            problems.append(Problem(d["_file"], cid, "no skos:prefLabel"))
            label = cid
        kind = next((KINDS.get(k.rsplit("#", 1)[-1]) for k in d.get("kind", ())), None)
        concepts[cid] = Concept(
            id=cid, iri=iri, label=label,
            alt_labels=tuple(sorted({a.strip() for a in d.get("altLabel", ())} - {label})),
            hidden_labels=tuple(sorted({a.strip() for a in d.get("hiddenLabel", ())})),
            exact_case_labels=tuple(sorted(set(d.get("exactCaseLabel", ())))),
            weak_labels=tuple(sorted(set(d.get("weakLabel", ())))),
            broader=tuple(sorted({compact(b) for b in d.get("broader", ())})),
            kind=kind,
            definition=(d.get("definition") or [None])[0],
            exact_match=tuple(sorted(set(d.get("exactMatch", ())))),
            close_match=tuple(sorted(set(d.get("closeMatch", ())))),
            onet=tuple(sorted(set(d.get("onetTechnology", ())))),
            top=bool(d.get("topConceptOf")),
            source=d["_file"],
        )
    return Ontology(concepts, version=version or "unversioned", files=[_display(f) for f in files],
                    problems=problems)


def _display(path: Path) -> str:
    """A path as recorded in outputs: relative to the project for the shipped ontology (so outputs
    are the same bytes on every machine), as given otherwise."""
    try:
        return Path(path).resolve().relative_to(DEFAULT_DIR.resolve().parent).as_posix()
    except ValueError:
        return str(path)


# --- checking -------------------------------------------------------------------------------------

def _line_of(file: str, iri: str, cache: dict) -> int | None:
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
    by_label: dict[str, list[str]] = defaultdict(list)
    for c in ont.concepts.values():
        for lab in {norm_label(x) for x in (c.label, *c.alt_labels)}:
            by_label[lab].append(c.id)
    for lab, ids in sorted(by_label.items()):
        if len(ids) > 1:
            for cid in sorted(ids):
                others = ", ".join(sorted(set(ids) - {cid}))
                probs.append(Problem(ont[cid].source, cid, f"label {lab!r} also on {others}"))
    ours = [c for c in ont.concepts.values() if c.id.startswith("skill:")]
    for c in ours:
        for b in c.broader:
            if b not in ont.concepts:
                probs.append(Problem(c.source, c.id, f"skos:broader {b} is not a concept of the ontology"))
        for lab in c.exact_case_labels:
            if lab not in (c.label, *c.alt_labels):
                probs.append(Problem(c.source, c.id, f"exactCaseLabel {lab!r} is not one of its labels"))
    # cycles and reachability of a top concept
    state: dict[str, int] = {}
    reaches: dict[str, bool] = {}

    def visit(cid: str, stack: list[str]) -> bool:
        if state.get(cid) == 1:
            cyc = stack[stack.index(cid):] + [cid]
            probs.append(Problem(ont[cid].source, cid, "broader cycle: " + " -> ".join(cyc)))
            return False
        if state.get(cid) == 2:
            return reaches[cid]
        state[cid] = 1
        c = ont[cid]
        ok = c.top or (not c.broader and not c.id.startswith("skill:"))
        for b in c.broader:
            if b in ont.concepts and visit(b, stack + [cid]):
                ok = True
        state[cid] = 2
        reaches[cid] = ok
        return ok

    for c in sorted(ours, key=lambda c: c.id):
        if not visit(c.id, []):
            if not any(p.concept == c.id and "cycle" in p.message for p in probs):
                probs.append(Problem(c.source, c.id, "reaches no top concept (add skos:broader)"))
        if c.kind is None:
            probs.append(Problem(c.source, c.id, "no sg:kind"))
    if known_targets is not None:
        for c in ours:
            for t in (*c.exact_match, *c.close_match):
                if t.startswith("http://data.europa.eu/esco/") and t not in known_targets:
                    probs.append(Problem(c.source, c.id, f"mapping target {t} is not in ESCO v1.1.1"))
            for name in c.onet:
                if f"onet:{name}" not in known_targets:
                    probs.append(Problem(c.source, c.id, f"O*NET technology {name!r} is not in O*NET 29.2"))
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
