"""The contents of one file, by format -> postings: a JSON object or array (.json), JSON lines
(.jsonl), CSV with a header (.csv), or one whole text/Markdown/HTML posting; and the sniffing of
stdin's format."""
from __future__ import annotations

import csv
import io
import json
from typing import Iterator

from ..errors import InputError
from ..model import Posting
from .fields import TEXT_FIELDS, WRAPPER_KEYS, lookup, norm_key
from .problems import Sink, empty_error, input_error
from .records import posting, records_to_postings

__all__ = ["read_csv", "read_json", "read_jsonl", "read_text", "sniff"]


def _json_error(path: str, exc: json.JSONDecodeError) -> InputError:
    fix = ("rename the file to .jsonl (it holds one object per line)" if exc.msg == "Extra data" else
           f"fix the JSON (`python -m json.tool {path}` points at the spot)")
    return input_error(path, exc.lineno, f"invalid JSON at column {exc.colno}: {exc.msg}", fix)


def read_json(text: str, path: str, name: str, sink: Sink, repaired: bool) -> Iterator[Posting]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        sink.fail(_json_error(path, exc))
        return
    if isinstance(data, dict) and lookup(data, TEXT_FIELDS)[0] is None:
        lists = [k for k, v in data.items() if isinstance(v, list)]
        wrapped = [k for k in lists if norm_key(k) in WRAPPER_KEYS] or (lists if len(lists) == 1 else [])
        if wrapped:
            data = data[wrapped[0]]
    if isinstance(data, dict):
        key, value = lookup(data, TEXT_FIELDS)
        if key is None:
            sink.fail(input_error(path, None, f"the JSON object has no text field (one of {', '.join(TEXT_FIELDS)})",
                                  "rename the field that holds the posting text"))
            return
        if not isinstance(value, str) or not value.strip():
            sink.fail(empty_error(path, None, f"empty '{key}' field"))
            return
        try:
            yield posting(name, path, value, repaired, is_html=None, record=data, text_key=key)
        except InputError:
            sink.fail(empty_error(path, None))
        return
    if not isinstance(data, list):
        sink.fail(input_error(path, None, f"the JSON is a {type(data).__name__}, not an object or an array of objects",
                              "store one posting object or an array of them"))
        return
    if not data:
        sink.fail(input_error(path, None, "the JSON array holds no postings", "add posting objects or remove the file"))
        return
    yield from records_to_postings(enumerate(data, 1), path, name, sink, repaired, numbered_by="record")


def _jsonl_records(text: str, path: str):
    for lineno, line in enumerate(text.split("\n"), 1):
        if not line or line.isspace():
            continue
        try:
            yield lineno, json.loads(line)
        except json.JSONDecodeError as exc:
            yield lineno, input_error(path, lineno, f"invalid JSON at column {exc.colno}: {exc.msg}",
                                      "each line of a .jsonl file must be one complete JSON object")


def read_jsonl(text: str, path: str, name: str, sink: Sink, repaired: bool) -> Iterator[Posting]:
    if not text.strip():
        sink.fail(empty_error(path, None, "empty file (no JSON lines)"))
        return
    yield from records_to_postings(_jsonl_records(text, path), path, name, sink, repaired, numbered_by="line")


def read_csv(text: str, path: str, name: str, sink: Sink, repaired: bool) -> Iterator[Posting]:
    first_line = text.split("\n", 1)[0]
    delimiter, header = ",", []
    for d in (",", ";", "\t", "|"):
        cols = next(csv.reader([first_line], delimiter=d), [])
        if any(norm_key(c) in TEXT_FIELDS for c in cols):
            delimiter, header = d, cols
            break
    if not header:
        cols = next(csv.reader([first_line]), [])
        sink.fail(input_error(path, 1, "no text column in the CSV header "
                              f"({', '.join(cols) or 'empty'}); expected one of {', '.join(TEXT_FIELDS)}",
                              "name the column that holds the posting text 'text' or 'description'"))
        return
    old_limit = csv.field_size_limit()
    csv.field_size_limit(max(old_limit, 1 << 30))
    try:
        reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
        next(reader)
        norm = [norm_key(c) for c in header]
        text_col = next(norm.index(f) for f in TEXT_FIELDS if f in norm)
        while True:
            start = reader.line_num + 1
            try:
                row = next(reader)
            except StopIteration:
                break
            except csv.Error as exc:
                sink.fail(input_error(path, start, f"unreadable CSV row ({exc})",
                                      'quote fields that contain the delimiter, quotes ("") or line breaks'))
                return
            if not row or not any(c.strip() for c in row):
                continue
            if len(row) > len(header):
                sink.fail(input_error(path, start, f"row has {len(row)} fields but the header has {len(header)}",
                                      "quote fields that contain the delimiter"))
                continue
            rec = dict(zip(header, row, strict=False))
            if len(row) <= text_col or not row[text_col].strip():
                sink.fail(empty_error(path, start, f"row has an empty or missing '{header[text_col]}' field"))
                continue
            rec = {k: v for k, v in rec.items() if v != "" or k == header[text_col]}
            yield from records_to_postings([(start, rec)], path, name, sink, repaired, numbered_by="line")
    finally:
        csv.field_size_limit(old_limit)


def read_text(text: str, path: str, name: str, sink: Sink, repaired: bool, is_html: bool | None):
    try:
        yield posting(name, path, text, repaired, is_html=is_html)
    except InputError:
        sink.fail(empty_error(path, None))


def sniff(text: str) -> str:
    """Format of stdin: json, jsonl, or text (HTML is detected by repair())."""
    head = text.lstrip()
    if head.startswith("["):
        return "json"
    if head.startswith("{"):
        try:
            json.loads(text)
            return "json"
        except json.JSONDecodeError:
            pass
        first = head.split("\n", 1)[0]
        try:
            return "jsonl" if isinstance(json.loads(first), dict) else "json"
        except json.JSONDecodeError:
            return "json"
    return "text"
