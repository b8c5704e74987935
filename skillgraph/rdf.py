"""The graph as RDF: Turtle / JSON-LD / N-Triples export and import, GraphML and CSV, SHACL, SPARQL.

One mapping, used in both directions (``graph_to_rdf``/``write_rdf`` and ``read_rdf``)::

    role:000-17269b… a sg:Role ; dct:identifier "role:000-17269b…" ; rdfs:label … ; dct:title … ;
        sg:advertisedBy posting:000_17269b… ; sg:requires skill:pytorch ;
        sg:hasRequirement requirement:000-17269b…--pytorch .
    requirement:000-17269b…--pytorch a sg:Requirement ; sg:skill skill:pytorch ;
        sg:level sg:required ; sg:mentionCount 2 ; sg:evidence evidence:000-17269b…--pytorch-120-127 .
    evidence:…-120-127 a oa:Annotation, sg:Evidence ; oa:motivatedBy oa:identifying ;
        oa:hasBody skill:pytorch ; oa:hasTarget evidence:…-120-127.target ; sg:level sg:required ;
        sg:sentence "…" ; sg:section "qualifications" ; prov:wasDerivedFrom posting:000_17269b… .
    evidence:…-120-127.target a oa:SpecificResource ; oa:hasSource posting:000_17269b… ;
        oa:hasSelector evidence:…-120-127.position, evidence:…-120-127.quote .
    evidence:…-120-127.position a oa:TextPositionSelector ; oa:start 120 ; oa:end 127 .
    evidence:…-120-127.quote a oa:TextQuoteSelector ; oa:exact "PyTorch" .
    skill:pytorch a skos:Concept ; skos:prefLabel "PyTorch"@en ; skos:broader … ; sg:kind sg:Tool .
    evidence:000-17269b…--belongsTo--applied-science-0-15 a oa:Annotation, sg:Evidence ;   # team links
        oa:hasBody team:applied-science ; oa:hasTarget … ;
        rdf:subject role:000-17269b… ; rdf:predicate sg:belongsTo ; rdf:object team:applied-science .
    <base>graph a sg:SkillGraph ; prov:wasDerivedFrom <ontology files>, <vocab> ;
        sg:ontologyVersion "…" ; sg:postingCount 5 .

IRIs are readable slugs under one base (``role/``, ``team/``, ``company/``, ``product/``,
``posting/``, ``requirement/``, ``evidence/``); skill concepts keep their own IRIs. There are no
blank nodes, and every node carries its graph id as ``dct:identifier`` so the import restores the
exact networkx graph. Attributes outside the schema survive as a JSON literal (``sg:attributes``).

Triples are produced once, as plain tuples, then sorted and handed to pyoxigraph (Turtle,
N-Triples: ≈1 s per million triples), to our own compact JSON-LD writer, or to rdflib (for
``graph_to_rdf``, SHACL and ``rdflib.compare``).
"""
from __future__ import annotations

import csv
import io
import json
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Iterable, Iterator
from urllib.parse import quote, unquote

import networkx as nx

from .errors import InputError, SkillGraphError

__all__ = [
    "DEFAULT_BASE", "PREFIXES", "SHAPES", "Violation", "graph_to_rdf", "prefixes", "read_rdf",
    "rdf_triples", "shipped_ontology_files", "sparql", "turtle_bytes", "validate",
    "write_edges_csv", "write_graphml", "write_rdf", "write_triples",
]

DEFAULT_BASE = "https://w3id.org/skillgraph/"
ONTOLOGY_DIR = Path(__file__).resolve().parent.parent / "ontology"
SHAPES = ONTOLOGY_DIR / "shapes.ttl"

RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
XSD = "http://www.w3.org/2001/XMLSchema#"
OWL = "http://www.w3.org/2002/07/owl#"
SKOS = "http://www.w3.org/2004/02/skos/core#"
DCT = "http://purl.org/dc/terms/"
PROV = "http://www.w3.org/ns/prov#"
OA = "http://www.w3.org/ns/oa#"
SG = "https://w3id.org/skillgraph/vocab#"
SKILL = "https://w3id.org/skillgraph/skill/"
ESCO = "http://data.europa.eu/esco/skill/"
ESCO_MODEL = "http://data.europa.eu/esco/model#"
ESCO_SCHEME = "http://data.europa.eu/esco/concept-scheme/skills"
VOCAB_IRI = "https://w3id.org/skillgraph/vocab"

#: Prefixes that do not depend on the base.
PREFIXES = {
    "dct": DCT, "esco": ESCO, "escom": ESCO_MODEL, "oa": OA, "owl": OWL, "prov": PROV, "rdf": RDF,
    "rdfs": RDFS, "sg": SG, "skill": SKILL, "skos": SKOS, "xsd": XSD,
}
#: Node kinds (and other resources) that get a folder under the base.
FOLDERS = ("company", "evidence", "posting", "product", "requirement", "role", "team")

TYPE = RDF + "type"
LABEL = RDFS + "label"
IDENT = DCT + "identifier"
XSD_INT = XSD + "integer"
XSD_BOOL = XSD + "boolean"
XSD_DOUBLE = XSD + "double"
XSD_STRING = XSD + "string"

KIND_CLASS = {"role": SG + "Role", "team": SG + "Team", "company": SG + "Company",
              "product": SG + "Product", "skill": SKOS + "Concept"}
CLASS_KIND = {v: k for k, v in KIND_CLASS.items()}
SKILL_KINDS = {"method": "Method", "tool": "Tool", "domain": "Domain", "knowledge": "Knowledge",
               "soft-skill": "SoftSkill"}
SKILL_KINDS_BACK = {SG + v: k for k, v in SKILL_KINDS.items()}
LEVELS = ("required", "responsibility", "preferred", "context")
RELS = {
    "belongs_to": SG + "belongsTo", "part_of": SG + "partOf",
    "collaborates_with": SG + "collaboratesWith", "works_on": SG + "worksOn",
    "has_role": SG + "hasRole", "has_team": SG + "hasTeam", "broader": SKOS + "broader",
}
RELS_BACK = {v: k for k, v in RELS.items()}

# Node attributes the mapping knows (everything else goes to sg:attributes as JSON).
_ROLE_ATTRS = {"kind", "label", "title", "posting", "source", "company", "locations", "seniority",
               "work_mode", "min_years", "degrees", "salary"}
_ROLE_DEFAULTS = {"title": None, "posting": None, "source": None, "company": None, "locations": [],
                  "seniority": None, "work_mode": None, "min_years": None, "degrees": [],
                  "salary": None}
_SKILL_ATTRS = {"kind", "label", "iri", "definition", "skill_kind", "alt_labels", "hidden_labels",
                "exact_match", "close_match", "demand", "used"}
_SKILL_DEFAULTS = {"definition": None, "skill_kind": None, "alt_labels": [], "hidden_labels": [],
                   "demand": 0, "used": False}
_TEAM_ATTRS = {"kind", "label", "aliases"}
_EVIDENCE_KEYS = ("posting", "start", "end", "text", "sentence", "section", "requirement")
_LINK_EVIDENCE_KEYS = ("posting", "start", "end", "text", "sentence")   # team/product links

_SLUG_OK = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._~-]*$")


# --- terms: an IRI is a 1-tuple (iri,), a literal a 3-tuple (lexical, datatype, language) -----------

def _lit(value, lang: str | None = None) -> tuple:
    if isinstance(value, bool):
        return ("true" if value else "false", XSD_BOOL, "")
    if isinstance(value, int):
        return (str(value), XSD_INT, "")
    if isinstance(value, float):
        return (repr(value), XSD_DOUBLE, "")
    if lang:
        return (str(value), "", lang)
    return (str(value), "", "")


def _value(o: tuple):
    """A literal term back to a Python value."""
    lex, dt, _lang = o
    if dt == XSD_INT:
        return int(lex)
    if dt == XSD_BOOL:
        return lex in ("true", "1")
    if dt in (XSD_DOUBLE, XSD + "decimal", XSD + "float"):
        return float(lex)
    return lex


def prefixes(base: str = DEFAULT_BASE) -> dict[str, str]:
    """All prefixes of an export under ``base`` (sorted by name)."""
    out = dict(PREFIXES)
    out.update({f: f"{base}{f}/" for f in FOLDERS})
    return dict(sorted(out.items()))


def _check_base(base: str) -> str:
    if not re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*:\S*[/#]$", base or ""):
        raise InputError(f"base IRI {base!r} is not usable — give an absolute IRI ending in '/' or '#', "
                         f"e.g. {DEFAULT_BASE}")
    return base


def _local(s: str) -> str:
    """A node id's local part as an IRI segment: readable slugs stay, anything else is %-encoded."""
    return s if _SLUG_OK.match(s) else quote(s, safe="-._~")


def _skill_slug(cid: str) -> str:
    """A short, slash-free, stable piece naming a concept inside requirement/evidence IRIs."""
    p, _, rest = cid.partition(":")
    if p == "skill" and _SLUG_OK.match(rest):
        return rest
    if p == "esco" and _SLUG_OK.match(rest):
        return "esco-" + rest
    import hashlib

    return "x-" + hashlib.sha1(cid.encode()).hexdigest()[:16]


def _concept_iri(n: str, d: dict) -> str:
    iri = d.get("iri")
    if iri:
        return iri
    p, _, rest = n.partition(":")
    if p == "skill":
        return SKILL + rest
    if p == "esco":
        return ESCO + rest
    if re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*:", n) and p not in FOLDERS:
        return n
    return SKILL + _local(rest or n)


def _node_iri(base: str, n: str, d: dict) -> str:
    kind = d.get("kind")
    if kind == "skill":
        return _concept_iri(n, d)
    p, sep, rest = str(n).partition(":")
    folder = kind or p
    if not re.match(r"^[a-z][a-z0-9_-]*$", folder or ""):
        folder = "node"
    return f"{base}{folder}/{_local(rest if sep and p == folder else str(n))}"


def _camel(rel: str) -> str:
    head, *tail = rel.split("_")
    return head + "".join(t[:1].upper() + t[1:] for t in tail)


def _snake(name: str) -> str:
    return re.sub(r"(?<!^)([A-Z])", lambda m: "_" + m.group(1).lower(), name)


def _json_extra(d: dict, known: set) -> tuple | None:
    extra = {k: v for k, v in d.items() if k not in known}
    if not extra:
        return None
    try:
        return _lit(json.dumps(extra, sort_keys=True, ensure_ascii=False, default=list))
    except (TypeError, ValueError):
        return _lit(json.dumps({k: repr(v) for k, v in extra.items()}, sort_keys=True))


# --- graph -> triples ---------------------------------------------------------------------------

def rdf_triples(G: nx.DiGraph, *, base: str = DEFAULT_BASE, evidence: bool = True, ontology=None) -> list[tuple]:
    """The export as sorted ``(subject, predicate, object)`` tuples (see the module docstring).

    Subjects and predicates are IRI strings; objects are ``(iri,)`` or ``(lexical, datatype, lang)``.
    """
    return [(s, p, o) for s, pos in _grouped(G, base=base, evidence=evidence, ontology=ontology) for p, o in pos]


def _po_key(po):
    return (po[0] != TYPE, po[0], po[1])


def _grouped(G: nx.DiGraph, *, base: str = DEFAULT_BASE, evidence: bool = True, ontology=None) -> list[tuple]:
    """The export as ``[(subject, [(predicate, object), ...]), ...]``, subjects and their pairs sorted.

    With ``ontology``, skill nodes without ``exact_match``/``close_match`` attributes get the
    concept's ESCO mappings from it (so the export joins an ESCO import)."""
    base = _check_base(base)
    out: list[tuple] = []
    add = out.append
    fixed: dict[str, list] = {}     # evidence resources: pairs already in their final order
    iri_of: dict = {}
    posting_ns, req_ns, ev_ns = base + "posting/", base + "requirement/", base + "evidence/"
    postings: dict[str, str] = {}   # posting id -> IRI

    def posting_iri(pid: str, source=None) -> str:
        iri = postings.get(pid)
        if iri is None:
            iri = postings[pid] = posting_ns + _local(str(pid))
            add((iri, TYPE, (SG + "Posting",)))
            add((iri, IDENT, _lit(str(pid))))
        if source:
            add((iri, DCT + "source", _lit(source)))
        return iri

    for n, d in G.nodes(data=True):
        iri_of[n] = _node_iri(base, n, d)
    if len(set(iri_of.values())) != len(iri_of):
        seen: dict = {}
        for n, i in iri_of.items():
            if i in seen:
                raise InputError(f"nodes {seen[i]!r} and {n!r} map to the same IRI {i} — rename one")
            seen[i] = n

    for n, d in G.nodes(data=True):
        s = iri_of[n]
        kind = d.get("kind")
        cls = KIND_CLASS.get(kind) or SG + "".join(w.capitalize() for w in str(kind or "node").split("_"))
        add((s, TYPE, (cls,)))
        add((s, IDENT, _lit(str(n))))
        if kind == "skill":
            if d.get("label") is not None:
                add((s, SKOS + "prefLabel", _lit(d["label"], "en")))
            for a in sorted(set(d.get("alt_labels") or ())):
                add((s, SKOS + "altLabel", _lit(a, "en")))
            for a in sorted(set(d.get("hidden_labels") or ())):
                add((s, SKOS + "hiddenLabel", _lit(a, "en")))
            if d.get("definition"):
                add((s, SKOS + "definition", _lit(d["definition"], "en")))
            sk = d.get("skill_kind")
            if sk:
                add((s, SG + "kind", (SG + SKILL_KINDS.get(sk, _camel(sk.replace("-", "_")).capitalize()),)))
            c = None
            if ontology is not None and "exact_match" not in d:
                try:
                    c = ontology.concepts.get(n)
                except AttributeError:
                    c = None
            for m in sorted(set(d.get("exact_match") or (c.exact_match if c else ()))):
                add((s, SKOS + "exactMatch", (m,)))
            for m in sorted(set(d.get("close_match") or (c.close_match if c else ()))):
                add((s, SKOS + "closeMatch", (m,)))
            if d.get("demand") is not None:
                add((s, SG + "demand", _lit(int(d["demand"]))))
            if d.get("used") is not None:
                add((s, SG + "used", _lit(bool(d["used"]))))
            if s.startswith(SKILL):
                add((s, SKOS + "inScheme", (SKILL + "scheme",)))
                if not any(e.get("rel") == "broader" for _, _, e in G.out_edges(n, data=True)):
                    add((s, SKOS + "topConceptOf", (SKILL + "scheme",)))
            elif s.startswith(ESCO):
                add((s, SKOS + "inScheme", (ESCO_SCHEME,)))
            known = _SKILL_ATTRS
        else:
            if d.get("label") is not None:
                add((s, LABEL, _lit(d["label"])))
            if kind == "role":
                if d.get("title") is not None:
                    add((s, DCT + "title", _lit(d["title"])))
                if d.get("posting") is not None:
                    add((s, SG + "advertisedBy", (posting_iri(d["posting"], d.get("source")),)))
                elif d.get("source") is not None:
                    add((s, DCT + "source", _lit(d["source"])))
                if d.get("company") is not None:
                    add((s, SG + "companyName", _lit(d["company"])))
                for loc in sorted(set(d.get("locations") or ())):
                    add((s, SG + "location", _lit(loc)))
                for deg in sorted(set(d.get("degrees") or ())):
                    add((s, SG + "degree", _lit(deg)))
                for attr, prop in (("seniority", "seniority"), ("work_mode", "workMode")):
                    if d.get(attr) is not None:
                        add((s, SG + prop, _lit(str(d[attr]))))
                if d.get("min_years") is not None:
                    add((s, SG + "minYears", _lit(int(d["min_years"]))))
                sal = d.get("salary")
                if isinstance(sal, dict):
                    for k, prop in (("low", "salaryLow"), ("high", "salaryHigh")):
                        if sal.get(k) is not None:
                            add((s, SG + prop, _lit(float(sal[k]))))
                    for k, prop in (("currency", "salaryCurrency"), ("period", "salaryPeriod")):
                        if sal.get(k) is not None:
                            add((s, SG + prop, _lit(str(sal[k]))))
                known = _ROLE_ATTRS if sal is None or isinstance(sal, dict) else _ROLE_ATTRS - {"salary"}
            elif kind in ("team", "company", "product") or "aliases" in d:
                for a in sorted(set(d.get("aliases") or ())):
                    add((s, SG + "alias", _lit(a)))
                known = _TEAM_ATTRS
            else:
                known = {"kind", "label"}
        extra = _json_extra(d, known)
        if extra:
            add((s, SG + "attributes", extra))

    for u, v, e in G.edges(data=True):
        rel = e.get("rel")
        su, sv = iri_of[u], iri_of[v]
        if rel != "requires":
            pred = RELS.get(rel) or SG + _camel(str(rel))
            add((su, pred, (sv,)))
            if evidence and e.get("evidence"):
                stem = f"{ev_ns}{su.rsplit('/', 1)[-1]}--{_camel(str(rel))}--{sv.rsplit('/', 1)[-1]}"
                used: set = set()
                for ev in e["evidence"]:
                    a = _evidence(fixed, stem, ev, used, sv, posting_iri, _LINK_EVIDENCE_KEYS)
                    fixed[a] += [(RDF + "subject", (su,)), (RDF + "predicate", (pred,)),
                                 (RDF + "object", (sv,))]
            continue
        add((su, SG + "requires", (sv,)))
        r = f"{req_ns}{su.rsplit('/', 1)[-1]}--{_skill_slug(str(v))}"
        add((su, SG + "hasRequirement", (r,)))
        add((r, TYPE, (SG + "Requirement",)))
        add((r, SG + "skill", (sv,)))
        if e.get("level"):
            add((r, SG + "level", (SG + e["level"],)))
        if e.get("count") is not None:
            add((r, SG + "mentionCount", _lit(int(e["count"]))))
        if not evidence:
            continue
        used = set()
        for ev in e.get("evidence") or ():
            a = _evidence(fixed, f"{ev_ns}{r[len(req_ns):]}", ev, used, sv, posting_iri)
            add((r, SG + "evidence", (a,)))

    # the graph itself and where it came from
    g = base + "graph"
    add((g, TYPE, (SG + "SkillGraph",)))
    add((g, TYPE, (PROV + "Entity",)))
    add((g, PROV + "wasDerivedFrom", (VOCAB_IRI,)))
    ga = G.graph
    if ga.get("ontology_version") is not None:
        add((g, SG + "ontologyVersion", _lit(str(ga["ontology_version"]))))
    for f in sorted(set(ga.get("ontology_files") or ())):
        fi = _source_iri(base, str(f))
        add((g, PROV + "wasDerivedFrom", (fi,)))
        add((fi, TYPE, (PROV + "Entity",)))
        add((fi, IDENT, _lit(str(f))))
    if ga.get("postings") is not None:
        add((g, SG + "postingCount", _lit(int(ga["postings"]))))
    extra = _json_extra(ga, {"ontology_version", "ontology_files", "postings"})
    if extra:
        add((g, SG + "attributes", extra))

    by: dict[str, list] = {}
    for s, p, o in out:
        lst = by.get(s)
        if lst is None:
            by[s] = [(p, o)]
        else:
            lst.append((p, o))
    del out
    clash = by.keys() & fixed.keys()
    if clash:
        raise InputError(f"IRI {min(clash)} names both a node and an evidence annotation — rename the node")
    by.update(fixed)
    return [(s, by[s] if s in fixed else sorted(dict.fromkeys(by[s]), key=_po_key)) for s in sorted(by)]


_T_ANN = (TYPE, (OA + "Annotation",))
_T_EVI = (TYPE, (SG + "Evidence",))
_T_SPR = (TYPE, (OA + "SpecificResource",))
_T_POS = (TYPE, (OA + "TextPositionSelector",))
_T_QUO = (TYPE, (OA + "TextQuoteSelector",))
_MOTIV = (OA + "motivatedBy", (OA + "identifying",))
_LEVEL_OBJ = {lvl: (SG + lvl,) for lvl in LEVELS}


def _evidence(fixed: dict, stem: str, ev: dict, used: set, body: str, posting_iri,
              keys: tuple = _EVIDENCE_KEYS) -> str:
    """One evidence dict as a Web Annotation (four resources, written to ``fixed`` in a fixed
    predicate order); returns the annotation's IRI."""
    start, end = ev.get("start"), ev.get("end")
    has_pos = type(start) is int and type(end) is int and 0 <= start
    a = f"{stem}-{start}-{end}" if has_pos else f"{stem}-x"
    if a in used:
        k = 2
        while f"{a}-{k}" in used:
            k += 1
        a = f"{a}-{k}"
    used.add(a)
    t = a + ".target"
    ann = [_T_ANN, _T_EVI, _MOTIV, (OA + "hasBody", (body,)), (OA + "hasTarget", (t,))]
    tgt = [_T_SPR]
    fixed[a], fixed[t] = ann, tgt
    pid = ev.get("posting")
    if pid is not None:
        p = (posting_iri(pid),)
        tgt.append((OA + "hasSource", p))
        ann.append((PROV + "wasDerivedFrom", p))
    if has_pos:
        pos = a + ".position"
        tgt.append((OA + "hasSelector", (pos,)))
        fixed[pos] = [_T_POS, (OA + "start", (str(start), XSD_INT, "")), (OA + "end", (str(end), XSD_INT, ""))]
    text = ev.get("text")
    if text is not None:
        q = a + ".quote"
        tgt.append((OA + "hasSelector", (q,)))
        fixed[q] = [_T_QUO, (OA + "exact", (str(text), "", ""))]
    sent = ev.get("sentence")
    if sent is not None:
        ann.append((SG + "sentence", (str(sent), "", "")))
    sec = ev.get("section")
    if sec is not None:
        ann.append((SG + "section", (str(sec), "", "")))
    lvl = ev.get("requirement")
    if lvl:
        ann.append((SG + "level", _LEVEL_OBJ.get(lvl) or (SG + str(lvl),)))
    unknown_pos = not has_pos and start == -1 and end == -1
    if len(ev) != len(keys) or not (has_pos or unknown_pos) or any(k not in ev for k in keys):
        known = {k for k in keys if k in ev and (has_pos or unknown_pos or k not in ("start", "end"))}
        missing = [k for k in keys if k not in ev]
        extra = {k: v for k, v in ev.items() if k not in known}
        if missing:
            extra["_missing"] = missing
        if extra:
            ann.append((SG + "attributes", _lit(json.dumps(extra, sort_keys=True, ensure_ascii=False,
                                                           default=list))))
    return a


def _source_iri(base: str, path: str) -> str:
    p = path.replace(os.sep, "/")
    try:
        rel = Path(path).resolve().relative_to(ONTOLOGY_DIR.parent)
        p = rel.as_posix()
    except (ValueError, OSError):
        pass
    if re.match(r"^[A-Za-z0-9][A-Za-z0-9._~/-]*$", p) and ".." not in p:
        return base + p
    return base + "source/" + quote(p, safe="")


# --- writers --------------------------------------------------------------------------------------

def _to_oxigraph(triples: Iterable[tuple]) -> Iterator:
    import pyoxigraph as ox

    nodes: dict[str, object] = {}
    NN, Lit, Tr = ox.NamedNode, ox.Literal, ox.Triple

    def node(i):
        n = nodes.get(i)
        if n is None:
            n = nodes[i] = NN(i)
        return n

    for s, p, o in triples:
        if len(o) == 1:
            obj = node(o[0])
        elif o[2]:
            obj = Lit(o[0], language=o[2])
        elif o[1]:
            obj = Lit(o[0], datatype=node(o[1]))
        else:
            obj = Lit(o[0])
        yield Tr(node(s), node(p), obj)


def _to_rdflib(triples: Iterable[tuple], base: str = DEFAULT_BASE):
    from rdflib import Graph, Literal, URIRef

    g = Graph(bind_namespaces="core")
    for k, v in prefixes(base).items():
        g.bind(k, v, override=True, replace=True)
    for s, p, o in triples:
        if len(o) == 1:
            obj = URIRef(o[0])
        elif o[2]:
            obj = Literal(o[0], lang=o[2])
        elif o[1]:
            obj = Literal(o[0], datatype=URIRef(o[1]))
        else:
            obj = Literal(o[0])
        g.add((URIRef(s), URIRef(p), obj))
    return g


def graph_to_rdf(G: nx.DiGraph, *, base: str = DEFAULT_BASE, evidence: bool = True, ontology=None):
    """The export as an ``rdflib.Graph`` (prefixes bound). For big graphs prefer :func:`write_rdf`."""
    return _to_rdflib(rdf_triples(G, base=base, evidence=evidence, ontology=ontology), base)


_ESC = str.maketrans({"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r"})
_IRI_BAD = re.compile(r'[\x00-\x20<>"{}|^`\\]')
_PN_LOCAL = re.compile(r"^[A-Za-z0-9_](?:[A-Za-z0-9_.-]*[A-Za-z0-9_-])?$")
_INT_LEX = re.compile(r"^[+-]?[0-9]+$")


def _iriref(iri: str) -> str:
    if _IRI_BAD.search(iri):
        iri = _IRI_BAD.sub(lambda m: f"\\u{ord(m.group()):04X}", iri)
    return f"<{iri}>"


def _turtle(grouped: list[tuple], base: str, header: str = "") -> bytes:
    """Our own streaming Turtle writer: sorted subjects, ``a`` first, prefixed names where the local
    part is a plain name (no escapes needed), ``<IRI>`` otherwise. pyoxigraph and rdflib parse it
    back to the same graph (tests check); it writes 1M triples in about a second."""
    return _turtle_with(grouped, prefixes(base), header)


def _turtle_with(grouped, pfx: dict[str, str], header: str = "") -> bytes:
    pfx = dict(sorted(pfx.items()))
    ns_to_p = {ns: k for k, ns in pfx.items()}
    cache: dict[str, str] = {TYPE: "a"}

    def name(iri: str) -> str:
        n = cache.get(iri)
        if n is None:
            i = max(iri.rfind("/"), iri.rfind("#")) + 1
            k = ns_to_p.get(iri[:i])
            loc = iri[i:]
            n = f"{k}:{loc}" if k is not None and _PN_LOCAL.match(loc) else _iriref(iri)
            if len(cache) < 2_000_000:
                cache[iri] = n
        return n

    def obj(o: tuple) -> str:
        if len(o) == 1:
            return name(o[0])
        lex, dt, lang = o
        if lang:
            return f'"{lex.translate(_ESC)}"@{lang}'
        if dt == XSD_INT and _INT_LEX.match(lex):
            return lex
        if dt == XSD_BOOL and lex in ("true", "false"):
            return lex
        if dt and dt != XSD_STRING:
            return f'"{lex.translate(_ESC)}"^^{name(dt)}'
        return f'"{lex.translate(_ESC)}"'

    parts = [header] + [f"@prefix {k}: <{v}> .\n" for k, v in pfx.items()] + ["\n"]
    add = parts.append
    for s, pos in grouped:
        lines = []
        last_p = None
        objs: list[str] = []
        for p, o in pos:
            if p != last_p:
                if last_p is not None:
                    lines.append(f"{name(last_p)} {', '.join(objs)}")
                last_p, objs = p, []
            objs.append(obj(o))
        if last_p is not None:
            lines.append(f"{name(last_p)} {', '.join(objs)}")
        add(f"{name(s)} " + " ;\n    ".join(lines) + " .\n")
    return "".join(parts).encode("utf-8")


def _ntriples(grouped: list[tuple]) -> bytes:
    def term(o: tuple) -> str:
        if len(o) == 1:
            return _iriref(o[0])
        lex, dt, lang = o
        if lang:
            return f'"{lex.translate(_ESC)}"@{lang}'
        if dt and dt != XSD_STRING:
            return f'"{lex.translate(_ESC)}"^^<{dt}>'
        return f'"{lex.translate(_ESC)}"'

    out = []
    for s, pos in grouped:
        ss = _iriref(s)
        out.extend(f"{ss} {_iriref(p)} {term(o)} .\n" for p, o in pos)
    return "".join(out).encode("utf-8")


def turtle_bytes(triples: Iterable[tuple], pfx: dict[str, str], header: str = "") -> bytes:
    """Turtle of our triple tuples (any order; grouped by subject, subjects sorted, pairs kept in
    the order given) with the prefixes ``pfx``."""
    by: dict[str, list] = {}
    for s, p, o in triples:
        by.setdefault(s, []).append((p, o))
    return _turtle_with([(s, list(dict.fromkeys(by[s]))) for s in sorted(by)], pfx, header)


def write_triples(triples: list[tuple], path, pfx: dict[str, str], header: str = "") -> int:
    """Write our triple tuples as Turtle to ``path`` (see :func:`turtle_bytes`); returns the count."""
    data = turtle_bytes(triples, pfx, header)
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    Path(path).write_bytes(data)
    return len(triples)


def _jsonld(grouped: list[tuple], base: str) -> bytes:
    """Compact JSON-LD: one object per subject (sorted), compact IRIs under a real ``@context``."""
    pfx = prefixes(base)
    order = sorted(pfx.items(), key=lambda kv: -len(kv[1]))

    def cur(iri: str) -> str:
        for k, ns in order:
            if iri.startswith(ns):
                rest = iri[len(ns):]
                if rest and "/" not in rest and "#" not in rest and not rest.startswith("//"):
                    return f"{k}:{rest}"
        return iri

    lines = []
    for s, pos in grouped:
        obj: dict = {"@id": cur(s)}
        for p, o in pos:
            if p == TYPE:
                obj.setdefault("@type", []).append(cur(o[0]))
                continue
            if len(o) == 1:
                v = {"@id": cur(o[0])}
            elif o[2]:
                v = {"@value": o[0], "@language": o[2]}
            elif o[1] == XSD_INT and _INT_LEX.match(o[0]):
                v = int(o[0])
            elif o[1] == XSD_BOOL and o[0] in ("true", "false"):
                v = o[0] == "true"
            elif o[1] and o[1] != XSD_STRING:
                v = {"@value": o[0], "@type": cur(o[1])}
            else:
                v = o[0]
            obj.setdefault(cur(p), []).append(v)
        lines.append(json.dumps(obj, ensure_ascii=False))
    ctx = json.dumps(pfx, ensure_ascii=False, indent=2)
    return ('{"@context": ' + ctx + ',\n"@graph": [\n' + ",\n".join(lines) + "\n]}\n").encode("utf-8")


RDF_FORMATS = ("turtle", "jsonld", "nt")


def write_rdf(G: nx.DiGraph, path_or_stream: str | os.PathLike | IO[bytes] | None, fmt: str = "turtle",
              *, base: str = DEFAULT_BASE, evidence: bool = True, ontology=None) -> bytes | int:
    """Write the graph as Turtle, JSON-LD or N-Triples. Same graph, same bytes.

    ``path_or_stream`` is a path, a binary stream, or None (the bytes are returned). Otherwise
    returns the number of triples written. ``ontology`` (optional) adds the skills' ESCO
    ``skos:exactMatch``/``closeMatch`` links when the graph's nodes do not carry them.
    """
    fmt = {"ttl": "turtle", "json-ld": "jsonld", "ntriples": "nt", "n-triples": "nt"}.get(fmt, fmt)
    if fmt not in RDF_FORMATS:
        raise InputError(f"unknown RDF format {fmt!r} — use one of {', '.join(RDF_FORMATS)}")
    import gc

    was = gc.isenabled()
    gc.disable()   # millions of small tuples, no cycles: the cyclic collector only costs time (≈25%)
    try:
        grouped = _grouped(G, base=base, evidence=evidence, ontology=ontology)
        data = {"turtle": lambda: _turtle(grouped, base), "jsonld": lambda: _jsonld(grouped, base),
                "nt": lambda: _ntriples(grouped)}[fmt]()
    finally:
        if was:
            gc.enable()
    if path_or_stream is None:
        return data
    if hasattr(path_or_stream, "write"):
        path_or_stream.write(data)
    else:
        Path(path_or_stream).parent.mkdir(parents=True, exist_ok=True)
        Path(path_or_stream).write_bytes(data)
    return sum(len(pos) for _, pos in grouped)


def _scalar(v):
    if v is None or isinstance(v, (str, int, float, bool)):
        return v
    return json.dumps(v, sort_keys=True, ensure_ascii=False, default=list)


def write_graphml(G: nx.DiGraph, path: str | os.PathLike | IO[bytes]) -> None:
    """GraphML for Gephi/yEd: lists and dicts become JSON strings, ``None`` is left out, sorted."""
    H = nx.DiGraph()
    H.graph.update({k: _scalar(v) for k, v in sorted(G.graph.items()) if v is not None})
    for n in sorted(G.nodes, key=str):
        H.add_node(str(n), **{k: _scalar(v) for k, v in sorted(G.nodes[n].items()) if v is not None})
    for u, v in sorted(G.edges, key=lambda e: (str(e[0]), str(e[1]))):
        H.add_edge(str(u), str(v), **{k: _scalar(x) for k, x in sorted(G.edges[u, v].items())
                                      if x is not None})
    nx.write_graphml(H, path)


EDGE_COLUMNS = ["source", "target", "rel", "level", "count", "source_kind", "source_label",
                "target_kind", "target_label"]


def write_edges_csv(G: nx.DiGraph, path_or_stream: str | os.PathLike | IO[str]) -> int:
    """One row per edge (Gephi's Source/Target plus rel, level, count and both ends' kind/label)."""
    rows = []
    for u, v, e in G.edges(data=True):
        du, dv = G.nodes[u], G.nodes[v]
        rows.append([u, v, e.get("rel", ""), e.get("level", ""), e.get("count", ""),
                     du.get("kind", ""), du.get("label", ""), dv.get("kind", ""), dv.get("label", "")])
    rows.sort(key=lambda r: [str(x) for x in r[:3]])
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(EDGE_COLUMNS)
    w.writerows([["" if x is None else x for x in r] for r in rows])
    if hasattr(path_or_stream, "write"):
        path_or_stream.write(buf.getvalue())
    else:
        Path(path_or_stream).write_text(buf.getvalue(), encoding="utf-8")
    return len(rows)


# --- import ---------------------------------------------------------------------------------------

_SUFFIX_FORMAT = {".ttl": "TURTLE", ".turtle": "TURTLE", ".nt": "N_TRIPLES", ".jsonld": "JSON_LD",
                  ".json": "JSON_LD", ".rdf": "RDF_XML", ".xml": "RDF_XML", ".owl": "RDF_XML",
                  ".nq": "N_QUADS", ".trig": "TRIG"}


def _parse_file(path) -> Iterator[tuple]:
    """Triples of an RDF file as our tuples (pyoxigraph; format from the file name)."""
    import pyoxigraph as ox

    path = Path(path)
    name = _SUFFIX_FORMAT.get(path.suffix.lower())
    if name is None:
        raise InputError(f"{path}: cannot tell the RDF format from the suffix {path.suffix!r} — "
                         f"use one of {', '.join(sorted(_SUFFIX_FORMAT))}")
    if not path.is_file():
        raise InputError(f"{path}: no such file")
    try:
        quads = list(ox.parse(path=str(path), format=getattr(ox.RdfFormat, name)))
    except (SyntaxError, ValueError, OSError) as exc:
        raise InputError(f"{path}: not valid {name.replace('_', '-').lower()}: {exc}") from None
    for q in quads:
        yield _from_ox(q.subject), q.predicate.value, _from_ox_obj(q.object)


def _parse_bytes(data: bytes, fmt) -> list[tuple]:
    """Triples of RDF bytes in a pyoxigraph format, as our tuples."""
    import pyoxigraph as ox

    return [(_from_ox(q.subject), q.predicate.value, _from_ox_obj(q.object)) for q in ox.parse(data, format=fmt)]


def _from_ox(t) -> str:
    import pyoxigraph as ox

    if isinstance(t, ox.BlankNode):
        return "_:" + t.value
    return t.value


def _from_ox_obj(t) -> tuple:
    import pyoxigraph as ox

    if isinstance(t, ox.Literal):
        dt = t.datatype.value if t.datatype is not None else ""
        if t.language:
            return (t.value, "", t.language)
        return (t.value, "" if dt == XSD_STRING else dt, "")
    if isinstance(t, ox.BlankNode):
        return ("_:" + t.value,)
    return (t.value,)


def _rdflib_triples(g) -> Iterator[tuple]:
    from rdflib import BNode, Literal

    for s, p, o in g:
        ss = "_:" + str(s) if isinstance(s, BNode) else str(s)
        if isinstance(o, Literal):
            dt = str(o.datatype) if o.datatype else ""
            oo = (str(o), "" if dt == XSD_STRING else dt, o.language or "")
        elif isinstance(o, BNode):
            oo = ("_:" + str(o),)
        else:
            oo = (str(o),)
        yield ss, str(p), oo


def _triples_of(source) -> Iterator[tuple]:
    if isinstance(source, nx.Graph):
        yield from rdf_triples(source)
    elif hasattr(source, "triples") and hasattr(source, "serialize"):   # rdflib.Graph
        yield from _rdflib_triples(source)
    elif isinstance(source, (str, os.PathLike)):
        yield from _parse_file(source)
    elif isinstance(source, (list, tuple)):
        for s in source:
            yield from _triples_of(s)
    else:
        raise InputError(f"cannot read RDF from {type(source).__name__} — give a file path, an "
                         f"rdflib.Graph or a networkx graph")


def _id_from_iri(iri: str, kind: str | None) -> str:
    if iri.startswith(SKILL):
        return "skill:" + unquote(iri[len(SKILL):])
    if iri.startswith(ESCO):
        return "esco:" + iri[len(ESCO):]
    if kind and kind != "skill":
        return f"{kind}:{unquote(iri.rstrip('/').rsplit('/', 1)[-1])}"
    return iri


def read_rdf(source) -> nx.DiGraph:
    """Read an export (Turtle, N-Triples, JSON-LD file, or an rdflib.Graph) back into the graph.

    The result follows skillgraph/graph.py's schema, so queries answer as on the original graph.
    """
    import gc

    was = gc.isenabled()
    gc.disable()   # see write_rdf
    try:
        return _read_rdf(source)
    finally:
        if was:
            gc.enable()


def _read_rdf(source) -> nx.DiGraph:
    by: dict[str, dict[str, list]] = {}
    for s, p, o in _triples_of(source):
        by.setdefault(s, {}).setdefault(p, []).append(o)

    def one(props: dict, p: str, default=None):
        vs = props.get(p)
        if not vs:
            return default
        o = min(vs)
        return o[0] if len(o) == 1 else _value(o)

    def many(props: dict, p: str) -> list:
        return sorted(o[0] if len(o) == 1 else _value(o) for o in props.get(p, ()))

    G = nx.DiGraph()
    ids: dict[str, str] = {}
    kinds: dict[str, str] = {}
    for s, props in by.items():
        types = {o[0] for o in props.get(TYPE, ())}
        kind = next((CLASS_KIND[t] for t in sorted(types) if t in CLASS_KIND), None)
        if kind is None:
            cls = [t for t in sorted(types) if t.startswith(SG)]
            other = [t[len(SG):] for t in cls if t[len(SG):] not in (
                "Posting", "Requirement", "Evidence", "SkillGraph", "RequirementLevel", "SkillKind")]
            if not other or not props.get(IDENT):
                continue
            kind = _snake(other[0][0].lower() + other[0][1:])
        ids[s] = str(one(props, IDENT) or _id_from_iri(s, kind))
        kinds[s] = kind

    def posting_id(iri: str | None):
        if iri is None:
            return None
        pp = by.get(iri, {})
        return one(pp, IDENT) or unquote(iri.rsplit("/", 1)[-1])

    for s, kind in kinds.items():
        props = by[s]
        n = ids[s]
        attrs: dict = {"kind": kind}
        if kind == "skill":
            attrs.update(_SKILL_DEFAULTS)
            attrs["label"] = one(props, SKOS + "prefLabel", n)
            attrs["iri"] = s
            attrs["definition"] = one(props, SKOS + "definition")
            sk = one(props, SG + "kind")
            attrs["skill_kind"] = SKILL_KINDS_BACK.get(sk, sk.rsplit("#", 1)[-1].lower() if sk else None)
            attrs["alt_labels"] = many(props, SKOS + "altLabel")
            attrs["hidden_labels"] = []
            for p, a in ((SKOS + "hiddenLabel", "hidden_labels"), (SKOS + "exactMatch", "exact_match"),
                         (SKOS + "closeMatch", "close_match")):
                if props.get(p):
                    attrs[a] = many(props, p)
            attrs["demand"] = one(props, SG + "demand", 0)
            attrs["used"] = one(props, SG + "used", False)
        else:
            attrs["label"] = one(props, LABEL, n)
            if kind == "role":
                attrs.update(_ROLE_DEFAULTS)
                attrs["locations"], attrs["degrees"] = [], []
                attrs["title"] = one(props, DCT + "title")
                post = one(props, SG + "advertisedBy")
                attrs["posting"] = posting_id(post)
                attrs["source"] = one(by.get(post, {}), DCT + "source") if post else one(props, DCT + "source")
                attrs["company"] = one(props, SG + "companyName")
                attrs["locations"] = many(props, SG + "location")
                attrs["degrees"] = many(props, SG + "degree")
                attrs["seniority"] = one(props, SG + "seniority")
                attrs["work_mode"] = one(props, SG + "workMode")
                attrs["min_years"] = one(props, SG + "minYears")
                if props.get(SG + "salaryLow") or props.get(SG + "salaryHigh"):
                    attrs["salary"] = {"low": one(props, SG + "salaryLow"),
                                       "high": one(props, SG + "salaryHigh"),
                                       "currency": one(props, SG + "salaryCurrency"),
                                       "period": one(props, SG + "salaryPeriod")}
            elif kind in ("team", "company", "product") or props.get(SG + "alias"):
                attrs["aliases"] = many(props, SG + "alias")
        extra = one(props, SG + "attributes")
        if extra:
            attrs.update(json.loads(extra))
        G.add_node(n, **attrs)

    # edges
    for s, kind in kinds.items():
        props = by[s]
        for p, objs in props.items():
            rel = RELS_BACK.get(p)
            if rel is None and p.startswith(SG) and p not in _NOT_EDGES:
                rel = _snake(p[len(SG):])
            if rel is None:
                continue
            for o in objs:
                if len(o) == 1 and o[0] in kinds:
                    G.add_edge(ids[s], ids[o[0]], rel=rel)
        for (r,) in sorted(o for o in props.get(SG + "hasRequirement", ()) if len(o) == 1):
            rp = by.get(r, {})
            sk = one(rp, SG + "skill")
            if sk not in kinds:
                continue
            lvl = one(rp, SG + "level")
            evs = []
            for (a,) in sorted(o for o in rp.get(SG + "evidence", ()) if len(o) == 1):
                evs.append(_read_evidence(by, a, one, posting_id))
            evs.sort(key=lambda e: (e.get("start") is None, e.get("start") or 0, e.get("end") or 0,
                                    str(e.get("text"))))
            G.add_edge(ids[s], ids[sk], rel="requires",
                       level=lvl[len(SG):] if lvl and lvl.startswith(SG) else lvl,
                       count=one(rp, SG + "mentionCount", len(evs)), evidence=evs)

    # evidence of team/product links: annotations that name the statement they support
    link_ev: dict = {}
    for a, props in by.items():
        if (SG + "Evidence",) not in props.get(TYPE, ()) or not props.get(RDF + "subject"):
            continue
        su, pr, ob = (one(props, RDF + x) for x in ("subject", "predicate", "object"))
        if su in kinds and ob in kinds and G.has_edge(ids[su], ids[ob]):
            link_ev.setdefault((ids[su], ids[ob]), []).append(
                _read_evidence(by, a, one, posting_id, _LINK_EVIDENCE_KEYS))
    for u, v, d in G.edges(data=True):
        if d["rel"] in _LINK_RELS:
            evs = link_ev.get((u, v), [])
            evs.sort(key=lambda e: (str(e.get("posting")), e.get("start") or 0, e.get("end") or 0))
            d["evidence"] = evs

    # graph attributes
    for s, props in by.items():
        if (SG + "SkillGraph",) in props.get(TYPE, ()):
            if props.get(SG + "ontologyVersion"):
                G.graph["ontology_version"] = one(props, SG + "ontologyVersion")
            files = [one(by.get(f, {}), IDENT) for (f,) in props.get(PROV + "wasDerivedFrom", ())
                     if f != VOCAB_IRI]
            G.graph["ontology_files"] = sorted(f for f in files if f is not None)
            if props.get(SG + "postingCount"):
                G.graph["postings"] = one(props, SG + "postingCount")
            extra = one(props, SG + "attributes")
            if extra:
                G.graph.update(json.loads(extra))
            break
    return G


_LINK_RELS = {"belongs_to", "collaborates_with", "works_on", "part_of"}
_NOT_EDGES = {SG + x for x in ("requires", "hasRequirement", "advertisedBy", "kind", "attributes",
                                "level", "skill", "evidence", "alias")}


def _read_evidence(by, a: str, one, posting_id, keys: tuple = _EVIDENCE_KEYS) -> dict:
    ap = by.get(a, {})
    t = one(ap, OA + "hasTarget")
    tp = by.get(t, {}) if t else {}
    ev: dict = {"posting": posting_id(one(tp, OA + "hasSource") or one(ap, PROV + "wasDerivedFrom")),
                "start": -1, "end": -1, "text": None}
    for (sel,) in (o for o in tp.get(OA + "hasSelector", ()) if len(o) == 1):
        sp = by.get(sel, {})
        types = {o[0] for o in sp.get(TYPE, ())}
        if OA + "TextPositionSelector" in types:
            ev["start"] = one(sp, OA + "start")
            ev["end"] = one(sp, OA + "end")
        if OA + "TextQuoteSelector" in types:
            ev["text"] = one(sp, OA + "exact")
    ev["sentence"] = one(ap, SG + "sentence")
    if "section" in keys:
        ev["section"] = one(ap, SG + "section")
    if "requirement" in keys:
        lvl = one(ap, SG + "level")
        ev["requirement"] = lvl[len(SG):] if lvl and lvl.startswith(SG) else lvl
    extra = one(ap, SG + "attributes")
    if extra:
        extra = json.loads(extra)
        for k in extra.pop("_missing", ()):
            ev.pop(k, None)
        ev.update(extra)
    return ev


# --- SHACL ----------------------------------------------------------------------------------------

def shipped_ontology_files() -> list[Path]:
    """ontology/vocab.ttl and ontology/skills/*.ttl, sorted."""
    return [ONTOLOGY_DIR / "vocab.ttl"] + sorted((ONTOLOGY_DIR / "skills").glob("*.ttl"))


@dataclass(frozen=True, order=True)
class Violation:
    """One SHACL result, readable: ``focus``, ``path`` and ``value`` are compact IRIs."""

    focus: str
    path: str
    message: str
    value: str = ""
    severity: str = "Violation"
    shape: str = ""

    def __str__(self) -> str:
        where = f"{self.focus} {self.path}" if self.path else self.focus
        val = f" (value: {self.value})" if self.value else ""
        sev = "" if self.severity == "Violation" else f"[{self.severity}] "
        return f"{sev}{where}: {self.message}{val}"


def _compact(iri: str, pfx: dict[str, str]) -> str:
    best = ""
    for k, ns in pfx.items():
        if iri.startswith(ns) and len(ns) > len(pfx.get(best, "")):
            rest = iri[len(ns):]
            if rest and "/" not in rest and "#" not in rest:
                best = k
    return f"{best}:{iri[len(pfx[best]):]}" if best else iri


def _load_rdflib(source):
    """An rdflib.Graph from a path, several paths, an rdflib.Graph or a networkx graph."""

    if isinstance(source, nx.Graph):
        return graph_to_rdf(source)
    if hasattr(source, "triples") and hasattr(source, "serialize"):
        return source
    paths = [source] if isinstance(source, (str, os.PathLike)) else list(source)
    return _to_rdflib((t for p in paths for t in _parse_file(p)))


def validate(data, shapes: str | os.PathLike | None = None, *, base: str = DEFAULT_BASE) -> list[Violation]:
    """Run pySHACL with our shapes (``ontology/shapes.ttl``). Returns the violations, sorted ([] = valid).

    ``data`` is a file path, a list of paths (validated together), an rdflib.Graph or a graph.
    """
    import pyshacl
    from rdflib import Graph, Namespace, URIRef

    dg = _load_rdflib(data)
    sg = Graph()
    shapes_path = Path(shapes) if shapes else SHAPES
    try:
        sg.parse(shapes_path, format="turtle")
    except FileNotFoundError:
        raise InputError(f"{shapes_path}: shapes file not found") from None
    except Exception as exc:  # rdflib raises many types for syntax errors
        raise InputError(f"{shapes_path}: not valid Turtle: {exc}") from None
    _conforms, results, _text = pyshacl.validate(dg, shacl_graph=sg, inference="none",
                                                 allow_warnings=True, advanced=True)
    SH = Namespace("http://www.w3.org/ns/shacl#")
    pfx = prefixes(base)

    def c(x) -> str:
        if x is None:
            return ""
        return _compact(str(x), pfx) if isinstance(x, URIRef) else str(x)

    from rdflib import BNode
    from rdflib.collection import Collection

    def path(x, depth=0) -> str:
        """A SHACL property path as SPARQL-like text (``skos:broader*``, ``^sg:hasRequirement``)."""
        if not isinstance(x, BNode) or depth > 8:
            return c(x)
        for g in (results, sg):
            for pred, fmt in ((SH.inversePath, "^{}"), (SH.zeroOrMorePath, "{}*"),
                              (SH.oneOrMorePath, "{}+"), (SH.zeroOrOnePath, "{}?")):
                inner = g.value(x, pred)
                if inner is not None:
                    return fmt.format(path(inner, depth + 1))
            alt = g.value(x, SH.alternativePath)
            if alt is not None:
                return "(" + "|".join(path(i, depth + 1) for i in Collection(g, alt)) + ")"
            if g.value(x, URIRef(RDF + "first")) is not None:
                return "/".join(path(i, depth + 1) for i in Collection(g, x))
        return "(path)"

    out = []
    for r in results.subjects(URIRef(RDF + "type"), SH.ValidationResult):
        sev = results.value(r, SH.resultSeverity)
        out.append(Violation(
            focus=c(results.value(r, SH.focusNode)),
            path=path(results.value(r, SH.resultPath)),
            message=str(results.value(r, SH.resultMessage) or "constraint not met"),
            value=c(results.value(r, SH.value)),
            severity=str(sev).rsplit("#", 1)[-1] if sev else "Violation",
            shape=c(results.value(r, SH.sourceShape)) if isinstance(results.value(r, SH.sourceShape), URIRef) else "",
        ))
    return sorted(set(out))


# --- SPARQL ---------------------------------------------------------------------------------------

def _store(source):
    import pyoxigraph as ox

    if isinstance(source, ox.Store):
        return source
    store = ox.Store()
    paths = [source] if isinstance(source, (str, os.PathLike)) else (
        list(source) if isinstance(source, (list, tuple)) else None)
    if paths is not None and all(isinstance(p, (str, os.PathLike)) for p in paths):
        for p in paths:
            p = Path(p)
            name = _SUFFIX_FORMAT.get(p.suffix.lower())
            if name is None or not p.is_file():
                list(_parse_file(p))   # raises the readable error
            try:
                store.bulk_load(path=str(p), format=getattr(ox.RdfFormat, name))
            except (SyntaxError, ValueError, OSError) as exc:
                raise InputError(f"{p}: not valid {name.replace('_', '-').lower()}: {exc}") from None
        return store
    store.bulk_extend(ox.Quad(t.subject, t.predicate, t.object, ox.DefaultGraph())
                      for t in _to_oxigraph(_triples_of(source)))
    return store


def sparql(source, query: str, *, base: str = DEFAULT_BASE, compact: bool = False
           ) -> tuple[list[str], list[list]]:
    """Run a SPARQL query over a graph, an export file (or several) or an rdflib.Graph.

    Our prefixes are declared already (``skos sg skill role team company product posting
    requirement evidence prov oa esco rdfs rdf xsd dct owl``). Returns ``(columns, rows)``: literal
    values as Python values, IRIs as strings (compact ``prefix:local`` when ``compact``), unbound
    as None. ASK gives ``(["ask"], [[bool]])``; CONSTRUCT/DESCRIBE give subject/predicate/object rows.
    """
    import pyoxigraph as ox

    if isinstance(source, (str, os.PathLike)) and Path(source).suffix == ".json":
        from .graph import load_graph

        source = load_graph(source)
    store = _store(source)
    pfx = prefixes(base)
    head = "".join(f"PREFIX {k}: <{v}>\n" for k, v in pfx.items())
    try:
        res = store.query(head + query)
    except SyntaxError as exc:
        msg = str(exc).splitlines()[0]
        nhead = len(pfx)     # our PREFIX lines come first: give the position in the user's query
        msg = re.sub(r"\b(\d+):(\d+)", lambda m: f"line {max(int(m.group(1)) - nhead, 1)}, column {m.group(2)}",
                     msg, count=1)
        if len(msg) > 200:
            msg = msg[:200] + "…"
        raise InputError(f"SPARQL query does not parse: {msg} — our prefixes ({', '.join(pfx)}) are "
                         f"declared already") from None
    except (ValueError, OSError) as exc:
        raise SkillGraphError(f"SPARQL query failed: {exc}") from None

    def py(t):
        if t is None:
            return None
        if isinstance(t, ox.Literal):
            dt = t.datatype.value if t.datatype is not None else ""
            return _value((t.value, dt, t.language or ""))
        if isinstance(t, ox.NamedNode):
            return _compact(t.value, pfx) if compact else t.value
        return "_:" + t.value

    if isinstance(res, (bool, ox.QueryBoolean)):
        return ["ask"], [[bool(res)]]
    if isinstance(res, ox.QuerySolutions):
        cols = [v.value for v in res.variables]
        return cols, [[py(sol[c]) for c in cols] for sol in res]
    return ["subject", "predicate", "object"], [[py(t.subject), py(t.predicate), py(t.object)] for t in res]
