"""Bytes -> text: UTF-8 (a BOM is dropped), UTF-16 with a BOM, else clean cp1252; binary data is an error."""
from __future__ import annotations

import codecs
import re

from .problems import HOW_TEXT, input_error

_C0_BINARY = re.compile(r"[\x00-\x08\x0e-\x1a\x1c-\x1f]")


def decode(data: bytes, path: str) -> tuple[str, bool]:
    """Bytes -> (text, repaired). UTF-8 (a BOM is dropped), UTF-16 with a BOM, else cp1252 when it
    decodes cleanly (``repaired`` is True then); NUL bytes or undecodable bytes are an error."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16"), False
        except UnicodeDecodeError:
            pass
    if b"\x00" in data:
        line = data.count(b"\n", 0, data.index(b"\x00")) + 1
        raise input_error(path, line, "binary data (NUL bytes), not a text posting",
                          f"pass the posting as text; {HOW_TEXT}")
    try:
        return data.decode("utf-8-sig"), False
    except UnicodeDecodeError as exc:
        bad = exc.start
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        text = None
    if text is None or _C0_BINARY.search(text):
        line = data.count(b"\n", 0, bad) + 1
        col = bad - (data.rfind(b"\n", 0, bad) + 1) + 1
        raise input_error(path, line, f"not UTF-8 text (byte 0x{data[bad]:02x} at column {col}) and not "
                          "clean cp1252 either — binary or an unknown encoding", HOW_TEXT)
    return text, True
