"""Seniority from a job title (intern … junior), the first rule that fires."""
from __future__ import annotations

import re

__all__ = ["seniority_from_title"]

_SENIORITY = (
    ("intern", re.compile(r"\bintern(?:ship)?s?\b|\bco-?op\b", re.I)),
    ("director", re.compile(r"\bdirector\b|\bhead of\b|\bVP\b|\bvice president\b|\bchief\b", re.I)),
    ("manager", re.compile(r"\bmanager\b", re.I)),
    ("principal", re.compile(r"\bprincipal\b|\bdistinguished\b", re.I)),
    ("staff", re.compile(r"\bstaff\b", re.I)),
    ("lead", re.compile(r"\blead\b", re.I)),
    ("senior", re.compile(r"\bsenior\b|\bsr\b\.?|(?-i:\bIII\b)", re.I)),
    ("mid", re.compile(r"\bmid(?:-level| level)?\b|(?-i:\bII\b)", re.I)),
    ("junior", re.compile(r"\bjunior\b|\bjr\b\.?|\bentry[- ]level\b|\bnew grad(?:uate)?\b|(?-i:\bI\b)(?!/)",
                          re.I)),
)


def seniority_from_title(title: str | None) -> str | None:
    """Seniority from a job title; the first rule that fires wins, in this order:
    intern, director (Director/Head of/VP), manager, principal, staff, lead, senior (Senior/Sr./III),
    mid (Mid-level/II), junior (Junior/Jr./Entry-level/New Grad/I). None when the title says nothing.
    """
    if not title:
        return None
    for level, rx in _SENIORITY:
        if rx.search(title):
            return level
    return None
