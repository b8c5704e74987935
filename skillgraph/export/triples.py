"""The graph as triples: one mapping, used by every RDF writer (and, backwards, by :mod:`.read`)::

    role:000-17269b… a sg:Role ; dct:identifier "role:000-17269b…" ; rdfs:label … ; dct:title … ;
        sg:advertisedBy posting:000_17269b… ; sg:requires skill:pytorch ;
        sg:hasRequirement requirement:000-17269b…--pytorch .
    requirement:000-17269b…--pytorch a sg:Requirement ; sg:skill skill:pytorch ;
        sg:level sg:required ; sg:mentionCount 2 ; sg:evidence evidence:000-17269b…--pytorch-120-127 .
    evidence:…-120-127 a oa:Annotation, sg:Evidence ; …            # see evidence.py
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

Triples are produced once, as plain tuples (:mod:`.terms`), grouped by subject and sorted, then
handed to a writer (:mod:`.turtle`, :mod:`.jsonld`) or to rdflib (:mod:`.convert`).
"""
from __future__ import annotations

import networkx as nx

from ..errors import InputError
from ..vocab import DCT, DEFAULT_BASE, ESCO_CS, ESCO_SKILL, PROV, RDF, RDFS, SG, SKILL, SKOS, VOCAB_IRI
from .evidence import annotation
from .mapping import (
    KIND_CLASS,
    LINK_EVIDENCE_KEYS,
    OTHER_ATTRS,
    RELS,
    ROLE_ATTRS,
    SKILL_ATTRS,
    SKILL_KIND_CLASS,
    TEAM_ATTRS,
)
from .terms import check_base, json_extra, literal, local, node_iri, skill_slug, source_iri

__all__ = ["grouped_triples", "rdf_triples"]

TYPE = RDF.type


def rdf_triples(G: nx.DiGraph, *, base: str = DEFAULT_BASE, evidence: bool = True, ontology=None) -> list[tuple]:
    """The export as sorted ``(subject, predicate, object)`` tuples (see the module docstring).

    Subjects and predicates are IRI strings; objects are ``(iri,)`` or ``(lexical, datatype, lang)``.
    """
    grouped = grouped_triples(G, base=base, evidence=evidence, ontology=ontology)
    return [(s, p, o) for s, pos in grouped for p, o in pos]


def grouped_triples(G: nx.DiGraph, *, base: str = DEFAULT_BASE, evidence: bool = True,
                    ontology=None) -> list[tuple]:
    """The export as ``[(subject, [(predicate, object), ...]), ...]``, subjects and their pairs sorted.

    With ``ontology``, skill nodes without ``exact_match``/``close_match`` attributes get the
    concept's ESCO mappings from it (so the export joins an ESCO import)."""
    x = _Export(check_base(base), evidence)
    iri_of = _node_iris(G, x.base)
    for n, d in G.nodes(data=True):
        _node(x, G, n, d, iri_of[n], ontology)
    for u, v, e in G.edges(data=True):
        if e.get("rel") == "requires":
            _requirement(x, iri_of[u], iri_of[v], v, e)
        else:
            _link(x, iri_of[u], iri_of[v], e)
    _graph_resource(x, G.graph)
    return _group(x.out, x.fixed)


class _Export:
    """One export in progress: the triples so far, the evidence resources, the posting IRIs minted."""

    def __init__(self, base: str, evidence: bool):
        self.base, self.evidence = base, evidence
        self.out: list[tuple] = []
        self.add = self.out.append
        self.fixed: dict[str, list] = {}     # evidence resources: pairs already in their final order
        self.postings: dict[str, str] = {}   # posting id -> IRI
        self.posting_ns, self.req_ns, self.ev_ns = base + "posting/", base + "requirement/", base + "evidence/"

    def posting_iri(self, pid: str, source=None) -> str:
        iri = self.postings.get(pid)
        if iri is None:
            iri = self.postings[pid] = self.posting_ns + local(str(pid))
            self.add((iri, TYPE, (SG.Posting,)))
            self.add((iri, DCT.identifier, literal(str(pid))))
        if source:
            self.add((iri, DCT.source, literal(source)))
        return iri


def _camel(rel: str) -> str:
    """``belongs_to`` → ``belongsTo``."""
    head, *tail = rel.split("_")
    return head + "".join(t[:1].upper() + t[1:] for t in tail)


def _node_iris(G: nx.DiGraph, base: str) -> dict:
    iri_of = {n: node_iri(base, n, d) for n, d in G.nodes(data=True)}
    if len(set(iri_of.values())) != len(iri_of):
        seen: dict = {}
        for n, i in iri_of.items():
            if i in seen:
                raise InputError(f"nodes {seen[i]!r} and {n!r} map to the same IRI {i} — rename one")
            seen[i] = n
    return iri_of


# --- nodes ----------------------------------------------------------------------------------------

def _node(x: _Export, G: nx.DiGraph, n, d: dict, s: str, ontology) -> None:
    add = x.add
    kind = d.get("kind")
    # an unknown kind gets a class of its own name (open: any kind survives the round trip)
    cls = KIND_CLASS.get(kind) or SG.iri + "".join(w.capitalize() for w in str(kind or "node").split("_"))
    add((s, TYPE, (cls,)))
    add((s, DCT.identifier, literal(str(n))))
    if kind == "skill":
        known = _skill(x, G, n, d, s, ontology)
    else:
        if d.get("label") is not None:
            add((s, RDFS.label, literal(d["label"])))
        if kind == "role":
            known = _role(x, s, d)
        elif kind in ("team", "company", "product") or "aliases" in d:
            for a in sorted(set(d.get("aliases") or ())):
                add((s, SG.alias, literal(a)))
            known = TEAM_ATTRS
        else:
            known = OTHER_ATTRS
    extra = json_extra(d, known)
    if extra:
        add((s, SG.attributes, extra))


def _skill(x: _Export, G: nx.DiGraph, n, d: dict, s: str, ontology) -> frozenset:
    add = x.add
    if d.get("label") is not None:
        add((s, SKOS.prefLabel, literal(d["label"], "en")))
    for a in sorted(set(d.get("alt_labels") or ())):
        add((s, SKOS.altLabel, literal(a, "en")))
    for a in sorted(set(d.get("hidden_labels") or ())):
        add((s, SKOS.hiddenLabel, literal(a, "en")))
    if d.get("definition"):
        add((s, SKOS.definition, literal(d["definition"], "en")))
    sk = d.get("skill_kind")
    if sk:
        add((s, SG.kind, (SKILL_KIND_CLASS.get(sk) or SG.iri + _camel(sk.replace("-", "_")).capitalize(),)))
    c = _concept(ontology, n) if ontology is not None and "exact_match" not in d else None
    for m in sorted(set(d.get("exact_match") or (c.exact_match if c else ()))):
        add((s, SKOS.exactMatch, (m,)))
    for m in sorted(set(d.get("close_match") or (c.close_match if c else ()))):
        add((s, SKOS.closeMatch, (m,)))
    if d.get("demand") is not None:
        add((s, SG.demand, literal(int(d["demand"]))))
    if d.get("used") is not None:
        add((s, SG.used, literal(bool(d["used"]))))
    _scheme(x, G, n, s)
    return SKILL_ATTRS


def _concept(ontology, n):
    """The ontology's concept ``n`` (for its ESCO mappings), or None."""
    try:
        return ontology.concepts.get(n)
    except AttributeError:
        return None


def _scheme(x: _Export, G: nx.DiGraph, n, s: str) -> None:
    """Our concepts are in our scheme (top concepts: those without a broader one); ESCO's in ESCO's."""
    if s.startswith(SKILL.iri):
        x.add((s, SKOS.inScheme, (SKILL.scheme,)))
        if not any(e.get("rel") == "broader" for _, _, e in G.out_edges(n, data=True)):
            x.add((s, SKOS.topConceptOf, (SKILL.scheme,)))
    elif s.startswith(ESCO_SKILL.iri):
        x.add((s, SKOS.inScheme, (ESCO_CS.skills,)))




def _role(x: _Export, s: str, d: dict) -> frozenset:
    add = x.add
    if d.get("title") is not None:
        add((s, DCT.title, literal(d["title"])))
    if d.get("posting") is not None:
        add((s, SG.advertisedBy, (x.posting_iri(d["posting"], d.get("source")),)))
    elif d.get("source") is not None:
        add((s, DCT.source, literal(d["source"])))
    if d.get("company") is not None:
        add((s, SG.companyName, literal(d["company"])))
    for attr, prop in (("seniority", SG.seniority), ("work_mode", SG.workMode)):
        if d.get(attr) is not None:
            add((s, prop, literal(str(d[attr]))))
    for loc in sorted(set(d.get("locations") or ())):
        add((s, SG.location, literal(loc)))
    for deg in sorted(set(d.get("degrees") or ())):
        add((s, SG.degree, literal(deg)))
    if d.get("min_years") is not None:
        add((s, SG.minYears, literal(int(d["min_years"]))))
    sal = d.get("salary")
    if isinstance(sal, dict):
        _salary(x, s, sal)
    return ROLE_ATTRS if sal is None or isinstance(sal, dict) else ROLE_ATTRS - {"salary"}


def _salary(x: _Export, s: str, sal: dict) -> None:
    for k, prop in (("low", SG.salaryLow), ("high", SG.salaryHigh)):
        if sal.get(k) is not None:
            x.add((s, prop, literal(float(sal[k]))))
    for k, prop in (("currency", SG.salaryCurrency), ("period", SG.salaryPeriod)):
        if sal.get(k) is not None:
            x.add((s, prop, literal(str(sal[k]))))


# --- edges ----------------------------------------------------------------------------------------

def _link(x: _Export, su: str, sv: str, e: dict) -> None:
    """Any relation but ``requires``: one triple, plus its evidence annotations (which name it)."""
    rel = e.get("rel")
    pred = RELS.get(rel) or SG.iri + _camel(str(rel))   # open: any relation survives the round trip
    x.add((su, pred, (sv,)))
    if not (x.evidence and e.get("evidence")):
        return
    stem = f"{x.ev_ns}{su.rsplit('/', 1)[-1]}--{_camel(str(rel))}--{sv.rsplit('/', 1)[-1]}"
    statement = [(RDF.subject, (su,)), (RDF.predicate, (pred,)), (RDF.object, (sv,))]
    used: set = set()
    fixed = x.fixed
    for ev in e["evidence"]:
        a = annotation(fixed, stem, ev, used, sv, x.posting_iri, LINK_EVIDENCE_KEYS)
        fixed[a] += statement


def _requirement(x: _Export, su: str, sv: str, v, e: dict) -> None:
    """``requires``: the triple, and an ``sg:Requirement`` with level, count and evidence."""
    add = x.add
    add((su, SG.requires, (sv,)))
    r = f"{x.req_ns}{su.rsplit('/', 1)[-1]}--{skill_slug(str(v))}"
    add((su, SG.hasRequirement, (r,)))
    add((r, TYPE, (SG.Requirement,)))
    add((r, SG.skill, (sv,)))
    if e.get("level"):
        add((r, SG.level, (SG.iri + e["level"],)))   # open: an unknown level survives (SHACL flags it)
    if e.get("count") is not None:
        add((r, SG.mentionCount, literal(int(e["count"]))))
    if e.get("boilerplate"):
        add((r, SG.boilerplateCount, literal(int(e["boilerplate"]))))
    if not x.evidence:
        return
    used: set = set()
    stem = f"{x.ev_ns}{r[len(x.req_ns):]}"
    for ev in e.get("evidence") or ():
        add((r, SG.evidence, (annotation(x.fixed, stem, ev, used, sv, x.posting_iri),)))


# --- the graph itself -----------------------------------------------------------------------------

def _graph_resource(x: _Export, ga: dict) -> None:
    """The graph itself and where it came from."""
    add = x.add
    g = x.base + "graph"
    add((g, TYPE, (SG.SkillGraph,)))
    add((g, TYPE, (PROV.Entity,)))
    add((g, PROV.wasDerivedFrom, (VOCAB_IRI,)))
    if ga.get("ontology_version") is not None:
        add((g, SG.ontologyVersion, literal(str(ga["ontology_version"]))))
    for f in sorted(set(ga.get("ontology_files") or ())):
        fi = source_iri(x.base, str(f))
        add((g, PROV.wasDerivedFrom, (fi,)))
        add((fi, TYPE, (PROV.Entity,)))
        add((fi, DCT.identifier, literal(str(f))))
    if ga.get("postings") is not None:
        add((g, SG.postingCount, literal(int(ga["postings"]))))
    extra = json_extra(ga, {"ontology_version", "ontology_files", "postings"})
    if extra:
        add((g, SG.attributes, extra))


def _po_key(po):
    return (po[0] != TYPE, po[0], po[1])


def _group(out: list[tuple], fixed: dict[str, list]) -> list[tuple]:
    """Subjects sorted; each subject's pairs de-duplicated and sorted (``a`` first), except the evidence
    resources, whose pairs keep the order they were written in."""
    by: dict[str, list] = {}
    for s, p, o in out:
        lst = by.get(s)
        if lst is None:
            by[s] = [(p, o)]
        else:
            lst.append((p, o))
    out.clear()
    clash = by.keys() & fixed.keys()
    if clash:
        raise InputError(f"IRI {min(clash)} names both a node and an evidence annotation — rename the node")
    by.update(fixed)
    return [(s, by[s] if s in fixed else sorted(dict.fromkeys(by[s]), key=_po_key)) for s in sorted(by)]
