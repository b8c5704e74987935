"""Record formats: JSON objects and arrays (also wrapped), JSON lines, CSV (any delimiter, BOM)."""
from __future__ import annotations

import json

import pytest

from skillgraph.errors import InputError
from skillgraph.ingest import read_postings

POSTING = "Senior Data Scientist\n\nAcme\n\nWe need Python and SQL. 3+ years of experience.\n"


def test_json_object_and_array(tmp_path, read_one):
    (tmp_path / "one.json").write_text(json.dumps({"job_id": 826, "description": POSTING}), encoding="utf-8")
    (tmp_path / "many.json").write_text(json.dumps([
        {"description": POSTING, "Title": "Data Scientist II", "company": "Acme", "url": "https://x/1",
         "tags": ["a", "b"]},
        {"uuid": "u-2", "text": "<p>ML Engineer</p><ul><li>PyTorch</li></ul>", "location": "Berlin; Remote"},
    ]), encoding="utf-8")
    one = read_one(tmp_path / "one.json")
    assert (one.id, one.source, one.text) == ("826", str(tmp_path / "one.json"), POSTING)
    a, b = read_postings([tmp_path / "many.json"])
    assert a.id == "many.json:1" and a.source == f"{tmp_path / 'many.json'}:1"
    assert (a.title, a.company, a.seniority) == ("Data Scientist II", "Acme", "mid")  # record fields win
    assert dict(a.extra) == {"tags": '["a", "b"]', "url": "https://x/1"}
    assert b.id == "u-2" and b.text == "ML Engineer\n\n- PyTorch\n" and b.repaired
    assert b.locations == ("Berlin", "Remote")


def test_json_wrapper_object(tmp_path, read_one):
    f = tmp_path / "w.json"
    f.write_text(json.dumps({"jobs": [{"id": "j1", "body": POSTING}], "count": 1}), encoding="utf-8")
    assert read_one(f).id == "j1"


def test_one_rule_for_an_object_an_array_and_json_lines(tmp_path):
    """A record reads the same whatever holds it: a text given as a list is one line per item (None left
    out), and an id that is an object is refused with the same words."""
    rec = {"id": "r1", "text": ["ML Engineer", None, "We need Python and SQL."]}
    files = {"o.json": json.dumps(rec), "a.json": json.dumps([rec]), "l.jsonl": json.dumps(rec) + "\n"}
    for name, body in files.items():
        (tmp_path / name).write_text(body, encoding="utf-8")
        (p,) = read_postings([tmp_path / name])
        assert (p.id, p.text) == ("r1", "ML Engineer\nWe need Python and SQL."), name
    bad = {"id": {"x": 1}, "text": "Python"}
    for name, body in {"o.json": json.dumps(bad), "a.json": json.dumps([bad]),
                       "l.jsonl": json.dumps(bad) + "\n"}.items():
        (tmp_path / name).write_text(body, encoding="utf-8")
        with pytest.raises(InputError, match=r"'id' field is an object — an id is a string or a number"):
            list(read_postings([tmp_path / name]))


def test_jsonl_ids_and_sources(tmp_path):
    f = tmp_path / "jobs.jsonl"
    f.write_text(json.dumps({"text": POSTING}) + "\n\n" + json.dumps({"id": "abc", "content": "ML Engineer at X"})
                 + "\n", encoding="utf-8")
    a, b = read_postings([f])
    assert (a.id, a.source) == ("jobs.jsonl:1", f"{f}:1")
    assert (b.id, b.source) == ("abc", f"{f}:3")


def test_csv(tmp_path):
    f = tmp_path / "jobs.csv"
    f.write_text('ID,Job_Title,Company,Locations,Job Description,salary_note\n'
                 '7,ML Engineer,Acme,"Paris, FR",We use PyTorch.,n/a\n'
                 ',,,,"Two\nlines, with ""quotes"" & commas",\n', encoding="utf-8")
    a, b = read_postings([f])
    assert (a.id, a.title, a.company, a.locations, a.text) == ("7", "ML Engineer", "Acme", ("Paris, FR",),
                                                               "We use PyTorch.")
    assert dict(a.extra) == {"salary_note": "n/a"}
    assert (b.id, b.source) == ("jobs.csv:3", f"{f}:3")
    assert b.text == 'Two\nlines, with "quotes" & commas'


def test_csv_semicolon_and_bom(tmp_path, read_one):
    f = tmp_path / "jobs.csv"
    f.write_bytes("\ufefftext;id\nPython developer;x1\n".encode("utf-8"))
    assert read_one(f).id == "x1"
