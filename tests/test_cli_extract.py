"""`skillgraph extract` and `skillgraph ontology ...` through click, as a user runs them."""
from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys

import pytest
from click.testing import CliRunner

from skillgraph.cli import main

POSTING = """Data Engineer

What we're looking for:
- 3+ years with Python and Apache Kafka.

Nice to have:
- dbt experience is a plus.
"""


def run(*args, input=None):
    return CliRunner().invoke(main, list(args), input=input)


def test_json_contract(tmp_path):
    f = tmp_path / "job.txt"
    f.write_text(POSTING)
    res = run("extract", str(f), "--format", "json")
    assert res.exit_code == 0, res.output
    [p] = json.loads(res.output)
    assert p["id"] == "job.txt" and p["source"].endswith("job.txt")
    assert {"title", "company", "teams", "skills", "mentions", "salary", "min_years", "work_mode"} <= set(p)
    levels = {s["label"]: s["requirement"] for s in p["skills"]}
    assert levels["Python"] == "required" and levels["dbt"] == "preferred"
    m = next(m for m in p["mentions"] if m["label"] == "Python")
    assert set(m) == {"concept", "label", "text", "start", "end", "sentence", "sentence_start", "sentence_end",
                      "section", "requirement", "score", "how", "boilerplate"}
    assert POSTING[m["start"]:m["end"]] == "Python" and m["section"] == "What we're looking for"
    assert POSTING[m["sentence_start"]:m["sentence_end"]] == m["sentence"]
    assert "text" not in p


def test_jsonl_records_keep_their_ids_and_stdin_works():
    data = "".join(json.dumps({"id": f"r{i}", "text": t}) + "\n"
                   for i, t in enumerate(["We use PyTorch.", "Experience with Go and Kubernetes."]))
    res = run("extract", "-", "--format", "jsonl", input=data)
    assert res.exit_code == 0, res.output
    rows = [json.loads(line) for line in res.output.splitlines()]
    assert [r["id"] for r in rows] == ["r0", "r1"]
    assert {s["label"] for s in rows[1]["skills"]} >= {"Go", "Kubernetes"}


def test_csv_and_table_formats(tmp_path):
    f = tmp_path / "job.txt"
    f.write_text(POSTING)
    res = run("extract", str(f), "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(res.output)))
    assert {r["label"] for r in rows} >= {"Python", "Apache Kafka", "dbt"}
    res = run("extract", str(f), "--format", "table")
    assert res.exit_code == 0 and "Apache Kafka" in res.output


def test_include_text(tmp_path):
    f = tmp_path / "job.md"
    f.write_text(POSTING)
    [p] = json.loads(run("extract", str(f), "--format", "json", "--include-text").output)
    assert p["text"] == POSTING


def test_bad_input_is_one_line_and_nonzero(tmp_path):
    good = tmp_path / "a.txt"
    good.write_text(POSTING)
    bad = tmp_path / "b.jsonl"
    bad.write_text('{"id": 1, "text": "ok"}\n{not json\n')
    res = run("extract", str(good), str(bad), "--format", "json")
    assert res.exit_code == 1
    err = res.stderr.strip() if hasattr(res, "stderr") else res.output.strip()
    assert err.count("\n") == 0 and "b.jsonl:2" in err and "Traceback" not in err
    res = run("extract", str(good), str(bad), "--format", "json", "--skip-bad")
    assert res.exit_code == 0
    ids = [p["id"] for p in json.loads(res.stdout)]
    assert "a.txt" in ids and len(ids) == 2          # the good record of b.jsonl is kept too
    assert "warning:" in res.stderr and "b.jsonl:2" in res.stderr


def test_missing_file_and_bad_ontology(tmp_path):
    res = run("extract", str(tmp_path / "nope.txt"))
    assert res.exit_code == 1 and "nope.txt" in res.output
    onto = tmp_path / "x.ttl"
    onto.write_text("not turtle at all")
    f = tmp_path / "a.txt"
    f.write_text(POSTING)
    res = run("extract", str(f), "--ontology", str(onto))
    assert res.exit_code == 1 and "x.ttl: not valid Turtle" in res.output


def test_user_ontology_adds_concepts(tmp_path):
    onto = tmp_path / "mine.ttl"
    onto.write_text("""@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
<https://example.com/s/pinnersage> a skos:Concept ; skos:prefLabel "PinnerSage"@en .
""")
    f = tmp_path / "a.txt"
    f.write_text("You will improve PinnerSage embeddings.")
    [p] = json.loads(run("extract", str(f), "--ontology", str(onto), "--format", "json").output)
    assert "https://example.com/s/pinnersage" in {s["concept"] for s in p["skills"]}
    res = run("ontology", "lookup", "PinnerSage", "--ontology", str(onto), "--format", "json")
    assert json.loads(res.output) == {"PinnerSage": [{"id": "https://example.com/s/pinnersage", "label": "PinnerSage"}]}


def test_lookup_json_contract():
    res = run("ontology", "lookup", "RLHF", "LLMs", "go", "nonsense-skill-xyz", "--format", "json")
    out = json.loads(res.output)
    assert out["RLHF"] and out["LLMs"][0]["id"] == "skill:large-language-models"
    assert out["nonsense-skill-xyz"] == []


def test_ontology_check_is_clean():
    res = run("ontology", "check")
    assert res.exit_code == 0, res.output
    assert res.output.startswith("ok:")


def test_help_does_not_import_heavy_libraries():
    code = ("import sys; from skillgraph.cli import main\n"
            "heavy = [m for m in ('spacy', 'pyvis', 'pyshacl', 'rdflib', 'pyoxigraph', 'networkx')\n"
            "         if m in sys.modules]\n"
            "print(','.join(heavy))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip()
    assert out == ""


def test_field_option_names_columns(tmp_path):
    f = tmp_path / "jobs.csv"
    f.write_text("body,description,employer\nAbout us.,Required: Python and SQL.,Acme Corp\n")
    g = tmp_path / "jobs.jsonl"
    g.write_text(json.dumps({"description": "Required: PyTorch.", "employer": "Globex"}) + "\n")
    res = run("extract", str(f), str(g), "--format", "json", "--field", "text=description",
              "--field", "company=employer")
    assert res.exit_code == 0, res.output
    out = json.loads(res.output)
    assert [(p["company"], sorted(s["label"] for s in p["skills"])) for p in out] == [
        ("Acme Corp", ["Python", "SQL"]), ("Globex", ["PyTorch"])]
    bad = run("extract", str(f), "--field", "company=companyName")
    assert bad.exit_code == 1
    [line] = bad.output.strip().splitlines()
    assert "jobs.csv" in line and "companyName" in line and "columns seen: body, description, employer" in line
    bad = run("extract", str(f), "--field", "pay=salary")
    assert bad.exit_code == 1 and len(bad.output.strip().splitlines()) == 1 and "unknown field kind" in bad.output


def test_out_writes_the_file_not_stdout(tmp_path):
    """--out holds what stdout would have: json, jsonl and csv (it was honoured only for parquet)."""
    f = tmp_path / "job.txt"
    f.write_text(POSTING)
    for fmt in ("json", "jsonl", "csv"):
        out = tmp_path / f"x.{fmt}"
        to_stdout = run("extract", str(f), "--format", fmt)
        res = run("extract", str(f), "--format", fmt, "--out", str(out))
        assert res.exit_code == 0, res.output
        assert res.stdout == "" and f"wrote {out}: 1 postings" in res.stderr
        assert out.read_text(encoding="utf-8") == to_stdout.stdout
    assert sorted(p.name for p in tmp_path.iterdir()) == ["job.txt", "x.csv", "x.json", "x.jsonl"]  # no temp left


def test_out_refuses_a_table(tmp_path):
    f = tmp_path / "job.txt"
    f.write_text(POSTING)
    res = run("extract", str(f), "--out", str(tmp_path / "x.txt"))
    assert res.exit_code != 0 and "--out writes json, jsonl, csv or parquet" in res.output
    assert not (tmp_path / "x.txt").exists()


def test_spark_options_without_spark_are_refused(tmp_path):
    f = tmp_path / "job.txt"
    f.write_text(POSTING)
    res = run("build", str(f), "--out", str(tmp_path / "o"), "--partitions", "4", "--master", "local[2]")
    assert res.exit_code != 0 and "--master, --partitions: for --engine spark only" in res.output
    assert not (tmp_path / "o").exists()


def test_spark_engine_without_pyspark_is_one_line(tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "pyspark", None)      # import pyspark -> ImportError, as when not installed
    f = tmp_path / "job.txt"
    f.write_text(POSTING)
    res = run("build", str(f), "--out", str(tmp_path / "o"), "--engine", "spark")
    assert res.exit_code == 1
    assert res.output.strip().splitlines() == [
        "error: --engine spark needs pyspark — pip install 'skillgraph[spark]' (and Java 17)"]


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full (Linux)")
def test_a_full_disk_under_a_table_is_one_line_naming_stdout(tmp_path):
    f = tmp_path / "job.txt"
    f.write_text(POSTING)
    with open("/dev/full", "w") as full:
        res = subprocess.run([sys.executable, "-c", "from skillgraph.cli import main; main()", "extract", str(f)],
                             stdout=full, stderr=subprocess.PIPE, text=True)
    assert res.returncode == 1
    assert res.stderr.strip().splitlines() == [
        "error: cannot write to stdout: No space left on device (check the disk or pipe standard output goes to)"]


def test_min_score_without_the_hybrid_linker_is_refused(tmp_path):
    """--min-score was accepted and ignored by the exact linker: output identical, no word said."""
    f = tmp_path / "job.txt"
    f.write_text(POSTING)
    for cmd in (["extract", str(f)], ["build", str(f), "--out", str(tmp_path / "o")]):
        res = run(*cmd, "--min-score", "0.3")
        assert res.exit_code == 1
        assert res.output.strip().splitlines() == [
            f"error: --min-score is the hybrid linker's threshold: add --linker hybrid (see `main {cmd[0]} "
            "--help`)"]
    assert run("extract", str(f), "--format", "jsonl").exit_code == 0      # the default, unsaid, is fine


def test_include_text_outside_json_and_a_kind_named_twice_are_refused(tmp_path):
    f = tmp_path / "job.txt"
    f.write_text(POSTING)
    res = run("extract", str(f), "--include-text", "--format", "csv")
    assert res.exit_code == 1 and "--include-text adds the posting's text to json and jsonl" in res.output
    c = tmp_path / "p.csv"
    c.write_text("description,title\nWe use Python.,ML\n")
    res = run("extract", str(c), "--field", "text=description", "--field", "text=title")
    assert res.exit_code == 1 and "--field text= given twice (description, title)" in res.output
    res = run("extract", str(c), "--field", "text=description", "--field", "text=description", "--format", "jsonl")
    assert res.exit_code == 0                                   # the same twice says nothing new: fine


def test_lookup_of_a_misspelt_term_suggests_labels():
    res = run("ontology", "lookup", "Pyhton", "PyTorch")
    assert res.exit_code == 0
    assert "note: 'Pyhton' names no concept — did you mean: Python" in res.stderr
    assert "PyTorch" not in res.stderr                                # a known term: no note
