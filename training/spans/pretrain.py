#!/usr/bin/env python3
"""Pretrain the span model's tok2vec on unlabelled posting text (issue 9, part 1: strict F1).

    nice -n 19 python training/spans/pretrain.py [--epochs 16] [--output DIR] [-- SPACY_OVERRIDES...]
        # -> training/spans/corpus/raw_pieces.jsonl, training/spans/pretrain/model{N}.bin
    nice -n 19 python training/spans/train.py --vectors --skip-prepare --init-tok2vec training/spans/pretrain/model15.bin
        # -> training/spans/output_vectors_pretrained/ (not `-- --paths.init_tok2vec`: with config.cfg's
        #    empty [pretraining] block spaCy ignores it without a word; train.py --init-tok2vec handles that)

Raw text: every distinct :func:`~skillgraph.extraction.spans.pieces` piece of
``../shared/data/postings-dev/postings.jsonl`` (the pieces the model reads at inference; the 40 level-gold
postings left out), then every SkillSpan *train* sentence; dev and test text are not used. Each becomes
one JSONL line ``{"text": ...}`` in a fixed order (MD5 of the text).

Objective: spaCy's ``PretrainCharacters`` (predict each token's first and last 4 characters from its
context) over the same tok2vec as ``config.cfg`` with the WordLlama vectors table, so the weights load into
``train.py --vectors``. The pretraining config is filled from ``config.cfg`` by ``spacy init fill-config
--pretraining`` (one config, no copy). Seeds and threads are pinned as in train.py.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
POSTINGS = ROOT.parent / "shared" / "data" / "postings-dev" / "postings.jsonl"
SKILLSPAN = ROOT.parent / "shared" / "data" / "skillspan"
GOLD_IDS = ROOT / "training" / "levels" / "gold_ids.txt"
THREAD_VARS = ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "BLIS_NUM_THREADS",
               "NUMEXPR_NUM_THREADS", "VECLIB_MAXIMUM_THREADS")


def raw_texts(postings_path: Path, skillspan: Path) -> list[str]:
    sys.path.insert(0, str(ROOT))
    from skillgraph.extraction.spans import pieces
    from skillgraph.ingest.readers import read_postings

    skip = set(GOLD_IDS.read_text().split()) if GOLD_IDS.exists() else set()
    seen: set[str] = set()
    for p in read_postings(str(postings_path), skip_bad=True, warn=lambda _m: None):
        if p.id in skip:
            continue
        for a, b in pieces(p.text):
            t = p.text[a:b].strip()
            if len(t.split()) >= 3:
                seen.add(t)
    for line in (skillspan / "train.json").read_text(encoding="utf-8").splitlines():
        if line.strip():
            seen.add(" ".join(json.loads(line)["tokens"]))
    return sorted(seen, key=lambda t: (hashlib.md5(t.encode("utf-8")).hexdigest(), t))


def filled_config(py: str, env: dict) -> Path:
    """config.cfg with spaCy's pretraining defaults filled in (corpus/pretrain.cfg): what pretraining runs
    on, and what training from pretrained weights must run on (spaCy skips init_tok2vec when the config's
    [pretraining] block is empty, as config.cfg's is)."""
    cfg = HERE / "corpus" / "pretrain.cfg"
    cfg.parent.mkdir(parents=True, exist_ok=True)
    subprocess.run([py, "-m", "spacy", "init", "fill-config", str(HERE / "config.cfg"), str(cfg), "--pretraining"],
                   check=True, env=env, cwd=ROOT, stdout=subprocess.DEVNULL)
    return cfg


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--epochs", type=int, default=16)
    ap.add_argument("--output", type=Path, default=HERE / "pretrain")
    ap.add_argument("--resume", type=int, metavar="N",
                    help="continue from OUTPUT/model{N-1}.bin at epoch N (spaCy restarts Adam's moments, so this is "
                         "not byte-identical to one longer run)")
    ap.add_argument("overrides", nargs="*",
                    help="extra spacy pretrain overrides after --, e.g. -- --components.tok2vec.model.encode."
                         "window_size 2 (give train.py the same ones, or the weights will not fit)")
    a = ap.parse_args(argv)
    env = dict(os.environ, PYTHONHASHSEED="0")
    env.update({v: "1" for v in THREAD_VARS})
    py = sys.executable

    raw = HERE / "corpus" / "raw_pieces.jsonl"
    raw.parent.mkdir(parents=True, exist_ok=True)
    texts = raw_texts(POSTINGS, SKILLSPAN)
    raw.write_text("".join(json.dumps({"text": t}, ensure_ascii=False) + "\n" for t in texts), encoding="utf-8")
    print(f"pretrain: {len(texts)} texts, {sum(len(t.split()) for t in texts)} words -> {raw}", file=sys.stderr)

    vec = HERE / "vectors" / "wordllama256"
    if not vec.exists():
        subprocess.run([py, str(HERE / "vectors.py"), "--out", str(vec)], check=True, env=env, cwd=ROOT)
    cfg = filled_config(py, env)
    cmd = [py, "-m", "spacy", "pretrain", str(cfg), str(a.output),
           "--paths.raw_text", str(raw), "--paths.vectors", str(vec),
           "--components.tok2vec.model.embed.include_static_vectors", "true",
           "--pretraining.max_epochs", str(a.epochs), *a.overrides]
    if a.resume:
        cmd += ["--resume-path", str(a.output / f"model{a.resume - 1}.bin"), "--epoch-resume", str(a.resume)]
    print("pretrain:", " ".join(cmd), file=sys.stderr, flush=True)
    return subprocess.run(cmd, env=env, cwd=ROOT).returncode


if __name__ == "__main__":
    sys.exit(main())
