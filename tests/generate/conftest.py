"""One small generated council per session for this area's tests (generation is the slow part)."""

from __future__ import annotations

from pathlib import Path

import pytest

from lineofsight.generate.plant import Targets
from lineofsight.generate.run import Plan, generate

TARGETS = Targets(turnover=0.11, experience_3y=0.74, rhi_accepted=0.92, rhi_72h=0.78, placed_within_20_miles=0.9)
PLAN = Plan(seed=7, population=5000, years=2, targets=TARGETS)


@pytest.fixture(scope="session")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("generated")
    generate(out, PLAN)
    return out


@pytest.fixture(scope="session")
def latest(generated: Path) -> Path:
    return generated / "813_2026"
