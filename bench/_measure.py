"""Seconds and peak memory of a piece of work, for the benchmarks."""

from __future__ import annotations

import resource
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TypeVar

T = TypeVar("T")


def peak_rss_mb() -> float:
    """Peak resident memory of this process and its finished children, in MB."""
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return max(own, children) / 1024


@contextmanager
def timed(label: str) -> Iterator[None]:
    start = time.perf_counter()
    yield
    print(f"{label}: {time.perf_counter() - start:.2f} s, peak memory {peak_rss_mb():.0f} MB", flush=True)


def run(label: str, work: Callable[[], T]) -> T:
    with timed(label):
        return work()
