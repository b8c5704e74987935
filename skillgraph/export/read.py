"""``read_rdf``: an export (Turtle, N-Triples, JSON-LD file, or an rdflib.Graph) back into the graph.

The mapping of :mod:`.triples`, read backwards: nodes from their classes and ``dct:identifier``,
edges from the relation predicates, requirements and their evidence annotations back into
``requires`` edges, link evidence from the statements annotations name, graph attributes from the
``sg:SkillGraph`` resource. The result follows the graph package's schema, so queries answer as on
the original graph.
"""
from __future__ import annotations

import json
import re

import networkx as nx

from ..speed import paused_gc
from ..vocab import DCT, PROV, RDF, RDFS, SG, SKOS, VOCAB_IRI
from .evidence import read_evidence
from .mapping import (
    CLASS_KIND,
    LINK_EVIDENCE_KEYS,
    LINK_RELS,
    NOT_EDGES,
    NOT_NODES,
    RELS_BACK,
    ROLE_DEFAULTS,
    SKILL_DEFAULTS,
    SKILL_KINDS_BACK,
)
from .parse import triples_of
from .terms import id_from_iri, many, one, posting_id

__all__ = ["RDF_GRAPH_SUFFIXES", "load_any_graph", "read_rdf"]

TYPE = RDF.type


#: Suffixes of a ``--graph`` file read as RDF (our export); anything else is a graph.json.
RDF_GRAPH_SUFFIXES = (".ttl", ".turtle", ".nt", ".jsonld", ".nq", ".trig")


def load_any_graph(path) -> nx.DiGraph:
    """A graph.json (:func:`~skillgraph.graph.load_graph`) or, by its suffix, an RDF export of one
    (Turtle, N-Triples, JSON-LD) read back into the same in-memory graph."""
    from pathlib import Path

    from ..errors import InputError
    from ..graph import load_graph

    path = Path(path)
    if path.suffix.lower() in (".graphml", ".csv"):
        raise InputError(f"{path}: a {path.suffix[1:].lower()} export is not read back (it is for Gephi and "
                         "pandas) — pass graph.json or an RDF export (.ttl, .nt, .jsonld)")
    if path.suffix.lower() not in RDF_GRAPH_SUFFIXES:
        return load_graph(path)
    if path.is_dir():
        raise InputError(f"{path}: is a directory, not a graph file — pass the exported file inside it")
    G = read_rdf(path)
    if G.number_of_nodes() == 0:
        raise InputError(f"{path}: no skillgraph nodes in this RDF — pass a file written by `skillgraph export`")
    return G


def read_rdf(source) -> nx.DiGraph:
    """Read an export (Turtle, N-Triples, JSON-LD file, or an rdflib.Graph) back into the graph.

    The result follows the graph package's schema, so queries answer as on the original graph.
    """
    with paused_gc():   # millions of small tuples and dicts, no cycles (see skillgraph.speed)
        return _read(source)


def _read(source) -> nx.DiGraph:
    by: dict[str, dict[str, list]] = {}
    for s, p, o in triples_of(source):
        by.setdefault(s, {}).setdefault(p, []).append(o)
    ids: dict[str, str] = {}
    kinds: dict[str, str] = {}
    for s, props in by.items():
        kind = _kind(props)
        if kind is not None:
            ids[s] = str(one(props, DCT.identifier) or id_from_iri(s, kind))
            kinds[s] = kind
    G = nx.DiGraph()
    for s, kind in kinds.items():
        G.add_node(ids[s], **_attributes(by, s, kind, ids[s]))
    for s in kinds:
        _edges(G, by[s], s, ids, kinds)
        _requirements(G, by, by[s], s, ids, kinds)
    _link_evidence(G, by, ids, kinds)
    _graph_attributes(G, by)
    return G


_UPPER = re.compile(r"(?<!^)([A-Z])")


def _snake(name: str) -> str:
    """``belongsTo`` → ``belongs_to``."""
    return _UPPER.sub(lambda m: "_" + m.group(1).lower(), name)


def _kind(props: dict) -> str | None:
    """A subject's node kind, or None if it is no node (a posting, requirement, annotation …)."""
    types = {o[0] for o in props.get(TYPE, ())}
    kind = next((CLASS_KIND[t] for t in sorted(types) if t in CLASS_KIND), None)
    if kind is not None:
        return kind
    n = len(SG.iri)
    other = [t[n:] for t in sorted(types) if t.startswith(SG.iri) and t[n:] not in NOT_NODES]
    if not other or not props.get(DCT.identifier):
        return None
    return _snake(other[0][0].lower() + other[0][1:])


# --- nodes ----------------------------------------------------------------------------------------

def _attributes(by: dict, s: str, kind: str, n: str) -> dict:
    props = by[s]
    attrs: dict = {"kind": kind}
    if kind == "skill":
        _skill(attrs, props, s, n)
    else:
        attrs["label"] = one(props, RDFS.label, n)
        if kind == "role":
            _role(attrs, by, props)
        elif kind in ("team", "company", "product") or props.get(SG.alias):
            attrs["aliases"] = many(props, SG.alias)
    extra = one(props, SG.attributes)
    if extra:
        attrs.update(json.loads(extra))
    return attrs


_SKILL_LISTS = ((SKOS.hiddenLabel, "hidden_labels"), (SKOS.exactMatch, "exact_match"),
                (SKOS.closeMatch, "close_match"))


def _skill(attrs: dict, props: dict, s: str, n: str) -> None:
    attrs.update(SKILL_DEFAULTS)
    attrs["label"] = one(props, SKOS.prefLabel, n)
    attrs["iri"] = s
    attrs["definition"] = one(props, SKOS.definition)
    sk = one(props, SG.kind)
    attrs["skill_kind"] = SKILL_KINDS_BACK.get(sk, sk.rsplit("#", 1)[-1].lower() if sk else None)
    attrs["alt_labels"] = many(props, SKOS.altLabel)
    attrs["hidden_labels"] = []
    for p, a in _SKILL_LISTS:
        if props.get(p):
            attrs[a] = many(props, p)
    attrs["demand"] = one(props, SG.demand, 0)
    attrs["used"] = one(props, SG.used, False)


def _role(attrs: dict, by: dict, props: dict) -> None:
    attrs.update(ROLE_DEFAULTS)
    attrs["locations"], attrs["degrees"] = [], []
    attrs["title"] = one(props, DCT.title)
    post = one(props, SG.advertisedBy)
    attrs["posting"] = posting_id(by, post)
    attrs["source"] = one(by.get(post, {}), DCT.source) if post else one(props, DCT.source)
    attrs["company"] = one(props, SG.companyName)
    attrs["locations"] = many(props, SG.location)
    attrs["degrees"] = many(props, SG.degree)
    attrs["seniority"] = one(props, SG.seniority)
    attrs["work_mode"] = one(props, SG.workMode)
    attrs["min_years"] = one(props, SG.minYears)
    if props.get(SG.salaryLow) or props.get(SG.salaryHigh):
        attrs["salary"] = {"low": one(props, SG.salaryLow), "high": one(props, SG.salaryHigh),
                           "currency": one(props, SG.salaryCurrency), "period": one(props, SG.salaryPeriod)}


# --- edges ----------------------------------------------------------------------------------------

def _edges(G: nx.DiGraph, props: dict, s: str, ids: dict, kinds: dict) -> None:
    """Relation predicates between nodes (ours, and any other ``sg:`` one) as edges."""
    for p, objs in props.items():
        rel = RELS_BACK.get(p)
        if rel is None and p.startswith(SG.iri) and p not in NOT_EDGES:
            rel = _snake(p[len(SG.iri):])
        if rel is None:
            continue
        for o in objs:
            if len(o) == 1 and o[0] in kinds:
                G.add_edge(ids[s], ids[o[0]], rel=rel)


def _evidence_order(e: dict):
    return (e.get("start") is None, e.get("start") or 0, e.get("end") or 0, str(e.get("text")))


def _requirements(G: nx.DiGraph, by: dict, props: dict, s: str, ids: dict, kinds: dict) -> None:
    """Each ``sg:Requirement`` of a role as a ``requires`` edge with level, count and evidence."""
    for (r,) in sorted(o for o in props.get(SG.hasRequirement, ()) if len(o) == 1):
        rp = by.get(r, {})
        sk = one(rp, SG.skill)
        if sk not in kinds:
            continue
        lvl = one(rp, SG.level)
        evs = [read_evidence(by, a) for (a,) in sorted(o for o in rp.get(SG.evidence, ()) if len(o) == 1)]
        evs.sort(key=_evidence_order)
        G.add_edge(ids[s], ids[sk], rel="requires",
                   level=lvl[len(SG.iri):] if lvl and lvl.startswith(SG.iri) else lvl,
                   count=one(rp, SG.mentionCount, len(evs)), evidence=evs)
        n_bp = one(rp, SG.boilerplateCount)
        if n_bp:
            G.edges[ids[s], ids[sk]]["boilerplate"] = n_bp


def _link_evidence(G: nx.DiGraph, by: dict, ids: dict, kinds: dict) -> None:
    """Evidence of team/product links: annotations that name the statement they support."""
    link_ev: dict = {}
    for a, props in by.items():
        if (SG.Evidence,) not in props.get(TYPE, ()) or not props.get(RDF.subject):
            continue
        su, ob = one(props, RDF.subject), one(props, RDF.object)
        if su in kinds and ob in kinds and G.has_edge(ids[su], ids[ob]):
            link_ev.setdefault((ids[su], ids[ob]), []).append(read_evidence(by, a, LINK_EVIDENCE_KEYS))
    for u, v, d in G.edges(data=True):
        if d["rel"] in LINK_RELS:
            evs = link_ev.get((u, v), [])
            evs.sort(key=lambda e: (str(e.get("posting")), e.get("start") or 0, e.get("end") or 0))
            d["evidence"] = evs


def _graph_attributes(G: nx.DiGraph, by: dict) -> None:
    """Graph attributes from the (first) ``sg:SkillGraph`` resource."""
    for props in by.values():
        if (SG.SkillGraph,) not in props.get(TYPE, ()):
            continue
        if props.get(SG.ontologyVersion):
            G.graph["ontology_version"] = one(props, SG.ontologyVersion)
        files = [one(by.get(f, {}), DCT.identifier) for (f,) in props.get(PROV.wasDerivedFrom, ())
                 if f != VOCAB_IRI]
        G.graph["ontology_files"] = sorted(f for f in files if f is not None)
        if props.get(SG.postingCount):
            G.graph["postings"] = one(props, SG.postingCount)
        extra = one(props, SG.attributes)
        if extra:
            G.graph.update(json.loads(extra))
        break
