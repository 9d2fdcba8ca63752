"""Fixtures shared by every test area."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """../shared beside the checkout: the brief and the public reference data (never committed)."""
    if not SHARED.exists():
        pytest.skip("../shared/ is not beside this checkout")
    return SHARED


@pytest.fixture(scope="session")
def reference_dir(shared_dir: Path) -> Path:
    return shared_dir / "reference"


@pytest.fixture(scope="session")
def sample_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A generated council (population 5,000, collection years 2025 and 2026) loaded into a DuckDB file.

    Built once per session; open it read-only (Store(path, read_only=True)) or copy it before writing.
    The latest year carries planted figures: see lineofsight.generate.sample.SAMPLE_TARGETS.
    """
    from lineofsight.generate.sample import sample_store

    return sample_store(tmp_path_factory.mktemp("sample"))
