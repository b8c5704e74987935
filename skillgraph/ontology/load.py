"""Read SKOS Turtle files into an :class:`~skillgraph.ontology.concepts.Ontology`.

Any SKOS Turtle works: ``skos:Concept`` resources with ``skos:prefLabel``/``altLabel``/``hiddenLabel``
and ``skos:broader``. Our own annotations (``sg:kind``, ``sg:exactCaseLabel``, ``sg:weakLabel``, ``sg:senseCue``,
``sg:onetTechnology``) are read when present. Files are parsed with pyoxigraph (about 10x faster
than rdflib for ESCO-sized files). Several files merge: a concept described in two files gets the
union of its labels and links. The shipped files come from :mod:`skillgraph.resources`.
"""
from __future__ import annotations

import os
from collections import defaultdict
from pathlib import Path
from typing import Iterable

from skillgraph.errors import OntologyError
from skillgraph.model import Concept
from skillgraph.resources import display_name, ontology_dir, skill_files
from skillgraph.vocab import OWL, RDF, SG, SKILL_KINDS, SKOS

from .concepts import Ontology, Problem
from .labels import compact
from .merge import merge_matches

__all__ = ["default_files", "load_ontology"]

_KIND_OF_CLASS = {cls: kind for kind, cls in SKILL_KINDS.items()}   # "SoftSkill" -> "soft-skill"


def default_files(directory: Path | None = None) -> list[Path]:
    """The shipped skill schemes (``skills/*.ttl`` of ``directory``, by default the shipped ontology)."""
    directory = directory or ontology_dir()
    skills = directory / "skills"
    if not skills.is_dir():
        raise OntologyError(
            f"{skills}: the shipped ontology is missing — install skillgraph from its source tree "
            f"(pip install -e .) or set SKILLGRAPH_ONTOLOGY_DIR")
    return skill_files(directory)


def _parse(path: Path):
    import pyoxigraph as ox

    try:
        with open(path, "rb") as fh:
            if fh.read(3) != b"\xef\xbb\xbf":   # a UTF-8 BOM (Windows editors write one) is not a syntax error
                fh.seek(0)
            yield from ox.parse(fh, format=ox.RdfFormat.TURTLE if path.suffix != ".nt" else ox.RdfFormat.N_TRIPLES,
                                base_iri=path.resolve().as_uri())
    except SyntaxError as exc:
        raise OntologyError(f"{path}: not valid Turtle: {exc} — fix the syntax (rdflib or `riot` can "
                            f"point at the line)") from None
    except FileNotFoundError:
        raise OntologyError(f"{path}: no such ontology file — check the --ontology path") from None


def _collect(files: list[Path]) -> tuple[dict[str, dict], str]:
    """IRI → {local property name: [values], "_file": first file naming it}, and the first owl:versionInfo."""
    acc: dict[str, dict] = {}
    version = ""
    for path in files:
        for q in _parse(path):
            s, p, o = q.subject, q.predicate.value, q.object
            if not hasattr(s, "value") or type(s).__name__ == "BlankNode":
                continue
            if p == OWL.versionInfo and not version:
                version = o.value
                continue
            if not p.startswith((SKOS.iri, SG.iri)) and p != RDF.type:
                continue
            d = acc.get(s.value)
            if d is None:
                d = acc[s.value] = defaultdict(list)
                d["_file"] = str(path)
            local = p.rsplit("#", 1)[-1] if p != RDF.type else "type"
            d[local].append(o.value)
    return acc, version


def _is_concept(d: dict) -> bool:
    types = d.get("type", ())
    return (SKOS.Concept in types or "prefLabel" in d) and SKOS.ConceptScheme not in types


def _concept(iri: str, d: dict, problems: list[Problem]) -> Concept:
    """One concept from its collected properties; a missing or second prefLabel goes to ``problems``."""
    cid = compact(iri)
    prefs = sorted(set(d.get("prefLabel", ())))
    label = prefs[0].strip() if prefs else ""
    if len(prefs) > 1:
        problems.append(Problem(d["_file"], cid, f"{len(prefs)} prefLabels: {prefs}"))
    if not label:
        problems.append(Problem(d["_file"], cid, "no skos:prefLabel"))
        label = cid
    kind = next((_KIND_OF_CLASS.get(k.rsplit("#", 1)[-1]) for k in d.get("kind", ())), None)
    return Concept(
        id=cid, iri=iri, label=label,
        alt_labels=tuple(sorted({a.strip() for a in d.get("altLabel", ())} - {label})),
        hidden_labels=tuple(sorted({a.strip() for a in d.get("hiddenLabel", ())})),
        exact_case_labels=tuple(sorted(set(d.get("exactCaseLabel", ())))),
        weak_labels=tuple(sorted(set(d.get("weakLabel", ())))),
        sense_cues=tuple(sorted({w.strip() for w in d.get("senseCue", ()) if w.strip()})),
        broader=tuple(sorted({compact(b) for b in d.get("broader", ())})),
        kind=kind,
        definition=(d.get("definition") or [None])[0],
        exact_match=tuple(sorted(set(d.get("exactMatch", ())))),
        close_match=tuple(sorted(set(d.get("closeMatch", ())))),
        onet=tuple(sorted(set(d.get("onetTechnology", ())))),
        top=bool(d.get("topConceptOf")),
        source=d["_file"],
    )


def load_ontology(extra: Iterable[str | os.PathLike] = (), *, include_default: bool = True,
                  directory: Path | None = None) -> Ontology:
    """Our ontology (``ontology/skills/*.ttl``) merged with any extra SKOS files.

    The shipped files (or, with ``include_default=False``, the first file) are the curated ones:
    their concepts absorb the extra files' concepts they ``skos:exactMatch`` and the extra files'
    generic labels do not link alone (:mod:`skillgraph.ontology.merge`)."""
    shipped = default_files(directory) if include_default else []
    files = shipped + [Path(p) for p in extra]
    if not files:
        raise OntologyError("no ontology files given — pass --ontology FILE or use the shipped one")
    acc, version = _collect(files)
    problems: list[Problem] = []
    concepts: dict[str, Concept] = {}
    base = {str(f) for f in (shipped or files[:1])}
    curated = set()
    for iri, d in acc.items():
        if _is_concept(d):
            c = _concept(iri, d, problems)
            concepts[c.id] = c
            if d["_file"] in base:
                curated.add(c.id)
    concepts = merge_matches(concepts, curated)
    # outputs record shipped files as ontology/skills/x.ttl, so they are the same bytes on every machine
    return Ontology(concepts, version=version or "unversioned", files=[display_name(f) for f in files],
                    problems=problems, curated=curated & set(concepts))
