"""HTML -> text (block structure, implicit closing, entities) and the HTML test with its shortcuts."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from skillgraph.ingest import html as ingest_html
from skillgraph.ingest import html_to_text, looks_like_html, repair


def test_html_implicit_closing_and_nbsp():
    out = html_to_text("<ul><li>a<li>b</ul><p>x&nbsp;y<p>z</p><table><tr><td>k</td><td>v</td></tr></table>")
    assert out.splitlines() == ["- a", "- b", "", "x\u00a0y", "", "z", "", "k | v"]
    assert repair("<p>x&nbsp;y</p><p>z</p>")[0] == "x y\n\nz\n"


def test_looks_like_html():
    assert looks_like_html("<p>Hi</p>")
    assert looks_like_html("Title\n\n<div><p>text</p></div>")
    assert not looks_like_html("Use <div> and <span> elements; 3 < 4 > 2")
    assert not looks_like_html("plain text")


def _reference_looks_like_html(text: str) -> bool:
    if ingest_html._DOCTYPE_RE.search(text):
        return True
    count, closing = 0, False
    for m in ingest_html._HTML_TAG_RE.finditer(text):
        count += 1
        closing = closing or bool(m.group(1)) or m.group(2).lower() == "br"
        if count >= 2 and closing:
            return True
    return False


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["<p>", "</p>", "<br>", "<BR/>", "<li", ">", "<ORGANIZATION>", "< 5", "<!DOCTYPE html>",
                                 "<HTML>", "<b>", "</b", "<", "text", " ", "\n", "<div class='x'>"]),
                max_size=12).map("".join))
def test_property_looks_like_html_shortcuts(text):
    assert looks_like_html(text) == _reference_looks_like_html(text)


def test_svg_text_is_kept_one_label_per_line_but_its_style_is_not():
    text = html_to_text('<p>Intro</p><svg><style>.a{fill:red}</style><text>PyTorch</text>'
                        '<text>Kubernetes</text></svg><p>Outro</p>')
    assert "PyTorch" in text and "Kubernetes" in text and "fill" not in text
    assert "PyTorch Kubernetes" not in text and "PyTorchKubernetes" not in text
