"""`skillgraph discover`: unknown skills listed as table/json/csv, a draft SKOS scheme that passes
`ontology check`, and the curator's loop: extract → discover --skos → extract --ontology draft links
those mentions and their candidates are gone (on a tiny fixture and on the real seeds)."""
from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from skillgraph.cli import main
from skillgraph.discover import group_key
from skillgraph.discover.group import items, own_fact
from skillgraph.extraction.levels import heading_level
from skillgraph.extraction.segmentation import SentenceIndex
from skillgraph.model import Posting
from skillgraph.ontology import load_ontology, norm_label

SEEDS = Path(__file__).resolve().parents[1] / "seeds"
A = """Platform Engineer

Requirements:
- Experience with Terragrunt.
- Familiarity with wind turbine maintenance.
- Experience with conveyor belt scheduling.
"""
B = """SRE

About us:
We love wind turbine maintenance and conveyor belt scheduling.

Requirements:
- Familiarity with Wind-Turbine Maintenance.
- Experience with Terragrunt.
"""


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


@pytest.fixture
def postings(tmp_path):
    d = tmp_path / "jobs"
    d.mkdir()
    (d / "a.txt").write_text(A, encoding="utf-8")
    (d / "b.txt").write_text(B, encoding="utf-8")
    return d


def _extract(path, *args) -> list[dict]:
    res = run("extract", path, "--linker", "hybrid", "--format", "json", "--include-text", *args)
    assert res.exit_code == 0, res.output
    return json.loads(res.stdout)


def _counted(x: dict, c: dict) -> bool:
    """Whether discover counts candidate ``c`` of extraction ``x`` (content words, not under a context
    heading, not one of the posting's own facts: its company, a location, its title, a degree or field)."""
    sg = SentenceIndex(x["text"]).at(c["start"])
    posting = Posting(x["id"], x["source"], x["text"], title=x["title"], company=x["company"],
                      locations=tuple(x["locations"]), degree_fields=tuple(x["degree_fields"]))
    return (bool(group_key(c["text"])) and not (sg and sg.section and heading_level(sg.section) == "context")
            and not own_fact(posting, c["text"], c["start"], c["end"]))


def _loop(path, tmp_path, **expect):
    before = _extract(path)
    draft = tmp_path / "draft.ttl"
    res = run("discover", path, "--format", "json", "--skos", draft)
    assert res.exit_code == 0, res.output
    groups = json.loads(res.stdout)
    ids, keys = {g["id"] for g in groups}, {g["key"] for g in groups}
    res = run("ontology", "check", "--ontology", draft)
    assert res.exit_code == 0 and res.stdout.startswith("ok:"), res.output
    after = {x["id"]: x for x in _extract(path, "--ontology", draft)}
    counted = [(x["id"], c) for x in before for c in x["candidates"] if _counted(x, c)]
    assert len(counted) >= expect.get("min_counted", 1)
    known = {norm_label(lab) for cc in load_ontology().concepts.values()
             for lab in (cc.label, *cc.alt_labels, *cc.hidden_labels)}
    for pid, c in counted:
        cut = [c["text"][a:b] for a, b in items(c["text"])]
        if len(cut) > 1:            # cut into its items ("Hadoop/Spark"): each unknown one is listed
            assert all(group_key(t) in keys for t in cut if norm_label(t) not in known and group_key(t)), cut
            continue
        assert group_key(c["text"]) in keys
        cover = [m for m in after[pid]["mentions"] if m["start"] <= c["start"] and c["end"] <= m["end"]]
        drafted = [(m["concept"], m["how"]) for m in cover if m["concept"] in ids]
        assert any(how == "label" for _, how in drafted), (c["text"], cover)   # the draft's label links it
        ids_here = [cid for cid, _ in drafted]
        assert len(ids_here) == len(set(ids_here)), ("one concept linked twice", c["text"], cover)
    left = [c["text"] for x in after.values() for c in x["candidates"] if group_key(c["text"]) in keys]
    assert left == [], "candidates of drafted skills are gone"
    return groups


def test_loop_on_a_tiny_fixture(postings, tmp_path):
    groups = _loop(postings, tmp_path, min_counted=4)
    g = {g["label"]: g for g in groups}
    assert g["Terragrunt"]["postings"] == 2 and groups[0]["label"] == "Terragrunt"   # most postings first
    assert all(e["posting"] == "a.txt" for e in g["wind turbine maintenance"]["examples"])  # not "About us"


def test_loop_on_the_seeds(tmp_path):
    _loop(SEEDS, tmp_path, min_counted=10)


def test_json_and_csv_list_every_group_uncut_and_table_shows_the_first(postings):
    res = run("discover", postings, "--format", "json")
    groups = json.loads(res.stdout)
    assert [g["postings"] for g in groups] == sorted((g["postings"] for g in groups), reverse=True)
    assert set(groups[0]) == {"id", "label", "key", "postings", "mentions", "variants", "examples", "nearest"}
    rows = list(csv.DictReader(io.StringIO(run("discover", postings, "--format", "csv").stdout)))
    assert [r["id"] for r in rows] == [g["id"] for g in groups]
    assert rows[0]["examples"] == " | ".join(f"{e['posting']}: {e['sentence']}" for e in groups[0]["examples"])
    res = run("discover", postings, "--top", "2")
    lines = res.stdout.splitlines()
    assert lines[0].split()[:4] == ["LABEL", "POSTINGS", "MENTIONS", "VARIANTS"] and len(lines) == 3
    assert lines[1].startswith("Terragrunt ")
    assert [g["id"] for g in json.loads(run("discover", postings, "--format", "json",
                                            "--min-postings", "2").stdout)] == ["skill:terragrunt"]


def test_same_input_same_bytes(postings, tmp_path):
    a, b = tmp_path / "a.ttl", tmp_path / "b.ttl"
    out_a = run("discover", postings, "--format", "json", "--skos", a).stdout
    out_b = run("discover", postings, "--format", "json", "--skos", b).stdout
    assert out_a == out_b and a.read_bytes() == b.read_bytes()


def test_errors_are_one_line(postings, tmp_path):
    res = run("discover", tmp_path / "nope.txt")
    assert res.exit_code == 1 and "nope.txt" in res.stderr and res.stderr.strip().count("\n") == 0
    blocker = tmp_path / "file"
    blocker.write_text("x")
    res = run("discover", postings, "--skos", blocker / "draft.ttl")
    assert res.exit_code == 1 and "draft.ttl" in res.stderr and res.stderr.strip().count("\n") == 0
    assert "Traceback" not in res.output
