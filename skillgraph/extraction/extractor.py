"""The Extractor: one posting's text → mentions linked to concepts, with sentence, section, level, teams.

For each posting: fold the text, link every label variant with the matcher, settle each mention's
sentence and level (:class:`~skillgraph.extraction.segmentation.SentenceIndex`), find the teams. Per posting
and concept the strongest level wins (``Extraction.skills``): required > responsibility > preferred >
context.
"""
from __future__ import annotations

from typing import Sequence

from skillgraph.model import Extraction, Mention, Posting
from skillgraph.ontology import Ontology

from .labels import fold
from .levels import heading_level
from .matcher import matcher_for
from .notskills import drop_in_spans, drop_within, employer_spans, non_text_spans, team_claims
from .segmentation import Segment, SentenceIndex
from .teams import find_teams
from .window import SENTENCE_CAP, window

__all__ = ["Extractor", "extract"]


class Extractor:
    """Links one posting at a time; build it once per ontology."""

    def __init__(self, ontology: Ontology):
        self.ontology = ontology
        self.matcher = matcher_for(ontology)

    def extract(self, posting: Posting, segments: Sequence[Segment] | None = None) -> Extraction:
        return self.expand(posting, *self.extract_compact(posting, segments))

    def extract_compact(self, posting: Posting, segments: Sequence[Segment] | None = None):
        """(mentions as (concept, start, end, sentence start, sentence end, section, level), teams):
        cheap to send between processes; :meth:`expand` turns it into an :class:`Extraction`."""
        text = posting.text
        index = SentenceIndex(text, segments)
        folded = fold(text)
        matches, units = self.matcher.scan(text, folded)
        if matches:
            matches = drop_in_spans(matches, non_text_spans(text))   # not inside URLs, e-mails, paths
            matches = drop_within(matches, employer_spans(text, posting.company))   # Notion at Notion
        teams = find_teams(posting, index, [(m[0], m[1]) for m in matches], folded, units)
        if teams and matches:                                   # a team's name is not a skill
            matches = drop_in_spans(matches, team_claims(text, teams))
        mentions, curated = [], self.ontology.is_curated
        for s, e, ids in matches:
            sg = index.at(s) or Segment(s, e, None, "context")
            se = max(sg.end, e)
            for cid in ids:
                if sg.section and heading_level(sg.section) == "context" and not curated(cid):
                    # an extra vocabulary (ESCO) under an "About us", EEO or "Work mode" heading:
                    # "help people", "philosophy", "pregnancy" there say nothing the role needs
                    continue
                mentions.append((cid, s, e, sg.start, se, sg.section, sg.level))
        return mentions, teams

    def expand(self, posting: Posting, mentions, teams) -> Extraction:
        text = posting.text
        concepts = self.ontology.concepts
        sentences: dict[tuple[int, int], str] = {}
        out = []
        for cid, s, e, ss, se, section, level in mentions:
            if se - ss > SENTENCE_CAP:      # a long "sentence": the window around this mention
                ss, se = window(text, ss, se, s, e)
            sent = sentences.get((ss, se))
            if sent is None:
                sent = sentences[(ss, se)] = text[ss:se]
            out.append(Mention(cid, concepts[cid].label, text[s:e], s, e, sent, section, level, ss, se))
        return Extraction(posting, tuple(out), tuple(teams))


def extract(posting: Posting, ontology: Ontology) -> Extraction:
    """Link one posting against ``ontology`` (the matcher is built once per ontology and cached)."""
    return Extractor(ontology).extract(posting)
