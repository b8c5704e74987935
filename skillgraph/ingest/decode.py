"""Bytes -> text: binary formats refused by their signature, UTF-8/16/32 with or without a BOM, else
clean cp1252; anything else is an error naming the file."""
from __future__ import annotations

import codecs
import re

from .problems import HOW_TEXT, input_error

__all__ = ["SIGNATURES", "decode", "sniff_binary"]

_C0_BINARY = re.compile(r"[\x00-\x08\x0e-\x1a\x1c-\x1f]")

SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"%PDF", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (or a .docx/.xlsx/.odt, which are ZIP archives)"),
    (b"PK\x05\x06", "an empty ZIP archive"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"\x7fELF", "an ELF executable"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"BZh", "a bzip2 archive"),
    (b"\xfd7zXZ\x00", "an xz archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Microsoft Office document (.doc/.xls)"),
    (b"{\\rtf", "an RTF document"),
)
"""Leading bytes of binary formats people mistake for postings, and what to call them."""

_BOMS = ((codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"),   # before UTF-16: FF FE 00 00
         (codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"))


def sniff_binary(data: bytes) -> str | None:
    """What binary format ``data`` is by its first bytes ("a PDF document"), or None."""
    for sig, what in SIGNATURES:
        if data.startswith(sig):
            if sig == b"BZh" and not (len(data) > 4 and data[3:4].isdigit() and data[4:10] == b"1AY&SY"):
                continue                          # "BZh" can start a text; a bzip2 stream has its magic too
            return what
    if data.startswith(b"MZ") and b"\x00" in data[:64]:
        return "a Windows executable"
    if data.startswith(b"RIFF") and data[8:12] in (b"WEBP", b"WAVE", b"AVI "):
        return {b"WEBP": "a WebP image", b"WAVE": "a WAV sound file", b"AVI ": "an AVI video"}[data[8:12]]
    return None


def _bomless_utf16_32(data: bytes) -> str | None:
    """The codec of UTF-16/32 text without a BOM, told by where its NUL bytes are (text with ASCII in it)."""
    head = data[:4096]
    if len(head) < 4 or b"\x00" not in head:
        return None
    n = len(head) - len(head) % 4
    zeros = [head[i:n:4].count(0) / (n // 4) for i in range(4)]
    if len(data) % 4 == 0 and zeros[1] > 0.9 and zeros[2] > 0.9 and zeros[3] > 0.9 and zeros[0] < 0.5:
        return "utf-32-le"
    if len(data) % 4 == 0 and zeros[0] > 0.9 and zeros[1] > 0.9 and zeros[2] > 0.9 and zeros[3] < 0.5:
        return "utf-32-be"
    if len(data) % 2 == 0:
        odd, even = (zeros[1] + zeros[3]) / 2, (zeros[0] + zeros[2]) / 2
        if odd > 0.6 and even < 0.2:
            return "utf-16-le"
        if even > 0.6 and odd < 0.2:
            return "utf-16-be"
    return None


def decode(data: bytes, path: str) -> tuple[str, bool]:
    """Bytes -> (text, repaired).

    Binary formats (PDF, ZIP, images, executables, archives) are refused by signature. A BOM picks
    UTF-8/16/32 (dropped; ``repaired`` is True then, since offsets no longer count it); UTF-16/32
    without a BOM are told by their NUL bytes; otherwise UTF-8, else cp1252 when it decodes cleanly
    (``repaired`` True). NUL bytes in other text, or undecodable bytes, are an error.
    """
    what = sniff_binary(data)
    if what is not None:
        raise input_error(path, None, f"{what}, not a posting", "convert it to text first")
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom):].decode(codec), True
            except UnicodeDecodeError as exc:
                raise input_error(path, None, f"starts with a {codec.upper()} byte-order mark but is not "
                                  f"{codec.upper()} (bad bytes at offset {exc.start + len(bom)})", HOW_TEXT) from None
    codec = _bomless_utf16_32(data)
    if codec is not None:
        try:
            return data.decode(codec), False
        except UnicodeDecodeError:
            pass
    if b"\x00" in data:
        line = data.count(b"\n", 0, data.index(b"\x00")) + 1
        raise input_error(path, line, "binary data (NUL bytes), not a text posting",
                          f"pass the posting as text; {HOW_TEXT}")
    try:
        return data.decode("utf-8"), False
    except UnicodeDecodeError as exc:
        bad = exc.start
    try:      # cp1252 holds every printable Latin-1 character; its five undefined bytes are Latin-1 controls
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        text = None
    if text is None or _C0_BINARY.search(text):
        line = data.count(b"\n", 0, bad) + 1
        col = bad - (data.rfind(b"\n", 0, bad) + 1) + 1
        raise input_error(path, line, f"not UTF-8 text (byte 0x{data[bad]:02x} at column {col}) and not "
                          "clean cp1252 either — binary or an unknown encoding", HOW_TEXT)
    return text, True
