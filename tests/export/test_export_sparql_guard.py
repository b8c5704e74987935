"""SPARQL guard (export/guard.py): no request leaves the machine, size and nesting are bounded,
odd query files and odd results are one line, never a traceback or a segfault."""
from __future__ import annotations

import socket
import threading

import pytest
from click.testing import CliRunner

from skillgraph.cli import main
from skillgraph.errors import InputError, SkillGraphError
from skillgraph.export import sparql
from skillgraph.export.guard import MAX_QUERY_DEPTH, check_query


@pytest.fixture
def listener():
    """A local TCP server that counts connections: a SERVICE request would reach it."""
    srv = socket.socket()
    srv.bind(("127.0.0.1", 0))
    srv.listen(5)
    srv.settimeout(0.2)
    hits = []

    def serve():
        while not stop.is_set():
            try:
                conn, _ = srv.accept()
                hits.append(1)
                conn.close()
            except OSError:
                pass
    stop = threading.Event()
    t = threading.Thread(target=serve, daemon=True)
    t.start()
    yield f"http://127.0.0.1:{srv.getsockname()[1]}/sparql", hits
    stop.set()
    t.join()
    srv.close()


@pytest.mark.parametrize("template", [
    "SELECT * WHERE {{ SERVICE <{url}> {{ ?s ?p ?o }} }}",
    "select * {{service<{url}>{{?s ?p ?o}}}}",
    "SELECT * {{ SeRvIcE SILENT\n<{url}> {{ ?s ?p ?o }} }}",
    "SELECT * {{ #a comment\n  SERVICE#another\n <{url}> {{ ?s ?p ?o }} }}",
    "SELECT * {{ \\u0053ERVICE <{url}> {{ ?s ?p ?o }} }}",
    "SELECT * {{ \\U00000073ervice <{url}> {{ ?s ?p ?o }} }}",
    "SELECT * {{ ?s ?p \"x\" . SERVICE <{url}> {{ ?s ?p ?o }} }}",
    "SELECT * {{ ?s ?p '''a ''' . SERVICE\t<{url}> {{ ?s ?p ?o }} }}",
    "SELECT * {{ BIND(<{url}> AS ?u) SERVICE ?u {{ ?s ?p ?o }} }}",
    "LOAD <{url}>",
])
def test_service_and_load_are_refused_before_any_request(rdf_graph, listener, template):
    url, hits = listener
    with pytest.raises(InputError) as ei:
        sparql(rdf_graph(), template.format(url=url))
    assert "refused" in str(ei.value) and "\n" not in str(ei.value)
    assert hits == []


@pytest.mark.parametrize("query", [
    'SELECT ?service WHERE { ?service ?p "SERVICE and LOAD" }',
    "SELECT * WHERE { ?s <https://example.org/SERVICE> ?o } # SERVICE <http://x/> {}",
    'SELECT * WHERE { ?s ?p ?o FILTER(?o<3 || ?o>"""\nSERVICE""") }',
    "SELECT * WHERE { ?s skos:prefLabel ?load }",
])
def test_the_words_inside_strings_iris_comments_and_names_are_fine(rdf_graph, query):
    check_query(query)
    sparql(rdf_graph(), query)


def test_deep_nesting_and_huge_queries_are_refused_not_segfaults(rdf_graph):
    for q in ("SELECT * WHERE " + "{" * 10_000 + "?s ?p ?o" + "}" * 10_000,
              "SELECT * WHERE { FILTER(" + "(" * 5000 + "1" + ")" * 5000 + ") }",
              "SELECT * WHERE { ?s ?p ?o . " + "?s ?p ?o . " * 100_000 + "}",
              "SELECT * WHERE { FILTER(" + "+".join(["1"] * 40_000) + " > 0) }",     # segfaulted (flat chain)
              "SELECT * WHERE { ?s ?p ?o " + "OPTIONAL { ?s ?p ?o } " * 300 + "}",     # seconds per OPTIONAL
              "SELECT * WHERE { ?s " + "/".join(["skos:broader"] * 1000) + " ?o }"):   # minutes
        with pytest.raises(InputError) as ei:
            sparql(rdf_graph(), q)
        assert "\n" not in str(ei.value)
    ok = "SELECT * WHERE " + "{" * MAX_QUERY_DEPTH + "?s ?p ?o" + "}" * MAX_QUERY_DEPTH
    sparql(rdf_graph(), ok)


def test_odd_literals_in_results_stay_values(rdf_graph):
    q = ('SELECT ?n ?d WHERE { BIND(STRDT("' + "9" * 5000 + '", xsd:integer) AS ?n) '
         'BIND(STRDT("not a number", xsd:double) AS ?d) }')
    try:
        cols, rows = sparql(rdf_graph(), q)
    except SkillGraphError as exc:
        assert "\n" not in str(exc)
    else:
        assert cols == ["n", "d"] and isinstance(rows[0][0], (int, str))


@pytest.mark.parametrize("content", [b"\x00\x01\x02SELECT", b"SELECT * { ?s ?p \xff\xfe }", b"\x89PNG\r\n\x1a\n"])
def test_binary_or_non_utf8_query_files_are_one_line(tmp_path, content):
    f = tmp_path / "q.rq"
    f.write_bytes(content)
    r = CliRunner().invoke(main, ["sparql", f"@{f}", "--graph", str(tmp_path / "none.ttl")])
    assert r.exit_code == 1 and r.exception is None or isinstance(r.exception, SystemExit)
    assert "Traceback" not in r.output and len(r.output.strip().splitlines()) == 1
