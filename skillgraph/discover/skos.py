"""A draft SKOS scheme of discovered skills, for a curator to edit and load with ``--ontology``.

One ``skos:Concept`` per :class:`~skillgraph.discover.group.Group`, in the draft scheme
``skill:draft``: its id (``skill:<slug of the label>``, our namespace, as the shipped files name
concepts), the label as ``skos:prefLabel``, the other variants as ``skos:altLabel`` (one per
normalised form; case and hyphen forms are matched anyway), and the counts and nearest concept in a
``skos:editorialNote``.

``skos:broader`` is a guess (:func:`broader_guess`): the best-scored of the group's nearest concepts
that scores at least :data:`BROADER_MIN` *and* is more general — one of its labels (the preferred
one, or an alternative of two words or more, not an exact-case one) has all its words among the
new label's ("solving messy data problems" → *problem solving*, "Mentor other engineers" →
*mentoring*); otherwise the draft root ``skill:discovered`` (the scheme's one top concept). No
draft concept is itself a top concept: the loader reads a one-word preferred label of an extra file's
top concept as a pillar that does not link alone (``ontology/merge.py``), and "Salesforce" should. ``sg:kind`` is the
broader concept's kind, else :data:`DEFAULT_KIND` (said in the note). So the file passes ``skillgraph
ontology check`` together with the ontology it was discovered against, and extraction then links the
variants as labels. The file is written atomically, deterministically (concepts sorted by id, no dates).
"""
from __future__ import annotations

from typing import Sequence

from skillgraph.extraction.link import words
from skillgraph.model import Nearest
from skillgraph.ontology import Ontology, expand, norm_label
from skillgraph.vocab import DCT, RDF, SG, SKILL, SKILL_KINDS, SKOS

from .group import Group

__all__ = ["BROADER_MIN", "DEFAULT_KIND", "DRAFT_ROOT", "DRAFT_SCHEME", "broader_guess", "draft_triples",
           "write_draft"]

BROADER_MIN = 0.5
"""A nearest concept is a broader guess only from this score up (and only when more general, see
:func:`broader_guess`). Measured on the first 400 postings of postings-dev (4,529 groups): the
score alone at 0.6 guessed 298 parents, about a third of a hand-read sample fair ("Monitor" →
*Azure Monitor*, "visual training data" → *membership inference attacks*); score ≥ 0.5 plus the
more-general rule guesses 181, about 25 of 30 sampled plausible ("self-service dashboards" →
*dashboards*; a miss: "result in your security clearance application" → *software security*)."""
DEFAULT_KIND = "knowledge"
"""The ``sg:kind`` of a draft concept without a broader guess (the checker asks every concept for one)."""
DRAFT_SCHEME = SKILL.iri + "draft"
DRAFT_ROOT = SKILL.iri + "discovered"
PREFIXES = {"skill": SKILL.iri, "skos": SKOS.iri, "sg": SG.iri, "dct": DCT.iri}


def _lit(s: str) -> tuple:
    return (s, "", "en")


def broader_guess(g: Group, ontology: Ontology | None) -> Nearest | None:
    """The nearest concept of ``g`` taken as its ``skos:broader``, or None (see :data:`BROADER_MIN`)."""
    if ontology is None:
        return None
    mine = set(words(g.label))
    for n in g.nearest:
        c = ontology.get(n.concept)
        if n.score < BROADER_MIN or c is None:
            continue
        labels = (c.label, *(a for a in c.alt_labels if len(words(a)) >= 2))
        if any(ws and set(ws) <= mine for ws in (words(lab) for lab in labels if lab not in c.exact_case_labels)):
            return n
    return None


def _concept(g: Group, ontology: Ontology | None) -> tuple[list[tuple], str | None]:
    """(triples of one group's concept, broader id or None)."""
    s = expand(g.id)
    known = ontology.labels() if ontology is not None else {}
    t = [(s, RDF.type, (SKOS.Concept,)), (s, SKOS.inScheme, (DRAFT_SCHEME,)),
         (s, SKOS.prefLabel, _lit(g.label))]
    forms = {norm_label(g.label)}
    for text, _ in g.variants:
        n = norm_label(text)
        if n and n not in forms and n not in known:
            forms.add(n)
            t.append((s, SKOS.altLabel, _lit(text)))
    guess = broader_guess(g, ontology)
    best = guess or (g.nearest[0] if g.nearest else None)
    broader = guess.concept if guess else None
    kind = (ontology[broader].kind if broader else None) or DEFAULT_KIND
    if broader:
        t.append((s, SKOS.broader, (ontology.iri(broader),)))
    else:
        t.append((s, SKOS.broader, (DRAFT_ROOT,)))
    note = f"skillgraph discover: {g.postings} postings, {g.mentions} mentions"
    if best:
        note += f"; nearest {best.label} ({best.concept}, {best.score:.2f})"
    note += "; broader guessed from it" if broader else "; no broader guess"
    if not (broader and ontology[broader].kind):
        note += f"; sg:kind {DEFAULT_KIND} by default"
    t.append((s, SKOS.editorialNote, _lit(note)))
    t.append((s, SG.kind, (SG[SKILL_KINDS[kind]],)))
    return t, broader


def draft_triples(groups: Sequence[Group], ontology: Ontology | None = None) -> list[tuple]:
    """The draft scheme's triples (our triple tuples, see :mod:`skillgraph.export.turtle`)."""
    out = [(DRAFT_SCHEME, RDF.type, (SKOS.ConceptScheme,)),
           (DRAFT_SCHEME, SKOS.prefLabel, _lit("skills found by skillgraph discover (draft)")),
           (DRAFT_SCHEME, DCT.description, _lit(
               "Drafted from span-model candidates that no concept claimed; review labels, broader and kind.")),
           (DRAFT_ROOT, RDF.type, (SKOS.Concept,)), (DRAFT_ROOT, SKOS.inScheme, (DRAFT_SCHEME,)),
           (DRAFT_ROOT, SKOS.prefLabel, _lit("discovered skills (draft)")),
           (DRAFT_ROOT, SKOS.topConceptOf, (DRAFT_SCHEME,)),
           (DRAFT_ROOT, SKOS.editorialNote, _lit("Where draft concepts without a broader guess hang; "
                                                 "give each a real broader concept.")),
           (DRAFT_ROOT, SG.kind, (SG[SKILL_KINDS[DEFAULT_KIND]],))]
    for g in groups:
        out += _concept(g, ontology)[0]
    return out


def write_draft(groups: Sequence[Group], path, ontology: Ontology | None = None) -> int:
    """Write the draft scheme of ``groups`` as Turtle to ``path``; returns the number of concepts."""
    from skillgraph.export.turtle import write_triples

    write_triples(draft_triples(groups, ontology), path, PREFIXES, header=(
        "# Draft SKOS concepts written by `skillgraph discover --skos`: one per group of unknown skills.\n"
        "# Review, then load with --ontology FILE (or move them into the ontology).\n"))
    return len(groups)
