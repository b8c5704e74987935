"""read_postings: whole-file formats, stdin, folders walked recursively in sorted order."""
from __future__ import annotations

import io
import json
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from skillgraph.ingest import read_postings
from skillgraph.ingest.formats import sniff

POSTING = "Senior Data Scientist\n\nAcme\n\nWe need Python and SQL. 3+ years of experience.\n"


def test_txt_and_md(tmp_path):
    (tmp_path / "a.txt").write_text(POSTING, encoding="utf-8")
    (tmp_path / "b.md").write_text("# Staff ML Engineer\n\n## Requirements\n\n- **PyTorch**\n", encoding="utf-8")
    a, b = read_postings([tmp_path / "a.txt", str(tmp_path / "b.md")])
    assert (a.id, a.text, a.repaired, a.title, a.min_years) == ("a.txt", POSTING, False, "Senior Data Scientist", 3)
    assert b.text.startswith("# Staff ML Engineer") and b.repaired is False   # Markdown is kept as is
    assert b.title == "Staff ML Engineer" and b.seniority == "staff"


def test_html_file(tmp_path, read_one):
    f = tmp_path / "job.html"
    f.write_text("<!DOCTYPE html><html><head><title>x</title><style>p{color:red}</style>"
                 "<script>var a = '<p>no</p>';</script></head><body>\n<h1>ML Engineer</h1>\n"
                 "<p>Build models &amp; ship them.<br>Second line</p>\n<ol><li>One</li><li>Two<ul>"
                 "<li>Nested</li></ul></li></ol></body></html>", encoding="utf-8")
    p = read_one(f)
    assert p.text == "ML Engineer\n\nBuild models & ship them.\nSecond line\n\n- One\n- Two\n  - Nested\n"
    assert p.repaired and p.title == "ML Engineer"


@pytest.mark.parametrize("payload,expect", [
    (json.dumps([{"id": 1, "text": "ML Engineer"}]), ["1"]),
    (json.dumps({"text": "ML Engineer"}), ["stdin"]),
    (json.dumps({"text": "a"}) + "\n" + json.dumps({"text": "b"}) + "\n", ["stdin:1", "stdin:2"]),
    ("<p>ML Engineer</p><ul><li>PyTorch</li></ul>", ["stdin"]),
    ("Just a plain posting\n", ["stdin"]),
    # a CSV piped in is CSV (it was one posting of the whole file): its rows, its id column
    ('id,title,companyName,description\nr1,ML Engineer,Acme,"We use PyTorch.\nAnd Go."\nr2,DE,Beta,Kafka\n',
     ["r1", "r2"]),
    ("Title;Description\nML Engineer;We use Go\n", ["stdin:2"]),
    # a posting whose first line has commas and a field's name is still a posting
    ("Job description, in short:\nWe use Python.\n", ["stdin"]),
    ("Description, Responsibilities\n- build models\n", ["stdin"]),
    ("Text, image and video models\nWe train them.\n", ["stdin"]),
])
def test_stdin(monkeypatch, payload, expect):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(payload.encode("utf-8")), encoding="utf-8"))
    ps = list(read_postings(["-"]))
    assert [p.id for p in ps] == expect
    assert all(p.source.startswith("-") for p in ps)
    if payload.startswith("<p>"):
        assert ps[0].text == "ML Engineer\n\n- PyTorch\n"


def test_directory_recursive_sorted_and_duplicate_base_names(tmp_path):
    for rel in ("b/x.txt", "a/x.txt", "a/y.md", "a/.hidden.txt", "a/notes.pdf", ".git/z.txt", "c.jsonl"):
        f = tmp_path / rel
        f.parent.mkdir(parents=True, exist_ok=True)
        f.write_text(json.dumps({"text": "ML Engineer"}) if rel.endswith("jsonl") else "ML Engineer", encoding="utf-8")
    warned = []
    ps = list(read_postings([tmp_path], warn=warned.append))
    assert [p.id for p in ps] == ["a/x.txt", "y.md", "b/x.txt", "c.jsonl:1"]
    # the file of no posting format is said, not dropped silently (hidden files and folders are skipped unsaid)
    assert len(warned) == 1 and "1 file(s) not read" in warned[0] and "(a/notes.pdf)" in warned[0], warned
    assert ps[0].source == str(tmp_path / "a" / "x.txt")


_WORDS = st.sampled_from(["we", "build", "models", "with", "Python", "text", "description", "and", "the",
                          "Description", "Text", "content", "in", "short", "experience", "Kafka"])


@given(st.lists(st.lists(_WORDS, min_size=4, max_size=9).map(" ".join), min_size=1, max_size=3),
       st.sampled_from([", ", ",", "; ", "\t"]), st.text(alphabet="abc .\n-", max_size=40))
@settings(max_examples=300, deadline=None)
def test_prose_first_lines_never_sniff_as_csv(clauses, sep, rest):
    """A first line of clauses of four or more words, joined by a delimiter, is prose whatever words it
    holds ('text', 'description'): stdin stays one posting."""
    assert sniff(sep.join(clauses) + "\n" + rest + "\nmore\n") == "text"
