"""GDELT 2.0 event-export rows, so coded events load into tools that read GDELT files.

Column order follows the GDELT 2.0 Event Database codebook (61 columns). Fields we do not produce
(geography, tone, religion/ethnic codes) stay empty strings rather than invented values; provenance goes in
SOURCEURL (article URL, else source path, plus "#chars=start-end" for the sentence span).
"""

from __future__ import annotations

import datetime as dt
from urllib.parse import quote

from multivector.records import Article, Event, Mention

_ACTOR_FIELDS = [
    "Code",
    "Name",
    "CountryCode",
    "KnownGroupCode",
    "EthnicCode",
    "Religion1Code",
    "Religion2Code",
    "Type1Code",
    "Type2Code",
    "Type3Code",
]
_GEO_FIELDS = ["Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID"]
GDELT_COLUMNS: list[str] = (
    ["GlobalEventID", "Day", "MonthYear", "Year", "FractionDate"]
    + [f"Actor1{f}" for f in _ACTOR_FIELDS]
    + [f"Actor2{f}" for f in _ACTOR_FIELDS]
    + [
        "IsRootEvent",
        "EventCode",
        "EventBaseCode",
        "EventRootCode",
        "QuadClass",
        "GoldsteinScale",
        "NumMentions",
        "NumSources",
        "NumArticles",
        "AvgTone",
    ]
    + [f"Actor1Geo_{f}" for f in _GEO_FIELDS]
    + [f"Actor2Geo_{f}" for f in _GEO_FIELDS]
    + [f"ActionGeo_{f}" for f in _GEO_FIELDS]
    + ["DATEADDED", "SOURCEURL"]
)
_IGO = {"EUR", "UNO", "IGO", "WST", "EBL", "PSV", "BLT"}


def _actor(m: Mention | None) -> list[str]:
    if m is None:
        return [""] * 10
    code = (m.country or "") + (m.agent or "")
    country = m.country if m.country and m.country not in _IGO else ""
    known = m.actor_id if m.actor_id and m.actor_id.isupper() and m.country in _IGO else ""
    return [code, (m.name or m.text).upper(), country, known, "", "", "", m.agent or "", "", ""]


def _date_parts(date: str | None) -> tuple[str, str, str, str]:
    if not date:
        return "", "", "", ""
    y = int(date[:4])
    m = int(date[5:7]) if len(date) >= 7 else 1
    d = int(date[8:10]) if len(date) >= 10 else 1
    doy = dt.date(y, m, d).timetuple().tm_yday
    return f"{y:04d}{m:02d}{d:02d}", f"{y:04d}{m:02d}", f"{y:04d}", f"{y + doy / 365:.4f}"


def to_gdelt_row(event: Event, article: Article | None = None) -> list[str]:
    """The 61 GDELT 2.0 export fields of one event, all strings, in codebook order."""
    day, monthyear, year, frac = _date_parts(event.date)
    gid = str(int(event.event_id[:15], 16))
    where = (article.url or article.source_path) if article else (event.article_id or "")
    added = dt.datetime.now(dt.UTC).strftime("%Y%m%d%H%M%S")
    row = [
        gid,
        day,
        monthyear,
        year,
        frac,
        *_actor(event.source),
        *_actor(event.target),
        "1",
        event.cameo,
        event.cameo[:3],
        event.root,
        str(event.quad_class),
        f"{event.goldstein:.1f}",
        "1",
        "1",
        "1",
        "",
        *([""] * 24),
        added,
        f"{where}#chars={event.span[0]}-{event.span[1]}" + _source_id(article),
    ]
    assert len(row) == len(GDELT_COLUMNS)
    return row


def _source_id(article: Article | None) -> str:
    """The input's own id (JSONL ``id``, feed entry, WARC record) in the provenance fragment, so a user
    can join GDELT lines back to their records."""
    sid = (article.extra or {}).get("source_id") if article is not None else None
    return f"&source_id={quote(str(sid), safe='')}" if sid else ""


def to_gdelt_line(event: Event, article: Article | None = None) -> str:
    """One GDELT export line: the row tab-joined, with tabs and newlines inside values made spaces."""
    return "\t".join(c.replace("\t", " ").replace("\n", " ") for c in to_gdelt_row(event, article)) + "\n"
