"""Building the role–skill–team graph (networkx ``DiGraph``) from extractions: :func:`build_graph`.

Schema — the contract that queries, RDF export and the HTML view rely on.

Nodes (id → attributes; every node has ``kind`` and ``label``):

==============  =============================  ===============================================
kind            id                             other attributes
==============  =============================  ===============================================
``role``        ``role:<slug of posting id>``  ``title``, ``posting`` (posting id), ``source``,
                                               ``company``, ``locations`` (list), ``seniority``,
                                               ``work_mode``, ``min_years``, ``degrees`` (list),
                                               ``salary`` (dict or None)
``skill``       the concept id                 ``iri``, ``definition``, ``skill_kind``,
                (``skill:diffusion-models``,   ``alt_labels`` (list), ``hidden_labels`` (list),
                ``esco:<uuid>`` or an IRI)     ``demand`` (number of roles requiring it
                                               directly), ``used`` (bool: False for ancestors
                                               added only for the hierarchy: all of
                                               our ontology's, the nearest of ESCO's); ``exact_match`` /
                                               ``close_match`` (lists of IRIs, e.g. ESCO) when
                                               the ontology maps the concept
``team``        ``team:<slug of name>``        ``aliases`` (list)
``company``     ``company:<slug of name>``     ``aliases`` (list)
``product``     ``product:<slug of name>``     ``aliases`` (list)
==============  =============================  ===============================================

A role's ``label`` is its title (the posting id when the posting has none). A skill's ``label`` is
the concept's preferred label; its ``alt_labels``/``hidden_labels`` are kept so that a saved graph
resolves every label the ontology knows without loading the ontology. Slugs are lower-case ASCII
``a-z0-9`` and ``-``; two postings whose ids slug alike get ``-2``, ``-3`` … in posting-id order.
Teams, products and companies named alike (case, hyphens and spacing folded) or by a known alias
are one node; the first name seen (in posting-id order) is the label, the others are ``aliases``.

Edges (source → target; every edge has ``rel``):

=====================  ==================  =======================================================
rel                    source → target     other attributes
=====================  ==================  =======================================================
``requires``           role → skill        ``level`` (strongest: required > responsibility >
                                           preferred > context), ``count`` (mentions outside
                                           boilerplate), ``boilerplate`` (mentions in boilerplate
                                           paragraphs, only when there are some; they set the level
                                           only when they are all there is), ``evidence``: list of
                                           dicts ``{posting, start, end, text, sentence, section,
                                           requirement[, boilerplate: true]}`` sorted by start
``belongs_to``         role → team         ``evidence``: list of dicts ``{posting, start, end,
``collaborates_with``  role → team         text, sentence}`` sorted by start (the sentences that
``works_on``           role → product      name the team/product; ``start = -1`` when unknown)
``part_of``            team → team         (same ``evidence``)
``has_role``           company → role
``has_team``           company → team      (every team named by one of the company's postings)
``broader``            skill → skill       (from the ontology: narrower → broader)
=====================  ==================  =======================================================

Graph attributes (``G.graph``): ``ontology_version``, ``ontology_files`` (list), ``postings`` (count).

Serialised as node-link JSON (``networkx.node_link_data(G, edges="links")``) with nodes and links
sorted (one record a line), so the same input gives byte-identical files (:mod:`skillgraph.graph.io`).
"""
from __future__ import annotations

import re
import sys
from typing import Iterable

import networkx as nx

from skillgraph.model import Extraction
from skillgraph.speed import intern, paused_gc, shared_keys
from skillgraph.vocab import LEVEL_RANK, LEVELS

from .names import norm_name, slug
from .nx_fast import place_edges, rename_nodes, sort_storage

__all__ = ["build_graph"]

_FILE_EXT = re.compile(r"\.(?:txt|md|markdown|html?|json)$", re.I)

# evidence and requires dicts: copies of these share one key table (half the bytes each, see speed.py)
_EVIDENCE = shared_keys("posting", "start", "end", "text", "sentence", "section", "requirement")
_REQUIRES = shared_keys("rel", "level", "count", "evidence")


def build_graph(extractions: Iterable[Extraction], ontology) -> nx.DiGraph:
    """The role–skill–team graph of some extractions (see the module docstring for the schema).

    Streaming and linear in the number of mentions: ``extractions`` may be any iterable (a list,
    a generator reading a file); each extraction is read once and not kept, so only the graph
    itself grows. Every ``requires`` edge is one dict placed straight into the adjacency (no
    copies, never searched for: :mod:`skillgraph.graph.nx_fast`). The result does not depend on
    the order extractions come in: what depends on order — role-id suffixes for ids that slug
    alike, team/product/company node ids and labels, the label of a concept missing from the
    ontology — is settled at the end in posting-id order (the few team/product/company mentions
    per posting are kept until then), and nodes and adjacency are stored sorted. Postings that
    share one id keep the order they came in.

    Memory: equal strings (concept ids, mention texts, sections, levels, titles, companies, names)
    are one interned object, the sentence a posting's mentions quote is one string however often
    it is quoted, equal offsets are one int object, and the evidence and ``requires`` dicts share
    their key tables (:func:`skillgraph.speed.shared_keys`).
    """
    with paused_gc():  # millions of small dicts, no cycles: the cyclic collector would rescan them all
        b = _Builder(ontology)
        for x in extractions:
            b.add(x)
        return b.finish()


def _span(m):
    return (m.start, m.end)


class _Named:
    """Nodes of one kind (team, product, company) unified by name or alias."""

    def __init__(self, G: nx.DiGraph, kind: str):
        self.G, self.kind, self.index, self.seen = G, kind, {}, {}

    def get(self, name: str, aliases: Iterable[str] = ()) -> str:
        key = (name, tuple(aliases))
        if key in self.seen:
            return self.seen[key]
        self.seen[key] = nid = self._get(name, aliases)
        return nid

    def _get(self, name: str, aliases: Iterable[str] = ()) -> str:
        names = [n for n in (name, *aliases) if n and n.strip()]
        keys = [norm_name(n) for n in names]
        nid = next((self.index[k] for k in keys if k in self.index), None)
        if nid is None:
            nid = f"{self.kind}:{slug(name)}"
            if nid not in self.G:
                self.G.add_node(nid, kind=self.kind, label=name.strip(), aliases=[])
        node = self.G.nodes[nid]
        for n, k in zip(names, keys, strict=True):
            self.index.setdefault(k, nid)
            n = n.strip()
            if n != node["label"] and n not in node["aliases"]:
                node["aliases"].append(n)
        return nid


def _add_evidence(G: nx.DiGraph, u: str, v: str, rel: str, ev: dict | None) -> tuple[str, str]:
    if G.has_edge(u, v):
        d = G.edges[u, v]
    else:
        G.add_edge(u, v, rel=rel, evidence=[])
        d = G.edges[u, v]
    if ev is not None and ev not in d["evidence"]:
        d["evidence"].append(ev)
    return u, v


class _Builder:
    """One pass over the extractions (:meth:`add`), order-dependent details settled in :meth:`finish`."""

    def __init__(self, ontology):
        self.ontology = ontology
        self.G = G = nx.DiGraph()
        G.graph.update(ontology_version=getattr(ontology, "version", ""),
                       ontology_files=[str(f) for f in getattr(ontology, "files", [])], postings=0)
        self.n = 0
        self.taken: set[str] = set()                # provisional role ids
        self.roles: list[tuple] = []                # (posting id, arrival, provisional role id, base id)
        self.org: list[tuple] = []                  # (posting id, arrival, role id, company, team items)
        self.concepts: dict[str, str] = {}          # concept id -> the one (interned) id object
        self.in_ontology: dict[str, bool] = {}
        self.demand: dict[str, int] = {}            # concept id -> roles requiring it
        self.labels: dict[str, tuple] = {}          # concept not in the ontology -> (posting id, label)
        self.ints: dict[int, int] = {}              # equal offsets -> one int object

    # --- one extraction -------------------------------------------------------------------------------

    def add(self, x: Extraction) -> None:
        pid, seq = x.posting.id, self.n
        self.n += 1
        base = f"role:{slug(_FILE_EXT.sub('', pid))}"
        rid, i = base, 1
        while rid in self.taken:
            i += 1
            rid = f"{base}-{i}"
        self.taken.add(rid)
        self.roles.append((pid, seq, rid, base if base != rid else rid))
        self._add_role(rid, x.posting)
        sentences: dict[str, str] = {}  # one string per sentence of this posting
        self._add_requires(rid, pid, x.mentions, sentences)
        # teams, products, company: kept (small) until finish() settles names in posting-id order
        p = x.posting
        if x.teams or (p.company and p.company.strip()):
            self.org.append((pid, seq, rid, intern(p.company), self._org_items(x, sentences)))

    def _add_role(self, rid: str, p) -> None:
        sal = p.salary
        self.G.add_node(rid, kind="role", label=intern(p.title or p.id), title=intern(p.title), posting=p.id,
                        source=p.source, company=intern(p.company), locations=[intern(s) for s in p.locations],
                        seniority=intern(p.seniority), work_mode=intern(p.work_mode), min_years=p.min_years,
                        degrees=[intern(s) for s in p.degrees],
                        salary=None if sal is None else {"low": sal.low, "high": sal.high,
                                                         "currency": intern(sal.currency),
                                                         "period": intern(sal.period)})
        if p.language:                                  # only on postings not in English
            self.G.nodes[rid]["language"] = p.language

    def _add_requires(self, rid: str, pid: str, mentions, sentences: dict[str, str]) -> None:
        """Group the mentions by concept, one edge dict each, placed straight into the adjacency."""
        # sys.intern itself in this loop (not speed.intern, which lets None through): a call less per value
        G, ints, share, sintern = self.G, self.ints.setdefault, sentences.setdefault, sys.intern
        by: dict[str, list] = {}
        for m in mentions:
            ms = by.get(m.concept)
            if ms is None:
                by[m.concept] = [m]
            else:
                ms.append(m)

        new_evidence, new_edge = _EVIDENCE.copy, _REQUIRES.copy

        def evidence(m):
            e = new_evidence()
            e["posting"] = pid
            e["start"] = ints(m.start, m.start)
            e["end"] = ints(m.end, m.end)
            e["text"] = sintern(m.text)
            e["sentence"] = share(m.sentence, m.sentence)
            e["section"] = m.section if m.section is None else sintern(m.section)
            e["requirement"] = sintern(m.requirement)
            if m.boilerplate:
                e["boilerplate"] = True
            return e

        edges, concepts, demand, rank = {}, self.concepts, self.demand, LEVEL_RANK
        for cid, ms in by.items():
            c = concepts.get(cid)
            if c is None:
                c = concepts[cid] = sintern(cid)
                if c not in G:
                    G.add_node(c)
                self.in_ontology[c] = c in self.ontology
            if len(ms) == 1:
                best, ev = rank.get(ms[0].requirement, 3), [evidence(ms[0])]
                n_bp = int(ms[0].boilerplate)
            else:
                ms.sort(key=_span)
                n_bp = sum(1 for m in ms if m.boilerplate)
                real = [m for m in ms if not m.boilerplate] or ms
                best, ev = min(rank.get(m.requirement, 3) for m in real), [evidence(m) for m in ms]
            d = edges[c] = new_edge()
            d["rel"], d["level"], d["count"], d["evidence"] = "requires", LEVELS[best], len(ms) - n_bp, ev
            if n_bp:
                d["boilerplate"] = n_bp   # mentions in boilerplate paragraphs, not in count
            if len(ms) > n_bp:
                demand[c] = demand.get(c, 0) + 1
            if not self.in_ontology[c]:
                lab = (pid, ms[0].label)
                if c not in self.labels or lab < self.labels[c]:
                    self.labels[c] = lab
        place_edges(G, rid, edges)

    def _org_items(self, x: Extraction, sentences: dict[str, str]) -> tuple:
        """The posting's team/product mentions as (role, name, aliases, parent, evidence), by offset."""
        p, ints, share = x.posting, self.ints.setdefault, sentences.setdefault
        items = []
        for t in sorted(x.teams, key=lambda t: (t.start, t.name, t.role)):
            text = p.text[t.start:t.end] if 0 <= t.start < t.end <= len(p.text) else t.name
            ev = {"posting": p.id, "start": ints(t.start, t.start), "end": ints(t.end, t.end),
                  "text": intern(text), "sentence": share(t.sentence, t.sentence)}
            items.append((intern(t.role), intern(t.name), tuple(intern(a) for a in t.aliases),
                          intern(t.parent), ev))
        return tuple(items)

    # --- the end ----------------------------------------------------------------------------------------

    def finish(self) -> nx.DiGraph:
        G = self.G
        G.graph["postings"] = self.n
        ids = self._settle_role_ids()
        self.taken = self.roles = None
        linked = self._add_org(ids)
        self.org = None
        self._add_skills()
        for _, d in G.nodes(data=True):
            if "aliases" in d:
                d["aliases"].sort()
        for u, v in linked:
            ev = G.adj[u][v]["evidence"]
            if len(ev) > 1:
                ev.sort(key=lambda e: (e["posting"], e["start"], e["end"]))
        sort_storage(G)
        return G

    def _add_org(self, ids: dict[str, str]) -> set[tuple[str, str]]:
        """Teams, products and companies, in posting-id order; returns the edges with evidence."""
        G = self.G
        teams, products, companies = _Named(G, "team"), _Named(G, "product"), _Named(G, "company")
        self.org.sort(key=lambda r: (r[0], r[1]))
        linked: set[tuple[str, str]] = set()    # edges with evidence other than requires
        for _pid, _seq, rid, company, items in self.org:
            rid = ids.get(rid, rid)
            named: list[str] = []
            for role, name, aliases, parent, ev in items:
                if role == "product":
                    linked.add(_add_evidence(G, rid, products.get(name, aliases), "works_on", ev))
                    continue
                tid = teams.get(name, aliases)
                named.append(tid)
                linked.add(_add_evidence(G, rid, tid, "collaborates_with" if role == "collaborator"
                                         else "belongs_to", ev))
                if parent and norm_name(parent) != norm_name(name):
                    pid = teams.get(parent)
                    named.append(pid)
                    if pid != tid and not G.has_edge(pid, tid):
                        linked.add(_add_evidence(G, tid, pid, "part_of", ev))
            if company and company.strip():
                cid = companies.get(company)
                G.add_edge(cid, rid, rel="has_role")
                for tid in named:
                    G.add_edge(cid, tid, rel="has_team")
        return linked

    def _add_skills(self) -> None:
        """The concepts used and the ancestors a reader expects (:meth:`_hierarchy`), with the
        broader edges between them."""
        G, ontology = self.G, self.ontology
        closure: dict[str, bool] = dict.fromkeys(self.demand, True)
        for cid in self.demand:
            if self.in_ontology[cid]:
                for a in self._hierarchy(cid):
                    closure.setdefault(a, False)
        for cid in sorted(closure):
            c = ontology.get(cid) if cid in ontology else None
            G.add_node(intern(cid), kind="skill",
                       label=c.label if c else self.labels[cid][1],
                       iri=c.iri if c else ontology.iri(cid),
                       definition=c.definition if c else None,
                       skill_kind=c.kind if c else None,
                       alt_labels=sorted(c.alt_labels) if c else [],
                       hidden_labels=sorted(c.hidden_labels) if c else [],
                       demand=self.demand.get(cid, 0), used=closure[cid])
            if c and c.exact_match:   # ESCO (or other) counterparts, kept only when there are some
                G.nodes[cid]["exact_match"] = sorted(c.exact_match)
            if c and c.close_match:
                G.nodes[cid]["close_match"] = sorted(c.close_match)
            if c:
                for b in ontology.broader(cid):
                    if b in closure:
                        G.add_edge(cid, b, rel="broader")

    def _hierarchy(self, cid: str) -> list[str]:
        """The ancestors of ``cid`` kept as ``used=False`` nodes: every ancestor of our own ontology
        (small, curated: "diffusion models" → "generative AI" → "machine learning"), and of an extra
        vocabulary's (ESCO's) only the nearest broader concept — ESCO's hierarchy runs four or five
        groups deep to its pillars ("computer science" → "computing" → "information and communication
        technologies" → "knowledge"), which would outnumber the skills the postings ask for.
        Ancestors that postings mention are nodes anyway (``used=True``)."""
        ontology = self.ontology
        out = [a for a in ontology.ancestors(cid) if ontology.is_curated(a)]
        out += [b for b in ontology.broader(cid) if not ontology.is_curated(b)]
        return out

    def _settle_role_ids(self) -> dict[str, str]:
        """Give ids that slug alike their ``-2``, ``-3`` … in posting-id order; rename the roles that
        got another id while streaming (they have only ``requires`` edges yet). Returns old → new."""
        final, taken = {}, set()
        for _pid, _seq, rid, base in sorted(self.roles, key=lambda r: (r[0], r[1])):
            new, i = base, 1
            while new in taken:
                i += 1
                new = f"{base}-{i}"
            taken.add(new)
            if new != rid:
                final[rid] = new
        rename_nodes(self.G, final)
        return final
