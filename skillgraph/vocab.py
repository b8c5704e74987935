"""The one place for skillgraph's vocabulary: requirement levels and their order, node kinds, skill
kinds, relations, and the RDF namespaces with the terms we use from each.

Namespaces are *closed*: ``SKOS.prefLabel`` is the full IRI, and ``SKOS.prefLable`` raises
``AttributeError`` — at import time wherever a module uses it at module level, so a typo cannot ship.
``SG`` lists exactly the terms ``ontology/vocab.ttl`` declares (a test keeps the two equal).

Pure Python, no imports beyond the standard library: every stage imports this, ``--help`` included.
"""
from __future__ import annotations

from typing import Iterable

__all__ = [
    "DCT", "DEFAULT_BASE", "ESCO", "ESCO_CS", "ESCO_MODEL", "ESCO_SKILL", "ISCED", "KINDS", "LEVELS",
    "LEVEL_RANK", "LINK_RELATIONS", "Namespace", "OA", "ONET", "OWL", "PROV", "RDF", "RDFS", "RELATIONS", "ROLE_NOUNS",
    "SG", "SKILL", "SKILL_KINDS", "SKOS", "VOCAB_IRI", "XSD",
]

# --- requirement levels -----------------------------------------------------------------------------

LEVELS: tuple[str, ...] = ("required", "responsibility", "preferred", "context")
"""Requirement levels, strongest first: ``required > responsibility > preferred > context``."""

LEVEL_RANK: dict[str, int] = {lvl: i for i, lvl in enumerate(LEVELS)}
"""Level → rank (0 is strongest); sort keys and ``min``/``max`` go through this."""


# --- words of postings -------------------------------------------------------------------------------

ROLE_NOUNS: tuple[str, ...] = ("engineer", "scientist", "researcher", "manager", "analyst", "developer", "architect",
                               "lead", "director", "designer", "intern", "specialist", "consultant", "head", "officer",
                               "administrator", "programmer", "coordinator", "technician", "recruiter",
                               "representative")
"""What a person in a role is called (singular; the rules that use it add the plural): a team name holding
one is a role ("the ML Engineer team"), a label before one names a role ("DevOps Engineer"), a title part
holding one is a role, and a location cell holding one is not a place."""


# --- graph ------------------------------------------------------------------------------------------

KINDS: tuple[str, ...] = ("role", "skill", "team", "product", "company")
"""Node kinds of the role–skill–team graph."""

RELATIONS: tuple[str, ...] = ("requires", "belongs_to", "collaborates_with", "works_on", "part_of",
                              "has_role", "has_team", "broader")
"""Edge relations of the graph (``rel`` attribute)."""

LINK_RELATIONS: tuple[str, ...] = ("belongs_to", "collaborates_with", "works_on", "part_of")
"""Relations from a role to a team or product (evidence-carrying links, not requirements)."""

SKILL_KINDS: dict[str, str] = {"method": "Method", "tool": "Tool", "domain": "Domain",
                               "knowledge": "Knowledge", "soft-skill": "SoftSkill"}
"""A concept's kind (graph attribute) → its class local name in ``sg:`` (RDF and the ontology files)."""


# --- namespaces -------------------------------------------------------------------------------------

class Namespace:
    """An IRI prefix with a closed set of terms.

    ``NS.term`` (or ``NS["term"]`` for names that are not identifiers) is ``iri + "term"``; an unknown
    term raises ``AttributeError``/``KeyError``. ``NS.iri`` (also ``str(NS)``) is the prefix itself.
    """

    def __init__(self, iri: str, terms: Iterable[str] = ()):
        self.iri = iri
        self.terms = frozenset(terms)
        for t in self.terms:
            if t.isidentifier():
                self.__dict__[t] = iri + t

    def __getattr__(self, name: str) -> str:
        raise AttributeError(f"{name!r} is not a term of <{self.iri}>; if it is real, add it to "
                             "skillgraph/vocab.py (and ontology/vocab.ttl for sg: terms)")

    def __getitem__(self, name: str) -> str:
        if name not in self.terms:
            raise KeyError(f"{name!r} is not a term of <{self.iri}>; if it is real, add it to "
                           "skillgraph/vocab.py")
        return self.iri + name

    def __contains__(self, iri: object) -> bool:
        """Whether ``iri`` is one of this namespace's terms (a full IRI)."""
        return isinstance(iri, str) and iri.startswith(self.iri) and iri[len(self.iri):] in self.terms

    def local(self, iri: str) -> str | None:
        """The term of a full IRI in this namespace, or None."""
        return iri[len(self.iri):] if iri in self else None

    def __str__(self) -> str:
        return self.iri

    def __repr__(self) -> str:
        return f"Namespace({self.iri!r}, {len(self.terms)} terms)"


RDF = Namespace("http://www.w3.org/1999/02/22-rdf-syntax-ns#",
                ("first", "nil", "object", "predicate", "rest", "subject", "type", "Statement"))
RDFS = Namespace("http://www.w3.org/2000/01/rdf-schema#", ("label", "comment", "seeAlso"))
XSD = Namespace("http://www.w3.org/2001/XMLSchema#",
                ("boolean", "decimal", "double", "float", "integer", "string"))
OWL = Namespace("http://www.w3.org/2002/07/owl#", ("versionInfo", "Ontology"))
SKOS = Namespace("http://www.w3.org/2004/02/skos/core#", (
    "Concept", "ConceptScheme", "altLabel", "broader", "closeMatch", "definition", "exactMatch",
    "hasTopConcept", "hiddenLabel", "inScheme", "narrower", "notation", "prefLabel", "related",
    "scopeNote", "editorialNote", "topConceptOf", "broadMatch", "narrowMatch", "relatedMatch"))
DCT = Namespace("http://purl.org/dc/terms/",
                ("identifier", "license", "rights", "source", "title", "description", "created"))
PROV = Namespace("http://www.w3.org/ns/prov#", ("Entity", "wasDerivedFrom"))
OA = Namespace("http://www.w3.org/ns/oa#", (
    "Annotation", "SpecificResource", "TextPositionSelector", "TextQuoteSelector", "end", "exact",
    "hasBody", "hasSelector", "hasSource", "hasTarget", "identifying", "motivatedBy", "start"))

SG = Namespace("https://w3id.org/skillgraph/vocab#", (
    # classes
    "Company", "Domain", "Evidence", "Knowledge", "Method", "Posting", "Product", "Requirement",
    "RequirementLevel", "Role", "SkillGraph", "SkillKind", "SoftSkill", "Team", "Tool",
    # requirement levels (individuals of sg:RequirementLevel)
    *LEVELS,
    # properties
    "advertisedBy", "alias", "attributes", "belongsTo", "boilerplateCount", "collaboratesWith", "companyName", "degree",
    "demand", "evidence", "exactCaseLabel", "hasRequirement", "hasRole", "hasTeam", "kind", "level",
    "location", "mentionCount", "minYears", "onetHotTechnology", "onetTechnology", "ontologyVersion",
    "partOf", "postingCount", "rank", "requires", "salaryCurrency", "salaryHigh", "salaryLow",
    "salaryPeriod", "section", "senseCue", "seniority", "sentence", "skill", "used", "weakLabel", "workMode",
    "worksOn",
))
"""skillgraph's own vocabulary, exactly the terms ``ontology/vocab.ttl`` declares."""

VOCAB_IRI = "https://w3id.org/skillgraph/vocab"
DEFAULT_BASE = "https://w3id.org/skillgraph/"
"""Where exported roles, teams, postings … get their IRIs unless ``--base`` says otherwise."""

SKILL = Namespace("https://w3id.org/skillgraph/skill/", ("scheme",))
"""Our concepts (``skill:pytorch``); open-ended ids are built with ``SKILL.iri + slug``."""

ESCO_SKILL = Namespace("http://data.europa.eu/esco/skill/")
"""ESCO skill concepts (ids are UUIDs: ``ESCO_SKILL.iri + uuid``)."""
ESCO = ESCO_SKILL
ESCO_MODEL = Namespace("http://data.europa.eu/esco/model#", ("skillReuseLevel", "skillType"))
ESCO_CS = Namespace("http://data.europa.eu/esco/concept-scheme/", ("skills",))
ISCED = Namespace("http://data.europa.eu/esco/isced-f/")
ONET = Namespace("https://w3id.org/skillgraph/onet/", ("scheme",))
