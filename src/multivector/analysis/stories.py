"""Story dedup: the events several articles report about one happening collapse into one story event.

Wire copies, follow-ups and round-ups report the same meeting or strike many times; counting each
report as an event inflates whatever the newsroom covered most.  A *story* is GDELT's idea of an
event with ``NumMentions``: one row, a mention count, and every piece of evidence behind it.

Rule (all inside DuckDB, one pass of window functions):

1. Key every event by its dyad and type: source key, target key (``actor_key`` decides what identifies
   an actor: the actor id, the actor id plus its sector/agent, or -- the default -- the country code,
   with the actor id for generic codes such as ``IGO`` so NATO and the CSTO stay apart), and the
   CAMEO ``root`` or -- the default -- full ``code``.  With ``directed=False`` the two actor keys
   are sorted, because "A clashed with B" and "B clashed with A" are one clash.
   With ``same_sentence=True`` (default) the events of one sentence with one code take the smallest
   key among them: a coder emits several actor pairings ("Belarus and Armenia clashed with
   Azerbaijan") for what is one happening.
2. Within each key, order events by day and start a new story whenever the gap to the previous event
   exceeds ``window_days`` (single-linkage in time, like a session window).
3. Events without a day-precise date cannot be placed in time and stay singleton stories.

Whether the articles are near-duplicates does not matter: a reprint is one more mention of the story.

Defaults were chosen on the BBN ACCENT gold clusters (see ``evaluation/stories.py`` and the README):
undirected dyads, full code, same-sentence merging, 1-day window give B-cubed F1 0.849 and ARI 0.747
on the 1,130 grouped gold mentions.  Country-level keys merge "Putin met Lukashenko" with "Russia met
Belarus" the same day, which is what a story is; the price is merging two distinct same-day meetings
of one dyad.
"""

from __future__ import annotations

from typing import Any

from multivector.analysis._sql import MIN_CONFIDENCE, date_sql, event_filter, fetch_dicts, range_sql
from multivector.errors import UsageError

ACTOR_KEYS = ("actor", "actor+agent", "country")
MATCHES = ("root", "code")


def _key(prefix: str, actor_key: str) -> str:
    actor = f"coalesce(e.{prefix}_actor_id, e.{prefix}_country, '')"
    if actor_key == "actor":
        return actor
    if actor_key == "actor+agent":
        return f"{actor} || '/' || coalesce(e.{prefix}_agent, '')"
    return (
        f"(CASE WHEN e.{prefix}_country IS NULL OR e.{prefix}_country IN ('IGO', 'NGO', 'MNC')"
        f" THEN coalesce(e.{prefix}_actor_id, e.{prefix}_country, '') ELSE e.{prefix}_country END)"
    )


def story_sql(
    con: Any,
    *,
    window_days: int = 1,
    match: str = "code",
    directed: bool = False,
    actor_key: str = "country",
    same_sentence: bool = True,
    since: str | None = None,
    until: str | None = None,
    include_negated: bool = False,
    min_confidence: float = MIN_CONFIDENCE,
) -> tuple[str, list[Any]]:
    """SQL (CTEs ending in relation ``st``) assigning every event a ``story_id``; see the module docstring.

    ``st`` columns: event_id, article_id, d (date), day, k1, k2 (sorted unless directed), code, story_id.
    """
    if actor_key not in ACTOR_KEYS:
        raise UsageError(f"unknown actor_key {actor_key!r}; choose one of {', '.join(ACTOR_KEYS)}")
    if match not in MATCHES:
        raise UsageError(f"unknown match {match!r}; choose one of {', '.join(MATCHES)}")
    if window_days < 0:
        raise UsageError("window_days must be >= 0")
    frm, where = event_filter(
        con, include_negated=include_negated, include_duplicates=True, min_confidence=min_confidence
    )
    d = date_sql(con)
    rng, params = range_sql(d, since, until)
    code = "coalesce(e.root, substr(e.cameo, 1, 2))" if match == "root" else "e.cameo"
    s, t = _key("source", actor_key), _key("target", actor_key)
    k1 = s if directed else f"least({s}, {t})"
    k2 = t if directed else f"greatest({s}, {t})"
    if same_sentence:
        # one sentence, one code: the coder's several actor pairings of one happening share a key
        part = "PARTITION BY article_id, sentence, code ORDER BY k1_raw, k2_raw"
        k1_expr = f"CASE WHEN sentence IS NULL THEN k1_raw ELSE first_value(k1_raw) OVER ({part}) END"
        k2_expr = f"CASE WHEN sentence IS NULL THEN k2_raw ELSE first_value(k2_raw) OVER ({part}) END"
    else:
        k1_expr, k2_expr = "k1_raw", "k2_raw"
    sql = f"""
        WITH kev0 AS (
            SELECT e.event_id, e.article_id, {d} AS d,
                   CASE WHEN regexp_matches({d}, '^[0-9]{{4}}-[0-9]{{2}}-[0-9]{{2}}')
                        THEN TRY_CAST(substr({d}, 1, 10) AS DATE) END AS day,
                   {k1} AS k1_raw, {k2} AS k2_raw, {code} AS code, e.sentence
            FROM {frm} WHERE {where} AND {rng}
        ),
        kev AS (
            SELECT * EXCLUDE (k1_raw, k2_raw), {k1_expr} AS k1, {k2_expr} AS k2 FROM kev0
        ),
        gap AS (
            SELECT *, CASE WHEN day IS NULL THEN 1
                           WHEN lag(day) OVER w IS NULL THEN 1
                           WHEN day - lag(day) OVER w > {int(window_days)} THEN 1 ELSE 0 END AS brk
            FROM kev WINDOW w AS (PARTITION BY k1, k2, code, day IS NULL ORDER BY day, event_id)
        ),
        st AS (
            SELECT *, md5(k1 || '|' || k2 || '|' || code || '|' ||
                          CASE WHEN day IS NULL THEN 'undated:' || event_id ELSE CAST(sum(brk) OVER (
                              PARTITION BY k1, k2, code, day IS NULL ORDER BY day, event_id
                              ROWS UNBOUNDED PRECEDING) AS VARCHAR) END) AS story_id
            FROM gap
        )
    """
    return sql, params


def story_assignments(con: Any, **opts: Any) -> Any:
    """Arrow table (event_id, article_id, story_id) for every event: the input to evaluation and to
    any later persistence of stories (options as in :func:`story_sql`)."""
    sql, params = story_sql(con, **opts)
    rel = con.sql(sql + "SELECT event_id, article_id, story_id FROM st ORDER BY event_id", params=params)
    return rel.to_arrow_table()


def stories(
    con: Any,
    *,
    country: str | None = None,
    min_mentions: int = 1,
    limit: int | None = None,
    evidence: int = 20,
    **opts: Any,
) -> list[dict[str, Any]]:
    """One row per story: the deduplicated event list with GDELT-like mention counts and evidence.

    Row: ``story_id``, ``actor_a``, ``actor_b`` (sorted unless ``directed``, then source and target),
    ``pair`` ("A–B", or "A → B" when directed), ``code``,
    ``first_date``, ``last_date``, ``mentions`` (events), ``articles`` (distinct articles: GDELT's
    NumArticles), ``quad_class`` and ``goldstein`` (modal class and mean score of its events), and
    ``evidence``: up to ``evidence`` items {event_id, article_id, date, title, sentence}, earliest first.
    ``country`` keeps stories with that country on either side; stories are ordered by mentions.
    """
    sql, params = story_sql(con, **opts)
    # an undirected story is a pair, never a direction: "BLR–RUS"; a directed one reads "BLR → RUS"
    pair_sep = " → " if opts.get("directed") else "–"
    extra, extra_params = [], []
    if country:
        extra.append("(e.source_country = ? OR e.target_country = ?)")
        extra_params += [country, country]
    has_articles = "LEFT JOIN articles a ON a.id = st.article_id"
    title = "a.title"
    lim = f"LIMIT {int(limit)}" if limit else ""
    sql += f"""
        SELECT st.story_id, any_value(st.k1) AS actor_a, any_value(st.k2) AS actor_b,
               any_value(st.k1) || {pair_sep!r} || any_value(st.k2) AS pair,
               any_value(st.code) AS code, min(st.d) AS first_date, max(st.d) AS last_date,
               count(*) AS mentions, count(DISTINCT st.article_id) AS articles,
               mode(e.quad_class) AS quad_class, avg(e.goldstein) AS goldstein,
               list({{'event_id': st.event_id, 'article_id': st.article_id, 'date': st.d,
                      'title': {title}, 'sentence': e.sentence}}
                    ORDER BY st.d, st.event_id)[1:{int(evidence)}] AS evidence
        FROM st JOIN events e ON e.event_id = st.event_id {has_articles}
        WHERE {" AND ".join(extra) or "TRUE"}
        GROUP BY st.story_id HAVING count(*) >= ?
        ORDER BY mentions DESC, first_date, story_id {lim}
    """
    return fetch_dicts(con, sql, [*params, *extra_params, int(min_mentions)])
