"""The export, validate and sparql commands (their export side: skillgraph.export)."""
from __future__ import annotations

import json

from click.testing import CliRunner


def test_cli_export_sparql_validate(tmp_path, graph_json):
    from skillgraph.cli import main

    r = CliRunner()
    out = tmp_path / "g.ttl"
    res = r.invoke(main, ["export", "--graph", graph_json, "--format", "turtle", "--out", str(out)])
    assert res.exit_code == 0, res.output
    assert out.read_text().startswith("@prefix")
    res = r.invoke(main, ["sparql", "SELECT ?t WHERE { ?r dct:title ?t } ORDER BY ?t", "--graph", str(out),
                          "--format", "csv"])
    assert res.exit_code == 0, res.output
    assert res.output.splitlines() == ["t", "ML Engineer", '"Research Scientist, Responsible AI"']
    res = r.invoke(main, ["validate", str(out)])
    assert res.exit_code == 0, res.output
    bad = tmp_path / "bad.ttl"
    bad.write_text(out.read_text().replace("sg:level sg:required", "sg:level sg:mandatory"))
    res = r.invoke(main, ["validate", str(bad)])
    assert res.exit_code == 1 and "sg:level" in res.output


def test_cli_export_formats_and_query_file(tmp_path, graph_json):
    from skillgraph.cli import main

    r = CliRunner()
    gj = graph_json
    res = r.invoke(main, ["export", "--graph", gj, "--format", "graphml"])
    assert res.exit_code == 0 and "<graphml" in res.output
    res = r.invoke(main, ["export", "--graph", gj, "--format", "csv"])
    assert res.exit_code == 0 and res.output.startswith("source,target,rel")
    res = r.invoke(main, ["export", "--graph", gj, "--format", "jsonld", "--no-evidence"])
    assert res.exit_code == 0 and '"@context"' in res.output and "oa:Annotation" not in res.output
    res = r.invoke(main, ["export", "--graph", gj, "--base", "https://example.org/x/", "--format", "nt"])
    assert res.exit_code == 0 and "<https://example.org/x/role/000-aaa>" in res.output
    q = tmp_path / "q.rq"
    q.write_text("SELECT ?skill WHERE { role:000-aaa sg:requires ?s . ?s skos:prefLabel ?skill } ORDER BY ?skill")
    res = r.invoke(main, ["sparql", f"@{q}", "--graph", gj, "--format", "json"])
    assert res.exit_code == 0, res.output
    assert json.loads(res.output) == [{"skill": "fairness"}, {"skill": "red teaming"}]
    res = r.invoke(main, ["sparql", "SELECT * WHERE {", "--graph", gj])
    assert res.exit_code == 1 and "line 1" in res.output
    res = r.invoke(main, ["export", "--graph", str(tmp_path / "missing.json")])
    assert res.exit_code == 1 and "missing.json" in res.output


def test_cli_validate_defaults_to_the_shipped_ontology():
    from skillgraph.cli import main

    res = CliRunner().invoke(main, ["validate"])
    assert res.exit_code == 0, res.output
    assert "valid: the shipped ontology" in res.output


def test_no_evidence_and_base_for_the_other_formats(graph_json):
    """--no-evidence leaves GraphML's evidence cells out (it was ignored there); where an option cannot
    apply (evidence in the csv edge list, IRIs outside RDF) it is one usage line, not silence."""
    from skillgraph.cli import main

    r = CliRunner()
    full = r.invoke(main, ["export", "--graph", graph_json, "--format", "graphml"])
    lean = r.invoke(main, ["export", "--graph", graph_json, "--format", "graphml", "--no-evidence"])
    assert full.exit_code == lean.exit_code == 0
    assert 'attr.name="evidence"' in full.output and 'attr.name="evidence"' not in lean.output
    assert lean.output.count("<edge ") == full.output.count("<edge ")
    for args in (["--format", "csv", "--no-evidence"], ["--format", "graphml", "--base", "http://x/"],
                 ["--format", "csv", "--base", "http://x/"]):
        res = r.invoke(main, ["export", "--graph", graph_json, *args])
        assert res.exit_code == 1 and len(res.output.strip().splitlines()) == 1, res.output


def test_a_graphml_or_csv_export_as_graph_is_named_for_what_it_is(tmp_path, graph_json):
    """It said 'not valid JSON — rebuild it' of a GraphML file."""
    from skillgraph.cli import main

    r = CliRunner()
    for fmt in ("graphml", "csv"):
        out = tmp_path / f"g.{fmt}"
        assert r.invoke(main, ["export", "--graph", graph_json, "--format", fmt, "--out", str(out)]).exit_code == 0
        res = r.invoke(main, ["roles", "--graph", str(out)])
        assert res.exit_code == 1
        assert res.output.strip() == (f"error: {out}: a {fmt} export is not read back (it is for Gephi and pandas) "
                                      "— pass graph.json or an RDF export (.ttl, .nt, .jsonld)")
