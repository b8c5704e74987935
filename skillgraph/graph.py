"""The role–skill–team graph (networkx ``DiGraph``).

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
                                               added only for the hierarchy); ``exact_match`` /
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
                                           preferred > context), ``count`` (mentions),
                                           ``evidence``: list of dicts ``{posting, start, end, text,
                                           sentence, section, requirement}`` sorted by start
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
sorted (one record a line), so the same input gives byte-identical files.
"""
from __future__ import annotations

import difflib
import gc
import json
import os
import re
import sys
import unicodedata
import weakref
from bisect import bisect_left
from collections import defaultdict
from pathlib import Path
from typing import Iterable

import networkx as nx

from .errors import InputError, UnknownNodeError
from .model import LEVELS, Extraction
from .ontology import norm_label

__all__ = [
    "KINDS", "RELATIONS", "build_graph", "load_graph", "node_name", "norm_name", "resolve_node",
    "save_graph", "save_mentions", "slug",
]

KINDS: tuple[str, ...] = ("role", "skill", "team", "product", "company")
RELATIONS: tuple[str, ...] = ("requires", "belongs_to", "collaborates_with", "works_on", "part_of",
                              "has_role", "has_team", "broader")

_SLUG = re.compile(r"[^a-z0-9]+")


_FILE_EXT = re.compile(r"\.(?:txt|md|markdown|html?|json)$", re.I)


def slug(s: str) -> str:
    """``"Pinterest Labs"`` → ``"pinterest-labs"`` (ASCII, ``a-z0-9-``)."""
    a = unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode("ascii")
    return _SLUG.sub("-", a.lower()).strip("-") or "x"


def norm_name(s: str) -> str:
    """The key names are compared under: lower case, hyphens/dashes as spaces, single spaces."""
    return norm_label(s)


# --- build ----------------------------------------------------------------------------------------

_RANK = {lvl: i for i, lvl in enumerate(LEVELS)}


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
        for n, k in zip(names, keys):
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


def build_graph(extractions: Iterable[Extraction], ontology) -> nx.DiGraph:
    """The role–skill–team graph of some extractions (see the module docstring for the schema).

    Streaming and linear in the number of mentions: ``extractions`` may be any iterable (a list,
    a generator reading a file); each extraction is read once and not kept, so only the graph
    itself grows. Every ``requires`` edge is one dict placed straight into the adjacency (no
    copies, never searched for). The result does not depend on the order extractions come in:
    what depends on order — role-id suffixes for ids that slug alike, team/product/company node
    ids and labels, the label of a concept missing from the ontology — is settled at the end in
    posting-id order (the few team/product/company mentions per posting are kept until then), and
    nodes and adjacency are stored sorted. Postings that share one id keep the order they came in.

    Memory: equal strings (concept ids, mention texts, sections, levels, titles, companies, names)
    are one interned object, the sentence a posting's mentions quote is one string however often
    it is quoted, equal offsets are one int object, and the evidence and ``requires`` dicts share
    their key tables (see :func:`_shared_keys`).
    """
    gc_was = gc.isenabled()
    gc.disable()  # millions of small dicts, no cycles: the cyclic collector would rescan them all
    try:
        b = _Builder(ontology)
        for x in extractions:
            b.add(x)
        return b.finish()
    finally:
        if gc_was:
            gc.enable()


def _i(s):
    return s if s is None else sys.intern(s)


def _shared_keys(*keys: str) -> dict:
    """A dict of ``keys`` (values None) whose copies share one key table.

    CPython keeps the attribute dicts of one class's instances "split" (one key table, each dict
    just an array of values) and ``dict.copy()`` of a split dict stays split, also after the
    existing keys are assigned. So copies of this template, filled key by key, are ordinary dicts
    (same keys, order, equality, JSON) at about half the size: 144 instead of 272 bytes for an
    evidence dict, which matters for millions of them. On other Pythons they are plain copies.
    """
    def init(self):
        for k in keys:
            setattr(self, k, None)

    cls = type("_SharedKeys", (), {"__init__": init})
    for _ in range(40):  # each new instance trims the shared table's spare room (to one slot)
        cls()
    return cls().__dict__


_EVIDENCE = _shared_keys("posting", "start", "end", "text", "sentence", "section", "requirement")
_REQUIRES = _shared_keys("rel", "level", "count", "evidence")


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

    def add(self, x: Extraction) -> None:
        G, p = self.G, x.posting
        pid, seq = p.id, self.n
        self.n += 1
        base = f"role:{slug(_FILE_EXT.sub('', pid))}"
        rid, i = base, 1
        while rid in self.taken:
            i += 1
            rid = f"{base}-{i}"
        self.taken.add(rid)
        self.roles.append((pid, seq, rid, base if base != rid else rid))
        sal = p.salary
        G.add_node(rid, kind="role", label=_i(p.title or pid), title=_i(p.title), posting=pid,
                   source=p.source, company=_i(p.company), locations=[_i(s) for s in p.locations],
                   seniority=_i(p.seniority), work_mode=_i(p.work_mode), min_years=p.min_years,
                   degrees=[_i(s) for s in p.degrees],
                   salary=None if sal is None else {"low": sal.low, "high": sal.high,
                                                    "currency": _i(sal.currency), "period": _i(sal.period)})
        # requires: group the mentions by concept, one edge dict each, placed straight into the adjacency
        sentences: dict[str, str] = {}  # one string per sentence of this posting
        ints, intern, share = self.ints.setdefault, sys.intern, sentences.setdefault
        by: dict[str, list] = {}
        for m in x.mentions:
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
            e["text"] = intern(m.text)
            e["sentence"] = share(m.sentence, m.sentence)
            e["section"] = m.section if m.section is None else intern(m.section)
            e["requirement"] = intern(m.requirement)
            return e

        succ, pred, concepts, demand, rank = G._succ[rid], G._pred, self.concepts, self.demand, _RANK
        for cid, ms in by.items():
            c = concepts.get(cid)
            if c is None:
                c = concepts[cid] = intern(cid)
                if c not in G:
                    G.add_node(c)
                self.in_ontology[c] = c in self.ontology
            if len(ms) == 1:
                best, ev = rank.get(ms[0].requirement, 3), [evidence(ms[0])]
            else:
                ms.sort(key=_span)
                best, ev = min(rank.get(m.requirement, 3) for m in ms), [evidence(m) for m in ms]
            d = succ[c] = pred[c][rid] = new_edge()
            d["rel"], d["level"], d["count"], d["evidence"] = "requires", LEVELS[best], len(ms), ev
            demand[c] = demand.get(c, 0) + 1
            if not self.in_ontology[c]:
                lab = (pid, ms[0].label)
                if c not in self.labels or lab < self.labels[c]:
                    self.labels[c] = lab
        # teams, products, company: kept (small) until finish() settles names in posting-id order
        if x.teams or (p.company and p.company.strip()):
            items = []
            for t in sorted(x.teams, key=lambda t: (t.start, t.name, t.role)):
                text = p.text[t.start:t.end] if 0 <= t.start < t.end <= len(p.text) else t.name
                ev = {"posting": pid, "start": ints(t.start, t.start), "end": ints(t.end, t.end),
                      "text": intern(text), "sentence": share(t.sentence, t.sentence)}
                items.append((intern(t.role), intern(t.name), tuple(intern(a) for a in t.aliases),
                              _i(t.parent), ev))
            self.org.append((pid, seq, rid, _i(p.company), tuple(items)))

    def finish(self) -> nx.DiGraph:
        G, ontology = self.G, self.ontology
        G.graph["postings"] = self.n
        ids = self._settle_role_ids()
        self.taken = self.roles = None
        # teams, products, companies, in posting-id order
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
        self.org = None
        # skills: the concepts used and all their ancestors, with broader edges
        closure: dict[str, bool] = {}
        for cid in self.demand:
            closure[cid] = True
            if self.in_ontology[cid]:
                for a in ontology.ancestors(cid):
                    closure.setdefault(a, False)
        for cid in sorted(closure):
            c = ontology.get(cid) if cid in ontology else None
            G.add_node(sys.intern(cid), kind="skill",
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
                    G.add_edge(cid, b, rel="broader")
        for _, d in G.nodes(data=True):
            if "aliases" in d:
                d["aliases"].sort()
        for u, v in linked:
            ev = G._succ[u][v]["evidence"]
            if len(ev) > 1:
                ev.sort(key=lambda e: (e["posting"], e["start"], e["end"]))
        _sort_storage(G)
        return G

    def _settle_role_ids(self) -> dict[str, str]:
        """Give ids that slug alike their ``-2``, ``-3`` … in posting-id order; rename the roles that
        got another id while streaming (they have only ``requires`` edges yet). Returns old → new."""
        G, final, taken = self.G, {}, set()
        for _pid, _seq, rid, base in sorted(self.roles, key=lambda r: (r[0], r[1])):
            new, i = base, 1
            while new in taken:
                i += 1
                new = f"{base}-{i}"
            taken.add(new)
            if new != rid:
                final[rid] = new
        # two phases, so that ids trading places do not overwrite each other
        moved = []
        for old, new in final.items():
            succ = G._succ.pop(old)
            for v in succ:
                del G._pred[v][old]
            moved.append((new, G._node.pop(old), succ, G._pred.pop(old)))
        for new, attrs, succ, pred in moved:
            G._node[new], G._succ[new], G._pred[new] = attrs, succ, pred
            for v, d in succ.items():
                G._pred[v][new] = d
        return final


def _sort_storage(G: nx.DiGraph) -> None:
    """Store nodes, and each node's predecessors, in sorted order, so that iterating the graph
    does not depend on the order the extractions came in."""
    for d in (G._node, G._succ, G._pred):
        items = sorted(d.items())
        d.clear()
        d.update(items)
    for nbrs in G._pred.values():
        if len(nbrs) > 1:
            items = sorted(nbrs.items())
            nbrs.clear()
            nbrs.update(items)


# --- save / load ----------------------------------------------------------------------------------

def _dumps(x) -> str:
    return json.dumps(x, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def save_graph(G: nx.DiGraph, path: str | os.PathLike) -> None:
    """Write node-link JSON: nodes sorted by id, links by (source, target), one record a line.

    The same graph gives byte-identical files (no timestamps, sorted keys). Written to a
    temporary file first, so a failed write leaves any previous file as it was.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    with open(tmp, "w", encoding="utf-8", newline="\n") as fh:
        fh.write('{"directed":true,"multigraph":false,"graph":' + _dumps(G.graph) + ',\n"nodes":[')
        for i, n in enumerate(sorted(G.nodes)):
            fh.write(("\n" if i == 0 else ",\n") + _dumps({"id": n, **G.nodes[n]}))
        fh.write('\n],\n"links":[')
        for i, (u, v) in enumerate(sorted(G.edges)):
            fh.write(("\n" if i == 0 else ",\n") + _dumps({"source": u, "target": v, **G.edges[u, v]}))
        fh.write("\n]}\n")
    os.replace(tmp, path)


def save_mentions(extractions: Iterable[Extraction], path: str | os.PathLike) -> int:
    """Write one extraction dict a line (``extraction_to_dict``), sorted by posting id; returns the
    number of mentions written. Deterministic like :func:`save_graph`."""
    from .model import extraction_to_dict

    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp, n = path.with_name(path.name + ".tmp"), 0
    with open(tmp, "w", encoding="utf-8", newline="\n") as fh:
        for x in sorted(extractions, key=lambda x: x.posting.id):
            fh.write(json.dumps(extraction_to_dict(x), ensure_ascii=False) + "\n")
            n += len(x.mentions)
    os.replace(tmp, path)
    return n


def load_graph(path: str | os.PathLike) -> nx.DiGraph:
    """Read a graph written by :func:`save_graph`. Problems raise :class:`InputError` (one line)."""
    path = Path(path)
    try:
        with open(path, encoding="utf-8") as fh:
            data = json.load(fh)
    except FileNotFoundError:
        raise InputError(f"{path}: no such graph file — run `skillgraph build` first "
                         f"(or pass --graph FILE / --postings PATH)") from None
    except IsADirectoryError:
        raise InputError(f"{path}: is a directory, not a graph file — pass the graph.json inside it") from None
    except json.JSONDecodeError as exc:
        raise InputError(f"{path}:{exc.lineno}:{exc.colno}: not valid JSON ({exc.msg}) — rebuild it "
                         f"with `skillgraph build`") from None
    except UnicodeDecodeError:
        raise InputError(f"{path}: not UTF-8 text — is it a graph.json written by `skillgraph build`?") from None
    if not isinstance(data, dict) or not isinstance(data.get("nodes"), list) or not isinstance(data.get("links"), list):
        raise InputError(f"{path}: not a skillgraph node-link graph (no 'nodes'/'links' lists) — "
                         f"rebuild it with `skillgraph build`")
    for i, n in enumerate(data["nodes"]):
        if not isinstance(n, dict) or "id" not in n or n.get("kind") not in KINDS:
            raise InputError(f"{path}: node #{i + 1} has no id or no known kind ({', '.join(KINDS)}) — "
                             f"rebuild it with `skillgraph build`")
    for i, e in enumerate(data["links"]):
        if not isinstance(e, dict) or "source" not in e or "target" not in e or e.get("rel") not in RELATIONS:
            raise InputError(f"{path}: link #{i + 1} has no source/target or no known rel — "
                             f"rebuild it with `skillgraph build`")
    data["directed"], data["multigraph"] = True, False
    try:
        return nx.node_link_graph(data, edges="links")
    except Exception as exc:  # networkx raises assorted errors on malformed data
        raise InputError(f"{path}: cannot be read as a graph ({exc}) — rebuild it with `skillgraph build`") from None


# --- names ----------------------------------------------------------------------------------------

def node_name(G: nx.DiGraph, n: str) -> str:
    """A node's display name (its label)."""
    return G.nodes[n].get("label") or n


def _names(n: str, d: dict) -> list[tuple[str, bool]]:
    """(name, prefix-matchable) pairs a node answers to."""
    kind = d.get("kind")
    out = [(d.get("label") or n, kind != "skill")]
    if kind == "role":
        out += [(d["posting"], True)] if d.get("posting") else []
        out += [(n.split(":", 1)[1], True)]
    elif kind == "skill":
        out += [(a, False) for a in (*d.get("alt_labels", ()), *d.get("hidden_labels", ()))]
    else:
        out += [(a, True) for a in d.get("aliases", ())]
    return out


def _variants(key: str) -> set[str]:
    """Spelling variants extraction folds: closed form of a spaced label, regular plural."""
    out = {key, key.replace(" ", "")}
    if key.endswith("s") and len(key) > 3:
        out |= {key[:-1], key[:-1].replace(" ", "")}
    else:
        out |= {key + "s"}
    return out


class _Index:
    def __init__(self, G: nx.DiGraph):
        self.size = (G.number_of_nodes(), G.number_of_edges())
        self.exact: dict[str, set[str]] = defaultdict(set)     # normalised name -> nodes
        self.loose: dict[str, set[str]] = defaultdict(set)     # closed form / singular -> skills
        self.display: dict[str, str] = {}                      # normalised name -> a name as written
        pref = []
        for n, d in G.nodes(data=True):
            for name, prefixable in _names(n, d):
                k = norm_name(str(name))
                if not k:
                    continue
                self.exact[k].add(n)
                self.display.setdefault(k, str(name))
                if d.get("kind") == "skill":
                    for v in _variants(k) - {k}:
                        self.loose[v].add(n)
                if prefixable:
                    pref.append((k, n))
        pref.sort()
        self.prefix_keys = [k for k, _ in pref]
        self.prefix_nodes = [n for _, n in pref]


_CACHE: "weakref.WeakKeyDictionary[nx.DiGraph, _Index]" = weakref.WeakKeyDictionary()


def _index(G: nx.DiGraph) -> _Index:
    idx = _CACHE.get(G)
    if idx is None or idx.size != (G.number_of_nodes(), G.number_of_edges()):
        idx = _CACHE[G] = _Index(G)
    return idx


def _describe(G: nx.DiGraph, n: str) -> str:
    d = G.nodes[n]
    return f"{d.get('kind')} {node_name(G, n)!r} ({n})"


def _ambiguous(G, name, nodes, idx) -> UnknownNodeError:
    nodes = sorted(nodes)
    shown = ", ".join(_describe(G, n) for n in nodes[:5]) + (f" and {len(nodes) - 5} more" if len(nodes) > 5 else "")
    kinds = sorted({G.nodes[n].get("kind") for n in nodes})
    how = ("name the kind: " + " or ".join(f"'{k}:{name}'" for k in kinds) if len(kinds) > 1
           else "use a longer prefix or the id")
    return UnknownNodeError(f"{name!r} is ambiguous: {shown} — {how}", nodes[:8])


def resolve_node(G: nx.DiGraph, name: str, kinds: Iterable[str] | None = None) -> str:
    """The node a person means by ``name``.

    Tried in order: a node id (``role:…``, ``skill:…``, ``team:…``); ``kind:name`` or a trailing /
    leading kind word (``"Responsible AI team"``) to pick a kind; an exact name (case, hyphens and
    spacing folded) — a role's title, posting id or slug, a skill's preferred/alternative/hidden
    label (also closed form and singular/plural, as extraction folds them), a team's, product's or
    company's name or alias; a unique prefix of a role/team/product/company name; a unique
    substring of one. Unknown or ambiguous names raise :class:`UnknownNodeError` with candidates.
    """
    kinds = tuple(kinds) if kinds else KINDS
    raw = str(name).strip()
    if raw in G and G.nodes[raw].get("kind") in kinds:
        return raw
    idx = _index(G)
    # kind:name and "name kind" forms
    head, sep, rest = raw.partition(":")
    if sep and head.lower() in KINDS and head.lower() in kinds and rest.strip():
        return resolve_node(G, rest, (head.lower(),))
    words = raw.split()
    if len(words) > 1:
        for w, remainder in ((words[-1], words[:-1]), (words[0], words[1:])):
            k = w.lower().rstrip("s")
            if k in kinds and norm_name(raw) not in idx.exact:
                try:
                    return resolve_node(G, " ".join(remainder), (k,))
                except UnknownNodeError:
                    pass

    def keep(nodes):
        return {n for n in nodes if G.nodes[n].get("kind") in kinds}

    key = norm_name(raw)
    if not key:
        raise UnknownNodeError("an empty name names no node — give a role title, skill, team or product")
    hits = keep(idx.exact.get(key, ()))
    if not hits:
        for v in _variants(key):
            hits |= keep(idx.exact.get(v, ())) | keep(idx.loose.get(v, ()))
    if not hits:
        i = bisect_left(idx.prefix_keys, key)
        while i < len(idx.prefix_keys) and idx.prefix_keys[i].startswith(key):
            n = idx.prefix_nodes[i]
            if G.nodes[n].get("kind") in kinds:
                hits.add(n)
            i += 1
    if not hits and len(key) >= 3:
        hits = {n for k, n in zip(idx.prefix_keys, idx.prefix_nodes)
                if key in k and G.nodes[n].get("kind") in kinds}
    if len(hits) == 1:
        return next(iter(hits))
    if hits:
        raise _ambiguous(G, raw, hits, idx)
    what = ", ".join(kinds[:-1]) + f" or {kinds[-1]}" if len(kinds) > 1 else kinds[0]
    if kinds != KINDS:
        other = sorted(idx.exact.get(key, ()))
        if other:
            k = G.nodes[other[0]].get("kind")
            raise UnknownNodeError(f"{raw!r} is a {k} ({other[0]}), not a {what}")
    pool = [k for k, ns in idx.exact.items() if any(G.nodes[n].get("kind") in kinds for n in ns)]
    close = difflib.get_close_matches(key, pool, n=5, cutoff=0.6)
    cands = []
    for k in close:
        ns = sorted(keep(idx.exact[k]))
        cands += [idx.display[k]] if len(ns) == 1 else ns
    raise UnknownNodeError(f"no {what} named {raw!r} in the graph", list(dict.fromkeys(cands)))
