"""ESCO and O*NET import (skillgraph.esco) and `skillgraph ontology import-esco/import-onet`."""
from __future__ import annotations

import csv
import gzip
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from skillgraph import esco, rdf

DATA = Path("/work/shared/data")
E = "http://data.europa.eu/esco/skill/"
SKOS = rdf.SKOS


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


def esco_fixture(d: Path, gz: bool = True) -> Path:
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


@pytest.mark.parametrize("gz", [True, False])
def test_import_esco_fixture(tmp_path, gz):
    from rdflib import Graph, Literal, Namespace, URIRef

    d = esco_fixture(tmp_path / "esco", gz)
    out = tmp_path / "esco.ttl"
    stats = esco.import_esco(d, out)
    assert stats["skills"] == 3 and stats["groups"] == 3 and stats["concepts"] == 6
    assert stats["alt_labels"] == 5 and stats["hidden_labels"] == 1
    assert stats["broader"] == 5 and stats["top_concepts"] == 1   # g-metal -> g-top from the hierarchy
    g = Graph().parse(out)
    S = Namespace(SKOS)
    pg = URIRef(E + "s-pg")
    assert g.value(pg, S.prefLabel) == Literal("PostgreSQL", lang="en")
    assert set(g.objects(pg, S.altLabel)) == {Literal("PostgreSQL", lang="en"), Literal("Postgres", lang="en")}
    assert g.value(pg, S.hiddenLabel) == Literal("postgre", lang="en")
    assert g.value(pg, S.definition) == Literal("An open-source database.", lang="en")
    assert g.value(pg, URIRef(rdf.ESCO_MODEL + "skillType")) == URIRef("http://data.europa.eu/esco/skill-type/knowledge")
    assert g.value(pg, URIRef(rdf.SG + "kind")) == URIRef(rdf.SG + "Knowledge")
    team = URIRef(E + "s-team")
    assert g.value(team, S.prefLabel) == Literal("work in teams ", lang="en")    # kept as given
    assert g.value(team, URIRef(rdf.SG + "kind")) == URIRef(rdf.SG + "SoftSkill")
    # the group only the hierarchy names exists, so every skill reaches the top concept
    assert g.value(URIRef(E + "g-metal"), S.prefLabel) == Literal("working with metal", lang="en")
    top = URIRef(E + "g-top")
    for s in ("s-pg", "s-team", "s-weld"):
        assert top in set(g.transitive_objects(URIRef(E + s), S.broader))
    assert (top, S.topConceptOf, URIRef(esco.ESCO_SCHEME)) in g
    assert rdf.validate(out) == []
    # same input, same bytes
    esco.import_esco(d, tmp_path / "again.ttl")
    assert (tmp_path / "again.ttl").read_bytes() == out.read_bytes()


def test_import_esco_loads_as_ontology_and_joins_exact_match(tmp_path):
    ontology = pytest.importorskip("skillgraph.ontology")
    d = esco_fixture(tmp_path / "esco")
    out = tmp_path / "esco.ttl"
    esco.import_esco(d, out)
    ont = ontology.load_ontology(extra=[out], include_default=False)
    assert "esco:s-pg" in ont
    assert [c.id for c in ont.resolve("Postgres")] == ["esco:s-pg"]
    assert "esco:g-top" in ont.ancestors("esco:s-pg")


def test_import_esco_errors(tmp_path):
    with pytest.raises(esco.InputError, match="not a folder"):
        esco.import_esco(tmp_path / "nope", tmp_path / "x.ttl")
    (tmp_path / "e").mkdir()
    with pytest.raises(esco.InputError, match="skills_en.csv"):
        esco.import_esco(tmp_path / "e", tmp_path / "x.ttl")
    (tmp_path / "e" / "skills_en.csv").write_text("a,b\n1,2\n")
    with pytest.raises(esco.InputError, match="missing column"):
        esco.import_esco(tmp_path / "e", tmp_path / "x.ttl")


def test_import_onet_fixture(tmp_path):
    from rdflib import Graph, Literal, URIRef

    (tmp_path / "Technology_Skills.tsv").write_text(
        "O*NET-SOC Code\tTitle\tExample\tCommodity Code\tCommodity Title\tHot Technology\tIn Demand\n"
        "15-2051.00\tData Scientists\tPyTorch\t43232605\tAnalytical or scientific software\tY\tN\n"
        "15-2051.00\tData Scientists\tPostgreSQL\t43232306\tData base user interface and query software\tY\tY\n"
        "15-1252.00\tSoftware Developers\tPyTorch\t43232605\tAnalytical or scientific software\tY\tN\n")
    (tmp_path / "UNSPSC_Reference.tsv").write_text(
        "Commodity Code\tCommodity Title\tClass Code\tClass Title\tFamily Code\tFamily Title\tSegment Code\tSegment Title\n"
        "43232605\tAnalytical or scientific software\t43232600\tIndustry specific software\t43230000\tSoftware\t43000000\tIT\n"
        "43232306\tData base user interface and query software\t43232300\tData management software\t43230000\tSoftware\t43000000\tIT\n")
    stats = esco.import_onet(tmp_path / "Technology_Skills.tsv", tmp_path / "onet.ttl")
    assert stats["technologies"] == 2 and stats["top_concepts"] == 1
    g = Graph().parse(tmp_path / "onet.ttl")
    t = URIRef(esco.ONET + "tech-pytorch")
    assert g.value(t, URIRef(rdf.SG + "onetTechnology")) == Literal("PyTorch")
    chain = set(g.transitive_objects(t, URIRef(SKOS + "broader")))
    assert URIRef(esco.ONET + "unspsc-43000000") in chain
    assert rdf.validate(tmp_path / "onet.ttl") == []


def test_cli_import_esco(tmp_path):
    from skillgraph.cli import main

    d = esco_fixture(tmp_path / "esco")
    res = CliRunner().invoke(main, ["ontology", "import-esco", str(d), "--out", str(tmp_path / "o.ttl")])
    assert res.exit_code == 0, res.output
    assert json.loads(res.output)["skills"] == 3
    res = CliRunner().invoke(main, ["ontology", "import-esco", str(tmp_path / "missing"), "--out", "x.ttl"])
    assert res.exit_code == 1 and "not a folder" in res.output


@pytest.mark.skipif(not (DATA / "esco-v1.1.1" / "skills_en.csv.gz").exists(), reason="ESCO data not present")
def test_import_real_esco_counts(tmp_path):
    stats = esco.import_esco(DATA / "esco-v1.1.1", tmp_path / "esco.ttl")
    assert stats["skills"] == 13896
    assert 97_000 <= stats["alt_labels"] <= 98_000
    assert stats["broader"] == 20656
    assert stats["top_concepts"] == 4
    assert stats["seconds"] < 15
    import pyoxigraph as ox
    st = ox.Store()
    st.bulk_load(path=str(tmp_path / "esco.ttl"), format=ox.RdfFormat.TURTLE)
    n = next(iter(st.query("SELECT (COUNT(?c) AS ?n) WHERE { ?c a <http://www.w3.org/2004/02/skos/core#Concept> ; "
                           "<http://data.europa.eu/esco/model#skillType> ?t }")))["n"]
    assert int(n.value) == 13890     # 6 ESCO skills have no type
    pg = next(iter(st.query('SELECT ?c WHERE { ?c <http://www.w3.org/2004/02/skos/core#prefLabel> "PostgreSQL"@en }')))
    assert pg["c"].value.startswith(E)
    # as --ontology next to ours: extraction links "PostgreSQL" to ESCO's concept, and our
    # concept's exactMatch names that same concept
    extract = pytest.importorskip("skillgraph.extract")
    from skillgraph.model import Posting
    from skillgraph.ontology import compact, load_ontology

    ont = load_ontology(extra=[tmp_path / "esco.ttl"])
    esco_pg = compact(pg["c"].value)
    x = extract.extract_all([Posting(id="p", source="-", text="Requirements:\n- 3+ years with PostgreSQL.\n")], ont)[0]
    linked = {m.concept for m in x.mentions if m.text == "PostgreSQL"}
    assert esco_pg in linked, linked
    ours = [c for c in ont.concepts.values() if c.id.startswith("skill:") and pg["c"].value in c.exact_match]
    assert ours, "no concept of ours maps to ESCO's PostgreSQL"
