"""Annex A from the store, and back: the lists' rows drawn from the returns, and loaded again.

The layout lives in `formats/annex_a.py`; this module fills it. A council's
returns of several years may hold the same record twice (a referral open across
two CIN censuses): each record is taken from the latest collection year.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from lineofsight.formats import annex_a as fmt
from lineofsight.model import TABLES
from lineofsight.model.codes import RNE_PLACEMENT_CHANGED, sex_code
from lineofsight.qa.csvio import collection_year
from lineofsight.store import Store

PLACEMENT_STARTS = ("S", *RNE_PLACEMENT_CHANGED)  # RNE codes that start a new placement, whoever the carers


def months_before(day: dt.date, months: int) -> dt.date:
    """The same day `months` earlier (clamped to the month's end), plus one day: the window's first day."""
    year, month = divmod(day.year * 12 + day.month - 1 - months, 12)
    month += 1
    last = (dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)).day
    return dt.date(year, month, min(day.day, last)) + dt.timedelta(days=1)


def _latest(table: str, key: str) -> str:
    return (
        f"(SELECT * FROM {table} WHERE la_code = $council "
        f"QUALIFY row_number() OVER (PARTITION BY {key} ORDER BY collection_year DESC) = 1)"
    )


DEMO = """demo AS (
  SELECT child_id, sex, ethnicity, date_of_birth, disabled FROM (
    SELECT c.child_id, c.sex, c.ethnicity, c.date_of_birth, c.collection_year, 1 AS pri,
      CASE WHEN EXISTS (SELECT 1 FROM cin_disability x WHERE x.la_code = $council AND x.child_id = c.child_id
                        AND x.disability <> 'NONE') THEN 'Y'
           WHEN EXISTS (SELECT 1 FROM cin_disability x WHERE x.la_code = $council AND x.child_id = c.child_id)
           THEN 'N' ELSE 'U' END AS disabled
    FROM cin_child c WHERE c.la_code = $council
    UNION ALL
    SELECT h.child_id, CASE h.sex WHEN '1' THEN 'M' WHEN '2' THEN 'F' ELSE h.sex END, h.ethnicity, h.date_of_birth,
           h.collection_year, 2, 'U'
    FROM child h WHERE h.la_code = $council
  ) QUALIFY row_number() OVER (PARTITION BY child_id ORDER BY pri, collection_year DESC) = 1
)"""
D = "d.sex, d.ethnicity, d.date_of_birth, d.disabled"
TRUE = "('true', '1')"

SQL: dict[int, str] = {
    1: f"""SELECT x.child_id, x.contact_date, x.contact_source, {D} FROM {_latest("contact", "child_id, contact_date")} x
        LEFT JOIN demo d USING (child_id) WHERE x.contact_date BETWEEN $from6 AND $as_at""",
    2: f"""SELECT x.child_id, x.start_date, x.end_date, x.organisation, {D}
        FROM {_latest("early_help", "child_id, start_date")} x LEFT JOIN demo d USING (child_id)
        WHERE x.start_date <= $as_at AND (x.end_date IS NULL OR x.end_date >= $from6)""",
    3: f"""SELECT x.child_id, x.referral_date, x.referral_source,
          CASE WHEN x.referral_nfa IN {TRUE} THEN 'Y' ELSE 'N' END AS referral_nfa,
          (SELECT count(*) FROM ref r WHERE r.child_id = x.child_id
             AND r.referral_date BETWEEN $from12 AND $as_at) AS referrals_12m, {D}
        FROM ref x LEFT JOIN demo d USING (child_id) WHERE x.referral_date BETWEEN $from6 AND $as_at""",
    4: f"""SELECT x.child_id, x.start_date, x.authorisation_date, {D}
        FROM {_latest("assessment", "child_id, referral_id, assessment_id")} x LEFT JOIN demo d USING (child_id)
        WHERE x.start_date <= $as_at
          AND (x.start_date >= $from6 OR x.authorisation_date IS NULL OR x.authorisation_date >= $from6)""",
    5: f"""SELECT x.child_id, x.start_date, x.icpc_date,
          CASE WHEN x.icpc_not_required IN {TRUE} THEN 'Y' WHEN x.icpc_not_required IS NOT NULL THEN 'N'
          END AS icpc_not_required,
          CASE WHEN x.icpc_date IS NULL THEN NULL
               WHEN EXISTS (SELECT 1 FROM plan p WHERE p.child_id = x.child_id AND p.start_date = x.icpc_date)
               THEN 'Y' ELSE 'N' END AS icpc_plan,
          (SELECT count(*) FROM s47 s WHERE s.child_id = x.child_id
             AND s.start_date BETWEEN $from12 AND $as_at) AS s47_12m,
          (SELECT count(*) FROM s47 s WHERE s.child_id = x.child_id
             AND s.icpc_date BETWEEN $from12 AND $as_at) AS icpc_12m, {D}
        FROM s47 x LEFT JOIN demo d USING (child_id) WHERE x.start_date BETWEEN $from6 AND $as_at""",
    6: f"""SELECT x.child_id, x.referral_date, x.primary_need, x.closure_date, x.reason_for_closure,
          CASE WHEN x.closure_date <= $as_at THEN 'CLOSED'
               WHEN EXISTS (SELECT 1 FROM {_latest("episode", "child_id, start_date")} e WHERE e.child_id = x.child_id
                            AND e.start_date <= $as_at AND (e.end_date IS NULL OR e.end_date > $as_at)) THEN 'LAC'
               WHEN EXISTS (SELECT 1 FROM plan p WHERE p.child_id = x.child_id
                            AND p.start_date <= $as_at AND (p.end_date IS NULL OR p.end_date > $as_at)) THEN 'CPP'
               WHEN EXISTS (SELECT 1 FROM cin_plan c WHERE c.la_code = $council AND c.child_id = x.child_id
                            AND c.start_date <= $as_at AND (c.end_date IS NULL OR c.end_date > $as_at)) THEN 'CINP'
               WHEN EXISTS (SELECT 1 FROM assessment a WHERE a.la_code = $council AND a.child_id = x.child_id
                            AND a.start_date <= $as_at AND a.authorisation_date IS NULL) THEN 'ASMT'
          END AS case_status, {D}
        FROM ref x LEFT JOIN demo d USING (child_id)
        WHERE x.referral_date <= $as_at AND (x.closure_date IS NULL OR x.closure_date >= $from6)""",
    7: f"""SELECT x.child_id, x.start_date, x.end_date, x.initial_category, x.latest_category, x.previous_plans,
          (SELECT max(r.review_date) FROM protection_plan_review r WHERE r.la_code = $council
             AND r.child_id = x.child_id AND r.plan_start_date = x.start_date AND r.review_date <= $as_at)
             AS latest_review, {D}
        FROM plan x LEFT JOIN demo d USING (child_id)
        WHERE x.start_date <= $as_at AND (x.end_date IS NULL OR x.end_date >= $from6)""",
    9: f"""SELECT x.child_id, x.in_touch, x.activity,
          CASE WHEN length(x.accommodation) = 2 THEN left(x.accommodation, 1)
               WHEN x.accommodation IN ('G', 'H', 'R') THEN x.accommodation END AS accommodation_type,
          CASE WHEN length(x.accommodation) = 2 THEN right(x.accommodation, 1) END AS suitability,
          CASE WHEN EXISTS (SELECT 1 FROM uasc u WHERE u.la_code = $council AND u.child_id = x.child_id)
               THEN 'Y' ELSE 'N' END AS uasc, {D}
        FROM care_leaver x LEFT JOIN demo d USING (child_id)
        WHERE x.la_code = $council AND x.collection_year = (SELECT max(collection_year) FROM care_leaver
              WHERE la_code = $council AND collection_year <= $year)""",
    10: f"""SELECT x.child_id, x.date_placed, x.date_placed_ceased, x.reason_placed_ceased,
          (SELECT max(e.start_date) FROM eps e WHERE e.child_id = x.child_id AND e.reason_new_episode = 'S'
             AND e.start_date <= x.date_placed) AS period_start,
          (SELECT min(e.start_date) FROM eps e WHERE e.child_id = x.child_id AND e.legal_status = 'E1') AS placement_order,
          (SELECT min(e.start_date) FROM eps e WHERE e.child_id = x.child_id
             AND e.placement_type IN ('A3', 'A4', 'A5', 'A6')) AS placed_for_adoption,
          (SELECT min(e.end_date) FROM eps e WHERE e.child_id = x.child_id
             AND e.reason_episode_ceased IN ('E11', 'E12')) AS adoption_order,
          (SELECT min(e.start_date) FROM eps e WHERE e.child_id = x.child_id
             AND e.placement_type IN ('U2', 'U5')) AS ffa_start,
          (SELECT max(a.date_matched) FROM adoption a WHERE a.la_code = $council AND a.child_id = x.child_id)
             AS date_matched, {D}
        FROM {_latest("placed_for_adoption", "child_id, date_placed")} x LEFT JOIN demo d USING (child_id)
        WHERE x.date_placed <= $as_at AND (x.date_placed_ceased IS NULL OR x.date_placed_ceased >= $from12)""",
}
WITH = f"""WITH {DEMO},
  ref AS {_latest("referral", "child_id, referral_id")},
  s47 AS {_latest("section47", "child_id, referral_id, start_date")},
  plan AS {_latest("protection_plan", "child_id, referral_id, start_date")},
  eps AS {_latest("episode", "child_id, start_date")}
"""


def _params(council: str, as_at: dt.date) -> dict[str, Any]:
    return {
        "council": council,
        "as_at": as_at,
        "from6": months_before(as_at, 6),
        "from12": months_before(as_at, 12),
        "year": collection_year(as_at),
    }


def _bind(sql: str, params: dict[str, Any]) -> dict[str, Any]:
    """Only the parameters the SQL names: DuckDB refuses unused ones."""
    return {k: v for k, v in params.items() if f"${k}" in sql}


def _age(dob: dt.date | None, on: dt.date) -> int | None:
    if dob is None:
        return None
    return on.year - dob.year - ((on.month, on.day) < (dob.month, dob.day))


def lists(store: Store, council: str, as_at: dt.date) -> dict[int, list[dict[str, Any]]]:
    """Rows of lists 1 to 11 for a council at a date, keyed as `formats.annex_a` declares."""
    params = _params(council, as_at)
    out: dict[int, list[dict[str, Any]]] = {}
    for number, sql in SQL.items():
        out[number] = store.dicts(WITH + sql + " ORDER BY ALL", _bind(WITH + sql, params))
    out[8] = _children_in_care(store, params)
    out[11] = []
    for rows in out.values():
        for row in rows:
            row["age"] = _age(row.get("date_of_birth"), as_at)
    return out


def _children_in_care(store: Store, params: dict[str, Any]) -> list[dict[str, Any]]:
    sql = (
        WITH
        + f"""SELECT e.*, {D} FROM eps e LEFT JOIN demo d USING (child_id)
        WHERE e.start_date <= $as_at AND e.child_id IN (SELECT child_id FROM eps
              WHERE start_date <= $as_at AND (end_date IS NULL OR end_date >= $from12))
        ORDER BY e.child_id, e.start_date"""
    )
    episodes = store.dicts(sql, _bind(sql, params))
    by_child: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for e in episodes:
        by_child[e["child_id"]].append(e)
    extra = _cla_extras(store, params)
    return [_cla_row(eps, params, {k: v.get(child) for k, v in extra.items()}) for child, eps in by_child.items()]


def _cla_extras(store: Store, p: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """Per-child facts from the other 903 tables and the local missing records."""

    def pairs(sql: str) -> dict[str, Any]:
        return {str(r[0]): r[1] for r in store.query(sql, _bind(sql, p))}

    council = "la_code = $council"
    return {
        "latest_review": pairs(
            f"SELECT child_id, max(review_date) FROM review WHERE {council} AND review_date <= $as_at GROUP BY 1"
        ),
        "missing_12m": pairs(
            f"SELECT child_id, count(*) FROM missing WHERE {council} AND missing_type = 'M' "
            "AND start_date BETWEEN $from12 AND $as_at GROUP BY 1"
        ),
        "absent_12m": pairs(
            f"SELECT child_id, count(*) FROM missing WHERE {council} AND missing_type = 'A' "
            "AND start_date BETWEEN $from12 AND $as_at GROUP BY 1"
        ),
        "uasc": pairs(
            f"SELECT child_id, 'Y' FROM uasc WHERE {council} "
            "AND (date_uasc_ceased IS NULL OR date_uasc_ceased >= $from12)"
        ),
        "rhi": pairs(f"""SELECT child_id, arg_max([CASE WHEN rhi_offered THEN 'Y' ELSE 'N' END,
                          CASE WHEN rhi_accepted THEN 'Y' WHEN rhi_accepted = false THEN 'N' ELSE 'U' END], start_date)
                      FROM missing_incident WHERE {council} AND looked_after AND start_date <= $as_at GROUP BY 1"""),
        "social_worker_id": pairs(f"""SELECT child_id, arg_max(social_worker_id, start_date) FROM social_worker_episode
                      WHERE {council} AND start_date <= $as_at AND (end_date IS NULL OR end_date >= $as_at)
                      GROUP BY 1"""),
    }


def _cla_row(eps: list[dict[str, Any]], p: dict[str, Any], extra: dict[str, Any]) -> dict[str, Any]:
    current = eps[-1]
    i = len(eps) - 1
    period = max((k for k, e in enumerate(eps) if e["reason_new_episode"] == "S"), default=0)
    legal = i
    while legal > period and eps[legal - 1]["legal_status"] == current["legal_status"]:
        legal -= 1
    placement = i
    while placement > period and eps[placement]["reason_new_episode"] not in PLACEMENT_STARTS:
        placement -= 1
    window = [e for e in eps if e["end_date"] is None or e["end_date"] >= p["from12"]]
    placements = sum(1 for k, e in enumerate(window) if k == 0 or e["reason_new_episode"] in PLACEMENT_STARTS)
    periods = sum(1 for e in eps if e["reason_new_episode"] == "S" and e["start_date"] >= p["from12"])
    ended = current["end_date"] is not None and current["end_date"] <= p["as_at"]
    rhi = extra["rhi"] or [None, None]
    return {
        **{k: current[k] for k in ("child_id", "sex", "ethnicity", "date_of_birth", "disabled")},
        **{k: current[k] for k in ("legal_status", "cin_category", "placement_type", "placement_provider")},
        "placement_postcode": current["placement_postcode"],
        "urn": current["urn"],
        "uasc": extra["uasc"] or "N",
        "period_start": eps[period]["start_date"],
        "second_period": "Y" if periods >= 2 else "N",
        "legal_status_start": eps[legal]["start_date"],
        "latest_review": extra["latest_review"],
        "placements_12m": placements,
        "end_date": current["end_date"] if ended else None,
        "reason_episode_ceased": current["reason_episode_ceased"] if ended else None,
        "placement_start": eps[placement]["start_date"],
        "missing_12m": extra["missing_12m"] or 0,
        "absent_12m": extra["absent_12m"] or 0,
        "rhi_offered": rhi[0],
        "rhi_accepted": rhi[1],
        "social_worker_id": extra["social_worker_id"],
    }


def write(store: Store, council: str, as_at: dt.date, path: Path) -> dict[int, int]:
    """Build the workbook; returns the number of records in each list."""
    return fmt.write(path, lists(store, council, as_at), council, as_at)


# --- reading back into the store -------------------------------------------------

CLA_LISTS = (8, 9, 10)


def load(store: Store, path: Path, council: str) -> tuple[dict[str, int], list[fmt.CellProblem]]:
    """Read an Annex A workbook into the store; rows from an earlier load of the same file are replaced."""
    rows, problems = fmt.read(path)
    bad = {(p.sheet, p.row) for p in problems}
    good = {n: [r for r in rs if (f"List {n}", r["_row"]) not in bad] for n, rs in rows.items()}
    year = collection_year(_as_at(path))
    tables = _tables(good, year)
    with store.transaction():
        for name, records in tables.items():
            table = TABLES[name]
            store.con.execute(f"DELETE FROM {name} WHERE la_code = ? AND source_file = ?", [council, path.name])
            if records:
                columns = {c.name: [r.get(c.name) for r in records] for c in table.all_columns}
                columns.update(la_code=[council] * len(records), collection_year=[year] * len(records))
                columns["source_file"] = [path.name] * len(records)
                store.insert_columns(table, columns)
            store.record_load(council, year, "annex_a", name, path.name, len(records), len(records), 0)
    return {n: len(r) for n, r in tables.items()}, problems


def _as_at(path: Path) -> dt.date:
    import openpyxl

    book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    try:
        if fmt.COVER in book.sheetnames:
            value = book[fmt.COVER]["B3"].value
            if isinstance(value, dt.datetime):
                return value.date()
            if isinstance(value, dt.date):
                return value
    finally:
        book.close()
    return dt.date.today()


def _tables(rows: dict[int, list[dict[str, Any]]], year: int) -> dict[str, list[dict[str, Any]]]:
    def get(n: int) -> list[dict[str, Any]]:
        return rows.get(n, [])

    def keep(rs: Iterable[dict[str, Any]], *names: str, **fixed: Any) -> list[dict[str, Any]]:
        return [{**{k: r.get(k) for k in names}, "source_row": r["_row"], **fixed} for r in rs]

    referrals = _referrals(get(3), get(6))
    first = _first_referral(referrals)
    out = {
        "contact": keep(get(1), "child_id", "contact_date", "contact_source"),
        "early_help": keep(get(2), "child_id", "start_date", "end_date", "organisation"),
        "referral": referrals,
        "assessment": [
            {**r, "referral_id": first(r["child_id"], r["start_date"]), "assessment_id": k + 1}
            for k, r in enumerate(keep(get(4), "child_id", "start_date", "authorisation_date"))
        ],
        "section47": [
            {**r, "referral_id": first(r["child_id"], r["start_date"]), "icpc_not_required": _bool(r)}
            for r in keep(get(5), "child_id", "start_date", "icpc_date", "icpc_not_required")
        ],
        "protection_plan": [
            {**r, "referral_id": first(r["child_id"], r["start_date"])}
            for r in keep(
                get(7), "child_id", "start_date", "end_date", "initial_category", "latest_category", "previous_plans"
            )
        ],
        "protection_plan_review": [
            {
                "child_id": r["child_id"],
                "referral_id": first(r["child_id"], r["start_date"]),
                "plan_start_date": r["start_date"],
                "review_date": r["latest_review"],
                "source_row": r["_row"],
            }
            for r in get(7)
            if r.get("latest_review")
        ],
        "episode": [_episode(r) for r in get(8)],
        # List 8 names the latest review, the worker and UASC status: each kept as the record it implies.
        "review": [
            {
                "child_id": r["child_id"],
                "date_of_birth": r.get("date_of_birth"),
                "review_date": r["latest_review"],
                "source_row": r["_row"],
            }
            for r in get(8)
            if r.get("latest_review")
        ],
        "uasc": keep([r for r in get(8) if r.get("uasc") == "Y"], "child_id", "date_of_birth"),
        "social_worker_episode": [
            {
                "child_id": r["child_id"],
                "date_of_birth": r.get("date_of_birth"),
                "social_worker_id": r["social_worker_id"],
                "start_date": r.get("placement_start"),
                "source_row": r["_row"],
            }
            for r in get(8)
            if r.get("social_worker_id")
        ],
        "care_leaver": [
            {**r, "accommodation": _accommodation(src)}
            for r, src in zip(keep(get(9), "child_id", "date_of_birth", "in_touch", "activity"), get(9), strict=True)
        ],
        "placed_for_adoption": keep(
            get(10), "child_id", "date_of_birth", "date_placed", "date_placed_ceased", "reason_placed_ceased"
        ),
    }
    out.update(_children(rows, year))
    return out


def _bool(r: dict[str, Any]) -> str | None:
    return {"Y": "true", "N": "false"}.get(r.get("icpc_not_required") or "")


def _referrals(list3: list[dict[str, Any]], list6: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Lists 3 and 6 describe the same referrals from two sides: merged by child and referral date."""
    merged: dict[tuple[str, dt.date], dict[str, Any]] = {}
    for r in list3:
        merged[(r["child_id"], r["referral_date"])] = {
            "referral_source": r.get("referral_source"),
            "referral_nfa": {"Y": "true", "N": "false"}.get(r.get("referral_nfa") or ""),
            "source_row": r["_row"],
        }
    for r in list6:
        entry = merged.setdefault((r["child_id"], r["referral_date"]), {"source_row": r["_row"]})
        entry.update({k: r.get(k) for k in ("primary_need", "closure_date", "reason_for_closure")})
    out: list[dict[str, Any]] = []
    numbers: dict[str, int] = defaultdict(int)
    for (child, day), entry in sorted(merged.items()):
        numbers[child] += 1
        out.append({"child_id": child, "referral_id": numbers[child], "referral_date": day, **entry})
    return out


def _first_referral(referrals: list[dict[str, Any]]) -> Any:
    by_child: dict[str, list[tuple[dt.date, int]]] = defaultdict(list)
    for r in referrals:
        by_child[r["child_id"]].append((r["referral_date"], r["referral_id"]))

    def find(child: str, day: dt.date | None) -> int | None:
        earlier = [n for d, n in by_child.get(child, []) if day is None or d <= day]
        return earlier[-1] if earlier else None

    return find


def _episode(r: dict[str, Any]) -> dict[str, Any]:
    """The current episode of list 8 (Annex A holds one row per child, not the history)."""
    fields = ("child_id", "legal_status", "cin_category", "placement_type", "placement_provider")
    return {
        **{k: r.get(k) for k in fields},
        "start_date": r.get("placement_start"),
        "reason_new_episode": "S" if r.get("placement_start") == r.get("period_start") else "P",
        "end_date": r.get("end_date"),
        "reason_episode_ceased": r.get("reason_episode_ceased"),
        "placement_postcode": r.get("placement_postcode"),
        "urn": r.get("urn"),
        "source_row": r["_row"],
    }


def _accommodation(r: dict[str, Any]) -> str | None:
    kind, suitable = r.get("accommodation_type"), r.get("suitability")
    if kind is None:
        return None
    return kind + (suitable or "") if kind not in ("G", "H", "R") else kind


def _children(rows: dict[int, list[dict[str, Any]]], year: int) -> dict[str, list[dict[str, Any]]]:
    """Each child's characteristics once: into the 903 header for lists 8-10 (SEX as the 903 codes it in
    `year`), the CIN child otherwise."""
    cla: dict[str, dict[str, Any]] = {}
    cin: dict[str, dict[str, Any]] = {}
    for number, rs in sorted(rows.items()):
        target = cla if number in CLA_LISTS else cin
        for r in rs:
            if r.get("sex") is None and r.get("ethnicity") is None and r.get("date_of_birth") is None:
                continue
            target.setdefault(
                r["child_id"],
                {
                    "child_id": r["child_id"],
                    "sex": r.get("sex"),
                    "ethnicity": r.get("ethnicity"),
                    "date_of_birth": r.get("date_of_birth"),
                    "source_row": r["_row"],
                },
            )
    for r in cla.values():
        r["sex"] = sex_code(r["sex"], year) if r["sex"] in ("M", "F", "U") else None
    return {"cin_child": list(cin.values()), "child": list(cla.values())}
