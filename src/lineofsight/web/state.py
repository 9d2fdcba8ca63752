"""What the running dashboard holds: one store connection (DuckDB: one writer per file), a lock, and the cache.

Computed indicator results are cached for the whole store and dropped when an upload changes it,
so overview and indicator pages read memory rather than re-running every indicator query.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from lineofsight.benchmark.councils import display_name
from lineofsight.indicators import Member, Result, children, compute
from lineofsight.store import Store, audit, open_store

FRESH = 0.2  # seconds


class State:
    def __init__(self, db_path: str | Path) -> None:
        self.store = open_store(db_path)
        self.lock = threading.RLock()
        self._results: list[Result] | None = None
        self._pages: dict[tuple[Any, ...], Any] = {}
        self._members: dict[tuple[str, str, int], list[Member]] = {}
        self._version = self.store.version()
        self._checked = time.monotonic()

    @contextmanager
    def use(self) -> Iterator[Store]:
        """The store, for one request at a time (a DuckDB connection is not shared between threads)."""
        with self.lock:
            yield self.store

    def _fresh(self) -> None:
        """Drop the caches when another process (a worker, a command) changed a server store (checked at most
        every FRESH seconds; a file store is changed only through this process)."""
        if self._version is None or time.monotonic() - self._checked < FRESH:
            return
        self._checked = time.monotonic()
        version = self.store.version()
        if version != self._version:
            self._version = version
            self.changed()

    def results(self) -> list[Result]:
        with self.lock:
            self._fresh()
            if self._results is None:
                self._results = compute(self.store)
            return self._results

    def cached(self, key: tuple[Any, ...], build: Any) -> Any:
        """A page's figures, built once per store version (build is called under the lock)."""
        with self.lock:
            self._fresh()
            if key not in self._pages:
                self._pages[key] = build()
            return self._pages[key]

    def members(self, indicator_id: str, council: str, year: int, username: str, purpose: str) -> list[Member]:
        """The children behind a figure. The first read goes through indicators.children (which audits);
        later views of the same list are served from memory and audited here, so every view is still logged."""
        key = (indicator_id, council, year)
        with self.lock:
            self._fresh()
            if key in self._members:
                audit.record(
                    self.store, username, "list_children", indicator_id, council, f"year={year}; purpose={purpose}"
                )
            else:
                self._members[key] = children(self.store, indicator_id, council, year, username, purpose)
            return self._members[key]

    def council_name(self, la_code: str) -> str:
        """The council's name and code for page headings (the lookup changes only with an upload)."""
        return str(self.cached(("council_name", la_code), lambda: display_name(self.store, la_code)))

    def pages_changed(self) -> None:
        """A target or commentary changed: pages are built afresh, the computed figures stay."""
        with self.lock:
            self._pages.clear()

    def changed(self) -> None:
        with self.lock:
            self._results = None
            self._pages.clear()
            self._members.clear()

    def close(self) -> None:
        with self.lock:
            self.store.close()
