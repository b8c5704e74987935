"""A posting's text with the cheap views every metadata finder shares (:class:`Doc`).

Speed: the extractor reads thousands of postings/s, and every full regex scan of a 5 kB posting
costs ~0.3 ms in Python's re (a str.find ~5 µs, an automaton pass ~60 µs). So the text is passed
over whole only a few times, all in Doc: one Aho-Corasick pass for the lower-case anchor words,
one regex scan for the exact ones (both :mod:`.anchors`), the positions of ":". Each finder then
runs its regexes only on the lines or small windows around its anchors:

* first-lines rules (title, the name line next to it, "City, ST" lines) read ``doc.head``, the
  first 16 non-blank lines, split from a prefix of the text;
* "Label: value" rules (Company:, Location:) read ``doc.colon_lines``, the lines holding ":";
* other line rules ("About X") read the lines holding their anchor (``doc.lines_holding``).

The results are what the plain computation gives (tests/ingest/test_ingest_doc.py and
test_ingest_degrees.py check each shortcut against it).
"""
from __future__ import annotations

from typing import Iterable

from .anchors import anchor_index

__all__ = ["Doc"]


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


class Doc:
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
            anchors = anchor_index()
            if exact:
                # the regex skips to the few characters exact anchors start with ($ £ € ₹ A B C E G I
                # M S U): ~2x cheaper than an automaton. No anchor is a prefix of another, so
                # searching again from each start + 1 finds every occurrence, overlapping ones too.
                rx, text = anchors.exact_re, self.text
                m = rx.search(text)
                while m:
                    idx.setdefault(m.group(), []).append(m.start())
                    m = rx.search(text, m.start() + 1)
                self._exact = idx
            else:
                automaton, words = anchors.automaton, anchors.words
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
        known = anchor_index().lower
        for w in words:
            got = idx.get(w)
            if got is not None:
                out += got
            elif w not in known:
                out += _positions(self.low, (w,))
        return out

    def find_exact(self, words: Iterable[str]) -> list[int]:
        """Positions of ``words`` in the text, case as given."""
        idx, out = self._exact if self._exact is not None else self._index(True), []
        known = anchor_index().exact
        for w in words:
            got = idx.get(w)
            if got is not None:
                out += got
            elif w not in known:
                out += _positions(self.text, (w,))
        return out

    def lines_with(self, lower: Iterable[str] = (), exact: Iterable[str] = ()) -> str:
        pos = self.find_lower(lower) + self.find_exact(exact)
        return _lines_at(self.text, pos) if pos else ""
