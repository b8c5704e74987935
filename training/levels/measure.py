"""Score skillgraph's requirement levels on the dev gold and print the issue-10 figures.

    python training/levels/measure.py [--postings ../shared/data/postings-dev/postings.jsonl]

Gold (``tests/data/levels_gold.jsonl``, spans on 40 postings-dev ids):

* sentence level: the level skillgraph gives the sentence holding the span's first character;
* mention level: each mention whose start falls inside a span, against the span's level.

Over all postings-dev: the share of postings with at least one skill whose every skill is context,
and the share of postings naming Python in which Python is only context.
Prints one JSON object (sorted keys), so before/after runs diff cleanly. The classifier is used
when ``SKILLGRAPH_LEVEL_MODEL=1`` (rules only otherwise).
"""
from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
GOLD = ROOT / "tests" / "data" / "levels_gold.jsonl"
POSTINGS = ROOT.parent / "shared" / "data" / "postings-dev" / "postings.jsonl"
LEVELS = ("required", "responsibility", "preferred", "context")


def load_gold(path: Path = GOLD) -> list[dict]:
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def load_postings(path: Path = POSTINGS) -> dict:
    from skillgraph.ingest.readers import read_postings

    return {p.id: p for p in read_postings(str(path))}


def _scores(pairs: list[tuple[str, str]]) -> dict:
    """Accuracy, per-gold-level accuracy (recall) and the confusion gold → predicted."""
    confusion = {g: {p: 0 for p in LEVELS} for g in LEVELS}
    for g, p in pairs:
        confusion[g][p] += 1
    n = len(pairs)
    ok = sum(confusion[g][g] for g in LEVELS)
    per = {g: round(confusion[g][g] / t, 3) if (t := sum(confusion[g].values())) else None for g in LEVELS}
    return {"n": n, "accuracy": round(ok / n, 3) if n else None, "per_level": per, "confusion": confusion}


def score_gold(gold: list[dict], postings: dict, extractor) -> dict:
    """Sentence- and mention-level scores of ``extractor`` on the gold spans."""
    from skillgraph.extraction.segmentation import SentenceIndex

    sent_pairs, mention_pairs = [], []
    by_posting: dict[str, list[dict]] = {}
    for g in gold:
        by_posting.setdefault(g["posting"], []).append(g)
    for pid in sorted(by_posting):
        p = postings[pid]
        index = SentenceIndex(p.text)
        spans = by_posting[pid]
        for g in sorted(spans, key=lambda g: g["start"]):
            sg = index.at(g["start"])
            sent_pairs.append((g["level"], sg.level if sg else "context"))
        for m in extractor.extract(p).mentions:
            for g in spans:
                if g["start"] <= m.start < g["end"]:
                    mention_pairs.append((g["level"], m.requirement))
                    break
    return {"sentence": _scores(sent_pairs), "mention": _scores(mention_pairs)}


def shares(postings: dict, extractor) -> dict:
    """All-context share of postings with skills; Python context-only share of postings naming it."""
    with_skills = all_context = python = python_context = 0
    levels = Counter()
    for pid in sorted(postings):
        skills = extractor.extract(postings[pid]).skills
        if not skills:
            continue
        with_skills += 1
        levels.update(s.requirement for s in skills)
        if all(s.requirement == "context" for s in skills):
            all_context += 1
        for s in skills:
            if s.concept == "skill:python":
                python += 1
                python_context += s.requirement == "context"
    return {"postings_with_skills": with_skills,
            "all_context_share": round(all_context / with_skills, 4) if with_skills else None,
            "python_postings": python,
            "python_context_share": round(python_context / python, 4) if python else None,
            "skill_levels": dict(sorted(levels.items()))}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--postings", type=Path, default=POSTINGS)
    ap.add_argument("--gold", type=Path, default=GOLD)
    ap.add_argument("--no-shares", action="store_true", help="only the gold scores")
    args = ap.parse_args(argv)
    from skillgraph.extraction import Extractor
    from skillgraph.ontology.load import load_ontology

    ex = Extractor(load_ontology())
    postings = load_postings(args.postings)
    out = {"gold": score_gold(load_gold(args.gold), postings, ex)}
    if not args.no_shares:
        out["postings_dev"] = shares(postings, ex)
    json.dump(out, sys.stdout, indent=1, sort_keys=True)
    print()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
