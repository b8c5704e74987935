"""HTML -> plain text that keeps the block structure, and the test for "is this HTML?".

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
"""
from __future__ import annotations

import re
from html.parser import HTMLParser

__all__ = ["html_to_text", "looks_like_html"]

_HTML_TAG_RE = re.compile(
    r"<(/?)(p|div|br|li|ul|ol|span|strong|b|em|i|u|h[1-6]|a|table|tr|td|th|tbody|thead|html|body|"
    r"head|section|article|header|footer|font|blockquote|pre|code|dl|dt|dd|hr|img|meta|title|style|"
    r"script|main|nav|small|sup|sub)\b[^<>]*>", re.I)
_DOCTYPE_RE = re.compile(r"<!doctype\s+html|<html[\s>]", re.I)
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
    "text",   # SVG <text>: one label per line, not run together
})
_PARA_TAGS = frozenset({"p", "h1", "h2", "h3", "h4", "h5", "h6", "pre", "blockquote", "table", "hr"})
_LIST_TAGS = frozenset({"ul", "ol", "menu"})
_SKIP_TAGS = frozenset({"script", "style", "noscript", "template", "title", "object", "iframe"})
_VOID_TAGS = frozenset({"br", "hr", "img", "input", "meta", "link", "area", "base", "col", "embed",
                        "param", "source", "track", "wbr"})
_WS_RE = re.compile(r"[ \t\n\r\f\v]+")


class _HTMLToText(HTMLParser):
    """Block-structured text from HTML (the layout is in the module docstring)."""

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
            self._open_list()
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

    def _open_list(self) -> None:
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
