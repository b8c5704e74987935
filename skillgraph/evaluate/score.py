"""Score extractions against a gold file (:mod:`.gold`).

The rules are those of ``../shared/tools/eval_gold.py`` (which scores through the CLI), so the figures
agree with it to the digit:

- a gold skill item is *found* when the posting links a concept that any of its names resolves to
  (:func:`skillgraph.extraction.resolve_term`, as ``ontology lookup`` does); recall is over core items;
- a linked concept is *correct* when some gold item of the posting (core or not) resolves to it and no
  ``forbidden`` name does; precision is over the posting's distinct linked concepts;
- level accuracy is over found core items with a ``requirement``: the strongest level among the concepts
  that matched; every such item adds one count to the confusion matrix ``confusion[gold][got]``;
- a gold team is found when a normalised name of it contains, or is contained in, an extracted team's;
- gold postings no extraction matches count as all missed; figures are rounded to 3 decimals.

Spans (where a posting's gold has ``spans``): mention offsets against the gold's, strict (same start
and end) and overlap (any shared character).
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field

from ..vocab import LEVEL_RANK, LEVELS
from .gold import Gold, GoldPosting

__all__ = ["Report", "evaluate", "posting_key"]


@dataclass
class Report:
    figures: dict
    confusion: dict[str, dict[str, int]]
    misses: list[dict] = field(default_factory=list)
    false_links: list[dict] = field(default_factory=list)
    level_errors: list[dict] = field(default_factory=list)
    spans: dict | None = None
    unscored: list[str] = field(default_factory=list)   # extracted postings the gold has no entry for

    def to_dict(self) -> dict:
        return {"figures": self.figures, "confusion": self.confusion, "spans": self.spans,
                "misses": self.misses, "false_links": self.false_links, "level_errors": self.level_errors,
                "unscored": self.unscored}


def _norm(s: str) -> str:
    return " ".join(s.lower().replace("-", " ").split())


def posting_key(ids: tuple[str, ...], keys: set[str]) -> str | None:
    """The gold key of a posting from its id or source: equal, equal to the base name, or one ending the other."""
    for cand in ids:
        if not cand:
            continue
        cand = str(cand)
        for k in (cand, os.path.basename(cand)):
            if k in keys:
                return k
        for k in sorted(keys):
            if cand.endswith(k) or k.endswith(cand):
                return k
    return None


def _div(x: int, y: int) -> float:
    return round(x / y, 3) if y else 0.0


class _Scorer:
    def __init__(self, gold: Gold, ontology):
        from ..extraction import resolve_term

        self.gold = gold
        self._cache: dict[str, frozenset[str]] = {}
        self._resolve_term = lambda t: [c.id for c in resolve_term(ontology, t)]
        self.tot = dict.fromkeys(("core", "found", "extracted", "correct", "req_n", "req_ok", "teams",
                                  "teams_found", "unresolved"), 0)
        self.confusion = {g: dict.fromkeys(LEVELS, 0) for g in LEVELS}
        self.misses: list[dict] = []
        self.false_links: list[dict] = []
        self.level_errors: list[dict] = []

    def resolve(self, names) -> set[str]:
        out: set[str] = set()
        for t in names:
            if t not in self._cache:
                self._cache[t] = frozenset(self._resolve_term(t))
            out |= self._cache[t]
        return out

    def skills(self, key: str, g: GoldPosting, linked: dict[str, tuple[str, str]]) -> None:
        tot = self.tot
        matched: set[str] = set()
        for it in g.skills:
            ids = self.resolve(it.any)
            hit = ids & set(linked)
            matched |= hit
            if not it.core:
                continue
            tot["core"] += 1
            tot["unresolved"] += not ids
            if not hit:
                why = "unknown to the ontology" if not ids else "not extracted"
                self.misses.append({"posting": key, "name": it.any[0], "why": why})
            elif it.requirement is not None:
                best = min((linked[c][1] for c in hit), key=LEVEL_RANK.__getitem__)
                tot["req_n"] += 1
                tot["req_ok"] += best == it.requirement
                self.confusion[it.requirement][best] += 1
                if best != it.requirement:
                    self.level_errors.append({"posting": key, "name": it.any[0], "got": best,
                                              "gold": it.requirement})
            tot["found"] += bool(hit)
        forbidden = self.resolve(n for f in g.forbidden for n in f)
        for cid, (label, level) in linked.items():
            tot["extracted"] += 1
            if cid in matched and cid not in forbidden:
                tot["correct"] += 1
            else:
                self.false_links.append({"posting": key, "concept": cid, "label": label, "level": level})

    def teams(self, key: str, g: GoldPosting, names: list[str]) -> None:
        for alts in g.teams:
            self.tot["teams"] += 1
            if any(_norm(a) in n or (n and n in _norm(a)) for a in alts for n in names):
                self.tot["teams_found"] += 1
            else:
                self.misses.append({"posting": key, "name": alts[0], "why": "team not found"})

    def missing(self, key: str) -> None:
        g = self.gold.postings[key]
        self.misses.append({"posting": key, "name": "", "why": "no posting in the output"})
        self.tot["core"] += sum(1 for it in g.skills if it.core)
        self.tot["teams"] += len(g.teams)

    def figures(self, n_missing: int) -> dict:
        t = self.tot
        figs = {"recall": _div(t["found"], t["core"]), "precision": _div(t["correct"], t["extracted"]),
                "level_accuracy": _div(t["req_ok"], t["req_n"]), "team_recall": _div(t["teams_found"], t["teams"]),
                "core_items": t["core"], "unknown_to_ontology": t["unresolved"], "postings_missing": n_missing}
        r, p = figs["recall"], figs["precision"]
        figs["f1"] = round(2 * r * p / (r + p), 3) if r + p else 0.0
        figs.update(found=t["found"], linked=t["extracted"], correct=t["correct"], levels_scored=t["req_n"])
        return figs


def _span_figures(pairs: list[tuple[set, tuple]]) -> dict | None:
    if not pairs:
        return None
    n_pred = n_gold = strict = pred_hit = gold_hit = 0
    for pred, gold in pairs:
        n_pred += len(pred)
        n_gold += len(gold)
        strict += len(pred & set(gold))
        pred_hit += sum(1 for a, b in pred if any(a < d and c < b for c, d in gold))
        gold_hit += sum(1 for c, d in gold if any(a < d and c < b for a, b in pred))
    sp, sr = _div(strict, n_pred), _div(strict, n_gold)
    op, orr = _div(pred_hit, n_pred), _div(gold_hit, n_gold)
    f = lambda p, r: round(2 * p * r / (p + r), 3) if p + r else 0.0  # noqa: E731
    return {"postings": len(pairs), "gold_spans": n_gold, "predicted_spans": n_pred,
            "strict": {"precision": sp, "recall": sr, "f1": f(sp, sr)},
            "overlap": {"precision": op, "recall": orr, "f1": f(op, orr)}}


def evaluate(gold: Gold, extractions, ontology) -> Report:
    """Score ``extractions`` (:class:`skillgraph.model.Extraction`) against ``gold`` with ``ontology``
    resolving the gold's names. See the module docstring for the rules."""
    sc = _Scorer(gold, ontology)
    keys = set(gold.postings)
    seen: set[str] = set()
    unscored: list[str] = []
    span_pairs = []
    for x in extractions:
        key = posting_key((x.posting.id, x.posting.source), keys)
        if key is None:
            unscored.append(x.posting.id)
            continue
        seen.add(key)
        g = gold.postings[key]
        sc.skills(key, g, {s.concept: (s.label, s.requirement) for s in x.skills})
        sc.teams(key, g, [_norm(t.name) for t in x.teams])
        if g.spans is not None:
            span_pairs.append(({(m.start, m.end) for m in x.mentions}, g.spans))
    missing = sorted(keys - seen)
    for k in missing:
        sc.missing(k)
    return Report(sc.figures(len(missing)), sc.confusion, sc.misses, sc.false_links, sc.level_errors,
                  _span_figures(span_pairs), sorted(unscored))
