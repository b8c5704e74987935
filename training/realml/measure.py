#!/usr/bin/env python3
"""Score extraction on real ML/AI postings against the hand-made dev gold, through the CLI.

    python training/realml/measure.py [--postings ../shared/data/postings-dev/postings.jsonl]

Gold: ``tests/data/realml_gold.json`` — 10 ML/AI postings of postings-dev (keyed by id; their texts are
not ours to ship, so they are read from the shared data), 260 items, 125 core, annotated blind to the
tool. The postings are written to a temporary JSON-lines file and scored by ``../shared/tools/eval_gold.py``
with ``--linker exact`` (the default) and ``--linker hybrid``. Prints one JSON object per linker, then
one for ``skillgraph discover``: how many of the gold's skills no concept names it lists.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
GOLD = ROOT / "tests" / "data" / "realml_gold.json"
SHARED = ROOT.parent / "shared"


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--postings", default=str(SHARED / "data" / "postings-dev" / "postings.jsonl"))
    ap.add_argument("-v", "--verbose", action="store_true", help="list misses and false links")
    a = ap.parse_args()
    ids = set(json.loads(GOLD.read_text(encoding="utf-8"))["postings"])
    rows = [line for line in open(a.postings, encoding="utf-8") if line.strip() and json.loads(line)["id"] in ids]
    if len(rows) != len(ids):
        sys.exit(f"measure: {len(ids) - len(rows)} gold postings are not in {a.postings}")
    with tempfile.TemporaryDirectory() as d:
        path = Path(d) / "realml.jsonl"
        path.write_text("".join(rows), encoding="utf-8")
        wrapper = Path(d) / "skillgraph-hybrid"
        wrapper.write_text('#!/bin/sh\nif [ "$1" = extract ]; then shift; '
                           'exec skillgraph extract "$@" --linker hybrid; fi\nexec skillgraph "$@"\n')
        wrapper.chmod(0o755)
        for linker, cmd in (("exact", "skillgraph"), ("hybrid", str(wrapper))):
            args = [sys.executable, str(SHARED / "tools" / "eval_gold.py"), "--gold", str(GOLD),
                    "--postings", str(path), "--cmd", cmd, "-v" if a.verbose else "--json"]
            out = subprocess.run(args, capture_output=True, text=True, env=os.environ)
            if a.verbose:
                print(f"== {linker}\n{out.stdout}")
            else:
                print(json.dumps({"linker": linker, **json.loads(out.stdout.strip().splitlines()[-1])}, sort_keys=True))
        print(json.dumps(discovered(path, a.verbose), sort_keys=True))
    return 0


def discovered(path: Path, verbose: bool) -> dict:
    """How many of the gold's skills the ontology lacks ``skillgraph discover`` lists: as a group of
    their own (a variant with the same group key as one of the item's terms), or only inside a longer
    group (the term's words, as the linker normalises them, a run of a variant's)."""
    from skillgraph.discover import group_key
    from skillgraph.extraction.link import words

    gold = json.loads(GOLD.read_text(encoding="utf-8"))["postings"]
    items = [it for g in gold.values() for it in g["skills"]]
    terms = sorted({t for it in items for t in it["any"]})
    looked = json.loads(subprocess.run(["skillgraph", "ontology", "lookup", *terms, "--format", "json"],
                                       capture_output=True, text=True, check=True).stdout)
    unknown = [it for it in items if not any(looked.get(t) for t in it["any"])]
    groups = json.loads(subprocess.run(["skillgraph", "discover", str(path), "--format", "json"],
                                       capture_output=True, text=True, check=True).stdout)
    own = {v["text"]: tuple(words(v["text"])) for g in groups for v in g["variants"]}
    keys = {group_key(t) for t in own}

    def inside(k: tuple, v: tuple) -> bool:
        return any(v[i:i + len(k)] == k for i in range(len(v) - len(k) + 1))

    n_own = n_inside = 0
    for it in unknown:
        ks = [k for k in (tuple(words(t)) for t in it["any"]) if k]
        if any(group_key(t) in keys for t in it["any"] if group_key(t)):
            n_own += 1
            continue
        hit = next((t for t, v in own.items() for k in ks if inside(k, v)), None)
        n_inside += hit is not None
        if verbose:
            print(f"discover: {it['any'][0]!r} " + (f"only inside {hit!r}" if hit else "not listed"))
    return {"discover": "unknown gold skills", "unknown": len(unknown), "own_group": n_own,
            "inside_longer": n_inside, "groups": len(groups)}


if __name__ == "__main__":
    sys.exit(main())
