"""Ingest: posting files -> :class:`~skillgraph.model.Posting` records.

The first stage of the pipeline. Three public jobs:

* :func:`read_postings` reads ``.txt``, ``.md``, ``.html``/``.htm``, ``.json`` (an object or an array of
  objects), ``.jsonl`` and ``.csv`` files, whole directories (recursively, sorted) and ``-`` (stdin,
  format sniffed). Bad input raises :class:`~skillgraph.errors.InputError` with one line
  ``<path>[:<line>]: <what is wrong> — <how to fix>``, or, with ``skip_bad=True``, is reported
  through ``warn(message)`` and skipped. No posting is dropped without a message.
* :func:`repair` turns scraped text into clean text: HTML to plain text with its block structure
  (the layout is in ``html.py``), mojibake fixed with ftfy, stray whitespace removed. Text that
  needs no repair is returned unchanged — the very same string — so character offsets point into
  the file as given.
* :func:`extract_metadata` finds title, company, locations, salary range, minimum years of
  experience, degree levels and fields, seniority and work mode in the text.

Plain-text postings keep their own conventions ("  • item", "- item", "  1. item", Markdown
"## Heading", "**bold**"): the text is never rewritten except to repair it. Line breaks may be
``\\n`` or ``\\r\\n`` (kept as given).

Which file does what:

* ``readers.py`` — :func:`read_postings`: walks the paths, reads files and stdin, picks the format.
* ``formats.py`` — one file's contents by format: .json, .jsonl, .csv, whole text; stdin sniffing.
* ``records.py`` — one posting from a text or a record; a file's records -> postings.
* ``fields.py`` — record field names (:data:`TEXT_FIELDS`, id/title/company/location fields) and lookup.
* ``decode.py`` — bytes -> text (UTF-8, UTF-16 with a BOM, clean cp1252).
* ``problems.py`` — the one-line InputError messages and the raise-or-warn policy (``skip_bad``).
* ``repair.py`` — :func:`repair`: HTML, entities, mojibake and whitespace steps.
* ``html.py`` — :func:`html_to_text` and :func:`looks_like_html`.
* ``mojibake.py`` — the ftfy step (lazily imported, only where it can change the text) and the
  repair of mojibake whose C1 bytes were lost.
* ``metadata/`` — :func:`extract_metadata` and one finder per field (see its ``__init__``).
"""
from __future__ import annotations

from .fields import TEXT_FIELDS
from .html import html_to_text, looks_like_html
from .metadata import extract_metadata, seniority_from_title
from .readers import SUPPORTED_EXTENSIONS, read_postings
from .repair import repair

__all__ = [
    "SUPPORTED_EXTENSIONS", "TEXT_FIELDS", "extract_metadata", "html_to_text", "looks_like_html",
    "read_postings", "repair", "seniority_from_title",
]
