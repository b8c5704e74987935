#!/usr/bin/env python3
"""`ontology check` on a generated ontology: 100k concepts, a 5,000-deep chain, cycles outside skill:.

    python benchmarks/bench_ontology.py [--concepts 100000] [--depth 5000]

Writes one Turtle file into a temporary folder: ``--concepts`` skill: concepts in a tree (ten
children each) under the shipped top concept, a chain of ``--depth`` concepts (each the broader of
the next), and a three-concept broader cycle in another namespace (ex:). Prints seconds for loading
(with the shipped ontology) and for :func:`skillgraph.ontology.check`, and the ratio of checking
to loading in the same process. Goals (issue 14): 100k concepts in seconds, any depth, the ex:
cycle reported.
"""
from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from skillgraph.ontology import check, load_ontology  # noqa: E402

_HEAD = """@prefix skill: <https://w3id.org/skillgraph/skill/> .
@prefix sg:    <https://w3id.org/skillgraph/vocab#> .
@prefix skos:  <http://www.w3.org/2004/02/skos/core#> .
@prefix ex:    <https://example.org/other/> .

"""


def _concept(cid: str, label: str, broader: str) -> str:
    return (f"{cid} a skos:Concept ;\n    skos:inScheme skill:scheme ;\n    skos:prefLabel \"{label}\"@en ;\n"
            f"    skos:broader {broader} ;\n    sg:kind sg:Method .\n\n")


def generate(path: Path, n: int, depth: int) -> None:
    parts = [_HEAD]
    for i in range(n):
        parent = "skill:machine-learning" if i < 10 else f"skill:gen-{i // 10 - 1}"
        parts.append(_concept(f"skill:gen-{i}", f"generated skill {i}", parent))
    for i in range(depth):
        parent = "skill:machine-learning" if i == 0 else f"skill:chain-{i - 1}"
        parts.append(_concept(f"skill:chain-{i}", f"chain skill {i}", parent))
    for a, b in (("ex:a", "ex:b"), ("ex:b", "ex:c"), ("ex:c", "ex:a")):
        parts.append(f"{a} a skos:Concept ;\n    skos:prefLabel \"other {a[3:]}\"@en ;\n    skos:broader {b} .\n\n")
    path.write_text("".join(parts), encoding="utf-8")


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--concepts", type=int, default=100_000)
    ap.add_argument("--depth", type=int, default=5000)
    a = ap.parse_args()
    with tempfile.TemporaryDirectory() as d:
        path = Path(d) / "generated.ttl"
        generate(path, a.concepts, a.depth)
        t = time.perf_counter()
        ont = load_ontology([path])
        load_s = time.perf_counter() - t
        t = time.perf_counter()
        problems = check(ont)
        check_s = time.perf_counter() - t
    cycles = [p for p in problems if "cycle" in p.message]
    print(f"{len(ont)} concepts ({a.concepts} generated + a {a.depth}-deep chain), {len(problems)} problems, "
          f"{len(cycles)} cycles ({', '.join(sorted({p.concept for p in cycles}))})")
    print(f"  load  {load_s:6.2f} s")
    print(f"  check {check_s:6.2f} s   {check_s / load_s:.2f}x load")
    return 0


if __name__ == "__main__":
    sys.exit(main())
