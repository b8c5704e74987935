"""ESCO import (skillgraph/ontology/importers/esco.py) and `skillgraph ontology import-esco`."""
from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from skillgraph.errors import InputError
from skillgraph.export import validate
from skillgraph.ontology import import_esco, load_ontology
from skillgraph.ontology.importers import ESCO_SCHEME
from skillgraph.vocab import ESCO_MODEL, SG, SKOS

E = "http://data.europa.eu/esco/skill/"


@pytest.mark.parametrize("gz", [True, False])
def test_import_esco_fixture(tmp_path, gz, esco_fixture):
    from rdflib import Graph, Literal, Namespace, URIRef

    d = esco_fixture(tmp_path / "esco", gz)
    out = tmp_path / "esco.ttl"
    stats = import_esco(d, out)
    assert stats["skills"] == 3 and stats["groups"] == 3 and stats["concepts"] == 6
    assert stats["alt_labels"] == 5 and stats["hidden_labels"] == 1
    assert stats["broader"] == 5 and stats["top_concepts"] == 1   # g-metal -> g-top from the hierarchy
    g = Graph().parse(out)
    S = Namespace(SKOS.iri)
    pg = URIRef(E + "s-pg")
    assert g.value(pg, S.prefLabel) == Literal("PostgreSQL", lang="en")
    assert set(g.objects(pg, S.altLabel)) == {Literal("PostgreSQL", lang="en"), Literal("Postgres", lang="en")}
    assert g.value(pg, S.hiddenLabel) == Literal("postgre", lang="en")
    assert g.value(pg, S.definition) == Literal("An open-source database.", lang="en")
    assert g.value(pg, URIRef(ESCO_MODEL.skillType)) == URIRef("http://data.europa.eu/esco/skill-type/knowledge")
    assert g.value(pg, URIRef(SG.kind)) == URIRef(SG.Knowledge)
    team = URIRef(E + "s-team")
    assert g.value(team, S.prefLabel) == Literal("work in teams ", lang="en")    # kept as given
    assert g.value(team, URIRef(SG.kind)) == URIRef(SG.SoftSkill)
    # the group only the hierarchy names exists, so every skill reaches the top concept
    assert g.value(URIRef(E + "g-metal"), S.prefLabel) == Literal("working with metal", lang="en")
    top = URIRef(E + "g-top")
    for s in ("s-pg", "s-team", "s-weld"):
        assert top in set(g.transitive_objects(URIRef(E + s), S.broader))
    assert (top, S.topConceptOf, URIRef(ESCO_SCHEME)) in g
    assert validate(out) == []
    # same input, same bytes
    import_esco(d, tmp_path / "again.ttl")
    assert (tmp_path / "again.ttl").read_bytes() == out.read_bytes()


def test_import_esco_loads_as_ontology_and_joins_exact_match(tmp_path, esco_fixture):
    from skillgraph.extraction import resolve_term

    d = esco_fixture(tmp_path / "esco")
    out = tmp_path / "esco.ttl"
    import_esco(d, out)
    ont = load_ontology(extra=[out], include_default=False)
    assert "esco:s-pg" in ont
    assert [c.id for c in resolve_term(ont, "Postgres")] == ["esco:s-pg"]
    assert "esco:g-top" in ont.ancestors("esco:s-pg")


def test_import_esco_errors(tmp_path):
    with pytest.raises(InputError, match="not a folder"):
        import_esco(tmp_path / "nope", tmp_path / "x.ttl")
    (tmp_path / "e").mkdir()
    with pytest.raises(InputError, match="skills_en.csv"):
        import_esco(tmp_path / "e", tmp_path / "x.ttl")
    (tmp_path / "e" / "skills_en.csv").write_text("a,b\n1,2\n")
    with pytest.raises(InputError, match="missing column"):
        import_esco(tmp_path / "e", tmp_path / "x.ttl")


def test_cli_import_esco(tmp_path, esco_fixture):
    from skillgraph.cli import main

    d = esco_fixture(tmp_path / "esco")
    res = CliRunner().invoke(main, ["ontology", "import-esco", str(d), "--out", str(tmp_path / "o.ttl")])
    assert res.exit_code == 0, res.output
    assert json.loads(res.output)["skills"] == 3
    res = CliRunner().invoke(main, ["ontology", "import-esco", str(tmp_path / "missing"), "--out", "x.ttl"])
    assert res.exit_code == 1 and "not a folder" in res.output


def test_import_real_esco_counts(tmp_path, esco_data):
    stats = import_esco(esco_data, tmp_path / "esco.ttl")
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
    # as --ontology next to ours: our concept that exactMatches ESCO's PostgreSQL absorbs it (one
    # node, our id, ESCO's URI kept as exactMatch) and "PostgreSQL" links to ours
    extract = pytest.importorskip("skillgraph.extraction")
    from skillgraph.model import Posting
    from skillgraph.ontology import compact

    ont = load_ontology(extra=[tmp_path / "esco.ttl"])
    esco_pg = compact(pg["c"].value)
    ours = [c for c in ont.concepts.values() if c.id.startswith("skill:") and pg["c"].value in c.exact_match]
    assert ours, "no concept of ours maps to ESCO's PostgreSQL"
    assert esco_pg not in ont
    x = extract.extract_all([Posting(id="p", source="-", text="Requirements:\n- 3+ years with PostgreSQL.\n")], ont)[0]
    linked = {m.concept for m in x.mentions if m.text == "PostgreSQL"}
    assert linked == {ours[0].id}, linked
