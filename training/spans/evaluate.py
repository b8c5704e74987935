#!/usr/bin/env python3
"""Score a trained span pipeline on SkillSpan dev, with eval_skillspan.py's definitions.

    python training/spans/evaluate.py --model training/spans/output/model-best [--json] [--speed]

Same reading of the data as ``../shared/tools/eval_skillspan.py``: each sentence is the text
``" ".join(tokens)``; gold spans are the B/I runs of tags_skill and tags_knowledge as character spans
(labels merged: SkillSpan marks spans, the evaluation counts spans, not types); predictions are the
pipeline's ``doc.ents`` as (start_char, end_char), labels ignored.

  strict  -- a predicted span counts when its boundaries equal a gold span's (P over predictions,
             R over gold);
  overlap -- a prediction counts (P) when it shares a character with some gold span; a gold span is
             found (R) when some prediction shares a character with it.

P and R are rounded to 3 places before F1, as the tool does, so figures are comparable one to one.
Also printed: strict F1 per label (a prediction counts only with the gold span's own label).
``--speed`` adds load time (warm: the second ``spacy.load``) and sentences/s and words/s of
``nlp.pipe`` over the split on the current process (run with OMP_NUM_THREADS=1 for one core).
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from prepare import DATA, bio_spans  # noqa: E402  (same span reading as the tool)


def load_split(path: Path):
    texts, gold, gold_lab = [], [], []
    with open(path, encoding="utf-8") as f:
        for line in f:
            if not line.strip():
                continue
            r = json.loads(line)
            toks = r["tokens"]
            offs, pos = [], 0
            for t in toks:
                offs.append((pos, pos + len(t)))
                pos += len(t) + 1
            g, gl = set(), set()
            for key, label in (("tags_skill", "SKILL"), ("tags_knowledge", "KNOWLEDGE")):
                for s, e in bio_spans(r[key]):
                    g.add((offs[s][0], offs[e - 1][1]))
                    gl.add((offs[s][0], offs[e - 1][1], label))
            texts.append(" ".join(toks))
            gold.append(g)
            gold_lab.append(gl)
    return texts, gold, gold_lab


def score(gold: list[set], pred: list[set]) -> dict:
    n_gold = sum(len(g) for g in gold)
    n_pred = sum(len(p) for p in pred)
    strict = sum(len(g & p) for g, p in zip(gold, pred))
    hit = lambda s, many: any(s[0] < e and b < s[1] for b, e in many)  # noqa: E731
    ov_p = sum(1 for g, p in zip(gold, pred) for s in p if hit(s, g))
    ov_r = sum(1 for g, p in zip(gold, pred) for s in g if hit(s, p))
    div = lambda x, y: round(x / y, 3) if y else 0.0  # noqa: E731
    f1 = lambda p, r: round(2 * p * r / (p + r), 3) if p + r else 0.0  # noqa: E731
    sp, sr = div(strict, n_pred), div(strict, n_gold)
    op, orr = div(ov_p, n_pred), div(ov_r, n_gold)
    return {"sentences": len(gold), "gold_spans": n_gold, "mentions": n_pred,
            "strict_p": sp, "strict_r": sr, "strict_f1": f1(sp, sr),
            "overlap_p": op, "overlap_r": orr, "overlap_f1": f1(op, orr)}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--model", type=Path, required=True)
    ap.add_argument("--split", type=Path, default=DATA / "dev.json")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--speed", action="store_true", help="also time loading and nlp.pipe")
    ap.add_argument("--batch-size", type=int, default=256)
    a = ap.parse_args(argv)

    import spacy

    texts, gold, gold_lab = load_split(a.split)
    t0 = time.perf_counter()
    nlp = spacy.load(a.model)
    cold = time.perf_counter() - t0
    out: dict = {}
    if a.speed:
        t0 = time.perf_counter()
        nlp = spacy.load(a.model)
        out["load_s_cold"] = round(cold, 3)
        out["load_s_warm"] = round(time.perf_counter() - t0, 3)
        list(nlp.pipe(texts[:200], batch_size=a.batch_size))  # warm up
    t0 = time.perf_counter()
    docs = list(nlp.pipe(texts, batch_size=a.batch_size))
    dt = time.perf_counter() - t0
    pred = [{(e.start_char, e.end_char) for e in d.ents} for d in docs]
    pred_lab = [{(e.start_char, e.end_char, e.label_) for e in d.ents} for d in docs]
    out = {**score(gold, pred), **out}
    # strict F1 per label (only meaningful for a two-label model)
    for label in sorted({lab for g in gold_lab for *_, lab in g}):
        g = [{x[:2] for x in s if x[2] == label} for s in gold_lab]
        p = [{x[:2] for x in s if x[2] == label} for s in pred_lab]
        s = score(g, p)
        out[f"strict_f1_{label}"] = s["strict_f1"]
    if a.speed:
        words = sum(len(d) for d in docs)
        out["threads"] = os.environ.get("OMP_NUM_THREADS", "unset")
        out["sents_per_s"] = round(len(docs) / dt, 1)
        out["words_per_s"] = round(words / dt)
    out["model"] = str(a.model)
    print(json.dumps(out) if a.json else " ".join(f"{k}={v}" for k, v in out.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
