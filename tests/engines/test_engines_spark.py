"""skillgraph.engines.spark on a real local[2] session: the same mentions as the local Extractor."""
from __future__ import annotations

from skillgraph.engines import spark as engine
from skillgraph.extraction.extractor import Extractor
from skillgraph.model import Posting
from skillgraph.ontology import load_ontology


def _postings(root, n: int) -> list[tuple[str, str]]:
    """``n`` postings made from the seeds: each a deterministic mix of seed lines."""
    lines = [ln for p in sorted((root / "seeds").glob("*.txt"))
             for ln in p.read_text(encoding="utf-8").splitlines()]
    out = []
    for i in range(n):
        k = 5 + i % 17
        out.append((f"g{i:04d}", "\n".join(lines[(i * 7 + j * 3) % len(lines)] for j in range(k))))
    return out


def _local(rows, ont):
    ex = Extractor(ont)
    got = []
    for pid, text in rows:
        x = ex.extract(Posting(id=pid, source=pid, text=text))
        got.extend((pid, m.concept, m.label, m.text, m.start, m.end, m.sentence_start, m.sentence_end,
                    m.section, m.requirement, m.score, m.how) for m in x.mentions)
    return sorted(got, key=repr)


def test_mentions_match_local_extract(spark, root):
    rows = _postings(root, 300)
    ont = load_ontology()
    df = spark.createDataFrame(rows, "id string, text string").repartition(3)
    mentions, postings = engine.extract_dataframe(df, ont)
    got = sorted((tuple(r) for r in mentions.collect()), key=repr)
    want = _local(rows, ont)
    assert len(want) > 300
    assert got == want
    assert sorted(r["id"] for r in postings.collect()) == sorted(pid for pid, _ in rows)


def test_extractor_built_once_per_ontology():
    ont = load_ontology()
    data = engine.ontology_bytes(ont)
    assert engine.extractor_for(data) is engine.extractor_for(data)
