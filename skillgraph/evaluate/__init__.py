"""Evaluation on your own data: a gold file of postings → how well extraction links, levels and finds teams.

- :mod:`.gold` — the gold format (``docs/gold-format.md``) and its loader, one-line errors for bad gold
- :mod:`.score` — the figures: linking precision/recall/F1, level accuracy and confusion matrix, team
  recall, span precision/recall (strict and overlap) where the gold gives spans, and the lists of misses,
  false links and level errors

``skillgraph eval GOLD --postings PATH`` is the thin shell over :func:`evaluate`. The seeds' gold ships
as :func:`seeds_gold_path` and reproduces ``eval_gold.py``'s figures.
"""
from __future__ import annotations

from .gold import Gold, GoldPosting, GoldSkill, load_gold, seeds_gold_path
from .score import Report, evaluate

__all__ = ["Gold", "GoldPosting", "GoldSkill", "Report", "evaluate", "load_gold", "seeds_gold_path"]
