"""Fixtures every test folder may use: where the project and ``../shared`` are.

Data paths are relative to the project root (``../shared`` beside it, as CI lays it out); a test that
needs shared data skips with the reason when it is absent.
"""
from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def root() -> Path:
    """The project root (where pyproject.toml, seeds/ and outputs/ are)."""
    return ROOT


@pytest.fixture(scope="session")
def shared_data() -> Path:
    """``../shared/data`` (ESCO, O*NET, SkillSpan, postings-dev); skips the test when it is absent."""
    d = SHARED / "data"
    if not d.is_dir():
        pytest.skip(f"{d}: not present (the shared data folder beside the project)")
    return d


@pytest.fixture(scope="session", autouse=True)
def _embedding_cache(tmp_path_factory):
    """The semantic linker's label matrices go to a session folder, never the user's ~/.cache."""
    import os

    old = os.environ.get("XDG_CACHE_HOME")
    os.environ["XDG_CACHE_HOME"] = str(tmp_path_factory.mktemp("xdg-cache"))
    yield
    if old is None:
        os.environ.pop("XDG_CACHE_HOME", None)
    else:
        os.environ["XDG_CACHE_HOME"] = old
