"""read_rdf (skillgraph.export.read): exports back into the same graph, and the same query answers."""
from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from skillgraph.errors import InputError, NoPathError, UnknownNodeError
from skillgraph.export import graph_to_rdf, read_rdf, write_rdf
from skillgraph.export.convert import to_rdflib
from skillgraph.export.parse import parse_bytes, rdflib_graph


@pytest.mark.parametrize("fmt", ["turtle", "nt", "jsonld"])
def test_round_trip_restores_graph(tmp_path, fmt, rdf_graph, norm):
    G = rdf_graph()
    path = tmp_path / {"turtle": "g.ttl", "nt": "g.nt", "jsonld": "g.jsonld"}[fmt]
    write_rdf(G, path, fmt=fmt)
    H = read_rdf(path)
    assert norm(H) == norm(G)


def test_round_trip_isomorphic(tmp_path, rdf_graph):
    from rdflib.compare import isomorphic

    G = rdf_graph()
    write_rdf(G, tmp_path / "a.ttl")
    H = read_rdf(tmp_path / "a.ttl")
    write_rdf(H, tmp_path / "b.ttl")
    a, b = rdflib_graph(tmp_path / "a.ttl"), rdflib_graph(tmp_path / "b.ttl")
    assert isomorphic(a, b)
    assert (tmp_path / "a.ttl").read_bytes() == (tmp_path / "b.ttl").read_bytes()


def test_unknown_attributes_survive(rdf_graph):
    G = rdf_graph()
    G.nodes["team:ml"]["headcount"] = 12
    G.nodes["skill:fairness"]["top"] = False
    G.graph["built_by"] = "test"
    H = read_rdf(graph_to_rdf(G))
    assert H.nodes["team:ml"]["headcount"] == 12 and H.nodes["skill:fairness"]["top"] is False
    assert H.graph["built_by"] == "test"


def test_unknown_kinds_relations_and_evidence_keys_survive(rdf_graph, norm):
    G = rdf_graph()
    G.add_node("vendor:acme", kind="vendor", label="Acme")
    G.add_edge("role:000-aaa", "vendor:acme", rel="buys_from")
    G.edges["role:000-aaa", "skill:fairness"]["evidence"][0]["score"] = 0.5
    del G.edges["role:000-aaa", "skill:red-teaming"]["evidence"][0]["section"]
    assert norm(read_rdf(graph_to_rdf(G))) == norm(G)


def test_round_trip_queries_agree(tmp_path, rdf_graph, query_answers):
    G = rdf_graph()
    write_rdf(G, tmp_path / "g.ttl")
    H = read_rdf(tmp_path / "g.ttl")
    answers = query_answers(G)
    assert len(answers) == 12
    assert query_answers(H) == answers


def test_round_trip_keeps_the_query_errors(tmp_path, rdf_graph):
    """The inputs meant to fail fail alike on the read-back graph: same error class, same message."""
    from skillgraph import query

    G = rdf_graph()
    write_rdf(G, tmp_path / "g.ttl")
    H = read_rdf(tmp_path / "g.ttl")
    cases = [
        (NoPathError, "no path between 'Research Scientist, Responsible AI' and 'Homefeed' using only "
                      "belongs_to edges", lambda g: query.paths(g, "role:000-aaa", "product:homefeed",
                                                                via="belongs_to")),
        (NoPathError, "no path between 'fairness' and 'ML' using only broader edges",
         lambda g: query.paths(g, "skill:fairness", "team:ml", via=["broader"])),
        (UnknownNodeError, "no role named 'nope' in the graph", lambda g: query.gap(g, "role:000-aaa", "role:nope")),
        (UnknownNodeError, "no role named 'zzz' in the graph", lambda g: query.skills(g, "role:zzz")),
    ]
    for error, message, call in cases:
        for g in (G, H):
            with pytest.raises(error) as exc:
                call(g)
            assert str(exc.value).strip("'\"").startswith(message), str(exc.value)


def test_read_refuses_what_is_not_rdf(tmp_path):
    with pytest.raises(InputError, match="cannot read RDF from int"):
        read_rdf(3)
    with pytest.raises(InputError, match="no such file"):
        read_rdf(tmp_path / "none.ttl")
    with pytest.raises(InputError, match="cannot tell the RDF format from the suffix '.docx'"):
        read_rdf(tmp_path / "x.docx")


# --- property: any text survives the writers ------------------------------------------------------

_text = st.text(st.characters(blacklist_categories=("Cs",)), max_size=40)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(title=_text, sentence=_text, label=_text, name=st.text(min_size=1, max_size=12))
def test_any_text_round_trips(rdf_graph, norm, title, sentence, label, name):
    G = rdf_graph()
    G.nodes["role:000-aaa"]["title"] = title
    G.nodes["skill:fairness"]["label"] = label
    G.edges["role:000-aaa", "skill:fairness"]["evidence"][0]["sentence"] = sentence
    G.add_node(f"team:{name}", kind="team", label=name, aliases=[name + "\n\"x\""])
    G.add_edge("role:000-aaa", f"team:{name}", rel="collaborates_with", evidence=[])
    import pyoxigraph as ox
    from rdflib.compare import isomorphic
    ref = graph_to_rdf(G)
    for fmt, oxfmt in (("turtle", ox.RdfFormat.TURTLE), ("nt", ox.RdfFormat.N_TRIPLES),
                       ("jsonld", ox.RdfFormat.JSON_LD)):
        data = write_rdf(G, None, fmt=fmt)
        assert len(list(ox.parse(data, format=oxfmt))) == len(ref)
        H = read_rdf(to_rdflib(parse_bytes(data, oxfmt)))
        assert norm(H) == norm(G), fmt
    assert isomorphic(rdflib_graph(G), ref)
