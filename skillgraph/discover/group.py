"""Unknown skills for curators: the hybrid pass's candidates grouped, counted and ranked.

A *candidate* is a span the span model found that no concept claims at ``--min-score``
(:class:`~skillgraph.model.Candidate`). :func:`discover` groups the candidates of many extractions
by :func:`group_key` and ranks the groups by postings, then mentions, then key.

The key is the scored linker's own normalisation (:func:`skillgraph.extraction.link.words`: case
folded, split on anything but letters, digits, ``+`` and ``#``, plurals singular, function and frame
words left out), with

- trailing *form words* left out (:data:`FORM_WORDS`: "Azure DevOps pipelines" is Azure DevOps), as
  long as what remains is not one common word alone (:func:`~skillgraph.extraction.spans.is_generic`:
  "data pipelines" and "develop pipelines" keep their form word, or they would join "data" and
  "develop expertise");
- the words joined without spaces, so a closed and an open form are one key ("DevOps", "Dev Ops",
  "dev-ops").

So case, plural, hyphen and separator variants of one string share a key, and groups never merge
across keys. A slash between two names is no separator but a list: a candidate is first cut into its
items (:func:`~skillgraph.extraction.spans.slash_items`: "EDI X12/FHIR/HL7" is three skills, "CI/CD"
one), and an item of a cut candidate gets the lexical linker's nearest concepts of its own (so a cut
group's scores are the lexical linker's, an uncut one's the hybrid scorer's: both in [0, 1]).

A variant that is already a label of a concept (:func:`~skillgraph.ontology.norm_label`) is claimed
and is left out, and so is a candidate under a heading that makes its section context
("About Pinterest", EEO, benefits): extraction links no extra vocabulary's label there (company
blurbs, not requirements), so a draft concept for it would never link; and so is a candidate in a
boilerplate paragraph (:mod:`skillgraph.extraction.boilerplate`: the same long line in postings of
several companies, an EEO or benefits pitch), which would otherwise rank by repetition. (A pitch
inside a posting that is one long line is not a paragraph of its own and still counts: the civil
service postings' "apply for EUSS on or before …" on postings-dev.)

The posting's own facts are not skills either (:func:`own_fact`): a candidate naming the posting's
company or holding its name ("Barclays Mindset" in a Barclays posting,
:func:`~skillgraph.extraction.notskills.employer_spans`), one of its locations ("Central London"),
its whole title, a degree ("Bachelor's degree", "MSc":
:func:`~skillgraph.ingest.metadata.degrees.names_a_degree`) or one of its degree fields ("Computer
Science" where it asks for a degree in it; elsewhere, "computer science fundamentals", it may be a skill).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable

from skillgraph.extraction.boilerplate import boilerplate_paragraphs, paragraphs
from skillgraph.extraction.context import FUNCTION_WORDS
from skillgraph.extraction.cues import DUTY_VERBS
from skillgraph.extraction.levels import heading_level
from skillgraph.extraction.link import words
from skillgraph.extraction.notskills import employer_spans
from skillgraph.extraction.segmentation import SentenceIndex
from skillgraph.extraction.spans import is_generic, slash_items
from skillgraph.graph.names import slug
from skillgraph.ingest.metadata.degrees import names_a_degree
from skillgraph.model import Extraction, Nearest
from skillgraph.ontology import Ontology, norm_label

__all__ = ["EXAMPLES", "FORM_WORDS", "NEAREST", "Group", "clause_items", "discover", "group_key", "items", "own_fact"]

FORM_WORDS = frozenset(
    "pipeline tool tooling platform framework ecosystem stack suite library technology".split())
"""Trailing words that say what form a skill takes, not which skill (compared singular)."""
EXAMPLES = 3
"""Example sentences kept per group: the first distinct ones in input order (posting, then offset)."""
NEAREST = 3
"""Nearest existing concepts kept per group (best score any of its variants got, then concept id)."""
_RESERVED = frozenset({"scheme", "draft", "discovered"})
_STRIP = " \t&,;:/|*•·–—-\"'.…"


@dataclass(frozen=True)
class Group:
    """One unknown skill: its draft id and label, counts, variants, example sentences, nearest concepts."""

    id: str                                   # skill:<slug>, unique against the ontology and the other groups
    label: str                                # the most frequent variant that keeps every key word
    key: str
    postings: int
    mentions: int
    variants: tuple[tuple[str, int], ...]     # (surface text, mentions), most frequent first
    examples: tuple[tuple[str, str], ...]     # (posting id, sentence)
    nearest: tuple[Nearest, ...]

    def as_dict(self) -> dict:
        return {"id": self.id, "label": self.label, "key": self.key, "postings": self.postings,
                "mentions": self.mentions,
                "variants": [{"text": t, "mentions": n} for t, n in self.variants],
                "examples": [{"posting": p, "sentence": s} for p, s in self.examples],
                "nearest": [{"concept": n.concept, "label": n.label, "score": n.score} for n in self.nearest]}


def _key_words(text: str) -> tuple[str, ...]:
    ws = list(words(text))
    while len(ws) > 1 and ws[-1] in FORM_WORDS and not (len(ws) == 2 and is_generic(ws[0])):
        ws.pop()      # "Azure DevOps pipelines" is Azure DevOps, but "data pipelines" is not "data"
    return tuple(ws)


def group_key(text: str) -> str:
    """The key candidates are grouped under ("" for a span without content words)."""
    return "".join(_key_words(text))


def surface(text: str) -> str:
    """A candidate's text as a label: single spaces, no stray punctuation at either end."""
    return " ".join(text.split()).strip(_STRIP)


class _Acc:
    __slots__ = ("examples", "mentions", "nearest", "postings", "seen", "variants")

    def __init__(self):
        self.postings: dict[str, None] = {}
        self.mentions = 0
        self.variants: dict[str, int] = {}
        self.examples: list[tuple[str, str]] = []
        self.seen: set[str] = set()
        self.nearest: dict[str, Nearest] = {}

    def add(self, pid: str, text: str, sentence: str, nearest: Iterable[Nearest]) -> None:
        self.postings[pid] = None
        self.mentions += 1
        self.variants[text] = self.variants.get(text, 0) + 1
        s = " ".join(sentence.split())
        if len(self.examples) < EXAMPLES and s not in self.seen:
            self.seen.add(s)
            self.examples.append((pid, s))
        for n in nearest:
            old = self.nearest.get(n.concept)
            if old is None or n.score > old.score:
                self.nearest[n.concept] = Nearest(*n)


def _in_context(index: SentenceIndex, start: int) -> bool:
    sg = index.at(start)
    return bool(sg and sg.section and heading_level(sg.section) == "context")


def _label(key: str, variants: list[tuple[str, int]]) -> str:
    full = [t for t, _ in variants if "".join(words(t)) == key]
    return (full or [t for t, _ in variants])[0]


def _unique_id(label: str, taken: set[str]) -> str:
    base = slug(label)
    if base in _RESERVED:
        base += "-skill"
    cid, n = f"skill:{base}", 2
    while cid in taken:
        cid, n = f"skill:{base}-{n}", n + 1
    taken.add(cid)
    return cid


_DUTY = "|".join(sorted(DUTY_VERBS, key=len, reverse=True))
_CLAUSE_LEAD = re.compile(rf"(?i)(?:{_DUTY})(?:s|es|ed|d|ing|ning|ting)?(?:(?:,\s*|\s+(?:and|or|&)\s+)"
                          rf"(?:{_DUTY})(?:s|es|ed|d|ing|ning|ting)?)*\s+(?:(?:the|a|an|our|your|new)\s+)*")
_PREPOSITIONS = frozenset("alongside across within into onto towards toward among beyond".split())
_OPEN_PHRASE = re.compile(r"\b(?:of|from|for|in|on|with|to|across|into)\s+(?:(?:the|our|a|an|your)\s+)?\S+$", re.I)
_CLAUSE_SEP = re.compile(r"\s*(?:,|;|\s(?:and|or|&)\s)\s*(?:(?:the|a|an)\s+)*", re.I)


def clause_items(text: str) -> list[tuple[int, int]]:
    """The skills a duty-like candidate names, as ``(start, end)`` in ``text``: one opening with a duty
    verb (:data:`~skillgraph.extraction.cues.DUTY_VERBS`, in any common form), four words or more and
    a coordination after its verbs is cut after the verbs and at the coordinations: "Lead the C-to-Rust
    transition and AI orchestration" is "C-to-Rust transition" and "AI orchestration", "building and
    deploying machine learning and AI solutions" is "machine learning" and "AI solutions". One naming a
    single thing keeps its verb ("Identify bottlenecks in the delivery system": a competence, as ESCO
    words them), and so does any other candidate."""
    m = _CLAUSE_LEAD.match(text)
    if m is None or len(text.split()) < 4 or m.end() >= len(text):
        return [(0, len(text))]
    out, a = [], m.end()
    for sep in [*_CLAUSE_SEP.finditer(text, a), None]:
        b = len(text) if sep is None else sep.start()
        if b > a:
            out.append((a, b))
        if sep is not None:
            a = sep.end()
    if len(out) < 2 or not all(_an_item(text[a:b]) for a, b in out):
        return [(0, len(text))]       # one thing named, or a cut that would leave no skill standing
    if len(text[out[0][0]:out[0][1]].split()) == 1 and len(text[out[1][0]:out[1][1]].split()) > 1:
        return [(0, len(text))]       # "operational and strategic decision-making": a shared head
    if any(_OPEN_PHRASE.search(text, a, b) for a, b in out[:-1]):
        return [(0, len(text))]       # "extraction from dynamic and interactive web sources": inside a phrase
    return out


def items(text: str) -> list[tuple[int, int]]:
    """The skills a candidate's text names, as ``(start, end)`` in it, as discover counts them: its
    :func:`clause_items`, each cut at its slashes (:func:`~skillgraph.extraction.spans.slash_items`)."""
    return [(a + ps, a + pe) for a, b in clause_items(text) for ps, pe in slash_items(text[a:b])]


def _an_item(piece: str) -> bool:
    """A cut piece that can stand as a skill: it opens with no function word, preposition, adverb or
    gerund ("with senior engineers", "closely with product", "working with colleagues"), is no common
    word alone ("data") and runs into no next sentence."""
    ws = piece.split()
    first = ws[0].lower()
    return not (first in FUNCTION_WORDS or first in _PREPOSITIONS or first.endswith(("ly", "ing")) or ". " in piece
                or (len(ws) == 1 and is_generic(first)) or (len(ws) > 1 and ws[-1].lower() in FUNCTION_WORDS))


def _nearest(ontology: Ontology | None, text: str) -> tuple[Nearest, ...]:
    """The lexical linker's nearest concepts for one item of a cut candidate (the model's were the whole's)."""
    if ontology is None:
        return ()
    from skillgraph.extraction.link import linker_for

    return tuple(Nearest(*lk) for lk in linker_for(ontology).rank(text, k=NEAREST))


def own_fact(posting, text: str, start: int, end: int) -> bool:
    """Whether the candidate ``text`` at ``start:end`` of ``posting`` is one of the posting's own facts:
    its company (or a phrase holding its name), a location, its whole title, a degree or a degree field."""
    return _own_fact(_facts(posting), text, start, end)


def _facts(posting) -> tuple[set[str], list[tuple[int, int]]]:
    """(group keys of the posting's locations, title and degree fields, where its text names its company)."""
    keys = {group_key(x) for x in (*posting.locations, posting.title or "", *posting.degree_fields)} - {""}
    return keys, employer_spans(posting.text, posting.company)


def _own_fact(facts, text: str, start: int, end: int) -> bool:
    keys, employer = facts
    return group_key(text) in keys or names_a_degree(text) or any(s < end and start < e for s, e in employer)


def discover(extractions: Iterable[Extraction], ontology: Ontology | None = None, *, min_postings: int = 1,
             top: int | None = None) -> list[Group]:
    """The unknown skills among the candidates of ``extractions``, best first (postings, mentions, key).

    Variants already a label of a concept of ``ontology`` are left out; group ids are unique against its
    concepts. Groups in fewer than ``min_postings`` postings are dropped; ``top`` keeps the first ``top``.
    """
    known = ontology.labels() if ontology is not None else {}
    xs = list(extractions)
    common = boilerplate_paragraphs(xs)
    accs: dict[str, _Acc] = {}
    for x in xs:
        if not x.candidates:
            continue
        pid = x.posting.id
        index = SentenceIndex(x.posting.text)
        repeated = [(s, e) for s, e, k in paragraphs(x.posting.text) if k in common] if common else ()
        facts = _facts(x.posting)
        for c in x.candidates:
            cuts = items(c.text)
            for ps, pe in cuts:
                text = surface(c.text[ps:pe])
                key = group_key(text)
                start, end = c.start + ps, c.start + pe
                if (not key or norm_label(text) in known or _in_context(index, start)
                        or any(s <= start < e for s, e in repeated)
                        or _own_fact(facts, text, start, end)):
                    continue
                acc = accs.get(key)
                if acc is None:
                    acc = accs[key] = _Acc()
                acc.add(pid, text, c.sentence, c.nearest if len(cuts) == 1 else _nearest(ontology, text))
    ranked = sorted(((len(a.postings), a.mentions, k) for k, a in accs.items() if len(a.postings) >= min_postings),
                    key=lambda t: (-t[0], -t[1], t[2]))
    if top is not None:
        ranked = ranked[:top]
    taken = set(ontology.concepts) if ontology is not None else set()
    out = []
    for npost, nment, key in ranked:
        a = accs[key]
        variants = sorted(a.variants.items(), key=lambda tv: (-tv[1], tv[0]))
        label = _label(key, variants)
        nearest = sorted(a.nearest.values(), key=lambda n: (-n.score, n.concept))[:NEAREST]
        out.append(Group(_unique_id(label, taken), label, key, npost, nment, tuple(variants),
                         tuple(a.examples), tuple(nearest)))
    return out
