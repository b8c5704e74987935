"""Ingest: every input format, broken input, text repair, metadata on the seeds and beyond."""
from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from skillgraph.errors import InputError
from skillgraph.ingest import (
    extract_metadata, html_to_text, looks_like_html, read_postings, repair, seniority_from_title,
)
from skillgraph.model import Salary

SEEDS = Path(__file__).resolve().parents[1] / "seeds"
SEED = {p.name[:3]: p for p in sorted(SEEDS.glob("*.txt"))}


def read_one(path, **kw):
    out = list(read_postings([path], **kw))
    assert len(out) == 1, out
    return out[0]


def seed_text(key: str) -> str:
    return SEED[key].read_bytes().decode("utf-8")


# ------------------------------------------------------------------------------------------------
# the seeds
# ------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("key", ["000", "002", "003"])
def test_clean_seeds_are_not_altered(key):
    p = read_one(SEED[key])
    assert p.text == seed_text(key)
    assert p.repaired is False
    assert p.id == SEED[key].name
    assert p.source == str(SEED[key])


def test_seed_001_mojibake_repaired():
    p = read_one(SEED["001"])
    assert p.repaired is True
    assert "ā" not in p.text and "Ā" not in p.text and "š" not in p.text
    assert "We’re looking for hands-on experience" in p.text
    assert "At Pinterest, we’re on a mission" in p.text
    assert "each other’s unique experiences and embrace the flexibility to do" in p.text
    assert "🇺🇸 United States" in p.text
    assert "we're not always working in an office" in p.text          # the straight one stays
    assert "#LI-Remote\n" in p.text and "etc.\n" in p.text             # stray NBSP remnants gone
    assert "What you’ll do:\n- Prototype" in p.text


def test_seed_004_html_keeps_headings_and_items_as_lines():
    p = read_one(SEED["004"])
    assert p.repaired is True
    lines = p.text.splitlines()
    assert "<" not in p.text and "&nbsp;" not in p.text
    assert lines[:4] == ["Sr. Machine Learning Engineer, Core Engineering", "", "Pinterest",
                         "San Francisco, CA, US; Palo Alto, CA, US; Seattle, WA, USPosted 4 March 2026"]
    for heading in ("About Pinterest:", "What you’ll do:", "What we’re looking for:", "Nice to have:",
                    "Relocation Statement:"):
        assert heading in lines, heading

    def items_after(heading):
        i = lines.index(heading) + 1
        while not lines[i]:
            i += 1
        out = []
        while i < len(lines) and lines[i].startswith("- "):
            out.append(lines[i][2:])
            i += 1
        return out

    assert len(items_after("What you’ll do:")) == 5
    assert items_after("What you’ll do:")[0].startswith("Build cutting edge technology")
    looking = items_after("What we’re looking for:")
    assert [s[:20] for s in looking] == ["4+ years of industry", "End-to-end hands-on ",
                                         "Degree in computer s"]
    nice = items_after("Nice to have:")
    assert nice[0] == "Publications at top ML conferences"
    assert nice[-1].startswith("MS/PhD in Computer Science")
    assert len(nice) == 4
    assert "#LI-REMOTE" in lines


EXPECTED = {
    "000": dict(title="Sr. Machine Learning Engineer, Applied Science", locations=("San Francisco, CA",),
                salary=None, min_years=5, degrees=("master", "phd"),
                degree_fields=("Machine Learning", "Computer Science"), seniority="senior", work_mode=None),
    "001": dict(title="Machine Learning Engineer II, Computer Vision Applied Science",
                locations=("United States",), salary=Salary(138905, 285982, "USD", "year"), min_years=2,
                degrees=("master", "phd"), degree_fields=("Machine Learning", "Computer Science"),
                seniority="mid", work_mode="remote"),
    "002": dict(title="Sr. Machine Learning Engineer, Responsible AI- Applied Research Science",
                locations=("United States",), salary=Salary(189000, 332000, "USD", "year"), min_years=4,
                degrees=("master", "phd"), degree_fields=("Computer Science",), seniority="senior",
                work_mode="remote"),
    "003": dict(title="Staff Machine Learning Engineer", locations=("United States",),
                salary=Salary(189308, 389753, "USD", "year"), min_years=None, degrees=("master", "phd"),
                degree_fields=("Computer Science", "Statistics"), seniority="staff", work_mode="hybrid"),
    "004": dict(title="Sr. Machine Learning Engineer, Core Engineering",
                locations=("San Francisco, CA, US", "Palo Alto, CA, US", "Seattle, WA, US"), salary=None,
                min_years=4, degrees=("master", "phd"),
                degree_fields=("Computer Science", "Machine Learning", "Statistics",
                               "Natural Language Processing", "Information Science"),
                seniority="senior", work_mode="remote"),
}


@pytest.mark.parametrize("key", sorted(EXPECTED))
def test_seed_metadata(key):
    p = read_one(SEED[key])
    assert p.company == "Pinterest"
    for field, want in EXPECTED[key].items():
        assert getattr(p, field) == want, field


def test_seed_directory_in_sorted_order():
    ps = list(read_postings([SEEDS]))
    assert [p.id for p in ps] == sorted(p.name for p in SEEDS.glob("*.txt"))


# ------------------------------------------------------------------------------------------------
# formats
# ------------------------------------------------------------------------------------------------

POSTING = "Senior Data Scientist\n\nAcme\n\nWe need Python and SQL. 3+ years of experience.\n"


def test_txt_and_md(tmp_path):
    (tmp_path / "a.txt").write_text(POSTING, encoding="utf-8")
    (tmp_path / "b.md").write_text("# Staff ML Engineer\n\n## Requirements\n\n- **PyTorch**\n", encoding="utf-8")
    a, b = read_postings([tmp_path / "a.txt", str(tmp_path / "b.md")])
    assert (a.id, a.text, a.repaired, a.title, a.min_years) == ("a.txt", POSTING, False, "Senior Data Scientist", 3)
    assert b.text.startswith("# Staff ML Engineer") and b.repaired is False   # Markdown is kept as is
    assert b.title == "Staff ML Engineer" and b.seniority == "staff"


def test_html_file(tmp_path):
    f = tmp_path / "job.html"
    f.write_text("<!DOCTYPE html><html><head><title>x</title><style>p{color:red}</style>"
                 "<script>var a = '<p>no</p>';</script></head><body>\n<h1>ML Engineer</h1>\n"
                 "<p>Build models &amp; ship them.<br>Second line</p>\n<ol><li>One</li><li>Two<ul>"
                 "<li>Nested</li></ul></li></ol></body></html>", encoding="utf-8")
    p = read_one(f)
    assert p.text == "ML Engineer\n\nBuild models & ship them.\nSecond line\n\n- One\n- Two\n  - Nested\n"
    assert p.repaired and p.title == "ML Engineer"


def test_html_implicit_closing_and_nbsp():
    out = html_to_text("<ul><li>a<li>b</ul><p>x&nbsp;y<p>z</p><table><tr><td>k</td><td>v</td></tr></table>")
    assert out.splitlines() == ["- a", "- b", "", "x\u00a0y", "", "z", "", "k | v"]
    assert repair("<p>x&nbsp;y</p><p>z</p>")[0] == "x y\n\nz\n"


def test_looks_like_html():
    assert looks_like_html("<p>Hi</p>")
    assert looks_like_html("Title\n\n<div><p>text</p></div>")
    assert not looks_like_html("Use <div> and <span> elements; 3 < 4 > 2")
    assert not looks_like_html("plain text")


def test_json_object_and_array(tmp_path):
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


def test_json_wrapper_object(tmp_path):
    f = tmp_path / "w.json"
    f.write_text(json.dumps({"jobs": [{"id": "j1", "body": POSTING}], "count": 1}), encoding="utf-8")
    assert read_one(f).id == "j1"


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


def test_csv_semicolon_and_bom(tmp_path):
    f = tmp_path / "jobs.csv"
    f.write_bytes("\ufefftext;id\nPython developer;x1\n".encode("utf-8"))
    assert read_one(f).id == "x1"


@pytest.mark.parametrize("payload,expect", [
    (json.dumps([{"id": 1, "text": "ML Engineer"}]), ["1"]),
    (json.dumps({"text": "ML Engineer"}), ["stdin"]),
    (json.dumps({"text": "a"}) + "\n" + json.dumps({"text": "b"}) + "\n", ["stdin:1", "stdin:2"]),
    ("<p>ML Engineer</p><ul><li>PyTorch</li></ul>", ["stdin"]),
    ("Just a plain posting\n", ["stdin"]),
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
    ps = list(read_postings([tmp_path]))
    assert [p.id for p in ps] == ["a/x.txt", "y.md", "b/x.txt", "c.jsonl:1"]
    assert ps[0].source == str(tmp_path / "a" / "x.txt")


def test_cp1252_fallback_and_bom(tmp_path):
    f = tmp_path / "w.txt"
    f.write_bytes("We’re hiring a Data Analyst – café\n".encode("cp1252"))
    p = read_one(f)
    assert p.text == "We’re hiring a Data Analyst – café\n" and p.repaired is True
    g = tmp_path / "bom.txt"
    g.write_bytes(b"\xef\xbb\xbfML Engineer\n")
    q = read_one(g)
    assert q.text == "ML Engineer\n" and q.repaired is False


# ------------------------------------------------------------------------------------------------
# broken input
# ------------------------------------------------------------------------------------------------

BROKEN = [
    ("bin.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00", r"bin\.txt:3: binary data \(NUL bytes\)"),
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
    ("emptyrec.jsonl", b'{"text": "a"}\n{"text": "  "}\n', r"emptyrec\.jsonl:2: line 2 has an empty 'text' field"),
    ("nocol.csv", b"title,company\nx,y\n", r"nocol\.csv:1: no text column in the CSV header \(title, company\)"),
    ("emptyrow.csv", b"id,text\n1,ok\n2,\n", r"emptyrow\.csv:3: row has an empty or missing 'text' field"),
    ("short.csv", b"text,id\nok,1\n\"unterminated,2\n", r"short\.csv:3: unreadable CSV row \(unexpected end of data\)"),
    ("wide.csv", b"id,text\n1,ok\n2,a,b\n", r"wide\.csv:3: row has 3 fields but the header has 2"),
    ("empty.txt", b"  \n\n", r"empty\.txt: empty posting \(no text\)"),
    ("empty.html", b"<p> </p><script>x</script>", r"empty\.html: empty posting"),
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
    assert [p.text for p in ps] == ["one", "two", "three"]
    assert len(warnings) == 4
    assert warnings[0].startswith(f"{tmp_path / 'a.jsonl'}:2: invalid JSON")
    assert warnings[1].startswith(f"{tmp_path / 'a.jsonl'}:3: line 3 has an empty 'text' field")
    assert warnings[2].startswith(f"{tmp_path / 'b.txt'}:1: binary data")
    assert "missing.txt: no such file" in warnings[3]


def test_error_raised_without_skip_after_good_records(tmp_path):
    f = tmp_path / "a.jsonl"
    f.write_text('{"text": "one"}\n{"text": 5}\n', encoding="utf-8")
    it = read_postings([f])
    assert next(it).text == "one"
    with pytest.raises(InputError, match=r"a\.jsonl:2: line 2 has an empty 'text' field"):
        next(it)


# ------------------------------------------------------------------------------------------------
# repair
# ------------------------------------------------------------------------------------------------

def test_repair_mojibake_with_ftfy_keeps_curly_quotes():
    assert repair("We\u00e2\u20ac\u2122re hiring") == ("We’re hiring", True)     # classic cp1252 mojibake
    assert repair("caf\u00c3\u00a9 au lait")[0] == "café au lait"
    assert repair("We’re “quoted” — fine…") == ("We’re “quoted” — fine…", False)
    assert repair("ﬁne-tuning")[0] == "fine-tuning"


def test_repair_lossy_baltic_mojibake_only_with_a_signature():
    assert repair("weāre here, donāt go; itās šŗšø")[0] == "we’re here, don’t go; it’s 🇺🇸"
    latvian = "Jānis dzīvo Rīgā. Mājās ir grāmatās.\n"
    assert repair(latvian) == (latvian, False)


def test_repair_whitespace():
    assert repair("a \nb\t\r\nc  ") == ("a\nb\r\nc", True)
    assert repair("a\n\n\n\n\nb") == ("a\n\n\nb", True)
    assert repair("a\u00a0b") == ("a b", True)
    tail = "a\nb\n\n\n\n\n"
    assert repair(tail) == (tail, False)             # blank lines at the very end are left alone


def test_repair_entities_and_escaped_html():
    assert repair("R&amp;D and AT&amp;T")[0] == "R&D and AT&T"
    assert repair("R&D; AT&T")[1] is False
    assert repair("&lt;p&gt;Hello&lt;/p&gt;&lt;ul&gt;&lt;li&gt;x&lt;/li&gt;&lt;/ul&gt;")[0] == "Hello\n\n- x\n"


def test_repair_returns_same_object_when_clean():
    text = seed_text("002")
    out, fixed = repair(text)
    assert out is text and fixed is False


_SCRIPTS = (
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789",
    "abcdefghijklmnopqrstuvwxyzéèêëàâäôöûüùçñßøåæÉÜÖÄ",      # Latin with accents: café, Müller
    "αβγδεζηθλμνξπρστφχψωΔΩ", "абвгдежзийклмнопрстуфхцчшщыэюяПЖ", "中文日本語東京人工知能学習",
    "한국어머신러닝", "العربيةتعلم", "हिन्दीमशीन",
)
_SYMBOLS = ("—", "–", "…", "•", "·", "€", "£", "¥", "°", "±", "×", "→", "✓", "™", "&", "%", "$", "/", "-",
            "🙂", "🚀", "🇺🇸", "👩‍💻", "(", ")", "#", "@", "+", "*")


@st.composite
def clean_texts(draw):
    """Realistic clean text: words in one script each, punctuation at word edges, symbols as their own
    tokens, "\n" or "\r\n" line breaks, no trailing spaces, at most two blank lines in a row."""
    word = st.one_of([st.text(alphabet=a, min_size=1, max_size=10) for a in _SCRIPTS])
    token = st.one_of(
        word,
        st.tuples(st.sampled_from(["", "(", "“", "‘", '"', "'"]), word,
                  st.sampled_from(["", ",", ".", ";", ":", "!", "?", ")", "”", "’", "’s", '"', "'s"])).map("".join),
        st.sampled_from(_SYMBOLS),
    )
    line = st.tuples(st.sampled_from(["", "", "- ", "  • ", "  1. ", "## "]),
                     st.lists(token, max_size=12).map(" ".join)).map("".join).map(str.rstrip)
    lines = draw(st.lists(line, max_size=12))
    sep = draw(st.sampled_from(["\n", "\r\n"]))
    out, blank = [], 0
    for ln in lines:
        blank = blank + 1 if not ln else 0
        if blank <= 2:
            out.append(ln)
    return sep.join(out) + draw(st.sampled_from(["", sep, sep * 4]))


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(clean_texts())
def test_property_clean_text_is_never_altered(text):
    out, fixed = repair(text)
    assert out is text and fixed is False


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="abc XYZ\n", max_size=200))
def test_property_plain_ascii_exactly_unchanged(text):
    clean = "\n".join(line.rstrip(" ") for line in text.split("\n"))
    while "\n\n\n\n" in clean.rstrip("\n"):
        clean = clean.replace("\n\n\n\n", "\n\n\n")
    assert repair(clean) == (clean, False)


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=300))
def test_property_repair_never_crashes_and_is_idempotent(text):
    out, _ = repair(text)
    assert repair(out)[0] == repair(out)[0]
    assert isinstance(out, str)


# ------------------------------------------------------------------------------------------------
# metadata on other phrasings
# ------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text,title,company", [
    ("Title: Senior Applied Scientist\nCompany: Contoso Ltd\n", "Senior Applied Scientist", "Contoso Ltd"),
    ("Acme Robotics is hiring a Principal Research Engineer to build robots.\n",
     "Principal Research Engineer", "Acme Robotics"),
    ("Data Engineer (Remote)\nGlobex · Full-time\n\nAbout Globex\nWe make things.", "Data Engineer (Remote)",
     "Globex"),
    ("Lead the modeling strategy for search.\nWe build things.", None, None),
])
def test_title_and_company(text, title, company):
    meta = extract_metadata(text)
    assert (meta["title"], meta["company"]) == (title, company)


@pytest.mark.parametrize("text,salary", [
    ("Pay: $120,000 - $150,000 per year", Salary(120000, 150000, "USD", "year")),
    ("Salary £50k–£65k", Salary(50000, 65000, "GBP", "year")),
    ("€70.000? no: €70K to €90K annually", Salary(70000, 90000, "EUR", "year")),
    ("$45 - $60/hr", Salary(45, 60, "USD", "hour")),
    ("CA$100-130K", Salary(100000, 130000, "CAD", "year")),
    ("Range: 150,000-180,000 USD", Salary(150000, 180000, "USD", "year")),
    ("Market Cap $16 billion; Net Income -$128.3 million; 1-2 times/quarter", None),
])
def test_salary(text, salary):
    assert extract_metadata(text)["salary"] == salary


@pytest.mark.parametrize("text,years", [
    ("5+ years of experience; 2+ years with Spark", 2),
    ("At least three years of professional experience", 3),
    ("3-5 years of relevant industry experience", 3),
    ("Minimum of 7 years in ML", 7),
    ("8 or more years building systems", 8),
    ("Less than 5 years of experience\n6+ yrs Python", 6),
    ("1+ years experience leading teams. 4+ years working experience", 4),
    ("Founded 10 years ago; 5 Year Trend", None),
])
def test_min_years(text, years):
    assert extract_metadata(text)["min_years"] == years


@pytest.mark.parametrize("text,degrees,fields", [
    ("BS/MS in Computer Science, Electrical Engineering or Mathematics", ("bachelor", "master"),
     ("Computer Science", "Electrical Engineering", "Mathematics")),
    ("Bachelor's degree in Statistics or a related quantitative field", ("bachelor",), ("Statistics",)),
    ("Ph.D. in Physics, Operations Research, or equivalent", ("phd",), ("Physics", "Operations Research")),
    ("B.S. or M.S. degree in CS", ("bachelor", "master"), ("Computer Science",)),
    ("Experience with MS Office. Offices in Boston, MA. You will master new tools.", (), ()),
])
def test_degrees(text, degrees, fields):
    meta = extract_metadata(text)
    assert (meta["degrees"], meta["degree_fields"]) == (degrees, fields)


@pytest.mark.parametrize("title,level", [
    ("Sr. Machine Learning Engineer", "senior"), ("Machine Learning Engineer II", "mid"),
    ("Staff Machine Learning Engineer", "staff"), ("Principal Scientist", "principal"),
    ("Senior Engineering Manager, ML", "manager"), ("Director of Data Science", "director"),
    ("Head of AI", "director"), ("Lead Data Scientist", "lead"), ("Junior Data Analyst", "junior"),
    ("Software Engineer I", "junior"), ("Machine Learning Intern (Summer 2026)", "intern"),
    ("Senior Staff Research Engineer", "staff"), ("Machine Learning Engineer", None), (None, None),
])
def test_seniority(title, level):
    assert seniority_from_title(title) == level


@pytest.mark.parametrize("text,mode", [
    ("This role is fully remote.", "remote"),
    ("Data Scientist (Remote)\n", "remote"),
    ("Location: Remote - US", "remote"),
    ("We follow a hybrid work model with 3 days a week in the office.", "hybrid"),
    ("This is an on-site role in Austin.", "on-site"),
    ("#LI-Hybrid", "hybrid"),
    ("#LI-Onsite", "on-site"),
    ("Remote sensing experience; on-site interviews", None),
    ("Work remotely; in the office 1-2 times per quarter for key moments #LI-Remote", "remote"),
])
def test_work_mode(text, mode):
    assert extract_metadata(text)["work_mode"] == mode


@pytest.mark.parametrize("text,locations", [
    ("Location: Berlin, Germany; London, UK", ("Berlin, Germany", "London, UK")),
    ("ML Engineer\nNew York, NY · Austin, TX\n", ("New York, NY", "Austin, TX")),
    ("Candidates must be based in Canada.", ("Canada",)),
])
def test_locations(text, locations):
    assert extract_metadata(text)["locations"] == locations


def _mojibake_alphabet():
    from ftfy.badness import BADNESS_RE
    chars = sorted({c for c in BADNESS_RE.pattern if ord(c) > 0x7F} | set("aZ .,\n\u00a0\u0085"))
    return "".join(chars)


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=_mojibake_alphabet(), max_size=12) | st.text(max_size=12))
def test_property_mojibake_precheck_is_a_necessary_condition_of_ftfy_is_bad(text):
    from skillgraph import ingest
    _, is_bad, _, maybe_bad = ingest._ftfy()
    if is_bad(text):
        assert maybe_bad.search(text), text


# ------------------------------------------------------------------------------------------------
# the fast paths give what the plain, slow way gives
# ------------------------------------------------------------------------------------------------
# ingest.py takes shortcuts for speed (see its "Speed:" comments); each test below checks one
# against the straightforward computation it replaces, on random text made of the characters that
# matter to it.

_LINE_BREAKS = ["\n", "\r\n", "\r", "\x0b", "\x0c", "\x1c", "\x85", "\u2028"]
_ODD = [chr(c) for c in range(0x80, 0xA0)] + ["\x00", "\x1a", "\x1b", "\x1b[36m", "\x0b", "\x7f", "\ufeff",
                                             "\ufb01", "\u0133", "\ud83d", "\ude00", "’", "•", "é", "â€™", "Ã©",
                                             "äß", "šŗšø", "🇺🇸", "中文", "\u00a0", "\t", "\r\n"]
odd_texts = st.lists(st.sampled_from(_ODD + ["a", "Z", " ", "\n", ".", "x y"]), max_size=30).map("".join)


@settings(max_examples=300, deadline=None)
@given(odd_texts | st.text(max_size=40))
def test_property_odd_runs_are_the_regex_runs(text):
    from skillgraph import ingest
    assert ingest._odd_runs(text) == "\n".join(ingest._ODD_RUNS_RE.findall(text))


def _reference_fix_mojibake(text: str) -> str:
    """The mojibake step the straightforward way: ftfy's checks and fixers on the whole text."""
    import re

    import ftfy
    from ftfy import fixes

    from skillgraph import ingest

    config, is_bad, trigger, maybe_bad = ingest._ftfy()
    if text.isascii() and not re.search(r"[\x00-\x08\x0b\x0e-\x1f\x7f]", text):
        return text
    if not text.isascii() and not trigger.search(text) and (not maybe_bad.search(text) or not is_bad(text)):
        return text
    cheap = fixes.fix_c1_controls(fixes.remove_terminal_escapes(text))
    if maybe_bad.search(cheap) and is_bad(cheap):
        return ftfy.fix_text(text, config)
    return fixes.remove_control_chars(fixes.fix_surrogates(fixes.fix_latin_ligatures(cheap)))


@settings(max_examples=400, deadline=None)
@given(odd_texts)
def test_property_mojibake_shortcuts_match_ftfy(text):
    from skillgraph import ingest
    assert ingest._fix_mojibake(text) == _reference_fix_mojibake(text)


def _reference_looks_like_html(text: str) -> bool:
    from skillgraph import ingest
    if ingest._DOCTYPE_RE.search(text):
        return True
    count, closing = 0, False
    for m in ingest._HTML_TAG_RE.finditer(text):
        count += 1
        closing = closing or bool(m.group(1)) or m.group(2).lower() == "br"
        if count >= 2 and closing:
            return True
    return False


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["<p>", "</p>", "<br>", "<BR/>", "<li", ">", "<ORGANIZATION>", "< 5", "<!DOCTYPE html>",
                                 "<HTML>", "<b>", "</b", "<", "text", " ", "\n", "<div class='x'>"]),
                max_size=12).map("".join))
def test_property_looks_like_html_shortcuts(text):
    assert looks_like_html(text) == _reference_looks_like_html(text)


lines_texts = st.lists(
    st.tuples(st.sampled_from(["", " ", "  x", "Title: ML Engineer", "About Acme:", "a" * 150, "Company: Acme",
                               "\tLocation: Berlin ", "b:c:d", "x" * 700]),
              st.sampled_from(_LINE_BREAKS)),
    max_size=40).map(lambda ps: "".join(a + b for a, b in ps))


@settings(max_examples=200, deadline=None)
@given(lines_texts, st.integers(1, 20))
def test_property_head_lines_and_lines_holding(text, n):
    from skillgraph import ingest
    doc = ingest._Doc(text)
    assert ingest._head_lines(text, n) == doc.lines[:n]
    # lines_holding: the stripped splitlines() line of each position, each line once, in text order
    spans, at = [], 0
    for part in text.splitlines(True):
        spans.append((at, at + len(part), part.strip()))
        at += len(part)
    positions = [i for i, c in enumerate(text) if c in ":A"]
    want = []
    for s, e, line in spans:
        if line and any(s <= i < e for i in positions):
            want.append(line)
    assert doc.lines_holding(positions) == want
    for i in positions:
        assert doc.lines_holding([i]) == [ln for s, e, ln in spans if s <= i < e and ln]
    assert doc.colon_lines == [ln for ln in doc.lines if ":" in ln]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["At ", "About ", "AUD", "BAUD", "MAt ", "B.", "BS", "BSc", "MS", "MA", "M.S.", "MEng",
                                 "BTech", "$", "US$", "£", "€", "₹", "USD", "EUR", "CHF", "x", " ", "\n", "é"]),
                max_size=20).map("".join))
def test_property_exact_anchor_scan_finds_every_occurrence(text):
    from skillgraph import ingest
    doc = ingest._Doc(text)
    for word in ingest._ANCHORS[True] or ingest._anchor_automata() and ingest._ANCHORS[True]:
        want = [i for i in range(len(text)) if text.startswith(word, i)]
        assert sorted(doc.find_exact((word,))) == want, word


_DEGREE_TOKENS = (
    "BS B.S. B.S B. Bachelor's bachelors Bachelors undergraduate degree BSc B.Sc BEng B.Tech B.E. B.A. BA MS M.S M.S. "
    "M. Master's masters Master of master degree MBA M.A. MA M.Tech MEng MSc PhD Ph.D. Ph. D PHD phd doctorate "
    "doctoral DPhil degree diploma in or and / , ; . Computer Science computer sciences CS comp sci Comp applied "
    "math Applied Math Mathematics maths EE Electrical and computer engineering & OR operations research "
    "computational biology biology linguistics computational linguistics ML AI NLP statistics statistical science "
    "econometrics physics company İ ı ſ K é related field Experience with MS Office").split()


def _reference_degrees(text: str):
    """_find_degrees the straightforward way: every regex searched over every degree sentence."""
    from skillgraph import ingest
    doc = ingest._Doc(text)
    chunk = doc.lines_with(ingest._DEGREE_WORDS_LOWER, ingest._DEGREE_WORDS_EXACT)
    levels, fields = set(), {}
    for s_index, sent in enumerate(s for line in chunk.split("\n") for s in ingest._SENTENCE_SPLIT_RE.split(line)):
        low = sent.lower()
        if not (any(w in low for w in ingest._DEGREE_WORDS_IN_SENTENCE) or ingest._DEGREE_CONTEXT_RE.search(sent)):
            continue
        for level, rx in (("bachelor", ingest._BACHELOR_RE), ("master", ingest._MASTER_RE), ("phd", ingest._PHD_RE)):
            if rx.search(sent):
                levels.add(level)
        for name, rx, lower_hints, exact_hints in ingest._FIELD_RES:
            if name not in fields and (any(h in low for h in lower_hints) or any(h in sent for h in exact_hints)):
                fm = rx.search(sent)
                if fm:
                    fields[name] = (s_index, fm.start())
    return (tuple(lvl for lvl in ("bachelor", "master", "phd") if lvl in levels),
            tuple(sorted(fields, key=lambda f: (fields[f], f))))


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(_DEGREE_TOKENS), st.sampled_from([" ", " ", "", "\n", ". ", ", ", "/"])),
                max_size=25).map(lambda ps: "".join(a + b for a, b in ps)))
def test_property_degree_shortcuts_match_plain_search(text):
    from skillgraph import ingest
    doc = ingest._Doc(text)
    assert ingest._find_degrees(doc) == _reference_degrees(text)


@pytest.mark.parametrize("text,degrees", [
    ("masters degree in physics", ("master",)), ("a master's in CS", ("master",)),
    ("bachelors degree; undergraduate degree", ("bachelor",)), ("degree: DPhil", ("phd",)),
    ("a doctoral degree", ("phd",)), ("ph.d. degree", ("phd",)),
])
def test_degree_levels_in_lower_case(text, degrees):
    assert extract_metadata(text)["degrees"] == degrees


def test_label_lines_anywhere_and_other_line_breaks():
    filler = "".join(f"Line {i} of the description.\n" for i in range(40))
    meta = extract_metadata("Data Scientist\n" + filler + "  Company:  Initech\r\n" + filler
                            + "Job Location: Austin, TX / Remote\n")
    assert meta["company"] == "Initech"
    assert meta["locations"] == ("Austin, TX", "Remote")
    assert extract_metadata("ML Engineer\u2028About Globex:\u2028We make things.")["company"] == "Globex"
    assert extract_metadata("x\n" * 30 + "Title: ML Engineer\n")["title"] is None     # titles: first lines only


def test_non_ascii_postings_find_case_folded_anchors():
    # the anchor index lower-cases ASCII letters only (other characters keep their place), and falls
    # back to str.lower() for İ, whose lower case is two characters
    text = "Über uns\nAcme is Looking For a Data Scientist.\nLocation: Berlin, Germany\nFully REMOTE role. PhD in Physics"
    meta = extract_metadata(text)
    assert (meta["company"], meta["locations"], meta["work_mode"]) == ("Acme", ("Berlin, Germany",), "remote")
    assert (meta["degrees"], meta["degree_fields"]) == (("phd",), ("Physics",))
    meta = extract_metadata("İ\nAcme is looking for a Senior Data Scientist to join. 5+ YEARS of experience.")
    assert (meta["title"], meta["company"], meta["min_years"]) == ("Senior Data Scientist", "Acme", 5)
