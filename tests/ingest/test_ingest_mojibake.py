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
    cheap = fixes.fix_c1_controls(fixes.remove_terminal_escapes(text))
    if maybe_bad.search(cheap) and is_bad(cheap):
        return ftfy.fix_text(text, config)
    return fixes.remove_control_chars(fixes.fix_surrogates(fixes.fix_latin_ligatures(cheap)))


@settings(max_examples=400, deadline=None)
@given(odd_texts)
def test_property_mojibake_shortcuts_match_ftfy(text):
    assert mojibake.fix_mojibake(text) == _reference_fix_mojibake(text)
