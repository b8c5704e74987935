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
