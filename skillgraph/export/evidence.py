"""Evidence as W3C Web Annotations, both ways.

One evidence dict (``posting``, ``start``, ``end``, ``text``, ``sentence`` and, for requirements,
``section`` and ``requirement``) becomes four resources, written in a fixed predicate order::

    evidence:…-120-127 a oa:Annotation, sg:Evidence ; oa:motivatedBy oa:identifying ;
        oa:hasBody skill:pytorch ; oa:hasTarget evidence:…-120-127.target ; sg:level sg:required ;
        sg:sentence "…" ; sg:section "qualifications" ; prov:wasDerivedFrom posting:000_17269b… .
    evidence:…-120-127.target a oa:SpecificResource ; oa:hasSource posting:000_17269b… ;
        oa:hasSelector evidence:…-120-127.position, evidence:…-120-127.quote .
    evidence:…-120-127.position a oa:TextPositionSelector ; oa:start 120 ; oa:end 127 .
    evidence:…-120-127.quote a oa:TextQuoteSelector ; oa:exact "PyTorch" .

Keys that are missing, or values the annotation cannot say (no position), travel as ``sg:attributes``
JSON, so :func:`read_evidence` restores the exact dict.
"""
from __future__ import annotations

import json
from typing import Callable

from ..vocab import LEVELS, OA, PROV, RDF, SG, XSD
from .mapping import EVIDENCE_KEYS
from .terms import literal, one, posting_id

__all__ = ["annotation", "read_evidence"]

# Pairs every annotation shares: one tuple each, not millions.
_T_ANN = (RDF.type, (OA.Annotation,))
_T_EVI = (RDF.type, (SG.Evidence,))
_T_SPR = (RDF.type, (OA.SpecificResource,))
_T_POS = (RDF.type, (OA.TextPositionSelector,))
_T_QUO = (RDF.type, (OA.TextQuoteSelector,))
_MOTIV = (OA.motivatedBy, (OA.identifying,))
_LEVEL_OBJ = {lvl: (SG[lvl],) for lvl in LEVELS}
_XSD_INT = XSD.integer


def _annotation_iri(stem: str, has_pos: bool, start, end, used: set) -> str:
    """``<stem>-<start>-<end>`` (``-x`` without a position), ``-2``, ``-3`` … if taken already."""
    a = f"{stem}-{start}-{end}" if has_pos else f"{stem}-x"
    if a in used:
        k = 2
        while f"{a}-{k}" in used:
            k += 1
        a = f"{a}-{k}"
    used.add(a)
    return a


def annotation(fixed: dict, stem: str, ev: dict, used: set, body: str, posting_iri: Callable[[str], str],
               keys: tuple = EVIDENCE_KEYS) -> str:
    """One evidence dict as a Web Annotation (four resources, written to ``fixed`` in a fixed
    predicate order); returns the annotation's IRI. ``used`` holds the annotation IRIs of this edge."""
    start, end = ev.get("start"), ev.get("end")
    has_pos = type(start) is int and type(end) is int and 0 <= start
    a = _annotation_iri(stem, has_pos, start, end, used)
    t = a + ".target"
    ann = [_T_ANN, _T_EVI, _MOTIV, (OA.hasBody, (body,)), (OA.hasTarget, (t,))]
    tgt = [_T_SPR]
    fixed[a], fixed[t] = ann, tgt
    pid = ev.get("posting")
    if pid is not None:
        p = (posting_iri(pid),)
        tgt.append((OA.hasSource, p))
        ann.append((PROV.wasDerivedFrom, p))
    if has_pos:
        pos = a + ".position"
        tgt.append((OA.hasSelector, (pos,)))
        fixed[pos] = [_T_POS, (OA.start, (str(start), _XSD_INT, "")), (OA.end, (str(end), _XSD_INT, ""))]
    text = ev.get("text")
    if text is not None:
        q = a + ".quote"
        tgt.append((OA.hasSelector, (q,)))
        fixed[q] = [_T_QUO, (OA.exact, (str(text), "", ""))]
    _statements(ann, ev)
    extra = _unsaid(ev, keys, has_pos, start, end)
    if extra:
        ann.append((SG.attributes, literal(json.dumps(extra, sort_keys=True, ensure_ascii=False, default=list))))
    return a


def _statements(ann: list, ev: dict) -> None:
    """The annotation's sentence, section and requirement level."""
    sent = ev.get("sentence")
    if sent is not None:
        ann.append((SG.sentence, (str(sent), "", "")))
    sec = ev.get("section")
    if sec is not None:
        ann.append((SG.section, (str(sec), "", "")))
    lvl = ev.get("requirement")
    if lvl:
        ann.append((SG.level, _LEVEL_OBJ.get(lvl) or (SG.iri + str(lvl),)))   # open: any level survives


def _unsaid(ev: dict, keys: tuple, has_pos: bool, start, end) -> dict | None:
    """What the annotation's triples cannot say: unknown keys, missing keys, odd positions."""
    unknown_pos = not has_pos and start == -1 and end == -1
    if len(ev) == len(keys) and (has_pos or unknown_pos) and all(k in ev for k in keys):
        return None
    known = {k for k in keys if k in ev and (has_pos or unknown_pos or k not in ("start", "end"))}
    missing = [k for k in keys if k not in ev]
    extra = {k: v for k, v in ev.items() if k not in known}
    if missing:
        extra["_missing"] = missing
    return extra


# --- back -----------------------------------------------------------------------------------------

def read_evidence(by: dict, a: str, keys: tuple = EVIDENCE_KEYS) -> dict:
    """The evidence dict of annotation ``a`` (``by``: subject → {predicate: [objects]})."""
    ap = by.get(a, {})
    t = one(ap, OA.hasTarget)
    tp = by.get(t, {}) if t else {}
    ev: dict = {"posting": posting_id(by, one(tp, OA.hasSource) or one(ap, PROV.wasDerivedFrom)),
                "start": -1, "end": -1, "text": None}
    for (sel,) in (o for o in tp.get(OA.hasSelector, ()) if len(o) == 1):
        sp = by.get(sel, {})
        types = {o[0] for o in sp.get(RDF.type, ())}
        if OA.TextPositionSelector in types:
            ev["start"] = one(sp, OA.start)
            ev["end"] = one(sp, OA.end)
        if OA.TextQuoteSelector in types:
            ev["text"] = one(sp, OA.exact)
    ev["sentence"] = one(ap, SG.sentence)
    if "section" in keys:
        ev["section"] = one(ap, SG.section)
    if "requirement" in keys:
        lvl = one(ap, SG.level)
        ev["requirement"] = lvl[len(SG.iri):] if lvl and lvl.startswith(SG.iri) else lvl
    extra = one(ap, SG.attributes)
    if extra:
        extra = json.loads(extra)
        for k in extra.pop("_missing", ()):
            ev.pop(k, None)
        ev.update(extra)
    return ev
