"""Ingest on the seeds: clean ones come through unaltered, broken ones repaired, metadata found."""
from __future__ import annotations

import pytest

from skillgraph.ingest import read_postings
from skillgraph.model import Salary


@pytest.mark.parametrize("key", ["000", "002", "003"])
def test_clean_seeds_are_not_altered(key, seed, seed_text, read_one):
    p = read_one(seed[key])
    assert p.text == seed_text(key)
    assert p.repaired is False
    assert p.id == seed[key].name
    assert p.source == str(seed[key])


def test_seed_001_mojibake_repaired(seed, read_one):
    p = read_one(seed["001"])
    assert p.repaired is True
    assert "ā" not in p.text and "Ā" not in p.text and "š" not in p.text
    assert "We’re looking for hands-on experience" in p.text
    assert "At Pinterest, we’re on a mission" in p.text
    assert "each other’s unique experiences and embrace the flexibility to do" in p.text
    assert "🇺🇸 United States" in p.text
    assert "we're not always working in an office" in p.text          # the straight one stays
    assert "#LI-Remote\n" in p.text and "etc.\n" in p.text             # stray NBSP remnants gone
    assert "What you’ll do:\n- Prototype" in p.text


def test_seed_004_html_keeps_headings_and_items_as_lines(seed, read_one):
    p = read_one(seed["004"])
    assert p.repaired is True
    lines = p.text.splitlines()
    assert "<" not in p.text and "&nbsp;" not in p.text
    assert lines[:4] == ["Sr. Machine Learning Engineer, Core Engineering", "", "Pinterest",
                         "San Francisco, CA, US; Palo Alto, CA, US; Seattle, WA, USPosted 4 March 2026"]
    for heading in ("About Pinterest:", "What you’ll do:", "What we’re looking for:", "Nice to have:",
                    "Relocation Statement:"):
        assert heading in lines, heading

    def items_after(heading):
        i = lines.index(heading) + 1
        while not lines[i]:
            i += 1
        out = []
        while i < len(lines) and lines[i].startswith("- "):
            out.append(lines[i][2:])
            i += 1
        return out

    assert len(items_after("What you’ll do:")) == 5
    assert items_after("What you’ll do:")[0].startswith("Build cutting edge technology")
    looking = items_after("What we’re looking for:")
    assert [s[:20] for s in looking] == ["4+ years of industry", "End-to-end hands-on ",
                                         "Degree in computer s"]
    nice = items_after("Nice to have:")
    assert nice[0] == "Publications at top ML conferences"
    assert nice[-1].startswith("MS/PhD in Computer Science")
    assert len(nice) == 4
    assert "#LI-REMOTE" in lines


EXPECTED = {
    "000": dict(title="Sr. Machine Learning Engineer, Applied Science", locations=("San Francisco, CA",),
                salary=None, min_years=5, degrees=("master", "phd"),
                degree_fields=("Machine Learning", "Computer Science"), seniority="senior", work_mode=None),
    "001": dict(title="Machine Learning Engineer II, Computer Vision Applied Science",
                locations=("United States",), salary=Salary(138905, 285982, "USD", "year"), min_years=2,
                degrees=("master", "phd"), degree_fields=("Machine Learning", "Computer Science"),
                seniority="mid", work_mode="remote"),
    "002": dict(title="Sr. Machine Learning Engineer, Responsible AI- Applied Research Science",
                locations=("United States",), salary=Salary(189000, 332000, "USD", "year"), min_years=4,
                degrees=("master", "phd"), degree_fields=("Computer Science",), seniority="senior",
                work_mode="remote"),
    "003": dict(title="Staff Machine Learning Engineer", locations=("United States",),
                salary=Salary(189308, 389753, "USD", "year"), min_years=None, degrees=("master", "phd"),
                degree_fields=("Computer Science", "Statistics"), seniority="staff", work_mode="hybrid"),
    "004": dict(title="Sr. Machine Learning Engineer, Core Engineering",
                locations=("San Francisco, CA, US", "Palo Alto, CA, US", "Seattle, WA, US"), salary=None,
                min_years=4, degrees=("master", "phd"),
                degree_fields=("Computer Science", "Machine Learning", "Statistics",
                               "Natural Language Processing", "Information Science"),
                seniority="senior", work_mode="remote"),
}


@pytest.mark.parametrize("key", sorted(EXPECTED))
def test_seed_metadata(key, seed, read_one):
    p = read_one(seed[key])
    assert p.company == "Pinterest"
    for field, want in EXPECTED[key].items():
        assert getattr(p, field) == want, field


def test_seed_directory_in_sorted_order(root):
    ps = list(read_postings([root / "seeds"]))
    assert [p.id for p in ps] == sorted(p.name for p in (root / "seeds").glob("*.txt"))
