#!/usr/bin/env python3
"""Convert SkillSpan train/dev (BIO tags per token) into spaCy DocBin corpora.

    python training/spans/prepare.py            # writes training/spans/corpus/{train,dev}{,_merged}.spacy

Source: SkillSpan (Zhang et al., NAACL 2022), MIT licence, at ``../shared/data/skillspan/`` from the
project root (the test split is deliberately not there; never add it).

Each sentence becomes the text ``" ".join(tokens)`` -- exactly what ``../shared/tools/eval_skillspan.py``
feeds the product -- and is re-tokenised with ``spacy.blank("en")``'s tokenizer, so the model is trained
on the tokens it will see at inference time on raw text (SkillSpan's own tokens keep punctuation attached,
e.g. ``"posted:"``). Gold spans start and end at spaces, which the tokenizer never crosses, so every span
maps onto tokens exactly (the script fails loudly if one does not).

Labels: ``SKILL`` (tags_skill) and ``KNOWLEDGE`` (tags_knowledge). An NER model cannot hold overlapping
spans; where a skill and a knowledge span overlap (164 pairs in train, 50 in dev) the longer one is kept,
ties going to SKILL. The ``_merged`` variant has one label, ``SKILL``, for both (what the evaluation counts:
it ignores labels). Deterministic: no randomness, input order kept.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
# SKILLSPAN_DATA overrides the default for checkouts that are not next to shared/ (git worktrees)
DATA = Path(os.environ.get("SKILLSPAN_DATA")
            or Path(__file__).resolve().parents[2] / ".." / "shared" / "data" / "skillspan")
CORPUS = HERE / "corpus"


def bio_spans(tags: list[str]) -> list[tuple[int, int]]:
    """Token spans [start, end) of B/I runs -- the same reading as eval_skillspan.py's ``spans``."""
    out, start = [], None
    for i, t in enumerate(tags + ["O"]):
        if t.startswith("B") or t == "O":
            if start is not None:
                out.append((start, i))
                start = None
            if t.startswith("B"):
                start = i
        elif t.startswith("I") and start is None:
            start = i
    return out


def char_spans(row: dict) -> tuple[str, list[tuple[int, int, str]]]:
    """The sentence text and its labelled character spans, overlaps resolved (longer wins, SKILL on ties)."""
    toks = row["tokens"]
    offs, pos = [], 0
    for t in toks:
        offs.append((pos, pos + len(t)))
        pos += len(t) + 1
    text = " ".join(toks)
    cands = []
    for key, label in (("tags_skill", "SKILL"), ("tags_knowledge", "KNOWLEDGE")):
        for s, e in bio_spans(row[key]):
            cands.append((offs[s][0], offs[e - 1][1], label))
    # longest first, then SKILL before KNOWLEDGE, then position: a total order, so the result is stable
    cands.sort(key=lambda c: (-(c[1] - c[0]), c[2] != "SKILL", c[0]))
    kept: list[tuple[int, int, str]] = []
    for c in cands:
        if all(c[1] <= k[0] or k[1] <= c[0] for k in kept):
            kept.append(c)
    return text, sorted(kept)


def convert(split_path: Path, merged: bool, nlp, stats: Counter):
    from spacy.tokens import DocBin

    db = DocBin(store_user_data=False)
    with open(split_path, encoding="utf-8") as f:
        for line in f:
            if not line.strip():
                continue
            row = json.loads(line)
            text, spans = char_spans(row)
            doc = nlp.make_doc(text)
            ents = []
            for s, e, label in spans:
                span = doc.char_span(s, e, label="SKILL" if merged else label, alignment_mode="strict")
                if span is None:
                    raise SystemExit(f"prepare: span {text[s:e]!r} in {text!r} does not align with tokens")
                ents.append(span)
            doc.ents = ents
            db.add(doc)
            stats["docs"] += 1
            stats["tokens"] += len(doc)
            stats["spans"] += len(ents)
    return db


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", type=Path, default=DATA, help="folder with train.json and dev.json")
    ap.add_argument("--out", type=Path, default=CORPUS)
    a = ap.parse_args(argv)

    import spacy

    nlp = spacy.blank("en")
    a.out.mkdir(parents=True, exist_ok=True)
    for split in ("train", "dev"):
        src = a.data / f"{split}.json"
        if not src.exists():
            raise SystemExit(f"prepare: {src} not found (SkillSpan lives in ../shared/data/skillspan)")
        for merged in (False, True):
            stats: Counter = Counter()
            db = convert(src, merged, nlp, stats)
            dest = a.out / f"{split}{'_merged' if merged else ''}.spacy"
            db.to_disk(dest)
            print(f"prepare: {dest.relative_to(a.out.parent)}: {stats['docs']} docs, "
                  f"{stats['tokens']} tokens, {stats['spans']} spans", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
