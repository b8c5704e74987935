"""``--field KIND=COLUMN`` / ``read_postings(fields=…)``: a named column replaces the names tried for
its kind, in CSV, JSON lines and JSON; a named column a file lacks, or an unknown kind, is one error."""
from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from skillgraph.errors import InputError
from skillgraph.ingest import read_postings
from skillgraph.ingest.fields import FIELD_KINDS, field_names, parse_field

# "description" would be read as the text by default and "employer" as the company: naming other
# columns proves the named ones win.
CSV = ("description,body,employer,boss,Job Title\n"
       '"Boilerplate about us.","We need Python and SQL.",Acme Corp,Initech,Data Engineer\n')
JSONL = json.dumps({"description": "Boilerplate.", "body": "PyTorch required.", "employer": "Globex",
                    "boss": "Hooli", "name": "ML Engineer", "ref": "R-7"}) + "\n"


def test_named_columns_win_in_csv(tmp_path):
    f = tmp_path / "jobs.csv"
    f.write_text(CSV)
    [default] = read_postings(f)
    assert default.text == "Boilerplate about us." and default.company == "Acme Corp"
    [p] = read_postings(f, fields={"text": "body", "company": "boss"})
    assert p.text == "We need Python and SQL." and p.company == "Initech" and p.title == "Data Engineer"
    assert ("description", "Boilerplate about us.") in p.extra and ("employer", "Acme Corp") in p.extra


def test_named_columns_win_in_jsonl_and_json(tmp_path):
    f = tmp_path / "jobs.jsonl"
    f.write_text(JSONL)
    g = tmp_path / "job.json"
    g.write_text(JSONL)
    named = {"text": "body", "company": "boss", "title": "name", "id": "ref"}
    for path in (f, g):
        [p] = read_postings(path, fields=named)
        assert (p.id, p.text, p.company, p.title) == ("R-7", "PyTorch required.", "Hooli", "ML Engineer")


def test_named_column_matches_case_and_style_insensitively(tmp_path):
    f = tmp_path / "jobs.csv"
    f.write_text(CSV)
    [p] = read_postings(f, fields={"company": "BOSS", "title": "job_title"})
    assert p.company == "Initech" and p.title == "Data Engineer"


@pytest.mark.parametrize("name, body", [("jobs.csv", CSV), ("jobs.jsonl", JSONL), ("job.json", JSONL)])
def test_absent_column_is_one_line_naming_file_and_columns(tmp_path, name, body):
    f = tmp_path / name
    f.write_text(body)
    with pytest.raises(InputError) as exc:
        list(read_postings(f, fields={"company": "companyName"}))
    msg = str(exc.value)
    assert "\n" not in msg and name in msg and "'companyName'" in msg and "--field company=companyName" in msg
    assert "columns seen:" in msg and "employer" in msg and "boss" in msg


def test_absent_column_in_some_jsonl_records_is_fine(tmp_path):
    f = tmp_path / "jobs.jsonl"
    f.write_text(JSONL + json.dumps({"body": "SQL required."}) + "\n")
    ps = list(read_postings(f, fields={"company": "boss"}))
    assert [p.company for p in ps] == ["Hooli", None]


def test_unknown_kind_and_bad_spec():
    with pytest.raises(InputError, match="unknown field kind 'salary'.*text, id, title, company, location"):
        field_names({"salary": "pay"})
    with pytest.raises(InputError, match="not KIND=COLUMN"):
        parse_field("company")
    assert field_names({"locations": "where"}).location == ("where",)


@given(st.sampled_from(sorted(FIELD_KINDS)), st.text("abcXYZ_ -", min_size=1).filter(str.strip))
def test_named_kind_replaces_its_defaults_only(kind, column):
    names = field_names({kind: column})
    assert getattr(names, kind) == (column.strip(),)
    for other in FIELD_KINDS:
        if other != kind:
            assert getattr(names, other) == FIELD_KINDS[other]


def test_named_fields_over_whole_text_files_only_are_said_unused(tmp_path):
    """Whole-text files have no columns: a named field there does nothing, and one warning says so."""
    (tmp_path / "a.txt").write_text("We need Python.")
    (tmp_path / "b.md").write_text("We need SQL.")
    said: list[str] = []
    posts = list(read_postings(tmp_path, fields={"text": "body"}, warn=said.append))
    assert [p.text for p in posts] == ["We need Python.", "We need SQL."]
    assert len(said) == 1 and said[0].startswith("--field text=body: not used") and ".csv" in said[0]
    said.clear()
    (tmp_path / "c.jsonl").write_text(json.dumps({"body": "PyTorch required."}) + "\n")
    assert len(list(read_postings(tmp_path, fields={"text": "body"}, warn=said.append))) == 3
    assert said == []                           # a record file is there: the field names its column
    assert list(read_postings(tmp_path / "a.txt", warn=said.append)) and said == []   # nothing named
