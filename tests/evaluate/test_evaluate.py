"""`skillgraph eval`: the gold format, the scoring rules (those of ../shared/tools/eval_gold.py) and the CLI."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from corpus import posting, tiny_extractions, tiny_ontology
from hypothesis import given, settings
from hypothesis import strategies as st

from skillgraph.cli import main
from skillgraph.errors import InputError
from skillgraph.evaluate import evaluate, load_gold, seeds_gold_path
from skillgraph.evaluate.gold import parse_gold
from skillgraph.vocab import LEVELS

ROOT = Path(__file__).resolve().parents[2]


def _gold(postings: dict) -> object:
    return parse_gold({"postings": postings})


# --- the rules, on the tiny corpus ----------------------------------------------------------------

def test_found_missed_false_links_and_levels_on_a_known_answer():
    xs = tiny_extractions()  # 000: diffusion (req), t2i (req), cv (req), rlhf (resp), python (pref)
    gold = _gold({"000": {"skills": [
        {"any": ["diffusion model"], "requirement": "required"},      # found, level right (variant name)
        {"any": ["RLHF"], "requirement": "required"},                 # found, level wrong (responsibility)
        {"any": ["GANs"], "requirement": "required"},                 # missed
        {"any": ["computer vision"], "core": False},                  # acceptable, not required
        {"any": ["no such skill anywhere"]},                          # unknown to the ontology
    ], "forbidden": [["Python"]], "teams": [["Labs team"], ["Nowhere"]]}})
    rep = evaluate(gold, xs, tiny_ontology())
    f = rep.figures
    assert (f["core_items"], f["found"], f["recall"]) == (4, 2, 0.5)
    # linked: diffusion, t2i, cv, rlhf, python; correct: diffusion, cv, rlhf (t2i not in gold, python forbidden)
    assert (f["linked"], f["correct"], f["precision"]) == (5, 3, 0.6)
    assert f["level_accuracy"] == 0.5 and f["unknown_to_ontology"] == 1 and f["team_recall"] == 0.5
    assert f["f1"] == round(2 * 0.5 * 0.6 / 1.1, 3)
    assert rep.confusion["required"]["required"] == 1 and rep.confusion["required"]["responsibility"] == 1
    assert {m["name"]: m["why"] for m in rep.misses} == {
        "GANs": "not extracted", "no such skill anywhere": "unknown to the ontology", "Nowhere": "team not found"}
    assert sorted(x["concept"] for x in rep.false_links) == ["skill:python", "skill:t2i"]
    assert rep.level_errors == [{"posting": "000", "name": "RLHF", "got": "responsibility", "gold": "required"}]
    assert rep.unscored == ["001", "002", "003"]


def test_a_gold_posting_with_no_extraction_counts_as_all_missed():
    gold = _gold({"000": {"skills": [{"any": ["PyTorch"]}]}, "404": {"skills": [{"any": ["SQL"]}, {"any": ["RL"]}],
                                                                    "teams": [["X"]]}})
    rep = evaluate(gold, [posting("000", "T", [("skill:pytorch", "required", 1)])], tiny_ontology())
    assert rep.figures["postings_missing"] == 1 and rep.figures["core_items"] == 3
    assert rep.figures["recall"] == round(1 / 3, 3)
    assert {"posting": "404", "name": "", "why": "no posting in the output"} in rep.misses


def test_gold_keys_match_ids_sources_and_base_names():
    x = posting("abc", "T", [("skill:sql", "required", 1)])  # source seeds/abc.txt
    for key in ("abc", "seeds/abc.txt", "abc.txt"):
        assert evaluate(_gold({key: {"skills": [{"any": ["SQL"]}]}}), [x], tiny_ontology()).figures["recall"] == 1.0


def test_spans_strict_and_overlap():
    x = posting("000", "T", [("skill:sql", "required", 1), ("skill:python", "required", 1)])
    (a, b), (c, d) = [(m.start, m.end) for m in x.mentions]
    gold = _gold({"000": {"skills": [], "spans": [{"start": a, "end": b}, {"start": c - 3, "end": d},
                                                   {"start": 0, "end": 1}]}})
    s = evaluate(gold, [x], tiny_ontology()).spans
    assert s["strict"] == {"precision": 0.5, "recall": round(1 / 3, 3), "f1": 0.4}
    assert s["overlap"]["precision"] == 1.0 and s["overlap"]["recall"] == round(2 / 3, 3)
    assert evaluate(_gold({"000": {"skills": []}}), [x], tiny_ontology()).spans is None


_level = st.sampled_from(LEVELS)
_CIDS = ["skill:python", "skill:sql", "skill:pytorch", "skill:cv", "skill:rl", "skill:gans"]
_NAME = {"skill:python": "Python", "skill:sql": "SQL", "skill:pytorch": "PyTorch", "skill:cv": "CV",
         "skill:rl": "RL", "skill:gans": "GANs"}


@settings(max_examples=60, deadline=None)
@given(st.dictionaries(st.sampled_from(_CIDS), _level, max_size=6),
       st.dictionaries(st.sampled_from(_CIDS), st.one_of(st.none(), _level), max_size=6))
def test_confusion_matrix_counts_every_scored_level_and_its_trace_is_the_accuracy(linked, wanted):
    x = posting("000", "T", [(c, lv, 1) for c, lv in sorted(linked.items())])
    items = [{"any": [_NAME[c]], **({"requirement": lv} if lv else {})} for c, lv in sorted(wanted.items())]
    rep = evaluate(_gold({"000": {"skills": items}}), [x], tiny_ontology())
    total = sum(sum(row.values()) for row in rep.confusion.values())
    trace = sum(rep.confusion[lv][lv] for lv in LEVELS)
    scored = [c for c, lv in wanted.items() if lv and c in linked]
    assert total == rep.figures["levels_scored"] == len(scored)
    assert rep.figures["level_accuracy"] == (round(trace / total, 3) if total else 0.0)
    assert trace == sum(linked[c] == wanted[c] for c in scored)
    assert rep.figures["found"] == len(set(wanted) & set(linked))


# --- the gold loader --------------------------------------------------------------------------------

@pytest.mark.parametrize("body, where", [
    ('{"postings": {"a": {"skills": [{"any": "Python"}]}}}', "postings['a'].skills[0].any"),
    ('{"postings": {"a": {"skills": [{"any": ["Python"], "requirement": "must"}]}}}',
     "postings['a'].skills[0].requirement"),
    ('{"postings": {"a": {"skills": [], "spans": [{"start": 5, "end": 2}]}}}', "postings['a'].spans[0]"),
    ('{"postings": {"a": {"skills": [], "teams": [[]]}}}', "postings['a'].teams[0]"),
    ('{"skills": []}', "top level"),
    ('{"postings": {\n"a": {]}}', ":2:7: not valid JSON"),
])
def test_bad_gold_is_one_line_naming_the_file_and_the_place(tmp_path, body, where):
    p = tmp_path / "g.json"
    p.write_text(body, encoding="utf-8")
    with pytest.raises(InputError) as e:
        load_gold(p)
    msg = str(e.value)
    assert "\n" not in msg and str(p) in msg and where in msg


def test_bad_gold_through_the_cli_exits_1_with_one_line(tmp_path):
    p = tmp_path / "g.json"
    p.write_text('{"postings": {"a": {"skills": [{"any": ["x"], "core": "yes"}]}}}', encoding="utf-8")
    res = CliRunner().invoke(main, ["eval", str(p), "--postings", str(ROOT / "seeds")])
    assert res.exit_code == 1 and len(res.output.strip().splitlines()) == 1 and ".core" in res.output


def test_the_shipped_seed_gold_loads():
    g = load_gold(seeds_gold_path())
    assert len(g.postings) == 5 and sum(len(p.skills) for p in g.postings.values()) > 90


# --- the seeds, through the CLI, against eval_gold.py's rules -----------------------------------------

def _eval_gold_by_its_rules(extracted: list[dict], looked: dict, gold: dict) -> dict:
    """eval_gold.py's arithmetic over the CLI's `extract --format json` and `ontology lookup` output,
    written out again here so the library's scorer is checked against an independent reading."""
    order = {lv: i for i, lv in enumerate(LEVELS)}
    core = found = extracted_n = correct = req_n = req_ok = 0
    for p in extracted:
        key = Path(p["source"]).name
        g = gold[key]
        skills = {s["concept"]: s["requirement"] for s in p["skills"]}
        matched = set()
        for it in g["skills"]:
            ids = {c["id"] for t in it["any"] for c in looked[t]}
            hit = ids & set(skills)
            matched |= hit
            if it.get("core", True):
                core += 1
                found += bool(hit)
                if hit and "requirement" in it:
                    req_n += 1
                    req_ok += min((skills[c] for c in hit), key=order.get) == it["requirement"]
        forbidden = {c["id"] for f in g.get("forbidden", []) for t in f for c in looked[t]}
        extracted_n += len(skills)
        correct += sum(1 for c in skills if c in matched and c not in forbidden)
    return {"recall": round(found / core, 3), "precision": round(correct / extracted_n, 3),
            "level_accuracy": round(req_ok / req_n, 3), "core_items": core}


@pytest.fixture(scope="module")
def seed_eval():
    r = CliRunner()
    res = r.invoke(main, ["eval", "--postings", str(ROOT / "seeds"), "--format", "json"])
    assert res.exit_code == 0, res.output
    return json.loads(res.output)


def test_seed_eval_equals_eval_gold_rules_over_the_cli_output(seed_eval):
    r = CliRunner()
    gold = json.loads(seeds_gold_path().read_text(encoding="utf-8"))["postings"]
    terms = sorted({t for g in gold.values() for it in g["skills"] for t in it["any"]}
                   | {t for g in gold.values() for f in g.get("forbidden", []) for t in f})
    looked = json.loads(r.invoke(main, ["ontology", "lookup", *terms, "--format", "json"]).output)
    extracted = json.loads(r.invoke(main, ["extract", str(ROOT / "seeds"), "--format", "json"]).output)
    want = _eval_gold_by_its_rules(extracted, looked, gold)
    assert {k: seed_eval["figures"][k] for k in want} == want
    assert seed_eval["figures"]["recall"] >= 0.97 and seed_eval["figures"]["precision"] >= 0.95


def test_seed_eval_equals_the_shared_eval_gold_script_when_present(seed_eval):
    tool = ROOT.parent / "shared" / "tools" / "eval_gold.py"
    if not tool.exists():
        pytest.skip("../shared/tools/eval_gold.py is not beside this checkout")
    exe = str(Path(sys.executable).parent / "skillgraph")
    res = subprocess.run([sys.executable, str(tool), "--json", "--cmd", exe, "--gold", str(seeds_gold_path()),
                          "--postings", str(ROOT / "seeds")], capture_output=True, text=True, cwd=ROOT)
    assert res.returncode == 0, res.stderr
    theirs = json.loads(res.stdout.strip().splitlines()[-1])
    assert {k: seed_eval["figures"][k] for k in theirs} == theirs


def test_eval_table_and_csv_show_figures_matrix_and_findings():
    r = CliRunner()
    table = r.invoke(main, ["eval", "--postings", str(ROOT / "seeds")]).output
    assert "recall" in table and "GOLD \\ GOT" in table and "false link" in table
    rows = r.invoke(main, ["eval", "--postings", str(ROOT / "seeds"), "--format", "csv"]).output.splitlines()
    assert rows[0] == "finding,posting,name,detail" and rows[1].startswith("figure,,recall,")
    assert any(line.startswith("false link,") for line in rows)


def test_the_real_ml_dev_gold_is_a_gold_file_of_postings_dev_ids():
    """tests/data/realml_gold.json (training/realml/measure.py scores it): the project's own gold reader
    takes it, it names postings by postings-dev id only (their texts are not shipped), and every posting
    has core items."""
    from pathlib import Path

    from skillgraph.evaluate.gold import load_gold

    path = Path(__file__).resolve().parents[1] / "data" / "realml_gold.json"
    gold = load_gold(path)
    keys = sorted(gold.postings)
    assert len(keys) == 10 and all(k.startswith(("gantryops-", "martadatauk-")) for k in keys)
    assert all(any(s.core for s in p.skills) for p in gold.postings.values())
    import json

    assert not any("text" in p for p in json.loads(path.read_text(encoding="utf-8"))["postings"].values())
