#!/usr/bin/env python3
"""Reproducible training of the SkillSpan span model (issue 9, part 1).

    nice -n 19 python training/spans/train.py                      # prepare + train + evaluate on dev
    nice -n 19 python training/spans/train.py --merged             # one label (SKILL) instead of two
    nice -n 19 python training/spans/train.py --vectors            # + static vectors from WordLlama 0.4
    python training/spans/train.py --budget 1500 --output DIR -- --training.max_steps 3000
    nice -n 19 python training/spans/train.py --vectors --init-tok2vec training/spans/pretrain/model7.bin

Steps: ``prepare.py`` (DocBin corpora), optionally ``vectors.py`` (a spaCy vectors table), then
``python -m spacy train config.cfg`` with the corpus paths, then ``evaluate.py`` on model-best.

Determinism: the config fixes every seed (``system.seed = 0``); training runs in one process on one
thread (``OMP_NUM_THREADS`` etc. = 1) and stops at ``training.max_steps`` or by ``patience``, both counted
in steps. ``--budget`` (seconds, default 1800) is only a safety net for a shared machine: if it fires, the
run is stopped and model-best holds the best dev score so far (that stop is not reproducible; the log
says so).
"""
from __future__ import annotations

import argparse
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]  # the project root; paths below are relative to it
THREAD_VARS = ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "BLIS_NUM_THREADS",
               "NUMEXPR_NUM_THREADS", "VECLIB_MAXIMUM_THREADS")


def rel(p: Path) -> str:
    try:
        return str(p.resolve().relative_to(ROOT))
    except ValueError:
        return str(p)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--output", type=Path, default=None, help="default training/spans/output[_merged][_vectors]")
    ap.add_argument("--merged", action="store_true", help="train on one label (SKILL) for skill+knowledge")
    ap.add_argument("--vectors", action="store_true", help="static vectors from WordLlama (see vectors.py)")
    ap.add_argument("--budget", type=float, default=1800.0, help="wall-clock safety net in seconds")
    ap.add_argument("--skip-prepare", action="store_true")
    ap.add_argument("--train", type=Path, default=None, help="a DocBin to train on instead of corpus/train[_merged].spacy")
    ap.add_argument("--dev", type=Path, default=None, help="a DocBin to select on instead of corpus/dev[_merged].spacy")
    ap.add_argument("--init-tok2vec", type=Path, default=None,
                    help="pretrained tok2vec weights (pretrain.py's modelN.bin) to start from")
    ap.add_argument("overrides", nargs="*", help="extra spacy train overrides, after --")
    a = ap.parse_args(argv)

    env = dict(os.environ, PYTHONHASHSEED="0")
    env.update({v: "1" for v in THREAD_VARS})
    py = sys.executable
    if a.init_tok2vec and not a.vectors:
        ap.error("--init-tok2vec needs --vectors: pretrain.py pretrains the tok2vec with the vectors table")
    if any("init_tok2vec" in o for o in a.overrides):
        ap.error("pass pretrained weights as --init-tok2vec PATH, not as a spacy override "
                 "(config.cfg's empty [pretraining] block makes spaCy ignore paths.init_tok2vec)")
    suffix = (("_merged" if a.merged else "") + ("_vectors" if a.vectors else "")
              + ("_pretrained" if a.init_tok2vec else ""))
    out = a.output or HERE / f"output{suffix}"
    corpus = HERE / "corpus"
    train = a.train or corpus / f"train{'_merged' if a.merged else ''}.spacy"
    dev = a.dev or corpus / f"dev{'_merged' if a.merged else ''}.spacy"

    if not a.skip_prepare:
        subprocess.run([py, str(HERE / "prepare.py")], check=True, env=env, cwd=ROOT)
    overrides = ["--paths.train", rel(train), "--paths.dev", rel(dev)]
    if a.vectors:
        vec = HERE / "vectors" / "wordllama256"
        subprocess.run([py, str(HERE / "vectors.py"), "--out", str(vec)], check=True, env=env, cwd=ROOT)
        overrides += ["--paths.vectors", rel(vec),
                      "--components.tok2vec.model.embed.include_static_vectors", "true"]
    config = HERE / "config.cfg"
    if a.init_tok2vec:
        # spaCy loads init_tok2vec only when the config's [pretraining] block is filled (an empty one, as
        # in config.cfg, skips it silently): train from config.cfg filled with the pretraining defaults,
        # as pretrain.py pretrains from it
        from pretrain import filled_config  # training/spans/pretrain.py, beside this script

        config = filled_config(py, env)
        overrides += ["--paths.init_tok2vec", rel(a.init_tok2vec)]
    cmd = [py, "-m", "spacy", "train", rel(config), "--output", rel(out), *overrides, *a.overrides]
    print("train:", " ".join(cmd), file=sys.stderr, flush=True)
    t0 = time.monotonic()
    proc = subprocess.Popen(cmd, env=env, cwd=ROOT, start_new_session=True)
    try:
        rc = proc.wait(timeout=a.budget)
    except subprocess.TimeoutExpired:
        print(f"train: budget of {a.budget:.0f} s reached; stopping (model-best = best dev score so far; "
              "this stop is time-based, not reproducible)", file=sys.stderr, flush=True)
        os.killpg(proc.pid, signal.SIGINT)
        try:
            rc = proc.wait(timeout=60)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGTERM)
            rc = proc.wait()
        rc = 0 if (out / "model-best").exists() else 1
    print(f"train: spacy train finished in {time.monotonic() - t0:.0f} s (rc={rc})", file=sys.stderr, flush=True)
    if rc != 0:
        return rc
    return subprocess.run([py, str(HERE / "evaluate.py"), "--model", rel(out / "model-best")],
                          env=env, cwd=ROOT).returncode


if __name__ == "__main__":
    sys.exit(main())
