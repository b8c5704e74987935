"""Mojibake repair: ftfy where the text needs it (and only there), and mojibake whose C1 bytes were lost.

ftfy costs ~70 ms to import, so it is imported on first use, and its tables are built once, on first
use, by the cached builders :func:`_ftfy` and :func:`_stray` (no module global needs filling first).
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Callable, Iterable

__all__ = ["fix_lossy_mojibake", "fix_mojibake"]


@lru_cache(maxsize=None)
def _ftfy() -> tuple:
    """(ftfy config, ftfy's is_bad, trigger regex, maybe-bad regex), built on first use."""
    import ftfy
    from ftfy import chardata
    from ftfy.badness import BADNESS_RE, MOJIBAKE_CATEGORIES, is_bad

    config = ftfy.TextFixerConfig(
        unescape_html=False,        # HTML is handled by html_to_text / entity decoding in repair()
        remove_terminal_escapes=True,
        fix_encoding=True,          # the mojibake repair itself
        restore_byte_a0=True,
        replace_lossy_sequences=True,
        decode_inconsistent_utf8=True,
        fix_c1_controls=True,
        fix_latin_ligatures=True,   # "ﬁne-tuning" from PDFs
        fix_character_width=False,  # would rewrite CJK full-width punctuation in clean text
        uncurl_quotes=False,        # "We’re" stays curly: it needs no repair
        fix_line_breaks=False,      # CRLF stays: offsets point into the file as given
        fix_surrogates=True,
        remove_control_chars=True,
        normalization=None,         # NFD text is not broken; normalising would move offsets
        explain=False,
    )
    # Every ftfy fixer enabled above is a no-op unless the text is_bad() (fix_encoding) or holds
    # one of these characters: C1 controls, Latin ligatures, surrogates, control characters.
    chars = set(chardata.CONTROL_CHARS) | set(chardata.LIGATURES)
    chars |= set(range(0x80, 0xA0)) | {0x1B}
    trigger = re.compile(
        "[" + "".join(re.escape(chr(c)) for c in sorted(chars)) + "\ud800-\udfff]")
    members = "".join(MOJIBAKE_CATEGORIES.values()) + "".join(
        re.escape(c) for c in sorted(set(BADNESS_RE.pattern)) if ord(c) > 0x7F)
    maybe_bad = re.compile(f"[{members}][{members}]|[\\x80-\\x9fÃÂŒœ]")
    return config, is_bad, trigger, maybe_bad


@lru_cache(maxsize=None)
def _stray() -> tuple[re.Pattern, dict[str, str]]:
    """(regex of the ligatures, control characters and surrogates; what each ligature or control
    character becomes), from ftfy's tables, built on first use."""
    from ftfy import chardata

    rx = re.compile("[" + "".join(re.escape(chr(c)) for c in sorted({*chardata.CONTROL_CHARS, *chardata.LIGATURES}))
                    + "\ud800-\udfff]")
    mapping = {chr(c): "" for c in chardata.CONTROL_CHARS}
    mapping.update({chr(c): v for c, v in chardata.LIGATURES.items()})
    return rx, mapping


@lru_cache(maxsize=None)
def _c1_fixed(c: str) -> str:
    """What ftfy's fix_c1_controls makes of the one C1 control character ``c``."""
    from ftfy import fixes

    return fixes.fix_c1_controls(c)


# ftfy's is_bad() is one big regex (~0.5 ms per kB). Every alternative of it needs two adjacent
# characters from its mojibake categories (or its few literal non-ASCII characters), a C1 control,
# or one of "ÃÂŒœ" (which also match next to ASCII). ``_ftfy()`` builds that necessary condition
# from ftfy's own tables; tests check it against is_bad() on random text.
#
# Speed: postings are mostly printable ASCII, and every character the checks below look for is not
# (it is non-ASCII or an ASCII control character). So the checks run on the runs of such "odd"
# characters only, joined by "\n" (which none of them matches): a character is in a run exactly
# when it is in the text, and two characters are adjacent in a run exactly when they are adjacent
# in the text. The runs come from the UTF-8 bytes (printable ASCII -> space, then bytes.split; a
# run of bytes >= 0x80 always holds whole characters): ~5x cheaper than any regex scan.
_ODD_RUNS_RE = re.compile(r"[^\t\n\x0c\r\x20-\x7e]+")
_TO_SPACE = bytes(b if (b < 0x20 and b not in b"\t\n\x0c\r") or b >= 0x7F else 0x20 for b in range(256))
_C1_RE = re.compile(r"[\x80-\x9f]")
# ASCII control characters (but tab, line feed, carriage return, form feed and ESC): scraped text
# carries them where a separator was lost ("SQL\x1adatabases", "in\x1acheck" in SkillSpan). ftfy
# deletes them, which glues the two words into one and moves every later offset; here each becomes
# one separator instead: a space, or a line break for those that break a line (str.splitlines:
# vertical tab, Word's manual line break; the file, group and record separators).
_C0_RE = re.compile(r"[\x00-\x08\x0b\x0e-\x1a\x1c-\x1f\x7f]")
_C0_TO = {chr(c): "\n" if c in (0x0B, 0x1C, 0x1D, 0x1E) else " "
          for c in (*range(0x00, 0x09), 0x0B, *range(0x0E, 0x1B), *range(0x1C, 0x20), 0x7F)}
_SURROGATE_RE = re.compile(r"[\ud800-\udfff]")


def _odd_runs(text: str) -> str:
    """The runs of non-ASCII and ASCII control characters of ``text``, joined by "\n"."""
    if "\x0b" in text:                  # bytes.split() would split at it: take the slow road
        return "\n".join(_ODD_RUNS_RE.findall(text))
    data = text.encode("utf-8", "surrogatepass").translate(_TO_SPACE)
    return b"\n".join(data.split()).decode("utf-8", "surrogatepass")


def _replace_each(text: str, chars: Iterable[str], fixed: Callable[[str], str]) -> str:
    for c in sorted(set(chars)):
        text = text.replace(c, fixed(c))
    return text


def fix_mojibake(text: str) -> str:
    """``text`` with ftfy's repairs (configured in :func:`_ftfy`), computed only where they can change it."""
    runs = _odd_runs(text)
    if not runs:
        return text                              # printable ASCII: nothing for ftfy to fix
    config, is_bad, trigger, maybe_bad = _ftfy()
    if not trigger.search(runs) and (not maybe_bad.search(runs) or not is_bad(text)):
        return text
    import ftfy
    from ftfy import fixes

    if "\x1b" in runs:                           # an escape sequence goes whole, before its ESC is seen alone
        text = fixes.remove_terminal_escapes(text)
        runs = _odd_runs(text)
    controls = _C0_RE.findall(runs)
    if controls:                                 # one character for one: the offsets stay the file's
        text = _replace_each(text, controls, _C0_TO.__getitem__)
        runs = _odd_runs(text)
        if not runs:
            return text

    # Stray C1/control characters alone (common in scraped text: "\x92" for ’) need only ftfy's
    # cheap per-character fixers; the full fix_text (line by line, ~2 ms per posting) runs only when
    # what is left still looks like mojibake. The per-character fixers (ftfy's fix_c1_controls,
    # fix_latin_ligatures, remove_control_chars: a regex or str.translate over the whole text) are
    # applied as str.replace of the few distinct characters the runs hold, with ftfy's own mapping.
    cheap = text
    c1 = _C1_RE.findall(runs)
    if c1:
        cheap = _replace_each(cheap, c1, _c1_fixed)
        runs = _replace_each(runs, c1, _c1_fixed)       # cp1252 characters are non-ASCII: same runs
    if maybe_bad.search(runs) and is_bad(cheap):
        return ftfy.fix_text(text, config)
    stray_re, stray_map = _stray()
    stray = stray_re.findall(runs)
    if stray:
        if _SURROGATE_RE.search(runs):
            cheap = fixes.remove_control_chars(fixes.fix_surrogates(fixes.fix_latin_ligatures(cheap)))
        else:
            # ligatures expand to letters (never control characters), control characters go
            cheap = _replace_each(cheap, stray, stray_map.__getitem__)
    return cheap


# --- mojibake whose C1 bytes were lost ----------------------------------------------------------
# Seed 001 is UTF-8 that was decoded as ISO-8859-13 (Baltic) and then had its C1 control characters
# (bytes 0x80-0x9F) stripped: "we’re" = e2 80 99 -> "ā" + two lost bytes -> "weāre". ftfy decodes
# intact mojibake ("weā€™re" via sloppy-windows-1257) but cannot guess lost bytes, so this step
# restores the most likely ones and decodes the UTF-8 itself. It only runs when the text carries
# an unmistakable signature (an English contraction such as "weāre"/"donāt", or a flag pair
# "šŗšø"), so genuine Latvian or Lithuanian text ("Jānis", "mājās") is never touched.
_ISO13 = "iso8859_13"
_RI_TAIL = bytes(range(0xA6, 0xC0)).decode(_ISO13)           # last byte of 🇦..🇿 (F0 9F 87 A6..BF)
_LOSSY_SIGNATURE_RE = re.compile(
    r"\b(?:[Ww]e|[Yy]ou|[Tt]hey|I|[Ii]t|[Tt]hat|[Tt]here|[Ww]hat|[Ww]ho|[Ll]et|[Hh]e|[Ss]he|[Dd]on|"
    r"[Cc]an|[Ww]on|[Ii]sn|[Aa]ren|[Dd]oesn|[Dd]idn|[Ww]asn|[Hh]asn|[Hh]aven|[Cc]ouldn|[Ww]ouldn|"
    r"[Ss]houldn)ā(?:re|s|t|ll|ve|d|m)\b"
    "|š[" + re.escape(_RI_TAIL) + "]š[" + re.escape(_RI_TAIL) + "]")
_LOSSY_RE = re.compile("Ā ?|ā[¢¦¬]?|š[" + re.escape(_RI_TAIL) + "]")


def _restore_lossy(m: re.Match) -> str:
    s = m.group()
    if s[0] == "Ā":                  # c2 a0 (NBSP) whose a0 became a space or was stripped
        return "\u00a0"
    if s[0] == "š":                  # f0 [9f 87] xx: a regional-indicator (flag) letter
        return (b"\xf0\x9f\x87" + s[1].encode(_ISO13)).decode("utf-8")
    if len(s) == 2:                  # e2 [80] a2 = •, e2 [80] a6 = …, e2 [82] ac = €
        tail = s[1].encode(_ISO13)
        return (b"\xe2" + (b"\x82" if tail == b"\xac" else b"\x80") + tail).decode("utf-8")
    text, i, j = m.string, m.start(), m.end()
    before = text[i - 1] if i else " "
    after = text[j] if j < len(text) else " "
    if before.isalnum() and after.isalnum():
        return "\u2019"              # e2 80 99: apostrophe ("we’re", "other’s")
    if after.isalnum():
        return "\u201c"              # opening quote
    if before.isalnum() or before in ".,!?)":
        return "\u201d"              # closing quote
    if before.isspace() and after.isspace():
        return "\u2014"              # spaced dash
    return s


def fix_lossy_mojibake(text: str) -> str:
    """``text`` with UTF-8 mojibake whose C1 bytes were lost restored, when it carries the signature."""
    if ("ā" not in text and "š" not in text) or not _LOSSY_SIGNATURE_RE.search(text):
        return text
    return _LOSSY_RE.sub(_restore_lossy, text)

