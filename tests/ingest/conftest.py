"""Fixtures of the ingest tests: the seed postings by number, and reading a file that holds one posting."""
from __future__ import annotations

import pytest

from skillgraph.ingest import read_postings


@pytest.fixture(scope="session")
def seed(root):
    """{"000": <path of seeds/000_….txt>, …}."""
    return {p.name[:3]: p for p in sorted((root / "seeds").glob("*.txt"))}


@pytest.fixture(scope="session")
def seed_text(seed):
    """The text of seed ``key``, decoded as UTF-8."""
    def text(key: str) -> str:
        return seed[key].read_bytes().decode("utf-8")
    return text


@pytest.fixture(scope="session")
def read_one():
    """Read ``path`` and return its one posting (fails when there is not exactly one)."""
    def read(path, **kw):
        out = list(read_postings([path], **kw))
        assert len(out) == 1, out
        return out[0]
    return read
