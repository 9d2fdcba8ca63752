"""Charts: accessible SVG that says in words what it draws; bins counted by hand."""

from __future__ import annotations

from lxml import etree

from lineofsight.report import charts
from lineofsight.report.figures import bins

SVG = "{http://www.w3.org/2000/svg}"


def _parse(svg: str) -> etree._Element:
    return etree.fromstring(svg.encode())


def test_bins_count_half_open_ranges_and_an_open_last_bin() -> None:
    values = [0, 5, 5.5, 44, 45, 46, 200]
    # edges 0, 6, 46: [0,6) holds 0, 5, 5.5 = 3; [6,46) holds 44, 45 = 2; 46+ holds 46, 200 = 2
    assert bins(values, [0, 6, 46]) == [("0-5", 3), ("6-45", 2), ("46+", 2)]


def test_trend_chart_has_title_description_and_a_point_per_known_year() -> None:
    england = [(2024, 80.0), (2025, 81.0), (2026, None)]
    svg = charts.trend([(2024, 50.0), (2025, None), (2026, 75.5)], "Assessments within 45 days", "%", england)
    root = _parse(svg)
    assert root.get("role") == "img"
    assert root.find(f"{SVG}title").text == "Assessments within 45 days"
    desc = root.find(f"{SVG}desc").text
    assert "2023/24: 50" in desc and "2024/25: no figure" in desc and "2025/26: 75.5" in desc
    assert "England: 2023/24: 80; 2024/25: 81." in desc  # each year's own figure; none for 2025/26
    assert len(root.findall(f"{SVG}circle")) == 2
    assert root.get("aria-labelledby") == f"{root.find(f'{SVG}title').get('id')} {root.find(f'{SVG}desc').get('id')}"


def test_histogram_marks_bins_past_the_line_red() -> None:
    svg = charts.histogram([("0-45", 8), ("46+", 2)], "Days", "working days", marker=1, marker_text="45 working days")
    rects = _parse(svg).findall(f"{SVG}rect")
    assert [r.get("fill") for r in rects] == [charts.BLUE, charts.RED]
    # bar heights are in proportion to the counts, whatever the axis
    heights = [float(r.get("height")) for r in rects]
    assert abs(heights[1] / heights[0] - 2 / 8) < 0.01


def test_sparkline_with_no_figures_still_describes_itself() -> None:
    root = _parse(charts.sparkline([(2025, None), (2026, None)], "Trend"))
    assert "2024/25: no figure" in root.find(f"{SVG}desc").text
    assert root.find(f"{SVG}polyline") is None


def test_the_benchmark_line_follows_each_years_figure_not_one_year_drawn_flat() -> None:
    svg = charts.trend([(2024, 10.0), (2025, 20.0), (2026, 30.0)], "Rate", "%", [(2024, 10.0), (2026, 40.0)])
    root = _parse(svg)
    dashed = [p for p in root.findall(f"{SVG}polyline") if p.get("stroke-dasharray")]
    assert len(dashed) == 1
    ys = [float(pt.split(",")[1]) for pt in dashed[0].get("points").split()]
    assert len(ys) == 2 and ys[0] > ys[1]  # 2023/24 (10) is drawn lower on the page than 2025/26 (40)
    assert not root.findall(f"{SVG}line[@stroke-dasharray]")  # no flat line across the years


def test_sparkline_labels_its_first_and_last_years() -> None:
    root = _parse(charts.sparkline([(2024, 1.0), (2025, 2.0), (2026, 3.0)], "Trend"))
    assert [t.text for t in root.findall(f"{SVG}text")] == ["2023/24", "2025/26"]


def test_fmt_rounds_for_reading() -> None:
    assert charts.fmt(None) == "no figure"
    assert charts.fmt(12.345) == "12.3"
    assert charts.fmt(50.0) == "50"
    assert charts.fmt(1234.6) == "1,235"


def test_axis_ticks_are_round_numbers_covering_the_values() -> None:
    svg = charts.trend([(2024, 7.8), (2025, 14.8), (2026, 9.8)], "Three or more placements", "%", [(2026, 10.0)])
    labels = [t.text for t in _parse(svg).findall(f"{SVG}text") if t.get("text-anchor") == "end" and t.text]
    # 14.8 x 1.05 = 15.54, over four steps of at least 3.9: steps of 5 up to 20
    assert labels[:5] == ["0", "5", "10", "15", "20"]
    counts = charts.histogram([("0-5", 3), ("6+", 1)], "Days", "working days")
    # 3 x 1.05 = 3.15: four steps of at least 0.79 round to 1, up to 4
    ticks = [t.text for t in _parse(counts).findall(f"{SVG}text") if t.get("text-anchor") == "end"]
    assert ticks == ["0", "1", "2", "3", "4"]
