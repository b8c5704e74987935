"""RDF terms as plain tuples, and the IRIs the export gives to nodes, concepts and shipped files.

In a triple ``(subject, predicate, object)`` the subject and predicate are IRI strings; the object is
``(iri,)`` or a literal ``(lexical, datatype, language)`` (``""`` for no datatype / no language).
Plain tuples cost a fraction of rdflib or pyoxigraph objects, so the export builds millions of them.
"""
from __future__ import annotations

import hashlib
import json
import os
import re
from urllib.parse import quote, unquote

from ..errors import InputError
from ..resources import display_name
from ..vocab import (
    DCT,
    DEFAULT_BASE,
    ESCO_MODEL,
    ESCO_SKILL,
    OA,
    OWL,
    PROV,
    RDF,
    RDFS,
    SG,
    SKILL,
    SKOS,
    XSD,
)

__all__ = [
    "FOLDERS", "PREFIXES", "check_base", "compact", "concept_iri", "id_from_iri", "json_extra", "literal",
    "local", "many", "node_iri", "one", "posting_id", "prefixes", "skill_slug", "source_iri", "value",
]

PREFIXES: dict[str, str] = {
    "dct": DCT.iri, "esco": ESCO_SKILL.iri, "escom": ESCO_MODEL.iri, "oa": OA.iri, "owl": OWL.iri,
    "prov": PROV.iri, "rdf": RDF.iri, "rdfs": RDFS.iri, "sg": SG.iri, "skill": SKILL.iri, "skos": SKOS.iri,
    "xsd": XSD.iri,
}
"""Prefixes that do not depend on the base."""

FOLDERS = ("company", "evidence", "posting", "product", "requirement", "role", "team")
"""Node kinds (and other resources) that get a folder under the base."""

_SLUG_OK = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._~-]*$")
_SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")
_FOLDER_OK = re.compile(r"^[a-z][a-z0-9_-]*$")
_PATH_OK = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._~/-]*$")


# --- literals -------------------------------------------------------------------------------------

def literal(value, lang: str | None = None) -> tuple:
    """A Python value as a literal term: bool, int and float get their XSD datatype, strings none."""
    if isinstance(value, bool):
        return ("true" if value else "false", XSD.boolean, "")
    if isinstance(value, int):
        return (str(value), XSD.integer, "")
    if isinstance(value, float):
        return (repr(value), XSD.double, "")
    if lang:
        return (str(value), "", lang)
    return (str(value), "", "")


_FLOATS = (XSD.double, XSD.decimal, XSD.float)


def value(o: tuple):
    """A literal term back to a Python value."""
    lex, dt, _lang = o
    if dt == XSD.integer:
        return int(lex)
    if dt == XSD.boolean:
        return lex in ("true", "1")
    if dt in _FLOATS:
        return float(lex)
    return lex


def one(props: dict, p: str, default=None):
    """The value of property ``p`` in a subject's ``{predicate: [object, ...]}`` (the least one if
    there are several): an IRI string or a Python value."""
    vs = props.get(p)
    if not vs:
        return default
    o = min(vs)
    return o[0] if len(o) == 1 else value(o)


def many(props: dict, p: str) -> list:
    """All values of property ``p``, sorted."""
    return sorted(o[0] if len(o) == 1 else value(o) for o in props.get(p, ()))


def json_extra(d: dict, known: set) -> tuple | None:
    """Attributes outside the mapping (not in ``known``) as one JSON literal, or None."""
    extra = {k: v for k, v in d.items() if k not in known}
    if not extra:
        return None
    try:
        return literal(json.dumps(extra, sort_keys=True, ensure_ascii=False, default=list))
    except (TypeError, ValueError):
        return literal(json.dumps({k: repr(v) for k, v in extra.items()}, sort_keys=True))


# --- prefixes and the base ------------------------------------------------------------------------

def prefixes(base: str = DEFAULT_BASE) -> dict[str, str]:
    """All prefixes of an export under ``base`` (sorted by name)."""
    out = dict(PREFIXES)
    out.update({f: f"{base}{f}/" for f in FOLDERS})
    return dict(sorted(out.items()))


def check_base(base: str) -> str:
    if not re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*:\S*[/#]$", base or ""):
        raise InputError(f"base IRI {base!r} is not usable — give an absolute IRI ending in '/' or '#', "
                         f"e.g. {DEFAULT_BASE}")
    return base


def compact(iri: str, pfx: dict[str, str]) -> str:
    """``prefix:local`` for the longest matching namespace whose local part has no ``/`` or ``#``."""
    best = ""
    for k, ns in pfx.items():
        if iri.startswith(ns) and len(ns) > len(pfx.get(best, "")):
            rest = iri[len(ns):]
            if rest and "/" not in rest and "#" not in rest:
                best = k
    return f"{best}:{iri[len(pfx[best]):]}" if best else iri


# --- IRIs of nodes --------------------------------------------------------------------------------

def local(s: str) -> str:
    """A node id's local part as an IRI segment: readable slugs stay, anything else is %-encoded."""
    return s if _SLUG_OK.match(s) else quote(s, safe="-._~")


def skill_slug(cid: str) -> str:
    """A short, slash-free, stable piece naming a concept inside requirement/evidence IRIs."""
    p, _, rest = cid.partition(":")
    if p == "skill" and _SLUG_OK.match(rest):
        return rest
    if p == "esco" and _SLUG_OK.match(rest):
        return "esco-" + rest
    return "x-" + hashlib.sha1(cid.encode()).hexdigest()[:16]


def concept_iri(n: str, d: dict) -> str:
    """A concept keeps its own IRI (``iri`` attribute); else one from its id."""
    iri = d.get("iri")
    if iri:
        return iri
    p, _, rest = n.partition(":")
    if p == "skill":
        return SKILL.iri + rest
    if p == "esco":
        return ESCO_SKILL.iri + rest
    if _SCHEME.match(n) and p not in FOLDERS:
        return n
    return SKILL.iri + local(rest or n)


def node_iri(base: str, n: str, d: dict) -> str:
    """``<base><kind>/<local id>`` (skills: :func:`concept_iri`)."""
    kind = d.get("kind")
    if kind == "skill":
        return concept_iri(n, d)
    p, sep, rest = str(n).partition(":")
    folder = kind or p
    if not _FOLDER_OK.match(folder or ""):
        folder = "node"
    return f"{base}{folder}/{local(rest if sep and p == folder else str(n))}"


def source_iri(base: str, path: str) -> str:
    """The IRI of an ontology file the graph was built from: ``<base>ontology/skills/x.ttl`` for a
    shipped file (wherever the package lives), ``<base><path>`` for a plain relative path, else
    ``<base>source/<%-encoded path>``."""
    try:
        p = display_name(path)
    except OSError:
        p = path.replace(os.sep, "/")
    if _PATH_OK.match(p) and ".." not in p:
        return base + p
    return base + "source/" + quote(p, safe="")


# --- back from IRIs -------------------------------------------------------------------------------

def id_from_iri(iri: str, kind: str | None) -> str:
    """A graph id for a node that carries no ``dct:identifier``."""
    if iri.startswith(SKILL.iri):
        return "skill:" + unquote(iri[len(SKILL.iri):])
    if iri.startswith(ESCO_SKILL.iri):
        return "esco:" + iri[len(ESCO_SKILL.iri):]
    if kind and kind != "skill":
        return f"{kind}:{unquote(iri.rstrip('/').rsplit('/', 1)[-1])}"
    return iri


def posting_id(by: dict, iri: str | None):
    """A posting's id from its IRI (its ``dct:identifier``, else the IRI's last segment)."""
    if iri is None:
        return None
    return one(by.get(iri, {}), DCT.identifier) or unquote(iri.rsplit("/", 1)[-1])
