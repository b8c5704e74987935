#!/usr/bin/env python3
"""Scale sanity (issue 14): N postings with some bad lines through `extract -j 2` and `build`.

    python benchmarks/bench_scale.py [--postings 50000] [--bad 50]

Writes one JSONL file into a temporary folder: ``--postings`` postings cycled from the seeds (each
with its own id, so nothing deduplicates) and ``--bad`` broken lines spread through it. Runs the CLI
as a user would, in child processes, and prints for each run the seconds, the peak resident memory
of the child (ru_maxrss) and the ids in against the ids out plus the skips it reported — the check
is that nothing is lost: kept + skipped = lines. It also prints the ratio of `build` to `extract`.
"""
from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def generate(path: Path, n: int, bad: int) -> None:
    seeds = sorted((ROOT / "seeds").glob("*.txt"))
    texts = [p.read_text(encoding="utf-8") for p in seeds]
    every = max(1, n // max(bad, 1))
    with open(path, "w", encoding="utf-8") as fh:
        for i in range(n):
            fh.write(json.dumps({"id": f"p{i:06d}", "title": f"Role {i % 97}", "company": f"Co {i % 13}",
                                 "text": texts[i % len(texts)]}) + "\n")
            if bad and i % every == every - 1:
                fh.write('{"id": "broken", "text": \n')


def run(args: list[str]) -> tuple[float, float, subprocess.CompletedProcess]:
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    t = time.perf_counter()
    proc = subprocess.run([sys.executable, "-m", "skillgraph", *args], capture_output=True, text=True)
    secs = time.perf_counter() - t
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return secs, max(peak, before) / 1024, proc


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--postings", type=int, default=50000)
    ap.add_argument("--bad", type=int, default=50)
    a = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "postings.jsonl"
        generate(src, a.postings, a.bad)
        secs_x, mem_x, px = run(["extract", "-j", "2", "--skip-bad", "--format", "jsonl", str(src)])
        if px.returncode:
            sys.exit(f"extract failed: {px.stderr.strip().splitlines()[-1:]}")
        ids = [json.loads(line)["id"] for line in px.stdout.splitlines()]
        summary = [x for x in px.stderr.splitlines() if x.startswith("read ")]
        print(f"extract -j 2: {secs_x:.1f} s, peak {mem_x:.0f} MB (max over children so far), "
              f"{len(ids)} postings out, {len(set(ids))} distinct ids; {summary[-1] if summary else 'no summary'}")
        secs_b, mem_b, pb = run(["build", "--skip-bad", str(src), "--out", str(Path(tmp) / "out")])
        if pb.returncode:
            sys.exit(f"build failed: {pb.stderr.strip().splitlines()[-1:]}")
        print(f"build: {secs_b:.1f} s, peak {mem_b:.0f} MB (max over children so far)")
        print(f"ratio build/extract: {secs_b / secs_x:.2f}; lost: {a.postings - len(set(ids))}")


if __name__ == "__main__":
    main()
