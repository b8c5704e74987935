"""The NLP pass: posting text → mentions linked to ontology concepts, with offsets, evidence, level.

How it works, in one pass over each posting:

1. **Fold** the text for matching: lower case, hyphens/dashes/underscore as spaces, curly quotes
   straight — one character for one character, so an offset in the folded text is an offset in
   the original (``text[start:end] == surface`` always holds).
2. **Match** every label variant of every concept at once with an Aho–Corasick automaton
   (ahocorasick-rs) that only reports whole words, then pick longest-first, non-overlapping.
   Variants are generated from the ontology's labels: regular plurals ("LLM" → "LLMs"), singulars of
   multi-word plurals, the closed form of hyphenated labels ("fine-tuning" → "finetuning").
   Labels marked ``sg:exactCaseLabel`` (ordinary words: Go, R, Spark) and labels of one or two
   characters match only in their exact case and never next to a hyphen, ``&``, ``+`` or ``#``
   ("R&D", "C-suite", "go to the office", "a spark of" do not fire). Labels marked ``sg:weakLabel``
   (search, ranking, evaluation) link only where they are not the head of a longer noun phrase
   ("documentation search" does not fire). Shared heads are expanded in coordinations:
   "multimodal / embedding models" links *multimodal models* and *embedding models*.
3. **Segment**: lines, section headings ("What we're looking for", "Nice to have", "About us"…)
   and sentences (a rule-based splitter: line breaks and sentence punctuation, abbreviation-aware).
4. **Level** each mention from its section heading and sentence cues ("we're looking for",
   "must", "a plus", "bonus", "you will"); per posting and concept the strongest level wins:
   required > responsibility > preferred > context.
5. **Teams**: organisational units the posting names, the units they are "part of", the teams the
   role collaborates with and the products it works on.

The rule-based splitter keeps extraction faster than spaCy's tokenizer alone (see
``benchmarks/bench_extract.py``). For users who want spaCy's tokens and sentences,
:func:`spacy_pipeline` returns ``spacy.blank("en")`` + sentencizer + a ``skillgraph_linker``
component that puts the same links into ``doc.spans["skills"]`` (``Span.id_`` = concept id) and
``extract_all(..., engine="spacy")`` takes sentences from it.

Files, one job each:

- ``labels.py`` — :func:`fold` (one character for one) and the label :func:`variants`.
- ``matcher.py`` — :class:`Matcher` (the automaton: build from an ontology, ``find``, ``lookup``,
  ``scan``) and :func:`matcher_for` (one per ontology, cached).
- ``context.py`` — what the words around a hit decide: ordinary words need a skill nearby, weak
  labels must not be the head of a longer phrase.
- ``resolve.py`` — :func:`resolve_term`: the concepts a user's term names.
- ``segmentation.py`` — lines, headings, sentences (:func:`segment`, :func:`split_sentences`) and the
  lazy :class:`SentenceIndex`.
- ``cues.py`` — the requirement-level cue tables (data); ``levels.py`` — :class:`Cues` and
  :func:`heading_level` / :func:`sentence_level`.
- ``teams.py`` — :func:`find_teams`: teams, collaborators, parents, products; ``title_teams.py`` — the
  team of a "Role, Team" title.
- ``extractor.py`` — :class:`Extractor` and :func:`extract`: one posting, all of the above.
- ``parallel.py`` — :func:`extract_all`: many postings, in forked workers with ``jobs > 1``.
- ``spacy_component.py`` — :class:`SkillLinker`, the ``skillgraph_linker`` factory,
  :func:`spacy_pipeline` (imported only when first asked for: it imports spaCy).
"""
from __future__ import annotations

from .extractor import Extractor, extract
from .labels import fold, variants
from .levels import HEADING_CUES, SENTENCE_CUES, Cues, heading_level, sentence_level
from .matcher import Matcher, matcher_for
from .parallel import extract_all
from .resolve import resolve_term
from .segmentation import Segment, SentenceIndex, segment, split_sentences
from .teams import find_teams

__all__ = [
    "Cues", "Extractor", "HEADING_CUES", "Matcher", "SENTENCE_CUES", "Segment", "SentenceIndex", "SkillLinker",
    "extract", "extract_all", "find_teams", "fold", "heading_level", "matcher_for", "resolve_term", "segment",
    "sentence_level", "spacy_pipeline", "split_sentences", "variants",
]

_SPACY_NAMES = ("SkillLinker", "spacy_pipeline")   # from spacy_component.py, which imports spaCy


def __getattr__(name: str):
    if name in _SPACY_NAMES:
        from . import spacy_component

        return getattr(spacy_component, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
