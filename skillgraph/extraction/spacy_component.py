"""The spaCy component ``skillgraph_linker`` and the ``engine="spacy"`` path.

:class:`SkillLinker` puts the matcher's links into ``doc.spans["skills"]`` (label ``SKILL``,
``Span.id_`` = concept id). Importing this module registers the factory, and the package advertises
it through a ``spacy_factories`` entry point, so after ``pip install`` a user's
``spacy.blank("en").add_pipe("skillgraph_linker")`` works without importing skillgraph first; it
loads the shipped ontology (config: ``include_default``, ``ontology_files``).

This is the only module of the package that imports spaCy at module level: it is imported only where
spaCy is used.
"""
from __future__ import annotations

from bisect import bisect_right

from spacy.language import Language

from skillgraph.ontology import Ontology, load_ontology

from .extractor import Extractor
from .matcher import Matcher, matcher_for
from .segmentation import Segment, segment

__all__ = ["FACTORY", "SkillLinker", "extract_with_spacy", "make_linker", "spacy_pipeline"]

FACTORY = "skillgraph_linker"
DEFAULT_CONFIG = {"include_default": True, "ontology_files": []}


class SkillLinker:
    """spaCy component: links skills into ``doc.spans["skills"]`` (label ``SKILL``, ``id_`` = concept).

    Spans are snapped outwards to token boundaries; the linking itself is the same matcher the fast
    path uses, so both engines find the same skills.
    """

    def __init__(self, matcher: Matcher | None = None, include_default: bool = True, ontology_files=()):
        self._matcher = matcher
        self._files = tuple(ontology_files)
        self._default = include_default

    @property
    def matcher(self) -> Matcher:
        if self._matcher is None:
            self._matcher = matcher_for(load_ontology(self._files, include_default=self._default))
        return self._matcher

    @matcher.setter
    def matcher(self, m: Matcher) -> None:
        self._matcher = m

    def __call__(self, doc):
        spans = []
        for s, e, ids in self.matcher.find(doc.text):
            for cid in ids:
                span = doc.char_span(s, e, label="SKILL", span_id=cid, alignment_mode="expand")
                if span is not None:
                    spans.append(span)
        doc.spans["skills"] = spans
        return doc


def _register_once(func):
    """``@Language.factory(FACTORY, default_config=DEFAULT_CONFIG)``, unless a factory of that name is
    registered already (this module imported a second time, under another name): then nothing."""
    if Language.has_factory(FACTORY):
        return func
    return Language.factory(FACTORY, default_config=DEFAULT_CONFIG)(func)


@_register_once
def make_linker(nlp, name: str, include_default: bool, ontology_files) -> SkillLinker:
    """The ``skillgraph_linker`` factory (also the ``spacy_factories`` entry point)."""
    return SkillLinker(include_default=include_default, ontology_files=ontology_files)


def spacy_pipeline(ontology: Ontology | None = None):
    """``spacy.blank("en")`` + sentencizer + ``skillgraph_linker`` (links in ``doc.spans["skills"]``).

    With ``ontology`` the linker uses it; without, the component loads the shipped ontology.
    """
    import spacy

    nlp = spacy.blank("en")
    # spaCy's tokenizer cache holds 10k entries by default and, once full, caches nothing more:
    # postings have far more distinct words than that
    nlp.tokenizer.max_cache_size = 1_000_000
    nlp.add_pipe("sentencizer")
    linker = nlp.add_pipe(FACTORY)
    if ontology is not None:
        linker.matcher = matcher_for(ontology)
    return nlp


def extract_with_spacy(postings, ontology: Ontology, progress=None):
    """Extractions with sentences from spaCy's sentencizer (split at line breaks too); sections and
    their levels still come from the rule-based headings, links from the same matcher."""
    nlp = spacy_pipeline(ontology)
    ex = Extractor(ontology)
    out = []
    for p in postings:
        doc = nlp(p.text)
        base = segment(p.text)
        heads = [(s.start, s.section, s.level) for s in base]
        hs = [h[0] for h in heads]
        segs = []
        for sent in doc.sents:
            for a, b in _split_lines(p.text, sent.start_char, sent.end_char):
                k = bisect_right(hs, a) - 1
                sec, lvl = (heads[k][1], heads[k][2]) if k >= 0 else (None, "context")
                segs.append(Segment(a, b, sec, lvl))
        out.append(ex.extract(p, segs))
        if progress:
            progress(1)
    return out


def _split_lines(text: str, a: int, b: int):
    pos = a
    for line in text[a:b].split("\n"):
        s = pos + len(line) - len(line.lstrip())
        e = pos + len(line.rstrip())
        if e > s:
            yield s, e
        pos += len(line) + 1
