"""Commands for the event coder: code (no store), run (ingest + code + store), events, explain,
evaluate, export."""

from __future__ import annotations

import json
import os
import sys
from collections import Counter
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from multivector.cli._common import (
    ColumnsOption,
    DbOption,
    PathsArg,
    app,
    article_progress,
    err,
    fail,
    interrupted,
    new_store_guard,
    note,
    open_store,
    report_error,
)
from multivector.cli.actors import ActorsOption, make_resolver
from multivector.errors import InputError, MultivectorError, UsageError
from multivector.output import write_records

#: what every event record says about the act, between its actors and its evidence
_ACT_COLUMNS = ["cameo", "cameo_label", "root", "quad_class", "goldstein", "plover", "negated", "modality"]
EVENT_COLUMNS = [
    "article_id",
    "source_id",
    "event_id",
    "date",
    "source",
    "target",
    *_ACT_COLUMNS,
    "confidence",
    "sentence",
    "span",
    "trigger",
]
_ACTOR_FIELDS = ("text", "actor_id", "name", "country", "agent", "via")
#: CSV/TSV: every value in its own plain column, actors spread out, never JSON inside a cell
FLAT_COLUMNS = [
    "article_id",
    "source_id",
    "event_id",
    "date",
    *[f"source_{k}" for k in _ACTOR_FIELDS],
    *[f"target_{k}" for k in _ACTOR_FIELDS],
    *_ACT_COLUMNS,
    "confidence",
    "sentence",
    "span_start",
    "span_end",
    "trigger",
    "pattern_id",
]
# people read the table: the act and its evidence first; ids last so `explain` can be called on them
TABLE_COLUMNS = [
    "date",
    "source",
    "cameo",
    "quad_class",
    "goldstein",
    "target",
    "confidence",
    "trigger",
    "sentence",
    "event_id",
]
_TABLE_WIDTH = {"sentence": 70, "source": 28, "target": 28, "event_id": 16, "cameo": 30}


class EventFormat(StrEnum):
    table = "table"
    jsonl = "jsonl"
    csv = "csv"
    tsv = "tsv"
    gdelt = "gdelt"


EventFormatOption = Annotated[EventFormat, typer.Option("--format", "-f", help="Output format.")]
WorkersOption = Annotated[
    int | None,
    typer.Option(
        "--workers", "-j", min=1, help="Worker processes, each coding whole articles (default: one per CPU)."
    ),
]


def _workers(n: int | None) -> int:
    """The number of coding processes: as asked, else the CPUs this process may use."""
    if n:
        return n
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


NoCacheOption = Annotated[bool, typer.Option("--no-cache", help="Do not read or write the result cache.")]


def _cache(no_cache: bool):
    from multivector.nlp import ResultCache

    return None if no_cache else ResultCache()


def _short(m) -> str | None:
    """An actor for the table view: "Belarus [BLR GOV]"."""
    if m is None:
        return None
    code = " ".join(x for x in (m.country, m.agent) if x)
    return f"{m.text} [{code}]" if code else m.text


def _label(code: str | None) -> str | None:
    """The CAMEO name beside a code; None for a code the table does not know (an older store's)."""
    from multivector.coding.tables import labels

    return labels(code)["cameo_label"]


def _rows(events, fmt: EventFormat, source_ids=None):
    for ev in events:
        rec = ev.to_dict()
        rec["cameo_label"] = _label(ev.cameo)
        rec["source_id"] = source_ids(ev.article_id) if source_ids else None
        if fmt is EventFormat.table:
            rec["source"], rec["target"] = _short(ev.source), _short(ev.target)
            rec["cameo"] = f"{ev.cameo} {rec['cameo_label'] or ''}".strip()
        elif fmt in (EventFormat.csv, EventFormat.tsv):
            for role in ("source", "target"):
                m = getattr(ev, role)
                for k in _ACTOR_FIELDS:
                    rec[f"{role}_{k}"] = getattr(m, k) if m is not None else None
            rec["span_start"], rec["span_end"] = ev.span if ev.span else (None, None)
        yield rec


def _write_events(events, fmt: EventFormat, articles: dict | None = None, lookup=None, only=None) -> int:
    """Events in any listing format; ``gdelt`` is GDELT 2.0's tab-separated export without a header."""
    if fmt is EventFormat.gdelt:
        from multivector.coding import to_gdelt_line

        return _write_lines(to_gdelt_line(ev, (articles or {}).get(ev.article_id)) for ev in events)
    columns = {EventFormat.table: TABLE_COLUMNS, EventFormat.jsonl: EVENT_COLUMNS}.get(fmt, FLAT_COLUMNS)

    def source_ids(article_id):
        if lookup is not None:
            return lookup(article_id)
        art = (articles or {}).get(article_id)
        return (art.extra or {}).get("source_id") if art is not None else None

    rows = _rows(events, fmt, source_ids)
    return write_records(rows, fmt.value, columns, title="events", max_width=_TABLE_WIDTH, only=only)


def _write_lines(lines) -> int:
    n = 0
    for line in lines:
        sys.stdout.write(line)
        n += 1
    sys.stdout.flush()
    return n


@app.command()
def code(
    paths: PathsArg,
    fmt: EventFormatOption = EventFormat.jsonl,
    columns: ColumnsOption = None,
    workers: WorkersOption = None,
    actors: ActorsOption = None,
    no_cache: NoCacheOption = False,
) -> None:
    """Code the events of PATHS without storing them: one record per event, with its evidence."""
    from multivector.coding import code_articles
    from multivector.pipeline import count_uncoded_language, extract_articles

    resolver = make_resolver(actors) if actors else None
    cache = _cache(no_cache)
    failed = 0
    seen: dict = {}

    languages: Counter = Counter()

    def articles():
        nonlocal failed
        for item in extract_articles(paths, cache=cache):
            if isinstance(item, InputError):
                failed += 1
                report_error(item)
                continue
            count_uncoded_language(languages, item)
            yield item

    def events():
        coded = code_articles(articles(), resolver=resolver, cache=cache, n_process=_workers(workers))
        for art, (evs, _m, _f) in coded:
            seen.clear()  # only the article being written is needed: memory stays flat
            seen[art.id] = art
            yield from evs

    try:
        _write_events(events(), fmt, seen, only=columns)
    except MultivectorError as exc:
        fail(exc)
    _language_note(languages)
    if failed:
        raise typer.Exit(1)


@app.command()
def run(
    paths: PathsArg,
    db: DbOption = None,
    workers: WorkersOption = None,
    actors: ActorsOption = None,
    no_cache: NoCacheOption = False,
    recode: Annotated[bool, typer.Option("--recode", help="Code again articles already coded.")] = False,
    dask: Annotated[
        str | None,
        typer.Option("--dask", help="Run on Dask: 'local' (a local cluster) or a scheduler address."),
    ] = None,
) -> None:
    """Ingest, code and store PATHS: the whole pipeline (idempotent: re-runs add nothing)."""
    from multivector.store import Store

    if dask and (actors or workers):
        what = "--actors (Dask workers load the packaged actors only)" if actors else "--workers"
        fail(UsageError(f"{what} does not apply to --dask; size the Dask cluster instead of --workers"))
    resolver = make_resolver(actors) if actors else None
    try:
        with (
            new_store_guard(db) as outcome,
            Store(db) as store,
            article_progress("ingesting and coding", paths) as advance,
        ):
            if dask:
                report = _run_dask(paths, store, dask, recode=recode, use_cache=not no_cache)
            else:
                from multivector.pipeline import run as run_pipeline

                report = run_pipeline(
                    paths,
                    store,
                    on_error=report_error,
                    on_progress=advance,
                    n_process=_workers(workers),
                    cache=_cache(no_cache),
                    resolver=resolver,
                    recode=recode,
                )
            db_path = store.path
            outcome["added"] = report.added + report.exact_duplicates
    except MultivectorError as exc:
        fail(exc, db)
    except KeyboardInterrupt:
        interrupted(db, "run")
    if outcome.get("removed"):
        db_path = f"nothing stored, so {db_path} was not created"  # type: ignore[assignment]
    err.print(
        f"{report.articles} articles read: {report.added} added, {report.exact_duplicates} exact duplicates, "
        f"{report.near_duplicates} near-duplicates linked; {report.coded} coded ({report.skipped_coded} "
        f"already coded): {report.events} events, {report.facts} facts; {len(report.errors)} inputs "
        f"failed → {db_path}",
        highlight=False,
        soft_wrap=True,
    )
    _language_note(report.uncoded_languages, report.cut_articles)
    if report.errors:
        raise typer.Exit(1)


def _language_note(counts, cut: list[str] | None = None) -> None:
    from multivector.pipeline import cut_notice, language_notice

    for line in (language_notice(counts), cut_notice(cut or [])):
        if line:
            note(line)


def _run_dask(paths: list[str], store, address: str, *, recode: bool, use_cache: bool):
    """`run --dask`: extraction and coding on a Dask cluster, writes here (DuckDB has one writer)."""
    from multivector import scale

    runner = getattr(scale, "run_dask", None)
    if runner is None:
        raise MultivectorError("this installation has no Dask runner (multivector.scale.run_dask)")
    return runner(paths, store, scheduler=address, on_error=report_error, recode=recode, use_cache=use_cache)


@app.command()
def events(
    country: Annotated[str | None, typer.Option("--country", "-c", help="Either side (ISO3).")] = None,
    source: Annotated[str | None, typer.Option(help="Source country (ISO3).")] = None,
    target: Annotated[str | None, typer.Option(help="Target country (ISO3).")] = None,
    actor: Annotated[str | None, typer.Option(help="Actor id on either side.")] = None,
    since: Annotated[str | None, typer.Option(help="First date (ISO), inclusive.")] = None,
    until: Annotated[str | None, typer.Option(help="Last date (ISO), inclusive.")] = None,
    root: Annotated[str | None, typer.Option(help="CAMEO root, e.g. 04.")] = None,
    cameo: Annotated[str | None, typer.Option(help="CAMEO code or prefix, e.g. 057.")] = None,
    quad: Annotated[int | None, typer.Option("--quad", min=1, max=4, help="QuadClass 1-4.")] = None,
    article: Annotated[str | None, typer.Option(help="Article id.")] = None,
    min_confidence: Annotated[
        float | None, typer.Option("--min-confidence", min=0.0, max=1.0, help="Only events this sure.")
    ] = None,
    limit: Annotated[int | None, typer.Option(help="At most this many events.")] = None,
    db: DbOption = None,
    fmt: EventFormatOption = EventFormat.table,
    columns: ColumnsOption = None,
) -> None:
    """Stored events, filtered; `-f gdelt` writes GDELT 2.0 export lines."""
    from multivector.store.export import EventFilter, gdelt_lines, query_events

    flt = EventFilter(
        country=country,
        source=source,
        target=target,
        actor=actor,
        since=since,
        until=until,
        root=root,
        cameo=cameo,
        quad_class=quad,
        article_id=article,
        limit=limit,
        min_confidence=min_confidence,
    )
    with open_store(db, read_only=True) as store:
        try:
            if fmt is EventFormat.gdelt:
                _write_lines(gdelt_lines(store.con, flt))
            else:
                _write_events(query_events(store.con, flt), fmt, lookup=_source_ids(store.con), only=columns)
        except MultivectorError as exc:
            fail(exc)


def _source_ids(con):
    """article id -> the input's own id, for the stored articles that have one (read once, lazily)."""
    table: dict | None = None

    def get(article_id):
        nonlocal table
        if table is None:
            rows = con.execute(
                "SELECT id, json_extract_string(extra, '$.source_id') FROM articles "
                "WHERE json_extract_string(extra, '$.source_id') IS NOT NULL"
            ).fetchall()
            table = dict(rows)
        return table.get(article_id)

    return get


@app.command()
def explain(
    event_id: Annotated[str, typer.Argument(help="Event id (or a unique prefix of 6+ characters).")],
    db: DbOption = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the explanation as JSON.")] = False,
) -> None:
    """Why an event was coded: its sentence, article, the pattern that fired and the parse path."""
    from multivector.coding import explain as explain_event
    from multivector.store.export import get_event

    with open_store(db, read_only=True) as store:
        try:
            ev = get_event(store.con, event_id)
            if ev is None:
                fail(MultivectorError(f"no event {event_id!r} in {store.path}"))
            art = store.get_article(ev.article_id) if ev.article_id else None
        except MultivectorError as exc:
            fail(exc)
    info = explain_event(ev)
    info["article"] = (
        None
        if art is None
        else {
            "id": art.id,
            "title": art.title,
            "date": art.date,
            "url": art.url,
            "source_path": art.source_path,
        }
    )
    if as_json:
        print(json.dumps(info, ensure_ascii=False, indent=2))
        return
    _print_explanation(info)


def _print_explanation(info: dict) -> None:
    from rich.console import Console
    from rich.markup import escape

    out = Console(highlight=False)
    src, tgt = info["source"], info["target"]
    art = info.get("article") or {}
    out.print(
        f"[bold]event[/bold] {info['event_id']}  CAMEO {info['cameo']}  "
        f"QuadClass {info['quad_class']}  Goldstein {info['goldstein']}  "
        f"PLOVER {info['plover'] or '-'}  ({info['modality']})"
    )
    out.print(
        f"[bold]article[/bold] {escape(str(art.get('title')))}  {art.get('date') or 'undated'}  "
        f"{escape(str(art.get('url') or art.get('source_path') or ''))}"
    )
    out.print(f"[bold]sentence[/bold] [{info['span'][0]}:{info['span'][1]}] {escape(info['sentence'])}")
    for role, m in (("source", src), ("target", tgt)):
        if m:
            found = escape(info.get(f"{role}_found") or "")
            out.print(
                f"[bold]{role}[/bold] {escape(m['text'])} → {m['actor_id']} {m['country']} {m['agent']}"
                f"  ({found})"
            )
    out.print(
        f"[bold]trigger[/bold] {escape(info['trigger'])}   [bold]pattern[/bold] "
        f"{escape(json.dumps(info['pattern'], ensure_ascii=False))}"
    )
    for role in ("source", "target"):
        path = info.get(f"{role}_path") or []
        if path:
            steps = " → ".join(f"{t['text']}/{t['dep']}" for t in path)
            out.print(f"[bold]parse path trigger→{role}[/bold] {escape(steps)}")


class ExportWhat(StrEnum):
    events = "events"
    mentions = "mentions"
    articles = "articles"
    facts = "facts"


class ExportFormat(StrEnum):
    gdelt = "gdelt"
    parquet = "parquet"
    csv = "csv"
    jsonl = "jsonl"


@app.command()
def export(
    what: Annotated[ExportWhat, typer.Option("--what", help="Which table.")] = ExportWhat.events,
    fmt: Annotated[ExportFormat, typer.Option("--format", "-f", help="File format.")] = ExportFormat.jsonl,
    out: Annotated[Path, typer.Option("--out", "-o", help="Output file.")] = Path("events.jsonl"),
    country: Annotated[str | None, typer.Option("--country", "-c", help="Events: either side.")] = None,
    since: Annotated[str | None, typer.Option(help="Events: first date.")] = None,
    until: Annotated[str | None, typer.Option(help="Events: last date.")] = None,
    db: DbOption = None,
) -> None:
    """Export a stored table as GDELT 2.0 TSV (events), Parquet, CSV or JSONL."""
    from multivector.store.export import EventFilter
    from multivector.store.export import export as run_export

    flt = EventFilter(country=country, since=since, until=until)
    with open_store(db, read_only=True) as store:
        try:
            n = run_export(store.con, what.value, fmt.value, out, flt)
        except MultivectorError as exc:
            fail(exc)
    err.print(f"{n} {what.value} → {out}", highlight=False)


@app.command()
def evaluate(
    corpora: Annotated[
        Path | None, typer.Option(help="The shared corpora folder (default: ../shared/corpora).")
    ] = None,
    only: Annotated[
        list[str] | None,
        typer.Option(
            "--only", help="A suite to run (repeatable; default: every suite but unga). See --list."
        ),
    ] = None,
    list_suites: Annotated[
        bool, typer.Option("--list", help="Name the suites and what they measure.")
    ] = False,
    fmt: Annotated[str, typer.Option("--format", "-f", help="table, jsonl, csv or tsv.")] = "table",
) -> None:
    """Reproduce the measured-quality scores on the shared gold corpora, as one table."""
    from multivector.evaluation import REGISTRY, default_corpora, evaluate_suites

    if list_suites:
        suites = [{"suite": name, "measures": about} for name, (about, _fn) in REGISTRY.items()]
        write_records(suites, fmt, ["suite", "measures"], title="evaluation suites")
        return
    root = corpora or default_corpora()
    if root is None or not root.is_dir():
        fail(MultivectorError(f"no corpora folder at {root}; pass --corpora"))
    try:
        rows = evaluate_suites(root, only or None, on_progress=lambda s: err.print(f"evaluating {s}…"))
    except MultivectorError as exc:
        fail(exc)
    write_records(rows, fmt, ["suite", "data", "metric", "value", "n"], title="measured quality")
