"""O*NET import (skillgraph/ontology/importers/onet.py)."""
from __future__ import annotations

from skillgraph.export import validate
from skillgraph.ontology import import_onet
from skillgraph.vocab import ONET, SG, SKOS


def test_import_onet_fixture(tmp_path):
    from rdflib import Graph, Literal, URIRef

    (tmp_path / "Technology_Skills.tsv").write_text(
        "O*NET-SOC Code\tTitle\tExample\tCommodity Code\tCommodity Title\tHot Technology\tIn Demand\n"
        "15-2051.00\tData Scientists\tPyTorch\t43232605\tAnalytical or scientific software\tY\tN\n"
        "15-2051.00\tData Scientists\tPostgreSQL\t43232306\tData base user interface and query software\tY\tY\n"
        "15-1252.00\tSoftware Developers\tPyTorch\t43232605\tAnalytical or scientific software\tY\tN\n")
    rows = [
        ("Commodity Code", "Commodity Title", "Class Code", "Class Title", "Family Code", "Family Title",
         "Segment Code", "Segment Title"),
        ("43232605", "Analytical or scientific software", "43232600", "Industry specific software", "43230000",
         "Software", "43000000", "IT"),
        ("43232306", "Data base user interface and query software", "43232300", "Data management software",
         "43230000", "Software", "43000000", "IT"),
    ]
    (tmp_path / "UNSPSC_Reference.tsv").write_text("".join("\t".join(r) + "\n" for r in rows))
    stats = import_onet(tmp_path / "Technology_Skills.tsv", tmp_path / "onet.ttl")
    assert stats["technologies"] == 2 and stats["top_concepts"] == 1
    g = Graph().parse(tmp_path / "onet.ttl")
    t = URIRef(ONET.iri + "tech-pytorch")
    assert g.value(t, URIRef(SG.onetTechnology)) == Literal("PyTorch")
    chain = set(g.transitive_objects(t, URIRef(SKOS.broader)))
    assert URIRef(ONET.iri + "unspsc-43000000") in chain
    assert validate(tmp_path / "onet.ttl") == []
