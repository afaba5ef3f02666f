"""Whole-response cache for the dashboard's read-only pages, valid for one store generation.

Why: the server is the only writer of its store (uploads), so a page rendered from the store stays
right until the next upload. Keeping the rendered bytes turns a repeated dyad, country, search or
CSV request from tens of milliseconds of SQL and templating into a dictionary lookup, which is what
lets 50 concurrent clients share two cores. Every upload calls :meth:`ResponseCache.clear`; a response
computed across an upload is not kept. Identical cold requests are computed once (single flight).
Only GET requests answered 200 without streaming are kept; the cache is bounded in bytes.
"""

from __future__ import annotations

import asyncio
from typing import Any

from cachetools import LRUCache

#: paths never cached: the SQL page (its own time limit), snapshots and uploads (state), static files
NEVER = ("/sql", "/api/snapshot", "/upload", "/api/ingest", "/static")
MAX_BYTES = 64 * 1024 * 1024
MAX_ENTRY = 2 * 1024 * 1024  # a larger response (a big CSV) is served but not kept


def _entry_size(entry: tuple) -> int:
    return len(entry[2]) + 256


class ResponseCache:
    """The kept responses: ``(host, path, query) -> (status, headers, body)`` for the current generation."""

    def __init__(self, max_bytes: int = MAX_BYTES) -> None:
        self.entries: LRUCache[tuple, tuple] = LRUCache(maxsize=max_bytes, getsizeof=_entry_size)
        self.pending: dict[tuple, asyncio.Event] = {}
        self.generation = 0
        self.hits = self.misses = 0

    def clear(self) -> None:
        """Forget every response (the store changed). Called from upload threads: it swaps in a new
        mapping and bumps the generation, so a response computed before the change is never kept."""
        self.entries = LRUCache(maxsize=self.entries.maxsize, getsizeof=_entry_size)
        self.generation += 1


class CachedResponses:
    """ASGI middleware serving and filling a :class:`ResponseCache`."""

    def __init__(self, app: Any, cache: ResponseCache) -> None:
        self.app, self.cache = app, cache

    async def __call__(self, scope: dict, receive: Any, send: Any) -> None:
        if scope["type"] != "http" or scope["method"] != "GET" or scope["path"].startswith(NEVER):
            await self.app(scope, receive, send)
            return
        host = next((v for k, v in scope["headers"] if k == b"host"), b"")
        key = (host, scope["path"], scope.get("query_string", b""))
        c = self.cache
        while True:
            found = c.entries.get(key)
            if found is not None:
                c.hits += 1
                await _replay(send, found)
                return
            running = c.pending.get(key)
            if running is None:
                break
            await running.wait()  # the same page is being rendered for another client: share it
        c.misses += 1
        c.pending[key] = done = asyncio.Event()
        started, entries = c.generation, c.entries
        start: dict = {}
        body: list[bytes] = []
        keep = True

        async def recording(message: dict) -> None:
            nonlocal keep
            if message["type"] == "http.response.start":
                start.update(message)
                keep = message["status"] == 200
            elif message["type"] == "http.response.body" and keep:
                body.append(message.get("body", b""))
                keep = sum(map(len, body)) <= MAX_ENTRY
            await send(message)

        try:
            await self.app(scope, receive, recording)
            if keep and start and c.generation == started:
                entries[key] = (start["status"], list(start.get("headers", [])), b"".join(body))
        finally:
            del c.pending[key]
            done.set()


async def _replay(send: Any, entry: tuple) -> None:
    status, headers, body = entry
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})
