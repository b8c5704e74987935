"""JSON as hostile files hold it: a top-level array read element by element (so one bad element takes
no neighbour with it), lone surrogates (``"\\ud800"``, legal JSON, not encodable text) replaced by
U+FFFD, and the errors Python's parser raises beyond syntax (nesting too deep, integers of thousands
of digits) turned into one line."""
from __future__ import annotations

import json
import re
from typing import Iterator

__all__ = ["array_elements", "has_surrogate_escape", "json_problem", "loads", "scrub_surrogates"]

_WS = re.compile(r"[ \t\n\r]*")
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F][0-9a-fA-F]{2}")
_SURROGATE = re.compile("[\ud800-\udfff]")
_STRUCT = re.compile(r'"(?:[^"\\\n]|\\.)*"?|[\[\]{},]')    # a JSON string never holds a raw line break
_NEXT_OBJECT = re.compile(r",\s*(?=\{)")
_NEXT_LINE_VALUE = re.compile(r",[ \t]*\r?\n\s*(?=[{\[\"\-0-9tfn])")
_DECODER = json.JSONDecoder()


def json_problem(exc: Exception) -> tuple[str, int | None]:
    """(what is wrong, column or None) for an exception ``json`` raised."""
    if isinstance(exc, json.JSONDecodeError):
        return exc.msg, exc.colno
    if isinstance(exc, RecursionError):
        return "nested too deeply", None
    # the int digits limit and the like: its first clause ("Exceeds the limit (4300 digits) for integer …")
    return str(exc).splitlines()[0].split(";")[0][:160] or type(exc).__name__, None


def loads(text: str):
    """``json.loads``, raising only ``ValueError`` (JSONDecodeError included) — RecursionError becomes one."""
    try:
        return json.loads(text)
    except RecursionError:
        raise ValueError("nested too deeply") from None


def has_surrogate_escape(text: str) -> bool:
    """Whether JSON text holds a ``\\udXXX`` escape (the only way a lone surrogate gets into parsed JSON)."""
    return _SURROGATE_ESCAPE.search(text) is not None


def _has_surrogate(s: str) -> bool:
    """Whether ``s`` holds a surrogate code point: UTF-8 encodes every other one, so the encoder (C
    speed, 2 us for a 3 kB posting) tells, 5x cheaper than a regex search; ASCII text holds none."""
    if s.isascii():
        return False
    try:
        s.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def scrub_surrogates(value):
    """``value`` (parsed JSON) with every lone surrogate in its strings and keys replaced by U+FFFD;
    returns ``(value, changed)``. Iterative: any depth."""
    changed = False

    def fix(s: str) -> str:
        nonlocal changed
        if not _has_surrogate(s):
            return s
        # a valid pair decodes to one character already; what is left is lone
        changed = True
        return _SURROGATE.sub("\ufffd", s)

    if isinstance(value, str):
        return fix(value), changed
    root = [value]
    stack = [(root, 0)]
    while stack:
        holder, key = stack.pop()
        v = holder[key]
        if isinstance(v, str):
            holder[key] = fix(v)
        elif isinstance(v, list):
            stack.extend((v, i) for i in range(len(v)))
        elif isinstance(v, dict):
            if any(isinstance(k, str) and _has_surrogate(k) for k in v):
                new = {fix(k): x for k, x in v.items()}
                v.clear()
                v.update(new)
            stack.extend((v, k) for k in v)
    return root[0], changed


def _skip_value(text: str, pos: int) -> int:
    """Where the bad array element starting at ``pos`` ends: the next ``,`` or ``]`` outside strings
    and brackets (or the end of the text)."""
    depth = 0
    for m in _STRUCT.finditer(text, pos):
        c = m.group()
        if c in "[{":
            depth += 1
        elif c in "]}":
            if depth == 0:
                return m.start()
            depth -= 1
        elif c == "," and depth == 0:
            return m.start()
    return len(text)


def _resync(text: str, pos: int) -> int:
    """Where the bad element at ``pos`` ends: its closing ``,``/``]``; when its brackets never close
    (an unclosed string or brace), the next ``,`` that ends a line before a value (elements one a
    line), else the first later ``, {…}`` that parses as a whole element."""
    end = _skip_value(text, pos)
    if end < len(text):
        return max(end, pos + 1)
    m = _NEXT_LINE_VALUE.search(text, pos + 1)
    if m is not None:
        return m.start()
    for m in _NEXT_OBJECT.finditer(text, pos + 1):
        try:
            _, after = _DECODER.raw_decode(text, m.end())
        except (ValueError, RecursionError):
            continue
        if text[_WS.match(text, after).end():][:1] in (",", "]"):
            return m.start()
    return len(text)


def array_elements(text: str) -> Iterator[tuple[int, int, object]]:
    """``(index from 1, line, value or exception)`` for each element of the JSON array ``text``: a
    bad element yields its exception and reading goes on after it. Junk after the array is one
    more bad element."""
    pos = _WS.match(text).end()
    if text[pos:pos + 1] != "[":
        raise ValueError("not a JSON array")
    pos, n, line, counted = pos + 1, 0, 1, 0
    while True:
        pos = _WS.match(text, pos).end()
        if pos >= len(text):
            line += text.count("\n", counted, pos)
            yield n + 1, line, json.JSONDecodeError("the array is not closed (no ']' at the end)", text, pos)
            return
        if text[pos] == "]" and n == 0:
            return
        n += 1
        line += text.count("\n", counted, pos)
        counted = pos
        try:
            value, end = _DECODER.raw_decode(text, pos)
        except (ValueError, RecursionError) as exc:
            end = _resync(text, pos)
            yield n, line, exc
            if end >= len(text):           # the bad element ran to the end (an unclosed string or bracket)
                return
        else:
            yield n, line, value
        pos = _WS.match(text, end).end()
        if text[pos:pos + 1] == ",":
            pos += 1
        elif text[pos:pos + 1] == "]":
            rest = _WS.match(text, pos + 1).end()
            if rest < len(text):
                line += text.count("\n", counted, rest)
                yield n + 1, line, json.JSONDecodeError("extra data after the array", text, rest)
            return
        elif pos < len(text):
            bad_end = _resync(text, pos)
            n += 1
            line += text.count("\n", counted, pos)
            counted = pos
            yield n, line, json.JSONDecodeError("expected ',' or ']' before this element", text, pos)
            pos = bad_end
            if text[pos:pos + 1] == ",":
                pos += 1
