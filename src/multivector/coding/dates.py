"""Event dates: the article date moved by explicit time expressions in the sentence.

A sentence such as "in 2013 trade reached …" is about 2013, not the publication day; "last week" or
"on Monday" are relative to the article date. Anything not recognised keeps the article date, and an
undated article gives ``None`` (never today's date: that would invent a time).
"""

from __future__ import annotations

import datetime as dt
import re

from multivector.clean.dates import ENGLISH_MONTHS, stored_day

_WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_MONTHS = list(ENGLISH_MONTHS)
_YEAR = re.compile(r"\b(?:in|since|during|by|of|until|for)\s+(19[5-9]\d|20\d\d)\b(?!\s*(?:%|percent))", re.I)
_MONTH_YEAR = re.compile(
    r"\b(?:in\s+)?(" + "|".join(m.capitalize() for m in _MONTHS) + r")\s+(19\d\d|20\d\d)\b"
)
_DAY_MONTH = re.compile(
    r"\b(?:on\s+)?(?:(\d{1,2})\s+("
    + "|".join(m.capitalize() for m in _MONTHS)
    + r")|("
    + "|".join(m.capitalize() for m in _MONTHS)
    + r")\s+(\d{1,2})(?!\d))(?:,?\s+(19\d\d|20\d\d))?\b"
)
_WEEKDAY = re.compile(r"\b(?:on\s+|last\s+)?(" + "|".join(d.capitalize() for d in _WEEKDAYS) + r")\b")
_RELATIVE = re.compile(r"\b(yesterday|today|last\s+(?:week|month|year)|next\s+(?:week|month|year))\b", re.I)


def event_date(sentence: str, article_date: str | dt.date | None) -> str | None:
    """ISO string with the precision the text supports: "2013", "2016-03", "2016-04-18". Weekdays and
    "yesterday" need a dated article; with only a month or a year known the article's period is kept."""
    base, precision = stored_day(article_date)
    m = _DAY_MONTH.search(sentence)
    if m:
        day = int(m.group(1) or m.group(4))
        month = _MONTHS.index((m.group(2) or m.group(3)).lower()) + 1
        year = int(m.group(5)) if m.group(5) else (base.year if base else None)
        if year is not None:
            try:
                d = dt.date(year, month, day)
            except ValueError:
                d = None
            if d is not None:
                if not m.group(5) and base and d > base + dt.timedelta(days=2):
                    d = d.replace(year=d.year - 1) if not (month == 2 and day == 29) else d
                return d.isoformat()
    m = _MONTH_YEAR.search(sentence)
    if m:
        return f"{int(m.group(2)):04d}-{_MONTHS.index(m.group(1).lower()) + 1:02d}"
    m = _YEAR.search(sentence)
    if m:
        return m.group(1)
    if base is None:
        return None
    if precision != "day":
        return f"{base.year:04d}" if precision == "year" else f"{base.year:04d}-{base.month:02d}"
    m = _WEEKDAY.search(sentence)
    if m:
        target = _WEEKDAYS.index(m.group(1).lower())
        back = (base.weekday() - target) % 7
        return (base - dt.timedelta(days=back)).isoformat()
    m = _RELATIVE.search(sentence)
    if m:
        word = " ".join(m.group(1).lower().split())
        if word == "yesterday":
            return (base - dt.timedelta(days=1)).isoformat()
        if word == "last week":
            return (base - dt.timedelta(days=7)).isoformat()
        if word == "last month":
            first = base.replace(day=1) - dt.timedelta(days=1)
            return f"{first.year:04d}-{first.month:02d}"
        if word == "last year":
            return f"{base.year - 1:04d}"
        if word == "next year":
            return f"{base.year + 1:04d}"
    return base.isoformat()
