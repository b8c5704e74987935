"""Hostile input files, generated here: odd file types, sizes, encodings, binaries, surrogates, bad
records among good ones — one line each, never a hang, never a silently lost posting."""
from __future__ import annotations

import codecs
import json
import os
import socket
import subprocess
import sys
import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from skillgraph.errors import InputError
from skillgraph.ingest import read_postings

POSTING = "We are looking for a Python developer with PyTorch experience."


def _read(paths, **kw):
    warnings: list[str] = []
    summary: list[str] = []
    out = list(read_postings(paths, warn=warnings.append, summary=summary.append, **kw))
    return out, warnings, summary


def _one_line_error(paths, **kw) -> str:
    with pytest.raises(InputError) as info:
        list(read_postings(paths, **kw))
    msg = str(info.value)
    assert "\n" not in msg and " — " in msg, msg
    return msg


# --- only regular files -----------------------------------------------------------------------------

def test_a_fifo_is_refused_at_once(tmp_path):
    fifo = tmp_path / "jobs.txt"
    os.mkfifo(fifo)
    t0 = time.monotonic()
    assert "jobs.txt: a FIFO (named pipe), not a regular file" in _one_line_error([fifo])
    (tmp_path / "ok.txt").write_text(POSTING)
    got, warnings, _ = _read([tmp_path], skip_bad=True)              # in a folder: one warning, the rest read
    assert [p.id for p in got] == ["ok.txt"] and len(warnings) == 1 and "FIFO" in warnings[0]
    assert time.monotonic() - t0 < 30                                 # (a blocking open would never return)


def test_devices_and_sockets_are_refused(tmp_path):
    assert "/dev/zero: a character device, not a regular file" in _one_line_error(["/dev/zero"])
    assert "a character device" in _one_line_error(["/dev/null"])
    sock_path = tmp_path / "s.txt"
    s = socket.socket(socket.AF_UNIX)
    try:
        s.bind(str(sock_path))
        assert "s.txt: a socket, not a regular file" in _one_line_error([sock_path])
    finally:
        s.close()


def test_max_bytes(tmp_path):
    f = tmp_path / "big.txt"
    f.write_text(POSTING * 10)
    assert "big.txt: 620 bytes, over the limit of 100 bytes — raise it with --max-bytes" in \
        _one_line_error([f], max_bytes=100)
    assert len(_read([f], max_bytes=620)[0]) == 1 and len(_read([f], max_bytes=None)[0]) == 1


def test_max_bytes_on_the_command_line(tmp_path):
    f = tmp_path / "big.txt"
    f.write_text(POSTING * 10)
    r = subprocess.run([sys.executable, "-m", "skillgraph", "extract", str(f), "--max-bytes", "0.1k"],
                       capture_output=True, text=True)
    assert r.returncode == 1 and r.stderr.count("\n") == 1 and "over the limit of 100 bytes" in r.stderr
    r = subprocess.run([sys.executable, "-m", "skillgraph", "extract", str(f), "--max-bytes", "lots"],
                       capture_output=True, text=True)
    assert r.returncode != 0 and "not a size" in r.stderr and "Traceback" not in r.stderr


def test_a_10_mb_csv_field_reads(tmp_path):
    f = tmp_path / "big.csv"
    field = "Python and SQL. " * 625_000
    f.write_text(f'id,text\n1,"{field}"\n2,PyTorch\n', encoding="utf-8")
    got = list(read_postings([f]))
    assert [p.id for p in got] == ["1", "2"] and len(got[0].text) == len(field.rstrip())


# --- encodings and binaries -------------------------------------------------------------------------

@pytest.mark.parametrize("codec,bom", [("utf-8", b""), ("utf-8", codecs.BOM_UTF8),
                                       ("utf-16-le", codecs.BOM_UTF16_LE), ("utf-16-be", codecs.BOM_UTF16_BE),
                                       ("utf-16-le", b""), ("utf-16-be", b""),
                                       ("utf-32-le", codecs.BOM_UTF32_LE), ("utf-32-be", codecs.BOM_UTF32_BE),
                                       ("utf-32-le", b""), ("utf-32-be", b""), ("cp1252", b"")])
def test_every_common_encoding_reads(tmp_path, codec, bom):
    text = "Café – we’re hiring a Python developer.\n"
    f = tmp_path / "p.txt"
    f.write_bytes(bom + text.encode(codec))
    (p,) = read_postings([f])
    assert p.text == text
    assert p.repaired is (bool(bom) or codec == "cp1252")        # offsets no longer count a BOM


BINARIES = [("PDF", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "a PDF document"),
            ("ZIP", b"PK\x03\x04\x14\x00\x06\x00", "a ZIP archive"),
            ("PNG", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "a PNG image"),
            ("JPEG", b"\xff\xd8\xff\xe0\x00\x10JFIF", "a JPEG image"),
            ("GIF", b"GIF89a\x01\x00\x01\x00", "a GIF image"),
            ("ELF", b"\x7fELF\x02\x01\x01\x00", "an ELF executable"),
            ("PE", b"MZ\x90\x00\x03\x00\x00\x00\x04\x00", "a Windows executable"),
            ("gzip", b"\x1f\x8b\x08\x00\x00\x00\x00\x00", "a gzip archive")]


@pytest.mark.parametrize("kind,data,what", BINARIES, ids=[b[0] for b in BINARIES])
def test_binary_formats_are_refused_by_signature(tmp_path, kind, data, what):
    f = tmp_path / "x.txt"
    f.write_bytes(data + os.urandom(200))
    msg = _one_line_error([f])
    assert msg.startswith(f"{f}: {what}") and msg.endswith(", not a posting — convert it to text first")


def test_text_starting_like_a_signature_is_still_text(tmp_path):
    f = tmp_path / "mz.txt"
    f.write_text("MZ Analytics is hiring a Python developer.")
    assert len(list(read_postings([f]))) == 1


def test_lone_surrogates_become_replacement_characters(tmp_path):
    f = tmp_path / "s.jsonl"
    f.write_text('{"id": "a", "text": "Python \\ud800 developer", "title": "x\\udfff"}\n'
                 '{"id": "b", "text": "SQL \\ud83d\\ude00 analyst"}\n', encoding="utf-8")
    a, b = read_postings([f])
    assert a.text == "Python \ufffd developer" and a.title == "x\ufffd" and a.repaired is True
    assert b.text == "SQL \U0001f600 analyst" and b.repaired is False        # a real pair is kept
    a.text.encode("utf-8")
    g = tmp_path / "s.json"
    g.write_text('[{"text": "Python \\udc00"}, {"\\ud800k": 1, "text": "SQL"}]')
    assert [p.text for p in read_postings([g])] == ["Python \ufffd", "SQL"]


@pytest.mark.parametrize("text", ["\u200b\u200b\u200b\n", "\ufeff\u200d \u2060", "<!-- only a comment -->",
                                  "  <!-- a -->\n<!-- b -->\n", "<!-- not closed"])
def test_postings_with_nothing_visible_are_blank(tmp_path, text):
    f = tmp_path / "e.txt"
    f.write_text(text, encoding="utf-8")
    (p,), warnings, _ = _read([f])
    assert warnings in ([f"{f}: the posting has nothing visible after repair; kept as a posting with no "
                         "skills — fill in its text or remove the file"],
                        [f"{f}: the posting is empty; kept as a posting with no skills — fill in its text "
                         "or remove the file"])


@pytest.mark.parametrize("doc,what", [('{"text": "x", "a": ' + "[" * 50_000 + "]" * 50_000 + "}", "nested too deeply"),
                                      ('{"text": "x", "n": ' + "9" * 5000 + "}", "Exceeds the limit")])
@pytest.mark.parametrize("ext", [".json", ".jsonl"])
def test_deep_nesting_and_huge_integers_are_one_line(tmp_path, doc, what, ext):
    f = tmp_path / f"d{ext}"
    f.write_text(doc)
    assert what in _one_line_error([f])


def test_odd_file_names_are_one_escaped_line(tmp_path):
    raw = os.fsencode(tmp_path) + b"/n\xffme\nx.txt"
    with open(raw, "wb") as fh:
        fh.write(b"")
    _, warnings, _ = _read([os.fsdecode(raw)])
    assert len(warnings) == 1 and warnings[0].startswith(f"{tmp_path}/n\\xffme\\nx.txt: the posting is empty")
    with open(raw, "wb") as fh:
        fh.write(POSTING.encode())
    (p,) = read_postings([tmp_path])
    json.dumps(p.id).encode("utf-8") and p.source.encode("utf-8")           # UTF-8-safe for every output
    assert p.id == "n\\xffme\nx.txt"


# --- no silent loss ---------------------------------------------------------------------------------

def test_a_bad_array_element_keeps_its_neighbours(tmp_path):
    f = tmp_path / "a.json"
    f.write_text('[\n {"id": "1", "text": "Python"},\n {"id": "2", "text": },\n {"id": "3", "text": "SQL"}\n]')
    assert "a.json:3: invalid JSON" in _one_line_error([f])
    got, warnings, summary = _read([f], skip_bad=True)
    assert [p.id for p in got] == ["1", "3"]
    assert warnings == [f"{f}:3: record 2 (line 3) is not valid JSON at column 22: Expecting value — fix the "
                        "JSON (nesting under 1,000 levels, integers under 4,300 digits)"]
    assert summary == ["read 3 postings: 2 kept, 1 skipped"]


def test_a_bad_csv_row_keeps_the_rows_after_it(tmp_path):
    f = tmp_path / "c.csv"
    f.write_text('id,text\n1,Python\n2,"unclosed quote\n3,SQL\n4,"a"b\n5,PyTorch\n')
    got, warnings, summary = _read([f], skip_bad=True)
    assert [p.id for p in got] == ["1", "3", "5"]
    assert [w.split(": ")[0] for w in warnings] == [f"{f}:3", f"{f}:5"]
    assert summary == ["read 5 postings: 3 kept, 2 skipped"]


def test_a_header_only_csv_is_one_warning(tmp_path):
    f = tmp_path / "h.csv"
    f.write_text("id,text\n")
    got, warnings, summary = _read([f], skip_bad=True)
    assert got == [] and warnings == [f"{f}: the CSV has a header but no rows — add the posting text or remove "
                                      "the file/record"]
    assert "header but no rows" in _one_line_error([f])


def test_jsonl_on_stdin_with_a_bad_first_line_goes_on():
    data = b'{"text": \n{"id": "b", "text": "Python developer"}\n{"id": "c", "text": "SQL"}\n'
    r = subprocess.run([sys.executable, "-m", "skillgraph", "extract", "-", "--skip-bad", "--format", "jsonl"],
                       input=data, capture_output=True)
    assert r.returncode == 0
    assert [json.loads(x)["id"] for x in r.stdout.splitlines()] == ["b", "c"]
    err = r.stderr.decode().splitlines()
    assert err[0].startswith("warning: -:1: invalid JSON") and err[-1] == "read 3 postings: 2 kept, 1 skipped"


def test_symlinked_folders_are_followed_once(tmp_path):
    (tmp_path / "real").mkdir()
    (tmp_path / "real" / "a.txt").write_text(POSTING)
    (tmp_path / "other").mkdir()
    (tmp_path / "other" / "b.txt").write_text(POSTING)
    top = tmp_path / "top"
    top.mkdir()
    (top / "linked").symlink_to(tmp_path / "other")
    (top / "real").symlink_to(tmp_path / "real")
    (tmp_path / "real" / "loop").symlink_to(top)
    got, warnings, _ = _read([top])
    assert sorted(p.id for p in got) == ["a.txt", "b.txt"]
    assert len(warnings) == 1 and "loop: a link to a folder read already" in warnings[0]


def test_closed_stdin_is_one_line(monkeypatch):
    monkeypatch.setattr(sys, "stdin", None)
    assert _one_line_error(["-"]).startswith("-: there is no standard input")


# --- postings in = kept + skipped (hypothesis) ------------------------------------------------------

# a blank text ("", a lone U+200D) is a good record: kept with one warning (see _skipped), not skipped
GOOD = st.sampled_from(["Python developer", "SQL and Spark", "PyTorch, RLHF", "café – naïve", "", "\u200d"])
BAD_JSON = st.sampled_from(['{"text": }', '{"text": "x",}', '{"text": "unclosed}', "[1, 2", '{"t": 1}',
                            '"just a string"', '{"text": 0}', "nul", '{"text": "\\ud800"'])
BAD_CSV = st.sampled_from(['"unclosed', '"a"b', ",", "x,y,z,w"])
RECORDS = st.lists(st.one_of(GOOD.map(lambda t: ("good", t)), BAD_JSON.map(lambda t: ("bad", t))),
                   min_size=1, max_size=12)
# in an array, an unclosed "[1, 2" is no bad element: it swallows the next ones and the array's "]"
# into valid JSON (a nested list, reported as one bad record); one bad element per object is what is promised
ARRAY_RECORDS = st.lists(st.one_of(GOOD.map(lambda t: ("good", t)),
                                   BAD_JSON.filter(lambda t: t != "[1, 2").map(lambda t: ("bad", t))),
                         min_size=1, max_size=12)


def _skipped(warnings: list[str]) -> list[str]:
    """The warnings that say a record was skipped (not those about a blank record that was kept)."""
    return [w for w in warnings if "; kept as a posting with no skills — " not in w]


def _check_counts(f, n_good, n_total, **kw):
    got, warnings, summary = _read([f], skip_bad=True, **kw)
    kept, skipped = len(got), len(_skipped(warnings))
    assert kept >= n_good
    assert summary == [f"read {kept + skipped} postings: {kept} kept, {skipped} skipped"]
    assert kept + skipped >= n_total - 1 and kept + skipped <= n_total + 1   # a bad array end may count once more
    return got


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(ARRAY_RECORDS)
def test_json_array_in_equals_kept_plus_skipped(tmp_path, recs):
    f = tmp_path / "a.json"
    f.write_text("[\n" + ",\n".join(json.dumps({"id": f"g{i}", "text": t}) if k == "good" else t
                                    for i, (k, t) in enumerate(recs)) + "\n]", encoding="utf-8")
    got = _check_counts(f, sum(k == "good" for k, _ in recs), len(recs))
    good_ids = {f"g{i}" for i, (k, _) in enumerate(recs) if k == "good"}
    assert good_ids <= {p.id for p in got}


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(RECORDS)
def test_jsonl_in_equals_kept_plus_skipped(tmp_path, recs):
    f = tmp_path / "a.jsonl"
    f.write_text("\n".join(json.dumps({"id": f"g{i}", "text": t}) if k == "good" else t.replace("\n", " ")
                           for i, (k, t) in enumerate(recs)) + "\n", encoding="utf-8")
    got, warnings, summary = _read([f], skip_bad=True)
    good_ids = [f"g{i}" for i, (k, _) in enumerate(recs) if k == "good"]
    assert [p.id for p in got if p.id.startswith("g")] == good_ids
    skipped = _skipped(warnings)
    assert len(got) + len(skipped) == len(recs)                        # exactly: one line, one posting
    assert summary == [f"read {len(recs)} postings: {len(got)} kept, {len(skipped)} skipped"]
    assert len(warnings) - len(skipped) == sum(k == "good" and not t.strip("\u200d") for k, t in recs)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.one_of(GOOD.map(lambda t: ("good", t)), BAD_CSV.map(lambda t: ("bad", t))),
                min_size=1, max_size=12))
def test_csv_in_equals_kept_plus_skipped(tmp_path, rows):
    f = tmp_path / "a.csv"
    f.write_text("id,text\n" + "".join(f'g{i},"{t}"\n' if k == "good" else f"b{i},{t}\n"
                                       for i, (k, t) in enumerate(rows)), encoding="utf-8")
    got, warnings, summary = _read([f], skip_bad=True)
    good_ids = [f"g{i}" for i, (k, _) in enumerate(rows) if k == "good"]
    assert [p.id for p in got if p.id.startswith("g")] == good_ids        # no good row lost, in order
    skipped = _skipped(warnings)
    assert len(got) + len(skipped) == len(rows)
    assert summary == [f"read {len(rows)} postings: {len(got)} kept, {len(skipped)} skipped"]


def test_build_skip_bad_prints_the_summary_and_writes_the_set(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(POSTING)
    (tmp_path / "in" / "b.txt").write_bytes(b"%PDF-1.4 not text")
    r = subprocess.run([sys.executable, "-m", "skillgraph", "build", str(tmp_path / "in"), "--skip-bad",
                        "--out", str(tmp_path / "out")], capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    assert "b.txt: a PDF document, not a posting" in r.stderr
    assert "read 2 postings: 1 kept, 1 skipped" in r.stderr.splitlines()
    assert {p.name for p in (tmp_path / "out").iterdir()} == {"graph.json", "mentions.jsonl", "summary.md",
                                                              "skillgraph.ttl", "graph.html"}


def test_a_bom_inside_concatenated_jsonl_is_not_a_bad_line(tmp_path):
    f = tmp_path / "cat.jsonl"
    f.write_bytes(b'{"id": "1", "text": "Python"}\n\xef\xbb\xbf{"id": "2", "text": "SQL"}\n')
    got, warnings, summary = _read([f])
    assert [p.id for p in got] == ["1", "2"] and warnings == []


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(st.characters(), st.sampled_from(["\ud800", "\udbff", "\udc00", "\udfff"])),
                max_size=30).map("".join))
def test_surrogate_test_agrees_with_the_regex(text):
    """The encoder-based test that skips the scrub regex says what a search for a surrogate says."""
    import re

    from skillgraph.ingest.jsonsafe import _has_surrogate

    assert _has_surrogate(text) == (re.search("[\ud800-\udfff]", text) is not None)
    assert _has_surrogate("caf\u00e9 \ud83d") and not _has_surrogate("caf\u00e9 \U0001F600")
