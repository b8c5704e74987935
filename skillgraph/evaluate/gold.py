"""The gold format and its loader (documented in ``docs/gold-format.md``).

A gold file is one JSON object::

    {"format": "...", "how": "...",
     "postings": {KEY: {"skills": [{"any": [NAME, ...], "requirement": LEVEL, "core": true}, ...],
                        "teams": [[NAME, ...], ...], "forbidden": [[NAME, ...], ...],
                        "spans": [{"start": INT, "end": INT}, ...], ...}}}

``KEY`` names a posting by its id, its source (``seeds/000.txt``, ``jobs.jsonl:12``) or the source's base
name. Each skill item lists interchangeable names for one concept; ``core: false`` items are acceptable
links but not required; ``requirement`` is the strongest level at which the posting asks for the skill.
Other keys (title, company, products …) are kept but not scored.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from ..errors import InputError
from ..vocab import LEVELS

__all__ = ["Gold", "GoldPosting", "GoldSkill", "load_gold", "parse_gold", "seeds_gold_path"]


@dataclass(frozen=True)
class GoldSkill:
    any: tuple[str, ...]              # interchangeable names for one concept
    requirement: str | None = None    # a level of vocab.LEVELS, or None when the gold does not say
    core: bool = True                 # False: acceptable, not required


@dataclass(frozen=True)
class GoldPosting:
    key: str
    skills: tuple[GoldSkill, ...] = ()
    teams: tuple[tuple[str, ...], ...] = ()
    forbidden: tuple[tuple[str, ...], ...] = ()
    spans: tuple[tuple[int, int], ...] | None = None   # None: the gold gives no spans for this posting


@dataclass(frozen=True)
class Gold:
    source: str
    postings: dict[str, GoldPosting]


def seeds_gold_path() -> Path:
    """The shipped gold of the five seed postings (``skillgraph eval`` with no GOLD scores ``seeds/`` with it)."""
    return Path(str(resources.files("skillgraph.evaluate") / "data" / "seeds-gold.json"))


def load_gold(path: str | Path) -> Gold:
    """Read and check a gold file; any problem is one :class:`InputError` line naming the file and the place."""
    p = Path(path)
    try:
        raw = p.read_bytes()
    except OSError as e:
        raise InputError(f"cannot read gold file {p}: {e.strerror or e} — give a gold JSON file "
                         "(docs/gold-format.md)") from None
    try:
        data = json.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise InputError(f"{p}: not UTF-8 text — a gold file is JSON (docs/gold-format.md)") from None
    except json.JSONDecodeError as e:
        raise InputError(f"{p}:{e.lineno}:{e.colno}: not valid JSON ({e.msg}) — fix the gold file") from None
    return parse_gold(data, str(p))


def _fail(src: str, where: str, what: str):
    raise InputError(f"{src}: {where}: {what} — see docs/gold-format.md")


def _names(src: str, where: str, v) -> tuple[str, ...]:
    if not isinstance(v, list) or not v or not all(isinstance(x, str) and x.strip() for x in v):
        _fail(src, where, "must be a non-empty list of names (strings)")
    return tuple(v)


def _skill(src: str, where: str, it) -> GoldSkill:
    if not isinstance(it, dict):
        _fail(src, where, 'must be an object {"any": [names], "requirement": level}')
    req = it.get("requirement")
    if req is not None and req not in LEVELS:
        _fail(src, f"{where}.requirement", f"{req!r} is not a level (one of {', '.join(LEVELS)})")
    core = it.get("core", True)
    if not isinstance(core, bool):
        _fail(src, f"{where}.core", "must be true or false")
    return GoldSkill(_names(src, f"{where}.any", it.get("any")), req, core)


def _spans(src: str, where: str, v) -> tuple[tuple[int, int], ...]:
    if not isinstance(v, list):
        _fail(src, where, 'must be a list of {"start": int, "end": int}')
    out = []
    for i, s in enumerate(v):
        a, b = (s.get("start"), s.get("end")) if isinstance(s, dict) else (None, None)
        if not (type(a) is int and type(b) is int and 0 <= a < b):
            _fail(src, f"{where}[{i}]", 'must be {"start": int, "end": int} with 0 <= start < end')
        out.append((a, b))
    return tuple(sorted(set(out)))


def _posting(src: str, key: str, g) -> GoldPosting:
    where = f"postings[{key!r}]"
    if not isinstance(g, dict):
        _fail(src, where, "must be an object with a skills list")
    skills = g.get("skills", [])
    if not isinstance(skills, list):
        _fail(src, f"{where}.skills", "must be a list")
    for k in ("teams", "forbidden"):
        if not isinstance(g.get(k, []), list):
            _fail(src, f"{where}.{k}", "must be a list of name lists")
    return GoldPosting(
        key,
        tuple(_skill(src, f"{where}.skills[{i}]", it) for i, it in enumerate(skills)),
        tuple(_names(src, f"{where}.teams[{i}]", t) for i, t in enumerate(g.get("teams", []))),
        tuple(_names(src, f"{where}.forbidden[{i}]", t) for i, t in enumerate(g.get("forbidden", []))),
        _spans(src, f"{where}.spans", g["spans"]) if "spans" in g else None,
    )


def parse_gold(data, source: str = "<gold>") -> Gold:
    """Check a decoded gold object (see the module docstring) and turn it into a :class:`Gold`."""
    if not isinstance(data, dict) or not isinstance(data.get("postings"), dict):
        _fail(source, "top level", 'must be an object with "postings": {key: {...}}')
    if not data["postings"]:
        _fail(source, "postings", "is empty: give at least one posting")
    return Gold(source, {k: _posting(source, k, g) for k, g in data["postings"].items()})
