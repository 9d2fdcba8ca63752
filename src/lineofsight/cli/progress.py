"""The one progress bar every long-running command shows (on stderr, gone when the work is done)."""

from __future__ import annotations

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

# stderr, so that a command's output (json, csv) can be piped while the bar shows.
STDERR = Console(stderr=True)


def bar() -> Progress:
    """A bar with a spinner, the current step, n of N and the time taken so far."""
    return Progress(
        SpinnerColumn(),
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=STDERR,
        transient=True,
    )
