"""Segmentation: lines, section headings and sentences, each with the level its section implies.

Headings are found by shape and by cue ("What we're looking for", "Nice to have", "About us" …);
sentences by a rule-based splitter (line breaks and sentence punctuation, abbreviation-aware), which
keeps extraction faster than spaCy's tokenizer alone (``benchmarks/bench_extract.py``).
:class:`SentenceIndex` splits a line into sentences only when a mention falls in it.

:func:`heading_level`, :func:`sentence_level`, :func:`line_shape`, :func:`short_shape` and
:func:`line_segments` are looked up as this module's globals on every call (the benchmark swaps them
for their uncached versions here).
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterator, NamedTuple, Sequence

from . import level_model
from .cues import DUTY_VERBS, NOT_HIRED
from .header import _HEADER_MAX, header_line, is_field  # noqa: F401  (_HEADER_MAX: re-exported for tests)
from .header import SENT_END as _SENT_END
from .inline import INLINE_BULLET, InlineHeading, glued_boundaries, inline_headings, tail_headings
from .levels import ask_item, heading_level, preferred_parts, prose_level, sentence_level

__all__ = ["Line", "Segment", "SentenceIndex", "headings", "line_pieces", "lines", "segment", "split_sentences"]

_BULLET = re.compile(r"^\s*(?:[-*\u2022\u25cf\u25aa\u2023\u2043\u00b7]|\d{1,2}[.)]|[a-z][.)])\s+")
_ABBREV = re.compile(r"(?:\b(?:e\.g|i\.e|etc|vs|sr|jr|dr|mr|ms|mrs|inc|co|ltd|no|approx|incl|st|dept|[a-z])|"
                     r"\b(?:[A-Z]\.){1,3}[A-Z]?|\bPh\.D|\bM\.S|\bB\.S|\bM\.Sc|\bB\.Sc)\.$", re.I)
_DIGIT = re.compile(r"\d")
_MINOR = frozenset("and of the for to a an in & at by with on or your our you".split())


class Segment(NamedTuple):
    """A sentence (or heading line), the section it sits in and the level that implies."""

    start: int
    end: int
    section: str | None
    level: str


@dataclass(frozen=True)
class Line:
    start: int
    end: int
    section: str | None
    level: str
    heading: bool


def _strip_heading(line: str) -> str:
    h = _BULLET.sub("", line).strip().strip("*#").strip()
    return h


_NO, _YES, _ASK_TITLED, _ASK = range(4)


def _shape(line: str) -> int:
    """What one line alone says of :func:`_is_heading`: no, yes, or ask its neighbours (with whether
    its words are title case, which decides when the line after it is text)."""
    raw = line.strip()
    if not raw or len(raw) > 70:
        return _NO
    bullet = bool(_BULLET.match(line))
    h = _strip_heading(line)
    if not bullet and h.endswith(("\u2026", "...")) and len(h.split()) <= 8 and heading_level(h) is not None \
            and all(w[0].isupper() for w in h.split() if w.lower() not in _MINOR and w[0].isalpha()):
        return _YES   # "We're Excited About You Because You Have…" (title case): a lead-in to the list below
    if not h or len(h.split()) > 8 or h[-1] in ".,;!?\u2026" or h.startswith(("#", "$")):
        return _NO
    if bullet:  # "- Nice to have:" inside a list (HTML <li><strong>…</strong><ul>)
        return _YES if h.endswith(":") and heading_level(h) is not None else _NO
    if h.endswith(":"):
        return _YES
    digits = _DIGIT.search(h) is not None
    words = h.split()
    if len(words) >= 4 and words[0].lower() in DUTY_VERBS and not (
            heading_level(words[-1]) is not None and all(w[0].isupper() for w in words if w[0].isalpha())):
        return _NO     # "Support RMA analysis and reliability/qualification activities": a duty, not a heading
        #                (not "Lead Data Engineer Requirements": title case, ending in a heading word)
    if len(words) <= 6 and not digits and heading_level(h) is not None:
        return _YES
    if not (h[0].isupper() and 2 <= len(words) <= 5 and not digits and "," not in h):
        return _NO
    titled = all(w[0].isupper() for w in words if w.lower() not in _MINOR and w[0].isalpha())
    return _ASK_TITLED if titled else _ASK


line_shape = lru_cache(maxsize=1 << 15)(_shape)
""":func:`_shape` cached per distinct line (``line_cache`` in :mod:`skillgraph.speed`)."""


def _short_shape(line: str) -> int:
    """:func:`line_shape` of a short line of :func:`headings` (``\r`` and all), :data:`_NO` already for
    a line too long, too wordy or ending like a sentence to be a heading."""
    stripped = line.rstrip("\r").strip()
    if not stripped or len(stripped) > 70 or stripped.count(" ") > 9 or \
            (stripped[-1] in ".,;!?" and not stripped.endswith("...")):
        return _NO
    return line_shape(line.rstrip("\r"))


short_shape = lru_cache(maxsize=1 << 15)(_short_shape)
""":func:`_short_shape` cached per distinct line (``line_cache`` in :mod:`skillgraph.speed`): one
lookup instead of five string tests for each short line of a posting."""


def _is_heading(line: str, neighbours=lambda: ("text", None)) -> bool:
    """A section heading: a short line that ends in ':' or names a known section, or a short
    capitalised line standing alone (after a blank line or a list, before a blank line or a list).
    ``neighbours()`` gives what the line before is ("blank", "bullet", "text") and the line after
    (None at the end); it is only asked when the line alone does not settle it."""
    shape = line_shape(line)
    if shape == _NO or shape == _YES:
        return shape == _YES
    prev, next_line = neighbours()
    if prev in ("blank", "bullet"):
        return next_line is None or not next_line.strip() or bool(_BULLET.match(next_line)) or shape == _ASK_TITLED
    return False


_NOT_HIRED = re.compile(NOT_HIRED, re.I)


def _job_title(section: str, next_line: str | None) -> bool:
    """A job title over a list ("Backend Engineer:" then "- Python or C++"): a role the post hires for."""
    if next_line is None or not _BULLET.match(next_line) or _NOT_HIRED.search(section):
        return False
    from skillgraph.ingest.metadata.title import looks_like_title  # only asked of a heading no cue knows

    return looks_like_title(section)


def headings(text: str) -> list[tuple[int, int, str, str]]:
    """(start, end, section, level) of every heading line. Only short lines (at most 80 characters)
    are looked at, each with the line before it (blank? a list item?) and the line after it."""
    out = []
    n = len(text)
    e = -1
    for line in text.split("\n"):   # one C pass; a MULTILINE regex tries every position
        s = e + 1
        e = s + len(line)
        if len(line) > 80 or not line or short_shape(line) == _NO:   # most lines: no neighbours asked
            continue
        body = line.rstrip("\r")
        stripped = body.strip()

        def neighbours(s=s, e=e):
            if s == 0:
                prev = "blank"
            else:
                pl = text[text.rfind("\n", 0, s - 1) + 1:s - 1]
                prev = "blank" if not pl.strip() else ("bullet" if _BULLET.match(pl) else "text")
            if e < n:
                ne = text.find("\n", e + 1)
                return prev, text[e + 1:ne if ne >= 0 else n]
            return prev, None

        if _is_heading(body, neighbours):
            section = _strip_heading(body).rstrip(":").strip()
            level = heading_level(section)
            if level in ("context", None) and is_field(section):
                continue      # "Location: Leeds, Bristol", a URL: a field of the posting, not a section
            if level is None and stripped.rstrip("*").endswith(":") and _job_title(section, neighbours()[1]):
                level = "required"   # "Backend Engineer:" over its list, in a post hiring for several roles
            if level == "required" and out and out[-1][3] == "preferred" and ask_item(section) and \
                    not stripped.rstrip("*").endswith(":"):
                continue      # "AWS or cloud BI experience" under "Desirable": an ask of its list, no heading
            out.append((s, s + len(body), section, level or "context"))
    return sorted(out + tail_headings(text)) if "\n" in text else out   # "…reporting.Key Responsibilities"


def _header_segment(text: str, span: tuple[int, int]) -> Segment:
    return Segment(span[0], span[1], None, sentence_level("required", text[span[0]:span[1]]))


def lines(text: str) -> list[Line]:
    """Non-blank lines with the section heading above them (headings are lines of their own)."""
    heads = {h[0]: h for h in headings(text)}
    inside = sorted(k for k in heads if k and text[k - 1] != "\n")   # glued to a line's end: opens the next lines
    out: list[Line] = []
    section: str | None = None
    level = "context"
    pos = 0
    for raw in text.split("\n"):
        s = pos
        pos += len(raw) + 1
        body = raw.rstrip("\r")
        if not body.strip():
            continue
        h = heads.get(s)
        if h is not None:
            section, level = h[2], h[3]
        out.append(Line(s, s + len(body), section, level, h is not None))   # a skill in a heading takes its level
        while inside and inside[0] < pos:
            section, level = heads[inside.pop(0)][2:4]
    return out


def segment(text: str) -> list[Segment]:
    """Sentences with the section heading above them and the level that section implies."""
    out: list[Segment] = []
    head = header_line(text)
    if head is not None:
        out.append(_header_segment(text, head))
    for ln in lines(text):
        base = ln.start
        if head is not None and ln.start < head[1]:
            if ln.end <= head[1]:
                continue
            base = head[1]            # a flattened page: the prose after its header fields
        elif ln.heading:
            out.append(Segment(ln.start, ln.end, ln.section, ln.level))   # as SentenceIndex: the heading's level
            continue
        for a, b, ih in line_pieces(text[base:ln.end], heading_level(ln.section) if ln.section else None):
            section, level = (ln.section, ln.level) if ih is None else (ih.section, ih.level)
            out.append(Segment(base + a, base + b, section, level))
    return out


def line_pieces(line: str, line_level: str | None = None) -> list[tuple[int, int, InlineHeading | None]]:
    """The sentences of one line (:func:`split_sentences`), cut again where a flattened page glued a
    heading or a sentence to the text before it (:mod:`.inline`), each with the inline heading whose
    level it takes (None: the line's own section). ``line_level``, the level of a recognised heading
    above the line, wins over inline ones unless it is context ("Nice to have\n- Experience: Kafka"
    stays preferred; a flattened page under "About the job" keeps its inline sections)."""
    sents = list(split_sentences(line))
    glued = glued_boundaries(line)
    heads = inline_headings(line, glued) if glued or ":" in line or INLINE_BULLET.search(line) else []
    if not glued and not heads:
        return [(a, b, None) for a, b in sents]
    cuts = sorted({*glued, *(h.start for h in heads)})
    starts = [h.start for h in heads]
    kept = line_level not in (None, "context", "responsibility")
    out = []
    for a, b in sents:
        k = bisect_right(cuts, a)
        for c in [*cuts[k:bisect_right(cuts, b - 1)], b]:
            s, e = a, c
            while s < e and line[s].isspace():
                s += 1
            while e > s and line[e - 1].isspace():
                e -= 1
            if e > s:
                j = bisect_right(starts, s) - 1
                ih = heads[j] if j >= 0 and not kept else None
                out.append((s, e, None if ih is None or ih.level is None else ih))
            a = c
    return out


def split_sentences(line: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each sentence of one line: at sentence punctuation before a capital, a digit
    or a bullet, not after an abbreviation ("e.g.", "M.S.", "Ph.D."); surrounding blanks trimmed."""
    start = len(line) - len(line.lstrip())
    for m in _SENT_END.finditer(line):
        cut = m.start()
        if _ABBREV.search(line[max(start, cut - 8):cut + 1]):
            continue
        end = m.end()
        seg_end = m.start() + len(m.group().rstrip())   # not line[:end]: that is quadratic on one long line
        if seg_end > start:
            yield start, seg_end
        start = end
    tail_end = len(line.rstrip())
    if tail_end > start:
        yield start, tail_end


def _level(level: str, sentence: str, settled: bool) -> str:
    """The rules' level; where no recognised heading settles the sentence and its cues leave it
    context, the classifier's level when it is sure enough (:mod:`.level_model`)."""
    if settled or level != "context":     # a heading no cue knows can still carry a level ("Backend Engineer:")
        return sentence_level(level, sentence)
    lv = prose_level(sentence)         # unsettled: a preferred or stack cue too (not under "About us")
    if lv != "context" or not level_model.enabled() or not level_model.applies(sentence):
        return lv
    got, p = level_model.classify(sentence)
    return got if p >= level_model.THRESHOLD else lv


_LINE_CACHED = 4000   # longer lines (a flattened page, a one-line file of megabytes) skip the line cache


def _split_line(body: str, section: str | None, level: str, settled: bool,
                model: bool) -> tuple[tuple[int, int, str | None, str], ...]:
    """(start, end, section, level) of each sentence (or its pieces: :func:`.levels.preferred_parts`) of one
    line ``body`` (offsets into it), its level settled (:func:`_level`) under ``section`` at ``level``;
    ``settled``: a recognised heading settles it. A pure function of its arguments; ``model`` (the level
    model on?) is only part of the key of :func:`line_segments`."""
    out = []
    for a, b, ih in line_pieces(body, level if settled else None):
        sec, lv, st = (section, level, settled) if ih is None else (ih.section, ih.level, True)
        got = _level(lv, body[a:b], st)
        parts = got == "preferred" and preferred_parts(body[a:b], lambda c, lv=lv, st=st: _level(lv, c, st))
        # "Familiarity with AWS; Docker is a plus", "SQL (BigQuery is a plus)": AWS, SQL keep their own level
        rest = parts and _level(lv, " ".join(body[a + x:a + y] for x, y, plus in parts if not plus), st)
        out += [(a + x, a + y, sec, got if plus else rest) for x, y, plus in parts] if parts else [(a, b, sec, got)]
    return tuple(out)


line_segments = lru_cache(maxsize=1 << 15)(_split_line)
""":func:`_split_line` cached per distinct line (``line_cache`` in :mod:`skillgraph.speed`)."""


class SentenceIndex:
    """Sentence lookup by character offset. Only heading lines are found up front; a line is split
    into sentences (and each sentence's level settled) the first time a mention falls in it."""

    def __init__(self, text: str, segs: Sequence[Segment] | None = None):
        self.text = text
        self.last: Segment | None = None
        self.line: tuple[int, int, list[Segment], list[int]] | None = None   # the line looked at last
        head = header_line(text)
        self.header = None if head is None else _header_segment(text, head)
        if segs is not None:       # sentences given (spaCy): levels still to be adjusted per sentence
            self.segs = list(segs)
            self.starts = [x.start for x in self.segs]
            self.heads = None
        else:
            self.heads = headings(text)
            self.starts = [h[0] for h in self.heads]
            self.cache: dict[int, list[Segment]] = {}
            self.model = level_model.enabled()     # read once per posting, not once per line

    def at(self, i: int) -> Segment | None:
        """The sentence holding offset i, its level already adjusted by its own cues."""
        last = self.last             # mentions come in text order: often in the sentence before
        if last is not None and last.start <= i < last.end:
            return last
        sg = self.last = self._at(i)
        return sg

    def _at(self, i: int) -> Segment | None:
        head = self.header
        if head is not None and head.start <= i < head.end:
            return head
        k = bisect_right(self.starts, i) - 1
        if self.heads is None:
            return self._given_at(k, i)
        h = self.heads[k] if k >= 0 else None
        if h is not None and i < h[1]:   # a skill inside a heading line: the heading's own level
            return Segment(h[0], h[1], h[2], h[3])
        line = self.line
        if line is None or not line[0] <= i < line[1]:
            line = self.line = self._line(i, h)
        sents, ends = line[2], line[3]
        if not sents:
            return None
        return sents[min(bisect_right(ends, i), len(sents) - 1)]   # the first sentence ending after i

    def _line(self, i: int, h) -> tuple[int, int, list[Segment], list[int]]:
        """(start, end, sentences, their ends) of the line holding offset i, split on first need.
        Kept for the next lookup and bisected, so a one-line posting of megabytes stays linear."""
        text = self.text
        ls = text.rfind("\n", 0, i) + 1
        le = text.find("\n", i)
        le = len(text) if le < 0 else le
        head = self.header
        if head is not None and head.start <= ls < head.end:
            ls = head.end             # a flattened page: the prose after its header fields
        sents = self.cache.get(ls)
        if sents is None:
            body = text[ls:le].rstrip("\r")
            section, level = (h[2], h[3]) if h is not None else (None, "context")
            settled = section is not None and heading_level(section) is not None
            split = line_segments if len(body) <= _LINE_CACHED else _split_line
            sents = self.cache[ls] = [Segment(ls + a, ls + b, sec, lv) for a, b, sec, lv in
                                      split(body, section, level, settled, self.model)]
        return ls, le + 1, sents, [sg.end for sg in sents]

    def _given_at(self, k: int, i: int) -> Segment | None:
        """The given sentence k, if it holds offset i, its level adjusted by its own cues."""
        if k < 0:
            return None
        sg = self.segs[k]
        if i >= max(sg.end, sg.start + 1):
            return None
        settled = sg.section is not None and heading_level(sg.section) is not None
        return Segment(sg.start, sg.end, sg.section, _level(sg.level, self.text[sg.start:sg.end], settled))
