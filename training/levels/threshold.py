"""Pick the classifier threshold on the weak labels' dev part: below it a sentence stays context.

    python training/levels/threshold.py [--data training/levels/data]

Prints, for each threshold 0.30 … 0.95, the weak-dev accuracy when a prediction below it becomes
context, and the best (ties: the higher threshold, the more conservative).
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main(argv=None) -> int:
    from skillgraph.extraction.level_model import classify

    data = Path(argv[0]) if argv else HERE / "data"
    with open(data / "dev.jsonl", encoding="utf-8") as f:
        rows = [json.loads(x) for x in f]
    preds = [classify(r["text"]) for r in rows]
    best = None
    for t in [x / 100 for x in range(30, 100, 5)]:
        pairs = zip(preds, rows, strict=True)
        acc = sum((lv if p >= t else "context") == r["level"] for (lv, p), r in pairs) / len(rows)
        print(f"{t:.2f} {acc:.4f}")
        if best is None or acc >= best[1]:
            best = (t, acc)
    print(f"best threshold {best[0]:.2f} (weak-dev accuracy {best[1]:.4f})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
