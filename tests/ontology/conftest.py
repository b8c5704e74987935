"""Fixtures of the ontology tests: the shipped ontology, the reference targets of the shared data, and a
tiny ESCO CSV download written on demand. ``shared_data`` (the ``../shared/data`` folder beside the project,
skipping when absent) comes from ``tests/conftest.py``."""
from __future__ import annotations

import csv
import gzip
import io
from pathlib import Path

import pytest

from skillgraph.ontology import load_ontology, reference_targets

E = "http://data.europa.eu/esco/skill/"


@pytest.fixture(scope="module")
def ont():
    return load_ontology()


@pytest.fixture(scope="module")
def targets(shared_data):
    if not (shared_data / "esco-v1.1.1").is_dir():
        pytest.skip(f"reference data not found at {shared_data}")
    return reference_targets(shared_data)


@pytest.fixture(scope="session")
def esco_data(shared_data) -> Path:
    """The real ESCO v1.1.1 CSV download; skips when it is absent."""
    d = shared_data / "esco-v1.1.1"
    if not (d / "skills_en.csv.gz").exists():
        pytest.skip(f"ESCO data not present ({d / 'skills_en.csv.gz'})")
    return d


def _csv(path: Path, header: list[str], rows: list[list[str]], gz: bool) -> None:
    buf = io.StringIO()
    w = csv.writer(buf)
    w.writerow(header)
    w.writerows(rows)
    if gz:
        with gzip.open(str(path) + ".gz", "wt", encoding="utf-8", newline="") as fh:
            fh.write(buf.getvalue())
    else:
        path.write_text(buf.getvalue(), encoding="utf-8")


def _esco_fixture(d: Path, gz: bool = True) -> Path:
    """Three skills, a group chain of two, one group named only by the hierarchy file."""
    d.mkdir(parents=True, exist_ok=True)
    schemes = "http://data.europa.eu/esco/concept-scheme/skills,\nhttp://data.europa.eu/esco/concept-scheme/member-skills"
    _csv(d / "skills_en.csv", ["conceptType", "conceptUri", "skillType", "reuseLevel", "preferredLabel",
                               "altLabels", "hiddenLabels", "status", "modifiedDate", "scopeNote",
                               "definition", "inScheme", "description"], [
        ["KnowledgeSkillCompetence", E + "s-pg", "knowledge", "cross-sector", "PostgreSQL",
         "PostgreSQL\nPostgres", "postgre", "released", "", "", "", schemes, "An open-source database."],
        ["KnowledgeSkillCompetence", E + "s-team", "skill/competence", "transversal", "work in teams ",
         "teamwork\ncollaborate", "", "released", "", "", "", schemes, "Work with others."],
        ["KnowledgeSkillCompetence", E + "s-weld", "skill/competence", "sector-specific", "weld metal",
         "", "", "released", "", "Scope \"note\".", "", schemes, ""],
    ], gz)
    _csv(d / "skillGroups_en.csv", ["conceptType", "conceptUri", "preferredLabel", "altLabels", "hiddenLabels",
                                    "status", "modifiedDate", "scopeNote", "inScheme", "description", "code"], [
        ["SkillGroup", E + "g-top", "skills", "", "", "released", "", "", schemes, "", "S"],
        ["SkillGroup", E + "g-db", "databases", "DB", "", "released", "", "", schemes, "Databases.", "S1"],
    ], gz)
    _csv(d / "broaderRelationsSkillPillar.csv", ["conceptType", "conceptUri", "broaderType", "broaderUri"], [
        ["KnowledgeSkillCompetence", E + "s-pg", "SkillGroup", E + "g-db"],
        ["SkillGroup", E + "g-db", "SkillGroup", E + "g-top"],
        ["KnowledgeSkillCompetence", E + "s-team", "SkillGroup", E + "g-top"],
        ["KnowledgeSkillCompetence", E + "s-weld", "SkillGroup", E + "g-metal"],
    ], gz)
    _csv(d / "skillsHierarchy_en.csv", ["Level 0 URI", "Level 0 preferred term", "Level 1 URI",
                                        "Level 1 preferred term", "Level 2 URI", "Level 2 preferred term",
                                        "Level 3 URI", "Level 3 preferred term", "Description", "Scope note",
                                        "Level 0 code", "Level 1 code", "Level 2 code", "Level 3 code"], [
        [E + "g-top", "skills", "", "", "", "", "", "", "", "", "S", "", "", ""],
        [E + "g-top", "skills", E + "g-metal", "working with metal", "", "", "", "", "", "", "S", "S9", "", ""],
    ], gz)
    return d


@pytest.fixture
def esco_fixture():
    """``esco_fixture(folder, gz=True)`` writes the tiny ESCO download into ``folder`` and returns it."""
    return _esco_fixture
