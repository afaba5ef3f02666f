"""SQL for the dashboard: every list is paged and every summary aggregated inside DuckDB.

Why a module of its own: the routes stay thin, and the queries can be benchmarked and tested without
HTTP. Nothing here loads a whole table into Python, so pages stay fast on 100k+ events.
"""

from __future__ import annotations

from typing import Any

EVENT_COLS = (
    "e.event_id, coalesce(e.date, a.date) AS date, e.source_name, e.source_country, e.cameo, e.root,"
    " e.quad_class, e.goldstein, e.target_name, e.target_country, e.trigger, e.article_id, e.sentence"
)
ARTICLE_COLS = "a.id, a.title, a.date, a.lang, a.url, a.duplicate_of"


def rows(con: Any, sql: str, params: list[Any] | None = None) -> list[dict[str, Any]]:
    """Run ``sql`` and return dict rows (the result is already small: paged or aggregated)."""
    cur = con.execute(sql, params or [])
    names = [d[0] for d in cur.description]
    return [dict(zip(names, r, strict=True)) for r in cur.fetchall()]


def overview(con: Any) -> dict[str, Any]:
    """Corpus size, date range, top actors and latest events for the landing page."""
    counts = rows(
        con,
        "SELECT (SELECT count(*) FROM articles) AS articles,"
        " (SELECT count(*) FROM events) AS events,"
        " (SELECT count(*) FROM mentions) AS mentions,"
        " (SELECT count(*) FROM facts) AS facts,"
        " (SELECT min(date) FROM articles) AS first_date,"
        " (SELECT max(date) FROM articles) AS last_date",
    )[0]
    top = rows(
        con,
        "SELECT country, count(*) AS events FROM ("
        " SELECT source_country AS country FROM events UNION ALL"
        " SELECT target_country FROM events) WHERE country IS NOT NULL"
        " GROUP BY country ORDER BY events DESC, country LIMIT 15",
    )
    latest = rows(
        con,
        f"SELECT {EVENT_COLS} FROM events e LEFT JOIN articles a ON a.id = e.article_id"
        # an intent dated after its article ("will visit in 2030") sorts at the article's date
        " ORDER BY CASE WHEN e.date > a.date THEN a.date ELSE coalesce(e.date, a.date) END DESC NULLS LAST,"
        " e.event_id LIMIT 20",
    )
    return {"counts": counts, "top_actors": top, "latest": latest}


def event_filters(f: dict[str, Any]) -> tuple[str, list[Any]]:
    """WHERE clause for the event search; every value is a bound parameter, never spliced."""
    where, params = [], []
    if f.get("country"):
        where.append("(e.source_country = ? OR e.target_country = ?)")
        params += [f["country"], f["country"]]
    if f.get("actor"):
        where.append(
            "(e.source_actor_id = ? OR e.target_actor_id = ?"
            " OR e.source_name ILIKE ? OR e.target_name ILIKE ?)"
        )
        params += [f["actor"], f["actor"], f"%{f['actor']}%", f"%{f['actor']}%"]
    if f.get("root"):
        where.append("e.root = ?")
        params.append(f["root"].zfill(2))
    if f.get("quad_class"):
        where.append("e.quad_class = ?")
        params.append(int(f["quad_class"]))
    if f.get("since"):
        where.append("coalesce(e.date, a.date) >= ?")
        params.append(f["since"])
    if f.get("until"):
        where.append("coalesce(e.date, a.date) <= ?")
        params.append(f["until"] + "\uffff")
    if f.get("lang"):
        where.append("a.lang = ?")
        params.append(f["lang"])
    if f.get("year"):
        where.append("substr(coalesce(e.date, a.date), 1, 4) = ?")
        params.append(f["year"])
    if f.get("q"):
        where.append("e.sentence ILIKE ?")
        params.append(f"%{f['q']}%")
    return (" WHERE " + " AND ".join(where)) if where else "", params


def article_filters(f: dict[str, Any]) -> tuple[str, list[Any]]:
    """WHERE clause for the article search; country/actor filters go through the article's events."""
    where, params = [], []
    if f.get("q"):
        where.append("(a.title ILIKE ? OR a.text ILIKE ?)")
        params += [f"%{f['q']}%", f"%{f['q']}%"]
    if f.get("lang"):
        where.append("a.lang = ?")
        params.append(f["lang"])
    if f.get("since"):
        where.append("a.date >= ?")
        params.append(f["since"])
    if f.get("until"):
        where.append("a.date <= ?")
        params.append(f["until"] + "\uffff")
    if f.get("year"):
        where.append("substr(a.date, 1, 4) = ?")
        params.append(f["year"])
    if f.get("country") or f.get("actor") or f.get("root") or f.get("quad_class"):
        ew, ep = event_filters({k: f.get(k) for k in ("country", "actor", "root", "quad_class")})
        where.append(f"a.id IN (SELECT e.article_id FROM events e {ew})")
        params += ep
    return (" WHERE " + " AND ".join(where)) if where else "", params


def count(con: Any, kind: str, f: dict[str, Any]) -> int:
    """How many ``kind`` rows (events or articles) match the search filters ``f``."""
    if kind == "articles":
        where, params = article_filters(f)
        return con.execute(f"SELECT count(*) FROM articles a {where}", params).fetchone()[0]
    where, params = event_filters(f)
    base = f"FROM events e LEFT JOIN articles a ON a.id = e.article_id {where}"
    return con.execute(f"SELECT count(*) {base}", params).fetchone()[0]


def search_events(
    con: Any, f: dict[str, Any], limit: int, offset: int, total: int | None = None
) -> tuple[list[dict], int]:
    """One page of matching events plus the total count (counted unless ``total`` is known)."""
    where, params = event_filters(f)
    base = f"FROM events e LEFT JOIN articles a ON a.id = e.article_id {where}"
    if total is None:
        total = count(con, "events", f)
    page = rows(
        con,
        f"SELECT {EVENT_COLS} {base} ORDER BY date DESC NULLS LAST, e.event_id LIMIT ? OFFSET ?",
        [*params, limit, offset],
    )
    return page, total


def search_articles(
    con: Any, f: dict[str, Any], limit: int, offset: int, total: int | None = None
) -> tuple[list[dict], int]:
    """One page of matching articles plus the total count (counted unless ``total`` is known)."""
    where, params = article_filters(f)
    if total is None:
        total = count(con, "articles", f)
    page = rows(
        con,
        f"SELECT {ARTICLE_COLS} FROM articles a {where}"
        " ORDER BY a.date DESC NULLS LAST, a.id LIMIT ? OFFSET ?",
        [*params, limit, offset],
    )
    return page, total


def event(con: Any, event_id: str) -> dict[str, Any] | None:
    """One event with its article's title, url and date.

    Two key lookups rather than one join: a join on the event's article builds a hash table over the
    whole articles table, several times the cost of both lookups together."""
    found = rows(con, "SELECT * FROM events WHERE event_id = ?", [event_id])
    if not found:
        return None
    ev = found[0]
    art = rows(con, "SELECT title, url, date FROM articles WHERE id = ?", [ev["article_id"]])
    a = art[0] if art else {}
    ev.update(article_title=a.get("title"), article_url=a.get("url"), article_date=a.get("date"))
    return ev


def article(con: Any, article_id: str) -> dict[str, Any] | None:
    found = rows(
        con,
        "SELECT id, title, date, lang, url, coalesce(extra->>'_relpath', source_path) AS source_path, part, "
        "text, duplicate_of, json_extract_string(extra, '$.source_id') AS source_id, "
        "json_extract_string(extra, '$.speaker_country') AS speaker_country, "
        "json_extract_string(extra, '$.speaker') AS speaker FROM articles WHERE id = ?",
        [article_id],
    )
    return found[0] if found else None


#: per-article lists show at most this many rows: an article is a few dozen events, a runaway one is cut
PER_ARTICLE = 500


def _first(
    found: list[dict[str, Any]], keys: tuple[str, ...], limit: int = PER_ARTICLE
) -> list[dict[str, Any]]:
    """``ORDER BY keys LIMIT limit`` (NULLs last) done in Python: for the few rows one article has, DuckDB's
    sort costs more than the lookup itself."""
    found.sort(key=lambda r: tuple((r[k] is None, r[k] if r[k] is not None else 0) for k in keys))
    return found[:limit]


def article_events(con: Any, article_id: str, article_date: str | None = None) -> list[dict[str, Any]]:
    """The article's events in text order; an undated event takes ``article_date`` (its article's),
    passed in rather than joined: the join would read the whole articles table for one row."""
    cols = EVENT_COLS.replace("coalesce(e.date, a.date)", "coalesce(e.date, ?)")
    found = rows(
        con,
        f"SELECT {cols}, e.span_start, e.span_end FROM events e WHERE e.article_id = ?",
        [article_date, article_id],
    )
    return _first(found, ("span_start", "event_id"))


def article_mentions(con: Any, article_id: str) -> list[dict[str, Any]]:
    found = rows(
        con,
        'SELECT "start", "end", text, actor_id, name, country, agent FROM mentions WHERE article_id = ?',
        [article_id],
    )
    return _first(found, ("start",))


def duplicates(con: Any, article_id: str) -> list[dict[str, Any]]:
    """Near- and exact-duplicate links in both directions (two lookups: an OR would scan the table)."""
    cols = "article_id, duplicate_of, kind, similarity, source_path, part"
    found = rows(
        con,
        f"SELECT {cols} FROM duplicates WHERE article_id = ?"
        f" UNION SELECT {cols} FROM duplicates WHERE duplicate_of = ?",
        [article_id, article_id],
    )
    return _first(found, ("kind", "article_id"), limit=200)


def country_facts(con: Any, iso3: str, limit: int = 50) -> list[dict[str, Any]]:
    return rows(
        con,
        "SELECT f.kind, f.value, f.unit, f.currency, f.period, f.sentence, f.article_id"
        " FROM facts f WHERE list_contains(f.actors, ?) LIMIT ?",
        [iso3, limit],
    )


def _dyad_where(a: str, b: str) -> tuple[str, list[Any]]:
    where = (
        "WHERE (e.source_country = ? AND e.target_country = ?)"
        " OR (e.source_country = ? AND e.target_country = ?)"
    )
    return where, [a, b, b, a]


def dyad_count(con: Any, a: str, b: str) -> int:
    """How many events the dyad has, both directions (the filter reads events only: no join needed)."""
    where, params = _dyad_where(a, b)
    return con.execute(f"SELECT count(*) FROM events e {where}", params).fetchone()[0]


def dyad_events(
    con: Any, a: str, b: str, limit: int, offset: int, total: int | None = None
) -> tuple[list[dict], int]:
    """Evidence list for a dyad, both directions, newest first (counted unless ``total`` is known)."""
    where, params = _dyad_where(a, b)
    base = f"FROM events e LEFT JOIN articles a ON a.id = e.article_id {where}"
    if total is None:
        total = dyad_count(con, a, b)
    page = rows(
        con,
        f"SELECT {EVENT_COLS}, e.sentence {base} ORDER BY date DESC NULLS LAST, e.event_id LIMIT ? OFFSET ?",
        [*params, limit, offset],
    )
    return page, total


def segments(text: str, spans: list[tuple[int, int, str]]) -> list[tuple[str, str]]:
    """Split ``text`` into (piece, css class) runs so templates highlight without ``|safe``.

    Overlapping spans keep the first; offsets out of range are clipped.
    """
    out: list[tuple[str, str]] = []
    pos = 0
    for start, end, cls in sorted(spans):
        start, end = max(start, pos), min(end, len(text))
        if start >= end:
            continue
        if start > pos:
            out.append((text[pos:start], ""))
        out.append((text[start:end], cls))
        pos = end
    if pos < len(text):
        out.append((text[pos:], ""))
    return out


def find_spans(sentence: str, parts: list[tuple[str | None, str]]) -> list[tuple[int, int, str]]:
    """Locate actor and trigger strings in the evidence sentence (first occurrence each)."""
    spans = []
    low = sentence.lower()
    for needle, cls in parts:
        if needle:
            i = low.find(needle.lower())
            if i >= 0:
                spans.append((i, i + len(needle), cls))
    return spans


def facets(con: Any, kind: str, f: dict[str, Any], top: int = 10) -> dict[str, list[dict[str, Any]]]:
    """Counts of the current result set by country, root, QuadClass and year (events) or language and
    year (articles), each value with the count it would give: the search page's facet lists.

    One scan of the filtered rows: the dimensions are grouping sets of one query, a country being
    either side of an event (unnested), so a facet list costs about one more count of the results."""
    if kind == "events":
        where, params = event_filters(f)
        dims = {
            "country": "unnest([e.source_country, e.target_country])",
            "root": "e.root",
            "quad_class": "CAST(e.quad_class AS VARCHAR)",
            "year": "substr(coalesce(e.date, a.date), 1, 4)",
        }
        base = f"FROM events e LEFT JOIN articles a ON a.id = e.article_id {where}"
        # the unnest doubles each row, so the other dimensions count each event once (one of its sides)
        cols = ", ".join(f"{expr} AS {name}" for name, expr in dims.items())
        inner = f"SELECT {cols}, generate_subscripts([0, 0], 1) AS side {base}"
        weight = {name: "side = 1" for name in dims if name != "country"}
    else:
        where, params = article_filters(f)
        dims = {"lang": "a.lang", "year": "substr(a.date, 1, 4)"}
        cols = ", ".join(f"{expr} AS {name}" for name, expr in dims.items())
        inner = f"SELECT {cols} FROM articles a {where}"
        weight = {}
    sets = ", ".join(f"({name})" for name in dims)
    counts = ", ".join(
        f"count(*) FILTER (WHERE {weight[name]}) AS n_{name}" if name in weight else f"count(*) AS n_{name}"
        for name in dims
    )
    grouped = f"SELECT {', '.join(dims)}, {', '.join(f'GROUPING({d}) AS g_{d}' for d in dims)}, {counts} "
    found = rows(con, f"{grouped} FROM ({inner}) GROUP BY GROUPING SETS ({sets})", params)
    out: dict[str, list[dict[str, Any]]] = {}
    for name in dims:
        values = [
            {"value": r[name], "n": r[f"n_{name}"]}
            for r in found
            if r[f"g_{name}"] == 0 and r[name] not in (None, "") and r[f"n_{name}"]
        ]
        if name == "year":  # newest first; other facets by count
            values.sort(key=lambda v: v["value"], reverse=True)
        else:
            values.sort(key=lambda v: (-v["n"], v["value"]))
        out[name] = values[:top]
    return out
