#!/usr/bin/env python3
"""The semantic linker's costs: WordLlama and label-matrix load (cold and warm), memory with ESCO, and
the hybrid pass's throughput as a ratio of the exact pass's, in one run.

    python benchmarks/bench_semantic.py [--postings 200] [--esco ESCO.ttl] [--data ../shared/data]

  * model load            WordLlama from its wheel (first load in the process)
  * matrix cold / warm    the ontology's label matrix embedded into an empty cache dir, then read back
                          from it by a new ontology object with the same content (what a second run pays)
  * rss                   the process's peak resident memory after all of the above (ESCO loaded if given)
  * exact / hybrid        postings/s of extract_all with linker="exact" and "hybrid" (span model and
                          WordLlama) on SkillSpan sentences regrouped into postings (bench_extract's corpus)
  * tricks                the hybrid pass again with each speed trick of skillgraph.speed switched off
                          (piece_cache, batch_embed, numpy_gemm) and with all of them off: postings/s, the
                          ratio of all tricks on to that, and whether the output is the same (it must be)
Rates are CPU time of this process (bench_extract.rate), so other load on the machine skews them less.
Goals (issue 9): model and matrix load <= 1 s warm; RSS with ESCO <= 1.5 GB; hybrid >= 300 postings/s.
"""
from __future__ import annotations

import argparse
import os
import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from bench_extract import corpus, rate  # noqa: E402

from skillgraph import speed  # noqa: E402
from skillgraph.extraction import embed, extract_all  # noqa: E402
from skillgraph.ontology import load_ontology  # noqa: E402


def _timed(f):
    t = time.perf_counter()
    out = f()
    return out, time.perf_counter() - t


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--postings", type=int, default=200)
    ap.add_argument("--esco", help="an ESCO SKOS file from `skillgraph ontology import-esco`")
    ap.add_argument("--data", default=str(ROOT.parent / "shared" / "data"))
    ap.add_argument("--no-tricks", action="store_true", help="skip the runs with speed tricks switched off")
    a = ap.parse_args()
    files = [a.esco] if a.esco else []
    with tempfile.TemporaryDirectory() as d:
        os.environ["XDG_CACHE_HOME"] = d
        _, t_model = _timed(embed.load_model)
        ont = load_ontology(files)
        lm, t_cold = _timed(lambda: embed.matrix_for(ont))
        again = load_ontology(files)
        _, t_warm = _timed(lambda: embed.matrix_for(again))
        print(f"labels          {lm.matrix.shape[0]:>9} ({len(lm.concepts)} concepts)")
        print(f"model load      {t_model:9.2f} s")
        print(f"matrix cold     {t_cold:9.2f} s")
        print(f"matrix warm     {t_warm:9.2f} s   model + warm matrix {t_model + t_warm:.2f} s")
        print(f"rss             {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:9.0f} MB")
        posts = corpus(Path(a.data), a.postings)
        extract_all(posts[:5], ont, linker="hybrid")           # span model loaded outside the timing
        rates = {}
        for linker in ("exact", "hybrid"):
            rates[linker] = _rate(posts, ont, linker, ())
            print(f"{linker:<15} {rates[linker]:9.1f} postings/s")
        print(f"hybrid/exact    {rates['hybrid'] / rates['exact']:9.3f}x")
        if not a.no_tricks:
            _tricks(posts, ont, rates["hybrid"])
    return 0


def _rate(posts, ont, linker, off, out=None) -> float:
    """postings/s of extract_all with the tricks in ``off`` switched off."""
    speed.OFF.clear()
    speed.OFF.update(off)
    try:
        return rate(lambda ps: out.extend(extract_all(ps, ont, linker=linker)) if out is not None
                    else extract_all(ps, ont, linker=linker), posts)
    finally:
        speed.OFF.clear()


def _tricks(posts, ont, hybrid: float) -> None:
    want: list = []
    _rate(posts, ont, "hybrid", (), want)
    print("hybrid with tricks off (skillgraph.speed)   postings/s   tricks on / this   same output")
    for off in [(t,) for t in speed.TRICKS] + [speed.TRICKS]:
        got: list = []
        r = _rate(posts, ont, "hybrid", off, got)
        name = "all off" if len(off) > 1 else f"{off[0]} off"
        print(f"  {name:<40} {r:9.1f}   {hybrid / r:13.2f}x   {'yes' if got == want else 'NO'}")


if __name__ == "__main__":
    sys.exit(main())
