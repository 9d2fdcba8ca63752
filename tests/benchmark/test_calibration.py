"""The calibration report's statistics and goals, worked by hand."""

from __future__ import annotations

from lineofsight.benchmark.calibration import Line, Report, iqr, markdown, ranks, spearman


def test_ranks_share_ties() -> None:
    assert ranks([10.0, 30.0, 20.0, 20.0]) == [1.0, 4.0, 2.5, 2.5]


def test_spearman_by_hand() -> None:
    # ranks x: 1 2 3 4, ranks y: 1 3 2 4 -> d^2 = 0 + 1 + 1 + 0 = 2, rho = 1 - 6 x 2 / (4 x 15) = 0.8
    assert round(spearman([1, 2, 3, 4], [10, 30, 20, 40]) or 0, 6) == 0.8
    assert spearman([1, 2, 3, 4], [4, 3, 2, 1]) == -1.0
    assert spearman([1, 2], [1, 2]) is None  # too few councils


def test_interquartile_range_by_hand() -> None:
    # 1..9 inclusive quartiles: 3 and 7
    assert iqr([float(v) for v in range(1, 10)]) == 4.0


def test_goals() -> None:
    percent = Line("x", "percent", 21.9, 20.0, 0.91, 10.0, 12.4, 150)
    assert percent.england_ok and percent.rho_ok and percent.iqr_ok  # 1.9 points; 10 is 19.4% under 12.4
    rate = Line("y", "per_10000", 69.5, 67.0, 0.89, 10.0, 13.0, 150)
    assert not rate.england_ok and not rate.rho_ok and not rate.iqr_ok  # 3.7% off; 0.89; 23% under
    text = markdown(Report(2025, 153, [percent, rate], {"generate": 1.0}))
    assert "| x | 21.9 | 20.0 | yes | 0.91 | yes | 10.0 | 12.4 | yes | 150 |" in text
