"""The Extractor: one posting's text → mentions linked to concepts, with sentence, section, level, teams.

For each posting: fold the text, link every label variant with the matcher, settle each mention's
sentence and level (:class:`~skillgraph.extraction.segmentation.SentenceIndex`), find the teams. Per posting
and concept the strongest level wins (``Extraction.skills``): required > responsibility > preferred >
context.
"""
from __future__ import annotations

from typing import Iterator, Sequence

from skillgraph.model import Candidate, Extraction, Mention, Nearest, Posting
from skillgraph.ontology import Ontology, norm_label

from .hybrid import LINKERS, MIN_SCORE, dictionary_how, model_links, widen
from .labels import fold
from .levels import heading_level
from .matcher import matcher_for
from .notskills import (
    drop_in_spans,
    drop_within,
    employer_spans,
    non_text_spans,
    organisation_names,
    profile_site_ids,
    shown_work,
    spelled_out,
    team_claims,
    unlinkable,
)
from .people import functions_as_teams, leaders_named, role_names, worked_at
from .posting_levels import settle
from .segmentation import Segment, SentenceIndex
from .siblings import sibling_spans
from .teams import find_teams
from .window import SENTENCE_CAP, window

__all__ = ["Extractor", "extract"]

_BOOK_CELLS = 1 << 25
"""A hybrid book's (texts × concepts) scores at most (128 MB of float32): about 14.7k texts with the
shipped ontology (a few hundred postings), 2.4k with ESCO; at least 256 texts."""


def _sentence_of(index: SentenceIndex, offset: int) -> tuple[int, int] | None:
    """The sentence to link whole for a model span at ``offset``; None under a context heading ("About
    us", benefits, EEO): a company's self-description is not what the role needs."""
    sg = index.at(offset)
    if sg is None:
        return None
    if sg.section and heading_level(sg.section) == "context":
        return None
    return (sg.start, sg.end)


def _bounds(index: SentenceIndex, offset: int, size: int) -> tuple[int, int]:
    """(start, end) of the sentence at ``offset``; the whole text where none is known."""
    sg = index.at(offset)
    return (sg.start, sg.end) if sg is not None else (0, size)


def _nolink(text: str, index: SentenceIndex, spans, held: frozenset = frozenset()) -> set:
    """The model spans to keep as candidates only: under a context heading (the dictionary's rule for an
    extra vocabulary there, applied to every model link: "working in an office" under an office-policy
    heading is no Microsoft Office), a degree's field, a team (:func:`~.notskills.unlinkable`), and a
    span that is just a word whose sense its cues decide (``held``: :attr:`Matcher.sense_held`): the
    dictionary read its sentence and did not link it ("alignment with business goals")."""
    def context(s):
        sg = index.at(s)
        return sg is not None and bool(sg.section) and heading_level(sg.section) == "context"

    def start(s):
        sg = index.at(s)
        return sg.start if sg is not None else 0

    out = {sp for sp in spans if context(sp.start)} | unlinkable(text, spans, start)
    if held:
        out.update(sp for sp in spans if norm_label(text[sp.start:sp.end]) in held)
    return out


class Extractor:
    """Links one posting at a time; build it once per ontology.

    ``linker="exact"`` is the dictionary alone; ``"hybrid"`` adds the span model's spans (given to
    :meth:`extract` as ``spans``, see :func:`~skillgraph.extraction.spans.find_spans`), linked by the
    scored linker when they reach ``min_score`` and kept as candidates otherwise.
    """

    def __init__(self, ontology: Ontology, linker: str = "exact", min_score: float = MIN_SCORE):
        if linker not in LINKERS:
            raise ValueError(f"linker {linker!r}: choose one of {', '.join(LINKERS)}")
        self.ontology = ontology
        self.matcher = matcher_for(ontology)
        self.linker = linker
        self.min_score = min_score
        self._scorer = None
        self._semantic = None
        self._book = None
        self._how: dict = {}

    @property
    def sites(self) -> frozenset:
        """The ontology's profile sites (:func:`~.notskills.profile_site_ids`)."""
        return profile_site_ids(self.ontology)

    @property
    def scorer(self):
        """The scored linker (:class:`~skillgraph.extraction.link.Linker`), built on first use."""
        if self._scorer is None:
            from .link import linker_for

            self._scorer = linker_for(self.ontology)
        return self._scorer

    @property
    def semantic(self):
        """The ontology's label matrix (:func:`~skillgraph.extraction.embed.matrix_for`), built on first use."""
        if self._semantic is None:
            from .embed import matrix_for

            self._semantic = matrix_for(self.ontology)
        return self._semantic

    def extract(self, posting: Posting, segments: Sequence[Segment] | None = None, spans=None) -> Extraction:
        return self.expand(posting, *self.extract_compact(posting, segments, spans))

    def extract_block(self, postings: Sequence[Posting], spans: Sequence | None = None) -> Iterator[tuple]:
        """:meth:`extract_compact` of each posting, in order (``spans[i]`` the span model's for posting i,
        hybrid only). Hybrid: the spans and sentences of as many postings as :data:`_BOOK_CELLS` allows
        are embedded and scored at once (``batch_embed`` in :mod:`skillgraph.speed`): same output as
        one posting at a time."""
        from skillgraph.speed import on

        if self.linker != "hybrid" or spans is None or not on("batch_embed"):
            for i, p in enumerate(postings):
                yield self.extract_compact(p, None, None if spans is None else spans[i])
            return
        from .embed import ScoreBook

        room = max(256, _BOOK_CELLS // max(1, len(self.semantic.concepts)))   # texts per book
        a = 0
        while a < len(postings):
            indexes, texts = [], []
            b = a
            while b < len(postings) and (b == a or len(texts) < room):
                text, index = postings[b].text, SentenceIndex(postings[b].text)
                texts.extend(text[sp.start:sp.end] for sp in spans[b])
                sents = {_sentence_of(index, sp.start) for sp in spans[b]} - {None}
                texts.extend(text[s:e] for s, e in sents)
                indexes.append(index)
                b += 1
            book = ScoreBook(self.semantic, texts)
            for i, index in enumerate(indexes):
                self._book = book
                try:
                    yield self.extract_compact(postings[a + i], None, spans[a + i], index)
                finally:
                    self._book = None
            a = b

    def extract_compact(self, posting: Posting, segments: Sequence[Segment] | None = None, spans=None,
                        index: SentenceIndex | None = None):
        """(mentions as (concept, start, end, sentence start, sentence end, section, level, score, how),
        teams, candidates as (start, end, sentence start, sentence end, score, links)): cheap to send
        between processes; :meth:`expand` turns it into an :class:`Extraction`. ``spans`` (the span
        model's, hybrid only) are found here when not given; ``index``, the posting's sentences, too."""
        text = posting.text
        index = SentenceIndex(text, segments) if index is None else index
        folded = fold(text)
        matches, units = self.matcher.scan(text, folded)
        hybrid = self.linker == "hybrid"
        nontext = non_text_spans(text) if matches or hybrid else []
        shown: list = []
        employer = employer_spans(text, posting.company) if matches or hybrid else []
        if matches:
            matches = drop_in_spans(matches, nontext)            # not inside URLs, e-mails, paths
            matches = drop_within(matches, employer)             # Notion at Notion
            matches = role_names(text, matches)                  # "our DevOps Manager" names a role
            matches = spelled_out(text, matches, self.ontology)  # "MVS (Mixpeek Vector Store)" is no MVS
            matches = organisation_names(text, matches)          # "Spark Capital", "Stanford Blockchain Accelerator"
            kept = shown_work(text, matches, self.sites, lambda o: _bounds(index, o, len(text)))
            kept = worked_at(text, kept)                         # "previously led search at MongoDB"
            kept = leaders_named(text, kept)                     # "insights for leadership"
            kept = functions_as_teams(text, kept)                # "work with product and analytics teams"
            if len(kept) != len(matches):                        # "include your GitHub", "building GitHub for X"
                left = set(kept)
                shown = [(m[0], m[1]) for m in matches if m not in left]
                matches = kept
        teams = find_teams(posting, index, [(m[0], m[1]) for m in matches], folded, units)
        claims = team_claims(text, teams) if teams and (matches or hybrid) else []
        if claims and matches:                                   # a team's name is not a skill
            matches = drop_in_spans(matches, claims)
        mentions, curated, hows = [], self.ontology.is_curated, self._how
        for s, e, ids in matches:
            sg = index.at(s) or Segment(s, e, None, "context")
            se = max(sg.end, e)
            about = bool(sg.section) and heading_level(sg.section) == "context"   # once per hit
            for cid in ids:
                if about and not curated(cid):
                    # an extra vocabulary (ESCO) under an "About us", EEO or "Work mode" heading:
                    # "help people", "philosophy", "pregnancy" there say nothing the role needs
                    continue
                got = hows.get((cid, surface := text[s:e]))     # dictionary_how's cache, asked here first
                score, how = got if got is not None else dictionary_how(self.ontology, cid, surface, hows)
                mentions.append((cid, s, e, sg.start, se, sg.section, sg.level, score, how))
        cands = []
        if hybrid:
            if spans is None:
                from .spans import find_spans

                spans = find_spans([text])[0]
            more = sibling_spans(text, matches, self.matcher.tools.__contains__, spans) if matches else []
            if more:                        # unknown names in a row of tools ("GDAL, Rasterio" on a stack line)
                spans = sorted({*spans, *more})
            # the model's spans follow the dictionary's rules: not in URLs, not the employer, not a team
            spans = drop_in_spans(drop_within(drop_in_spans(spans, nontext), employer), claims)
            if shown:                       # the model's own "GitHub" there is no skill either
                spans = drop_in_spans(spans, shown)
            sentence_of = lambda s: _sentence_of(index, s)   # noqa: E731
            known = {(sentence_of(m[1]), m[0]) for m in mentions}   # a sentence link repeats no dictionary one
            semantic = self.semantic if self._book is None else self._book
            claimed: list = []
            found, unlinked = model_links(text, spans, [(s, e) for s, e, _ in matches], self.scorer, self.min_score,
                                          semantic, sentence_of, known,
                                          _nolink(text, index, spans, self.matcher.sense_held) | set(more),
                                          claimed)
            mentions = widen(mentions, claimed)       # "Python" inside a claimed "Python programming"
            for cid, s, e, score, how in found:
                sg = index.at(s) or Segment(s, e, None, "context")
                mentions.append((cid, s, e, sg.start, max(sg.end, e), sg.section, sg.level, score, how))
            for s, e, score, links in unlinked:
                sg = index.at(s) or Segment(s, e, None, "context")
                cands.append((s, e, sg.start, max(sg.end, e), score, links))
            mentions.sort(key=lambda m: (m[1], m[2], m[0]))
        mentions = settle(text, mentions, index.heads, employer)   # company talk, a line of skills, nothing asked
        return mentions, teams, cands

    def _sentence(self, text: str, ss: int, se: int, s: int, e: int, cache: dict) -> tuple[int, int, str]:
        if se - ss > SENTENCE_CAP:      # a long "sentence": the window around this mention
            ss, se = window(text, ss, se, s, e)
        sent = cache.get((ss, se))
        if sent is None:
            sent = cache[(ss, se)] = text[ss:se]
        return ss, se, sent

    def expand(self, posting: Posting, mentions, teams, candidates=()) -> Extraction:
        text = posting.text
        concepts = self.ontology.concepts
        sentences: dict[tuple[int, int], str] = {}
        out = []
        for cid, s, e, ss, se, section, level, score, how in mentions:   # self._sentence, inlined: per mention
            if se - ss > SENTENCE_CAP:
                ss, se = window(text, ss, se, s, e)
            sent = sentences.get((ss, se))
            if sent is None:
                sent = sentences[(ss, se)] = text[ss:se]
            out.append(Mention(cid, concepts[cid].label, text[s:e], s, e, sent, section, level, ss, se, score, how))
        cands = []
        for s, e, ss, se, score, links in candidates:
            ss, se, sent = self._sentence(text, ss, se, s, e, sentences)
            near = tuple(Nearest(*lk) for lk in links)
            cands.append(Candidate(text[s:e], s, e, sent, score, near, ss, se))
        return Extraction(posting, tuple(out), tuple(teams), tuple(cands))


def extract(posting: Posting, ontology: Ontology, linker: str = "exact", min_score: float = MIN_SCORE) -> Extraction:
    """Link one posting against ``ontology`` (the matcher is built once per ontology and cached)."""
    return Extractor(ontology, linker, min_score).extract(posting)
