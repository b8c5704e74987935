"""Pick the postings for the levels dev gold (issue 10 item 1), deterministically.

Stratified by shape so the gold measures both failure modes named in the issue:
20 postings with line-separated sections ("structured") and 20 flattened ones
(at most 3 non-empty lines, i.e. one-paragraph posts). Fixed seed; stdlib only.
Writes the chosen ids (one per line) to training/levels/gold_ids.txt. The
annotations themselves (dev_gold.jsonl) are to be written by hand from reading,
before looking at any model output; these ids are then excluded from training.

Licence: postings-dev README - sources are MIT / CC0 1.0; texts remain their
authors'. Use to build and measure; do not ship them (gold stays in training/).
"""

import json
import random
import sys
from pathlib import Path

SEED = 20261203
PER_STRATUM = 20


def shape(text: str) -> str:
    lines = [ln for ln in text.splitlines() if ln.strip()]
    return "flat" if len(lines) <= 3 else "structured"


def main(postings: Path, out: Path) -> None:
    strata: dict[str, list[str]] = {"flat": [], "structured": []}
    with postings.open(encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            strata[shape(rec["text"])].append(rec["id"])
    rng = random.Random(SEED)
    chosen: list[str] = []
    for name in sorted(strata):
        ids = sorted(strata[name])
        chosen += rng.sample(ids, min(PER_STRATUM, len(ids)))
    tmp = out.with_suffix(".tmp")
    tmp.write_text("".join(f"{i}\n" for i in sorted(chosen)), encoding="utf-8")
    tmp.replace(out)
    print({k: len(v) for k, v in strata.items()}, "chosen", len(chosen))


if __name__ == "__main__":
    root = Path(__file__).resolve().parents[2]
    src = Path(sys.argv[1]) if len(sys.argv) > 1 else root.parent / "shared/data/postings-dev/postings.jsonl"
    main(src, Path(__file__).with_name("gold_ids.txt"))
