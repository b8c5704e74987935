"""``build --engine spark`` (skillgraph.engines.build) on the shared local[2] session against the local build:
the same graph files on the seeds, the same mentions on 10k postings, the same one-line errors and skip counts."""
from __future__ import annotations

import json
import os

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from skillgraph.engines.aggregates import TABLES
from skillgraph.engines.build import build_spark
from skillgraph.errors import InputError
from skillgraph.pipeline import build, extract_paths


def _parts(folder) -> list[bytes]:
    """The bytes of a Spark-written table's part files, in part order (their names hold a random uuid)."""
    return [p.read_bytes() for p in sorted(folder.glob("part-*.parquet"))]


def _rows(folder) -> list[tuple]:
    return [tuple(r.values()) for r in pq.read_table(folder).to_pylist()]


@pytest.fixture(scope="module")
def seeds_builds(spark, root, tmp_path_factory):
    tmp = tmp_path_factory.mktemp("seeds")
    local = build([root / "seeds"], out=tmp / "local")
    on_spark = build_spark([root / "seeds"], out=tmp / "spark", spark=spark, partitions=3)
    return tmp, local, on_spark


def test_seeds_graph_and_turtle_byte_identical_to_local_build(seeds_builds):
    tmp, local, on_spark = seeds_builds
    for name in ("graph.json", "skillgraph.ttl", "summary.md", "graph.html"):
        assert (tmp / "spark" / name).read_bytes() == (tmp / "local" / name).read_bytes(), name
    assert on_spark.graph.number_of_nodes() == local.graph.number_of_nodes()
    assert not (tmp / "spark" / "mentions.jsonl").exists()


def test_seeds_tables_hold_the_local_mentions_in_order(seeds_builds):
    tmp, local, _ = seeds_builds
    from skillgraph.engines.tables import mention_rows

    want = [tuple(r.values()) for x in local.extractions for r in mention_rows(x)]
    want.sort(key=lambda r: r[:1])        # files and postings in reading order; the seeds are one each
    got = _rows(tmp / "spark" / "mentions.parquet")
    assert sorted(got, key=repr) == sorted(want, key=repr) and len(got) > 200
    for part in (tmp / "spark" / "mentions.parquet").glob("part-*.parquet"):    # each file in reading order
        rows = _rows(part)
        assert [(r[0], r[4]) for r in rows] == sorted((r[0], r[4]) for r in rows)
    assert len(list((tmp / "spark" / "mentions.parquet").glob("part-*.parquet"))) <= 3
    ids = [r["id"] for r in pq.read_table(tmp / "spark" / "postings.parquet").to_pylist()]
    assert sorted(ids) == sorted(x.posting.id for x in local.extractions) and len(ids) == 5
    for name in TABLES:
        assert pq.read_table(tmp / "spark" / f"{name}.parquet").num_rows > 0, name


def test_aggregated_graph_above_max_roles_counts_the_local_roles(spark, root, seeds_builds, tmp_path):
    tmp, local, _ = seeds_builds
    lines = []
    res = build_spark([root / "seeds"], out=tmp_path / "agg", spark=spark, partitions=3, max_roles=4,
                      on_written=lambda w: lines.append(w.detail))
    G, L = res.graph, local.graph
    assert G.graph["aggregated"] is True and G.graph["postings"] == 5
    assert not [n for n, d in G.nodes(data=True) if d["kind"] == "role"]
    assert any("aggregated: 5 postings > --max-roles 4" in d for d in lines)
    # company → skill: the number of the company's roles asking for the skill, as in the local graph
    want: dict[tuple[str, str], int] = {}
    for c, r, d in L.edges(data=True):
        if d["rel"] == "has_role":
            for s in (s for s, e in L.adj[r].items() if e["rel"] == "requires"):
                want[(c, s)] = want.get((c, s), 0) + 1
    got = {(u, v): d["count"] for u, v, d in G.edges(data=True) if d["rel"] == "requires"}
    assert got == want and len(got) > 50
    assert {d["demand"] for n, d in G.nodes(data=True) if d["kind"] == "skill" and d["used"]} >= {1, 5}
    # the same input → the same Parquet bytes (sorted, fixed partitions, no timestamps)
    for name in ("mentions", "postings", *TABLES):
        assert _parts(tmp_path / "agg" / f"{name}.parquet") == _parts(tmp / "spark" / f"{name}.parquet"), name


def _bad_inputs(folder):
    folder.mkdir()
    (folder / "a.jsonl").write_text('{"id": "a", "text": "We need Python and PyTorch."}\n{"id": "b"}\n'
                                    'not json\n{"id": "c", "text": "Kubernetes and SQL required."}\n')
    (folder / "b.csv").write_text('id,text\nr1,"Spark and Scala"\nr2,\n')
    pq.write_table(pa.table({"title": ["ML Engineer", "x"], "text": ["PyTorch and CUDA.", None]}),
                   folder / "c.parquet")
    (folder / "d.parquet").write_bytes(b"PAR1 not really")
    (folder / "e.txt").write_text("\u200b\n", encoding="utf-8")      # a blank posting file: kept, said
    return folder


def test_bad_record_same_one_line_error_and_skip_counts(spark, tmp_path):
    src = _bad_inputs(tmp_path / "in")
    with pytest.raises(InputError) as want:
        build([src], out=tmp_path / "l1")
    with pytest.raises(InputError) as got:
        build_spark([src], out=tmp_path / "s1", spark=spark, partitions=2)
    assert str(got.value) == str(want.value)
    assert str(got.value).startswith(f"{src / 'a.jsonl'}:2: line 2 has no text field")
    assert not (tmp_path / "s1").exists()
    logs = {}
    for name, run in (("local", build), ("spark", build_spark)):
        warned, said = [], []
        kw = {"spark": spark, "partitions": 2} if name == "spark" else {}
        res = run([src], out=tmp_path / name, skip_bad=True, warn=warned.append, summary=said.append, **kw)
        logs[name] = (warned, said, sorted(x.posting.source for x in res.extractions))
    assert logs["spark"] == logs["local"]
    # b.csv's r2, c.parquet's second record and e.txt are blank: kept as postings with no skills, said
    assert logs["spark"][1] == ["read 10 postings: 7 kept, 3 skipped"]
    assert len(logs["spark"][0]) == 6 and any("d.parquet: unreadable Parquet file" in w for w in logs["spark"][0])
    kept_blank = [w for w in logs["spark"][0] if "; kept as a posting with no skills" in w]
    assert [w.split(": ")[0] for w in kept_blank] == [f"{src / 'b.csv'}:3", f"{src / 'c.parquet'}",
                                                      f"{src / 'e.txt'}"]


def test_stdin_refused_on_spark(spark, tmp_path):
    with pytest.raises(InputError, match=r"^-: the Spark engine reads files, not standard input — "):
        build_spark(["-"], out=tmp_path / "o", spark=spark)


def _many(root, n: int) -> list[dict]:
    """``n`` postings made deterministically from the seeds' lines (each its own mix and id)."""
    lines = [ln for p in sorted((root / "seeds").glob("*.txt")) for ln in p.read_text(encoding="utf-8").splitlines()]
    return [{"id": f"g{i:05d}", "title": f"Role {i % 97}", "company": f"Co {i % 13}",
             "text": "\n".join(lines[(i * 7 + j * 3) % len(lines)] for j in range(5 + i % 17))} for i in range(n)]


MANY = int(os.environ.get("SKILLGRAPH_SPARK_POSTINGS", "3000"))
"""Postings of the both-engines test: 10,000 took 122 s here (2 cores shared), over the 60 s a test may
take, so 3,000 by default; ``SKILLGRAPH_SPARK_POSTINGS=10000`` runs the issue's 10k (it passes)."""


def test_many_postings_same_mentions_on_both_engines(spark, root, tmp_path):
    src = tmp_path / "many.jsonl"
    src.write_text("".join(json.dumps(r) + "\n" for r in _many(root, MANY)), encoding="utf-8")
    from skillgraph.engines.tables import mention_rows

    _, xs = extract_paths([src])
    want = sorted((tuple(r.values()) for x in xs for r in mention_rows(x)), key=repr)
    res = build_spark([src], out=tmp_path / "o", spark=spark, partitions=4, max_roles=MANY - 1)   # aggregated
    got = sorted(_rows(tmp_path / "o" / "mentions.parquet"), key=repr)
    assert len(want) > 5 * MANY
    assert got == want
    assert res.graph.graph["aggregated"] and res.graph.graph["postings"] == MANY
