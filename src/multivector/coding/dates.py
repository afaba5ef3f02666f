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


# Russian: "в 2013 году", "в марте 2015 года", "3 марта", "в понедельник", "на прошлой неделе"
_RU_STEMS = [
    "январ",
    "феврал",
    "март",
    "апрел",
    "ма",
    "июн",
    "июл",
    "август",
    "сентябр",
    "октябр",
    "ноябр",
    "декабр",
]
_RU_MONTH = (
    r"(январ[ьяе]|феврал[ьяе]|марта?|марте|апрел[ьяе]|ма[йяе]|июн[ьяе]|июл[ьяе]|августа?|августе|"
    r"сентябр[ьяе]|октябр[ьяе]|ноябр[ьяе]|декабр[ьяе])"
)
_RU_DAY_MONTH = re.compile(r"(?<!\d)(\d{1,2})\s+" + _RU_MONTH + r"(?:\s+(19\d\d|20\d\d))?", re.I)
_RU_MONTH_YEAR = re.compile(r"\bв\s+" + _RU_MONTH + r"\s+(19\d\d|20\d\d)", re.I)
_RU_YEAR = re.compile(r"\b(?:в|с|к|до|по|на)\s+(19[5-9]\d|20\d\d)\s*(?:году|года|г\.)", re.I)
_RU_WEEKDAYS = ["понедельник", "вторник", "сред", "четверг", "пятниц", "суббот", "воскресень"]
_RU_WEEKDAY = re.compile(
    r"\bв(?:о)?\s+(понедельник|вторник|среду|четверг|пятницу|субботу|воскресенье)\b", re.I
)
_RU_RELATIVE = re.compile(
    r"(вчера|позавчера|на\s+прошлой\s+неделе|в\s+прошлом\s+месяце|в\s+прошлом\s+году|в\s+следующем\s+году)",
    re.I,
)


_RU_RELATIVE_KEYS = {
    "вчера": "yesterday",
    "позавчера": "day before yesterday",
    "на прошлой неделе": "last week",
    "в прошлом месяце": "last month",
    "в прошлом году": "last year",
    "в следующем году": "next year",
}


def _ru_month(word: str) -> int:
    w = word.lower()
    if w.startswith("ма") and not w.startswith("мар"):
        return 5
    return next(k for k, stem in enumerate(_RU_STEMS, 1) if stem != "ма" and w.startswith(stem))


def _calendar_day(day: int, month: int, year: str | None, base: dt.date | None) -> str | None:
    """ "3 March" (or "3 марта"): the year written, else the article's; a day more than two days after
    the article without a written year is last year's."""
    y = int(year) if year else (base.year if base else None)
    if y is None:
        return None
    try:
        d = dt.date(y, month, day)
    except ValueError:
        return None
    if not year and base and d > base + dt.timedelta(days=2):
        d = d.replace(year=d.year - 1) if not (month == 2 and day == 29) else d
    return d.isoformat()


def _weekday(base: dt.date, target: int) -> str:
    """The last ``target`` weekday (0 = Monday) on or before the article's day."""
    return (base - dt.timedelta(days=(base.weekday() - target) % 7)).isoformat()


def _relative(key: str, base: dt.date) -> str | None:
    if key == "yesterday":
        return (base - dt.timedelta(days=1)).isoformat()
    if key == "day before yesterday":
        return (base - dt.timedelta(days=2)).isoformat()
    if key == "last week":
        return (base - dt.timedelta(days=7)).isoformat()
    if key == "last month":
        first = base.replace(day=1) - dt.timedelta(days=1)
        return f"{first.year:04d}-{first.month:02d}"
    if key == "last year":
        return f"{base.year - 1:04d}"
    if key == "next year":
        return f"{base.year + 1:04d}"
    return None


def _russian_date(sentence: str, base: dt.date | None, precision: str | None) -> str | None:
    m = _RU_DAY_MONTH.search(sentence)
    if m:
        found = _calendar_day(int(m.group(1)), _ru_month(m.group(2)), m.group(3), base)
        if found is not None:
            return found
    m = _RU_MONTH_YEAR.search(sentence)
    if m:
        return f"{int(m.group(2)):04d}-{_ru_month(m.group(1)):02d}"
    m = _RU_YEAR.search(sentence)
    if m:
        return m.group(1)
    if base is None or precision != "day":
        return None
    m = _RU_WEEKDAY.search(sentence)
    if m:
        return _weekday(
            base, next(k for k, stem in enumerate(_RU_WEEKDAYS) if m.group(1).lower().startswith(stem))
        )
    m = _RU_RELATIVE.search(sentence)
    return _relative(_RU_RELATIVE_KEYS[" ".join(m.group(1).lower().split())], base) if m else None


def event_date(sentence: str, article_date: str | dt.date | None) -> str | None:
    """ISO string with the precision the text supports: "2013", "2016-03", "2016-04-18". Weekdays and
    "yesterday" need a dated article; with only a month or a year known the article's period is kept.
    Russian expressions are read the same way."""
    base, precision = stored_day(article_date)
    if any("\u0400" <= c <= "\u04ff" for c in sentence[:200]):
        found = _russian_date(sentence, base, precision)
        if found is not None:
            return found
    m = _DAY_MONTH.search(sentence)
    if m:
        month = _MONTHS.index((m.group(2) or m.group(3)).lower()) + 1
        found = _calendar_day(int(m.group(1) or m.group(4)), month, m.group(5), base)
        if found is not None:
            return found
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
        return _weekday(base, _WEEKDAYS.index(m.group(1).lower()))
    m = _RELATIVE.search(sentence)
    found = _relative(" ".join(m.group(1).lower().split()), base) if m else None
    return found if found is not None else base.isoformat()


def not_after(date: str | None, article_date: object) -> str | None:
    """An asserted event's date, never later than its article: a report cannot tell of a done deed that
    has not happened yet, so "in 2030" or a weekday read forward in an asserted sentence is a misreading,
    and the article's own date is the honest one. Compared at the precision both dates share."""
    art = article_date.isoformat() if hasattr(article_date, "isoformat") else article_date
    if not date or not isinstance(art, str) or not art[:4].isdigit():
        return date
    art = art[:10]
    k = min(len(date), len(art))
    return art if date[:k] > art[:k] else date
