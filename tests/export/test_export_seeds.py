"""The seeds end to end: ``skillgraph build``'s Turtle parses, validates, reads back into the same graph,
answers the same queries, and SPARQL finds the evidence."""
from __future__ import annotations

from click.testing import CliRunner

from skillgraph.export import read_rdf, sparql, validate


def test_seed_build_export_validates_round_trips_and_answers(tmp_path, root, norm, query_answers):
    """skillgraph build on the seeds: its Turtle parses in rdflib and pyoxigraph, validates, reads back
    into the same graph, answers the same queries, and SPARQL finds the Responsible AI role's
    fairness and red-teaming requirements with their evidence sentences."""
    from skillgraph.cli import main
    from skillgraph.graph import load_graph

    res = CliRunner().invoke(main, ["build", str(root / "seeds"), "--out", str(tmp_path)])
    assert res.exit_code == 0, res.output
    ttl = tmp_path / "skillgraph.ttl"
    G, H = load_graph(tmp_path / "graph.json"), read_rdf(ttl)
    assert norm(H) == norm(G)
    assert validate(ttl) == []
    import pyoxigraph as ox
    from rdflib import Graph
    assert len(list(ox.parse(path=str(ttl), format=ox.RdfFormat.TURTLE))) == len(Graph().parse(ttl))
    answers = query_answers(G)
    assert len(answers) == 65
    assert query_answers(H) == answers
    cols, rows = sparql(ttl, """SELECT ?label ?sentence WHERE {
        ?role a sg:Role ; dct:title ?title ; sg:hasRequirement ?r . FILTER(CONTAINS(?title, "Responsible AI"))
        ?r sg:skill ?s ; sg:evidence ?e . ?s skos:prefLabel ?label . ?e sg:sentence ?sentence }""")
    labels = {r[0].lower() for r in rows}
    assert any("fairness" in x for x in labels) and "red teaming" in labels, labels
    assert all(r[1] for r in rows)
