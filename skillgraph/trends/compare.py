"""Two snapshots → the trends between them (:func:`diff`).

Per skill and per level (``any`` = at any level, then each of :data:`~skillgraph.vocab.LEVELS`): the
share of postings that require it in OLD and NEW, the change (NEW share − OLD share, a fraction), the
two-sided p of Fisher's exact test and its Benjamini–Hochberg adjusted ``q`` (one family per level;
see :mod:`.stats` for why). The threshold that keeps noise from being called a trend:

* a row is *tested* only when OLD and NEW together have at least ``min_postings`` postings requiring
  the skill (default :data:`MIN_POSTINGS`); rows below it are ``too few``;
* a tested row is ``rising`` / ``falling`` when ``q < alpha`` (default :data:`ALPHA`), else
  ``not significant``.

Skills new in NEW (no OLD posting) and vanished from it are listed with their counts and status.
Roles are matched by :func:`~.snapshot.role_key` (title + company); for each role in both, the
Jaccard distance between its skill sets and the skills added and dropped. Everything is sorted, so
the same inputs give the same result, and swapping OLD and NEW negates every change.
"""
from __future__ import annotations

from ..errors import InputError
from ..vocab import LEVELS
from .snapshot import Snapshot
from .stats import bh_adjust, fisher_p

__all__ = ["ALPHA", "ANY", "MIN_POSTINGS", "ROW_LEVELS", "TEST", "diff"]

ALPHA = 0.05
MIN_POSTINGS = 5
ANY = "any"
"""The row of a skill over every level (not a requirement level: a label for their union)."""
ROW_LEVELS = (ANY, *LEVELS)
TEST = "Fisher's exact test (two-sided), Benjamini-Hochberg adjusted per level"
_ORDER = {lvl: i for i, lvl in enumerate(ROW_LEVELS)}


def _count(snap: Snapshot, skill: str, level: str) -> int:
    return snap.total(skill) if level == ANY else snap.counts.get(skill, {}).get(level, 0)


def _share(k: int, n: int) -> float:
    return round(k / n, 6) if n else 0.0


def _rows(old: Snapshot, new: Snapshot) -> list[dict]:
    rows = []
    for s in sorted(set(old.counts) | set(new.counts)):
        label = min(x for x in (old.labels.get(s), new.labels.get(s)) if x is not None)
        for level in ROW_LEVELS:
            a, b = _count(old, s, level), _count(new, s, level)
            if a == 0 and b == 0:
                continue
            sa, sb = (a / old.postings if old.postings else 0.0), (b / new.postings if new.postings else 0.0)
            rows.append({"skill": label, "id": s, "level": level, "old": a, "old_share": _share(a, old.postings),
                         "new": b, "new_share": _share(b, new.postings), "change": round(sb - sa, 6),
                         "p": None, "q": None, "status": "too few"})
    return rows


def _test(rows: list[dict], old: Snapshot, new: Snapshot, alpha: float, min_postings: int) -> None:
    for level in ROW_LEVELS:
        tested = [r for r in rows if r["level"] == level and r["old"] + r["new"] >= min_postings]
        ps = [fisher_p(r["old"], old.postings, r["new"], new.postings) for r in tested]
        for r, p, q in zip(tested, ps, bh_adjust(ps), strict=True):
            r["p"], r["q"] = p, q
            if q < alpha and r["change"]:
                r["status"] = "rising" if r["change"] > 0 else "falling"
            else:
                r["status"] = "not significant"


def _by_significance(r: dict):
    return (r["q"], r["p"], -abs(r["change"]), r["skill"].lower(), r["id"], _ORDER[r["level"]])


def _names(ids, old: Snapshot, new: Snapshot) -> list[str]:
    return sorted((min(x for x in (old.labels.get(s), new.labels.get(s)) if x is not None) for s in ids),
                  key=lambda x: (x.lower(), x))


def _roles(old: Snapshot, new: Snapshot) -> tuple[list[dict], int]:
    rows, same = [], 0
    for key in sorted(set(old.roles) & set(new.roles)):
        a, b = old.roles[key], new.roles[key]
        union = a | b
        dist = round(1 - len(a & b) / len(union), 6) if union else 0.0
        if not dist:
            same += 1
            continue
        lab = min(old.role_labels[key], new.role_labels[key], key=lambda d: (d["title"], d["company"]))
        rows.append({"role": lab["title"], "company": lab["company"], "old_postings": old.role_postings[key],
                     "new_postings": new.role_postings[key], "distance": dist, "shared": len(a & b),
                     "added": _names(b - a, old, new), "dropped": _names(a - b, old, new)})
    rows.sort(key=lambda r: (-r["distance"], -(len(r["added"]) + len(r["dropped"])), r["role"].lower(),
                             r["company"].lower()))
    return rows, same


def _side(snap: Snapshot) -> dict:
    return {"source": snap.source, "postings": snap.postings, "skills": len(snap.counts), "roles": len(snap.roles)}


def diff(old: Snapshot, new: Snapshot, *, alpha: float = ALPHA, min_postings: int = MIN_POSTINGS) -> dict:
    """The trends from ``old`` to ``new`` as one JSON-ready dict (see the module's docstring):
    ``old``/``new`` (source, postings), ``threshold``, ``skills`` (every row), ``rising``, ``falling``,
    ``new_skills``, ``vanished_skills``, ``roles`` (changed, most first) and counts of what was held back."""
    if not 0 < alpha < 1:
        raise InputError(f"alpha {alpha}: give a significance level between 0 and 1, e.g. 0.05")
    if min_postings < 1:
        raise InputError(f"min_postings {min_postings}: give at least 1")
    for name, snap in (("OLD", old), ("NEW", new)):
        if snap.postings == 0:
            raise InputError(f"{snap.source or name}: no postings (no role nodes) — nothing to compare")
    rows = _rows(old, new)
    _test(rows, old, new, alpha, min_postings)
    rows.sort(key=lambda r: (r["skill"].lower(), r["id"], _ORDER[r["level"]]))
    rising = sorted((r for r in rows if r["status"] == "rising"), key=_by_significance)
    falling = sorted((r for r in rows if r["status"] == "falling"), key=_by_significance)
    anys = [r for r in rows if r["level"] == ANY]
    appeared = sorted((r for r in anys if r["old"] == 0), key=lambda r: (-r["new"], r["skill"].lower(), r["id"]))
    vanished = sorted((r for r in anys if r["new"] == 0), key=lambda r: (-r["old"], r["skill"].lower(), r["id"]))
    roles, same = _roles(old, new)
    held = {s: sum(1 for r in rows if r["status"] == s) for s in ("not significant", "too few")}
    return {
        "old": _side(old), "new": _side(new),
        "threshold": {"test": TEST, "alpha": alpha, "min_postings": min_postings,
                      "rule": f"rising/falling when q < {alpha} and OLD+NEW postings >= {min_postings}"},
        "rising": rising, "falling": falling, "new_skills": appeared, "vanished_skills": vanished,
        "roles": roles,
        "counts": {"rows": len(rows), "rising": len(rising), "falling": len(falling),
                   "not_significant": held["not significant"], "too_few": held["too few"],
                   "new_skills": len(appeared), "vanished_skills": len(vanished),
                   "roles_matched": len(roles) + same, "roles_changed": len(roles), "roles_unchanged": same,
                   "roles_only_old": len(set(old.roles) - set(new.roles)),
                   "roles_only_new": len(set(new.roles) - set(old.roles))},
        "skills": rows,
    }

