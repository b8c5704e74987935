"""Record field names (case and separators ignored: "Job Title" = "job_title" = "jobTitle") and their values."""
from __future__ import annotations

import html
import json
import re
from typing import Iterable

__all__ = ["TEXT_FIELDS"]

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
