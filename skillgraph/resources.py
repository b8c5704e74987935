"""Where the files skillgraph ships are: the ontology (``vocab.ttl``, ``shapes.ttl``, ``skills/*.ttl``).

They are package data (``skillgraph._ontology``, mapped from the project's top-level ``ontology/``
folder), found through :mod:`importlib.resources` — never by a path relative to the working directory
or the source tree — so an installed wheel works from any directory. ``SKILLGRAPH_ONTOLOGY_DIR`` points
the loader at another folder of the same shape instead.

Outputs name shipped files as ``ontology/<path>`` (:func:`display_name`), wherever the package lives,
so graphs and Turtle built from an installed wheel are byte-identical to ones built in a checkout.
"""
from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path

__all__ = ["display_name", "ontology_dir", "shapes_file", "skill_files", "vocab_file"]

ENV_DIR = "SKILLGRAPH_ONTOLOGY_DIR"


@lru_cache(maxsize=1)
def _package_dir() -> Path:
    from importlib.resources import files

    return Path(str(files("skillgraph._ontology")))


def ontology_dir() -> Path:
    """The folder holding ``vocab.ttl``, ``shapes.ttl`` and ``skills/`` (``$SKILLGRAPH_ONTOLOGY_DIR`` if set)."""
    env = os.environ.get(ENV_DIR)
    return Path(env) if env else _package_dir()


def skill_files(directory: Path | None = None) -> list[Path]:
    """The skill scheme files, sorted (``skills/*.ttl``)."""
    return sorted((directory or ontology_dir()).joinpath("skills").glob("*.ttl"))


def vocab_file() -> Path:
    return ontology_dir() / "vocab.ttl"


def shapes_file() -> Path:
    return ontology_dir() / "shapes.ttl"


def display_name(path: str | os.PathLike) -> str:
    """``ontology/skills/frontier-ai.ttl`` for a shipped file; other files as given, in POSIX form."""
    p = Path(path)
    for root in {ontology_dir(), _package_dir()}:
        try:
            return "ontology/" + p.resolve().relative_to(root.resolve()).as_posix()
        except ValueError:
            continue
    return p.as_posix()
