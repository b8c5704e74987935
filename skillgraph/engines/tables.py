"""Extractions as flat tables, the same on both engines: one row per mention and one per posting, their
Arrow/Spark schemas, and the atomic Parquet writer of ``skillgraph extract --format parquet``.

pyarrow is imported only inside the functions that need it (the extra ``skillgraph[spark]``).
"""
from __future__ import annotations

import os
import tempfile
from pathlib import Path

__all__ = ["MENTION_COLUMNS", "MENTION_DDL", "POSTING_DDL", "mention_rows", "posting_row", "write_parquet"]

MENTION_COLUMNS = ("posting", "concept", "label", "text", "start", "end", "sentence", "section", "requirement",
                   "score", "how")

MENTION_FIELDS = ("concept string, label string, text string, start int, end int, sentence string, "
                  "section string, requirement string, score double, how string")
MENTION_DDL = "posting string, " + MENTION_FIELDS
"""Spark DDL of ``mentions.parquet`` (and of ``extract --format parquet``)."""

POSTING_DDL = ("id string, source string, title string, company string, locations array<string>, "
               "seniority string, work_mode string, min_years int, degrees array<string>, "
               "salary_low double, salary_high double, salary_currency string, salary_period string, "
               "repaired boolean, teams array<struct<name: string, role: string, parent: string>>, "
               "extra map<string, string>")
"""Spark DDL of ``postings.parquet``."""


def mention_rows(x) -> list[dict]:
    """One dict per mention of extraction ``x`` (:data:`MENTION_COLUMNS`)."""
    pid = x.posting.id
    return [{"posting": pid, "concept": m.concept, "label": m.label, "text": m.text, "start": m.start,
             "end": m.end, "sentence": m.sentence, "section": m.section, "requirement": m.requirement,
             "score": m.score, "how": m.how}
            for m in x.mentions]


def posting_row(x) -> dict:
    """The posting of extraction ``x`` as one row of ``postings.parquet``."""
    p, s = x.posting, x.posting.salary
    return {"id": p.id, "source": p.source, "title": p.title, "company": p.company,
            "locations": list(p.locations), "seniority": p.seniority, "work_mode": p.work_mode,
            "min_years": p.min_years, "degrees": list(p.degrees),
            "salary_low": s.low if s else None, "salary_high": s.high if s else None,
            "salary_currency": s.currency if s else None, "salary_period": s.period if s else None,
            "repaired": p.repaired,
            "teams": [{"name": t.name, "role": t.role, "parent": t.parent} for t in x.teams],
            "extra": dict(p.extra)}


def arrow_type(ddl: str):
    """The pyarrow type of a DDL type (the small subset the schemas here use)."""
    import pyarrow as pa

    ddl = ddl.strip()
    simple = {"string": pa.string(), "int": pa.int32(), "bigint": pa.int64(), "double": pa.float64(),
              "boolean": pa.bool_(), "binary": pa.binary()}
    if ddl in simple:
        return simple[ddl]
    if ddl.startswith("array<"):
        return pa.list_(arrow_type(ddl[6:-1]))
    if ddl.startswith("map<"):
        k, v = _split(ddl[4:-1])
        return pa.map_(arrow_type(k), arrow_type(v))
    if ddl.startswith("struct<"):
        return pa.struct([(n.strip(), arrow_type(t)) for n, t in
                          (f.split(":", 1) for f in _split(ddl[7:-1]))])
    raise ValueError(f"unsupported DDL type {ddl!r}")


def arrow_schema(ddl: str):
    """The pyarrow schema of a Spark DDL string such as :data:`MENTION_DDL`."""
    import pyarrow as pa

    return pa.schema([(name, arrow_type(t)) for name, t in (f.strip().split(" ", 1) for f in _split(ddl))])


def _split(s: str) -> list[str]:
    """Split at top-level commas."""
    out, depth, cur = [], 0, ""
    for ch in s:
        depth += ch == "<"
        depth -= ch == ">"
        if ch == "," and depth == 0:
            out.append(cur)
            cur = ""
        else:
            cur += ch
    return out + [cur] if cur.strip() else out


def write_parquet(rows: list[dict], ddl: str, path: str | os.PathLike) -> int:
    """Write ``rows`` as one Parquet file atomically (temp file + rename); returns the row count."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    table = pa.Table.from_pylist(rows, schema=arrow_schema(ddl))
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    os.close(fd)
    try:
        pq.write_table(table, tmp)
        os.replace(tmp, path)
    except BaseException:
        os.unlink(tmp)
        raise
    return table.num_rows
