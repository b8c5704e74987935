"""ESCO's CSV distribution → SKOS Turtle that works as ``--ontology FILE``.

Reads ``skills_en.csv``, ``skillGroups_en.csv``, ``broaderRelationsSkillPillar.csv`` and
``skillsHierarchy_en.csv`` (gzipped as published or plain) and writes one ``skos:Concept`` per skill
and skill group, under ESCO's own URIs, with ``skos:prefLabel``, ``skos:altLabel`` (the
newline-separated cell), ``skos:hiddenLabel``, ``skos:definition`` (the description),
``skos:scopeNote``, ``skos:notation`` (group codes), ``skos:inScheme`` (every ESCO scheme the row
names), ESCO's skill type and reuse level (``escom:skillType``, ``escom:skillReuseLevel``, ESCO's own
model terms) and ``skos:broader`` (the skill pillar's broader relations plus the skills hierarchy),
so that every concept reaches one of the four ``skos:topConceptOf`` the ESCO skills scheme. Labels are
kept exactly as ESCO gives them (some alternative labels repeat the preferred one; some preferred
labels end in a space). ``sg:kind`` is added where ESCO's type says it: knowledge → ``sg:Knowledge``,
transversal skills → ``sg:SoftSkill``.

Written in a fixed order: the same input gives the same bytes, in seconds.
"""
from __future__ import annotations

import re
import time
from pathlib import Path

from skillgraph.errors import InputError
from skillgraph.vocab import DCT, ESCO, ESCO_CS, ESCO_MODEL, ISCED, OWL, RDF, RDFS, SG, SKOS, XSD

from .tables import find_table, read_rows

__all__ = ["ESCO_ACK", "ESCO_SCHEME", "import_esco"]

ESCO_SCHEME = ESCO_CS.skills
ESCO_ACK = "This service uses the ESCO classification of the European Commission."
SKILL_TYPES = {"skill/competence": "skill", "knowledge": "knowledge"}
PREFIXES_ESCO = {"dct": DCT.iri, "esco": ESCO.iri, "escom": ESCO_MODEL.iri, "escoscheme": ESCO_CS.iri,
                 "isced": ISCED.iri, "owl": OWL.iri, "rdfs": RDFS.iri, "sg": SG.iri, "skos": SKOS.iri,
                 "xsd": XSD.iri}


def _split(cell: str | None) -> list[str]:
    """ESCO's multi-value cells: one value a line (inScheme also uses commas)."""
    return [v for v in (cell or "").replace("\r", "").split("\n") if v.strip()]


def _schemes(cell: str | None) -> list[str]:
    return sorted({v.strip() for v in re.split(r"[,\n]", cell or "") if v.strip()})


# --- reading ----------------------------------------------------------------------------------------

def _version_of(d: Path) -> str:
    """``ESCO v1.1.1`` from a folder named like ``esco-v1.1.1``, else ``ESCO``."""
    m = re.search(r"v?(\d+\.\d+(?:\.\d+)?)", d.resolve().name)
    return f"ESCO v{m.group(1)}" if m else "ESCO"


def _add_hierarchy(path: Path, concepts: dict[str, dict], broader: dict[str, set[str]]) -> None:
    """The skills hierarchy's chains (level 0 → 3) as broader links, adding the groups only it names."""
    for row in read_rows(path, ("Level 0 URI", "Level 0 preferred term")):
        prev = None
        for lv in range(4):
            uri = (row.get(f"Level {lv} URI") or "").strip()
            if not uri:
                break
            if uri not in concepts:   # groups the hierarchy names that skillGroups_en lacks
                concepts[uri] = {"kind": "group", "row": {
                    "conceptUri": uri, "preferredLabel": row.get(f"Level {lv} preferred term", ""),
                    "code": row.get(f"Level {lv} code", ""), "inScheme": ESCO_SCHEME}}
            if prev:
                broader.setdefault(uri, set()).add(prev)
            prev = uri


def _read(d: Path) -> tuple[dict[str, dict], dict[str, set[str]]]:
    """uri → {"kind": skill|group, "row": {...}}, and uri → its broader uris."""
    concepts: dict[str, dict] = {}
    for row in read_rows(find_table(d, "skills_en"), ("conceptUri", "preferredLabel", "altLabels")):
        concepts[row["conceptUri"].strip()] = {"kind": "skill", "row": row}
    for row in read_rows(find_table(d, "skillGroups_en"), ("conceptUri", "preferredLabel")):
        concepts.setdefault(row["conceptUri"].strip(), {"kind": "group", "row": row})
    broader: dict[str, set[str]] = {}
    for row in read_rows(find_table(d, "broaderRelationsSkillPillar"), ("conceptUri", "broaderUri")):
        broader.setdefault(row["conceptUri"].strip(), set()).add(row["broaderUri"].strip())
    hier = find_table(d, "skillsHierarchy_en", required=False)
    if hier is not None:
        _add_hierarchy(hier, concepts, broader)
    unknown = sorted({b for bs in broader.values() for b in bs} - set(concepts))
    if unknown:
        raise InputError(f"{d}: {len(unknown)} broader concept(s) appear in no skills/skill-group file "
                         f"(first: {unknown[0]}) — is the download complete?")
    return concepts, broader


# --- triples ----------------------------------------------------------------------------------------

class _Triples:
    """The triples of the converted file, built in output order, and the counts :func:`import_esco` returns."""

    def __init__(self, literal):
        self.lit = literal          # skillgraph.export.terms.literal, imported when an import runs
        self.triples: list[tuple] = []
        self.add = self.triples.append
        self.counts = {"skills": 0, "groups": 0, "alt_labels": 0, "hidden_labels": 0, "broader": 0,
                       "top_concepts": 0}

    def scheme(self, version: str, tops: list[str]) -> None:
        add, lit = self.add, self.lit
        add((ESCO_SCHEME, RDF.type, (SKOS.ConceptScheme,)))
        add((ESCO_SCHEME, DCT.title, lit("ESCO skills pillar", "en")))
        add((ESCO_SCHEME, DCT.source, ("https://esco.ec.europa.eu/",)))
        add((ESCO_SCHEME, DCT.rights, lit(ESCO_ACK, "en")))
        add((ESCO_SCHEME, OWL.versionInfo, lit(version)))
        for t in tops:
            add((ESCO_SCHEME, SKOS.hasTopConcept, (t,)))
        self.counts["top_concepts"] = len(tops)

    def concept(self, uri: str, c: dict, broader, is_top: bool) -> None:
        add, row = self.add, c["row"]
        add((uri, RDF.type, (SKOS.Concept,)))
        self.labels(uri, row)
        for s in _schemes(row.get("inScheme")) or [ESCO_SCHEME]:
            add((uri, SKOS.inScheme, (s,)))
        if is_top:
            add((uri, SKOS.topConceptOf, (ESCO_SCHEME,)))
        for b in sorted(broader):
            add((uri, SKOS.broader, (b,)))
            self.counts["broader"] += 1
        self.notes(uri, row)
        if c["kind"] == "skill":
            self.counts["skills"] += 1
            self.skill_type(uri, row)
        else:
            self.counts["groups"] += 1

    def labels(self, uri: str, row: dict) -> None:
        add, lit = self.add, self.lit
        add((uri, SKOS.prefLabel, lit(row.get("preferredLabel") or "", "en")))
        alts = list(dict.fromkeys(_split(row.get("altLabels"))))
        hidden = list(dict.fromkeys(_split(row.get("hiddenLabels"))))
        for a in alts:
            add((uri, SKOS.altLabel, lit(a, "en")))
        for h in hidden:
            add((uri, SKOS.hiddenLabel, lit(h, "en")))
        self.counts["alt_labels"] += len(alts)
        self.counts["hidden_labels"] += len(hidden)

    def notes(self, uri: str, row: dict) -> None:
        """The description (or else the definition) as skos:definition, the scope note, the code."""
        add, lit = self.add, self.lit
        desc = (row.get("description") or "").strip()
        if desc:
            add((uri, SKOS.definition, lit(desc, "en")))
        elif (row.get("definition") or "").strip():
            add((uri, SKOS.definition, lit(row["definition"].strip(), "en")))
        if (row.get("scopeNote") or "").strip():
            add((uri, SKOS.scopeNote, lit(row["scopeNote"].strip(), "en")))
        if (row.get("code") or "").strip():
            add((uri, SKOS.notation, lit(row["code"].strip())))

    def skill_type(self, uri: str, row: dict) -> None:
        """ESCO's skill type and reuse level, and the sg:kind they imply (knowledge, soft skill)."""
        add = self.add
        st = SKILL_TYPES.get((row.get("skillType") or "").strip())
        if st:
            add((uri, ESCO_MODEL.skillType, (f"http://data.europa.eu/esco/skill-type/{st}",)))
        reuse = (row.get("reuseLevel") or "").strip()
        if reuse:
            add((uri, ESCO_MODEL.skillReuseLevel, (f"http://data.europa.eu/esco/skill-reuse-level/{reuse}",)))
        if st == "knowledge":
            add((uri, SG.kind, (SG.Knowledge,)))
        elif reuse == "transversal":
            add((uri, SG.kind, (SG.SoftSkill,)))


def import_esco(directory, out_path, *, version: str | None = None) -> dict:
    """Convert ESCO's CSV distribution in ``directory`` to SKOS Turtle at ``out_path``; returns counts."""
    from skillgraph.export.terms import literal
    from skillgraph.export.turtle import write_triples

    t0 = time.perf_counter()
    d = Path(directory)
    if not d.is_dir():
        raise InputError(f"{d}: not a folder — give the folder holding ESCO's skills_en.csv[.gz]")
    if version is None:
        version = _version_of(d)
    concepts, broader = _read(d)
    out = _Triples(literal)
    tops = sorted(u for u in concepts if not broader.get(u))
    top_set = set(tops)
    out.scheme(version, tops)
    for uri in sorted(concepts):
        out.concept(uri, concepts[uri], broader.get(uri, ()), uri in top_set)
    n = write_triples(out.triples, out_path, PREFIXES_ESCO, header=(
        f"# ESCO skills pillar as SKOS, converted from ESCO's CSV download by `skillgraph ontology import-esco`.\n"
        f"# {ESCO_ACK} ({version})\n"))
    counts = out.counts
    counts.update(concepts=len(concepts), triples=n, out=str(out_path),
                  seconds=round(time.perf_counter() - t0, 2))
    return counts
