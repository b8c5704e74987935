"""Postings not in English get ``language`` (py3langid) and the run one warning line; English
postings (the seeds among them) are left as they were."""
from __future__ import annotations

import json

from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from skillgraph.cli import main
from skillgraph.ingest import read_postings
from skillgraph.ingest.language import check_languages, language_of, language_warning, mark_languages
from skillgraph.model import Posting

GERMAN = """Wir suchen eine Data Scientistin (m/w/d) für unser Team in Berlin.

Deine Aufgaben:
- Entwicklung von Machine-Learning-Modellen mit Python und PyTorch
- Aufbau von Datenpipelines mit SQL

Dein Profil:
- Abgeschlossenes Studium der Informatik oder Mathematik
- Sehr gute Deutschkenntnisse
"""
FRENCH = """Nous recherchons un ingénieur en apprentissage automatique pour notre équipe à Paris.

Vos missions :
- Concevoir des modèles de vision par ordinateur avec PyTorch
- Déployer des pipelines de données sur AWS

Profil recherché :
- Diplôme d'ingénieur ou master en informatique
- Maîtrise de Python et de SQL
"""
ENGLISH = """Machine Learning Engineer

Requirements:
- 3+ years of Python and PyTorch
- Experience with SQL and AWS
"""


def _p(pid: str, text: str) -> Posting:
    return Posting(id=pid, source=pid, text=text)


def test_german_and_french_are_told_apart_from_english():
    assert language_of(GERMAN) == "de"
    assert language_of(FRENCH) == "fr"
    assert language_of(ENGLISH) is None
    assert language_of("SQL, Python") is None          # too short to judge: left as English


def test_english_postings_are_the_same_objects():
    en, de = _p("en", ENGLISH), _p("de", GERMAN)
    marked = mark_languages([en, de])
    assert marked[0] is en and marked[1].language == "de" and marked[1].text == GERMAN


def test_one_warning_line_with_counts_and_ids():
    ps = [_p("a", GERMAN), _p("b", FRENCH), _p("c", GERMAN), _p("d", ENGLISH)]
    lines: list[str] = []
    check_languages(ps, lines.append)
    assert lines == ["3 postings are not in English (de: 2, fr: 1): a, b, c; levels and skills are tuned for English"]
    assert language_warning(mark_languages([_p("d", ENGLISH)])) is None


def test_seeds_are_english():
    assert [p.id for p in mark_languages(list(read_postings("seeds"))) if p.language] == []


def test_cli_marks_postings_and_graph_nodes(tmp_path):
    for name, text in (("de.txt", GERMAN), ("fr.txt", FRENCH), ("en.txt", ENGLISH)):
        (tmp_path / name).write_text(text, encoding="utf-8")
    res = CliRunner().invoke(main, ["extract", str(tmp_path), "--format", "json"])
    assert res.exit_code == 0, res.output
    out = json.loads(res.stdout)
    assert {p["id"]: p.get("language") for p in out} == {"de.txt": "de", "en.txt": None, "fr.txt": "fr"}
    warnings = [ln for ln in res.stderr.splitlines() if "not in English" in ln]
    assert warnings == ["warning: 2 postings are not in English (de: 1, fr: 1): de.txt, fr.txt; "
                        "levels and skills are tuned for English"]
    res = CliRunner().invoke(main, ["build", str(tmp_path), "--out", str(tmp_path / "out")])
    assert res.exit_code == 0, res.output
    G = json.loads((tmp_path / "out" / "graph.json").read_text())
    nodes = G["nodes"] if isinstance(G, dict) and "nodes" in G else G
    langs = {n.get("posting"): n.get("language") for n in nodes if n.get("kind") == "role"}
    assert langs == {"de.txt": "de", "en.txt": None, "fr.txt": "fr"}


_LANG_LINES = ["We are looking for a data engineer.", "Wir suchen eine Dateningenieurin.", "Python, SQL",
               "Nous recherchons un ingénieur.", "", "- Kafka", "ÉQUIPE", "\u00e9t\u00e9", "12345"]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(_LANG_LINES), max_size=8).map("\n".join), st.text(max_size=30))
def test_line_cached_detector_scores_what_py3langid_scores(text, noise):
    """The detector that remembers each line's walk (``language_lines`` in skillgraph.speed) gives
    py3langid's own (language, probability), to the bit, on texts that repeat lines."""
    from skillgraph.ingest.language import _identifier, _plain_identifier

    plain = _plain_identifier()
    for t in (text, noise + "\n" + text, text + "\n" + text):
        assert _identifier().classify(t) == plain.classify(t)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=60))
def test_letters_counted_as_before(text):
    """The early-stopping letter count judges what counting every letter judged."""
    from skillgraph.ingest.language import MIN_LETTERS, _enough_letters

    assert _enough_letters(text) == (sum(c.isalpha() for c in text) >= MIN_LETTERS)
    assert _enough_letters("a" * MIN_LETTERS) and not _enough_letters("a" * (MIN_LETTERS - 1) + "1" * 50)
