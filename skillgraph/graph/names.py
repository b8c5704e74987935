"""Names of graph nodes: ids from names (:func:`slug`), the key names compare under
(:func:`norm_name`), a node's display name (:func:`node_name`) and the node a person means by a
name (:func:`resolve_node`, with did-you-mean candidates when it names none or several)."""
from __future__ import annotations

import difflib
import re
import unicodedata
import weakref
from bisect import bisect_left
from collections import defaultdict
from typing import Iterable

import networkx as nx

from skillgraph.errors import UnknownNodeError
from skillgraph.ontology import norm_label
from skillgraph.vocab import KINDS

__all__ = ["distinct_names", "distinct_tags", "node_name", "norm_name", "resolve_node", "slug"]

_SLUG = re.compile(r"[^a-z0-9]+")


def slug(s: str) -> str:
    """``"Pinterest Labs"`` → ``"pinterest-labs"`` (ASCII, ``a-z0-9-``)."""
    a = unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode("ascii")
    return _SLUG.sub("-", a.lower()).strip("-") or "x"


def norm_name(s: str) -> str:
    """The key names are compared under: lower case, hyphens/dashes as spaces, single spaces."""
    return norm_label(s)


def node_name(G: nx.DiGraph, n: str) -> str:
    """A node's display name (its label)."""
    return G.nodes[n].get("label") or n


# --- the name index of a graph ----------------------------------------------------------------------

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


def _tags(d: dict, n: str):
    """Ways to tell a node from others of its name, most readable first: company, location, both, id."""
    locs = d.get("locations") or ()
    loc = locs[0] if isinstance(locs, (list, tuple)) and locs else None
    yield lambda: d.get("company")
    yield lambda: loc
    yield lambda: ", ".join(x for x in (d.get("company"), loc) if x) or None
    yield lambda: n


def distinct_tags(G: nx.DiGraph, ids: Iterable[str]) -> dict[str, str]:
    """{id: disambiguator} for the nodes whose names repeat among ``ids``: their company, location,
    both, or else their id — the first that tells them apart. Nodes with a unique name are absent."""
    ids = sorted(set(ids))
    groups: dict[str, list[str]] = {}
    for n in ids:
        groups.setdefault(node_name(G, n), []).append(n)
    out = {}
    for nodes in groups.values():
        if len(nodes) == 1:
            continue
        tags = [list(_tags(G.nodes[n], n)) for n in nodes]
        for i in range(4):
            vals = [t[i]() for t in tags]
            if all(vals) and len(set(vals)) == len(vals):
                break
        out.update(zip(nodes, vals, strict=True))
    return out


def distinct_names(G: nx.DiGraph, ids: Iterable[str]) -> dict[str, str]:
    """{id: display name} where nodes whose names repeat among ``ids`` get their
    :func:`distinct_tags` disambiguator in brackets."""
    ids = sorted(set(ids))
    tags = distinct_tags(G, ids)
    return {n: f"{node_name(G, n)} ({tags[n]})" if n in tags else node_name(G, n) for n in ids}


# --- resolve_node -----------------------------------------------------------------------------------

def _describe(G: nx.DiGraph, n: str) -> str:
    d = G.nodes[n]
    return f"{d.get('kind')} {node_name(G, n)!r} ({n})"


def _ambiguous(G, name, nodes) -> UnknownNodeError:
    nodes = sorted(nodes)
    shown = ", ".join(_describe(G, n) for n in nodes[:5]) + (f" and {len(nodes) - 5} more" if len(nodes) > 5 else "")
    kinds = sorted({G.nodes[n].get("kind") for n in nodes})
    how = ("name the kind: " + " or ".join(f"'{k}:{name}'" for k in kinds) if len(kinds) > 1
           else "use a longer prefix or the id")
    return UnknownNodeError(f"{name!r} is ambiguous: {shown} — {how}", nodes[:8])


def _by_kind_word(G: nx.DiGraph, raw: str, kinds: tuple[str, ...], idx: _Index) -> str | None:
    """``kind:name`` and ``"name kind"`` / ``"kind name"`` forms: the node, or None if not such a form."""
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
    return None


def _hits(G: nx.DiGraph, key: str, kinds: tuple[str, ...], idx: _Index) -> set[str]:
    """The nodes of ``kinds`` that ``key`` names: exactly, as a spelling variant, a unique prefix or a
    substring (the first of these that finds any)."""
    def keep(nodes):
        return {n for n in nodes if G.nodes[n].get("kind") in kinds}

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
        hits = {n for k, n in zip(idx.prefix_keys, idx.prefix_nodes, strict=True)
                if key in k and G.nodes[n].get("kind") in kinds}
    return hits


def _unknown(G: nx.DiGraph, raw: str, key: str, kinds: tuple[str, ...], idx: _Index) -> UnknownNodeError:
    """The error for a name that names no node of ``kinds``: another kind's node, or close names."""
    what = ", ".join(kinds[:-1]) + f" or {kinds[-1]}" if len(kinds) > 1 else kinds[0]
    if kinds != KINDS:
        other = sorted(idx.exact.get(key, ()))
        if other:
            k = G.nodes[other[0]].get("kind")
            return UnknownNodeError(f"{raw!r} is a {k} ({other[0]}), not a {what}")
    pool = [k for k, ns in idx.exact.items() if any(G.nodes[n].get("kind") in kinds for n in ns)]
    close = difflib.get_close_matches(key, pool, n=5, cutoff=0.6)
    cands = []
    for k in close:
        ns = sorted(n for n in idx.exact[k] if G.nodes[n].get("kind") in kinds)
        cands += [idx.display[k]] if len(ns) == 1 else ns
    return UnknownNodeError(f"no {what} named {raw!r} in the graph", list(dict.fromkeys(cands)))


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
    found = _by_kind_word(G, raw, kinds, idx)
    if found is not None:
        return found
    key = norm_name(raw)
    if not key:
        raise UnknownNodeError("an empty name names no node — give a role title, skill, team or product")
    hits = _hits(G, key, kinds, idx)
    if len(hits) == 1:
        return next(iter(hits))
    if hits:
        raise _ambiguous(G, raw, hits)
    raise _unknown(G, raw, key, kinds, idx)
