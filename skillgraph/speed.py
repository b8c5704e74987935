"""The one place for speed tricks: what each buys was measured (``benchmarks/``), and the code that
uses one says so by importing it from here.

- :func:`paused_gc` — the cyclic garbage collector off for the length of one bulk step. Extraction and
  graph building allocate millions of small objects and make no reference cycles, so the collector
  would only rescan the ontology and the results again and again: −30 % extraction time with ESCO
  loaded (``bench_extract.py``); the graph build holds millions of small dicts the collector would
  rescan the same way (``bench_graph.py``). It is a
  context manager that restores the previous state, and nesting is safe, so library functions that
  use it leave the process as they found it.
- :func:`shared_keys` — dict templates whose copies share one key table (CPython's split dicts):
  144 instead of 272 bytes for an evidence dict, which matters for millions of them (``bench_graph.py``).
- :func:`intern` — equal strings as one object (concept ids, sections, levels, titles).
"""
from __future__ import annotations

import gc
import sys
from contextlib import contextmanager
from typing import Iterator

__all__ = ["intern", "paused_gc", "shared_keys"]


@contextmanager
def paused_gc() -> Iterator[None]:
    """Switch the cyclic collector off inside the block; on exit it is on again if it was before."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def intern(s: str | None) -> str | None:
    """``sys.intern`` that lets None through."""
    return s if s is None else sys.intern(s)


def shared_keys(*keys: str) -> dict:
    """A dict of ``keys`` (values None) whose copies share one key table.

    CPython keeps the attribute dicts of one class's instances "split" (one key table, each dict
    just an array of values) and ``dict.copy()`` of a split dict stays split, also after the
    existing keys are assigned. So copies of this template, filled key by key, are ordinary dicts
    (same keys, order, equality, JSON) at about half the size: 144 instead of 272 bytes for an
    evidence dict. On other Pythons they are plain copies.
    """
    def init(self):
        for k in keys:
            setattr(self, k, None)

    cls = type("_SharedKeys", (), {"__init__": init})
    for _ in range(40):  # each new instance trims the shared table's spare room (to one slot)
        cls()
    return cls().__dict__
