"""The hybrid pass: the span model's spans that the dictionary did not link, linked with scores.

For one posting, given the dictionary's hits and the span model's cleaned spans
(:func:`~skillgraph.extraction.spans.find_spans`):

- a model span that overlaps a dictionary hit is left out (the dictionary's link and evidence win), unless
  it is wider than every hit it overlaps ("Python programming" around *Python*): then it is linked too,
  to no concept already linked in its sentence, or kept as a candidate (unless its best concept is one
  of those: then the span is claimed, no unknown skill);
- a model span under a context heading, naming a degree's field or a team stays a candidate
  (:func:`~skillgraph.extraction.notskills.unlinkable`);
- every other span is ranked by the scored linker (:class:`~skillgraph.extraction.link.Linker`); its
  best concept becomes a mention (``how="model+lexical"``, ``score`` the linker's) when the score is at
  least ``min_score``, else the span is a *candidate*: kept with its sentence and its nearest concepts
  (what ``skillgraph discover`` aggregates for curators).

Dictionary mentions get ``how="label"`` when the text is one of the concept's labels (case and spacing
aside) and ``score`` 1.0, ``how="variant"`` (a plural, a hyphen form, a coordination) and ``score``
:data:`VARIANT_SCORE` otherwise.

**Semantic evidence** (WordLlama, :mod:`~skillgraph.extraction.embed`): with ``semantic`` given, a span's
concepts are the lexical linker's and the embedding's nearest, each scored

    score = LEXICAL_WEIGHT · lexical + (1 − LEXICAL_WEIGHT) · cosine(span, concept's best label)

(both in [0, 1], so the score is too); ``how`` is ``model+embedding`` when the cosine term is the larger
share, else ``model+lexical``. Its best :data:`SPAN_LINKS` concepts at ``min_score`` or more become
mentions. **Sentence-level linking** then catches the competence phrases ESCO is full of ("writing
software with emphasis on testability" → *develop automated software tests*): every sentence holding a
model span (and not under a context heading such as "About us") is embedded whole, and its
:data:`SENTENCE_LINKS` nearest concepts with cosine ≥ ``min_score`` become mentions
(``how="model+embedding"``, score the cosine), anchored on the sentence's model span nearest to
that concept — when that span is a phrase of two content words or more ("AWS experience" is
one): a one-word span is a name, often one of a list ("Cloud platforms: AWS, Azure, or GCP"),
whose sentence is not about it ("Azure" → *AWS CloudTrail*), and its own ranking links it.

A model span (or a sentence link's anchor) never links to a concept :func:`narrower` than the span:
"AWS" is not *AWS CloudTrail*, "Kafka" not *Kafka Connect*, "risk management" not *AI risk
management*. Measured on 300 postings of postings-dev (`--linker hybrid`, default ``--min-score``): the
two rules take 406 model mentions to 362; of the 40 a first version removed, read one by one, 28 were wrong, 11
arguable ("Oracle" → *Oracle Database*, "agile" → *agile project management*), 1 right ("Cypress" →
*Cypress.io*); seed gold precision 0.955 → 0.968; TECH / HOUSE validation RP@5
unchanged at the default (0.468 / 0.258), at ``--min-score 0.5`` TECH 0.610 → 0.601, HOUSE 0.443 → 0.434.

The weights and link counts were chosen on the TECH and
HOUSE *validation* sentences only (``../shared/tools/eval_esco_linking.py``; see the README).
"""
from __future__ import annotations

import re
from bisect import bisect_left
from typing import Sequence

from skillgraph.ontology import Ontology, norm_label

from .link import SKILL_NOUNS, Link, Linker, words
from .spans import Span

__all__ = ["LEXICAL_WEIGHT", "LINKERS", "MIN_SCORE", "NEAREST", "SENTENCE_LINKS", "SPAN_LINKS", "VARIANT_SCORE",
           "dictionary_how", "model_links", "narrower", "widen"]

LINKERS = ("exact", "hybrid")
"""``exact``: the dictionary alone (fastest); ``hybrid``: plus the span model and the scored linker."""
MIN_SCORE = 0.75
"""The default ``--min-score``: a model span (or a sentence) links to a concept scoring at least this.
0.75 keeps whole postings precise (seed gold precision 0.968; 0.660 at 0.5); 0.5 ranks best on the
ESCO linking validation sentences (TECH RP@5 0.610 against 0.468) — see the README's table."""
LEXICAL_WEIGHT = 0.5
"""The lexical score's share of a span's score; the embedding's cosine has the rest."""
SPAN_LINKS = 2
"""At most this many concepts per model span become mentions."""
SENTENCE_LINKS = 3
"""At most this many concepts per sentence (by the whole sentence's embedding) become mentions."""
_POOL = 20
"""Concepts taken from each of the lexical linker and the embedding before scoring a span."""
NEAREST = 3
"""Nearest concepts kept on a candidate."""
VARIANT_SCORE = 0.95
_QUALIFIER = re.compile(r"\s*\([^)]*\)")
"""A parenthesised qualifier in a label, left out when :func:`narrower` compares words."""


def dictionary_how(ontology: Ontology, cid: str, surface: str, cache: dict) -> tuple[float, str]:
    """(score, how) of a dictionary mention: ``(1.0, "label")`` or ``(VARIANT_SCORE, "variant")``."""

    key = (cid, surface)
    got = cache.get(key)
    if got is None:
        c = ontology.concepts[cid]
        n = norm_label(surface)
        exact = any(norm_label(lab) == n for lab in (c.label, *c.alt_labels, *c.hidden_labels))
        got = cache[key] = (1.0, "label") if exact else (VARIANT_SCORE, "variant")
    return got


def _uncovered(spans: Sequence[Span], hits: Sequence[tuple[int, int]]) -> list[Span]:
    """The model spans the dictionary leaves to the scored linker: those overlapping no hit, and those
    wider than every hit they overlap ("Python programming" around *Python*, "cloud adoption and
    migration" around *cloud*): a longer phrase the writer wrote as one skill names a more specific
    one. A span the same as a hit, inside one or crossing one is the dictionary's."""
    starts = [s for s, _ in hits]
    out = []
    for sp in spans:
        over = _overlapping(sp, hits, starts)
        if all(sp.start <= s and e <= sp.end and e - s < sp.end - sp.start for s, e in over):
            out.append(sp)
    return out


def _overlapping(sp: Span, hits: Sequence[tuple[int, int]], starts: Sequence[int]) -> list[tuple[int, int]]:
    """The hits (sorted, ``starts`` their starts) that share a character with ``sp``: one bisect, then the
    few hits before it (no hit is longer than 8 hits back)."""
    k = bisect_left(starts, sp.end)          # hits starting before the span ends
    return [(s, e) for s, e in hits[max(0, k - 8):k] if e > sp.start]


def model_links(text: str, spans: Sequence[Span], hits: Sequence[tuple[int, int]], linker: Linker,
                min_score: float, semantic=None, sentence_of=None, known=(), nolink=frozenset(), claimed=None):
    """([(concept, start, end, score, how)], [(start, end, score, nearest links)]) for the model spans of
    one posting that overlap none of the dictionary ``hits`` (sorted ``(start, end)``). With ``semantic``
    (a :class:`~skillgraph.extraction.embed.LabelMatrix` or a ``ScoreBook``) and ``sentence_of`` (offset → sentence
    ``(start, end)``, or None for a sentence not to link whole) the embedding scores spans and links
    whole sentences too; ``known`` holds the ``(sentence, concept)`` pairs the dictionary already linked,
    which neither a span nor a sentence link repeats. A span in ``nolink`` (see
    :func:`~skillgraph.extraction.notskills.unlinkable`) is only ever a candidate. With ``semantic``, a list
    given as ``claimed`` receives ``(concept, start, end)`` for each span (not in ``nolink``) whose best
    concept is one already linked in its sentence: :func:`widen` gives that concept's dictionary mentions
    inside the span the span's extent."""
    todo = _uncovered(spans, hits)
    if semantic is not None:
        return _semantic_links(text, spans, todo, linker, min_score, semantic, sentence_of, known, nolink,
                               claimed, hits)
    mentions, candidates = [], []
    for sp in todo:
        links = linker.rank(text[sp.start:sp.end], k=NEAREST)
        if links and links[0].score >= min_score and sp not in nolink:
            mentions.append((links[0].concept, sp.start, sp.end, links[0].score, "model+lexical"))
        else:
            candidates.append((sp.start, sp.end, links[0].score if links else 0.0, tuple(links)))
    return mentions, candidates


def widen(mentions: list, claimed: Sequence[tuple[str, int, int]]) -> list:
    """``mentions`` (tuples starting ``(concept, start, end, sentence start, sentence end, ...)``) with each
    one strictly inside a claimed span of its own concept moved to that span's extent: the writer's phrase
    ("Python programming", "Vue framework") is the mention, its concept, score, ``how`` and evidence stay.
    A mention the widening makes equal to another (same concept and extent) is dropped."""
    if not claimed:
        return mentions
    out, seen = [], set()
    for m in mentions:
        cid, s, e = m[0], m[1], m[2]
        for c, a, b in claimed:
            if c == cid and a <= s and e <= b and (a, b) != (s, e):
                m = (cid, a, b, m[3], max(m[4], b), *m[5:])
                break
        if (m[0], m[1], m[2]) not in seen:
            seen.add((m[0], m[1], m[2]))
            out.append(m)
    return out


def narrower(span_text: str, concept) -> bool:
    """Whether ``concept`` is narrower than the span names: every one of its labels that uses the span's
    content words (a parenthesised qualifier aside, ESCO's "Python (computer programming)") holds all of
    them and more ("AWS" → *AWS CloudTrail*, "Kubernetes" → *Kubernetes operators*, "risk management" →
    *AI risk management*, "consistency" → *consistency models* whatever its other label "CAP theorem").
    Such a concept is a guess at a specialisation the text does not state, so the span does not link to
    it (it may still be one of a candidate's nearest concepts)."""
    have = set(words(span_text))
    if not have:
        return False
    using = False
    for label in (concept.label, *concept.alt_labels, *concept.hidden_labels):
        # a label keeps its adjectives ("deep" in *deep learning* is a narrower skill), drops only the
        # nouns saying that it is a skill ("English proficiency" is English)
        ws = set(words(_QUALIFIER.sub(" ", label), keep_frame=True)) - SKILL_NOUNS
        if not have & ws:
            continue
        if not have < ws:
            return False
        using = True
    return using


def _span_ranking(span_text: str, cos, linker: Linker, semantic) -> list[tuple[float, str, str]]:
    """[(score, concept, how)] for one span, best first (ties by concept id)."""
    import numpy as np

    lex = {lk.concept: lk.score for lk in linker.rank(span_text, k=_POOL)}
    ix = semantic.index
    near = np.argpartition(-cos, min(_POOL, len(cos) - 1))[:_POOL] if len(cos) else ()
    pool = set(lex) | {semantic.concepts[i] for i in near}
    out = []
    for cid in pool:
        lx = LEXICAL_WEIGHT * lex.get(cid, 0.0)
        cs = (1.0 - LEXICAL_WEIGHT) * float(cos[ix[cid]]) if cid in ix else 0.0
        out.append((round(min(1.0, lx + cs), 4), cid, "model+embedding" if cs > lx else "model+lexical"))
    out.sort(key=lambda t: (-t[0], t[1]))
    return out


def _semantic_links(text, spans, todo, linker, min_score, semantic, sentence_of, known=(), nolink=frozenset(),
                    claims=None, hits=()):
    concepts = linker.ontology.concepts
    sents = sorted({sentence_of(sp.start) for sp in spans} - {None}) if sentence_of else []
    cos = semantic.text_scores([text[sp.start:sp.end] for sp in spans] + [text[s:e] for s, e in sents])
    row = {sp: i for i, sp in enumerate(spans)}
    mentions, candidates, linked = [], [], set(known)
    # no sentence link anchors on the dictionary's phrases, on a span that is never linked, or (below) on
    # a span a dictionary mention inside it explains
    owned = (set(spans) - set(todo)) | set(nolink)
    starts = [s for s, _ in hits]
    for sp in todo:
        ranked = _span_ranking(text[sp.start:sp.end], cos[row[sp]], linker, semantic)
        sent = sentence_of(sp.start) if sentence_of else None
        # a span around a dictionary hit whose best concept is linked in its sentence already is that
        # mention's phrase ("machine learning models" around *machine learning*): its runner-up (*model
        # deployment*) is no link
        explained = (bool(ranked) and ranked[0][0] >= min_score and (sent, ranked[0][1]) in linked
                     and bool(_overlapping(sp, hits, starts)))   # a span of `todo` overlapping a hit holds it
        if explained:
            owned.add(sp)
        took = [] if sp in nolink or explained else [
            (cid, sp.start, sp.end, sc, how) for sc, cid, how in ranked[:SPAN_LINKS]
            if sc >= min_score and (sent, cid) not in linked and not narrower(text[sp.start:sp.end], concepts[cid])]
        mentions.extend(took)
        linked.update((sent, m[0]) for m in took)
        claimed = bool(ranked) and ranked[0][0] >= min_score and (sent, ranked[0][1]) in linked
        if claimed and claims is not None and sp not in nolink:
            claims.append((ranked[0][1], sp.start, sp.end))
        if not took and not claimed:     # a span whose best concept is linked in its sentence is no unknown skill
            near = tuple(Link(cid, concepts[cid].label, sc) for sc, cid, _ in ranked[:NEAREST])
            candidates.append((sp.start, sp.end, near[0].score if near else 0.0, near))
    anchors = [sp for sp in spans if sp not in owned]
    for j, sent in enumerate(sents):
        mentions.extend(_sentence_links(text, sent, cos[len(spans) + j], cos, anchors, row, semantic, min_score,
                                        linked, sentence_of, concepts))
    anchored = {(m[1], m[2]) for m in mentions}          # a span a sentence link claims is no candidate
    return mentions, [c for c in candidates if (c[0], c[1]) not in anchored]


def _sentence_links(text, sent, scos, cos, spans, row, semantic, min_score, linked, sentence_of, concepts):
    import numpy as np

    inside = [sp for sp in spans if sentence_of(sp.start) == sent]
    if not inside:
        return []
    k = min(SENTENCE_LINKS, len(scos))
    top = np.argpartition(-scos, k - 1)[:k] if k else []
    order = sorted(top, key=lambda i: (-float(scos[i]), i))
    out = []
    for i in order:
        score = round(float(scos[i]), 4)
        cid = semantic.concepts[i]
        if score < min_score or (sent, cid) in linked:
            continue
        sp = max(inside, key=lambda s: (float(cos[row[s]][i]), -s.start))
        anchor = text[sp.start:sp.end]
        if len(words(anchor)) < 2 or narrower(anchor, concepts[cid]):
            continue     # a one-word anchor is a name in a list ("AWS, Azure, or GCP"): its own link says it
        out.append((cid, sp.start, sp.end, score, "model+embedding"))
        linked.add((sent, cid))   # a concept has several labels (rows): link it once per sentence
    return out
