"""What a SPARQL query may do here, checked before the engine sees it.

Nothing is downloaded at run time: ``SERVICE`` (a federated query sends a request to any host)
and ``LOAD`` are refused, as is any query whose keywords only appear after SPARQL's ``\\uXXXX``
escapes are applied (the engine applies them to the whole query first, so we do too). The query
is read as tokens — strings, IRIs and comments skipped — so case, white space, comments or an
escape cannot hide a keyword, and a keyword inside a string or an IRI does not count. Size and
nesting are bounded: pyoxigraph's recursive parser overflows its stack (a segfault) at a few
thousand nested groups.
"""
from __future__ import annotations

import re
from pathlib import Path

from ..errors import InputError

__all__ = ["MAX_QUERY_BYTES", "MAX_QUERY_DEPTH", "MAX_QUERY_OPERATORS", "MAX_QUERY_OPTIONALS",
           "MAX_QUERY_PATH_STEPS", "check_query", "read_query_file"]

MAX_QUERY_BYTES = 100_000
MAX_QUERY_DEPTH = 100
MAX_QUERY_OPERATORS = 1000   # operators, path steps, UNION …: a flat chain of 10k "1+1+…" segfaults too
MAX_QUERY_OPTIONALS = 50     # OPTIONAL / MINUS: 300 OPTIONALs take seconds over one triple
MAX_QUERY_PATH_STEPS = 100   # "/", "|", "^" (also division): a 300-step path takes seconds, 1000 minutes
_JOINS = frozenset(("union", "optional", "minus"))
_REFUSED = {"service": "SERVICE (a federated query would send a request to another host)",
            "load": "LOAD (it would download a document)"}
_ESCAPE = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")
_TOKEN = re.compile(r"""
    (?P<skip>
        "\"\"(?:[^"\\]|\\.|"(?!""))*(?:\"\"\"|\Z)      # long strings
      | '''(?:[^'\\]|\\.|'(?!''))*(?:'''|\Z)
      | "(?:[^"\\\n\r]|\\.)*(?:"|$)                    # short strings
      | '(?:[^'\\\n\r]|\\.)*(?:'|$)
      | <[^<>"{}|^`\\\x00-\x20]*>                      # IRIs
      | \#[^\n\r]*                                     # comments
      | [?$]\w*                                        # variables
      | [\w\-.\u00b7-\U0010ffff]*:[\w\-.:%\\\u00b7-\U0010ffff]*   # prefixed names
    )
  | (?P<word>[A-Za-z_][A-Za-z_0-9]*)
  | (?P<open>[{(\[])
  | (?P<close>[})\]])
  | (?P<op>\|\||&&|[-+*/|^!=<>])
""", re.X | re.S | re.M)


def _unescape(query: str) -> str:
    def ch(m):
        cp = int(m.group(1) or m.group(2), 16)
        return chr(cp) if cp <= 0x10FFFF else m.group()
    return _ESCAPE.sub(ch, query)


def check_query(query: str) -> None:
    """Raise :class:`InputError` (one line) for a query that would fetch something remote, or that
    is larger than :data:`MAX_QUERY_BYTES` or nests deeper than :data:`MAX_QUERY_DEPTH`."""
    size = len(query.encode("utf-8", "surrogatepass"))
    if size > MAX_QUERY_BYTES:
        raise InputError(f"SPARQL query of {size} bytes is too large "
                         f"(at most {MAX_QUERY_BYTES}) — write a shorter query")
    if any(0xD800 <= ord(c) <= 0xDFFF for c in query):
        raise InputError("SPARQL query holds a lone surrogate (not text) — write the query as UTF-8 text")
    for text in {query, _unescape(query)}:
        _scan(text)


def _scan(text: str) -> None:
    depth = ops = optionals = steps = 0
    for m in _TOKEN.finditer(text):
        kind = m.lastgroup
        if kind == "word":
            word = m.group().lower()
            why = _REFUSED.get(word)
            if why:
                raise InputError(f"SPARQL {why} is refused: skillgraph queries only local data — "
                                 f"load the data with --graph FILE instead")
            if word in _JOINS:
                ops += 1
                optionals += word != "union"
                if optionals > MAX_QUERY_OPTIONALS:
                    raise InputError(f"SPARQL query has more than {MAX_QUERY_OPTIONALS} OPTIONAL/MINUS "
                                     f"parts — split it into smaller queries")
        elif kind == "op":
            ops += 1
            if m.group() in "/|^":
                steps += 1
                if steps > MAX_QUERY_PATH_STEPS:
                    raise InputError(f"SPARQL query has more than {MAX_QUERY_PATH_STEPS} path steps "
                                     f"('/', '|', '^') — split it into smaller queries")
        if ops > MAX_QUERY_OPERATORS:
            raise InputError(f"SPARQL query has more than {MAX_QUERY_OPERATORS} operators, path steps "
                             f"and UNIONs — split it into smaller queries")
        if kind == "open":
            depth += 1
            if depth > MAX_QUERY_DEPTH:
                raise InputError(f"SPARQL query nests more than {MAX_QUERY_DEPTH} groups or brackets "
                                 f"deep — flatten it")
        elif kind == "close":
            depth = max(0, depth - 1)


def read_query_file(path: str | Path) -> str:
    """The text of an ``@file`` query: a regular file of UTF-8 text, at most :data:`MAX_QUERY_BYTES`."""
    p = Path(path)
    try:
        if not p.is_file():
            raise InputError(f"{p}: no such query file")
        if p.stat().st_size > MAX_QUERY_BYTES:
            raise InputError(f"{p}: too large for a SPARQL query (at most {MAX_QUERY_BYTES} bytes)")
        data = p.read_bytes()
    except OSError as exc:
        raise InputError(f"{p}: cannot be read ({exc.strerror or exc})") from None
    if b"\0" in data:
        raise InputError(f"{p}: binary content, not a SPARQL query — give a UTF-8 text file")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(f"{p}: not UTF-8 text (byte {exc.start}) — save the query as UTF-8") from None
