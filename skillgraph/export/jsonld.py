"""Compact JSON-LD of grouped triples: one object per subject (in the order given), compact IRIs
under a real ``@context`` (our prefixes), integers and booleans as JSON numbers and booleans."""
from __future__ import annotations

import json
import re

from ..vocab import RDF, XSD

__all__ = ["grouped_jsonld"]

_INT_LEX = re.compile(r"^[+-]?[0-9]+$")


def grouped_jsonld(grouped, pfx: dict[str, str]) -> bytes:
    """JSON-LD of ``[(subject, [(predicate, object), ...]), ...]`` with ``pfx`` as the ``@context``."""
    order = sorted(pfx.items(), key=lambda kv: -len(kv[1]))
    typ, xsd_int, xsd_bool, xsd_string = RDF.type, XSD.integer, XSD.boolean, XSD.string

    def cur(iri: str) -> str:
        for k, ns in order:
            if iri.startswith(ns):
                rest = iri[len(ns):]
                if rest and "/" not in rest and "#" not in rest and not rest.startswith("//"):
                    return f"{k}:{rest}"
        return iri

    def val(o: tuple):
        if len(o) == 1:
            return {"@id": cur(o[0])}
        if o[2]:
            return {"@value": o[0], "@language": o[2]}
        if o[1] == xsd_int and _INT_LEX.match(o[0]):
            return int(o[0])
        if o[1] == xsd_bool and o[0] in ("true", "false"):
            return o[0] == "true"
        if o[1] and o[1] != xsd_string:
            return {"@value": o[0], "@type": cur(o[1])}
        return o[0]

    lines = []
    for s, pos in grouped:
        obj: dict = {"@id": cur(s)}
        for p, o in pos:
            if p == typ:
                obj.setdefault("@type", []).append(cur(o[0]))
            else:
                obj.setdefault(cur(p), []).append(val(o))
        lines.append(json.dumps(obj, ensure_ascii=False))
    ctx = json.dumps(pfx, ensure_ascii=False, indent=2)
    return ('{"@context": ' + ctx + ',\n"@graph": [\n' + ",\n".join(lines) + "\n]}\n").encode("utf-8")
