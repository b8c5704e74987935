"""One :class:`~skillgraph.model.Posting` from a text or a record (repaired, with its metadata), and
the postings of a file's records (.json/.jsonl/.csv), each bad record reported through the sink."""
from __future__ import annotations

import re
from typing import Iterable, Iterator

from ..errors import InputError
from ..model import Posting
from .fields import (
    DEFAULT_FIELDS,
    FieldNames,
    key_map,
    lookup,
    missing_error,
    plain,
    stringify,
)
from .jsonsafe import scrub_surrogates
from .metadata.extractor import extract_metadata
from .problems import Sink, blank_note, input_error, shown
from .repair import repair

__all__ = ["blank_posting", "nothing_visible", "posting", "records_to_postings", "value_kind"]

_NOTHING_VISIBLE = re.compile("[\\s\u200b-\u200f\u2028-\u202f\u2060-\u2064\ufeff\u00ad\u034f\u180e]*")
"""Text a reader sees nothing in: whitespace, zero-width spaces and joiners, direction marks, BOMs."""


def nothing_visible(text: str) -> bool:
    """Only invisible characters and HTML comments (``<!-- … -->``)? Linear; stops at the first visible one."""
    pos = _NOTHING_VISIBLE.match(text).end()
    while text.startswith("<!--", pos):
        end = text.find("-->", pos + 4)
        if end < 0:
            return True
        pos = _NOTHING_VISIBLE.match(text, end + 3).end()
    return pos == len(text)


def value_kind(value) -> str:
    """What a JSON value that is no string is, as said in a message ("a number")."""
    return {dict: "an object", list: "a list", bool: "a boolean", int: "a number", float: "a number"}.get(
        type(value), "no string")


def joined_text(value):
    """A text field given as a list of strings (a posting's paragraphs or bullets) as one text, a line per
    item (``None`` items left out); any other value as it is. One rule for a JSON object, an array's
    records and JSON lines."""
    if isinstance(value, list):
        return "\n".join(str(v) for v in value if v is not None)
    return value


ID_FIX = "an id is a string or a number"


def id_problem(record: dict, names: FieldNames, keys: dict[str, str] | None = None) -> str | None:
    """What makes the record's id field no id ("'id' field is an object"), or ``None`` when it is usable."""
    id_key, id_value = lookup(record, names.id, keys)
    return f"'{id_key}' field is {value_kind(id_value)}" if isinstance(id_value, (dict, list)) else None


def blank_posting(p: Posting, raw: str, sink: Sink, path: str, line: int | None, subject: str,
                  unit: str = "record") -> None:
    """Say in one warning when posting ``p`` (of text ``raw``) is blank; it is kept, with no skills.

    A blank posting, a file or a record whose text is empty or has nothing visible after repair,
    does not stop the run: a run over many postings (or sentences: SkillSpan's dev split has lines
    that are one U+200D) must not end at one blank one, and dropping it would lose it unsaid.
    ``subject``: what holds the text ("line 3's 'text' field"); ``unit``: what to remove ("file")."""
    if not raw or raw.isspace():
        sink.warn(blank_note(path, line, f"{subject} is empty", unit))
    elif nothing_visible(p.text):
        sink.warn(blank_note(path, line, f"{subject} has nothing visible after repair", unit))


_RECORD_FIELDS = (("id", "id"), ("title", "title"), ("company", "company"), ("location", "locations"))


def _record_fields(record: dict, text_key: str | None, keys: dict[str, str], names: FieldNames
                   ) -> tuple[str | None, dict, list[tuple[str, str]]]:
    """(the record's own id or None, its title/company/locations, the other fields for ``extra``)."""
    pid, fields, used = None, {}, {text_key}
    for kind, key in _RECORD_FIELDS:
        k, v = lookup(record, getattr(names, kind), keys)
        if k is None:
            continue
        used.add(k)
        if key == "locations":
            locs = v if isinstance(v, list) else re.split(r"\s*[;|]\s*", str(v or ""))
            locs = [plain(x.get("name") if isinstance(x, dict) else x) for x in locs]
            fields["locations"] = tuple(x for x in locs if x)
        elif key == "id":
            if v not in (None, ""):
                pid = str(v).strip()
        else:
            fields[key] = plain(v)
    extra = sorted((str(k), stringify(v)) for k, v in record.items() if k not in used and v is not None)
    return pid, fields, extra


def posting(pid: str, source: str, raw: str, repaired: bool, *, is_html: bool | None,
            record: dict | None = None, text_key: str | None = None,
            keys: dict[str, str] | None = None, names: FieldNames = DEFAULT_FIELDS) -> Posting:
    """The posting of text ``raw`` (of ``record``'s field ``text_key``, if from a record): repaired,
    with the metadata of its text; a record's id/title/company/locations fields win. A blank text
    gives a posting too (the caller says so: :func:`blank_posting`). ``names``: the field names of
    each kind (:func:`~skillgraph.ingest.fields.field_names`)."""
    text, fixed = repair(raw, is_html=is_html)
    fields: dict = {}
    extra: list[tuple[str, str]] = []
    if record is not None:
        own_id, fields, extra = _record_fields(record, text_key, keys if keys is not None else key_map(record),
                                              names)
        if own_id is not None:
            pid = own_id
    meta = extract_metadata(text, title=fields.get("title"))
    for key in ("title", "company", "locations"):
        if fields.get(key):
            meta[key] = fields[key]
    return Posting(id=pid, source=source, text=text, repaired=repaired or fixed, extra=tuple(extra),
                   **meta)


def records_to_postings(records: Iterable[tuple[int, object]], path: str, name: str, sink: Sink, repaired: bool,
                        *, numbered_by: str, scrub: bool = False, names: FieldNames = DEFAULT_FIELDS,
                        check_named: bool = True) -> Iterator[Posting]:
    """records: iterable of (number, record or error). ``numbered_by`` is "line" or "record".
    ``scrub``: replace lone surrogates (from ``\\ud800`` escapes) by U+FFFD, marking those postings
    ``repaired``. ``names``: the field names of each kind; with ``check_named``, a column the user
    named (``--field``) that no record of the file has is one error naming the fields seen."""
    file_repaired = repaired
    seen: set[str] = set()
    yield from _records_to_postings(records, path, name, sink, file_repaired, numbered_by, scrub, names, seen)
    missing = names.missing(seen) if check_named and names.named and seen else []
    if missing:
        sink.fail(input_error(path, None, missing_error(path, missing, seen),
                              "name a column the file has (--field KIND=COLUMN)"))


def _records_to_postings(records, path, name, sink, file_repaired, numbered_by, scrub, names, seen):
    text_names = names.text
    for number, rec in records:
        repaired = file_repaired
        if scrub and not isinstance(rec, InputError):
            rec, fixed = scrub_surrogates(rec)
            repaired = repaired or fixed
        where_line = number if numbered_by == "line" else None     # a .json record number is no line
        if isinstance(rec, InputError):
            sink.fail(rec)
            continue
        if not isinstance(rec, dict):
            kind = type(rec).__name__ if not isinstance(rec, list) else "list"
            sink.fail(input_error(path, where_line, f"{numbered_by} {number} is a JSON {kind}, not an object",
                                  'make every posting an object such as {"id": …, "text": …}'))
            continue
        keys = key_map(rec)
        if names.named and len(seen) < 1000:
            seen.update(map(str, rec))
        key, value = lookup(rec, text_names, keys)
        if key is None:
            has = ", ".join(map(str, rec)) or "no fields"
            sink.fail(input_error(path, where_line, f"{numbered_by} {number} has no text field "
                                  f"(one of {', '.join(text_names)}); it has {has}",
                                  "rename the field that holds the posting text (or name it: --field text=COLUMN)"))
            continue
        value = joined_text(value)
        if value is not None and not isinstance(value, str):
            sink.fail(input_error(path, where_line, f"{numbered_by} {number}'s '{key}' field is "
                                  f"{value_kind(value)}, not the posting's text",
                                  f"put the posting text in '{key}' as a string"))
            continue
        problem = id_problem(rec, names, keys)
        if problem:
            sink.fail(input_error(path, where_line, f"{numbered_by} {number}'s {problem}", ID_FIX))
            continue
        p = posting(f"{name}:{number}", f"{path}:{number}", value or "", repaired, is_html=None,
                    record=rec, text_key=key, keys=keys, names=names)
        blank_posting(p, value or "", sink, path, where_line, f"{numbered_by} {number}'s '{shown(str(key))}' field")
        yield p
