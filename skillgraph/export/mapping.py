"""The graph ↔ RDF mapping as data: the class of each node kind, the predicate of each relation, and
the node attributes and evidence keys the mapping knows (anything else travels as ``sg:attributes``
JSON). Both directions read these tables: :mod:`.triples` (export) and :mod:`.read` (import).
"""
from __future__ import annotations

from ..vocab import LINK_RELATIONS, SG, SKILL_KINDS, SKOS

KIND_CLASS = {"role": SG.Role, "team": SG.Team, "company": SG.Company, "product": SG.Product,
              "skill": SKOS.Concept}
CLASS_KIND = {v: k for k, v in KIND_CLASS.items()}

SKILL_KIND_CLASS = {k: SG[v] for k, v in SKILL_KINDS.items()}
"""A concept's ``skill_kind`` → its ``sg:kind`` class."""
SKILL_KINDS_BACK = {v: k for k, v in SKILL_KIND_CLASS.items()}

RELS = {
    "belongs_to": SG.belongsTo, "part_of": SG.partOf, "collaborates_with": SG.collaboratesWith,
    "works_on": SG.worksOn, "has_role": SG.hasRole, "has_team": SG.hasTeam, "broader": SKOS.broader,
}
"""Edge relation → predicate (``requires`` is reified as an ``sg:Requirement`` instead)."""
RELS_BACK = {v: k for k, v in RELS.items()}

LINK_RELS = frozenset(LINK_RELATIONS)
"""Role → team/product links, whose evidence is annotated with the statement it supports."""

NOT_EDGES = frozenset(SG[x] for x in ("requires", "hasRequirement", "advertisedBy", "kind", "attributes",
                                      "level", "skill", "evidence", "alias"))
"""``sg:`` predicates between resources that are not graph edges."""

NOT_NODES = frozenset(("Posting", "Requirement", "Evidence", "SkillGraph", "RequirementLevel", "SkillKind"))
"""``sg:`` classes whose instances are not graph nodes."""

# Node attributes the mapping knows (everything else goes to sg:attributes as JSON).
ROLE_ATTRS = frozenset({"kind", "label", "title", "posting", "source", "company", "locations", "seniority",
                        "work_mode", "min_years", "degrees", "salary"})
ROLE_DEFAULTS = {"title": None, "posting": None, "source": None, "company": None, "locations": [],
                 "seniority": None, "work_mode": None, "min_years": None, "degrees": [], "salary": None}
SKILL_ATTRS = frozenset({"kind", "label", "iri", "definition", "skill_kind", "alt_labels", "hidden_labels",
                         "exact_match", "close_match", "demand", "used"})
SKILL_DEFAULTS = {"definition": None, "skill_kind": None, "alt_labels": [], "hidden_labels": [],
                  "demand": 0, "used": False}
TEAM_ATTRS = frozenset({"kind", "label", "aliases"})
OTHER_ATTRS = frozenset({"kind", "label"})

EVIDENCE_KEYS = ("posting", "start", "end", "text", "sentence", "section", "requirement")
LINK_EVIDENCE_KEYS = ("posting", "start", "end", "text", "sentence")   # team/product links
