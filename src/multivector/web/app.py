"""FastAPI dashboard over one multivector store (Datasette-style: every table is also CSV/JSON).

Store sharing (see README.md): the server process owns the store's single DuckDB connection. Reads use
a fresh cursor per request (DuckDB cursors are independent connections to the same database, safe
across threads); writes (uploads) go through the store under one lock, so they are serialized. Other
processes cannot open the file while the server runs; they get the store's "locked by process N"
error, and the upload form / ``POST /api/ingest`` is the way to add documents meanwhile.
"""

import csv
import io
import sys
import threading
from collections.abc import Set as AbstractSet
from contextlib import asynccontextmanager, contextmanager
from pathlib import Path
from typing import Any

from cachetools import LRUCache

from multivector.errors import MultivectorError, internal_error
from multivector.web.cache import CachedResponses, ResponseCache
from multivector.web.present import highlight, human_number, jsonable, safe_url, template_env, with_param
from multivector.web.uploads import (
    busy_uploads,
    in_daemon_thread,
    pasted_upload,
    sweep_upload_dirs,
    upload_dir,
    upload_name,
)

MAX_UPLOAD = 10 * 1024 * 1024
#: seconds a stopping server lets running requests finish; an upload still coding then is abandoned
#: (its transaction never commits, so the store keeps what it had; uploading again is idempotent)
GRACE = 5
PAGE = 50
MEMO_SIZE = 256  # cached country summaries (and the similar-articles index)
TOTALS_SIZE = 4096  # cached result counts and facet lists (a few KB each)
SIMILAR_POOL = 2000  # candidates for "similar articles" on stores too large for the index
#: articles up to which "similar articles" come from one in-memory index (at most ~4 KB per article)
SIMILAR_INDEX_MAX = 100_000
_HERE = Path(__file__).parent
_LOCAL = {"127.0.0.1", "localhost", "::1"}
MAX_PAGE = 100_000  # far past any store's last page; larger numbers would overflow DuckDB's OFFSET
#: Every response may load only what this server serves: no CDN, no inline script, no framing.
CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
    "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)
SECURITY_HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
}
_HEADER_BYTES = [(k.lower().encode(), v.encode()) for k, v in SECURITY_HEADERS.items()]


def _host_of(value: str) -> str:
    """The host part of a Host header or an Origin URL, without port or brackets, lower-case."""
    from urllib.parse import urlsplit

    netloc = urlsplit(value).netloc if "://" in value else value
    host = netloc.rsplit("@", 1)[-1]
    if host.startswith("["):
        return host[1:].split("]", 1)[0].lower()
    return host.split(":", 1)[0].lower()


class _Guard:
    """ASGI middleware: security headers on every response; a Host allow-list (DNS rebinding); no
    cross-site writes (Origin / Sec-Fetch-Site on POST); request bodies capped while they stream in,
    so an oversized upload is refused before it is buffered."""

    def __init__(self, app: Any, allowed_hosts: set[str] | None, max_body: int) -> None:
        from fastapi import HTTPException

        self.app, self.allowed_hosts, self.max_body = app, allowed_hosts, max_body
        self.too_large = HTTPException(413, f"request body over the limit of {max_body} bytes per request")

    async def __call__(self, scope: dict, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope["headers"]}
        host = _host_of(headers.get("host", ""))
        if self.allowed_hosts is not None and host not in self.allowed_hosts:
            await _reply(send, 400, f"host {host!r} is not served here (DNS rebinding guard)")
            return
        if scope["method"] in ("GET", "HEAD", "OPTIONS"):
            await self.app(scope, receive, _with_headers(send))
            return
        site = headers.get("sec-fetch-site")
        origin = headers.get("origin")
        if (site and site not in ("same-origin", "none")) or (origin and _host_of(origin) != host):
            await _reply(send, 403, "cross-site request refused: post from this dashboard's own pages")
            return
        try:
            declared = int(headers.get("content-length") or 0)
        except ValueError:
            declared = 0
        if declared > self.max_body:
            await _reply(send, 413, self.too_large.detail)
            return
        seen = 0

        async def counted() -> dict:
            nonlocal seen
            message = await receive()
            seen += len(message.get("body", b""))
            if seen > self.max_body:
                raise self.too_large
            return message

        await self.app(scope, counted, _with_headers(send))


async def _reply(send: Any, status: int, detail: str) -> None:
    import json

    body = json.dumps({"detail": detail}).encode()
    headers = [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]
    headers += _HEADER_BYTES
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})


def _with_headers(send: Any) -> Any:
    async def sender(message: dict) -> None:
        if message["type"] == "http.response.start":
            names = {k.lower() for k, _ in message.get("headers", [])}
            kept = [h for h in _HEADER_BYTES if h[0] not in names]
            message = dict(message, headers=[*message.get("headers", []), *kept])
        await send(message)

    return sender


def _plotly_js() -> Path:
    """plotly.min.js from the installed plotly package: no CDN, no copy in the repository."""
    import plotly

    return Path(plotly.__file__).parent / "package_data" / "plotly.min.js"


def _default_coder() -> Any:
    """The event coder when ``multivector.coding`` provides one; else uploads are only ingested."""
    try:
        from multivector.coding import code_article
    except ImportError:
        return None
    return code_article


def create_app(
    db_path: str | Path,
    *,
    read_only: bool = False,
    coder: Any = "auto",
    allowed_hosts: AbstractSet[str] | None = frozenset(_LOCAL),
) -> Any:
    """Build the app around one open :class:`Store`; ``read_only`` disables uploads.

    ``coder``: a ``code_article``-like callable, None to only ingest, or "auto" for the project coder.
    ``allowed_hosts``: the names the server answers to (loopback by default; None accepts any, for
    ``serve --allow-remote``).
    """
    from fastapi import FastAPI, File, Form, HTTPException, Request, UploadFile
    from fastapi.responses import FileResponse, HTMLResponse, JSONResponse, Response
    from fastapi.staticfiles import StaticFiles
    from fastapi.templating import Jinja2Templates

    from multivector.store import Store
    from multivector.web import queries as Q
    from multivector.web.snapshot import snapshot_folder
    from multivector.web.sql import lock_down

    store = Store(db_path, read_only=read_only)
    # the SQL page's SELECTs must not reach files; the one folder the server writes is its snapshots'
    snapshots = None if read_only else snapshot_folder()
    lock_down(store.con, allowed=[snapshots] if snapshots else [])
    lock = threading.Lock()
    coder_fn = _default_coder() if coder == "auto" else coder

    @asynccontextmanager
    async def lifespan(_app: Any):
        yield
        # an upload holding the lock past the grace period is abandoned by serve(), not waited for
        if lock.acquire(timeout=GRACE):
            try:
                store.close()
            finally:
                lock.release()

    class Dashboard(FastAPI):
        """FastAPI with our guard and page cache outermost: a cached page is replayed without passing
        FastAPI's error, telemetry and body-limit layers (under load, most requests are cached pages and
        those layers were a third of the server's time). Errors inside still become 500s."""

        def build_middleware_stack(self) -> Any:
            inner = CachedResponses(super().build_middleware_stack(), cache=pages)
            return _Guard(inner, allowed_hosts=hosts, max_body=MAX_UPLOAD + 64 * 1024)

    app = Dashboard(
        title="multivector",
        description="Foreign-policy event data: pages and JSON API.",
        lifespan=lifespan,
        docs_url=None,  # FastAPI's Swagger UI comes from a CDN; /docs is our own page
        redoc_url=None,
    )
    app.state.store = store
    hosts = None if allowed_hosts is None else {h.strip("[]").lower() for h in allowed_hosts}
    pages = ResponseCache()
    app.state.pages = pages
    templates = Jinja2Templates(env=template_env(_HERE / "templates"))
    templates.env.filters["safe_url"] = safe_url
    templates.env.filters["highlight"] = highlight
    templates.env.filters["human"] = human_number
    templates.env.globals["with_param"] = with_param
    app.mount("/static/own", StaticFiles(directory=str(_HERE / "static")), name="static")

    # summaries that cost a bootstrap or a similarity search, keyed by their arguments; only this
    # process writes the store (uploads), and every upload clears it, so an entry is never stale
    memo: LRUCache[tuple, Any] = LRUCache(maxsize=MEMO_SIZE)
    # result counts and facet lists of a search or dyad, shared by all its pages and formats: paging
    # through results re-ran them per page (two thirds of a page's time); kept apart so that many
    # searches never push a country summary or the similarity index out
    totals: LRUCache[tuple, Any] = LRUCache(maxsize=TOTALS_SIZE)

    memo_lock = threading.Lock()

    computing: dict[tuple, threading.Event] = {}  # keys being computed now, so it happens once
    generation = [0]  # bumped by every upload

    def memoized(key: tuple, compute: Any, into: LRUCache[tuple, Any] = memo) -> Any:
        while True:
            with memo_lock:
                if key in into:
                    return into[key]
                running = computing.get(key)
                if running is None:
                    computing[key] = threading.Event()
                    break
            # another request computes this very summary: wait for it rather than compute it again
            # (under load, twenty requests for one cold country page used to bootstrap twenty times)
            running.wait()
        started = generation[0]
        try:
            value = compute()  # outside the lock: requests for other pages go on meanwhile
            with memo_lock:
                if generation[0] == started:  # an upload meanwhile makes this value stale: do not keep it
                    into[key] = value
            return value
        finally:
            with memo_lock:
                computing.pop(key).set()

    def forget() -> None:
        with memo_lock:
            memo.clear()
            totals.clear()
            generation[0] += 1
        pages.clear()

    @contextmanager
    def cursor():
        cur = store.con.cursor()
        try:
            yield cur
        finally:
            cur.close()

    def respond(request: Request, template: str, ctx: dict[str, Any], table: list[dict] | None = None):
        """HTML by default; ``?format=csv|json`` returns the page's main table instead."""
        fmt = request.query_params.get("format")
        if fmt == "json":
            return JSONResponse(jsonable(table if table is not None else ctx))
        if fmt == "csv":
            buf = io.StringIO()
            data = table or []
            if data:
                from multivector.output import neutralise

                w = csv.DictWriter(buf, fieldnames=list(data[0]))
                w.writeheader()
                w.writerows(
                    {k: neutralise(v) if isinstance(v, str) else v for k, v in row.items()} for row in data
                )
            return Response(
                buf.getvalue(),
                media_type="text/csv",
                headers={"Content-Disposition": f'attachment; filename="{template}.csv"'},
            )
        return templates.TemplateResponse(request, f"{template}.html", ctx)

    def filters(request: Request) -> dict[str, Any]:
        keys = ("q", "country", "actor", "root", "quad_class", "since", "until", "lang", "year")
        f = {k: (request.query_params.get(k) or "").strip() for k in keys}
        if f["quad_class"] and f["quad_class"] not in {"1", "2", "3", "4"}:
            raise HTTPException(422, "quad_class must be 1, 2, 3 or 4")
        if f["year"] and not (len(f["year"]) == 4 and f["year"].isdigit()):
            raise HTTPException(422, "year must be four digits")
        if f["country"]:
            f["country"] = f["country"].upper()
        return f

    def page_args(request: Request) -> tuple[int, int]:
        try:
            page = int(request.query_params.get("page", 1))
        except ValueError as exc:
            raise HTTPException(422, "page must be a number") from exc
        if not 1 <= page <= MAX_PAGE:
            raise HTTPException(422, f"page must be between 1 and {MAX_PAGE}")
        return page, (page - 1) * PAGE

    @app.get("/static/plotly.min.js", include_in_schema=False)
    def plotly_js():
        return FileResponse(_plotly_js(), media_type="application/javascript")

    @app.get("/static/bands.js", include_in_schema=False)
    def bands_js():
        from multivector.report.html import bands_js as text

        return Response(text(), media_type="application/javascript")

    @app.get("/docs", response_class=HTMLResponse, include_in_schema=False)
    def api_docs(request: Request):
        """The API described from its own OpenAPI schema, served offline (no Swagger UI from a CDN)."""
        return templates.TemplateResponse(request, "api.html", {"spec": app.openapi()})

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def overview(request: Request):
        with cursor() as con:
            data = Q.overview(con)
        return respond(request, "overview", {"d": data}, data["latest"])

    @app.get("/country/{iso3}", response_class=HTMLResponse, include_in_schema=False)
    def country(request: Request, iso3: str, by: str = "quarter"):
        data = memoized(("country", iso3.upper(), by), lambda: country_data(iso3.upper(), by))
        page, offset = page_args(request)
        listed = {"country": iso3.upper()}
        total = memoized(("events", iso3.upper()), lambda: read(Q.count, "events", listed), into=totals)
        with cursor() as con:
            events, total = Q.search_events(con, listed, PAGE, offset, total=total)
        listing = {"rows": events, "total": total, "page": page, "pages": max(1, -(-total // PAGE))}
        ctx = {"d": data, "iso3": iso3.upper(), "events": listing, "by": by}
        return respond(request, "country", ctx, data["balance"])

    def country_data(iso3: str, by: str) -> dict[str, Any]:
        from multivector.analysis.balance import balance, coarse_dated, partners
        from multivector.analysis.dyads import quad_mix
        from multivector.analysis.trends import trends

        if by not in {"month", "quarter", "year"}:
            raise HTTPException(422, "by must be month, quarter or year")
        with cursor() as con:
            try:
                return {
                    "balance": balance(con, iso3, by=by, n_boot=200),
                    "coarse": coarse_dated(con, iso3, by),
                    "partners": partners(con, iso3, top=20),
                    "quad": quad_mix(con, iso3),
                    "trends": trends(con, by="month", country=iso3)[:20],
                    "facts": Q.country_facts(con, iso3),
                }
            except MultivectorError as exc:
                raise HTTPException(422, str(exc)) from exc

    @app.get("/dyad/{a}/{b}", response_class=HTMLResponse, include_in_schema=False)
    def dyad(request: Request, a: str, b: str, by: str = "month"):
        a, b = a.upper(), b.upper()
        data = dyad_data(request, a, b, by)
        # the chart draws events per period: shipping every summary column made the page several
        # times larger and slower to render (they stay in /api/dyad)
        chart = {k: [{"period": r["period"], "events": r["events"]} for r in data[k]] for k in ("ab", "ba")}
        return respond(request, "dyad", {"d": data, "a": a, "b": b, "chart": chart}, data["evidence"])

    def dyad_data(request: Request, a: str, b: str, by: str) -> dict[str, Any]:
        from multivector.analysis.dyads import dyad_series, dyad_table

        page, offset = page_args(request)
        with cursor() as con:
            try:
                # every pair's series from one scan per store generation (a cold dyad page scanned alone)
                table = memoized(("dyad-table", by), lambda: read(dyad_table, by)) if a != b else None
                if table is not None:
                    ab = [dict(r, direction="a->b") for r in table.get((a, b), [])]
                    ba = [dict(r, direction="b->a") for r in table.get((b, a), [])]
                else:
                    both = dyad_series(con, a, b, by=by, direction="each")  # one scan for both directions
                    ab = [r for r in both if r["direction"] == "a->b"]
                    ba = [r for r in both if r["direction"] == "b->a"]
            except MultivectorError as exc:
                raise HTTPException(422, str(exc)) from exc
            total = memoized(("dyad", a, b), lambda: read(Q.dyad_count, a, b), into=totals)
            evidence, total = Q.dyad_events(con, a, b, PAGE, offset, total=total)
        return {"ab": ab, "ba": ba, "evidence": evidence, "total": total, "page": page}

    @app.get("/event/{event_id}", response_class=HTMLResponse, include_in_schema=False)
    def event(request: Request, event_id: str):
        data = event_data(event_id)
        return respond(request, "event", {"d": data}, [data["event"]])

    def event_data(event_id: str) -> dict[str, Any]:
        with cursor() as con:
            ev = Q.event(con, event_id)
            if ev is None:
                raise HTTPException(404, f"no event {event_id!r}")
            mentions = Q.article_mentions(con, ev["article_id"]) if ev["article_id"] else []
            dups = Q.duplicates(con, ev["article_id"]) if ev["article_id"] else []
        sentence = ev.get("sentence") or ""
        spans = Q.find_spans(
            sentence,
            [
                (ev.get("trigger"), "trigger"),
                (ev.get("source_text"), "source"),
                (ev.get("target_text"), "target"),
            ],
        )
        from multivector.coding.explain import describe_via
        from multivector.coding.tables import labels

        ev.update(labels(ev.get("cameo"), ev.get("quad_class")))
        actors = [
            {
                "role": role,
                "words": ev.get(f"{role}_text"),
                "found": describe_via(ev.get(f"{role}_via")),
                "actor": ev.get(f"{role}_actor_id"),
                "name": ev.get(f"{role}_name"),
                "country": ev.get(f"{role}_country"),
                "agent": ev.get(f"{role}_agent"),
                "alignment": ev.get(f"{role}_alignment"),
                "confidence": ev.get(f"{role}_confidence"),
            }
            for role in ("source", "target")
        ]
        return {
            "event": ev,
            "actors": actors,
            "pieces": Q.segments(sentence, spans),
            "mentions": mentions,
            "duplicates": dups,
        }

    @app.get("/article/{article_id}", response_class=HTMLResponse, include_in_schema=False)
    def article(request: Request, article_id: str):
        data = article_data(article_id)
        return respond(request, "article", {"d": data}, data["events"])

    def article_data(article_id: str) -> dict[str, Any]:
        from multivector.analysis.similar import similar_articles

        index = memoized(("similar-index",), similar_index)
        with cursor() as con:
            art = Q.article(con, article_id)
            if art is None:
                raise HTTPException(404, f"no article {article_id!r}")
            events = Q.article_events(con, article_id, art["date"])
            dups = Q.duplicates(con, article_id)
            try:
                if index is not None:
                    similar = index.query(article_id, k=8)
                else:
                    similar = similar_articles(con, article_id, k=8, max_pool=SIMILAR_POOL)
            except Exception:  # similarity is a nicety; the page must still render
                similar = []
        spans = [
            (e["span_start"], e["span_end"], "evsent")
            for e in events
            if e["span_start"] is not None and e["span_end"] is not None
        ]
        text = art.pop("text") or ""
        return {
            "article": art,
            "pieces": Q.segments(text, spans),
            "events": events,
            "duplicates": dups,
            "similar": similar,
        }

    def read(fn: Any, *args: Any) -> Any:
        """``fn(con, *args)`` on a cursor of its own: for summaries computed once and memoized."""
        with cursor() as con:
            return fn(con, *args)

    def similar_index() -> Any:
        """The store's similar-articles index (built on the first article page after each upload, a
        few seconds per 25,000 articles), or None on stores too large to hold it in memory."""
        from multivector.analysis.similar import SimilarIndex

        with cursor() as con:
            n = con.execute("SELECT count(*) FROM articles").fetchone()[0]
            return SimilarIndex(con) if n <= SIMILAR_INDEX_MAX else None

    @app.get("/search", response_class=HTMLResponse, include_in_schema=False)
    def search(request: Request, kind: str = "events"):
        data = search_data(request, kind)
        return respond(request, "search", {"d": data, "f": data["filters"], "kind": kind}, data["rows"])

    def search_data(request: Request, kind: str) -> dict[str, Any]:
        if kind not in {"events", "articles"}:
            raise HTTPException(422, "kind must be events or articles")
        f = filters(request)
        page, offset = page_args(request)
        key = (kind, *sorted(f.items()))
        total, facets = memoized(key, lambda: (read(Q.count, kind, f), read(Q.facets, kind, f)), into=totals)
        with cursor() as con:
            fn = Q.search_events if kind == "events" else Q.search_articles
            found, total = fn(con, f, PAGE, offset, total=total)
        pages = max(1, -(-total // PAGE))
        return {"rows": found, "total": total, "page": page, "pages": pages, "filters": f, "facets": facets}

    @app.get("/sql", include_in_schema=False)
    def sql_page(request: Request, sql: str = ""):
        """One read-only SELECT: a table page, or ``format=csv|json`` (errors as 400 there)."""
        from multivector.errors import UsageError
        from multivector.web import sql as S

        fmt = request.query_params.get("format")
        result, error = None, None
        if sql.strip():
            with cursor() as con:
                try:
                    result = S.run_query(con, sql, limit=S.ROW_LIMIT, seconds=S.SECONDS)
                except UsageError as exc:
                    if fmt in ("csv", "json"):
                        raise HTTPException(400, str(exc)) from exc
                    error = str(exc)
        if fmt == "json" and result is not None:
            return JSONResponse(jsonable(result))
        if fmt == "csv" and result is not None:
            table = [dict(zip(result["columns"], r, strict=True)) for r in result["rows"]]
            return respond(request, "sql", {}, table)
        ctx = {
            "sql": sql or S.EXAMPLE,
            "result": result,
            "error": error,
            "limit": S.ROW_LIMIT,
            "seconds": S.SECONDS,
            "tables": ["articles", "events", "mentions", "facts", "duplicates", "coded"],
        }
        return templates.TemplateResponse(request, "sql.html", ctx, status_code=400 if error else 200)

    @app.get("/upload", response_class=HTMLResponse, include_in_schema=False)
    def upload_form(request: Request):
        return templates.TemplateResponse(request, "upload.html", {"read_only": read_only})

    # -- JSON API ------------------------------------------------------------------------------

    @app.get("/api/snapshot", tags=["api"], include_in_schema=False)
    def api_snapshot(request: Request) -> Any:
        """A consistent copy of the store for read-only CLI commands on this machine."""
        from starlette.background import BackgroundTask

        from multivector.web.snapshot import LOOPBACK, write_snapshot

        if request.client is None or request.client.host not in LOOPBACK:
            return JSONResponse({"error": "snapshots are given to this machine only"}, status_code=403)
        if snapshots is None:  # a read-only server shares the file: the CLI opens it directly
            return JSONResponse({"error": "this server is read-only; open the store itself"}, status_code=409)
        with cursor() as con:
            path = write_snapshot(con, snapshots)
        return FileResponse(
            path, media_type="application/octet-stream", background=BackgroundTask(path.unlink)
        )

    @app.get("/api/overview", tags=["api"])
    def api_overview() -> dict[str, Any]:
        """Corpus counts, date range, top actors, latest events."""
        with cursor() as con:
            return jsonable(Q.overview(con))

    @app.get("/api/country/{iso3}", tags=["api"])
    def api_country(iso3: str, by: str = "quarter") -> dict[str, Any]:
        """Balance index with bootstrap CI, partners, QuadClass mix, trends and facts of a country."""
        return jsonable(memoized(("country", iso3.upper(), by), lambda: country_data(iso3.upper(), by)))

    @app.get("/api/dyad/{a}/{b}", tags=["api"])
    def api_dyad(request: Request, a: str, b: str, by: str = "month") -> dict[str, Any]:
        """Series in both directions and one page of evidence events."""
        return jsonable(dyad_data(request, a.upper(), b.upper(), by))

    @app.get("/api/event/{event_id}", tags=["api"])
    def api_event(event_id: str) -> dict[str, Any]:
        """One event with its evidence sentence, article mentions and duplicates."""
        d = event_data(event_id)
        d.pop("pieces")
        return jsonable(d)

    @app.get("/api/article/{article_id}", tags=["api"])
    def api_article(article_id: str) -> dict[str, Any]:
        """One article's metadata, events, duplicates and similar articles."""
        d = article_data(article_id)
        d["text"] = "".join(p for p, _ in d.pop("pieces"))
        return jsonable(d)

    @app.get("/api/search", tags=["api"])
    def api_search(
        request: Request,
        kind: str = "events",
        q: str = "",
        country: str = "",
        actor: str = "",
        root: str = "",
        quad_class: str = "",
        since: str = "",
        until: str = "",
        lang: str = "",
        page: int = 1,
    ) -> dict[str, Any]:
        """Paged search over events or articles with the same filters as /search."""
        return jsonable(search_data(request, kind))

    @app.post("/api/ingest", tags=["api"])
    async def api_ingest(
        request: Request,
        files: list[UploadFile] = File(default=[]),
        text: str = Form(default=""),
        name: str = Form(default="pasted.txt"),
        title: str = Form(default=""),
        date: str = Form(default=""),
        speaker: str = Form(default=""),
    ):
        """Ingest uploaded files and/or pasted text, then code them when the coder is available."""
        if read_only:
            raise HTTPException(403, "server runs read-only; restart without --read-only to upload")
        size = int(request.headers.get("content-length") or 0)
        if size > MAX_UPLOAD:
            raise HTTPException(413, f"request is {size} bytes; the limit is {MAX_UPLOAD} bytes per request")
        if not files and not text.strip():
            raise HTTPException(422, "nothing to ingest: attach files or paste text")
        payload = [(f.filename or "upload", await f.read()) for f in files if f.filename]
        if text.strip():
            payload.append(pasted_upload(text, Path(name).name or "pasted.txt", title, date, speaker))
        if sum(len(b) for _, b in payload) > MAX_UPLOAD:
            raise HTTPException(413, f"upload exceeds the limit of {MAX_UPLOAD} bytes per request")
        result = await in_daemon_thread(ingest_payload, payload)
        return JSONResponse(result)

    def ingest_payload(payload: list[tuple[str, bytes]]) -> dict[str, Any]:
        from multivector.pipeline import extract_articles
        from multivector.records import Article

        out: dict[str, Any] = {"files": [], "added": 0, "events": 0, "coded": coder_fn is not None}
        with upload_dir() as tmp:
            for i, (fname, data) in enumerate(payload):
                safe = upload_name(fname) or f"upload{i}"
                path = Path(tmp) / f"{i}-{safe}"
                path.write_bytes(data)
                entry: dict[str, Any] = {"file": fname, "articles": [], "errors": []}
                arts = []
                for item in extract_articles([str(path)]):
                    if isinstance(item, Article):
                        item.source_path = item.extra["_relpath"] = f"upload/{safe}"
                        arts.append(item)
                    else:
                        entry["errors"].append(str(item).replace(str(path), fname))
                if not arts and not entry["errors"]:
                    entry["errors"].append(f"{fname}: no article text found")
                with lock:
                    try:
                        res = store.add_articles(arts)
                        out["added"] += res.added
                        entry["articles"] = [{"id": a.id, "title": a.title} for a in arts]
                        if coder_fn is not None:
                            out["events"] += code_and_store(arts)
                    except MultivectorError as exc:  # one bad file must not sink the others
                        entry["errors"].append(f"{fname}: {exc}")
                    except Exception as exc:
                        entry["errors"].append(str(internal_error(fname, "storing it", exc)))
                    finally:
                        forget()  # the store changed: summaries computed before are stale
                out["files"].append(entry)
        return out

    def code_and_store(arts: list[Any]) -> int:
        # the project coder marks what it coded (so a later `multivector run` skips it); a custom one
        # gets its own mark, so the project coder would still code those articles
        coder_name = "custom"
        if coder == "auto":
            from multivector.coding.api import coder_id

            coder_name = coder_id()
        from multivector.pipeline import CodedBatch, RunReport

        # as in `multivector run`: an article this coder already coded (a re-upload) is not coded again,
        # and the file's results go in with their marks in one transaction
        todo = store.uncoded([a.id for a in arts], coder_name)
        batch, report = CodedBatch(), RunReport()
        for art in {a.id: a for a in arts if a.id in todo}.values():
            batch.add(art.id, coder_fn(art))
        batch.write(store, coder_name, report)
        return report.events

    return app


def check_bind(host: str, allow_remote: bool) -> None:
    """Refuse a non-local bind unless asked: the dashboard has no authentication."""
    if host in _LOCAL:
        return
    if not allow_remote:
        from multivector.errors import UsageError

        raise UsageError(
            f"refusing to bind {host}: the dashboard has no login; pass allow_remote=True "
            "(--allow-remote) to expose it"
        )
    print(
        f"warning: serving on {host}, reachable from other machines without authentication", file=sys.stderr
    )


def marker_path(db: str | Path) -> Path:
    """Sidecar file announcing a running server, so another process can say *where* to upload."""
    return Path(str(db) + ".server.json")


def server_info(db: str | Path) -> dict[str, Any] | None:
    """The running server on ``db`` (pid, url), or None; stale markers of dead processes are ignored.

    Meant for the CLI: when opening the store fails with a lock error, it can print
    "the dashboard at <url> (pid N) holds this database: upload through it or stop it".
    """
    import json
    import os

    try:
        info = json.loads(marker_path(db).read_text())
        os.kill(int(info["pid"]), 0)
    except (OSError, ValueError, KeyError, TypeError):
        return None
    return info


def lock_message(db: str | Path) -> str | None:
    """One-line advice for a process that found ``db`` locked by the dashboard."""
    info = server_info(db)
    if info is None:
        return None
    return (
        f"{db}: held by the multivector dashboard at {info['url']} (pid {info['pid']}); "
        f"upload files at {info['url']}/upload or stop the server first"
    )


def serve(
    db: str | Path,
    host: str = "127.0.0.1",
    port: int = 8000,
    allow_remote: bool = False,
    read_only: bool = False,
) -> None:
    """Run the dashboard with uvicorn until interrupted, announcing itself in a sidecar marker."""
    import json
    import os
    import signal

    import uvicorn

    check_bind(host, allow_remote)
    # a wildcard bind answers to names we cannot know: --allow-remote then accepts any Host header
    hosts = None if host in ("0.0.0.0", "::", "") else _LOCAL | {host}
    app = create_app(db, read_only=read_only, allowed_hosts=hosts)
    sweep_upload_dirs()
    marker = marker_path(db)
    marker.unlink(missing_ok=True)  # a stale marker of a killed server may have another owner's mode
    fd = os.open(marker, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w") as fh:
        json.dump({"pid": os.getpid(), "url": f"http://{host}:{port}"}, fh)
    # uvicorn shuts down gracefully on SIGTERM, then re-raises it to the previous handler: make that
    # an ordinary exit so the marker is removed and the store is closed cleanly
    previous = signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    try:
        uvicorn.run(
            app,
            host=host,
            port=port,
            log_level="warning",
            access_log=False,  # one log call per request costs time under load and prints nothing here
            proxy_headers=False,  # nothing proxies a loopback dashboard; never trust X-Forwarded-* headers
            timeout_graceful_shutdown=GRACE,
        )
    finally:
        marker.unlink(missing_ok=True)
        signal.signal(signal.SIGTERM, previous)
        if busy_uploads():
            # an upload still coding past the grace period: leave now, as a kill would; its transaction
            # never commits, so the store keeps exactly what it had before that upload
            sweep_upload_dirs(abandoned=True)
            print(
                "stopped during an upload: its events were not stored (its articles may be; upload it "
                "again or run `multivector run` on the same files to finish it)",
                file=sys.stderr,
            )
            sys.stderr.flush()
            os._exit(0)
