"""Import public skill vocabularies as SKOS Turtle that works as ``--ontology FILE``.

* :func:`import_esco` — ESCO's CSV distribution (``skills_en.csv``, ``skillGroups_en.csv``,
  ``broaderRelationsSkillPillar.csv``, ``skillsHierarchy_en.csv``; gzipped as published or plain) →
  one ``skos:Concept`` per skill and skill group, under ESCO's own URIs, with ``skos:prefLabel``,
  ``skos:altLabel`` (the newline-separated cell), ``skos:hiddenLabel``, ``skos:definition`` (the
  description), ``skos:scopeNote``, ``skos:notation`` (group codes), ``skos:inScheme`` (every ESCO
  scheme the row names), ESCO's skill type and reuse level (``escom:skillType``,
  ``escom:skillReuseLevel``, ESCO's own model terms) and ``skos:broader`` (the skill pillar's
  broader relations plus the skills hierarchy), so that every concept reaches one of the four
  ``skos:topConceptOf`` the ESCO skills scheme. Labels are kept exactly as ESCO gives them (some
  alternative labels repeat the preferred one; some preferred labels end in a space).
  ``sg:kind`` is added where ESCO's type says it: knowledge → ``sg:Knowledge``, transversal
  skills → ``sg:SoftSkill``.
* :func:`import_onet` — O*NET Technology Skills (``Technology_Skills.tsv[.gz]``) → a tools vocabulary:
  one concept per technology (its ``Example`` name, ``sg:onetTechnology``, ``sg:kind sg:Tool``)
  under its UNSPSC commodity, class, family and segment (``UNSPSC_Reference.tsv`` next to it, when
  present). O*NET has no URIs for technologies, so they live under
  ``https://w3id.org/skillgraph/onet/``; UNSPSC codes are kept as ``skos:notation``.

Written through pyoxigraph in a fixed order: the same input gives the same bytes, in seconds.
"""
from __future__ import annotations

import csv
import gzip
import re
import time
from pathlib import Path
from typing import Iterator

from .errors import InputError
from .rdf import DCT, ESCO, ESCO_MODEL, OWL, RDF, RDFS, SG, SKOS, XSD, _lit, write_triples

__all__ = ["ESCO_ACK", "ONET", "import_esco", "import_onet"]

ESCO_CS = "http://data.europa.eu/esco/concept-scheme/"
ESCO_SCHEME = ESCO_CS + "skills"
ISCED = "http://data.europa.eu/esco/isced-f/"
ESCO_ACK = "This service uses the ESCO classification of the European Commission."
ONET = "https://w3id.org/skillgraph/onet/"
ONET_ACK = ("O*NET 29.2 Database by the U.S. Department of Labor, Employment and Training Administration "
            "(USDOL/ETA), used under the CC BY 4.0 license. O*NET is a trademark of USDOL/ETA.")

TYPE = RDF + "type"
CONCEPT = (SKOS + "Concept",)
SKILL_TYPES = {"skill/competence": "skill", "knowledge": "knowledge"}

csv.field_size_limit(1 << 24)


def _open(directory: Path, stem: str, required: bool = True, suffixes=(".csv", ".tsv")):
    for suf in suffixes:
        for name in (stem + suf + ".gz", stem + suf):
            p = directory / name
            if p.is_file():
                return p
    if required:
        raise InputError(f"{directory}: no {stem}{suffixes[0]} or {stem}{suffixes[0]}.gz — point at the folder of "
                         f"ESCO's CSV download (English, 'csv' format)")
    return None


def _rows(path: Path, need: tuple[str, ...], delimiter: str = ",") -> Iterator[dict]:
    opener = gzip.open if path.suffix == ".gz" else open
    try:
        with opener(path, "rt", encoding="utf-8-sig", newline="") as fh:
            r = csv.DictReader(fh, delimiter=delimiter)
            missing = [c for c in need if c not in (r.fieldnames or ())]
            if missing:
                raise InputError(f"{path}: missing column(s) {', '.join(missing)} — is this the right file?")
            yield from r
    except (OSError, UnicodeDecodeError, csv.Error, EOFError) as exc:
        raise InputError(f"{path}: cannot be read as CSV ({exc})") from None


def _split(cell: str | None) -> list[str]:
    """ESCO's multi-value cells: one value a line (inScheme also uses commas)."""
    return [v for v in (cell or "").replace("\r", "").split("\n") if v.strip()]


def _schemes(cell: str | None) -> list[str]:
    return sorted({v.strip() for v in re.split(r"[,\n]", cell or "") if v.strip()})


PREFIXES_ESCO = {"dct": DCT, "esco": ESCO, "escom": ESCO_MODEL, "escoscheme": ESCO_CS, "isced": ISCED,
                 "owl": OWL, "rdfs": RDFS, "sg": SG, "skos": SKOS, "xsd": XSD}


def import_esco(directory, out_path, *, version: str | None = None) -> dict:
    """Convert ESCO's CSV distribution in ``directory`` to SKOS Turtle at ``out_path``; returns counts."""
    t0 = time.perf_counter()
    d = Path(directory)
    if not d.is_dir():
        raise InputError(f"{d}: not a folder — give the folder holding ESCO's skills_en.csv[.gz]")
    if version is None:
        m = re.search(r"v?(\d+\.\d+(?:\.\d+)?)", d.resolve().name)
        version = f"ESCO v{m.group(1)}" if m else "ESCO"

    concepts: dict[str, dict] = {}      # uri -> {"kind": skill|group, "row": {...}}
    for row in _rows(_open(d, "skills_en"), ("conceptUri", "preferredLabel", "altLabels")):
        concepts[row["conceptUri"].strip()] = {"kind": "skill", "row": row}
    for row in _rows(_open(d, "skillGroups_en"), ("conceptUri", "preferredLabel")):
        concepts.setdefault(row["conceptUri"].strip(), {"kind": "group", "row": row})
    broader: dict[str, set[str]] = {}
    for row in _rows(_open(d, "broaderRelationsSkillPillar"), ("conceptUri", "broaderUri")):
        broader.setdefault(row["conceptUri"].strip(), set()).add(row["broaderUri"].strip())
    hier = _open(d, "skillsHierarchy_en", required=False)
    if hier is not None:
        for row in _rows(hier, ("Level 0 URI", "Level 0 preferred term")):
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
    unknown = sorted({b for bs in broader.values() for b in bs} - set(concepts))
    if unknown:
        raise InputError(f"{d}: {len(unknown)} broader concept(s) appear in no skills/skill-group file "
                         f"(first: {unknown[0]}) — is the download complete?")

    triples: list[tuple] = []
    add = triples.append
    tops = sorted(u for u in concepts if not broader.get(u))
    counts = {"skills": 0, "groups": 0, "alt_labels": 0, "hidden_labels": 0, "broader": 0,
              "top_concepts": len(tops)}
    add((ESCO_SCHEME, TYPE, (SKOS + "ConceptScheme",)))
    add((ESCO_SCHEME, DCT + "title", _lit("ESCO skills pillar", "en")))
    add((ESCO_SCHEME, DCT + "source", ("https://esco.ec.europa.eu/",)))
    add((ESCO_SCHEME, DCT + "rights", _lit(ESCO_ACK, "en")))
    add((ESCO_SCHEME, OWL + "versionInfo", _lit(version)))
    for t in tops:
        add((ESCO_SCHEME, SKOS + "hasTopConcept", (t,)))
    for uri in sorted(concepts):
        c = concepts[uri]
        row = c["row"]
        add((uri, TYPE, CONCEPT))
        pref = row.get("preferredLabel") or ""
        add((uri, SKOS + "prefLabel", _lit(pref, "en")))
        alts = list(dict.fromkeys(_split(row.get("altLabels"))))
        hidden = list(dict.fromkeys(_split(row.get("hiddenLabels"))))
        for a in alts:
            add((uri, SKOS + "altLabel", _lit(a, "en")))
        for h in hidden:
            add((uri, SKOS + "hiddenLabel", _lit(h, "en")))
        counts["alt_labels"] += len(alts)
        counts["hidden_labels"] += len(hidden)
        for s in _schemes(row.get("inScheme")) or [ESCO_SCHEME]:
            add((uri, SKOS + "inScheme", (s,)))
        if uri in tops:
            add((uri, SKOS + "topConceptOf", (ESCO_SCHEME,)))
        for b in sorted(broader.get(uri, ())):
            add((uri, SKOS + "broader", (b,)))
            counts["broader"] += 1
        desc = (row.get("description") or "").strip()
        if desc:
            add((uri, SKOS + "definition", _lit(desc, "en")))
        elif (row.get("definition") or "").strip():
            add((uri, SKOS + "definition", _lit(row["definition"].strip(), "en")))
        if (row.get("scopeNote") or "").strip():
            add((uri, SKOS + "scopeNote", _lit(row["scopeNote"].strip(), "en")))
        if (row.get("code") or "").strip():
            add((uri, SKOS + "notation", _lit(row["code"].strip())))
        if c["kind"] == "skill":
            counts["skills"] += 1
            st = SKILL_TYPES.get((row.get("skillType") or "").strip())
            if st:
                add((uri, ESCO_MODEL + "skillType", (f"http://data.europa.eu/esco/skill-type/{st}",)))
            reuse = (row.get("reuseLevel") or "").strip()
            if reuse:
                add((uri, ESCO_MODEL + "skillReuseLevel", (f"http://data.europa.eu/esco/skill-reuse-level/{reuse}",)))
            if st == "knowledge":
                add((uri, SG + "kind", (SG + "Knowledge",)))
            elif reuse == "transversal":
                add((uri, SG + "kind", (SG + "SoftSkill",)))
        else:
            counts["groups"] += 1
    n = write_triples(triples, out_path, PREFIXES_ESCO, header=(
        f"# ESCO skills pillar as SKOS, converted from ESCO's CSV download by `skillgraph ontology import-esco`.\n"
        f"# {ESCO_ACK} ({version})\n"))
    counts.update(concepts=len(concepts), triples=n, out=str(out_path),
                  seconds=round(time.perf_counter() - t0, 2))
    return counts


def _slug(s: str) -> str:
    import unicodedata

    a = unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", a.lower()).strip("-") or "x"


def import_onet(path, out_path) -> dict:
    """Convert O*NET's Technology_Skills.tsv[.gz] to a SKOS tools vocabulary at ``out_path``."""
    t0 = time.perf_counter()
    p = Path(path)
    if p.is_dir():
        p = _open(p, "Technology_Skills", suffixes=(".tsv", ".txt"))
    if not p.is_file():
        raise InputError(f"{p}: no such file — give O*NET's Technology_Skills.tsv (or .tsv.gz)")
    techs: dict[str, set[str]] = {}
    hot: set[str] = set()
    commodity: dict[str, str] = {}
    for row in _rows(p, ("Example", "Commodity Code", "Commodity Title"), delimiter="\t"):
        name, code = row["Example"].strip(), row["Commodity Code"].strip()
        if not name or not code:
            continue
        techs.setdefault(name, set()).add(code)
        commodity[code] = row["Commodity Title"].strip()
        if (row.get("Hot Technology") or "").strip() == "Y":
            hot.add(name)
    # UNSPSC levels above the commodity, when the reference file is next to it
    parents: dict[str, tuple[str, str]] = {}     # code -> (parent code, parent title)
    titles: dict[str, str] = dict(commodity)
    ref = _open(p.parent, "UNSPSC_Reference", required=False, suffixes=(".tsv", ".txt"))
    if ref is not None:
        cols = ("Commodity Code", "Class Code", "Class Title", "Family Code", "Family Title",
                "Segment Code", "Segment Title")
        for row in _rows(ref, cols, delimiter="\t"):
            cc = row["Commodity Code"].strip()
            if cc not in commodity:
                continue
            chain = [(cc, commodity[cc])] + [(row[f"{lv} Code"].strip(), row[f"{lv} Title"].strip())
                                            for lv in ("Class", "Family", "Segment")]
            for (code, _), (pc, pt) in zip(chain, chain[1:]):
                parents[code] = (pc, pt)
                titles[pc] = pt
    scheme = ONET + "scheme"
    used_slugs: dict[str, str] = {}
    triples: list[tuple] = []
    add = triples.append
    tops = sorted(c for c in titles if c not in parents)
    add((scheme, TYPE, (SKOS + "ConceptScheme",)))
    add((scheme, DCT + "title", _lit("O*NET 29.2 technology skills, by UNSPSC commodity", "en")))
    add((scheme, DCT + "source", ("https://www.onetcenter.org/database.html",)))
    add((scheme, DCT + "rights", _lit(ONET_ACK, "en")))
    add((scheme, DCT + "license", ("https://creativecommons.org/licenses/by/4.0/",)))
    add((scheme, OWL + "versionInfo", _lit("O*NET 29.2")))
    for code in sorted(titles):
        u = f"{ONET}unspsc-{code}"
        add((u, TYPE, CONCEPT))
        add((u, SKOS + "prefLabel", _lit(titles[code], "en")))
        add((u, SKOS + "notation", _lit(code)))
        add((u, SKOS + "inScheme", (scheme,)))
        add((u, SG + "kind", (SG + "Tool",)))
        if code in parents:
            add((u, SKOS + "broader", (f"{ONET}unspsc-{parents[code][0]}",)))
        else:
            add((u, SKOS + "topConceptOf", (scheme,)))
    broader = 0
    for name in sorted(techs):
        s = _slug(name)
        if s in used_slugs and used_slugs[s] != name:
            k = 2
            while f"{s}-{k}" in used_slugs:
                k += 1
            s = f"{s}-{k}"
        used_slugs[s] = name
        u = f"{ONET}tech-{s}"
        add((u, TYPE, CONCEPT))
        add((u, SKOS + "prefLabel", _lit(name, "en")))
        add((u, SKOS + "inScheme", (scheme,)))
        add((u, SG + "kind", (SG + "Tool",)))
        add((u, SG + "onetTechnology", _lit(name)))
        if name in hot:
            add((u, SG + "onetHotTechnology", _lit(True)))
        for code in sorted(techs[name]):
            add((u, SKOS + "broader", (f"{ONET}unspsc-{code}",)))
            broader += 1
    n = write_triples(triples, out_path, {"dct": DCT, "onet": ONET, "owl": OWL, "sg": SG, "skos": SKOS,
                                          "xsd": XSD}, header=(
        "# O*NET technology skills as a SKOS tools vocabulary, converted by `skillgraph ontology import-onet`.\n"
        f"# {ONET_ACK}\n"))
    return {"technologies": len(techs), "unspsc_concepts": len(titles), "top_concepts": len(tops),
            "broader": broader + len(parents), "triples": n, "out": str(out_path),
            "seconds": round(time.perf_counter() - t0, 2)}
