"""A person's skills from a file (:func:`load_profile` → :class:`Profile`): YAML, JSON or text,
each name resolved through the graph's skill labels, then through the ontology."""
from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

import networkx as nx

from skillgraph.errors import InputError, UnknownNodeError
from skillgraph.graph import node_name, resolve_node

__all__ = ["Profile", "load_profile"]


@dataclass(frozen=True)
class Profile:
    """A person's skills: concept ids, their labels, and parents of ids the graph does not hold."""

    name: str
    skills: tuple[str, ...]
    labels: dict = field(default_factory=dict)
    hierarchy: dict = field(default_factory=dict)   # concept id -> broader ids (only for ids not on G)
    source: str = ""


MAX_PROFILE_BYTES = 1_000_000   # a profile lists skills: a megabyte is far more than any person has
_LIST_HINT = "give a list of skill names, e.g. '- PyTorch' one a line"


def _parse_structured(path: Path, text: str):
    """The data of a JSON or YAML profile file; syntax errors, deep nesting and integers of
    thousands of digits raise :class:`InputError`."""
    try:
        if path.suffix.lower() == ".json":
            try:
                return json.loads(text)
            except json.JSONDecodeError as exc:
                raise InputError(f"{path}:{exc.lineno}: not valid JSON ({exc.msg}) — give a list of "
                                 f'skill names, e.g. ["PyTorch", "computer vision"]') from None
        import yaml

        try:
            return yaml.safe_load(text)
        except yaml.YAMLError as exc:
            line = getattr(getattr(exc, "problem_mark", None), "line", None)
            where = f"{path}:{line + 1}" if line is not None else str(path)
            raise InputError(f"{where}: not valid YAML — {_LIST_HINT}") from None
    except RecursionError:
        raise InputError(f"{path}: nested too deeply to be a profile — {_LIST_HINT}") from None
    except (ValueError, TypeError, OverflowError) as exc:   # int('9' * 5000) and the like
        raise InputError(f"{path}: not a profile ({str(exc).splitlines()[0][:100]}) — {_LIST_HINT}") from None


def _structured_items(path: Path, text: str) -> list[tuple[str, int]]:
    """(name, line) of a YAML/JSON list (or ``{skills: [...]}``); the line is where the name is written."""
    data = _parse_structured(path, text)
    if isinstance(data, dict):
        data = data.get("skills")
    if not isinstance(data, list) or not all(isinstance(x, (str, int, float)) and not isinstance(x, bool)
                                             for x in data):
        raise InputError(f"{path}: expected a list of skill names (or a mapping with 'skills: [...]')")
    lines = text.splitlines()
    out, at = [], 0
    for x in data:
        try:
            s = str(x).strip()
        except ValueError:   # an integer too long to print
            raise InputError(f"{path}: a number of thousands of digits is not a skill name — {_LIST_HINT}") from None
        ln = next((i for i in range(at, len(lines)) if s in lines[i]), None)
        if ln is None:
            ln = next((i for i in range(len(lines)) if s in lines[i]), -1)
        else:
            at = ln
        out.append((s, ln + 1))
    return [(s, ln) for s, ln in out if s]


def _profile_items(path: Path, text: str) -> list[tuple[str, int]]:
    if path.suffix.lower() in (".yaml", ".yml", ".json"):
        return _structured_items(path, text)
    out = []
    for i, line in enumerate(text.splitlines(), 1):
        s = line.split("#", 1)[0].strip()
        s = re.sub(r"^([-*•]|\d+[.)])\s+", "", s).strip()
        if s:
            out.append((s, i))
    return out


class _Resolver:
    """Skill names → concept ids, through the graph, then the ontology (loaded on first need)."""

    def __init__(self, G: nx.DiGraph | None, ontology):
        self.G, self.ontology, self.ont = G, ontology, None
        self.labels: dict[str, str] = {}
        self.hierarchy: dict[str, tuple[str, ...]] = {}

    def resolve(self, name: str) -> tuple[str | None, tuple]:
        """(concept id or None, candidate names for a did-you-mean)."""
        cid, cands = None, ()
        if self.G is not None:
            try:
                cid = resolve_node(self.G, name, ("skill",))
                self.labels[cid] = node_name(self.G, cid)
            except UnknownNodeError as exc:
                cands = exc.candidates
        if cid is None and self.ontology is not None:
            cid, cands = self._in_ontology(name, cands)
        return cid, cands

    def _in_ontology(self, name: str, cands: tuple) -> tuple[str | None, tuple]:
        from skillgraph.extraction import resolve_term  # the matcher's own variant rules (plural, closed form)

        if self.ont is None:
            self.ont = self.ontology() if callable(self.ontology) else self.ontology
        ont, G = self.ont, self.G
        found = resolve_term(ont, name)
        if len(found) == 1:
            cid = found[0].id
            self.labels[cid] = found[0].label
            for c in (cid, *ont.ancestors(cid)):
                if G is None or c not in G:
                    self.hierarchy[c] = tuple(ont.broader(c))
                    self.labels.setdefault(c, ont[c].label)
            return cid, cands
        if found:
            return None, tuple(c.label for c in found)
        return None, cands


def _read_profile(path: Path) -> str:
    """The profile's text: a regular file of UTF-8 text, at most :data:`MAX_PROFILE_BYTES`."""
    import stat

    try:
        st = path.stat()
        if not stat.S_ISREG(st.st_mode):
            what = "a folder" if stat.S_ISDIR(st.st_mode) else "not a regular file (a pipe or device)"
            raise InputError(f"{path}: is {what} — give a YAML/JSON/text file listing skills")
        if st.st_size > MAX_PROFILE_BYTES:
            raise InputError(f"{path}: {st.st_size} bytes is too large for a profile (at most "
                             f"{MAX_PROFILE_BYTES}) — list the skills, one a line")
        data = path.read_bytes()
    except FileNotFoundError:
        raise InputError(f"{path}: no such profile file — give a YAML/JSON/text list of skills") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot be read ({exc.strerror or exc}) — check the file") from None
    if b"\0" in data[:8192]:
        raise InputError(f"{path}: binary content, not a profile — give a YAML/JSON/text list of skills")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InputError(f"{path}: not UTF-8 text — save the profile as UTF-8") from None


def load_profile(path: str | os.PathLike, G: nx.DiGraph | None = None, ontology=None) -> Profile:
    """A profile file: YAML/JSON (a list, or ``{name:, skills: [...]}``) or text (one skill a line,
    ``#`` comments). Names resolve through the graph's skill labels, then through ``ontology``
    (an :class:`~skillgraph.ontology.Ontology`, or a callable returning one, called only when
    needed). Unknown names raise :class:`InputError` naming each with its line."""
    path = Path(path)
    text = _read_profile(path)
    items = _profile_items(path, text)
    if not items:
        raise InputError(f"{path}: the profile lists no skills — one skill a line, or a YAML/JSON list")
    r = _Resolver(G, ontology)
    skills, bad = [], []
    for name, line in items:
        cid, cands = r.resolve(name)
        if cid is None:
            hint = f"; did you mean {', '.join(cands[:3])}?" if cands else ""
            bad.append(f"{name!r} (line {line}{hint})")
        elif cid not in skills:
            skills.append(cid)
    if len(bad) > 10:
        bad = [*bad[:10], f"and {len(bad) - 10} more"]
    if bad:
        raise InputError(f"{path}: unknown skill{'s' if len(bad) > 1 else ''} {', '.join(bad)} — use a "
                         f"label the ontology knows (see `skillgraph ontology --help`) or add it there")
    return Profile(name=path.stem, skills=tuple(skills), labels=r.labels, hierarchy=r.hierarchy, source=str(path))
