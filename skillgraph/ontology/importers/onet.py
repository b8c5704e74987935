"""O*NET Technology Skills → a SKOS tools vocabulary that works as ``--ontology FILE``.

Reads ``Technology_Skills.tsv[.gz]`` and writes one concept per technology (its ``Example`` name,
``sg:onetTechnology``, ``sg:kind sg:Tool``) under its UNSPSC commodity, class, family and segment
(``UNSPSC_Reference.tsv`` next to it, when present). O*NET has no URIs for technologies, so they live
under ``https://w3id.org/skillgraph/onet/``; UNSPSC codes are kept as ``skos:notation``.

Written in a fixed order: the same input gives the same bytes, in seconds.
"""
from __future__ import annotations

import re
import time
from itertools import pairwise
from pathlib import Path

from skillgraph.errors import InputError
from skillgraph.vocab import DCT, ONET, OWL, RDF, SG, SKOS, XSD

from .tables import find_table, read_rows

__all__ = ["ONET_ACK", "import_onet"]

ONET_ACK = ("O*NET 29.2 Database by the U.S. Department of Labor, Employment and Training Administration "
            "(USDOL/ETA), used under the CC BY 4.0 license. O*NET is a trademark of USDOL/ETA.")
PREFIXES_ONET = {"dct": DCT.iri, "onet": ONET.iri, "owl": OWL.iri, "sg": SG.iri, "skos": SKOS.iri, "xsd": XSD.iri}


def _slug(s: str) -> str:
    import unicodedata

    a = unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", a.lower()).strip("-") or "x"


def _read_technologies(p: Path) -> tuple[dict[str, set[str]], set[str], dict[str, str]]:
    """technology name → its commodity codes, the hot technologies, commodity code → title."""
    techs: dict[str, set[str]] = {}
    hot: set[str] = set()
    commodity: dict[str, str] = {}
    for row in read_rows(p, ("Example", "Commodity Code", "Commodity Title"), delimiter="\t"):
        name, code = row["Example"].strip(), row["Commodity Code"].strip()
        if not name or not code:
            continue
        techs.setdefault(name, set()).add(code)
        commodity[code] = row["Commodity Title"].strip()
        if (row.get("Hot Technology") or "").strip() == "Y":
            hot.add(name)
    return techs, hot, commodity


def _read_unspsc(ref: Path | None, commodity: dict[str, str]) -> tuple[dict[str, tuple[str, str]], dict[str, str]]:
    """UNSPSC levels above the commodities: code → (parent code, parent title), and code → title (all levels)."""
    parents: dict[str, tuple[str, str]] = {}
    titles: dict[str, str] = dict(commodity)
    if ref is None:
        return parents, titles
    cols = ("Commodity Code", "Class Code", "Class Title", "Family Code", "Family Title",
            "Segment Code", "Segment Title")
    for row in read_rows(ref, cols, delimiter="\t"):
        cc = row["Commodity Code"].strip()
        if cc not in commodity:
            continue
        chain = [(cc, commodity[cc])] + [(row[f"{lv} Code"].strip(), row[f"{lv} Title"].strip())
                                        for lv in ("Class", "Family", "Segment")]
        for (code, _), (pc, pt) in pairwise(chain):
            parents[code] = (pc, pt)
            titles[pc] = pt
    return parents, titles


def _unique_slugs(names: list[str]) -> dict[str, str]:
    """name → slug, in the order given; a slug two names share gets ``-2``, ``-3`` … on the later ones."""
    used: dict[str, str] = {}
    out: dict[str, str] = {}
    for name in names:
        s = _slug(name)
        if s in used and used[s] != name:
            k = 2
            while f"{s}-{k}" in used:
                k += 1
            s = f"{s}-{k}"
        used[s] = name
        out[name] = s
    return out


def _scheme_triples(add, lit, scheme: str) -> None:
    add((scheme, RDF.type, (SKOS.ConceptScheme,)))
    add((scheme, DCT.title, lit("O*NET 29.2 technology skills, by UNSPSC commodity", "en")))
    add((scheme, DCT.source, ("https://www.onetcenter.org/database.html",)))
    add((scheme, DCT.rights, lit(ONET_ACK, "en")))
    add((scheme, DCT.license, ("https://creativecommons.org/licenses/by/4.0/",)))
    add((scheme, OWL.versionInfo, lit("O*NET 29.2")))


def _unspsc_triples(add, lit, scheme: str, titles: dict[str, str], parents: dict[str, tuple[str, str]]) -> None:
    for code in sorted(titles):
        u = f"{ONET.iri}unspsc-{code}"
        add((u, RDF.type, (SKOS.Concept,)))
        add((u, SKOS.prefLabel, lit(titles[code], "en")))
        add((u, SKOS.notation, lit(code)))
        add((u, SKOS.inScheme, (scheme,)))
        add((u, SG.kind, (SG.Tool,)))
        if code in parents:
            add((u, SKOS.broader, (f"{ONET.iri}unspsc-{parents[code][0]}",)))
        else:
            add((u, SKOS.topConceptOf, (scheme,)))


def _technology_triples(add, lit, scheme: str, techs: dict[str, set[str]], hot: set[str]) -> int:
    """One concept per technology under its commodities; returns the number of broader links."""
    broader = 0
    names = sorted(techs)
    for name, s in _unique_slugs(names).items():
        u = f"{ONET.iri}tech-{s}"
        add((u, RDF.type, (SKOS.Concept,)))
        add((u, SKOS.prefLabel, lit(name, "en")))
        add((u, SKOS.inScheme, (scheme,)))
        add((u, SG.kind, (SG.Tool,)))
        add((u, SG.onetTechnology, lit(name)))
        if name in hot:
            add((u, SG.onetHotTechnology, lit(True)))
        for code in sorted(techs[name]):
            add((u, SKOS.broader, (f"{ONET.iri}unspsc-{code}",)))
            broader += 1
    return broader


def import_onet(path, out_path) -> dict:
    """Convert O*NET's Technology_Skills.tsv[.gz] to a SKOS tools vocabulary at ``out_path``."""
    from skillgraph.export.terms import literal
    from skillgraph.export.turtle import write_triples

    t0 = time.perf_counter()
    p = Path(path)
    if p.is_dir():
        p = find_table(p, "Technology_Skills", suffixes=(".tsv", ".txt"))
    if not p.is_file():
        raise InputError(f"{p}: no such file — give O*NET's Technology_Skills.tsv (or .tsv.gz)")
    techs, hot, commodity = _read_technologies(p)
    parents, titles = _read_unspsc(find_table(p.parent, "UNSPSC_Reference", required=False,
                                              suffixes=(".tsv", ".txt")), commodity)
    scheme = ONET.scheme
    triples: list[tuple] = []
    add = triples.append
    tops = sorted(c for c in titles if c not in parents)
    _scheme_triples(add, literal, scheme)
    _unspsc_triples(add, literal, scheme, titles, parents)
    broader = _technology_triples(add, literal, scheme, techs, hot)
    n = write_triples(triples, out_path, PREFIXES_ONET, header=(
        "# O*NET technology skills as a SKOS tools vocabulary, converted by `skillgraph ontology import-onet`.\n"
        f"# {ONET_ACK}\n"))
    return {"technologies": len(techs), "unspsc_concepts": len(titles), "top_concepts": len(tops),
            "broader": broader + len(parents), "triples": n, "out": str(out_path),
            "seconds": round(time.perf_counter() - t0, 2)}
