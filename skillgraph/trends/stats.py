"""The significance figure of a change in share: Fisher's exact test, corrected for many skills.

Why Fisher's exact test (``scipy.stats.fisher_exact``, two-sided) and not the two-proportion z-test:
the rows that need a guard against noise are the small ones (3 postings of 40 against 7 of 45), and
there the z-test's normal approximation is wrong (it needs roughly five expected postings in each
cell) while Fisher's test is exact at any count; at large counts the two agree. It is a 2×2 table
per skill — postings with and without the skill, in OLD and in NEW — so it costs microseconds.

A diff tests hundreds of skills at once, and at p < 0.05 one in twenty unchanged skills would be
called a trend. The p-values are therefore adjusted by Benjamini–Hochberg (:func:`bh_adjust`): a row
is significant when its adjusted value ``q`` is below ``alpha``, which keeps the expected share of
false trends among those reported below ``alpha``.

scipy is imported inside :func:`fisher_p` (``skillgraph --help`` stays instant).
"""
from __future__ import annotations

from ..errors import InputError

__all__ = ["bh_adjust", "fisher_p"]

_HOW = "pip install 'skillgraph[trends]'"


def _stats():
    try:
        from scipy import stats
    except ImportError:
        raise InputError(f"skillgraph diff needs scipy for its significance test — {_HOW}") from None
    return stats


def fisher_p(a: int, n_a: int, b: int, n_b: int) -> float:
    """Two-sided p of Fisher's exact test: ``a`` of ``n_a`` postings against ``b`` of ``n_b``."""
    if n_a == 0 or n_b == 0:
        return 1.0
    res = _stats().fisher_exact([[a, n_a - a], [b, n_b - b]], alternative="two-sided")
    return min(1.0, float(res.pvalue))


def bh_adjust(ps: list[float]) -> list[float]:
    """Benjamini–Hochberg adjusted p-values (``q``), in the order given; monotone, at most 1."""
    m = len(ps)
    order = sorted(range(m), key=lambda i: (ps[i], i))
    q = [1.0] * m
    running = 1.0
    for rank in range(m, 0, -1):
        i = order[rank - 1]
        running = min(running, ps[i] * m / rank)
        q[i] = min(1.0, running)
    return q
