"""Decoding: cp1252 when the bytes are not UTF-8 (marked repaired), a UTF-8 BOM dropped (marked repaired:
offsets no longer count it)."""
from __future__ import annotations


def test_cp1252_fallback_and_bom(tmp_path, read_one):
    f = tmp_path / "w.txt"
    f.write_bytes("We’re hiring a Data Analyst – café\n".encode("cp1252"))
    p = read_one(f)
    assert p.text == "We’re hiring a Data Analyst – café\n" and p.repaired is True
    g = tmp_path / "bom.txt"
    g.write_bytes(b"\xef\xbb\xbfML Engineer\n")
    q = read_one(g)
    assert q.text == "ML Engineer\n" and q.repaired is True
