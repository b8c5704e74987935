"""Weak labels for the level classifier, from the rules, over postings-dev minus the 40 gold ids.

    python training/levels/prepare.py [--postings FILE] [--out training/levels/data]

* a sentence under a heading the rules recognise (``heading_level`` not None) gets the level the rules
  give it there (the heading's level, adjusted by the sentence's own cues);
* a sentence under no recognised heading gets a label only when a sentence cue fires
  (``sentence_level("context", s) != "context"``).

Headings themselves, very short (< 3 words) and very long (> 400 characters) sentences are left out;
duplicates (same text) keep their first label. A posting goes to dev when the first hex digit of
the sha1 of its id is 0 or 1 (about 1/8), else train: deterministic, and a posting's sentences stay
together. Writes ``train.jsonl`` and ``dev.jsonl`` ({"text", "level", "posting"}, sorted) — derived from
posting text, so kept out of git (``data/`` is ignored).
"""
from __future__ import annotations

import argparse
import hashlib
import json
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
POSTINGS = HERE.parents[1].parent / "shared" / "data" / "postings-dev" / "postings.jsonl"


def gold_ids() -> set[str]:
    return set((HERE / "gold_ids.txt").read_text(encoding="utf-8").split())


def labelled_sentences(text: str):
    """(sentence, weak level) of one posting's text."""
    from skillgraph.extraction.levels import heading_level, sentence_level
    from skillgraph.extraction.segmentation import headings, split_sentences

    heads = headings(text)
    starts = [h[0] for h in heads]
    import bisect

    pos = 0
    for raw in text.split("\n"):
        ls, pos = pos, pos + len(raw) + 1
        line = raw.rstrip("\r")
        k = bisect.bisect_right(starts, ls) - 1
        h = heads[k] if k >= 0 else None
        if h is not None and h[0] <= ls < h[1]:
            continue                                   # the heading line itself
        known = h is not None and heading_level(h[2]) is not None
        for a, b in split_sentences(line):
            s = line[a:b].strip()
            if len(s.split()) < 3 or len(s) > 400:
                continue
            if known:
                yield s, sentence_level(h[3], s)
            else:
                lv = sentence_level("context", s)
                if lv != "context":
                    yield s, lv


def is_dev(pid: str) -> bool:
    return hashlib.sha1(pid.encode("utf-8")).hexdigest()[0] in "01"


def prepare(postings_path: Path, out: Path) -> dict:
    from skillgraph.ingest.readers import read_postings

    skip = gold_ids()
    seen: set[str] = set()
    rows = {"train": [], "dev": []}
    for p in sorted(read_postings(str(postings_path)), key=lambda p: p.id):
        if p.id in skip:
            continue
        part = "dev" if is_dev(p.id) else "train"
        for s, lv in labelled_sentences(p.text):
            if s in seen:
                continue
            seen.add(s)
            rows[part].append({"level": lv, "posting": p.id, "text": s})
    out.mkdir(parents=True, exist_ok=True)
    counts = {}
    for part, rs in rows.items():
        with open(out / f"{part}.jsonl", "w", encoding="utf-8") as f:
            for r in rs:
                f.write(json.dumps(r, sort_keys=True, ensure_ascii=False) + "\n")
        counts[part] = dict(sorted(Counter(r["level"] for r in rs).items()))
    return counts


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--postings", type=Path, default=POSTINGS)
    ap.add_argument("--out", type=Path, default=HERE / "data")
    args = ap.parse_args(argv)
    print(json.dumps(prepare(args.postings, args.out), sort_keys=True))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
