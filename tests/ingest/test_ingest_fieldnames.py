"""Field names match whatever their casing and separators: companyName = Company Name = company-name."""
from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from skillgraph.ingest import fields
from skillgraph.ingest.fields import field_index, is_field, lookup, norm_key
from skillgraph.ingest.formats import read_csv
from skillgraph.ingest.problems import Sink

KNOWN = sorted({n for group in (fields.TEXT_FIELDS, fields.ID_FIELDS, fields.TITLE_FIELDS,
                                fields.COMPANY_FIELDS, fields.LOCATION_FIELDS) for n in group})


def _words(name: str) -> list[str]:
    return [w for w in re.split(r"_+", name) if w]


@st.composite
def spelled(draw):
    """A known field name re-spelled: each word in any case, joined by any separator (or none)."""
    name = draw(st.sampled_from(KNOWN))
    words = [draw(st.sampled_from([w.lower(), w.upper(), w.capitalize()])) for w in _words(name)]
    seps = [draw(st.sampled_from(["", " ", "_", "-", "  ", ".", " - "])) for _ in words[1:]]
    out = words[0] + "".join(s + w for s, w in zip(seps, words[1:], strict=True))
    pad = draw(st.sampled_from(["", " ", "\t"]))
    return name, pad + out + pad


@given(spelled())
def test_any_casing_or_separator_of_a_known_field_normalises_alike(case):
    name, variant = case
    assert norm_key(variant) == norm_key(name)
    assert is_field(variant, [name])
    assert lookup({variant: "v"}, [name]) == (variant, "v")


@given(st.text(max_size=12), st.text(max_size=12))
def test_norm_key_ignores_only_case_and_non_alphanumerics(a, b):
    same = re.sub(r"[\W_]", "", a.casefold()) == re.sub(r"[\W_]", "", b.casefold())
    assert (norm_key(a) == norm_key(b)) == same


def test_camel_case_and_spaced_csv_columns_are_recognised():
    text = ("jobId,jobTitle,Company Name,job-location,jobDescription\n"
            "j1,Data Engineer,Acme,Berlin,We need Python and SQL.\n")
    sink = Sink(False, print)
    [p] = list(read_csv(text, "x.csv", "x", sink, False))
    assert p.title == "Data Engineer"
    assert p.company == "Acme"
    assert p.locations == ("Berlin",)
    assert "Python" in p.text
    assert field_index(["a", "jobDescription", "Text"], fields.TEXT_FIELDS) == 2   # "text" preferred
