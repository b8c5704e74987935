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
Goals (issue 9): model and matrix load <= 1 s warm; RSS with ESCO <= 1.5 GB.
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

from bench_extract import corpus  # noqa: E402

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
        rate = {}
        for linker in ("exact", "hybrid"):
            _, t = _timed(lambda linker=linker: extract_all(posts, ont, linker=linker))
            rate[linker] = len(posts) / t
            print(f"{linker:<15} {rate[linker]:9.1f} postings/s")
        print(f"hybrid/exact    {rate['hybrid'] / rate['exact']:9.3f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
