#!/usr/bin/env python3
"""Graph scale: build_graph, the overlap matrix and 100 gap queries on a synthetic corpus.

    python benchmarks/bench_graph.py [--postings 100000] [--seed 7]

Corpus: the five seeds are extracted for real (the shipped ontology); their extraction output is
the template for N synthetic postings. Each synthetic posting asks for as many skills as a seed
does (± 30 %), drawn from a Zipf(1.1) distribution over all the shipped ontology's concepts, with
the seeds' own concepts as the most popular head; 1–3 mentions per skill with their own sentence
strings (so evidence costs what it would on real text), levels in the seeds' proportions, a
company out of 400 (Zipf sizes), a team out of 5 per company (one in three part of another), a
product out of 60, sometimes a collaborating team.

Measured, one process, on this machine:
  * build_graph over all postings
  * overlap matrix by team (every pair of ~2,000 teams; numpy) — a matrix over 100k roles would be
    5·10^9 pairs, so the library refuses it above 10^7 pairs and points at --by team / similar
  * 100 gap queries: 80 role → role and 20 team → role, random pairs
  * for information: 10 `similar ROLE` queries (inverted index over the role's skills)
  * `similar ROLE` per query at this many roles (goal, issue 10: <= 200 ms at 100k): the sparse role ×
    skill matrix (its one-off build timed apart) against the old inverted index, same 20 random
    roles, same process, rows checked equal
The corpus is a generator: build_graph reads each synthetic posting once as it is made, and no
list of them is ever held (``--materialize`` makes the list first, as a caller that already has
one would, to show what that costs). Time spent making postings is measured inside the generator
and subtracted from the build time.

Memory, measured honestly: after each step the process's resident set now (``VmRSS`` from
/proc/self/status) and its high-water mark so far (``resource.getrusage(RUSAGE_SELF).ru_maxrss``,
the kernel's peak RSS of the whole process: interpreter, ontology, corpus generator, graph).
``--tracemalloc`` also reports the Python-heap peak of the build step (tracemalloc; slows the
build 2-3x, so times are not comparable then). Goal (issue 3): build + matrix + 100 gaps <= 2 min
and peak RSS <= 3 GB.
"""
from __future__ import annotations

import argparse
import random
import resource
import sys
import time
import tracemalloc
from collections import Counter
from pathlib import Path
from typing import Iterator

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from skillgraph.graph import build_graph  # noqa: E402
from skillgraph.model import Extraction, Mention, Posting, TeamMention  # noqa: E402
from skillgraph.ontology import load_ontology  # noqa: E402
from skillgraph.query import gap, overlap_matrix, similar  # noqa: E402
from skillgraph.query.role_matrix import role_matrix  # noqa: E402
from skillgraph.query.similarity import _similar_roles, similar_roles_index  # noqa: E402


def peak_mb() -> float:
    """Peak RSS of this process so far, MB (ru_maxrss is in KiB on Linux)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def rss_mb() -> float:
    """Resident set size now, MB."""
    try:
        with open("/proc/self/status") as fh:
            for line in fh:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return float("nan")


def mem() -> str:
    return f"RSS {rss_mb():,.0f} MB, peak {peak_mb():,.0f} MB"


class Stats:
    postings = mentions = 0
    seconds = 0.0   # spent making postings (inside the generator)


def seed_extractions(ont):
    from skillgraph.extraction import extract_all
    from skillgraph.ingest import read_postings

    return extract_all(list(read_postings([ROOT / "seeds"])), ont)


def synthetic(n: int, ont, seeds, rng: random.Random, stats: Stats) -> Iterator[Extraction]:
    """The corpus, made lazily: the set-up runs now, each posting when it is asked for."""
    head = list(dict.fromkeys(m.concept for x in seeds for m in x.mentions))
    tail = sorted(set(ont.concepts) - set(head))
    rng.shuffle(tail)
    concepts = head + tail
    cum, acc = [], 0.0
    for r in range(len(concepts)):
        acc += 1 / (r + 1) ** 1.1
        cum.append(acc)
    sizes = [len(x.skills) for x in seeds]
    levels = Counter(m.requirement for x in seeds for m in x.mentions)
    lv, lw = list(levels), [levels[k] for k in levels]
    sentences = [m.sentence for x in seeds for m in x.mentions]
    titles = sorted({x.posting.title for x in seeds if x.posting.title}) + [
        "Data Scientist", "ML Engineer", "Research Scientist", "Data Engineer", "Analytics Engineer"]
    companies = [f"Company {i}" for i in range(400)]
    ccum = [sum(1 / (r + 1) for r in range(i + 1)) for i in range(len(companies))]
    products = [f"Product {i}" for i in range(60)]
    label = {c: ont[c].label for c in concepts}
    clock = time.perf_counter

    def gen():
        for i in range(n):
            t = clock()
            x = make(i)
            stats.seconds += clock() - t
            stats.postings += 1
            stats.mentions += len(x.mentions)
            yield x

    def make(i: int) -> Extraction:
        k = max(3, round(rng.choice(sizes) * rng.uniform(0.7, 1.3)))
        picked = list(dict.fromkeys(rng.choices(concepts, cum_weights=cum, k=k)))
        mentions, pos = [], 0
        own = [f"{rng.choice(sentences)} [{i}:{j}]" for j in range(max(1, k * 13 // 25))]  # this posting's
        for c in picked:
            for _ in range(1 + (rng.random() < 0.3) + (rng.random() < 0.1)):
                s = rng.choice(own)
                mentions.append(Mention(c, label[c], label[c], pos, pos + len(label[c]), s, "Requirements",
                                        rng.choices(lv, lw)[0]))
                pos += 120
        comp = rng.choices(companies, cum_weights=ccum)[0]
        t = rng.randrange(5)
        teams = [TeamMention(f"{comp} team {t}", "member", pos, pos + 10, "You will join the team.",
                             parent=f"{comp} team 0" if t and t % 3 == 0 else None)]
        if rng.random() < 0.3:
            teams.append(TeamMention(f"{comp} team {rng.randrange(5)}", "collaborator", pos + 20, pos + 30,
                                     "You will partner with the team."))
        if rng.random() < 0.5:
            teams.append(TeamMention(rng.choice(products), "product", pos + 40, pos + 50, "You will work on it."))
        p = Posting(id=f"syn{i:06d}", source=f"bench:{i}", text="", title=rng.choice(titles), company=comp)
        return Extraction(p, tuple(mentions), tuple(teams))

    return gen()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--postings", type=int, default=100_000)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--materialize", action="store_true",
                    help="make the whole corpus as a list first (what a caller holding one pays)")
    ap.add_argument("--tracemalloc", action="store_true",
                    help="also report the Python-heap peak of build_graph (slows it 2-3x)")
    a = ap.parse_args()
    rng = random.Random(a.seed)

    t = time.perf_counter()
    ont = load_ontology()
    seeds = seed_extractions(ont)
    stats = Stats()
    xs = synthetic(a.postings, ont, seeds, rng, stats)
    print(f"setup       {time.perf_counter() - t:>8.1f} s   ontology ({len(ont):,} concepts) and the seeds' "
          f"extraction; {mem()}")
    if a.materialize:
        xs = list(xs)
        print(f"corpus      {stats.seconds:>8.1f} s   {stats.postings:,} postings, {stats.mentions:,} mentions, "
              f"held as a list; {mem()}")

    if a.tracemalloc:
        tracemalloc.start()
    t0 = time.perf_counter()
    made = stats.seconds
    G = build_graph(xs, ont)
    t_build = time.perf_counter() - t0 - (stats.seconds - made)
    heap = ""
    if a.tracemalloc:
        heap = f"; Python heap peak {tracemalloc.get_traced_memory()[1] / 2**20:,.0f} MB (tracemalloc)"
        tracemalloc.stop()
    del xs
    if not a.materialize:
        print(f"corpus      {stats.seconds:>8.1f} s   {stats.postings:,} postings, {stats.mentions:,} mentions, "
              f"made one at a time while building (time not counted in build_graph)")
    kinds = Counter(d["kind"] for _, d in G.nodes(data=True))
    print(f"build_graph {t_build:>8.1f} s   {G.number_of_nodes():,} nodes ({dict(sorted(kinds.items()))}), "
          f"{G.number_of_edges():,} edges; {mem()}{heap}")

    t0 = time.perf_counter()
    rows = overlap_matrix(G, by="team", limit=1000)
    t_matrix = time.perf_counter() - t0
    print(f"matrix      {t_matrix:>8.1f} s   {kinds['team']:,} teams, every pair scored and ranked, "
          f"top {len(rows):,} kept; "
          f"top: {rows[0]['a']} ~ {rows[0]['b']} {rows[0]['weighted']}; {mem()}")

    roles = sorted(n for n, d in G.nodes(data=True) if d["kind"] == "role")
    teams = sorted(n for n, d in G.nodes(data=True) if d["kind"] == "team")
    pairs = [(rng.choice(roles), rng.choice(roles)) for _ in range(80)] + \
            [(rng.choice(teams), rng.choice(roles)) for _ in range(20)]
    t0 = time.perf_counter()
    cov = [gap(G, f, to).coverage for f, to in pairs]
    t_gap = time.perf_counter() - t0
    print(f"100 gaps    {t_gap:>8.1f} s   ({t_gap * 10:.0f} ms each; mean coverage {sum(cov) / len(cov):.2f}); "
          f"{mem()}")

    t0 = time.perf_counter()
    for r in roles[:10]:
        similar(G, r, n=10)
    t_sim = time.perf_counter() - t0
    print(f"10 similar  {t_sim:>8.1f} s   ({t_sim * 100:.0f} ms each, the first builds the matrix; "
          "not part of the goal)")
    bench_similar(G, roles, rng)

    total = t_build + t_matrix + t_gap
    print(f"TOTAL       {total:>8.1f} s   build + matrix + 100 gaps (goal <= 120 s); "
          f"peak RSS {peak_mb():,.0f} MB (ru_maxrss, goal <= 3,072 MB)")


def bench_similar(G, roles: list[str], rng: random.Random, k: int = 20) -> None:
    """Per-query ms of ``similar ROLE``: sparse matrix against the old inverted index (same roles)."""
    from skillgraph.query import role_matrix as rm

    rm._CACHE.pop(G, None)          # the 10 similar above built it: time the build on its own
    t0 = time.perf_counter()
    role_matrix(G)
    t_m = time.perf_counter() - t0
    picks = [rng.choice(roles) for _ in range(k)]
    t0 = time.perf_counter()
    new = [_similar_roles(G, r, 10) for r in picks]
    t_new = (time.perf_counter() - t0) / k
    t0 = time.perf_counter()
    old = [similar_roles_index(G, r, 10) for r in picks]
    t_old = (time.perf_counter() - t0) / k
    same = "identical rows" if new == old else "ROWS DIFFER"
    print(f"similar     {t_new * 1000:>8.1f} ms a query at {len(roles):,} roles (goal <= 200 ms), old inverted "
          f"index {t_old * 1000:.0f} ms: {t_old / t_new:.1f}x faster, {same}; matrix built once in {t_m:.1f} s")


if __name__ == "__main__":
    main()
