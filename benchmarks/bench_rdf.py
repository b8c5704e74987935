"""RDF at scale: export a synthetic ~1M-triple graph, parse it back, import ESCO. Prints numbers.

    python benchmarks/bench_rdf.py [--roles 3000] [--esco /work/shared/data/esco-v1.1.1]

Goal from the RDF issue: Turtle export of 1M triples in ≤ 5 s (rdflib's own writer ≈ 45 s).
"""
from __future__ import annotations

import argparse
import random
import resource
import tempfile
import time
from pathlib import Path

import networkx as nx

from skillgraph import export as rdf
from skillgraph.export.convert import to_oxigraph
from skillgraph.export.turtle import grouped_turtle
from skillgraph.vocab import SKILL


def rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def synthetic(roles: int, skills: int = 2000, per_role: int = 15, seed: int = 0) -> nx.DiGraph:
    rnd = random.Random(seed)
    G = nx.DiGraph(ontology_version="bench", ontology_files=["ontology/skills/scheme.ttl"], postings=roles)
    for i in range(skills):
        G.add_node(f"skill:s{i}", kind="skill", label=f"skill {i}", iri=f"{SKILL}s{i}",
                   definition=None, skill_kind="method", alt_labels=[f"s{i}"], demand=0, used=True)
        if i >= 20:
            G.add_edge(f"skill:s{i}", f"skill:s{rnd.randrange(20)}", rel="broader")
    for t in range(200):
        G.add_node(f"team:t{t}", kind="team", label=f"Team {t}", aliases=[])
    G.add_node("company:acme", kind="company", label="Acme", aliases=[])
    levels = ("required", "responsibility", "preferred", "context")
    for r in range(roles):
        rid, pid = f"role:{r:06d}", f"{r:06d}"
        G.add_node(rid, kind="role", label=f"Engineer {r}", title=f"Engineer {r}", posting=pid,
                   source=f"postings/{pid}.txt", company="Acme", locations=["Remote"], seniority="senior",
                   work_mode="remote", min_years=3, degrees=["master"], salary=None)
        G.add_edge("company:acme", rid, rel="has_role")
        G.add_edge(rid, f"team:t{rnd.randrange(200)}", rel="belongs_to", evidence=[
            {"posting": pid, "start": 0, "end": 6, "text": "Team X", "sentence": "Join Team X."}])
        for s in rnd.sample(range(skills), per_role):
            evs = []
            for k in range(rnd.choice((1, 2))):
                st = rnd.randrange(5000)
                lvl = rnd.choice(levels)
                evs.append({"posting": pid, "start": st, "end": st + 8, "text": f"skill {s}",
                            "sentence": f"Experience with skill {s} and more {k}.", "section": "qualifications",
                            "requirement": lvl})
            evs.sort(key=lambda e: e["start"])
            G.add_edge(rid, f"skill:s{s}", rel="requires", level=min((e["requirement"] for e in evs),
                                                                      key=levels.index),
                       count=len(evs), evidence=evs)
    return G


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--roles", type=int, default=2300)
    ap.add_argument("--esco", default="/work/shared/data/esco-v1.1.1")
    ap.add_argument("--rdflib", action="store_true", help="also time rdflib's own Turtle writer (slow)")
    a = ap.parse_args()
    tmp = Path(tempfile.mkdtemp())

    t = time.perf_counter()
    G = synthetic(a.roles)
    print(f"synthetic graph: {G.number_of_nodes():,} nodes, {G.number_of_edges():,} edges "
          f"in {time.perf_counter() - t:.1f} s (rss {rss_mb():.0f} MB)")

    t = time.perf_counter()
    grouped = rdf.grouped_triples(G)
    t_triples = time.perf_counter() - t
    t = time.perf_counter()
    data = grouped_turtle(grouped, rdf.prefixes())
    t_ser = time.perf_counter() - t
    n = sum(len(pos) for _, pos in grouped)
    print(f"triples: {n:,} built+grouped+sorted in {t_triples:.2f} s; Turtle text {t_ser:.2f} s; "
          f"{len(data) / 1e6:.0f} MB (rss {rss_mb():.0f} MB)")
    t = time.perf_counter()
    ox_ttl = to_oxigraph(rdf.rdf_triples(G))
    import pyoxigraph as ox
    ox.serialize(ox_ttl, format=ox.RdfFormat.TURTLE, prefixes=rdf.prefixes())
    print(f"(for comparison) through pyoxigraph objects + serializer: {time.perf_counter() - t:.2f} s")
    del grouped, data

    out = tmp / "g.ttl"
    t = time.perf_counter()
    n = rdf.write_rdf(G, out)
    print(f"write_rdf turtle (end to end): {n:,} triples in {time.perf_counter() - t:.2f} s "
          f"(rss {rss_mb():.0f} MB)")
    t = time.perf_counter()
    rdf.write_rdf(G, tmp / "g.nt", fmt="nt")
    print(f"write_rdf n-triples: {time.perf_counter() - t:.2f} s")
    t = time.perf_counter()
    rdf.write_rdf(G, tmp / "g.jsonld", fmt="jsonld")
    print(f"write_rdf json-ld: {time.perf_counter() - t:.2f} s (rss {rss_mb():.0f} MB)")

    import pyoxigraph as ox

    t = time.perf_counter()
    k = sum(1 for _ in ox.parse(path=str(out), format=ox.RdfFormat.TURTLE))
    print(f"pyoxigraph parse: {k:,} triples in {time.perf_counter() - t:.2f} s")
    t = time.perf_counter()
    H = rdf.read_rdf(out)
    print(f"read_rdf -> networkx: {H.number_of_nodes():,} nodes, {H.number_of_edges():,} edges in "
          f"{time.perf_counter() - t:.2f} s (rss {rss_mb():.0f} MB)")
    del H
    t = time.perf_counter()
    cols, rows = rdf.sparql(out, "SELECT ?s (COUNT(?r) AS ?n) WHERE { ?r sg:requires ?s } "
                                 "GROUP BY ?s ORDER BY DESC(?n) LIMIT 5")
    print(f"sparql (load + top-5 demand): {time.perf_counter() - t:.2f} s")
    if a.rdflib:
        g = rdf.graph_to_rdf(G)
        t = time.perf_counter()
        g.serialize(tmp / "rdflib.ttl", format="turtle")
        print(f"rdflib Turtle writer: {time.perf_counter() - t:.1f} s")

    esco_dir = Path(a.esco)
    if esco_dir.is_dir():
        from skillgraph.esco import import_esco

        stats = import_esco(esco_dir, tmp / "esco.ttl")
        print(f"ESCO import: {stats['concepts']:,} concepts, {stats['alt_labels']:,} altLabels, "
              f"{stats['broader']:,} broader, {stats['triples']:,} triples in {stats['seconds']:.2f} s")
    print(f"peak rss: {rss_mb():.0f} MB")


if __name__ == "__main__":
    main()
