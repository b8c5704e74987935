"""Mojibake: ftfy's repairs (curly quotes kept), lost C1 bytes restored only with a signature, and the
shortcuts that give what ftfy's plain checks give."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from skillgraph.ingest import mojibake, repair


def test_repair_mojibake_with_ftfy_keeps_curly_quotes():
    assert repair("We\u00e2\u20ac\u2122re hiring") == ("We’re hiring", True)     # classic cp1252 mojibake
    assert repair("caf\u00c3\u00a9 au lait")[0] == "café au lait"
    assert repair("We’re “quoted” — fine…") == ("We’re “quoted” — fine…", False)
    assert repair("ﬁne-tuning")[0] == "fine-tuning"


def test_repair_lossy_baltic_mojibake_only_with_a_signature():
    assert repair("weāre here, donāt go; itās šŗšø")[0] == "we’re here, don’t go; it’s 🇺🇸"
    latvian = "Jānis dzīvo Rīgā. Mājās ir grāmatās.\n"
    assert repair(latvian) == (latvian, False)


def _mojibake_alphabet():
    from ftfy.badness import BADNESS_RE
    chars = sorted({c for c in BADNESS_RE.pattern if ord(c) > 0x7F} | set("aZ .,\n\u00a0\u0085"))
    return "".join(chars)


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=_mojibake_alphabet(), max_size=12) | st.text(max_size=12))
def test_property_mojibake_precheck_is_a_necessary_condition_of_ftfy_is_bad(text):
    _, is_bad, _, maybe_bad = mojibake._ftfy()
    if is_bad(text):
        assert maybe_bad.search(text), text


# The fast paths give what the plain, slow way gives: mojibake.py takes shortcuts for speed (see its
# "Speed:" comment); each test below checks one against the straightforward computation it replaces,
# on random text made of the characters that matter to it.
_ODD = [chr(c) for c in range(0x80, 0xA0)] + ["\x00", "\x1a", "\x1b", "\x1b[36m", "\x0b", "\x7f", "\ufeff",
                                             "\ufb01", "\u0133", "\ud83d", "\ude00", "’", "•", "é", "â€™", "Ã©",
                                             "äß", "šŗšø", "🇺🇸", "中文", "\u00a0", "\t", "\r\n"]
odd_texts = st.lists(st.sampled_from(_ODD + ["a", "Z", " ", "\n", ".", "x y"]), max_size=30).map("".join)


@settings(max_examples=300, deadline=None)
@given(odd_texts | st.text(max_size=40))
def test_property_odd_runs_are_the_regex_runs(text):
    assert mojibake._odd_runs(text) == "\n".join(mojibake._ODD_RUNS_RE.findall(text))


def _reference_fix_mojibake(text: str) -> str:
    """The mojibake step the straightforward way: ftfy's checks and fixers on the whole text."""
    import re

    import ftfy
    from ftfy import fixes


    config, is_bad, trigger, maybe_bad = mojibake._ftfy()
    if text.isascii() and not re.search(r"[\x00-\x08\x0b\x0e-\x1f\x7f]", text):
        return text
    if not text.isascii() and not trigger.search(text) and (not maybe_bad.search(text) or not is_bad(text)):
        return text
    # ASCII controls (not tab, LF, CR, FF, ESC) become one separator each, after escape sequences go
    text = re.sub(r"[\x00-\x08\x0b\x0e-\x1a\x1c-\x1f\x7f]",
                  lambda m: "\n" if m.group() in "\x0b\x1c\x1d\x1e" else " ", fixes.remove_terminal_escapes(text))
    cheap = fixes.fix_c1_controls(text)
    if maybe_bad.search(cheap) and is_bad(cheap):
        return ftfy.fix_text(text, config)
    return fixes.remove_control_chars(fixes.fix_surrogates(fixes.fix_latin_ligatures(cheap)))


@settings(max_examples=400, deadline=None)
@given(odd_texts)
def test_property_mojibake_shortcuts_match_ftfy(text):
    assert mojibake.fix_mojibake(text) == _reference_fix_mojibake(text)


def test_ascii_controls_become_separators_not_glue():
    """A control character where a separator was lost ("SQL\x1adatabases", SkillSpan's "in\x1acheck")
    becomes a space, a line-breaking one (vertical tab, record separator) a line break: the words stay
    apart and the text keeps its length, so offsets after it are the file's."""
    text = "Python and SQL\x1adatabases\x0bKubernetes\x1eDocker\x00Go\x7fRust; caf\u00e9"
    fixed = mojibake.fix_mojibake(text)
    assert fixed == "Python and SQL databases\nKubernetes\nDocker Go Rust; caf\u00e9"
    assert len(fixed) == len(text)
    assert mojibake.fix_mojibake("a\x1b[36mb\x1ac") == "ab c"          # an escape sequence still goes whole


def test_control_separator_keeps_both_skills_linked(tmp_path):
    """Through the CLI: both words around a lost separator link, at the file's own offsets."""
    import json

    from click.testing import CliRunner

    from skillgraph.cli import main

    text = "Experience with SQL\x1adatabases and Kubernetes\x0bPython"
    (tmp_path / "p.jsonl").write_text(json.dumps({"id": "p", "text": text}) + "\n", encoding="utf-8")
    res = CliRunner().invoke(main, ["extract", str(tmp_path / "p.jsonl"), "--format", "json"])
    assert res.exit_code == 0, res.output
    ms = json.loads(res.stdout)[0]["mentions"]
    assert {(m["text"], m["start"]) for m in ms} >= {(w, text.index(w)) for w in ("Kubernetes", "Python")}
    assert any(m["start"] == text.index("SQL") and m["text"].startswith("SQL") for m in ms)
