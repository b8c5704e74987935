"""Merging an extra vocabulary (ESCO, a user's SKOS) into ours, once, at load time.

Two rules, both over the merged label set:

- **One node per meaning.** A concept of the *curated* files (the shipped ontology, or the first file
  when it is left out) absorbs every concept of a later file that it ``skos:exactMatch``es: the
  other concept's labels become ours, its definition fills ours when we have none, and links that
  pointed at it point at ours. Our id stays; the absorbed IRI is kept in ``exact_match``. When two of
  ours match the same concept, the first by id absorbs it.
- **Generic labels do not link alone** (:func:`generic_labels`). A label from an extra file is
  generic when it is also a label of a curated concept (ours wins: "ML", "SQL", "Spark"); when it
  is an alt/hidden label of two or more extra concepts ("forward-thinking"); when it is one word and
  the preferred label of a top concept of its scheme (a pillar, not a skill: "skills", "knowledge"); or when
  it is a one-word alt/hidden label that is either less specific than a longer preferred label
  ("refactoring" for *do cloud refactoring*, "engineering" for *packaging engineering*) or a common
  English word (Zipf frequency ≥ :data:`COMMON_ZIPF` in ``wordfreq``: "guide", "data"); or when
  it is one word that stands in the longer labels of :data:`BROAD_HEADS` or more concepts of the
  merged set — a field with many specific skills, not a skill ("plan" 393, "cleaning" 118,
  "communication" 124, "energy" 67; "English" 10, "economics" 9 still link). Generic
  labels are kept (RDF, lookup) but the matcher does not link them in text ("cloud refactoring"
  still links through its own label); merged into ours they are dropped.
"""
from __future__ import annotations

from dataclasses import replace

from skillgraph.model import Concept

from .labels import norm_label

__all__ = ["BROAD_HEADS", "COMMON_ZIPF", "generic_labels", "merge_matches"]

BROAD_HEADS = 20
"""A one-word label that is a word of the multi-word labels of this many concepts names a field.
Measured with ESCO on the seeds and the TECH/HOUSE sentences: 20 drops "plan", "languages",
"hair", "history", "betting"; at 10 it also drops "English" and "philosophy"."""

COMMON_ZIPF = 4.0
"""A one-word label at or above this Zipf frequency (wordfreq, English; about once per 10⁵ words —
"recruiting" 3.99, "java" 4.0, "engineering" 4.8) is an ordinary word. Measured on the seeds with
ESCO: 3.5 also drops "excel"-like tool names; 4.5 lets "conduct", "initiatives" and "innovation" link."""


def _common(word: str, cache: dict) -> bool:
    hit = cache.get(word)
    if hit is None:
        from wordfreq import zipf_frequency

        hit = cache[word] = zipf_frequency(word, "en") >= COMMON_ZIPF
    return hit


def generic_labels(c: Concept, curated_labels: dict[str, str], cache: dict | None = None, *,
                   category: bool = False, shared: frozenset[str] = frozenset(),
                   broad: frozenset[str] = frozenset()) -> tuple[str, ...]:
    """The labels of an extra-file concept ``c`` that do not link alone (see the module's rules).
    ``curated_labels`` maps a normalised label to the curated concept that has it; ``category`` says
    ``c`` is a top concept (a classification pillar); ``shared`` holds the normalised alt/hidden labels of several extra
    concepts; ``broad`` the words that stand in the longer labels of :data:`BROAD_HEADS` concepts."""
    cache = {} if cache is None else cache
    pref_words = len(norm_label(c.label).split())
    out = []
    for i, lab in enumerate((c.label, *c.alt_labels, *c.hidden_labels)):
        key = norm_label(lab)
        owner = curated_labels.get(key)
        if not key:
            continue
        if (owner is not None and owner != c.id) or (i > 0 and key in shared) or key in broad:
            out.append(lab)
        elif " " not in key and (category if i == 0 else pref_words > 1 or _common(key, cache)):
            out.append(lab)
    return tuple(sorted(set(out)))


def _broad_words(concepts: dict[str, Concept]) -> frozenset[str]:
    n: dict[str, int] = {}
    for c in concepts.values():
        words = set()
        for lab in (c.label, *c.alt_labels):
            ws = norm_label(lab).split()
            if len(ws) > 1:
                words.update(ws)
        for w in words:
            n[w] = n.get(w, 0) + 1
    return frozenset(w for w, k in n.items() if k >= BROAD_HEADS)


def _shared_labels(concepts: dict[str, Concept], curated: set[str]) -> frozenset[str]:
    seen: dict[str, str] = {}
    shared = set()
    for cid, c in concepts.items():
        if cid in curated:
            continue
        for lab in (*c.alt_labels, *c.hidden_labels):
            k = norm_label(lab)
            if seen.setdefault(k, cid) != cid:
                shared.add(k)
    return frozenset(shared)


def _curated_index(concepts: dict[str, Concept], curated: set[str]) -> dict[str, str]:
    idx: dict[str, str] = {}
    for cid in sorted(curated):
        c = concepts[cid]
        for lab in (c.label, *c.alt_labels, *c.hidden_labels):
            idx.setdefault(norm_label(lab), cid)
    return idx


def _absorb(a: Concept, bs: list[Concept], curated_labels: dict[str, str], cache: dict) -> Concept:
    own = {norm_label(x) for x in (a.label, *a.alt_labels, *a.hidden_labels)}
    alts, hidden = set(a.alt_labels), set(a.hidden_labels)
    for b in bs:
        drop = set(generic_labels(b, curated_labels, cache))   # as ours: our own labels decide breadth
        for lab, into in ((b.label, alts), *((x, alts) for x in b.alt_labels), *((x, hidden) for x in b.hidden_labels)):
            key = norm_label(lab)
            if lab in drop or key in own or curated_labels.get(key, a.id) != a.id:
                continue
            own.add(key)
            into.add(lab)
    return replace(
        a, alt_labels=tuple(sorted(alts)), hidden_labels=tuple(sorted(hidden - alts)),
        definition=a.definition or next((b.definition for b in bs if b.definition), None),
        close_match=tuple(sorted(set(a.close_match).union(*(b.close_match for b in bs)))),
        exact_match=tuple(sorted(set(a.exact_match).union(*(b.exact_match for b in bs)) - {a.iri})),
        onet=tuple(sorted(set(a.onet).union(*(b.onet for b in bs)))))


def merge_matches(concepts: dict[str, Concept], curated: set[str]) -> dict[str, Concept]:
    """``concepts`` with every extra-file concept a curated one exactMatches folded into it, links
    redirected, and the generic labels of the remaining extra-file concepts marked."""
    if len(curated) == len(concepts):
        return concepts
    by_iri = {c.iri: cid for cid, c in concepts.items() if cid not in curated}
    into: dict[str, str] = {}
    for aid in sorted(curated):
        for iri in concepts[aid].exact_match:
            b = by_iri.get(iri)
            if b is not None and b not in into:
                into[b] = aid
    curated_labels = _curated_index(concepts, curated)
    shared = _shared_labels(concepts, curated)
    broad = _broad_words(concepts)
    cache: dict[str, bool] = {}
    groups: dict[str, list[Concept]] = {}
    for b, a in sorted(into.items()):
        groups.setdefault(a, []).append(concepts[b])
    out: dict[str, Concept] = {}
    for cid, c in concepts.items():
        if cid in into:
            continue
        if cid in groups:
            c = _absorb(c, groups[cid], curated_labels, cache)
        elif cid not in curated:
            c = replace(c, generic_labels=generic_labels(c, curated_labels, cache, category=c.top,
                                                         shared=shared, broad=broad))
        if any(b in into for b in c.broader):
            c = replace(c, broader=tuple(sorted({into.get(b, b) for b in c.broader} - {cid})))
        out[cid] = c
    return out
