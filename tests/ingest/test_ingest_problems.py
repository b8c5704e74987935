"""Broken input: one clear line per problem (<path>[:<line>]: what — how to fix), or with skip_bad a
warning and the next record."""
from __future__ import annotations

import pytest

from skillgraph.errors import InputError
from skillgraph.ingest import read_postings

BROKEN = [
    ("bin.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00", r"bin\.txt: a PNG image, not a posting — convert it to text first"),
    ("nul.txt", b"ok\n\x00\x01", r"nul\.txt:2: binary data \(NUL bytes\)"),
    ("undecodable.txt", b"ok\n\x81\x8d\x8f\x90\x9d\x00"[:-1], r"undecodable\.txt:2: not UTF-8 text"),
    ("bad.json", b'[\n  {"text": "a"},\n  {"text": }\n]', r"bad\.json:3: invalid JSON at column 12"),
    ("lines.json", b'{"text": "a"}\n{"text": "b"}\n', r"lines\.json:2: invalid JSON .*rename the file to \.jsonl"),
    ("scalar.json", b'"just a string"', r"scalar\.json: the JSON is a str"),
    ("notobj.json", b'[{"text": "a"}, 3]', r"notobj\.json: record 2 is a JSON int, not an object"),
    ("empty.json", b"[]", r"empty\.json: the JSON array holds no postings"),
    ("notext.json", b'{"title": "x"}', r"notext\.json: the JSON object has no text field"),
    ("bad.jsonl", b'{"text": "a"}\n{"text": "b"\n', r"bad\.jsonl:2: invalid JSON at column 13"),
    ("list.jsonl", b'{"text": "a"}\n["text"]\n', r"list\.jsonl:2: line 2 is a JSON list, not an object"),
    ("notext.jsonl", b'{"text": "a"}\n{"name": "b"}\n', r"notext\.jsonl:2: line 2 has no text field"),
    # a text that is no string is said as such (it read "has an empty 'text' field")
    ("numtext.jsonl", b'{"text": "a"}\n{"text": 123}\n',
     r"numtext\.jsonl:2: line 2's 'text' field is a number, not the posting's text"),
    ("objid.jsonl", b'{"text": "a"}\n{"id": {"a": 1}, "text": "b"}\n',
     r"objid\.jsonl:2: line 2's 'id' field is an object"),
    ("nocol.csv", b"title,company\nx,y\n", r"nocol\.csv:1: no text column in the CSV header \(title, company\)"),
    ("shortrow.csv", b"id,text\n1,ok\n2\n", r"shortrow\.csv:3: row ends before its 'text' field \(1 of 2 fields\)"),
    ("short.csv", b"text,id\nok,1\n\"unterminated,2\n", r"short\.csv:3: unreadable CSV row \(unexpected end of data\)"),
    ("wide.csv", b"id,text\n1,ok\n2,a,b\n", r"wide\.csv:3: row has 3 fields but the header has 2"),
]


@pytest.mark.parametrize("name,data,pattern", BROKEN, ids=[b[0] for b in BROKEN])
def test_broken_input_raises_one_clear_line(tmp_path, name, data, pattern):
    f = tmp_path / name
    f.write_bytes(data)
    with pytest.raises(InputError) as info:
        list(read_postings([f]))
    msg = str(info.value)
    assert "\n" not in msg and " — " in msg and msg.startswith(str(f))
    if pattern:
        assert __import__("re").search(pattern, msg), msg


def test_missing_and_unreadable(tmp_path):
    with pytest.raises(InputError, match=r"nope\.txt: no such file or directory — check the path"):
        list(read_postings([tmp_path / "nope.txt"]))
    with pytest.raises(InputError, match=r"holds no posting files"):
        list(read_postings([tmp_path]))


def test_skip_bad_warns_and_continues(tmp_path):
    (tmp_path / "a.jsonl").write_text('{"text": "one"}\nnot json\n{"text": ""}\n{"text": "two"}\n', encoding="utf-8")
    (tmp_path / "b.txt").write_bytes(b"\x00\x01")
    (tmp_path / "c.txt").write_text("three", encoding="utf-8")
    warnings: list[str] = []
    ps = list(read_postings([tmp_path, tmp_path / "missing.txt"], skip_bad=True, warn=warnings.append))
    assert [p.text for p in ps] == ["one", "", "two", "three"]     # the blank record is kept, said
    assert len(warnings) == 4
    assert warnings[0].startswith(f"{tmp_path / 'a.jsonl'}:2: invalid JSON")
    assert warnings[1].startswith(f"{tmp_path / 'a.jsonl'}:3: line 3's 'text' field is empty; kept as a "
                                  "posting with no skills")
    assert warnings[2].startswith(f"{tmp_path / 'b.txt'}:1: binary data")
    assert "missing.txt: no such file" in warnings[3]


def test_error_raised_without_skip_after_good_records(tmp_path):
    f = tmp_path / "a.jsonl"
    f.write_text('{"text": "one"}\n{"text": 5}\n', encoding="utf-8")
    it = read_postings([f])
    assert next(it).text == "one"
    with pytest.raises(InputError, match=r"a\.jsonl:2: line 2's 'text' field is a number, not the posting's text"):
        next(it)


BLANK = [   # (file, bytes, where the warning points, what it says, what to remove)
    ("emptyrec.jsonl", b'{"text": "a"}\n{"text": "  "}\n', ":2", "line 2's 'text' field is empty", "record"),
    ("nullrec.jsonl", b'{"text": "a"}\n{"text": null}\n', ":2", "line 2's 'text' field is empty", "record"),
    ("zwj.jsonl", '{"text": "a"}\n{"text": "\u200d"}\n'.encode(), ":2",
     "line 2's 'text' field has nothing visible after repair", "record"),
    ("arr.json", '[{"text": "a"}, {"text": "\\ufeff\\u2060"}]'.encode(), "",
     "record 2's 'text' field has nothing visible after repair", "record"),
    ("emptyrow.csv", b"id,text\n1,a\n2,\n", ":3", "line 3's 'text' field is empty", "record"),
    ("empty.txt", b"  \n\n", "", "the posting is empty", "file"),
    ("empty.html", b"<p> </p><script>x</script>", "", "the posting has nothing visible after repair", "file"),
    ("empty.json", b'{"text": ""}', "", "the 'text' field is empty", "file"),
]


@pytest.mark.parametrize("name,data,where,what,unit", BLANK, ids=[b[0] for b in BLANK])
def test_a_blank_posting_is_kept_and_said_in_one_line(tmp_path, name, data, where, what, unit):
    """A blank posting (a file or a record whose text is empty or has nothing visible) does not end the
    run (SkillSpan's dev split has lines that are one U+200D) and is not dropped unsaid: it is a posting
    with no skills, and one warning says where."""
    from skillgraph.extraction import extract
    from skillgraph.ingest.records import nothing_visible
    from skillgraph.ontology import load_ontology

    f = tmp_path / name
    f.write_bytes(data)
    (tmp_path / "ok.txt").write_text("a", encoding="utf-8")
    warnings: list[str] = []
    ps = list(read_postings([tmp_path], warn=warnings.append))
    blank = [p for p in ps if p.source.startswith(str(f))][-1]
    assert [p.text for p in ps if p is not blank] == ["a"] * (len(ps) - 1) and len(ps) >= 2
    assert nothing_visible(blank.text)
    assert warnings == [f"{f}{where}: {what}; kept as a posting with no skills — fill in its text or remove "
                        f"the {unit}"]
    assert list(extract(blank, load_ontology()).mentions) == []


def test_nothing_on_stdin_is_one_line(monkeypatch):
    import io

    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(b" \n")))
    with pytest.raises(InputError, match=r"^-: nothing on standard input — pipe the postings in or pass files$"):
        list(read_postings(["-"]))
