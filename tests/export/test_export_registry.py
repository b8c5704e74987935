"""The one writer registry (skillgraph.export.registry): names, aliases, suffixes, every format
through ``export_graph``, and write_rdf's own errors."""
from __future__ import annotations

import io
import json

import pytest

from skillgraph.errors import InputError
from skillgraph.export import RDF_FORMATS, WRITERS, export_graph, format_for, write_rdf, writer


def test_every_format_is_registered_once():
    assert list(WRITERS) == ["turtle", "jsonld", "nt", "graphml", "csv", "summary"]
    assert RDF_FORMATS == ("turtle", "jsonld", "nt")
    suffixes = [s for w in WRITERS.values() for s in w.suffixes]
    assert len(suffixes) == len(set(suffixes))
    assert writer("ttl") is WRITERS["turtle"] and writer("n-triples") is WRITERS["nt"]
    with pytest.raises(InputError, match="unknown export format 'xml'"):
        writer("xml")


@pytest.mark.parametrize("name,fmt", [("g.ttl", "turtle"), ("G.TTL", "turtle"), ("g.jsonld", "jsonld"),
                                      ("g.nt", "nt"), ("g.graphml", "graphml"), ("edges.csv", "csv"),
                                      ("summary.md", "summary")])
def test_format_from_suffix(name, fmt):
    assert format_for(name) == fmt


def test_unknown_suffix_is_refused():
    with pytest.raises(InputError, match="cannot tell the export format"):
        format_for("graph.json")     # node-link JSON is the graph package's, not an export


@pytest.mark.parametrize("fmt", ["turtle", "jsonld", "nt"])
def test_rdf_formats_match_write_rdf(rdf_graph, tmp_path, fmt):
    G = rdf_graph()
    assert export_graph(G, None, fmt) == write_rdf(G, None, fmt)
    assert export_graph(G, None, fmt, evidence=False, base="https://example.org/x/") == \
        write_rdf(G, None, fmt, evidence=False, base="https://example.org/x/")
    path = tmp_path / ("g" + WRITERS[fmt].suffixes[0])
    n = export_graph(G, path)                       # format from the suffix
    assert path.read_bytes() == write_rdf(G, None, fmt) and n == len(write_rdf(G, None, "nt").splitlines())


def test_graphml_csv_and_summary(rdf_graph, tmp_path):
    G = rdf_graph()
    assert export_graph(G, None, "graphml").startswith(b"<?xml") and b"<graphml" in export_graph(G, None, "graphml")
    csv_bytes = export_graph(G, None, "csv", base="ignored")
    assert csv_bytes.decode().startswith("source,target,rel") and csv_bytes.count(b"\n") == G.number_of_edges() + 1
    assert export_graph(G, tmp_path / "e.csv") == G.number_of_edges()
    assert (tmp_path / "e.csv").read_bytes() == csv_bytes
    from skillgraph.export.summary import summary

    export_graph(G, tmp_path / "summary.md")
    assert (tmp_path / "summary.md").read_text(encoding="utf-8") == summary(G)
    buf = io.StringIO()
    export_graph(G, buf, "summary")
    assert buf.getvalue() == summary(G) and export_graph(G, None, "summary") == summary(G).encode()


def test_stream_needs_a_format(rdf_graph):
    with pytest.raises(InputError, match="give an export format"):
        export_graph(rdf_graph(), io.BytesIO())


def test_write_rdf_refuses_other_formats(rdf_graph):
    for fmt in ("graphml", "csv", "summary", "xml"):
        with pytest.raises(InputError, match=f"unknown RDF format '{fmt}' — use one of turtle, jsonld, nt"):
            write_rdf(rdf_graph(), None, fmt)
    assert json.loads(write_rdf(rdf_graph(), None, "json-ld"))["@graph"]
    assert write_rdf(rdf_graph(), None, "ttl") == write_rdf(rdf_graph(), None)


def test_write_rdf_to_stream_and_path_counts_triples(rdf_graph, tmp_path):
    G = rdf_graph()
    buf = io.BytesIO()
    n = write_rdf(G, buf)
    assert buf.getvalue() == write_rdf(G, None)
    assert n == write_rdf(G, tmp_path / "new" / "g.ttl") == len(write_rdf(G, None, "nt").splitlines())


def test_summary_writes_no_raw_html_from_a_posting(rdf_graph):
    """A title is the poster's text: a Markdown preview would render '<img onerror=...>' as HTML."""
    from skillgraph.export.summary import summary

    G = rdf_graph()
    role = next(n for n, d in G.nodes(data=True) if d.get("kind") == "role")
    G.nodes[role]["label"] = "<img src=x onerror=alert(1)></script> ML | Data"
    text = summary(G)
    assert "&lt;img src=x onerror=alert(1)>&lt;/script> ML \\| Data" in text and "<img" not in text
