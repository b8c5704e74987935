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
