"""Table rendering: long cells are cut at 60 except the note column, which is widened."""
from __future__ import annotations

from skillgraph.cli.render import render


def test_table_cuts_long_cells_but_keeps_notes_whole(capsys):
    note = "credit from Machine Learning Engineer: " + "knows deep learning, a narrower skill " * 3
    rows = [{"skill": "x" * 80, "note": note}, {"skill": "y", "note": "short"}]
    render(rows, "table")
    out = capsys.readouterr().out.splitlines()
    assert out[0].split() == ["SKILL", "NOTE"]
    assert note.rstrip() in out[1]
    assert "x" * 59 + "…" in out[1] and "x" * 60 not in out[1]


def test_csv_and_json_never_cut(capsys):
    rows = [{"skill": "x" * 80, "note": "n" * 90}]
    render(rows, "csv")
    assert "x" * 80 in capsys.readouterr().out
    render(rows, "json")
    assert "x" * 80 in capsys.readouterr().out
