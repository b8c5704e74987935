#!/usr/bin/env python3
"""Which common English words SkillSpan's annotators mark as a skill *on their own*.

The product drops a model span that is one bare common word (wordfreq Zipf >= 4.0: "training",
"Excitement"), except the words this script lists: those that make up a whole gold span in at least
30 % of their occurrences in SkillSpan **train** (and at least twice): "English", "Java", "React",
"motivated". Output: skillgraph/extraction/models/spans/standalone.json (sorted, deterministic).
Run from the project root:  python training/spans/standalone.py
"""
from __future__ import annotations

import collections
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
TRAIN = ROOT.parent / "shared" / "data" / "skillspan" / "train.json"
OUT = ROOT / "skillgraph" / "extraction" / "models" / "spans" / "standalone.json"
MIN_SHARE, MIN_COUNT = 0.3, 2


def runs(tags: list[str]) -> list[tuple[int, int]]:
    out, start = [], None
    for i, t in enumerate([*tags, "O"]):
        if t.startswith("B") or t == "O":
            if start is not None:
                out.append((start, i))
                start = None
            if t.startswith("B"):
                start = i
        elif t.startswith("I") and start is None:
            start = i
    return out


def main() -> int:
    sys.path.insert(0, str(ROOT))
    from skillgraph.extraction.spans import GENERIC_ZIPF
    from wordfreq import zipf_frequency

    occ: collections.Counter = collections.Counter()
    alone: collections.Counter = collections.Counter()
    for line in TRAIN.open(encoding="utf-8"):
        r = json.loads(line)
        toks = r["tokens"]
        occ.update(t.lower() for t in toks)
        for key in ("tags_skill", "tags_knowledge"):
            alone.update(toks[s].lower() for s, e in runs(r[key]) if e - s == 1)
    keep = sorted(w for w, n in alone.items() if w.isalpha() and n >= MIN_COUNT and n / occ[w] >= MIN_SHARE
                  and zipf_frequency(w, "en", wordlist="small") >= GENERIC_ZIPF)
    OUT.write_text(json.dumps({"source": "SkillSpan train", "min_share": MIN_SHARE, "min_count": MIN_COUNT,
                               "words": keep}, indent=1) + "\n", encoding="utf-8")
    print(f"{len(keep)} words -> {OUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
