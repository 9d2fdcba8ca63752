"""Targets, commentary and the summary: rating against a target, movers and gaps worked by hand, and the pages."""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from starlette.testclient import TestClient

from lineofsight.benchmark.compare import Comparison, Rating
from lineofsight.errors import UserError
from lineofsight.indicators import Area, Result, get
from lineofsight.report import summary, targets
from lineofsight.report.figures import AreaFigures, Figure
from lineofsight.store import Store
from lineofsight.web.app import create_app
from lineofsight.web.users import ROLES, add_user

from .conftest import COUNCIL, PASSWORD, YEAR, sign_in, token

ASSESSMENTS = get("cin.assessments_45wd")  # percent, higher is better
REREFERRALS = get("cin.rereferrals_12m")  # percent, lower is better


@pytest.mark.parametrize(
    ("indicator", "value", "target", "colour"),
    [
        (ASSESSMENTS, 85.0, 85.0, "green"),  # higher is better: meets 85 exactly
        (ASSESSMENTS, 90.0, 85.0, "green"),
        (ASSESSMENTS, 76.5, 85.0, "amber"),  # short by 8.5 = exactly a tenth of 85: amber
        (ASSESSMENTS, 76.4, 85.0, "red"),  # short by 8.6 > 8.5: red
        (REREFERRALS, 20.0, 20.0, "green"),  # lower is better: at the target
        (REREFERRALS, 22.0, 20.0, "amber"),  # over by 2 = a tenth of 20
        (REREFERRALS, 22.1, 20.0, "red"),  # over by 2.1
        (REREFERRALS, 5.0, 20.0, "green"),
    ],
)
def test_rating_against_a_target_by_hand(indicator: object, value: float, target: float, colour: str) -> None:
    rating = targets.rate(indicator, value, target)  # type: ignore[arg-type]
    assert rating is not None and rating.colour == colour


def test_target_rule_in_words_and_the_cases_without_a_rating() -> None:
    rating = targets.rate(ASSESSMENTS, 80.0, 85.0)
    assert rating == Rating(
        "amber", "Amber: 80% misses the local target of 85% by no more than a tenth of it (higher is better)."
    )
    assert targets.rate(ASSESSMENTS, 80.0, None) is None  # no target: no rating at all
    no_figure = targets.rate(ASSESSMENTS, None, 85.0)
    assert no_figure is not None and no_figure.colour == "grey"


def test_targets_and_commentary_keep_their_history_and_are_audited() -> None:
    store = Store()
    targets.set_target(store, "813", ASSESSMENTS.id, 85.0, "mo")
    targets.set_target(store, "813", ASSESSMENTS.id, 90.0, "mo")
    assert targets.targets(store, "813") == {ASSESSMENTS.id: 90.0}
    targets.set_target(store, "813", ASSESSMENTS.id, None, "mo")  # removed: the latest row is blank
    assert targets.targets(store, "813") == {}
    assert store.count("indicator_target") == 3
    with pytest.raises(UserError, match="between 0 and 100"):
        targets.set_target(store, "813", ASSESSMENTS.id, 120.0, "mo")
    targets.write_commentary(store, "813", 2026, ASSESSMENTS.id, "First.", "mo")
    targets.write_commentary(store, "813", 2026, ASSESSMENTS.id, "  Second.  ", "mo")
    assert targets.commentaries(store, "813", 2026)[ASSESSMENTS.id].text == "Second."
    assert targets.commentaries(store, "813", 2025) == {}
    with pytest.raises(UserError, match="empty"):
        targets.write_commentary(store, "813", 2026, ASSESSMENTS.id, "  ", "mo")
    actions = [r[0] for r in store.query("SELECT action FROM audit_log ORDER BY occurred_at")]
    assert actions == ["set_target"] * 3 + ["write_commentary"] * 2


def _figure(indicator_id: str, trend: list[tuple[int, float | None]], england: float | None = None,
            neighbours: float | None = None) -> Figure:  # fmt: skip
    indicator = get(indicator_id)
    comparison = Comparison(
        indicator_id, "813", 2026, trend[-1][1], indicator.polarity, england, None, None, neighbours, 0, None, 0,
        "England, published by the DfE for 2025/26", published_year=2026,
    )  # fmt: skip
    value = trend[-1][1]
    result = Result(indicator.id, indicator.title, "813", 2026, 0, 0, value, indicator.unit, indicator.polarity)
    return Figure(indicator, result, trend, comparison, Rating("grey", ""))


def test_movers_ranked_by_change_relative_to_last_year_by_hand() -> None:
    every = [
        _figure("cin.assessments_45wd", [(2025, 80.0), (2026, 88.0)]),  # +8 on 80 = +10%, better (higher)
        _figure("cin.rereferrals_12m", [(2025, 20.0), (2026, 25.0)]),  # +5 on 20 = +25%, worse (lower is better)
        _figure("cla.placed_20_miles", [(2025, 50.0), (2026, 50.0)]),  # no change: left out
        _figure("cp.second_plan", [(2025, 0.0), (2026, 5.0)]),  # from 0: no relative change, left out
    ]
    moves = summary.movers(every, 2026)
    assert [m.figure.indicator.id for m in moves] == ["cin.rereferrals_12m", "cin.assessments_45wd"]
    assert (moves[0].change, moves[0].relative, moves[0].better) == (5.0, 0.25, False)
    assert moves[0].change_text == "+5 points (+25%)"
    assert (moves[1].relative, moves[1].better) == (0.1, True)


def test_furthest_behind_england_and_neighbours_by_hand() -> None:
    every = [
        # higher is better: 70 against England 80 is 10 / 80 = 12.5% behind; neighbours 75: 5 / 75 = 6.7%
        _figure("cin.assessments_45wd", [(2026, 70.0)], england=80.0, neighbours=75.0),
        # lower is better: 30 against England 20 is 10 / 20 = 50% behind; neighbours 40: ahead, left out
        _figure("cin.rereferrals_12m", [(2026, 30.0)], england=20.0, neighbours=40.0),
        # placed more than 20 miles away, lower is better: 70 is ahead of England's 80, left out
        _figure("cla.placed_20_miles", [(2026, 70.0)], england=80.0),
    ]
    gaps = summary.behind(every, "benchmark")
    assert [(g.figure.indicator.id, g.shortfall) for g in gaps] == [
        ("cin.rereferrals_12m", 0.5),
        ("cin.assessments_45wd", 0.125),
    ]
    assert gaps[0].name == "England" and gaps[0].shortfall_text == "50% worse"
    [neighbours] = summary.behind(every, "neighbours")
    assert neighbours.figure.indicator.id == "cin.assessments_45wd"
    assert neighbours.shortfall == pytest.approx(5 / 75)
    counted = summary.summarise([AreaFigures(Area.HELP_AND_PROTECTION, every)], "813", 2026)
    assert counted.counts == {"red": 0, "amber": 0, "green": 0, "grey": 3} and counted.previous_year is None


@pytest.fixture(scope="module")
def client(web_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    db = tmp_path_factory.mktemp("summary") / "summary.duckdb"
    shutil.copy(web_db, db)
    with Store(db) as store:
        for role in ROLES:
            add_user(store, role, role, PASSWORD)
    with TestClient(create_app(db, secret_key="test", secure_cookies=False)) as test_client:
        yield test_client


def test_the_summary_is_the_landing_page(client: TestClient) -> None:
    sign_in(client, "viewer")
    landing = client.get("/", follow_redirects=False)
    assert landing.headers["location"] == f"/summary/{COUNCIL}/{YEAR}"
    page = client.get(landing.headers["location"]).text
    assert '<h1 class="govuk-heading-l">Summary</h1>' in page
    counts = re.findall(r'<span class="los-count">(\d+)</span>', page)
    assert sum(int(n) for n in counts[:4]) == 36  # every indicator of the catalogue is counted once
    assert "Moved most since 2024/25" in page and 'id="movers-table"' in page
    assert "in-year figures (monthly extracts) are not loaded" in page
    movers = re.search(r'id="movers-table".*?</table>', page, re.S)
    assert movers and len(re.findall(rf'href="/indicator/[^/]+/{COUNCIL}/{YEAR}"', movers.group(0))) == 5


def test_a_manager_sets_a_target_and_writes_a_commentary_and_both_are_audited(client: TestClient) -> None:
    address = f"/indicator/{ASSESSMENTS.id}/{COUNCIL}/{YEAR}"
    sign_in(client, "analyst")
    assert 'name="target"' not in client.get(address).text  # only a manager sees the forms
    refused = client.post(address + "/target", data={"csrf_token": token(client.get(address).text), "target": "90"})
    assert refused.status_code == 403
    sign_in(client, "manager")
    page = client.get(address).text
    wrong = client.post(address + "/target", data={"csrf_token": token(page), "target": "ninety"})
    assert wrong.status_code == 400 and "is not a number" in wrong.text and "govuk-error-summary" in wrong.text
    saved = client.post(address + "/target", data={"csrf_token": token(page), "target": "99.5%"})
    assert saved.status_code == 200  # followed to the page
    assert "99.5%" in saved.text and "the local target of 99.5%" in saved.text
    saved = client.post(
        address + "/commentary", data={"csrf_token": token(page), "commentary": "Front door <b>busy</b>."}
    )
    assert "Front door &lt;b&gt;busy&lt;/b&gt;." in saved.text and "Written by manager" in saved.text
    overview = client.get(f"/overview/{COUNCIL}/{YEAR}").text
    assert "target 99.5%" in overview
    sign_in(client, "analyst")
    log = client.get("/audit").text
    assert "set target" in log and "target=99.5%" in log and "write commentary" in log


def test_the_pack_opens_with_a_one_page_summary_titles_every_chart_and_carries_commentary(
    web_db: Path, tmp_path: Path
) -> None:
    import pypdf

    from lineofsight.indicators import catalogue, compute
    from lineofsight.indicators.indicator import UNIT_MEANING
    from lineofsight.report.pack import pack_html, write_pack

    db = tmp_path / "pack.duckdb"
    shutil.copy(web_db, db)
    with Store(db) as store:
        targets.set_target(store, COUNCIL, ASSESSMENTS.id, 99.0, "mo")
        targets.write_commentary(store, COUNCIL, YEAR, ASSESSMENTS.id, "Two agency posts filled in January.", "mo")
        html = pack_html(store, COUNCIL, YEAR)
        write_pack(store, COUNCIL, YEAR, tmp_path / "pack.pdf")
    summary_part, rest = html.split("<h1>Every indicator</h1>")
    assert "Against the benchmark" in summary_part and "Moved most since 2024/25" in summary_part
    assert "Missing their local target" in summary_part and "99%" in summary_part
    with Store(db, read_only=True) as store:
        charted = {r.id for r in compute(store, council=COUNCIL) if r.value is not None}
    assert len(charted) >= 30
    for indicator in (i for i in catalogue() if i.id in charted):  # every chart titled: indicator and unit
        title = f'{indicator.title} <span class="unit">({UNIT_MEANING[indicator.unit]}'
        assert title.replace("'", "&#39;") in rest, indicator.id
    assert rest.count('class="los-chart"') >= len(charted)
    assert "Two agency posts filled in January." in rest and "Commentary on 2025/26" in rest
    pages = pypdf.PdfReader(tmp_path / "pack.pdf").pages
    first, second = pages[0].extract_text(), pages[1].extract_text()
    assert "Performance pack: summary" in first and "Furthest behind statistical neighbours" in first
    assert "Missing their local target" in first  # the whole summary on the first page
    assert second.startswith("Every indicator")
