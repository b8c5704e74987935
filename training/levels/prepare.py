"""Weak labels for the level classifier, from the rules, over postings-dev minus the 40 gold ids.

    python training/levels/prepare.py [--postings FILE] [--out training/levels/data]

* a sentence under a heading the rules recognise (``heading_level`` not None) gets the level the rules
  give it there (the heading's level, adjusted by the sentence's own cues);
* a sentence under no recognised heading gets a label when a sentence cue fires
  (``prose_level(s) != "context"``, the product's rule there); with no cue, it is a **context** example when
  it lies in a boilerplate paragraph (:mod:`skillgraph.extraction.boilerplate`, counted over the
  postings read), or has a company cue (:data:`COMPANY_CUES`: "we are", "our mission", "founded",
  "benefits", "equal opportunity", "we offer", "backed by", the hiring-AI notice …), or starts with
  the posting's company name + "is a/an/the"; a cue-less sentence naming "you" is left out (it
  speaks to the candidate); other cue-less sentences are left out;
* classes are capped at :data:`CAP` × the smallest class of train (a fixed-seed sample), so context
  and preferred are not drowned.

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
import re
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
POSTINGS = HERE.parents[1].parent / "shared" / "data" / "postings-dev" / "postings.jsonl"


COMPANY_CUES = re.compile(
    r"\b(?:we\s+are|we're|we\s+were|our\s+mission|founded|benefits|equal\s+opportunit|we\s+offer|"
    r"backed\s+by|venture-backed|we\s+acquired|we\s+may\s+use\s+artificial\s+intelligence|"
    r"apply\s+for\s+this\s+job|headquartered|our\s+customers|our\s+clients|our\s+team\s+is|"
    r"without\s+regard\s+to|reasonable\s+accommodation|paid\s+time\s+off|401\(?k\)?|"
    r"health\s+insurance|parental\s+leave)",
    re.I)
"""Company-ish cues: a cue-less sentence with one of them is a weak context example."""
YOU = re.compile(r"\byou(?:'\w+|r|rs|rself)?\b", re.I)
CAP = 5
"""Larger classes are sampled down to CAP × the smallest class (train only)."""
SEED = 20261204


def is_company_sentence(s: str, company: str | None = None) -> bool:
    """Company / benefits / EEO / hiring-process talk, not addressed to the candidate."""
    if YOU.search(s):
        return False
    if COMPANY_CUES.search(s):
        return True
    c = (company or "").strip()
    return bool(c) and re.match(re.escape(c) + r"\s+is\s+(?:a|an|the)\b", s, re.I) is not None


def gold_ids() -> set[str]:
    return set((HERE / "gold_ids.txt").read_text(encoding="utf-8").split())


def labelled_sentences(text: str, company: str | None = None, boiler: frozenset = frozenset()):
    """(sentence, weak level) of one posting's text; ``boiler``: normalised boilerplate paragraphs."""
    from skillgraph.extraction.boilerplate import _norm
    from skillgraph.extraction.levels import heading_level, prose_level, sentence_level
    from skillgraph.extraction.segmentation import headings, line_pieces

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
        known = h is not None and (heading_level(h[2]) is not None or h[3] != "context")
        in_boiler = _norm(line) in boiler
        for a, b, ih in line_pieces(line):             # inline headings of flattened pages too
            s = line[a:b].strip()
            if len(s.split()) < 3 or len(s) > 400:
                continue
            if ih is not None:
                yield s, sentence_level(ih.level, s)
            elif known:
                yield s, sentence_level(h[3], s)
            else:
                lv = prose_level(s)
                if lv != "context":
                    yield s, lv
                elif YOU.search(s):
                    continue
                elif in_boiler or is_company_sentence(s, company):
                    yield s, "context"


def is_dev(pid: str) -> bool:
    return hashlib.sha1(pid.encode("utf-8")).hexdigest()[0] in "01"


def prepare(postings_path: Path, out: Path) -> dict:
    from types import SimpleNamespace

    from skillgraph.extraction.boilerplate import boilerplate_paragraphs
    from skillgraph.ingest.readers import read_postings

    skip = gold_ids()
    seen: set[str] = set()
    rows = {"train": [], "dev": []}
    posts = sorted(read_postings(str(postings_path)), key=lambda p: p.id)
    boiler = frozenset(boilerplate_paragraphs([SimpleNamespace(posting=p) for p in posts]))
    for p in posts:
        if p.id in skip:
            continue
        part = "dev" if is_dev(p.id) else "train"
        for s, lv in labelled_sentences(p.text, p.company, boiler):
            if s in seen:
                continue
            seen.add(s)
            rows[part].append({"level": lv, "posting": p.id, "text": s})
    rows["train"] = balance(rows["train"])
    out.mkdir(parents=True, exist_ok=True)
    counts = {}
    for part, rs in rows.items():
        with open(out / f"{part}.jsonl", "w", encoding="utf-8") as f:
            for r in rs:
                f.write(json.dumps(r, sort_keys=True, ensure_ascii=False) + "\n")
        counts[part] = dict(sorted(Counter(r["level"] for r in rs).items()))
    return counts


def balance(rows: list[dict], cap: int = CAP, seed: int = SEED) -> list[dict]:
    """Each class sampled down to ``cap`` × the smallest; order kept. The sample is the sentences of
    lowest ``sha1(seed, text)`` in each class, not a random draw over the list: a rule change that
    relabels a few sentences then moves only those in or out, instead of redrawing the whole sample
    (with ``random.sample`` one relabelled sentence reshuffled everything and moved the dev gold by
    about ±0.015 from one retraining to the next)."""
    by: dict[str, list[int]] = {}
    for i, r in enumerate(rows):
        by.setdefault(r["level"], []).append(i)
    if not by:
        return rows
    limit = cap * min(len(v) for v in by.values())
    keep = set()
    for lv in sorted(by):
        ix = by[lv]
        keep.update(ix if len(ix) <= limit else sorted(ix, key=lambda i: _key(seed, rows[i]["text"]))[:limit])
    return [r for i, r in enumerate(rows) if i in keep]


def _key(seed: int, text: str) -> str:
    return hashlib.sha1(f"{seed}\n{text}".encode("utf-8")).hexdigest()


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--postings", type=Path, default=POSTINGS)
    ap.add_argument("--out", type=Path, default=HERE / "data")
    args = ap.parse_args(argv)
    print(json.dumps(prepare(args.postings, args.out), sort_keys=True))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
