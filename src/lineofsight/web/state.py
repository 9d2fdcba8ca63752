"""What the running dashboard holds: one store connection (DuckDB: one writer per file), a lock, and the cache.

Computed indicator results are cached for the whole store and dropped when an upload changes it,
so overview and indicator pages read memory rather than re-running every indicator query.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from lineofsight.indicators import Result, compute
from lineofsight.store import Store


class State:
    def __init__(self, db_path: str | Path) -> None:
        self.store = Store(db_path)
        self.lock = threading.RLock()
        self._results: list[Result] | None = None
        self._pages: dict[tuple[Any, ...], Any] = {}

    @contextmanager
    def use(self) -> Iterator[Store]:
        """The store, for one request at a time (a DuckDB connection is not shared between threads)."""
        with self.lock:
            yield self.store

    def results(self) -> list[Result]:
        with self.lock:
            if self._results is None:
                self._results = compute(self.store)
            return self._results

    def cached(self, key: tuple[Any, ...], build: Any) -> Any:
        """A page's figures, built once per store version (build is called under the lock)."""
        with self.lock:
            if key not in self._pages:
                self._pages[key] = build()
            return self._pages[key]

    def changed(self) -> None:
        with self.lock:
            self._results = None
            self._pages.clear()

    def close(self) -> None:
        with self.lock:
            self.store.close()
