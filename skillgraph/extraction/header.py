"""A posting's header line: its first line when it is made of ``|``-separated fields or is a job title,
or the header fields opening a page flattened into one line. Skills named there count as required
(see :func:`header_line`); :mod:`.segmentation` gives that line its own segment."""
from __future__ import annotations

import re

from .cues import FIELD_LABELS

__all__ = ["SENT_END", "header_line", "is_field"]

SENT_END = re.compile(r"[.!?]+[\"')\]]*\s+(?=[\"'(\[]?[A-Z0-9\u2022-])")
"""A sentence end: punctuation, closing quotes or brackets, space, then what opens a sentence. Here
rather than in :mod:`.segmentation` (which splits sentences at it) because a header field never holds one."""

_HEADER_MAX = 300   # characters: a posting's header line is short; a flattened page is not one
_FIELD_SEP = re.compile(r"\s*\\?\|\s*")   # "Title | Company | Remote", Markdown-escaped "\\|" too


def header_line(text: str) -> tuple[int, int] | None:
    """(start, end) of the posting's header line — its first non-blank line when that is short and
    made of ``|``-separated fields ("Acme | Senior ML Engineer | PyTorch | Remote", a Hacker News
    header, a job board's title line) or is a job title ("Sr. Machine Learning Engineer, Applied
    Science": :func:`~skillgraph.ingest.metadata.title.looks_like_title`) — or None. Skills named
    there are what the role is advertised for, so they count as *required* (the dev gold's
    convention), whatever heading rules say."""
    s = 0
    n = len(text)
    while s < n:
        e = text.find("\n", s)
        e = n if e < 0 else e
        if text[s:e].strip():
            break
        s = e + 1
    else:
        return None
    body = text[s:e].rstrip("\r")
    if len(body) > _HEADER_MAX:
        end = _flattened_header(body)
        return None if end is None else (s, s + end)
    bare = body.strip(" *_#")
    fields = [f for f in _FIELD_SEP.split(bare) if f.strip(" *_")]
    if len(fields) >= 2:
        return s, s + len(body)
    from skillgraph.ingest.metadata.title import looks_like_title  # only here: it loads skillgraph.ingest

    return (s, s + len(body)) if bare and looks_like_title(bare) else None


_LAST_FIELD_WORDS = 4
_TAIL_STOP = re.compile(r":|(?<=[a-z])[A-Z][a-z]")
_FIELD_WORDS = 12


def _flattened_header(body: str) -> int | None:
    """The end of the header fields that open a page flattened into one line ("Data Architect – Azure,
    Databricks | Remote (UK) | £100,000 A fast-growing fintech is seeking…"): at least two ``|`` in the
    first :data:`_HEADER_MAX` characters, fields of at most 12 words and no sentence end; the field after the last ``|``
    ends after 4 words, where the prose begins. None when the line does not open so."""
    seps = list(_FIELD_SEP.finditer(body, 0, _HEADER_MAX))
    if len(seps) < 2:
        return None
    a = 0
    for m in seps:     # a field is a few words, never a sentence running into the next
        if len(body[a:m.start()].split()) > _FIELD_WORDS or SENT_END.search(body, a, m.start()):
            return None
        a = m.end()
    tail = re.match(r"\s*(?:\S+\s+){0,%d}\S+" % (_LAST_FIELD_WORDS - 1), body[a:])
    end = a + (tail.end() if tail else 0)
    inner = _TAIL_STOP.search(body, a, end)      # "£100,000 Requirements: Python": the heading is not a field
    if inner is None:
        return end
    cut = body.rfind(" ", a, inner.start())
    return cut if cut >= 0 else a


def is_field(section: str) -> bool:
    """A line that is a field with its value ("Location: Remote (US)", "Salary: £60k", "Company: Acme";
    the labels are :data:`~.cues.FIELD_LABELS`) or a URL: what follows it is not about the field.
    "About us: fintech", "Benefits: lots" stay headings."""
    if "://" in section or section.lower().startswith("www."):
        return True
    label, colon, value = section.partition(":")
    if not colon or not value.strip():
        return False
    words = _LABEL_WORD.findall(label.lower().replace("(s)", ""))   # "📍 Job Location(s)" → job, location
    return bool(words) and (" ".join(words[-2:]) in FIELD_LABELS or words[-1] in FIELD_LABELS)


_LABEL_WORD = re.compile(r"[a-z0-9]+")
