"""Repair of scraped posting text: HTML to text, entities, mojibake and whitespace, each step a no-op
on text that does not need it (so clean text comes back as the very same string)."""
from __future__ import annotations

import html
import re

from .html import html_to_text, looks_like_html
from .mojibake import fix_lossy_mojibake, fix_mojibake

__all__ = ["repair"]

_ENTITY_RE = re.compile(r"&(?:[A-Za-z][A-Za-z0-9]{1,31}|#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6});")
_ESCAPED_TAG_RE = re.compile(r"&lt;/?(?:p|div|br|li|ul|strong|b|span|h[1-6])\b", re.I)

_MD_SIGN_RE = re.compile(r"[^\W_]\\[-/]|\\-[^\W_]|\\[&+#*|]")
"""What shows a text written as Markdown with its escapes: an escaped hyphen or slash at a word
("problem\\-solving", "£50k\\-£60k", "BS\\/MS") or an escaped "&", "+", "#", "*", "|" (369 of the 374
postings of postings-dev holding any backslash escape; LinkedIn's; the other 5 escape only "_" in URLs
or a spaced hyphen). Only such a text loses its escapes: a Windows path
("C:\\Users\\me\\.ssh"), a regex or LaTeX in any other posting is left as written."""
_MD_ESCAPE_RE = re.compile(r"(?<!\\)\\+(?=[!-/:-@\[\]^_`{|}~])")
"""Markdown's backslash escapes (CommonMark: a backslash before ASCII punctuation): "C\\+\\+", "C\\#",
"\\.NET". A run of backslashes goes whole; each run is looked at once, from its start."""
_MD_BREAK_RE = re.compile(r"(?<![\\ \t\u00a0])[\\ \t\u00a0]+(?=[\r\n])")
"""The blanks and backslashes that end a line: with a backslash among them, a Markdown hard break."""

# Each starts only where its run starts (a look-behind), so a run is scanned once: without it a run of
# 100,000 blanks before "x \r" took 130 s (the regex tried every start inside the run)
_TRAILING_WS_RE = re.compile(r"(?<![ \t])[ \t]+(?=[\r\n]|\Z)")   # a lone "\r" ends a line too (str.splitlines)
_BLANK_RUN_RE = re.compile(r"(?<![\r\n])(\r?\n)(?:\r?\n){3,}(?=[^\r\n])")


def _fix_whitespace(text: str) -> str:
    """NBSP -> space, no trailing spaces, at most two blank lines in a row (blank lines at the very
    end of the text are left alone: they move no offset and many scraped files end that way)."""
    if "\u00a0" in text:
        text = text.replace("\u00a0", " ")
    # the single-character tests first: "\t" and "\r" are rare, and `in` finds one character fast
    tab, cr = "\t" in text, "\r" in text
    if " \n" in text or (tab and "\t\n" in text) or (cr and (" \r" in text or "\t\r" in text)) or \
            text.endswith((" ", "\t")):
        text = _TRAILING_WS_RE.sub("", text)
    if "\n\n\n\n" in text or (cr and "\n\r\n\r\n\r\n" in text):
        text = _BLANK_RUN_RE.sub(lambda m: m.group(1) * 3, text)
    return text


def _decode_entities(text: str) -> str:
    if "&" not in text:
        return text
    return _ENTITY_RE.sub(lambda m: html.unescape(m.group()), text)


def _unescape_markdown(text: str) -> str:
    """``text`` without its Markdown backslash escapes and hard breaks, if it is such a text
    (:data:`_MD_SIGN_RE`); else ``text`` itself."""
    if "\\" not in text or not _MD_SIGN_RE.search(text):
        return text
    text = _MD_ESCAPE_RE.sub("", text)
    if "\\" not in text:
        return text
    return _MD_BREAK_RE.sub(lambda m: "" if "\\" in m.group() else m.group(), text)


def repair(raw: str, *, is_html: bool | None = None) -> tuple[str, bool]:
    """Repair scraped posting text; returns ``(text, repaired)``.

    Steps, each a no-op on text that does not need it:

    1. HTML (``is_html=True``, or detected by :func:`looks_like_html`; also HTML that was escaped
       once, ``&lt;p&gt;…``) -> :func:`html_to_text`; otherwise stray entities (``&amp;``,
       ``&#39;``) in plain text are decoded.
    2. ASCII control characters -> one separator each (a space; a line break for the vertical tab and
       the file/group/record separators), so "SQL\x1adatabases" stays two words; mojibake -> ftfy
       (``uncurl_quotes=False``, no Unicode normalisation, line breaks kept), then mojibake whose C1
       bytes were stripped (seed 001: "weāre" -> "we’re", "šŗšø" -> "🇺🇸"). In a text written as
       Markdown with escapes (:data:`_MD_SIGN_RE`), backslash escapes and hard breaks are dropped
       ("problem\\-solving" -> "problem-solving", "C\\+\\+" -> "C++"): before entities are decoded
       ("&\\#39;") and again after them and the control characters.
    3. Whitespace: NBSP -> space, trailing spaces removed, runs of more than two blank lines cut to
       two (except at the very end of the text).

    INVARIANT: when nothing needed repair, the very same string comes back and ``repaired`` is
    False, so offsets into the result are offsets into the file as given.
    """
    text = raw
    if is_html is None:
        is_html = looks_like_html(text)
        if not is_html and "&lt;" in text and _ESCAPED_TAG_RE.search(text):
            unescaped = html.unescape(text)
            if looks_like_html(unescaped):
                text, is_html = unescaped, True
    if is_html:
        text = html_to_text(text)
    else:
        text = _decode_entities(_unescape_markdown(text))   # "&\\#39;" is the entity "&#39;"
    text = fix_mojibake(text)
    text = fix_lossy_mojibake(text)
    text = _unescape_markdown(text)     # again: an entity ("&#92;-") or a control character made one
    text = _fix_whitespace(text)
    if text == raw:
        return raw, False
    return text, True
