"""Small statistics for quality-assurance summaries: shares with their uncertainty, agreement."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

Z95 = 1.959963984540054  # two-sided 95% normal quantile


@dataclass(frozen=True)
class Share:
    """k of n, as a percentage with its 95% Wilson score interval (percentages)."""

    k: int
    n: int

    @property
    def percent(self) -> float | None:
        return 100.0 * self.k / self.n if self.n else None

    @property
    def interval(self) -> tuple[float, float] | None:
        return wilson(self.k, self.n)

    def text(self) -> str:
        """'75% (95% CI 41% to 93%, n=8)': the way every share is shown."""
        if not self.n or self.percent is None or self.interval is None:
            return "no responses"
        lo, hi = self.interval
        return f"{self.percent:.0f}% (95% CI {lo:.0f}% to {hi:.0f}%, n={self.n})"


def wilson(k: int, n: int, z: float = Z95) -> tuple[float, float] | None:
    """Wilson score interval for k successes in n, in percent; None when n is 0.

    Wilson rather than the normal approximation: it stays inside 0-100% and is
    honest for the small samples (a dozen audits, thirty responses) QA works with.
    """
    if n <= 0:
        return None
    p = k / n
    denom = 1 + z * z / n
    centre = (p + z * z / (2 * n)) / denom
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / denom
    return (100.0 * max(0.0, centre - half), 100.0 * min(1.0, centre + half))


def cohen_kappa(pairs: Sequence[tuple[str, str]]) -> float | None:
    """Cohen's kappa of two raters' grades; None when undefined (no pairs, or chance agreement is 1)."""
    n = len(pairs)
    if n == 0:
        return None
    observed = sum(1 for a, b in pairs if a == b) / n
    first, second = Counter(a for a, _ in pairs), Counter(b for _, b in pairs)
    expected = sum(first[g] * second[g] for g in first) / (n * n)
    if expected >= 1:
        return None
    return (observed - expected) / (1 - expected)
