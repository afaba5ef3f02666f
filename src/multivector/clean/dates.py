"""Publication dates: explicit formats first, dateparser as a fallback that can never invent a date.

Dates keep their precision: ``("2016-04-22", "day")``, ``("2019-03", "month")``, ``("2019", "year")``.
Relative words ("today", "yesterday", "2 hours ago") are never resolved: an article's date must come
from the article, not from the clock of the machine that reads it.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from functools import lru_cache
from typing import Any

#: English month names in calendar order (lower case), for the stages that match dates in prose
ENGLISH_MONTHS: tuple[str, ...] = (
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
)

_MONTHS = {
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "may": 5,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "sept": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
    "январ": 1,
    "феврал": 2,
    "март": 3,
    "апрел": 4,
    "ма": 5,
    "июн": 6,
    "июл": 7,
    "август": 8,
    "сентябр": 9,
    "октябр": 10,
    "ноябр": 11,
    "декабр": 12,
    "січ": 1,
    "лют": 2,
    "берез": 3,
    "квіт": 4,
    "травн": 5,
    "черв": 6,
    "лип": 7,
    "серп": 8,
    "верес": 9,
    "жовт": 10,
    "листопад": 11,
    "груд": 12,
}
_MONTH_WORD = r"[A-Za-zА-Яа-яЁёІіЇїЄє]{3,12}\.?"
_TIME = (
    r"(?:[,\s]+(?:at\s+)?\d{1,2}[:.]\d{2}(?::\d{2})?(?:\s*[AaPp]\.?[Mm]\.?)?"
    r"(?:\s*(?:UTC|GMT|MSK|CET|EET)[+-]?\d*)?)?"
)
_ISO_TIME = r"(?:[T\s]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?"
_YEAR_WORD = r"(?:\s*(?:г\.?|года|р\.?|року))?"
_DAY = r"(?P<d>\d{1,2})(?:st|nd|rd|th)?"
_PREFIX = (
    r"(?:(?:published|posted|updated|date|last updated|опубликовано|дата|обновлено|оновлено)"
    r"(?:\s+on)?\s*:?\s*)?"
)
_WEEKDAY = r"(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?"

_PATTERNS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})" + _ISO_TIME + _TIME), "ymd"),
    (re.compile(r"(?P<d>\d{1,2})[./](?P<m>\d{1,2})[./](?P<y>\d{4})" + _TIME), "ymd"),
    (re.compile(_WEEKDAY + rf"(?P<mw>{_MONTH_WORD})\s+" + _DAY + r",?\s+(?P<y>\d{4})" + _TIME), "ymd"),
    (
        re.compile(_WEEKDAY + _DAY + rf"\s+(?P<mw>{_MONTH_WORD}),?\s+(?P<y>\d{{4}})" + _YEAR_WORD + _TIME),
        "ymd",
    ),
    (re.compile(rf"(?P<mw>{_MONTH_WORD})\s+(?P<y>\d{{4}})" + _YEAR_WORD), "ym"),
    (re.compile(r"(?P<y>\d{4})-(?P<m>\d{1,2})"), "ym"),
    (re.compile(r"(?P<y>\d{4})"), "y"),
]


def _month(word: str) -> int | None:
    w = word.lower().rstrip(".")
    for stem in sorted(_MONTHS, key=len, reverse=True):
        if w.startswith(stem) and (len(stem) >= 3 or w in ("май", "мая", "мае")):
            return _MONTHS[stem]
    return None


def _valid(y: int, m: int, d: int | None) -> bool:
    if not 1900 <= y <= 2100:
        return False
    try:
        date(y, m, d or 1)
    except ValueError:
        return False
    return True


def _explicit(text: str) -> tuple[str, str] | None:
    s = text.strip().strip("|–—-•·").strip()
    m0 = re.match(_PREFIX, s, re.IGNORECASE)
    body = s[m0.end() :] if m0 else s
    for pattern, kind in _PATTERNS:
        m = pattern.fullmatch(body.strip())
        if not m:
            continue
        y = int(m["y"])
        month = _month(m["mw"]) if "mw" in m.groupdict() and m["mw"] else (int(m["m"]) if kind != "y" else 1)
        if month is None:
            continue
        if kind == "ymd":
            d = int(m["d"])
            if _valid(y, month, d):
                return f"{y:04d}-{month:02d}-{d:02d}", "day"
        elif kind == "ym":
            if _valid(y, month, None):
                return f"{y:04d}-{month:02d}", "month"
        elif _valid(y, 1, None):
            return f"{y:04d}", "year"
    return None


@lru_cache(maxsize=1)
def _fallback_parser() -> Any:
    from dateparser.date import DateDataParser

    return DateDataParser(
        languages=["en", "ru", "uk"],
        settings={"PARSERS": ["absolute-time"], "REQUIRE_PARTS": ["year"], "PREFER_DAY_OF_MONTH": "first"},
    )


_ISO_SHAPE = re.compile(r"(\d{4})-(\d{1,2})(?:-(\d{1,2}))?(?:$|[T ])")


def _valid_iso(m: re.Match[str]) -> bool:
    try:
        date(int(m.group(1)), int(m.group(2)), int(m.group(3) or 1))
    except ValueError:
        return False
    return True


def parse_date(text: str | None) -> tuple[str | None, str | None]:
    """An ISO date and its precision ("day", "month", "year"), or ``(None, None)``.

    The string must be a date (optionally with a time or a "Published:" prefix); a sentence that
    merely contains a year is not a date.
    """
    if not text or not text.strip() or len(text) > 80:
        return None, None
    iso = _ISO_SHAPE.match(text.strip())
    if iso and not _valid_iso(iso):
        return None, None  # "2016-13-01" is a broken date, not 13 January read the other way round
    hit = _explicit(text)
    if hit:
        return hit
    if not re.search(r"\d{4}", text):
        return None, None
    try:
        data = _fallback_parser().get_date_data(text.strip())
    except Exception:  # dateparser raises assorted errors on odd input; a non-date is not an error
        return None, None
    if data is None or data.date_obj is None:
        return None, None
    d = data.date_obj
    if not 1900 <= d.year <= 2100:
        return None, None
    if data.period == "year":
        return f"{d.year:04d}", "year"
    if data.period == "month":
        return f"{d.year:04d}-{d.month:02d}", "month"
    return f"{d.year:04d}-{d.month:02d}-{d.day:02d}", "day"


def is_date_line(line: str) -> bool:
    """A line that is only a date (a dateline under a title), not a sentence mentioning one."""
    s = line.strip()
    if not s or len(s) > 60 or not re.search(r"\d", s):
        return False
    if re.fullmatch(r"\d{4}", s):
        return False  # a bare number line is too weak a signal to end a header
    return parse_date(s)[0] is not None


def stored_day(value: object) -> tuple[date | None, str]:
    """A stored date (a ``date``, a ``datetime`` or an ISO string "2016-04-22", "2016-04", "2016",
    "20160422") as ``(day, precision)``; anything else is ``(None, "")``.

    A month or a year stands for its middle (the 15th, 1 July): the day used to look up who held an
    office then, and a day that sits inside the period whichever way it is rounded."""
    if value is None or value == "":
        return None, ""
    if isinstance(value, datetime):
        return value.date(), "day"
    if isinstance(value, date):
        return value, "day"
    text = str(value).strip()
    for fmt, size, precision in (("%Y-%m-%d", 10, "day"), ("%Y%m%d", 8, "day"), ("%Y-%m", 7, "month")):
        try:
            day = datetime.strptime(text[:size], fmt).date()
        except ValueError:
            continue
        return (day.replace(day=15), precision) if precision == "month" else (day, precision)
    if re.fullmatch(r"\d{4}", text):
        return date(int(text[:4]), 7, 1), "year"
    return None, ""
