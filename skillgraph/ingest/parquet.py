"""A Parquet file's rows -> postings, each row a record as a CSV row is (text/id/title/company/location
columns by name, the other columns kept in ``Posting.extra``). Rows are numbered 1, 2, … in file order:
a row without an id column becomes "<file name>:<row>", as a CSV row does with its line.

pyarrow (the extra ``skillgraph[spark]``) is imported only here, when a .parquet file is read.
"""
from __future__ import annotations

import io
import re
from typing import Iterator

from ..model import Posting
from .fields import DEFAULT_FIELDS, FieldNames
from .problems import Sink, input_error
from .records import records_to_postings

__all__ = ["read_parquet", "unreadable"]

_SOURCE = re.compile(r"^Could not open Parquet input source '[^']*': ")


def unreadable(path: str, exc: Exception):
    """The one-line error of a damaged Parquet file (the same whether pyarrow read it from bytes or a path:
    its "Could not open Parquet input source '<Buffer>'" prefix is dropped)."""
    what = _SOURCE.sub("", str(exc).splitlines()[0] if str(exc) else type(exc).__name__)
    return input_error(path, None, f"unreadable Parquet file ({what})",
                       "write it again with pyarrow or Spark, or convert it to .jsonl")


def read_parquet(data: bytes, path: str, name: str, sink: Sink,
                 names: FieldNames = DEFAULT_FIELDS) -> Iterator[Posting]:
    try:
        import pyarrow.parquet as pq
    except ImportError:
        sink.fail(input_error(path, None, "reading Parquet needs pyarrow", "pip install 'skillgraph[spark]'"))
        return
    try:
        table = pq.read_table(io.BytesIO(data))
    except Exception as exc:  # pyarrow raises ArrowInvalid, OSError, … for a damaged file
        sink.fail(unreadable(path, exc))
        return
    yield from records_to_postings(enumerate(table.to_pylist(), 1), path, name, sink, False, numbered_by="record",
                                   names=names)
