"""The salary: the first currency range ("$138,905 - $285,982", "$189K — $332K", "£50k-£60k per year")
near a currency sign or code; the period from "/hr", "per year", …, else hour below 500 and year otherwise."""
from __future__ import annotations

import re

from ...model import Salary
from .anchors import CURRENCY_CODES, CURRENCY_SIGNS
from .doc import Doc

__all__ = ["find_salary"]

_CURRENCY = {"$": "USD", "US$": "USD", "USD": "USD", "CA$": "CAD", "C$": "CAD", "CAD": "CAD",
             "A$": "AUD", "AU$": "AUD", "AUD": "AUD", "£": "GBP", "GBP": "GBP", "€": "EUR",
             "EUR": "EUR", "₹": "INR", "INR": "INR", "CHF": "CHF", "SGD": "SGD", "S$": "SGD"}
_CUR = r"US\$|CA\$|C\$|AU\$|A\$|S\$|\$|£|€|₹|" + "|".join(CURRENCY_CODES)
_AMOUNT = (r"(?P<cur{n}>{cur})?\s?(?P<num{n}>\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|\d+(?:\.\d+)?)\s?"
           r"(?P<k{n}>[kK]\b|[mM]\b)?")
_SALARY_RE = re.compile(
    r"(?<![\d.,])" + _AMOUNT.format(n=1, cur=_CUR) + r"\s*(?:-|–|—|to)\s*" + _AMOUNT.format(n=2, cur=_CUR)
    + r"\s*(?P<code>" + "|".join(CURRENCY_CODES) + r")?\b\s*"
    r"(?P<per>(?:/|per\s+|an?\s+)(?:yr|year|annum|hour|hr|month|mo|week)\b|annually|yearly|hourly|monthly)?")
_PERIODS = {"yr": "year", "year": "year", "annum": "year", "annually": "year", "yearly": "year",
            "hour": "hour", "hr": "hour", "hourly": "hour", "month": "month", "mo": "month",
            "monthly": "month", "week": "week"}


def _salary_from(m: re.Match) -> Salary | None:
    cur = m.group("code") or m.group("cur1") or m.group("cur2")
    if not cur:
        return None
    lo, hi = (float(m.group(f"num{i}").replace(",", "")) for i in (1, 2))
    k1, k2 = (m.group("k1") or "").lower(), (m.group("k2") or "").lower()
    if k2 and not k1 and lo < 1000:
        k1 = k2                                  # "$120-150K"
    lo *= {"k": 1e3, "m": 1e6}.get(k1, 1)
    hi *= {"k": 1e3, "m": 1e6}.get(k2, 1)
    if not (0 < lo <= hi <= lo * 10):
        return None
    per = m.group("per")
    period = _PERIODS[re.sub(r"^(?:/|per\s+|an?\s+)", "", per.lower())] if per else \
        ("hour" if hi < 500 else "year")
    if period == "year" and hi < 10_000:
        return None
    return Salary(low=lo, high=hi, currency=_CURRENCY[cur.strip()], period=period)


def find_salary(doc: Doc) -> Salary | None:
    text = doc.text
    anchors = sorted(doc.find_exact(CURRENCY_SIGNS + CURRENCY_CODES))
    done = -1
    for a in anchors:
        if a < done:
            continue
        start = max(0, a - 40)
        while start > 0 and not text[start - 1].isspace() and a - start < 80:
            start -= 1
        for m in _SALARY_RE.finditer(text, start, min(len(text), a + 80)):
            sal = _salary_from(m)
            if sal:
                return sal
            done = max(done, m.end())
    return None
