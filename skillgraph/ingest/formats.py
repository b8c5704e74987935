"""The contents of one file, by format -> postings: a JSON object or array (.json), JSON lines
(.jsonl), CSV with a header (.csv), or one whole text/Markdown/HTML posting; and the sniffing of
stdin's format."""
from __future__ import annotations

import csv
import io
import json
import re
from typing import Iterator

from ..errors import InputError
from ..model import Posting
from .fields import DEFAULT_FIELDS, WRAPPER_KEYS, FieldNames, field_index, is_field, lookup, missing_error
from .jsonsafe import array_elements, has_surrogate_escape, json_problem, loads, scrub_surrogates
from .problems import Sink, empty_error, input_error, shown
from .records import ID_FIX, blank_posting, id_problem, joined_text, posting, records_to_postings, value_kind

__all__ = ["CSV_DELIMITERS", "read_csv", "read_json", "read_jsonl", "read_text", "sniff"]


def _json_error(path: str, exc: json.JSONDecodeError) -> InputError:
    fix = ("rename the file to .jsonl (it holds one object per line)" if exc.msg == "Extra data" else
           f"fix the JSON (`python -m json.tool {shown(path)}` points at the spot)")
    return input_error(path, exc.lineno, f"invalid JSON at column {exc.colno}: {exc.msg}", fix)


def _problem(exc: Exception) -> str:
    """`` at column C: message`` (or ``: message`` when the parser names no column)."""
    msg, col = json_problem(exc)
    return f"{f' at column {col}' if col else ''}: {msg}"


def _bad_json(path: str, exc: Exception, line: int | None = None, what: str = "the file") -> InputError:
    if isinstance(exc, json.JSONDecodeError) and line is None:
        return _json_error(path, exc)
    return input_error(path, line, f"{what} is not valid JSON{_problem(exc)}",
                       "fix the JSON (nesting under 1,000 levels, integers under 4,300 digits)")


def _array_records(text: str, path: str):
    """A JSON array's elements as records, one bad element reported alone (``--skip-bad``)."""
    for number, line, value in array_elements(text):
        if isinstance(value, Exception):
            yield number, _bad_json(path, value, line, f"record {number} (line {line})")
        else:
            yield number, value


def read_json(text: str, path: str, name: str, sink: Sink, repaired: bool,
              names: FieldNames = DEFAULT_FIELDS) -> Iterator[Posting]:
    text_fields = names.text
    scrub = has_surrogate_escape(text)
    try:
        data = loads(text)
    except ValueError as exc:
        if sink.skip_bad and text.lstrip().startswith("["):
            yield from records_to_postings(_array_records(text, path), path, name, sink, repaired,
                                           numbered_by="record", scrub=scrub, names=names)
        else:
            sink.fail(_bad_json(path, exc))
        return
    if scrub:
        data, fixed = scrub_surrogates(data)
        repaired = repaired or fixed
    if isinstance(data, dict) and lookup(data, text_fields)[0] is None:
        lists = [k for k, v in data.items() if isinstance(v, list)]
        wrapped = [k for k in lists if is_field(k, WRAPPER_KEYS)] or (lists if len(lists) == 1 else [])
        if wrapped:
            data = data[wrapped[0]]
    if isinstance(data, dict):
        key, value = lookup(data, text_fields)
        missing = names.missing(data)
        if missing:
            sink.fail(input_error(path, None, missing_error(path, missing, data),
                                  "name a field the object has (--field KIND=COLUMN)"))
            return
        if key is None:
            sink.fail(input_error(path, None, f"the JSON object has no text field (one of {', '.join(text_fields)})",
                                  "rename the field that holds the posting text (or name it: --field text=COLUMN)"))
            return
        value = joined_text(value)
        if value is not None and not isinstance(value, str):
            sink.fail(input_error(path, None, f"the '{key}' field is {value_kind(value)}, not the posting's text",
                                  f"put the posting text in '{key}' as a string"))
            return
        problem = id_problem(data, names)
        if problem:
            sink.fail(input_error(path, None, f"the {problem}", ID_FIX))
            return
        p = posting(name, path, value or "", repaired, is_html=None, record=data, text_key=key, names=names)
        blank_posting(p, value or "", sink, path, None, f"the '{key}' field", "file")
        yield p
        return
    if not isinstance(data, list):
        sink.fail(input_error(path, None, f"the JSON is a {type(data).__name__}, not an object or an array of objects",
                              "store one posting object or an array of them"))
        return
    if not data:
        sink.fail(input_error(path, None, "the JSON array holds no postings", "add posting objects or remove the file"))
        return
    yield from records_to_postings(enumerate(data, 1), path, name, sink, repaired, numbered_by="record",
                                   names=names)


def _jsonl_records(text: str, path: str):
    for lineno, line in enumerate(text.split("\n"), 1):
        line = line.removeprefix("\ufeff")   # a BOM left where files with BOMs were concatenated
        if not line or line.isspace():
            continue
        try:
            yield lineno, loads(line)
        except ValueError as exc:
            yield lineno, input_error(path, lineno, f"invalid JSON{_problem(exc)}",
                                      "each line of a .jsonl file must be one complete JSON object")


def read_jsonl(text: str, path: str, name: str, sink: Sink, repaired: bool,
               names: FieldNames = DEFAULT_FIELDS) -> Iterator[Posting]:
    if not text.strip():
        sink.fail(empty_error(path, None, "empty file (no JSON lines)"))
        return
    yield from records_to_postings(_jsonl_records(text, path), path, name, sink, repaired, numbered_by="line",
                                   scrub=has_surrogate_escape(text), names=names)


class _Lines:
    """A CSV text's lines for ``csv.reader``, remembering the lines of the row being read, so that
    after a bad row reading restarts on the line after its first one (an unclosed quote then takes
    no later row with it)."""

    def __init__(self, text: str):
        self._it = iter(io.StringIO(text, newline=""))
        self._back: list[str] = []
        self.row: list[str] = []
        self.line = 0

    def __iter__(self):
        return self

    def __next__(self) -> str:
        line = self._back.pop() if self._back else next(self._it)
        self.row.append(line)
        self.line += 1
        return line

    def restart(self) -> None:
        rest = self.row[1:]
        self.line -= len(rest)
        self._back.extend(reversed(rest))
        self.row = []


CSV_DELIMITERS = (",", ";", "\t", "|")
"""The delimiters a CSV header is tried with, in order: the first that splits off a text column's name."""


def _csv_header(text: str, text_fields) -> tuple[str, list[str]]:
    nl = text.find("\n")
    first_line = text if nl < 0 else text[:nl]
    for d in CSV_DELIMITERS:
        cols = next(csv.reader([first_line], delimiter=d), [])
        if any(is_field(c, text_fields) for c in cols):
            return d, cols
    return ",", next(csv.reader([first_line]), [])


_COLUMN_NAME = re.compile(r"[A-Za-z_][\w .()/-]{0,39}")


def _looks_like_csv_header(text: str, text_fields) -> bool:
    """A CSV file piped in, not a posting whose first line is prose: the first line is at least two
    cells that each look like a column name (a letter, then up to 40 letters, digits, spaces, ``_ . ( ) / -``;
    at most three words), one of them a text column's name ("id,title,companyName,description"), and the
    next row has as many cells (a quoted field may span lines)."""
    nl = text.find("\n")
    if nl < 0 or nl > 2000:
        return False
    first_line = text[:nl].rstrip("\r")
    for d in CSV_DELIMITERS:
        cols = next(csv.reader([first_line], delimiter=d), [])
        if (len(cols) < 2 or not all(_COLUMN_NAME.fullmatch(c.strip()) and len(c.split()) <= 3 for c in cols)
                or not any(is_field(c, text_fields) for c in cols)):
            continue
        try:
            rows = csv.reader(io.StringIO(text), delimiter=d)
            next(rows)
            return len(next(rows, [])) == len(cols)
        except csv.Error:
            return False
    return False


def _csv_rows(text: str, delimiter: str, path: str):
    """(first line, row or InputError) of every row after the header; a bad row is reported alone."""
    lines = _Lines(text)
    reader = csv.reader(lines, delimiter=delimiter, strict=True)
    next(reader)
    while True:
        start = lines.line + 1
        lines.row = []
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            yield start, input_error(path, start, f"unreadable CSV row ({exc})",
                                     'quote fields that contain the delimiter, quotes ("") or line breaks')
            lines.restart()
            reader = csv.reader(lines, delimiter=delimiter, strict=True)
            continue
        yield start, row


def read_csv(text: str, path: str, name: str, sink: Sink, repaired: bool,
             names: FieldNames = DEFAULT_FIELDS) -> Iterator[Posting]:
    text_fields = names.text
    delimiter, header = _csv_header(text, text_fields)
    missing = names.missing(header)
    if missing:
        sink.fail(input_error(path, 1, missing_error(path, missing, header),
                              "name a column the header has (--field KIND=COLUMN)"))
        return
    if not any(is_field(c, text_fields) for c in header):
        sink.fail(input_error(path, 1, "no text column in the CSV header "
                              f"({', '.join(header) or 'empty'}); expected one of {', '.join(text_fields)}",
                              "name the column that holds the posting text 'text' or 'description' "
                              "(or name it: --field text=COLUMN)"))
        return
    old_limit = csv.field_size_limit()
    csv.field_size_limit(max(old_limit, 1 << 30))        # a 10 MB field is one posting, read in linear time
    try:
        text_col = field_index(header, text_fields)
        rows = 0
        for start, row in _csv_rows(text, delimiter, path):
            if isinstance(row, InputError):
                rows += 1
                sink.fail(row)
                continue
            if not row or not any(c.strip() for c in row):
                continue
            rows += 1
            if len(row) > len(header):
                sink.fail(input_error(path, start, f"row has {len(row)} fields but the header has {len(header)}",
                                      "quote fields that contain the delimiter"))
                continue
            rec = dict(zip(header, row, strict=False))
            if len(row) <= text_col:     # an empty text cell is a blank record: kept, said by the records
                sink.fail(empty_error(path, start, f"row ends before its '{header[text_col]}' field "
                                                  f"({len(row)} of {len(header)} fields)"))
                continue
            rec = {k: v for k, v in rec.items() if v != "" or k == header[text_col]}
            yield from records_to_postings([(start, rec)], path, name, sink, repaired, numbered_by="line",
                                           names=names, check_named=False)
        if rows == 0:
            sink.fail(empty_error(path, None, "the CSV has a header but no rows"))
    finally:
        csv.field_size_limit(old_limit)


def read_text(text: str, path: str, name: str, sink: Sink, repaired: bool, is_html: bool | None):
    p = posting(name, path, text, repaired, is_html=is_html)
    blank_posting(p, text, sink, path, None, "the posting", "input" if path == "-" else "file")
    yield p


def sniff(text: str, text_fields=DEFAULT_FIELDS.text) -> str:
    """Format of stdin: json, jsonl, csv or text (HTML is detected by repair()). Several lines of which
    one (among the first 20) is a JSON object are JSON lines, even when the first line is bad. A first
    line that is a CSV header (:func:`_looks_like_csv_header`) followed by more lines is CSV."""
    head = text.lstrip()
    if not head.startswith(("[", "{")) and _looks_like_csv_header(text, text_fields):
        return "csv"
    if head.startswith("["):
        return "json"
    if head.startswith("{"):
        try:
            loads(text)
            return "json"
        except ValueError:
            pass
        lines = [ln for ln in head.split("\n", 21)[:20] if ln.strip()]
        for line in lines:
            try:
                if isinstance(loads(line), dict):
                    return "jsonl"
            except ValueError:
                continue
        return "json"
    return "text"
