"""The calibration report: synthetic England against the DfE's published figures, and how long it takes.

Every council at its own population and rates (lineofsight.generate.parameters),
generated for BENCH_CALIBRATION_YEARS collection years ending 2025 (default 3:
long-term stability looks back 2.5 years), loaded into DuckDB and compared in
2025. BENCH_CALIBRATION_EVERY=K takes every K-th council only (a quicker run;
the "England" figures are then those councils').
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

from bench._measure import peak_rss_mb
from lineofsight.benchmark.calibration import markdown, run


def main() -> None:
    every = int(os.environ.get("BENCH_CALIBRATION_EVERY", "1"))
    years = int(os.environ.get("BENCH_CALIBRATION_YEARS", "3"))
    work = Path(tempfile.mkdtemp(prefix="bench-calibration-"))
    try:
        report = run(work, years=years, every=every)
        print(markdown(report))
        print(f"peak memory {peak_rss_mb():.0f} MB")
    finally:
        shutil.rmtree(work, ignore_errors=True)
