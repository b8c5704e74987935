"""Hostile --profile files (issue 14): nesting, huge integers, binary content, wrong types, odd
files — always one InputError line, never a traceback."""
from __future__ import annotations

import os

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from skillgraph.errors import InputError
from skillgraph.query import load_profile


@pytest.mark.parametrize("name, content", [
    ("p.json", "[" * 100_000 + "]" * 100_000),
    ("p.yml", "- " * 3000 + "x"),
    ("p.yml", "[" * 5000 + "]" * 5000),
    ("p.json", "[" + "9" * 5000 + "]"),
    ("p.yml", "- " + "9" * 5000 + "\n"),
    ("p.json", '{"skills": {"a": 1}}'),
    ("p.json", "[true, false]"),
    ("p.json", '[["PyTorch"]]'),
    ("p.yml", "skills: 2020-01-01\n"),
    ("p.yml", "a: &a [*a]\n"),
    ("p.txt", "PyTorch\x00\x01\x02binary"),
    ("p.txt", "\ufeff"),
    ("p.txt", "\n".join(f"unknown skill {i}" for i in range(5000))),
])
def test_hostile_profiles_are_one_line_input_errors(G, tmp_path, name, content):
    p = tmp_path / name
    p.write_text(content, encoding="utf-8")
    with pytest.raises(InputError) as ei:
        load_profile(p, G)
    msg = str(ei.value)
    assert "\n" not in msg and str(p) in msg and len(msg) < 2000


def test_not_utf8_directory_fifo_and_huge_files_are_refused(G, tmp_path):
    bad = tmp_path / "latin.txt"
    bad.write_bytes(b"caf\xe9\n")
    fifo = tmp_path / "fifo.txt"
    os.mkfifo(fifo)
    big = tmp_path / "big.txt"
    big.write_text("PyTorch\n" * 200_000)
    for p, expect in ((bad, "not UTF-8"), (tmp_path, "folder"), (fifo, "not a regular file"), (big, "too large")):
        with pytest.raises(InputError, match=expect):
            load_profile(p, G)


def test_a_bom_is_not_part_of_the_first_name(G, tmp_path):
    p = tmp_path / "p.txt"
    p.write_bytes("\ufeffPyTorch\n".encode())
    assert load_profile(p, G).skills == ("skill:pytorch",)


@settings(max_examples=60, deadline=None)
@given(name=st.sampled_from(["p.json", "p.yml", "p.txt"]), content=st.text(max_size=200))
def test_any_text_profile_loads_or_is_an_input_error(G, tmp_path_factory, name, content):
    p = tmp_path_factory.mktemp("prof") / name
    p.write_text(content, encoding="utf-8", errors="surrogatepass")
    try:
        load_profile(p, G)
    except InputError as exc:
        assert "\n" not in str(exc)
