"""The capped evidence sentence (extraction/window.py) and linear passes on long postings (issue 14)."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from skillgraph.extraction import extract
from skillgraph.extraction.context import supported
from skillgraph.extraction.window import SENTENCE_CAP, window
from skillgraph.model import Posting, extraction_to_dict


def _posting(text, **kw):
    return Posting(id="p", source="test", text=text, **kw)


def test_short_sentence_is_kept_whole(ont):
    text = "We need Python and PyTorch. Spark is a plus."
    x = extract(_posting(text), ont)
    m = next(m for m in x.mentions if m.text == "PyTorch")
    assert m.sentence == "We need Python and PyTorch."
    assert (m.sentence_start, m.sentence_end) == (0, len(m.sentence))


def test_one_line_without_breaks_gives_a_window_per_mention(ont):
    text = " ".join(["we use PyTorch and machine learning with Hadoop daily"] * 400)   # 21 KB, one sentence
    x = extract(_posting(text), ont)
    assert len(x.mentions) == 1200
    for m in x.mentions:
        assert len(m.sentence) <= SENTENCE_CAP
        assert text[m.sentence_start:m.sentence_end] == m.sentence
        assert m.sentence_start <= m.start and m.end <= m.sentence_end
        # cut at word boundaries: never inside a word
        assert m.sentence_start == 0 or text[m.sentence_start - 1] == " "
        assert m.sentence_end == len(text) or text[m.sentence_end] == " "
    # output grows linearly: about as many bytes per mention as a short sentence needs
    out = len(str(extraction_to_dict(x)))
    assert out < 600 * len(x.mentions)   # (a whole-line sentence: 21 KB each)


def test_team_sentence_is_capped_too(ont):
    text = "filler words here " * 100 + "you join the Ranking team and " + "more filler text " * 100
    x = extract(_posting(text), ont)
    t = next(t for t in x.teams if t.name == "Ranking")
    assert len(t.sentence) <= SENTENCE_CAP and "Ranking team" in t.sentence
    assert text[t.sentence_start:t.sentence_end] == t.sentence


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=" ab\n.", max_size=700), st.data())
def test_window_holds_the_mention_and_stays_in_the_sentence(text, data):
    n = len(text)
    ss = data.draw(st.integers(0, n))
    se = data.draw(st.integers(ss, n))
    s = data.draw(st.integers(ss, se))
    e = data.draw(st.integers(s, min(se, s + 40)))
    a, b = window(text, ss, se, s, e, cap=50)
    assert ss <= a <= s <= e <= b <= se
    assert b - a <= max(50, e - s) or (a, b) == (ss, se)


def test_many_names_listed_with_long_blank_runs_stay_fast_and_right():
    # ambiguous names vouch for each other only across separators ("Spark, Go"), not across words
    text = "Spark, Go" + " " * 5000 + "x"
    amb = [(0, 5, ("skill:spark",)), (7, 9, ("skill:go",))]
    assert supported(text, [], amb) == sorted(amb)
    assert supported("Spark went home. Go to it", [], [(0, 5, ("a",)), (17, 19, ("b",))]) == []


def test_name_followed_by_a_long_blank_run_is_linear(ont):
    # "\s*(?:\s+…)" backtracked quadratically here: 20 KB of blanks took 13 s
    x = extract(_posting("Go" + " " * 20000 + "x"), ont)
    assert x.mentions == ()
