"""Posting metadata found in the text: title, company, locations, salary, minimum years of
experience, degree levels and fields, seniority and work mode (:func:`extract_metadata`).

Which file does what:

* ``extractor.py`` — :func:`extract_metadata`: runs every finder below over one ``Doc``.
* ``doc.py`` — ``Doc``: the text with the views the finders share (first lines, lines holding ":",
  anchor positions), so the whole text is scanned only a few times (the speed notes are there).
* ``anchors.py`` — the anchor words of every finder and the one automaton/regex that finds them.
* ``hiring.py`` — "X is looking for/hiring …" places (read by the title and company finders).
* ``title.py``, ``company.py``, ``location.py``, ``salary.py``, ``experience.py`` (minimum years),
  ``degrees.py``, ``work_mode.py`` — one finder each; ``seniority.py`` — :func:`seniority_from_title`.
"""
from __future__ import annotations

from .extractor import extract_metadata
from .seniority import seniority_from_title

__all__ = ["extract_metadata", "seniority_from_title"]
