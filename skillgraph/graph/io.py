"""The graph on disk: node-link ``graph.json`` (:func:`save_graph`, :func:`load_graph`) and the
extractions behind it, one a line (:func:`save_mentions` → ``mentions.jsonl``).

Both writers are deterministic (sorted records, sorted keys, no timestamps) and atomic
(:func:`skillgraph.outputs.atomic_file`: a unique temporary file next to the target, fsync, rename),
so a failed or killed write leaves any previous file as it was.
"""
from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Iterable

import networkx as nx

from skillgraph.errors import InputError
from skillgraph.model import Extraction, extraction_to_dict
from skillgraph.outputs import atomic_file

from .schema import check_graph

__all__ = ["load_graph", "save_graph", "save_mentions"]


def _dumps(x) -> str:
    return json.dumps(x, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def save_graph(G: nx.DiGraph, path: str | os.PathLike) -> None:
    """Write node-link JSON: nodes sorted by id, links by (source, target), one record a line.

    The same graph gives byte-identical files (no timestamps, sorted keys). Written to a
    temporary file first, so a failed write leaves any previous file as it was.
    """
    with atomic_file(path, "w", encoding="utf-8", newline="\n") as fh:
        fh.write('{"directed":true,"multigraph":false,"graph":' + _dumps(G.graph) + ',\n"nodes":[')
        for i, n in enumerate(sorted(G.nodes)):
            fh.write(("\n" if i == 0 else ",\n") + _dumps({"id": n, **G.nodes[n]}))
        fh.write('\n],\n"links":[')
        for i, (u, v) in enumerate(sorted(G.edges)):
            fh.write(("\n" if i == 0 else ",\n") + _dumps({"source": u, "target": v, **G.edges[u, v]}))
        fh.write("\n]}\n")


def save_mentions(extractions: Iterable[Extraction], path: str | os.PathLike) -> int:
    """Write one extraction dict a line (``extraction_to_dict``), sorted by posting id; returns the
    number of mentions written. Deterministic like :func:`save_graph`."""
    n = 0
    with atomic_file(path, "w", encoding="utf-8", newline="\n") as fh:
        for x in sorted(extractions, key=lambda x: x.posting.id):
            fh.write(json.dumps(extraction_to_dict(x), ensure_ascii=False) + "\n")
            n += len(x.mentions)
    return n


def _read_json(path: Path):
    try:
        with open(path, encoding="utf-8") as fh:
            return json.load(fh)
    except FileNotFoundError:
        raise InputError(f"{path}: no such graph file — run `skillgraph build` first "
                         f"(or pass --graph FILE / --postings PATH)") from None
    except IsADirectoryError:
        raise InputError(f"{path}: is a directory, not a graph file — pass the graph.json inside it") from None
    except json.JSONDecodeError as exc:
        raise InputError(f"{path}:{exc.lineno}:{exc.colno}: not valid JSON ({exc.msg}) — rebuild it "
                         f"with `skillgraph build`") from None
    except UnicodeDecodeError:
        raise InputError(f"{path}: not UTF-8 text — is it a graph.json written by `skillgraph build`?") from None
    except RecursionError:
        raise InputError(f"{path}: not a skillgraph graph: JSON nested too deeply — rebuild it with "
                         f"`skillgraph build`") from None
    except ValueError as exc:   # an integer of thousands of digits (int parsing's limit)
        raise InputError(f"{path}: not a skillgraph graph: {str(exc).splitlines()[0][:120]} — rebuild it "
                         f"with `skillgraph build`") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot be read ({exc.strerror or exc}) — check the file") from None


def load_graph(path: str | os.PathLike) -> nx.DiGraph:
    """Read a graph written by :func:`save_graph`. Problems raise :class:`InputError` (one line)."""
    path = Path(path)
    data = _read_json(path)
    check_graph(path, data)
    data["directed"], data["multigraph"] = True, False
    try:
        return nx.node_link_graph(data, edges="links")
    except Exception as exc:  # networkx raises assorted errors on malformed data
        raise InputError(f"{path}: cannot be read as a graph ({exc}) — rebuild it with `skillgraph build`") from None
