"""Small frozen records that flow one way: files -> Posting -> Mention/Team -> graph.

Requirement levels, strongest first: ``required > responsibility > preferred > context``.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import NamedTuple

from .vocab import LEVEL_RANK, LEVELS

__all__ = ["Candidate", "Concept", "Extraction", "Mention", "Nearest", "Posting", "Salary", "Skill", "TeamMention",
           "extraction_to_dict"]


@dataclass(frozen=True)
class Concept:
    """A SKOS concept. ``id`` is a compact id (``sg:diffusion-models``, ``esco:<uuid>``) or an IRI."""

    id: str
    iri: str
    label: str
    alt_labels: tuple[str, ...] = ()
    hidden_labels: tuple[str, ...] = ()
    exact_case_labels: tuple[str, ...] = ()   # labels that are ordinary words: match case-exactly
    weak_labels: tuple[str, ...] = ()         # generic nouns: link only as a phrase of their own
    sense_cues: tuple[str, ...] = ()          # words a weak label needs in its sentence to mean this
    generic_labels: tuple[str, ...] = ()      # an extra vocabulary's ordinary words: never linked alone
    broader: tuple[str, ...] = ()             # concept ids
    kind: str | None = None                   # method | tool | domain | knowledge | soft-skill
    definition: str | None = None
    exact_match: tuple[str, ...] = ()         # ESCO (or other) IRIs
    close_match: tuple[str, ...] = ()
    onet: tuple[str, ...] = ()                # O*NET technology names (Technology_Skills "Example")
    top: bool = False                         # skos:topConceptOf our scheme
    source: str = ""                          # file it came from


@dataclass(frozen=True)
class Salary:
    low: float
    high: float
    currency: str = "USD"
    period: str = "year"


@dataclass(frozen=True)
class Posting:
    """One job posting, its (repaired) text and its metadata.

    ``text`` is exactly what mention offsets index into. It equals the file's text when nothing
    needed repair (``repaired`` is False then).
    """

    id: str
    source: str                      # "seeds/000.txt", "jobs.jsonl:12", "-" ...
    text: str
    title: str | None = None
    company: str | None = None
    locations: tuple[str, ...] = ()
    salary: Salary | None = None
    min_years: int | None = None
    degrees: tuple[str, ...] = ()    # "bachelor", "master", "phd"
    degree_fields: tuple[str, ...] = ()
    seniority: str | None = None     # intern | junior | mid | senior | staff | principal | lead | manager ...
    work_mode: str | None = None     # remote | hybrid | on-site
    repaired: bool = False
    extra: tuple[tuple[str, str], ...] = ()   # other record fields, sorted (key, value)
    language: str | None = None      # ISO 639-1 code when not English ("de", "fr"); None for English


class Mention(NamedTuple):
    """One linked mention. Invariant: ``posting.text[start:end] == text``.

    A named tuple rather than a frozen dataclass like the records around it: a posting has dozens
    of mentions and a named tuple is built three times faster (0.8 against 2.6 µs).
    """

    concept: str
    label: str
    text: str
    start: int
    end: int
    sentence: str
    section: str | None
    requirement: str
    sentence_start: int = -1   # text[sentence_start:sentence_end] == sentence (-1: not known)
    sentence_end: int = -1
    score: float = 1.0         # how sure the link is, in [0, 1]
    how: str = "label"         # label | variant (dictionary) | model+lexical (span model, scored linker)
    boilerplate: bool = False     # in a paragraph repeated across postings (extraction/boilerplate.py)


class Nearest(NamedTuple):
    """A concept near a candidate span, with the linker's score."""

    concept: str
    label: str
    score: float


class Candidate(NamedTuple):
    """A skill span the span model found that no concept claims at ``--min-score`` (``text[start:end] ==
    text``): its best score and the nearest concepts, best first."""

    text: str
    start: int
    end: int
    sentence: str
    score: float
    nearest: tuple[Nearest, ...] = ()
    sentence_start: int = -1
    sentence_end: int = -1


@dataclass(frozen=True)
class TeamMention:
    """An organisational unit or product named in a posting.

    ``role`` is ``member`` (the team the role sits in), ``collaborator`` (a team it works with) or
    ``product`` (a product surface it works on). ``parent`` names a unit this one is part of.
    """

    name: str
    role: str
    start: int
    end: int
    sentence: str
    parent: str | None = None
    aliases: tuple[str, ...] = ()
    sentence_start: int = -1   # text[sentence_start:sentence_end] == sentence (-1: not known)
    sentence_end: int = -1


class Skill(NamedTuple):
    """A posting's concept, aggregated over its mentions (strongest level wins). A named tuple,
    as :class:`Mention` is, because every extraction builds them."""

    concept: str
    label: str
    requirement: str
    count: int


@dataclass(frozen=True)
class Extraction:
    posting: Posting
    mentions: tuple[Mention, ...] = ()
    teams: tuple[TeamMention, ...] = field(default=())
    candidates: tuple[Candidate, ...] = field(default=())

    @property
    def skills(self) -> tuple[Skill, ...]:
        by: dict[str, list] = {}     # concept -> [label, strongest rank, count], in one pass
        rank = LEVEL_RANK
        for m in self.mentions:
            r = rank[m.requirement]
            a = by.get(m.concept)
            if a is None:
                by[m.concept] = [m.label, r, 1]
            else:
                a[2] += 1
                if r < a[1]:
                    a[1] = r
        out = sorted((r, -n, label.lower(), i, c, label) for i, (c, (label, r, n)) in enumerate(by.items()))
        return tuple(Skill(c, label, LEVELS[r], -n) for r, n, _, _, c, label in out)


# --- the interchange format (what `skillgraph extract --format json` prints) -------------------

def _salary_dict(s: Salary | None):
    return None if s is None else {"low": s.low, "high": s.high, "currency": s.currency, "period": s.period}


def extraction_to_dict(x: Extraction, include_text: bool = False) -> dict:
    p = x.posting
    d = {
        "id": p.id,
        "source": p.source,
        "title": p.title,
        "company": p.company,
        "locations": list(p.locations),
        "salary": _salary_dict(p.salary),
        "min_years": p.min_years,
        "degrees": list(p.degrees),
        "degree_fields": list(p.degree_fields),
        "seniority": p.seniority,
        "work_mode": p.work_mode,
        "repaired": p.repaired,
        "teams": [
            {"name": t.name, "role": t.role, "parent": t.parent, "aliases": list(t.aliases),
             "start": t.start, "end": t.end, "sentence": t.sentence,
             "sentence_start": t.sentence_start, "sentence_end": t.sentence_end}
            for t in x.teams
        ],
        "skills": [
            {"concept": s.concept, "label": s.label, "requirement": s.requirement, "count": s.count}
            for s in x.skills
        ],
        "mentions": [
            {"concept": m.concept, "label": m.label, "text": m.text, "start": m.start, "end": m.end,
             "sentence": m.sentence, "sentence_start": m.sentence_start, "sentence_end": m.sentence_end,
             "section": m.section, "requirement": m.requirement, "score": m.score, "how": m.how,
             "boilerplate": m.boilerplate}
            for m in x.mentions
        ],
        "candidates": [
            {"text": c.text, "start": c.start, "end": c.end, "sentence": c.sentence,
             "sentence_start": c.sentence_start, "sentence_end": c.sentence_end, "score": c.score,
             "nearest": [{"concept": n.concept, "label": n.label, "score": n.score} for n in c.nearest]}
            for c in x.candidates
        ],
    }
    if p.extra:
        d["extra"] = dict(p.extra)
    if p.language:
        d["language"] = p.language
    if include_text:
        d["text"] = p.text
    return d
