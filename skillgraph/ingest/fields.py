"""Record field names (case and separators ignored: "Job Title" = "job_title" = "jobTitle") and their values."""
from __future__ import annotations

import html
import json
import re
from dataclasses import dataclass
from typing import Iterable, Mapping

from ..errors import InputError

__all__ = ["DEFAULT_FIELDS", "FIELD_KINDS", "TEXT_FIELDS", "FieldNames", "field_names", "parse_field"]

#: Record fields (case-insensitive) that hold the posting text, in order of preference.
TEXT_FIELDS: tuple[str, ...] = ("text", "description", "job_description", "body", "content")
ID_FIELDS = ("id", "job_id", "jobid", "uuid", "posting_id", "job_posting_id", "_id", "guid",
             "req_id", "requisition_id")
TITLE_FIELDS = ("title", "job_title", "jobtitle", "position", "position_title")
COMPANY_FIELDS = ("company", "company_name", "employer", "organization", "organisation")
LOCATION_FIELDS = ("locations", "location", "job_location", "job_locations")
#: Keys of a JSON object that wraps the list of postings ({"jobs": [...]}).
WRAPPER_KEYS = ("postings", "jobs", "data", "results", "items", "records")

#: Everything but letters and digits: case, spaces, dashes, underscores and dots do not tell field names apart.
_KEY_SEP_RE = re.compile(r"[\W_]+")
_NORM_KEYS: dict[str, str] = {}


def is_field(key: str, names: Iterable[str]) -> bool:
    """Whether the field name ``key`` is one of ``names`` (both normalised by :func:`norm_key`)."""
    k = norm_key(key)
    return any(k == norm_key(n) for n in names)


def field_index(header: list[str], names: Iterable[str]) -> int | None:
    """Index in ``header`` of the first of ``names`` (in their order of preference) it has, else None."""
    norm = [norm_key(c) for c in header]
    for n in names:
        if norm_key(n) in norm:
            return norm.index(norm_key(n))
    return None


def norm_key(key: str) -> str:
    """A field name case-folded, without separators: "companyName", "Company Name", "company-name" → "companyname"."""
    norm = _NORM_KEYS.get(key) if isinstance(key, str) else None
    if norm is None:
        norm = _KEY_SEP_RE.sub("", str(key).casefold())
        if isinstance(key, str) and len(_NORM_KEYS) < 10_000:     # field names repeat record after record
            _NORM_KEYS[key] = norm
    return norm


def key_map(rec: dict) -> dict[str, str]:
    """{normalised field name: field name} (a later field wins when two normalise alike)."""
    return {norm_key(k): k for k in rec}


def lookup(rec: dict, names: Iterable[str], keys: dict[str, str] | None = None) -> tuple[str | None, object]:
    """(field name, value) of the first of ``names`` (normalised) that ``rec`` has, else (None, None)."""
    if keys is None:
        keys = key_map(rec)
    for n in names:
        n = norm_key(n)
        if n in keys:
            return keys[n], rec[keys[n]]
    return None, None


def plain(value) -> str | None:
    """A record value as one line of text ("a; b" for a list, entities decoded), None when empty."""
    if value is None:
        return None
    if isinstance(value, list):
        value = "; ".join(str(v) for v in value if v not in (None, ""))
    value = str(value).strip()
    if "&" in value:
        value = html.unescape(value)
    return value or None


def stringify(value) -> str:
    """A record value for ``Posting.extra``: strings as they are, anything else as sorted JSON."""
    if isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


#: The kinds of field ``--field KIND=COLUMN`` can name, and the names tried for each when it is not named.
FIELD_KINDS: dict[str, tuple[str, ...]] = {
    "text": TEXT_FIELDS, "id": ID_FIELDS, "title": TITLE_FIELDS, "company": COMPANY_FIELDS,
    "location": LOCATION_FIELDS,
}
_KIND_ALIASES = {"locations": "location"}


@dataclass(frozen=True)
class FieldNames:
    """The record field names of each kind, in order of preference: the defaults, or the one column
    the user named (``named``: sorted (kind, column) pairs, checked against every file read)."""

    text: tuple[str, ...] = TEXT_FIELDS
    id: tuple[str, ...] = ID_FIELDS
    title: tuple[str, ...] = TITLE_FIELDS
    company: tuple[str, ...] = COMPANY_FIELDS
    location: tuple[str, ...] = LOCATION_FIELDS
    named: tuple[tuple[str, str], ...] = ()

    def missing(self, columns: Iterable[str]) -> list[tuple[str, str]]:
        """The named (kind, column) pairs none of ``columns`` is (names compared by :func:`norm_key`)."""
        seen = {norm_key(c) for c in columns}
        return [(k, c) for k, c in self.named if norm_key(c) not in seen]


DEFAULT_FIELDS = FieldNames()


def field_names(named: Mapping[str, str] | Iterable[tuple[str, str]] | None = None) -> FieldNames:
    """:class:`FieldNames` with ``named`` ({kind: column}, e.g. ``{"text": "description", "company":
    "employer"}``) replacing the defaults of those kinds. An unknown kind or an empty column is an
    :class:`~skillgraph.errors.InputError`."""
    if not named:
        return DEFAULT_FIELDS
    pairs = named.items() if isinstance(named, Mapping) else named
    chosen: dict[str, str] = {}
    for kind, column in pairs:
        k = str(kind).strip().casefold()
        k = _KIND_ALIASES.get(k, k)
        if k not in FIELD_KINDS:
            raise InputError(f"--field {kind}={column}: unknown field kind '{kind}' — use one of "
                             f"{', '.join(FIELD_KINDS)}")
        if not str(column).strip():
            raise InputError(f"--field {kind}=: no column named — write --field {k}=COLUMN")
        if k in chosen and chosen[k] != str(column).strip():
            raise InputError(f"--field {k}= given twice ({chosen[k]}, {str(column).strip()}) — name one column "
                             "per kind")
        chosen[k] = str(column).strip()
    return FieldNames(**{k: (c,) for k, c in chosen.items()}, named=tuple(sorted(chosen.items())))


def parse_field(spec: str) -> tuple[str, str]:
    """``"company=employer"`` → ("company", "employer"); no ``=`` is an InputError."""
    kind, sep, column = spec.partition("=")
    if not sep:
        raise InputError(f"--field {spec}: not KIND=COLUMN — write e.g. --field text=description "
                         f"(kinds: {', '.join(FIELD_KINDS)})")
    return kind, column


def missing_error(path: str, missing: list[tuple[str, str]], columns: Iterable[str]) -> str:
    """What a file lacks: ``no column 'employer' (--field company=employer); columns seen: a, b``."""
    cols = sorted({str(c) for c in columns})
    shown = ", ".join(cols[:30]) + (", …" if len(cols) > 30 else "") if cols else "none"
    named = ", ".join(f"'{c}' (--field {k}={c})" for k, c in missing)
    return f"no column {named}; columns seen: {shown}"
