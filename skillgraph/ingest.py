"""Ingest: posting files -> :class:`~skillgraph.model.Posting` records.

The first stage of the pipeline. Three public jobs:

* :func:`read_postings` reads ``.txt``, ``.md``, ``.html``/``.htm``, ``.json`` (an object or an array of
  objects), ``.jsonl`` and ``.csv`` files, whole directories (recursively, sorted) and ``-`` (stdin,
  format sniffed). Bad input raises :class:`~skillgraph.errors.InputError` with one line
  ``<path>[:<line>]: <what is wrong> — <how to fix>``, or, with ``skip_bad=True``, is reported
  through ``warn(message)`` and skipped. No posting is dropped without a message.
* :func:`repair` turns scraped text into clean text: HTML to plain text with its block structure
  (see below), mojibake fixed with ftfy, stray whitespace removed. Text that needs no repair is
  returned unchanged — the very same string — so character offsets point into the file as given.
* :func:`extract_metadata` finds title, company, locations, salary range, minimum years of
  experience, degree levels and fields, seniority and work mode in the text.

What the converted HTML looks like (for the extractor)::

    About Pinterest:                      <- <p>, <h1>-<h6>, <div> give their own lines;
                                             paragraphs and headings are separated by a blank line
    Millions of people ...

    What you’ll do:

    - Build cutting edge technology ...   <- every <li> is one "- item" line
    - Partner closely with teams ...
      - a nested item                     <- nested lists are indented by two spaces per level

    Nice to have:                         <- "<li><strong>Nice to have:</strong><ul>…" becomes a
                                             heading line; its items follow at the outer level
    - Publications at top ML conferences

Plain-text postings keep their own conventions ("  • item", "- item", "  1. item", Markdown
"## Heading", "**bold**"): the text is never rewritten except to repair it. Line breaks may be
``\\n`` or ``\\r\\n`` (kept as given).
"""
from __future__ import annotations

import codecs
import csv
import html
import io
import json
import os
import re
import sys
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path
from typing import Callable, Iterable, Iterator

from .errors import InputError
from .model import Posting, Salary

__all__ = [
    "SUPPORTED_EXTENSIONS", "TEXT_FIELDS", "extract_metadata", "html_to_text", "looks_like_html",
    "read_postings", "repair", "seniority_from_title",
]

SUPPORTED_EXTENSIONS: tuple[str, ...] = (".csv", ".htm", ".html", ".json", ".jsonl", ".md", ".txt")
#: Record fields (case-insensitive) that hold the posting text, in order of preference.
TEXT_FIELDS: tuple[str, ...] = ("text", "description", "job_description", "body", "content")
_ID_FIELDS = ("id", "job_id", "jobid", "uuid", "posting_id", "job_posting_id", "_id", "guid",
              "req_id", "requisition_id")
_TITLE_FIELDS = ("title", "job_title", "jobtitle", "position", "position_title")
_COMPANY_FIELDS = ("company", "company_name", "employer", "organization", "organisation")
_LOCATION_FIELDS = ("locations", "location", "job_location", "job_locations")
_WRAPPER_KEYS = ("postings", "jobs", "data", "results", "items", "records")

_HOW_TEXT = "save it as UTF-8 text (.txt, .md, .html, .json, .jsonl or .csv)"


def _stderr_warn(message: str) -> None:
    sys.stderr.write(message + "\n")


def _where(path: str, line: int | None = None) -> str:
    return f"{path}:{line}" if line else path


def _error(path: str, line: int | None, what: str, fix: str) -> InputError:
    return InputError(f"{_where(path, line)}: {what} — {fix}")


# ================================================================================================
# Decoding
# ================================================================================================

_C0_BINARY = re.compile(r"[\x00-\x08\x0e-\x1a\x1c-\x1f]")


def _decode(data: bytes, path: str) -> tuple[str, bool]:
    """Bytes -> (text, repaired). UTF-8 (a BOM is dropped), UTF-16 with a BOM, else cp1252 when it
    decodes cleanly (``repaired`` is True then); NUL bytes or undecodable bytes are an error."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16"), False
        except UnicodeDecodeError:
            pass
    if b"\x00" in data:
        line = data.count(b"\n", 0, data.index(b"\x00")) + 1
        raise _error(path, line, "binary data (NUL bytes), not a text posting",
                     f"pass the posting as text; {_HOW_TEXT}")
    try:
        return data.decode("utf-8-sig"), False
    except UnicodeDecodeError as exc:
        bad = exc.start
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        text = None
    if text is None or _C0_BINARY.search(text):
        line = data.count(b"\n", 0, bad) + 1
        col = bad - (data.rfind(b"\n", 0, bad) + 1) + 1
        raise _error(path, line, f"not UTF-8 text (byte 0x{data[bad]:02x} at column {col}) and not "
                     "clean cp1252 either — binary or an unknown encoding", _HOW_TEXT)
    return text, True


# ================================================================================================
# HTML -> text
# ================================================================================================

_HTML_TAG_RE = re.compile(
    r"<(/?)(p|div|br|li|ul|ol|span|strong|b|em|i|u|h[1-6]|a|table|tr|td|th|tbody|thead|html|body|"
    r"head|section|article|header|footer|font|blockquote|pre|code|dl|dt|dd|hr|img|meta|title|style|"
    r"script|main|nav|small|sup|sub)\b[^<>]*>", re.I)
_DOCTYPE_RE = re.compile(r"<!doctype\s+html|<html[\s>]", re.I)
_ENTITY_RE = re.compile(r"&(?:[A-Za-z][A-Za-z0-9]{1,31}|#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6});")
_ESCAPED_TAG_RE = re.compile(r"&lt;/?(?:p|div|br|li|ul|strong|b|span|h[1-6])\b", re.I)


_HTML_HINT_RE = re.compile(r"<[/!hHbB]")      # "</", "<!doctype", "<html", "<br": one is in all HTML


def looks_like_html(text: str) -> bool:
    """True when ``text`` is (or contains) HTML markup: a doctype/<html>, or at least two known tags
    of which one is a closing tag or ``<br>`` (so "use <div> and <span>" in prose is not HTML)."""
    i = text.find("<")
    if i == -1:
        return False
    # HTML needs a doctype/<html> or a closing tag or <br>: rule out texts with none of them cheaply
    if not _HTML_HINT_RE.search(text):
        return False
    # Every match of both patterns starts at a "<" and a tag match holds no other "<", so matching
    # at each "<" in turn sees what search()/finditer() would, without scanning the whole text twice.
    starts = []
    while i != -1:
        if _DOCTYPE_RE.match(text, i):
            return True
        starts.append(i)
        i = text.find("<", i + 1)
    count, closing = 0, False
    for i in starts:
        m = _HTML_TAG_RE.match(text, i)
        if m is None:
            continue
        count += 1
        closing = closing or bool(m.group(1)) or m.group(2).lower() == "br"
        if count >= 2 and closing:
            return True
    return False


_BLOCK_TAGS = frozenset({
    "address", "article", "aside", "body", "center", "dd", "details", "dialog", "div", "dl", "dt",
    "fieldset", "figcaption", "figure", "footer", "form", "header", "hgroup", "html", "main", "nav",
    "section", "summary", "tbody", "thead", "tfoot", "tr", "caption", "option",
})
_PARA_TAGS = frozenset({"p", "h1", "h2", "h3", "h4", "h5", "h6", "pre", "blockquote", "table", "hr"})
_LIST_TAGS = frozenset({"ul", "ol", "menu"})
_SKIP_TAGS = frozenset({"script", "style", "noscript", "template", "title", "svg", "object", "iframe"})
_VOID_TAGS = frozenset({"br", "hr", "img", "input", "meta", "link", "area", "base", "col", "embed",
                        "param", "source", "track", "wbr"})
_WS_RE = re.compile(r"[ \t\n\r\f\v]+")


class _HTMLToText(HTMLParser):
    """Block-structured text from HTML (see the module docstring for the layout)."""

    def __init__(self, keep_top_newlines: bool):
        super().__init__(convert_charrefs=True)
        self.keep_top = keep_top_newlines
        self.out: list[str] = []
        self.buf: list[str] = []
        self.prefix = ""
        self.line_gap = 0      # newlines before the line being built
        self.pending = 0       # newlines requested since the last committed line
        self.nl_run = 0        # newlines seen in top-level text since the last text
        self.stack: list[str] = []
        self.skip = 0
        self.pre = 0
        self.lists: list[bool] = []   # one per open list: True when it counts as an indent level
        self.lis: list[dict] = []     # one per open <li>

    # -- output ---------------------------------------------------------------------------------
    def _level(self) -> int:
        return sum(self.lists)

    def _flush(self) -> None:
        if not self.buf:
            return
        line = "".join(self.buf)
        if not self.pre:
            line = re.sub(r" {2,}", " ", line).strip(" ")
        self.buf = []
        if not line.strip(" \u00a0"):
            return
        if self.out:
            self.out.extend([""] * (max(self.line_gap, 1) - 1))
        self.out.append(self.prefix + line)
        self.line_gap = 0

    def _break(self, n: int) -> None:
        """End the current line; ``n`` newlines before the next (2 = blank line; 1 inside <li>)."""
        self._flush()
        self.pending = max(self.pending, min(n, 1) if self.lis else n)

    def _add(self, text: str) -> None:
        if not text:
            return
        if not self.buf:
            if not self.pre:
                text = text.lstrip(" ")
                if not text.strip(" \u00a0"):
                    return
            self.line_gap, self.pending = self.pending, 0
            level = self._level()
            if self.lis:
                li = self.lis[-1]
                indent = "  " * max(level - 1, 0)
                if not li["bulleted"]:
                    li["bulleted"] = True
                    li["first_line"] = True
                    self.prefix = indent + "- "
                else:
                    li["first_line"] = False
                    self.prefix = indent + "  "
            else:
                self.prefix = ""
        self.buf.append(text)
        self.nl_run = 0

    # -- parser callbacks -----------------------------------------------------------------------
    def handle_starttag(self, tag, attrs):
        if tag in _SKIP_TAGS:
            self.skip += 1
            if tag not in _VOID_TAGS:
                self.stack.append(tag)
            return
        if self.skip:
            if tag not in _VOID_TAGS:
                self.stack.append(tag)
            return
        if tag == "br":
            if self.buf:
                self._flush()
                self.pending = max(self.pending, 1)
            else:
                self.pending = max(self.pending, 1 if (self.lis or self.lists) else 2)
            return
        if tag == "hr":
            self._break(2)
            return
        if tag in _VOID_TAGS:
            return
        if tag in ("li", "p") and tag in self.stack:       # implicit close of an open <li>/<p>
            top = len(self.stack) - 1 - self.stack[::-1].index(tag)
            if tag == "p" or not any(t in _LIST_TAGS for t in self.stack[top + 1:]):
                self._close_to(top)
        self.stack.append(tag)
        if tag == "pre":
            self.pre += 1
        if tag in _LIST_TAGS:
            heading_li = False
            if self.lis and self.buf and self.lis[-1].get("first_line"):
                label = "".join(self.buf).strip()
                if label.endswith(":") and len(label) <= 80:
                    # "<li><strong>Nice to have:</strong><ul>…": the label is a heading line
                    self.prefix = "  " * max(self._level() - 1, 0)
                    self.line_gap = 2
                    heading_li = True
            self._flush()
            self.pending = max(self.pending, 2 if (heading_li or not self.lis) else 1)
            self.lists.append(not heading_li)
        elif tag == "li":
            self._break(1)
            self.lis.append({"bulleted": False, "first_line": False})
        elif tag in ("td", "th"):
            if self.buf:
                self.buf.append(" | ")
        elif tag in _PARA_TAGS:
            self._break(2)
        elif tag in _BLOCK_TAGS:
            self._break(1)

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in _VOID_TAGS:
            self.handle_endtag(tag)

    def _close_to(self, index: int) -> None:
        while len(self.stack) > index:
            self._end(self.stack.pop())

    def handle_endtag(self, tag):
        if tag not in self.stack:
            return                                  # stray end tag
        self._close_to(len(self.stack) - 1 - self.stack[::-1].index(tag))

    def _end(self, tag: str) -> None:
        if tag in _SKIP_TAGS:
            self.skip = max(self.skip - 1, 0)
            return
        if self.skip:
            return
        if tag == "pre":
            self.pre = max(self.pre - 1, 0)
        if tag in _LIST_TAGS:
            self._flush()
            if self.lists:
                self.lists.pop()
            self.pending = max(self.pending, 1 if (self.lis or self.lists) else 2)
        elif tag == "li":
            self._flush()
            if self.lis:
                self.lis.pop()
            self.pending = max(self.pending, 1)
        elif tag in _PARA_TAGS:
            self._break(2)
        elif tag in _BLOCK_TAGS:
            self._break(1)

    def handle_data(self, data):
        if self.skip:
            return
        if self.pre:
            for i, part in enumerate(data.split("\n")):
                if i:
                    if self.buf:
                        self._flush()
                    self.pending = max(self.pending, 1)
                self._add(part.rstrip("\r"))
            return
        if self.keep_top and not self.stack:
            # plain text outside any element (a text file with an HTML blob): keep its line breaks
            for i, part in enumerate(data.split("\n")):
                if i:
                    self.nl_run += 1
                    if self.nl_run == 1:
                        self._flush()
                    self.pending = max(self.pending, min(self.nl_run, 3))
                part = _WS_RE.sub(" ", part)
                if part.strip(" "):
                    self._add(part)
            return
        self._add(_WS_RE.sub(" ", data))

    def text(self) -> str:
        self._close_to(0)
        self._flush()
        return "\n".join(self.out) + ("\n" if self.out else "")


def html_to_text(markup: str) -> str:
    """Plain text with block structure from HTML (layout in the module docstring).

    Entities are decoded, scripts/styles dropped. Text outside any element (a plain-text header in
    front of an HTML blob, as in scraped files) keeps its own line breaks unless the input is a
    whole HTML document.
    """
    parser = _HTMLToText(keep_top_newlines=not _DOCTYPE_RE.search(markup))
    parser.feed(markup)
    parser.close()
    return parser.text()


# ================================================================================================
# Repair
# ================================================================================================

_FTFY = None        # (config, is_bad, trigger regex, maybe-bad regex), built on first use (ftfy costs ~70 ms to import)


def _ftfy():
    global _FTFY
    if _FTFY is None:
        import ftfy
        from ftfy import chardata
        from ftfy.badness import is_bad

        config = ftfy.TextFixerConfig(
            unescape_html=False,        # HTML is handled by html_to_text / entity decoding below
            remove_terminal_escapes=True,
            fix_encoding=True,          # the mojibake repair itself
            restore_byte_a0=True,
            replace_lossy_sequences=True,
            decode_inconsistent_utf8=True,
            fix_c1_controls=True,
            fix_latin_ligatures=True,   # "ﬁne-tuning" from PDFs
            fix_character_width=False,  # would rewrite CJK full-width punctuation in clean text
            uncurl_quotes=False,        # "We’re" stays curly: it needs no repair
            fix_line_breaks=False,      # CRLF stays: offsets point into the file as given
            fix_surrogates=True,
            remove_control_chars=True,
            normalization=None,         # NFD text is not broken; normalising would move offsets
            explain=False,
        )
        # Every ftfy fixer enabled above is a no-op unless the text is_bad() (fix_encoding) or holds
        # one of these characters: C1 controls, Latin ligatures, surrogates, control characters.
        chars = set(chardata.CONTROL_CHARS) | set(chardata.LIGATURES)
        chars |= set(range(0x80, 0xA0)) | {0x1B}
        trigger = re.compile(
            "[" + "".join(re.escape(chr(c)) for c in sorted(chars)) + "\ud800-\udfff]")
        from ftfy.badness import BADNESS_RE, MOJIBAKE_CATEGORIES

        members = "".join(MOJIBAKE_CATEGORIES.values()) + "".join(
            re.escape(c) for c in sorted(set(BADNESS_RE.pattern)) if ord(c) > 0x7F)
        maybe_bad = re.compile(f"[{members}][{members}]|[\\x80-\\x9fÃÂŒœ]")
        global _STRAY_RE
        _STRAY_RE = re.compile("[" + "".join(re.escape(chr(c)) for c in sorted({*chardata.CONTROL_CHARS,
                                                                                 *chardata.LIGATURES}))
                               + "\ud800-\udfff]")
        _STRAY_MAP.update({chr(c): "" for c in chardata.CONTROL_CHARS})
        _STRAY_MAP.update({chr(c): v for c, v in chardata.LIGATURES.items()})
        _FTFY = (config, is_bad, trigger, maybe_bad)
    return _FTFY


# ftfy's is_bad() is one big regex (~0.5 ms per kB). Every alternative of it needs two adjacent
# characters from its mojibake categories (or its few literal non-ASCII characters), a C1 control,
# or one of "ÃÂŒœ" (which also match next to ASCII). ``_ftfy()`` builds that necessary condition
# from ftfy's own tables; tests check it against is_bad() on random text.
#
# Speed: postings are mostly printable ASCII, and every character the checks below look for is not
# (it is non-ASCII or an ASCII control character). So the checks run on the runs of such "odd"
# characters only, joined by "\n" (which none of them matches): a character is in a run exactly
# when it is in the text, and two characters are adjacent in a run exactly when they are adjacent
# in the text. The runs come from the UTF-8 bytes (printable ASCII -> space, then bytes.split; a
# run of bytes >= 0x80 always holds whole characters): ~5x cheaper than any regex scan.
_ODD_RUNS_RE = re.compile(r"[^\t\n\x0c\r\x20-\x7e]+")
_TO_SPACE = bytes(b if (b < 0x20 and b not in b"\t\n\x0c\r") or b >= 0x7F else 0x20 for b in range(256))
_C1_RE = re.compile(r"[\x80-\x9f]")
_SURROGATE_RE = re.compile(r"[\ud800-\udfff]")
_STRAY_RE = None        # ligatures, control characters, surrogates (ftfy's tables), built with _ftfy()
_STRAY_MAP: dict[str, str] = {}
_C1_MAP: dict[str, str] = {}


def _odd_runs(text: str) -> str:
    """The runs of non-ASCII and ASCII control characters of ``text``, joined by "\n"."""
    if "\x0b" in text:                  # bytes.split() would split at it: take the slow road
        return "\n".join(_ODD_RUNS_RE.findall(text))
    data = text.encode("utf-8", "surrogatepass").translate(_TO_SPACE)
    return b"\n".join(data.split()).decode("utf-8", "surrogatepass")


def _replace_each(text: str, chars: Iterable[str], mapping: dict[str, str]) -> str:
    for c in sorted(set(chars)):
        text = text.replace(c, mapping[c])
    return text


def _fix_mojibake(text: str) -> str:
    runs = _odd_runs(text)
    if not runs:
        return text                              # printable ASCII: nothing for ftfy to fix
    config, is_bad, trigger, maybe_bad = _ftfy()
    if not trigger.search(runs) and (not maybe_bad.search(runs) or not is_bad(text)):
        return text
    import ftfy
    from ftfy import fixes

    # Stray C1/control characters alone (common in scraped text: "\x92" for ’) need only ftfy's
    # cheap per-character fixers; the full fix_text (line by line, ~2 ms per posting) runs only when
    # what is left still looks like mojibake. The per-character fixers (ftfy's fix_c1_controls,
    # fix_latin_ligatures, remove_control_chars: a regex or str.translate over the whole text) are
    # applied as str.replace of the few distinct characters the runs hold, with ftfy's own mapping.
    cheap = text
    if "\x1b" in runs:
        cheap = fixes.remove_terminal_escapes(cheap)
        runs = _odd_runs(cheap)
    c1 = _C1_RE.findall(runs)
    if c1:
        for c in c1:
            if c not in _C1_MAP:
                _C1_MAP[c] = fixes.fix_c1_controls(c)
        cheap = _replace_each(cheap, c1, _C1_MAP)
        runs = _replace_each(runs, c1, _C1_MAP)       # cp1252 characters are non-ASCII: same runs
    if maybe_bad.search(runs) and is_bad(cheap):
        return ftfy.fix_text(text, config)
    stray = _STRAY_RE.findall(runs)
    if stray:
        if _SURROGATE_RE.search(runs):
            cheap = fixes.remove_control_chars(fixes.fix_surrogates(fixes.fix_latin_ligatures(cheap)))
        else:
            # ligatures expand to letters (never control characters), control characters go
            cheap = _replace_each(cheap, stray, _STRAY_MAP)
    return cheap


# --- mojibake whose C1 bytes were lost ----------------------------------------------------------
# Seed 001 is UTF-8 that was decoded as ISO-8859-13 (Baltic) and then had its C1 control characters
# (bytes 0x80-0x9F) stripped: "we’re" = e2 80 99 -> "ā" + two lost bytes -> "weāre". ftfy decodes
# intact mojibake ("weā€™re" via sloppy-windows-1257) but cannot guess lost bytes, so this step
# restores the most likely ones and decodes the UTF-8 itself. It only runs when the text carries
# an unmistakable signature (an English contraction such as "weāre"/"donāt", or a flag pair
# "šŗšø"), so genuine Latvian or Lithuanian text ("Jānis", "mājās") is never touched.
_ISO13 = "iso8859_13"
_RI_TAIL = bytes(range(0xA6, 0xC0)).decode(_ISO13)           # last byte of 🇦..🇿 (F0 9F 87 A6..BF)
_LOSSY_SIGNATURE_RE = re.compile(
    r"\b(?:[Ww]e|[Yy]ou|[Tt]hey|I|[Ii]t|[Tt]hat|[Tt]here|[Ww]hat|[Ww]ho|[Ll]et|[Hh]e|[Ss]he|[Dd]on|"
    r"[Cc]an|[Ww]on|[Ii]sn|[Aa]ren|[Dd]oesn|[Dd]idn|[Ww]asn|[Hh]asn|[Hh]aven|[Cc]ouldn|[Ww]ouldn|"
    r"[Ss]houldn)ā(?:re|s|t|ll|ve|d|m)\b"
    "|š[" + re.escape(_RI_TAIL) + "]š[" + re.escape(_RI_TAIL) + "]")
_LOSSY_RE = re.compile("Ā ?|ā[¢¦¬]?|š[" + re.escape(_RI_TAIL) + "]")


def _restore_lossy(m: re.Match) -> str:
    s = m.group()
    if s[0] == "Ā":                  # c2 a0 (NBSP) whose a0 became a space or was stripped
        return "\u00a0"
    if s[0] == "š":                  # f0 [9f 87] xx: a regional-indicator (flag) letter
        return (b"\xf0\x9f\x87" + s[1].encode(_ISO13)).decode("utf-8")
    if len(s) == 2:                  # e2 [80] a2 = •, e2 [80] a6 = …, e2 [82] ac = €
        tail = s[1].encode(_ISO13)
        return (b"\xe2" + (b"\x82" if tail == b"\xac" else b"\x80") + tail).decode("utf-8")
    text, i, j = m.string, m.start(), m.end()
    before = text[i - 1] if i else " "
    after = text[j] if j < len(text) else " "
    if before.isalnum() and after.isalnum():
        return "\u2019"              # e2 80 99: apostrophe ("we’re", "other’s")
    if after.isalnum():
        return "\u201c"              # opening quote
    if before.isalnum() or before in ".,!?)":
        return "\u201d"              # closing quote
    if before.isspace() and after.isspace():
        return "\u2014"              # spaced dash
    return s


def _fix_lossy_mojibake(text: str) -> str:
    if ("ā" not in text and "š" not in text) or not _LOSSY_SIGNATURE_RE.search(text):
        return text
    return _LOSSY_RE.sub(_restore_lossy, text)


# --- whitespace ---------------------------------------------------------------------------------
_TRAILING_WS_RE = re.compile(r"[ \t]+(?=\r?\n|\Z)")
_BLANK_RUN_RE = re.compile(r"(\r?\n)(?:\r?\n){3,}(?=[^\r\n])")


def _fix_whitespace(text: str) -> str:
    """NBSP -> space, no trailing spaces, at most two blank lines in a row (blank lines at the very
    end of the text are left alone: they move no offset and many scraped files end that way)."""
    if "\u00a0" in text:
        text = text.replace("\u00a0", " ")
    # the single-character tests first: "\t" and "\r" are rare, and `in` finds one character fast
    tab, cr = "\t" in text, "\r" in text
    if " \n" in text or (tab and "\t\n" in text) or (cr and (" \r\n" in text or "\t\r\n" in text)) or \
            text.endswith((" ", "\t")):
        text = _TRAILING_WS_RE.sub("", text)
    if "\n\n\n\n" in text or (cr and "\n\r\n\r\n\r\n" in text):
        text = _BLANK_RUN_RE.sub(lambda m: m.group(1) * 3, text)
    return text


def _decode_entities(text: str) -> str:
    if "&" not in text:
        return text
    return _ENTITY_RE.sub(lambda m: html.unescape(m.group()), text)


def repair(raw: str, *, is_html: bool | None = None) -> tuple[str, bool]:
    """Repair scraped posting text; returns ``(text, repaired)``.

    Steps, each a no-op on text that does not need it:

    1. HTML (``is_html=True``, or detected by :func:`looks_like_html`; also HTML that was escaped
       once, ``&lt;p&gt;…``) -> :func:`html_to_text`; otherwise stray entities (``&amp;``,
       ``&#39;``) in plain text are decoded.
    2. Mojibake -> ftfy (``uncurl_quotes=False``, no Unicode normalisation, line breaks kept), then
       mojibake whose C1 bytes were stripped (seed 001: "weāre" -> "we’re", "šŗšø" -> "🇺🇸").
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
        text = _decode_entities(text)
    text = _fix_mojibake(text)
    text = _fix_lossy_mojibake(text)
    text = _fix_whitespace(text)
    if text == raw:
        return raw, False
    return text, True


# ================================================================================================
# Metadata
# ================================================================================================
# Speed: the extractor reads thousands of postings/s, and every full regex scan of a 5 kB posting
# costs ~0.3 ms in Python's re (a str.find ~5 µs, an automaton pass ~60 µs). So the text is passed
# over whole only a few times, all in _Doc: one Aho-Corasick pass for the lower-case anchor words,
# one regex scan for the exact ones, the positions of ":". Each finder then runs its regexes only on
# the lines or small windows around its anchors:
#   * first-lines rules (title, the name line next to it, "City, ST" lines) read ``doc.head``, the
#     first 16 non-blank lines, split from a prefix of the text;
#   * "Label: value" rules (Company:, Location:) read ``doc.colon_lines``, the lines holding ":";
#   * other line rules ("About X") read the lines holding their anchor (``doc.lines_holding``).
# The results are what the plain computation gives (tests/test_ingest.py checks each shortcut).


def _positions(hay: str, words: Iterable[str]) -> list[int]:
    out = []
    for w in words:
        i = hay.find(w)
        while i != -1:
            out.append(i)
            i = hay.find(w, i + 1)
    return out


_HEAD_LINES = 16       # the title is among the first 15 lines; the company may sit on the line after it


def _head_lines(text: str, n: int) -> list[str]:
    """The first ``n`` non-blank lines of ``text``, stripped: ``Doc.lines[:n]`` without splitting the
    whole text. ``splitlines()`` of a prefix gives the text's own lines except for its last piece,
    which may be cut (or be followed by the "\n" of a "\r\n"), so that piece is never used."""
    size = 2048
    while size < len(text):
        pieces = text[:size].splitlines()
        pieces.pop()
        out = [ln for ln in map(str.strip, pieces) if ln]
        if len(out) >= n:
            return out[:n]
        size *= 4
    return [ln for ln in map(str.strip, text.splitlines()) if ln][:n]


def _lines_at(text: str, positions: Iterable[int]) -> str:
    """The lines of ``text`` holding ``positions``, in text order, joined by "\\n"."""
    spans = set()
    for i in positions:
        s = text.rfind("\n", 0, i) + 1
        e = text.find("\n", i)
        spans.add((s, len(text) if e == -1 else e))
    return "\n".join(text[s:e] for s, e in sorted(spans))


class _Doc:
    """A posting's text with the cheap views the finders share."""

    def __init__(self, text: str):
        self.text = text
        if text.isascii() or "\u0130" in text or "\u212a" in text:
            low = text.lower()
            self.low = low if len(low) == len(text) else None     # offsets must line up (İ -> i̇)
        else:
            # The anchor words are ASCII, and only İ and the Kelvin sign lower-case to ASCII letters:
            # lower-casing ASCII alone (other characters keep their place as "?") finds the same
            # anchors, 3-4x cheaper than str.lower() on non-ASCII text.
            self.low = text.encode("latin-1", "replace").lower().decode("latin-1")
        self.head = _head_lines(text, _HEAD_LINES)
        self._lines: list[str] | None = None
        self._colon_lines: list[str] | None = None
        self._lower: dict[str, list[int]] | None = None
        self._exact: dict[str, list[int]] | None = None

    @property
    def lines(self) -> list[str]:
        """Every non-blank line, stripped (``str.splitlines``). Finders that want lines anywhere in
        the posting use :meth:`lines_holding` instead: building this list costs ~10 µs."""
        if self._lines is None:
            self._lines = [ln for ln in (ln.strip() for ln in self.text.splitlines()) if ln]
        return self._lines

    def lines_holding(self, positions: Iterable[int]) -> list[str]:
        """The stripped lines (as in :attr:`lines`) that hold ``positions``, in text order, each once."""
        text, seen, out = self.text, set(), []
        line_end = -1
        for i in sorted(positions):
            if i < line_end:
                continue                                 # on the "\n"-line just taken whole
            s = text.rfind("\n", 0, i) + 1
            e = text.find("\n", i)
            seg = text[s:len(text) if e == -1 else e]
            parts = seg.splitlines(True)             # other line breaks: \r, \x0b, \x85, \u2028 …
            if len(parts) == 1:
                line_end = s + len(seg)
            else:
                for part in parts:
                    if s + len(part) > i:
                        seg = part
                        break
                    s += len(part)
            if s not in seen:
                seen.add(s)
                seg = seg.strip()
                if seg:
                    out.append(seg)
        return out

    @property
    def colon_lines(self) -> list[str]:
        """The lines (as in :attr:`lines`) that hold a ":" — every "Label: value" line is one."""
        if self._colon_lines is None:
            self._colon_lines = self.lines_holding(_positions(self.text, (":",)))
        return self._colon_lines

    def _index(self, exact: bool) -> dict[str, list[int]]:
        """Start positions of every anchor word: the lower-case ones from one Aho-Corasick pass over
        :attr:`low` (~50x cheaper than a str.find per word), the exact ones from one regex scan."""
        idx = self._exact if exact else self._lower
        if idx is None:
            idx = {}
            automata = _anchor_automata()
            if exact:
                # the regex skips to the few characters exact anchors start with ($ £ € ₹ A B C E G I
                # M S U): ~2x cheaper than an automaton. No anchor is a prefix of another, so
                # searching again from each start + 1 finds every occurrence, overlapping ones too.
                rx, text = automata["exact_re"], self.text
                m = rx.search(text)
                while m:
                    idx.setdefault(m.group(), []).append(m.start())
                    m = rx.search(text, m.start() + 1)
                self._exact = idx
            else:
                automaton, words = automata[False]
                for k, start, _ in automaton.find_matches_as_indexes(self.low, overlapping=True):
                    idx.setdefault(words[k], []).append(start)
                self._lower = idx
        return idx

    def find_lower(self, words: Iterable[str]) -> list[int]:
        """Positions of lower-case ``words`` in the text, ignoring case."""
        if self.low is None:
            return _positions(self.text, words) + _positions(self.text, [w.capitalize() for w in words]) \
                + _positions(self.text, [w.upper() for w in words])
        idx, out = self._lower if self._lower is not None else self._index(False), []
        for w in words:
            got = idx.get(w)
            if got is not None:
                out += got
            elif w not in _ANCHORS[False]:
                out += _positions(self.low, (w,))
        return out

    def find_exact(self, words: Iterable[str]) -> list[int]:
        idx, out = self._exact if self._exact is not None else self._index(True), []
        for w in words:
            got = idx.get(w)
            if got is not None:
                out += got
            elif w not in _ANCHORS[True]:
                out += _positions(self.text, (w,))
        return out

    def lines_with(self, lower: Iterable[str] = (), exact: Iterable[str] = ()) -> str:
        pos = self.find_lower(lower) + self.find_exact(exact)
        return _lines_at(self.text, pos) if pos else ""


_ANCHORS: dict[bool, frozenset[str]] = {}
_AUTOMATA: dict = {}


def _anchor_automata() -> dict:
    """{False: automaton over the lower-case anchor words, "exact_re": regex of the exact ones}."""
    if not _AUTOMATA:
        import ahocorasick_rs

        _ANCHORS[False] = frozenset(
            _HIRING_VERBS + ("equal opportunity", "eeo employer", "location", "year", "yr", "#li-")
            + _IN_PLACE_WORDS + _DEGREE_WORDS_LOWER + sum(_MODE_ANCHORS.values(), ()))
        exact = sorted(("At ", "About ") + _CURRENCY_SIGNS + _CODES + _DEGREE_WORDS_EXACT)
        assert not any(a != b and b.startswith(a) for a in exact for b in exact), "an exact anchor is a prefix"
        _ANCHORS[True] = frozenset(exact)
        words = sorted(_ANCHORS[False])
        _AUTOMATA[False] = (ahocorasick_rs.AhoCorasick(words), words)
        _AUTOMATA["exact_re"] = re.compile("|".join(map(re.escape, exact)))
    return _AUTOMATA


_TITLE_WORDS = (
    r"Engineer|Scientist|Researcher|Manager|Analyst|Developer|Architect|Lead|Director|Designer|"
    r"Intern|Internship|Consultant|Specialist|Administrator|Programmer|Technician|Head of|VP|"
    r"Vice President|Officer|Statistician|Strategist|Economist|Fellow|Technologist|Recruiter|"
    r"Coordinator|Product Owner|SRE|Modeler|Modeller|Annotator|Instructor|Professor|Postdoc|"
    r"Mathematician")
_TITLE_KW_RE = re.compile(rf"\b(?:{_TITLE_WORDS})s?\b")
_SMALL_WORDS = frozenset("a an and at for in of on the to with or & - – — / , |".split())
_LABEL_RE = re.compile(r"(?:job\s+title|title|position|role)\s*:\s*(?P<v>.+)$", re.I)
_MD_MARKUP_RE = re.compile(r"^#{1,6}\s+|^[*_]{2}|[*_]{2}$")
_BULLET_RE = re.compile(r"(?:[-*•·▪◦●‣–—]|\d{1,2}[.)])\s+")
_BULLET_CHARS = "-*•·▪◦●‣–—"                 # what a _BULLET_RE match starts with, or a digit (\d)
_HIRING_VERBS = ("looking for", "hiring", "seeking", "searching for", "recruiting")
_IS_BEFORE_RE = re.compile(r"\b(?:is|are)\s+(?:currently\s+|now\s+|actively\s+)?$")
_HIRED_TITLE_RE = re.compile(
    r"(?:looking\s+for|hiring|seeking|searching\s+for|recruiting)\s+(?:an?\s+|our\s+(?:next\s+|new\s+)?)?"
    r"(?P<t>(?:[A-Z][\w.+/&-]*)(?:,?\s+(?:[A-Z][\w.+/&-]*|of|and|&|for|in|-|–|II|III|IV))*)")


def _hiring_anchors(doc: _Doc) -> list[int]:
    """Positions of "looking for"/"hiring"/… that follow "is"/"are" ("X is looking for a …")."""
    out = []
    for i in sorted(doc.find_lower(_HIRING_VERBS)):
        if _IS_BEFORE_RE.search(doc.text, max(0, i - 30), i):
            out.append(i)
    return out


def _looks_like_title(line: str) -> bool:
    if not (3 <= len(line) <= 100) or line[-1] in ".:;!?" or \
            ((line[0] in _BULLET_CHARS or line[0].isdecimal()) and _BULLET_RE.match(line)):
        return False
    words = line.split()
    if len(words) > 14:
        return False
    lower = 0
    for w in words:
        if w[:1].islower() and w.lower() not in _SMALL_WORDS:
            lower += 1
            if lower > 1:
                return False
    return bool(_TITLE_KW_RE.search(line))


def _find_title(doc: _Doc, hiring: list[int]) -> tuple[str | None, int | None]:
    for i, line in enumerate(doc.head[:15]):
        if ":" in line:
            m = _LABEL_RE.match(line)
            if m and _TITLE_KW_RE.search(m.group("v")):
                return m.group("v").strip(), i
    for i, line in enumerate(doc.head[:12]):
        if line[0] in "#*_" or line[-1] in "*_":
            line = _MD_MARKUP_RE.sub("", line)      # "# Title", "**Title**" (Markdown)
        if 3 <= len(line) <= 100 and line[-1] not in ".:;!?" and _looks_like_title(line):
            return line, i
    for a in hiring:
        m = _HIRED_TITLE_RE.match(doc.text, a)
        if not m:
            continue
        words = m.group("t").rstrip(",").split()
        while words and words[-1].lower() in _SMALL_WORDS:
            words.pop()
        t = " ".join(words).rstrip(".,")
        if t and _TITLE_KW_RE.search(t):
            return t, None
    return None, None


_NAME = r"[A-Z][\w&.'’-]*(?: [A-Z][\w&.'’-]*){0,3}"
_NOT_COMPANY = frozenset({
    "the", "us", "you", "we", "our", "this", "the role", "the team", "this role", "the job",
    "the position", "the company", "the opportunity", "our team", "the work", "it", "they", "he",
    "she", "remote", "hybrid", "onsite", "on-site", "full-time", "full time", "part-time",
    "contract", "skills", "overview", "description", "job description", "apply", "benefits",
    "responsibilities", "requirements", "qualifications", "summary", "about", "location",
    "engineering", "technology", "information technology", "what", "who", "why", "how",
})
_COMPANY_LABEL_RE = re.compile(rf"(?i:company|company name|employer|organi[sz]ation)\s*:\s*(?P<c>{_NAME})$")
_NAME_AT_END_RE = re.compile(rf"(?:^|(?<=[.!?]\s)|(?<=\n))(?P<c>{_NAME})\s+$")
_NAME_IS_AN_AT_END_RE = re.compile(rf"(?:^|(?<=[.!?]\s)|(?<=\n))(?P<c>{_NAME}) is an? $")
_COMPANY_ABOUT_RE = re.compile(rf"About (?P<c>{_NAME})\s*:?$")
_COMPANY_AT_RE = re.compile(rf"At (?P<c>{_NAME}),? (?:we|we’re|we're|our|you|you’ll|you'll)\b")


def _clean_company(name: str) -> str | None:
    name = name.strip(" .,:;'’")
    words = name.split()
    half = len(words) // 2
    if len(words) % 2 == 0 and half and words[:half] == words[half:]:
        words = words[:half]                      # "Pinterest Pinterest" (logo alt text + name)
    name = " ".join(words)
    if not name or name.lower() in _NOT_COMPANY or _TITLE_KW_RE.search(name) \
            or any(c.isdigit() for c in name) or len(name) > 60:
        return None
    return name


def _find_company(doc: _Doc, title_index: int | None, hiring: list[int]) -> str | None:
    text, head = doc.text, doc.head
    votes: Counter[str] = Counter()
    first_seen: dict[str, int] = {}

    def vote(name: str | None, rank: int) -> None:
        name = _clean_company(name) if name else None
        if name:
            votes[name] += 1
            first_seen.setdefault(name, rank)

    for line in doc.colon_lines:                           # "Company: Pinterest"
        m = _COMPANY_LABEL_RE.match(line)
        if m:
            vote(m.group("c"), 0)
    for a in hiring:                                       # "Pinterest is looking for …"
        w0 = max(0, a - 80)
        m = _NAME_AT_END_RE.search(text, w0, _IS_BEFORE_RE.search(text, w0, a).start())
        if m:
            vote(m.group("c"), 1)
    for line in doc.lines_holding(doc.find_exact(("About ",))):      # "About Pinterest:"
        if line.startswith("About "):
            m = _COMPANY_ABOUT_RE.match(line)
            if m:
                vote(m.group("c"), 2)
    for i in doc.find_exact(("At ",)):                   # "At Pinterest, we …"
        if i == 0 or not text[i - 1].isalnum():
            m = _COMPANY_AT_RE.match(text, i)
            if m:
                vote(m.group("c"), 3)
    if title_index is not None:                            # a name line next to the title
        for j in (title_index - 1, title_index + 1):
            if 0 <= j < len(head):                         # head: the title is among its first 15
                first = re.split(r"\s+[·•|]\s+", head[j])[0].strip()
                if len(first.split()) <= 4 and re.fullmatch(_NAME, first) \
                        and not _CITY_ST_RE.search(head[j].split("·")[0]):
                    vote(first, 4)
    for i in doc.find_lower(("equal opportunity", "eeo employer")):
        m = _NAME_IS_AN_AT_END_RE.search(text, max(0, i - 80), i)
        if m:
            vote(m.group("c"), 5)
    if not votes:
        return None
    return min(votes, key=lambda n: (-votes[n], first_seen[n], n))


_COUNTRIES = (
    "United States", "United States of America", "USA", "US", "U.S.", "U.S.A.", "Canada",
    "United Kingdom", "UK", "U.K.", "Ireland", "Germany", "France", "Netherlands", "Spain",
    "Portugal", "Italy", "Switzerland", "Sweden", "Norway", "Denmark", "Finland", "Poland", "Austria",
    "Belgium", "India", "China", "Japan", "Singapore", "Australia", "New Zealand", "Brazil", "Mexico",
    "Israel", "South Korea", "Korea", "Taiwan", "Hong Kong", "United Arab Emirates", "UAE",
    "Argentina", "Chile", "Colombia", "Romania", "Czech Republic", "Czechia", "Ukraine", "Estonia",
    "Latvia", "Lithuania", "Greece", "Turkey", "South Africa", "Nigeria", "Kenya", "Egypt",
    "Philippines", "Vietnam", "Indonesia", "Malaysia", "Thailand", "Pakistan", "Bangladesh",
    "Europe", "EMEA", "APAC", "North America", "Latin America", "LATAM",
)
_COUNTRY_ALIASES = {"us": "United States", "usa": "United States", "u.s.": "United States",
                    "u.s.a.": "United States", "united states of america": "United States",
                    "uk": "United Kingdom", "u.k.": "United Kingdom", "uae": "United Arab Emirates"}
_COUNTRY_RE = "(?:" + "|".join(re.escape(c) for c in sorted(_COUNTRIES, key=len, reverse=True)) + ")"
_CITY_ST = (r"[A-Z][A-Za-z.'’-]*(?: [A-Z][A-Za-z.'’-]*){0,3}, [A-Z]{2}(?:, (?:[A-Z]{2,3}\b|"
            + _COUNTRY_RE + r"))?")
_CITY_ST_RE = re.compile(_CITY_ST)
_CITY_ST_FULL_RE = re.compile(_CITY_ST)
_COUNTRY_SET = frozenset(_COUNTRIES)
_SEGMENT_SPLIT_RE = re.compile(r"\s*(?:;|\||·|•| or )\s*")
_LOCATION_LABEL_RE = re.compile(r"(?:job\s+)?locations?\s*:\s*(?P<v>.+)$", re.I)
_FLAG_COUNTRY_RE = re.compile(r"[\U0001F1E6-\U0001F1FF]{2}\s*(?P<c>" + _COUNTRY_RE + r")\b")
_IN_PLACE_WORDS = ("remote in ", "located in ", "based in ", "anywhere in ", "reside in ", "residing in ")
_IN_PLACE_RE = re.compile(r"(?:the\s+)?(?P<c>" + _CITY_ST + "|" + _COUNTRY_RE + r")(?!\w)")
_POSTED_GLUE_RE = re.compile(r"(?<=[A-Za-z)])(?:Posted|Updated|Reposted)\b.*$")


def _norm_location(loc: str) -> str:
    loc = loc.strip(" .,;|·•-–—")
    if loc.lower().startswith("the "):
        loc = loc[4:]
    return _COUNTRY_ALIASES.get(loc.lower(), loc)


def _find_locations(doc: _Doc) -> tuple[str, ...]:
    out: list[str] = []

    def add(loc: str) -> None:
        loc = _norm_location(loc)
        if loc and loc not in out:
            out.append(loc)

    for line in (doc.colon_lines if doc.find_lower(("location",)) else ()):
        m = _LOCATION_LABEL_RE.match(line)
        if m:
            for part in re.split(r"\s*(?:;|\||/| or )\s*", m.group("v")):
                if part.strip():
                    add(part)
            return tuple(out)
    for line in doc.head[:12]:
        if len(line) > 300:
            continue
        if "osted" in line:
            line = _POSTED_GLUE_RE.sub("", line)
        if ";" in line or "|" in line or "·" in line or "•" in line or " or " in line:
            segments = _SEGMENT_SPLIT_RE.split(line)
        elif len(line) > 60:
            continue                                       # one segment, too long to be a place
        else:
            segments = (line,)                             # what the split would return
        for seg in segments:
            seg = seg.strip()
            if seg in _COUNTRY_SET or ("," in seg and len(seg) <= 60 and _CITY_ST_FULL_RE.fullmatch(seg)):
                add(seg)
    if not doc.text.isascii():
        head = "\n".join(doc.head[:15])
        # flags are astral characters (two UTF-16 units): most texts have none, and this is cheap
        if len(head.encode("utf-16-le", "surrogatepass")) != 2 * len(head):
            for m in _FLAG_COUNTRY_RE.finditer(head):
                add(m.group("c"))
    for i in sorted(doc.find_lower(_IN_PLACE_WORDS)):
        m = _IN_PLACE_RE.match(doc.text, doc.text.find(" in ", i) + 4)
        if m:
            add(m.group("c"))
    return tuple(out)


_CURRENCY = {"$": "USD", "US$": "USD", "USD": "USD", "CA$": "CAD", "C$": "CAD", "CAD": "CAD",
             "A$": "AUD", "AU$": "AUD", "AUD": "AUD", "£": "GBP", "GBP": "GBP", "€": "EUR",
             "EUR": "EUR", "₹": "INR", "INR": "INR", "CHF": "CHF", "SGD": "SGD", "S$": "SGD"}
_CODES = ("USD", "CAD", "AUD", "GBP", "EUR", "INR", "CHF", "SGD")
_CURRENCY_SIGNS = ("$", "£", "€", "₹")
_CUR = r"US\$|CA\$|C\$|AU\$|A\$|S\$|\$|£|€|₹|" + "|".join(_CODES)
_AMOUNT = (r"(?P<cur{n}>{cur})?\s?(?P<num{n}>\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|\d+(?:\.\d+)?)\s?"
           r"(?P<k{n}>[kK]\b|[mM]\b)?")
_SALARY_RE = re.compile(
    r"(?<![\d.,])" + _AMOUNT.format(n=1, cur=_CUR) + r"\s*(?:-|–|—|to)\s*" + _AMOUNT.format(n=2, cur=_CUR)
    + r"\s*(?P<code>" + "|".join(_CODES) + r")?\b\s*"
    r"(?P<per>(?:/|per\s+|an?\s+)(?:yr|year|annum|hour|hr|month|mo|week)\b|annually|yearly|hourly|monthly)?")
_PERIODS = {"yr": "year", "year": "year", "annum": "year", "annually": "year", "yearly": "year",
            "hour": "hour", "hr": "hour", "hourly": "hour", "month": "month", "mo": "month",
            "monthly": "month", "week": "week"}


def _salary_from(m: re.Match) -> Salary | None:
    cur = m.group("code") or m.group("cur1") or m.group("cur2")
    if not cur:
        return None
    lo, hi = (float(m.group(f"num{i}").replace(",", "")) for i in (1, 2))
    k1, k2 = (m.group("k1") or "").lower(), (m.group("k2") or "").lower()
    if k2 and not k1 and lo < 1000:
        k1 = k2                                  # "$120-150K"
    lo *= {"k": 1e3, "m": 1e6}.get(k1, 1)
    hi *= {"k": 1e3, "m": 1e6}.get(k2, 1)
    if not (0 < lo <= hi <= lo * 10):
        return None
    per = m.group("per")
    period = _PERIODS[re.sub(r"^(?:/|per\s+|an?\s+)", "", per.lower())] if per else \
        ("hour" if hi < 500 else "year")
    if period == "year" and hi < 10_000:
        return None
    return Salary(low=lo, high=hi, currency=_CURRENCY[cur.strip()], period=period)


def _find_salary(doc: _Doc) -> Salary | None:
    text = doc.text
    anchors = sorted(doc.find_exact(_CURRENCY_SIGNS + _CODES))
    done = -1
    for a in anchors:
        if a < done:
            continue
        start = max(0, a - 40)
        while start > 0 and not text[start - 1].isspace() and a - start < 80:
            start -= 1
        for m in _SALARY_RE.finditer(text, start, min(len(text), a + 80)):
            sal = _salary_from(m)
            if sal:
                return sal
            done = max(done, m.end())
    return None


_NUMBER_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
                 "eight": 8, "nine": 9, "ten": 10, "twelve": 12, "fifteen": 15}
_YEARS_CORE_RE = re.compile(
    r"\b(?P<n>\d{1,2}|" + "|".join(_NUMBER_WORDS) + r")(?:\s*(?:-|–|—|to)\s*\d{1,2})?\s*"
    r"(?P<plus>\+|or\s+more|plus)?\s*(?:\(\d{1,2}\+?\)\s*)?(?:years?|yrs?)\b", re.I)
_YEARS_PRE_RE = re.compile(r"\b(?P<pre>at\s+least|minimum(?:\s+of)?|min\.?|over|more\s+than|less\s+than|up\s+to|"
                           r"under|fewer\s+than|maximum(?:\s+of)?)\s*(?:an?\s+)?$", re.I)
_YEARS_POST_RE = re.compile(r"\s+(?:of\s+)?(?:[\w/-]+\s+){0,5}?(?:experience|exp)\b", re.I)
_LEADERSHIP_RE = re.compile(r"\W*(?:of\s+)?(?:experience\s+|exp\s+)?(?:in\s+)?(?:leading|managing|"
                            r"people\s+management|management|leadership|mentoring|supervising|as\s+an?\s+"
                            r"(?:tech(?:nical)?\s+)?(?:lead|manager))", re.I)


def _find_min_years(doc: _Doc) -> int | None:
    text = doc.text
    general, leadership, seen = [], [], set()
    for a in sorted(doc.find_lower(("year", "yr"))):
        for m in _YEARS_CORE_RE.finditer(text, max(0, a - 30), min(len(text), a + 7)):
            if m.end() < a or m.start() in seen:
                continue
            seen.add(m.start())
            pre = _YEARS_PRE_RE.search(text, max(0, m.start() - 25), m.start())
            pre = pre.group("pre").lower() if pre else ""
            if pre[:2] in ("le", "up", "un", "fe", "ma"):      # less than / up to / under / … N years
                continue
            post = _YEARS_POST_RE.match(text, m.end(), min(len(text), m.end() + 80))
            if not (m.group("plus") or pre or post):
                continue
            word = m.group("n").lower()
            n = _NUMBER_WORDS[word] if word in _NUMBER_WORDS else int(word)
            start = post.end() if post else m.end()
            after = text[start:start + 40]
            if _LEADERSHIP_RE.match(after) or (post and re.search(
                    r"\b(?:leading|managing|management|leadership)\b", post.group().lower())):
                leadership.append(n)
            else:
                general.append(n)
    if general:
        return min(general)
    return min(leadership) if leadership else None


_PHD_RE = re.compile(r"\bPh\.?\s?D\b\.?|\bPHD\b|\bphd\b|\bdoctora(?:te|l)\b|\bDPhil\b", re.I)
_MASTER_RE = re.compile(r"\b[Mm]aster(?:'s|’s|s)\b|\bMaster of\b|\bmaster degree\b|\bM\.\s?S\.?(?=[\s/,)]|$)|"
                        r"\bMS\b|\bMSc\b|\bM\.Sc\b\.?|\bM\.?Eng\b|\bMBA\b|\bM\.A\.|\bMA\b|\bM\.?Tech\b")
_BACHELOR_RE = re.compile(r"\b[Bb]achelor(?:'s|’s|s)?\b|\bB\.\s?S\.?(?=[\s/,)]|$)|\bBS\b|\bBSc\b|\bB\.Sc\b\.?|"
                          r"\bB\.A\.|\bBA\b|\bB\.?Tech\b|\bB\.E\.|\bBEng\b|\b[Uu]ndergraduate degree\b")
_DEGREE_CONTEXT_RE = re.compile(
    r"\bdegrees?\b|\bdiploma\b|\bPh\.?\s?D\b|\bdoctora|\b[Bb]achelor|\b[Mm]aster(?:'s|’s|s)\b|"
    r"\b(?:B|M)\.?(?:S|A|Sc)\.?\s*(?:/|or\b|and\b|,)|\b(?:BS|MS|BA|MA|BSc|MSc|M\.S|B\.S)\.?\s+in\s+[A-Z]", re.I)
_DEGREE_WORDS_LOWER = ("degree", "bachelor", "master", "phd", "ph.", "doctora", "diploma", "undergraduate")
_DEGREE_WORDS_EXACT = ("BS", "MS", "BA", "MA", "B.", "M.", "BEng", "MEng", "BTech", "MTech")
# (field, regex, lower-case substrings one of which must be in the sentence, case-exact acronyms)
_FIELDS = (
    ("Computer Science", r"\bcomputer sciences?\b|\bcomp\.? ?sci\b\.?|(?-i:\bCS\b)", ("computer sci", "comp"), ("CS",)),
    ("Computer Engineering", r"\bcomputer engineering\b", ("computer eng",), ()),
    ("Electrical Engineering", r"\belectrical (?:and computer |& computer )?engineering\b|(?-i:\bEE\b)",
     ("electrical",), ("EE",)),
    ("Software Engineering", r"\bsoftware engineering\b", ("software eng",), ()),
    ("Machine Learning", r"\bmachine learning\b|(?-i:\bML\b)", ("machine learning",), ("ML",)),
    ("Artificial Intelligence", r"\bartificial intelligence\b|(?-i:\bAI\b)", ("artificial",), ("AI",)),
    ("Natural Language Processing", r"\bnatural language processing\b|(?-i:\bNLP\b)", ("natural lang",), ("NLP",)),
    ("Data Science", r"\bdata science\b", ("data science",), ()),
    ("Statistics", r"\bstatistics\b|\bstatistical science\b", ("statistic",), ()),
    ("Biostatistics", r"\bbiostatistics\b", ("biostat",), ()),
    ("Mathematics", r"\bmathematics\b|\bmaths?\b|\bapplied math\b", ("math",), ()),
    ("Physics", r"\bphysics\b", ("physics",), ()),
    ("Operations Research", r"\boperations research\b|(?-i:\bOR\b)(?=,| or)", ("operations res",), ("OR",)),
    ("Economics", r"\beconomics\b|\beconometrics\b", ("econom",), ()),
    ("Information Science", r"\binformation sciences?\b", ("information sci",), ()),
    ("Information Systems", r"\binformation systems\b", ("information sys",), ()),
    ("Computational Linguistics", r"\bcomputational linguistics\b", ("computational ling",), ()),
    ("Linguistics", r"(?<!computational )\blinguistics\b", ("linguistics",), ()),
    ("Cognitive Science", r"\bcognitive sciences?\b", ("cognitive sci",), ()),
    ("Neuroscience", r"\bneuroscience\b", ("neuroscience",), ()),
    ("Bioinformatics", r"\bbioinformatics\b|\bcomputational biology\b", ("bioinformatics", "computational bio"), ()),
    ("Biology", r"(?<!computational )\bbiology\b", ("biology",), ()),
    ("Chemistry", r"\bchemistry\b", ("chemistry",), ()),
    ("Finance", r"\bfinance\b", ("finance",), ()),
    ("Business Administration", r"\bbusiness administration\b", ("business admin",), ()),
)
_FIELD_RES = [(name, re.compile(rx, re.I), low, exact) for name, rx, low, exact in _FIELDS]
_SENTENCE_SPLIT_RE = re.compile(r"(?<=[.;!?])\s+(?=[A-Z])")
_SENTENCE_END_RE = re.compile(r"[.;!?]\s+[A-Z]")     # where _SENTENCE_SPLIT_RE splits; ~5x cheaper to find
_DEGREE_WORDS_IN_SENTENCE = ("degree", "phd", "ph.d", "bachelor", "master", "doctora", "diploma")
# Speed: the level and field regexes cost 5-20 µs per sentence when searched from its start. Every
# match of each one starts at one of a few substrings (for the levels see _sentence_levels; for the
# fields their hints in _FIELDS, where only "applied math" starts 8 characters before its hint
# "math"), so a regex is only *matched* at those places, in text order: the first success is the
# leftmost match, i.e. what search() returns. Places found in the lower-cased sentence are used only
# when it is ASCII (then it lines up with the sentence); otherwise the regex is searched as before.


def _occurrences(hay: str, needle: str, back: int = 0) -> list[int]:
    """Every ``hay.find(needle) - back`` (at least 0)."""
    out = []
    i = hay.find(needle)
    while i != -1:
        out.append(max(i - back, 0))
        i = hay.find(needle, i + 1)
    return out


def _matches_at(rx: re.Pattern, text: str, starts: Iterable[int]) -> bool:
    return any(rx.match(text, i) for i in starts)


def _sentence_levels(sent: str, low: str, aligned: bool) -> list[str]:
    out = []
    # every _BACHELOR_RE match starts at a "B", or one character before "achelor"/"ndergraduate degree"
    if _matches_at(_BACHELOR_RE, sent, _occurrences(sent, "B") + _occurrences(sent, "achelor", 1)
                   + _occurrences(sent, "ndergraduate degree", 1)):
        out.append("bachelor")
    # every _MASTER_RE match starts at an "M", or one character before "aster"
    if _matches_at(_MASTER_RE, sent, _occurrences(sent, "M") + _occurrences(sent, "aster", 1)):
        out.append("master")
    # _PHD_RE ignores case: its matches start at "ph" ("Ph.D", "PHD"), one before it ("DPhil") or at
    # "doctora" of the lower-cased sentence
    starts = _occurrences(low, "ph") + _occurrences(low, "ph", 1) + _occurrences(low, "doctora")
    if starts and (_matches_at(_PHD_RE, sent, starts) if aligned else _PHD_RE.search(sent)):
        out.append("phd")
    return out


_FIELD_RX = {name: rx for name, rx, _, _ in _FIELD_RES}
_FIELD_BACK = {"Mathematics": 8}        # "applied math" starts 8 characters before its hint "math"
_FIELD_HINTS: dict = {}                 # {"ac": automaton over the lower-case hints, hint: [field, …]}


def _field_starts(sent: str, low: str) -> dict[str, list[int]]:
    """{field: every place its regex may match} for the fields of _FIELDS with a hint in the sentence
    (a lower-case hint in ``low``, an exact one in ``sent``): each hint occurrence (less the field's
    back-off). Every match of a field's regex starts at one of them."""
    if not _FIELD_HINTS:
        import ahocorasick_rs

        for name, _, lower_hints, exact_hints in _FIELDS:
            for h in lower_hints:
                _FIELD_HINTS.setdefault(h, []).append(name)
            for h in exact_hints:
                _FIELD_HINTS.setdefault((h,), []).append(name)        # exact hints: a 1-tuple key
        hints = sorted(k for k in _FIELD_HINTS if isinstance(k, str))
        _FIELD_HINTS["ac"] = (ahocorasick_rs.AhoCorasick(hints), hints)
        _FIELD_HINTS["exact"] = sorted(k[0] for k in _FIELD_HINTS if isinstance(k, tuple))
    starts: dict[str, list[int]] = {}
    automaton, hints = _FIELD_HINTS["ac"]
    for k, i, _ in automaton.find_matches_as_indexes(low, overlapping=True):
        for name in _FIELD_HINTS[hints[k]]:
            back = _FIELD_BACK.get(name)
            starts.setdefault(name, []).extend((max(i - back, 0), i) if back else (i,))
    for h in _FIELD_HINTS["exact"]:
        i = sent.find(h)
        while i != -1:
            for name in _FIELD_HINTS[(h,)]:
                starts.setdefault(name, []).append(i)
            i = sent.find(h, i + 1)
    return starts


def _find_degrees(doc: _Doc) -> tuple[tuple[str, ...], tuple[str, ...]]:
    chunk = doc.lines_with(_DEGREE_WORDS_LOWER, _DEGREE_WORDS_EXACT)
    levels: set[str] = set()
    fields: dict[str, tuple[int, int]] = {}
    if not chunk:
        return (), ()
    sentences = (s for line in chunk.split("\n")
                 for s in (_SENTENCE_SPLIT_RE.split(line) if _SENTENCE_END_RE.search(line) else (line,)))
    for s_index, sent in enumerate(sentences):
        low = sent.lower()
        for w in _DEGREE_WORDS_IN_SENTENCE:
            if w in low:
                break
        else:
            if not _DEGREE_CONTEXT_RE.search(sent):
                continue
        aligned = sent.isascii()
        levels.update(_sentence_levels(sent, low, aligned))
        for name, starts in _field_starts(sent, low).items():
            if name in fields:
                continue
            rx = _FIELD_RX[name]
            if aligned:             # the leftmost match is the first place where the regex matches
                for i in sorted(set(starts)):
                    fm = rx.match(sent, i)
                    if fm:
                        break
            else:
                fm = rx.search(sent)
            if fm:
                fields[name] = (s_index, fm.start())
    order = ("bachelor", "master", "phd")
    return (tuple(lvl for lvl in order if lvl in levels),
            tuple(sorted(fields, key=lambda f: (fields[f], f))))


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


_MODE_ANCHORS = {
    "remote": ("remote", "from home", "from anywhere"),
    "hybrid": ("hybrid", "days a week", "days per week", "days each week"),
    "on-site": ("on-site", "onsite", "on site", "in-office", "in office", "in-person", "in person", "remote",
                "days a week", "days per week"),
}
_MODE_PATTERNS = {
    "remote": re.compile(
        r"\b(?:fully|100%|completely|entirely)\s+remote\b|\bremote[- ](?:first|friendly|eligible|position|"
        r"role|job|opportunity|work|working|option|available)\b|(?:\b|(?<=[a-z]))Remote in\b|"
        r"^\s*Remote\s*$|\(Remote\)|\bRemote\s*[-–—,|/]\s*(?:US|USA|United States|Worldwide|Global|Anywhere|"
        r"[A-Z][a-z]+)\b|\bwork(?:ing)?\s+remotely\b|\bwork from (?:home|anywhere)\b|"
        r"\bthis (?:position|role|job) is remote\b|\bis a remote (?:position|role|job)\b", re.I | re.M),
    "hybrid": re.compile(
        r"\bhybrid\s+(?:position|role|work|working|model|schedule|arrangement|environment|opportunity|job)\b|"
        r"\b(?:is|be|are)\s+hybrid\b|^\s*Hybrid\s*$|\(Hybrid\)|"
        r"\b\d\s*(?:-\s*\d\s*)?days?\s+(?:a|per|each)\s+week\s+(?:in|at|from)\s+(?:the|our|an?)?\s*office\b|"
        r"\bin[- ]office\s+\d\s*(?:-\s*\d\s*)?days?\s+(?:a|per)\s+week\b", re.I | re.M),
    "on-site": re.compile(
        r"\bon[- ]?site\b(?!\s+interviews?)(?=\s+(?:position|role|job|only|work)\b|\s*$|\s*\))|"
        r"\b(?:fully|100%)\s+(?:in[- ]office|in[- ]person|on[- ]?site)\b|\bin[- ]office\s+(?:position|role|job)\b|"
        r"\b(?:5|five)\s+days\s+(?:a|per)\s+week\s+in\s+(?:the|our)\s+office\b|"
        r"\bthis (?:position|role|job) is (?:on[- ]?site|in[- ]office|in[- ]person)\b|\bnot (?:a )?remote\b",
        re.I | re.M),
}
_MODE_TAG_RE = re.compile(r"#LI-(Remote|Hybrid|On-?site)\b", re.I)


def _find_work_mode(doc: _Doc) -> str | None:
    """Work mode from explicit statements, else from LinkedIn tags (#LI-Remote/#LI-Hybrid/#LI-Onsite).

    Statements: "Remote in …", "fully remote", "remote role", "(Remote)", "work remotely" -> remote;
    "hybrid position/role/schedule", "3 days a week in the office" -> hybrid; "on-site role",
    "fully in-office", "not remote" -> on-site. Occasional in-office gatherings ("in the office …
    1-2 times per quarter", "gather for key moments") are not a mode of their own, so a posting
    that names remote work and such visits is remote. When statements name several modes, hybrid
    wins if named, and remote + on-site together also mean hybrid; tags count only when no
    statement is found.
    """
    text, found = doc.text, set()
    for mode, rx in _MODE_PATTERNS.items():
        for i in doc.find_lower(_MODE_ANCHORS[mode]):
            s = max(text.rfind("\n", 0, i) + 1, i - 80)
            e = text.find("\n", i)
            if rx.search(text, s, min(len(text) if e == -1 else e, i + 80)):
                found.add(mode)
                break
    if not found:
        tags = doc.lines_with(("#li-",))
        found = {t.lower().replace("-", "").replace("onsite", "on-site") for t in _MODE_TAG_RE.findall(tags)}
    if not found:
        return None
    if len(found) == 1:
        return found.pop()
    return "hybrid"


def extract_metadata(text: str, *, title: str | None = None) -> dict:
    """Posting metadata found in ``text`` (keys are :class:`~skillgraph.model.Posting` fields).

    ``title`` (e.g. a record's own title field) is used for seniority instead of the found one.

    * ``title`` — "Title: X"; else the first short line among the first lines that looks like a
      job title (mostly capitalised words, contains Engineer/Scientist/Manager/Lead/…); else
      "X is looking for a <Title> to …".
    * ``company`` — votes from "Company: X", "X is looking for/hiring", an "About X" line,
      "At X, we …", a short name line next to the title ("Pinterest", "Pinterest · Consumer · …"),
      "X is an equal opportunity employer"; the most-voted name wins.
    * ``locations`` — "Location(s): …", or "City, ST[, Country]" / country segments in the first
      lines, "🇺🇸 United States", "Remote in X", "located/based in X"; "US"/"USA" -> "United States".
    * ``salary`` — the first currency range ("$138,905 - $285,982", "$189K — $332K",
      "$189,308—$389,753 USD", "£50k-£60k per year"); period from "/hr", "per year", …, else hour
      below 500 and year otherwise.
    * ``min_years`` — the smallest N of "N+ years", "at least N years", "N-M years of … experience",
      "N or more years"; "less than/up to N years" is ignored, and "N+ years experience leading …"
      (a leadership add-on) counts only if nothing else does.
    * ``degrees`` — bachelor/master/phd named in degree sentences ("M.S. or PhD", "BS/MS",
      "Masters"); ``degree_fields`` — fields named there, in order ("Computer Science", …).
    * ``seniority`` — :func:`seniority_from_title`; ``work_mode`` — see ``_find_work_mode``.
    """
    doc = _Doc(text)
    hiring = _hiring_anchors(doc)
    found_title, title_index = _find_title(doc, hiring)
    degrees, fields = _find_degrees(doc)
    return {
        "title": found_title,
        "company": _find_company(doc, title_index, hiring),
        "locations": _find_locations(doc),
        "salary": _find_salary(doc),
        "min_years": _find_min_years(doc),
        "degrees": degrees,
        "degree_fields": fields,
        "seniority": seniority_from_title(title or found_title),
        "work_mode": _find_work_mode(doc),
    }


# ================================================================================================
# Reading files
# ================================================================================================

class _Sink:
    """Raise, or (skip_bad) warn and go on."""

    def __init__(self, skip_bad: bool, warn: Callable[[str], None]):
        self.skip_bad, self.warn = skip_bad, warn

    def fail(self, exc: InputError) -> None:
        if not self.skip_bad:
            raise exc
        self.warn(str(exc))


_KEY_SEP_RE = re.compile(r"[\s\-]+")
_NORM_KEYS: dict[str, str] = {}


def _norm_key(key: str) -> str:
    norm = _NORM_KEYS.get(key) if isinstance(key, str) else None
    if norm is None:
        norm = _KEY_SEP_RE.sub("_", str(key).strip().lower())
        if isinstance(key, str) and len(_NORM_KEYS) < 10_000:     # field names repeat record after record
            _NORM_KEYS[key] = norm
    return norm


def _key_map(rec: dict) -> dict[str, str]:
    """{normalised field name: field name} (a later field wins when two normalise alike)."""
    return {_norm_key(k): k for k in rec}


def _field(rec: dict, names: Iterable[str], keys: dict[str, str] | None = None) -> tuple[str | None, object]:
    if keys is None:
        keys = _key_map(rec)
    for n in names:
        if n in keys:
            return keys[n], rec[keys[n]]
    return None, None


def _plain(value) -> str | None:
    if value is None:
        return None
    if isinstance(value, list):
        value = "; ".join(str(v) for v in value if v not in (None, ""))
    value = str(value).strip()
    if "&" in value:
        value = html.unescape(value)
    return value or None


def _stringify(value) -> str:
    if isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def _posting(pid: str, source: str, raw: str, repaired: bool, *, is_html: bool | None,
             record: dict | None = None, text_key: str | None = None,
             keys: dict[str, str] | None = None) -> Posting:
    text, fixed = repair(raw, is_html=is_html)
    if not text or text.isspace():                 # (not text.strip(), without copying the text)
        raise InputError("empty")
    fields: dict = {}
    extra: list[tuple[str, str]] = []
    if record is not None:
        used = {text_key}
        if keys is None:
            keys = _key_map(record)
        for names, key in ((_ID_FIELDS, "id"), (_TITLE_FIELDS, "title"), (_COMPANY_FIELDS, "company"),
                           (_LOCATION_FIELDS, "locations")):
            k, v = _field(record, names, keys)
            if k is not None:
                used.add(k)
                if key == "locations":
                    locs = v if isinstance(v, list) else re.split(r"\s*[;|]\s*", str(v or ""))
                    locs = [_plain(x.get("name") if isinstance(x, dict) else x) for x in locs]
                    fields["locations"] = tuple(x for x in locs if x)
                elif key == "id":
                    if v not in (None, ""):
                        pid = str(v).strip()
                else:
                    fields[key] = _plain(v)
        extra = sorted((str(k), _stringify(v)) for k, v in record.items()
                       if k not in used and v is not None)
    meta = extract_metadata(text, title=fields.get("title"))
    for key in ("title", "company", "locations"):
        if fields.get(key):
            meta[key] = fields[key]
    return Posting(id=pid, source=source, text=text, repaired=repaired or fixed, extra=tuple(extra),
                   **meta)


def _empty_error(path: str, line: int | None, what: str = "empty posting (no text)") -> InputError:
    return _error(path, line, what, "add the posting text or remove the file/record")


def _records_to_postings(records, path: str, name: str, sink: _Sink, repaired: bool,
                         *, numbered_by: str) -> Iterator[Posting]:
    """records: iterable of (number, record or error). ``numbered_by`` is "line" or "record"."""
    for number, rec in records:
        where_line = number if numbered_by == "line" else None     # a .json record number is no line
        if isinstance(rec, InputError):
            sink.fail(rec)
            continue
        if not isinstance(rec, dict):
            kind = type(rec).__name__ if not isinstance(rec, list) else "list"
            sink.fail(_error(path, where_line, f"{numbered_by} {number} is a JSON {kind}, not an object",
                             'make every posting an object such as {"id": …, "text": …}'))
            continue
        keys = _key_map(rec)
        key, value = _field(rec, TEXT_FIELDS, keys)
        if key is None:
            sink.fail(_error(path, where_line, f"{numbered_by} {number} has no text field "
                             f"(one of {', '.join(TEXT_FIELDS)}); it has {', '.join(map(str, rec)) or 'no fields'}",
                             "rename the field that holds the posting text"))
            continue
        if isinstance(value, list):
            value = "\n".join(str(v) for v in value if v is not None)
        if not isinstance(value, str) or not value or value.isspace():
            sink.fail(_empty_error(path, where_line, f"{numbered_by} {number} has an empty '{key}' field"))
            continue
        try:
            yield _posting(f"{name}:{number}", f"{path}:{number}", value, repaired, is_html=None,
                           record=rec, text_key=key, keys=keys)
        except InputError:
            sink.fail(_empty_error(path, where_line, f"{numbered_by} {number} has no text after repair"))


def _json_error(path: str, exc: json.JSONDecodeError, jsonl: bool) -> InputError:
    fix = ("each line of a .jsonl file must be one complete JSON object" if jsonl else
           "rename the file to .jsonl (it holds one object per line)" if exc.msg == "Extra data" else
           f"fix the JSON (`python -m json.tool {path}` points at the spot)")
    return _error(path, exc.lineno if not jsonl else None,
                  f"invalid JSON at column {exc.colno}: {exc.msg}", fix)


def _read_json(text: str, path: str, name: str, sink: _Sink, repaired: bool) -> Iterator[Posting]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        sink.fail(_json_error(path, exc, jsonl=False))
        return
    if isinstance(data, dict) and _field(data, TEXT_FIELDS)[0] is None:
        lists = [k for k, v in data.items() if isinstance(v, list)]
        wrapped = [k for k in lists if _norm_key(k) in _WRAPPER_KEYS] or (lists if len(lists) == 1 else [])
        if wrapped:
            data = data[wrapped[0]]
    if isinstance(data, dict):
        key, value = _field(data, TEXT_FIELDS)
        if key is None:
            sink.fail(_error(path, None, f"the JSON object has no text field (one of {', '.join(TEXT_FIELDS)})",
                             "rename the field that holds the posting text"))
            return
        if not isinstance(value, str) or not value.strip():
            sink.fail(_empty_error(path, None, f"empty '{key}' field"))
            return
        try:
            yield _posting(name, path, value, repaired, is_html=None, record=data, text_key=key)
        except InputError:
            sink.fail(_empty_error(path, None))
        return
    if not isinstance(data, list):
        sink.fail(_error(path, None, f"the JSON is a {type(data).__name__}, not an object or an array of objects",
                         "store one posting object or an array of them"))
        return
    if not data:
        sink.fail(_error(path, None, "the JSON array holds no postings", "add posting objects or remove the file"))
        return
    yield from _records_to_postings(enumerate(data, 1), path, name, sink, repaired, numbered_by="record")


def _jsonl_records(text: str, path: str):
    for lineno, line in enumerate(text.split("\n"), 1):
        if not line or line.isspace():
            continue
        try:
            yield lineno, json.loads(line)
        except json.JSONDecodeError as exc:
            yield lineno, _error(path, lineno, f"invalid JSON at column {exc.colno}: {exc.msg}",
                                 "each line of a .jsonl file must be one complete JSON object")


def _read_jsonl(text: str, path: str, name: str, sink: _Sink, repaired: bool) -> Iterator[Posting]:
    if not text.strip():
        sink.fail(_empty_error(path, None, "empty file (no JSON lines)"))
        return
    yield from _records_to_postings(_jsonl_records(text, path), path, name, sink, repaired, numbered_by="line")


def _read_csv(text: str, path: str, name: str, sink: _Sink, repaired: bool) -> Iterator[Posting]:
    first_line = text.split("\n", 1)[0]
    delimiter, header = ",", []
    for d in (",", ";", "\t", "|"):
        cols = next(csv.reader([first_line], delimiter=d), [])
        if any(_norm_key(c) in TEXT_FIELDS for c in cols):
            delimiter, header = d, cols
            break
    if not header:
        cols = next(csv.reader([first_line]), [])
        sink.fail(_error(path, 1, "no text column in the CSV header "
                         f"({', '.join(cols) or 'empty'}); expected one of {', '.join(TEXT_FIELDS)}",
                         "name the column that holds the posting text 'text' or 'description'"))
        return
    old_limit = csv.field_size_limit()
    csv.field_size_limit(max(old_limit, 1 << 30))
    try:
        reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
        next(reader)
        norm = [_norm_key(c) for c in header]
        text_col = next(norm.index(f) for f in TEXT_FIELDS if f in norm)
        while True:
            start = reader.line_num + 1
            try:
                row = next(reader)
            except StopIteration:
                break
            except csv.Error as exc:
                sink.fail(_error(path, start, f"unreadable CSV row ({exc})",
                                 'quote fields that contain the delimiter, quotes ("") or line breaks'))
                return
            if not row or not any(c.strip() for c in row):
                continue
            if len(row) > len(header):
                sink.fail(_error(path, start, f"row has {len(row)} fields but the header has {len(header)}",
                                 "quote fields that contain the delimiter"))
                continue
            rec = dict(zip(header, row))
            if len(row) <= text_col or not row[text_col].strip():
                sink.fail(_empty_error(path, start, f"row has an empty or missing '{header[text_col]}' field"))
                continue
            rec = {k: v for k, v in rec.items() if v != "" or k == header[text_col]}
            yield from _records_to_postings([(start, rec)], path, name, sink, repaired, numbered_by="line")
    finally:
        csv.field_size_limit(old_limit)


def _read_text(text: str, path: str, name: str, sink: _Sink, repaired: bool, is_html: bool | None):
    try:
        yield _posting(name, path, text, repaired, is_html=is_html)
    except InputError:
        sink.fail(_empty_error(path, None))


def _sniff(text: str) -> str:
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


def _read_source(display: str, name: str, sink: _Sink, data: bytes, ext: str) -> Iterator[Posting]:
    try:
        text, repaired = _decode(data, display)
    except InputError as exc:
        sink.fail(exc)
        return
    if ext == "-":
        ext = {"json": ".json", "jsonl": ".jsonl", "text": ""}[_sniff(text)]
    if ext == ".json":
        yield from _read_json(text, display, name, sink, repaired)
    elif ext == ".jsonl":
        yield from _read_jsonl(text, display, name, sink, repaired)
    elif ext == ".csv":
        yield from _read_csv(text, display, name, sink, repaired)
    else:
        is_html = True if ext in (".html", ".htm") else None
        yield from _read_text(text, display, name, sink, repaired, is_html)


def _collect(paths, sink: _Sink) -> list[tuple[str, str, str]]:
    """(display path, relative name, extension) for every input; '-' is stdin."""
    out: list[tuple[str, str, str]] = []
    seen: set[str] = set()
    for p in paths:
        p = os.fspath(p)
        if p == "-":
            out.append(("-", "stdin", "-"))
            continue
        if os.path.isdir(p):
            found = []
            for root, dirs, files in os.walk(p):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for f in files:
                    if not f.startswith(".") and os.path.splitext(f)[1].lower() in SUPPORTED_EXTENSIONS:
                        full = os.path.join(root, f)
                        found.append((Path(os.path.relpath(full, p)).as_posix(), full))
            if not found:
                sink.fail(_error(p, None, "directory holds no posting files "
                                 f"({', '.join(SUPPORTED_EXTENSIONS)})", "point at the folder with the postings"))
            for rel, full in sorted(found, key=lambda t: t[0].split("/")):
                key = os.path.realpath(full)
                if key not in seen:
                    seen.add(key)
                    out.append((full, rel, os.path.splitext(full)[1].lower()))
            continue
        key = os.path.realpath(p)
        if key in seen:
            continue
        seen.add(key)
        out.append((p, Path(p).as_posix(), os.path.splitext(p)[1].lower()))
    return out


def read_postings(paths, *, skip_bad: bool = False,
                  warn: Callable[[str], None] | None = None) -> Iterator[Posting]:
    """Yield one :class:`Posting` per posting in ``paths`` (str/Path or a list of them).

    * A directory is walked recursively in sorted order, taking files with
      :data:`SUPPORTED_EXTENSIONS` (hidden files and folders are skipped); a file named explicitly
      is read whatever its extension (unknown ones as text); ``-`` reads stdin and sniffs its format
      (JSON array/object, JSON lines, else text or HTML).
    * Whole files (.txt/.md/.html): ``id`` is the file's base name ("000_17269b5361c6fef0.txt"),
      or its relative path when two inputs share a base name; ``source`` is the path.
    * Records (.json/.jsonl/.csv): ``id`` is the record's own id field (id, job_id, uuid, …) when it
      has one, else "<file name>:<number>"; ``source`` is "<path>:<number>". The number is the line
      for .jsonl and .csv (the row's first line) and the 1-based record index for a .json array.
      Text fields may be HTML. title/company/location(s) fields win over what the text says; other
      fields are kept in ``Posting.extra``.
    * Bad input raises :class:`InputError` ("<path>[:<line>]: <what> — <how to fix>"); with
      ``skip_bad=True``, ``warn(message)`` (default: print to stderr) is called instead and
      reading goes on with the next record or file.
    """
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    sink = _Sink(skip_bad, warn or _stderr_warn)
    inputs = _collect(paths, sink)
    base_counts = Counter(os.path.basename(rel) for disp, rel, ext in inputs if disp != "-")
    for display, rel, ext in inputs:
        if display == "-":
            stream = getattr(sys.stdin, "buffer", None)
            data = stream.read() if stream is not None else sys.stdin.read().encode("utf-8")
            yield from _read_source("-", "stdin", sink, data, "-")
            continue
        base = os.path.basename(rel)
        name = base if base_counts[base] == 1 else rel
        try:
            with open(display, "rb") as fh:
                data = fh.read()
        except FileNotFoundError:
            sink.fail(_error(display, None, "no such file or directory", "check the path"))
            continue
        except OSError as exc:
            sink.fail(_error(display, None, f"cannot read the file ({exc.strerror or exc})",
                             "check the path and its permissions"))
            continue
        yield from _read_source(display, name, sink, data, ext)
