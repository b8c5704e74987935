"""repair(): whitespace, entities and escaped HTML; clean text comes back as the very same string."""
from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from skillgraph.ingest import repair


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


def test_repair_drops_markdown_backslash_escapes():
    # LinkedIn's postings come as Markdown: every "-", "+", "#", "." and "&" may carry a backslash
    text = "* Strong problem\\-solving in C\\+\\+ or C\\# with \\.NET \\& scikit\\-learn\\\nnext \\#LI-JK3"
    assert repair(text) == ("* Strong problem-solving in C++ or C# with .NET & scikit-learn\nnext #LI-JK3", True)
    assert repair("a \\\\-b, the\\-end")[0] == "a -b, the-end"            # a run of backslashes goes whole
    assert repair("hard \\ \\\nbreak\\-line")[0] == "hard\nbreak-line"      # blanks and backslashes ending a line
    assert repair("R\\&amp;D and &\\#39;s \\&pound;5")[0] == "R&D and 's £5"     # escapes go before entities
    for kept in ("C:\\Users\\me", "\\alpha + \\beta", "a \\ b", "ends in \\",  # before a letter, a space, the end
                 "C:\\Users\\me\\.ssh and ..\\..\\bin", "^\\d{3}\\-\\d{4}$"):    # no Markdown escapes: as written
        assert repair(kept) == (kept, False)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("\\-+#.&a b\n\r\t\u00a0()_*`[]|~!;39lt\x0b\x1a")), max_size=60))
def test_property_markdown_unescaping_is_idempotent_and_leaves_no_escape(text):
    import re

    from skillgraph.ingest.repair import _MD_SIGN_RE, _unescape_markdown

    out = repair(text)[0]
    assert repair(out)[0] == out
    if _MD_SIGN_RE.search(text) and not re.search(r"[\x00-\x1f&]", text):
        assert not re.search(r"\\[!-/:-@\[\]^_`{|}~]", out)

    def bare(t):        # without backslashes and the blanks that end a line
        return re.sub(r"[ \t\u00a0]+(?=[\r\n])", "", t.replace("\\", ""))

    assert bare(_unescape_markdown(text)) == bare(text)        # only backslashes (and a hard break's blanks) go


def test_repair_returns_same_object_when_clean(seed_text):
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


def test_a_markdown_escaped_posting_links_what_it_names(tmp_path):
    """Read from JSONL and linked with the shipped ontology: "C\\+\\+" is C++ (it was "C"), and
    "problem\\-solving", "scikit\\-learn", "C\\#" link at all."""
    import json

    from skillgraph.extraction import extract
    from skillgraph.ingest import read_postings
    from skillgraph.ontology import load_ontology

    path = tmp_path / "p.jsonl"
    text = "**Requirements**\n* Strong problem\\-solving skills\n* C\\+\\+ or C\\#, Python and scikit\\-learn\n"
    path.write_text(json.dumps({"id": "li-1", "text": text}) + "\n", encoding="utf-8")
    (posting,) = read_postings([path])
    assert posting.repaired
    x = extract(posting, load_ontology())
    assert {m.label for m in x.mentions} == {"problem solving", "C++", "C#", "Python", "scikit-learn"}
    assert all(posting.text[m.start:m.end] == m.text for m in x.mentions)
