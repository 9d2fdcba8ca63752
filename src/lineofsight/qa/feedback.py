"""The voice of children and families: survey CSVs in, shares by area of practice out.

A survey file has one row per respondent and one column per question. Answers
on an agreement scale (strongly agree ... strongly disagree), a 1-5 scale or
yes/no are recognised; "agree", "strongly agree", 4, 5 and "yes" count as
positive. "Don't know" counts as an answer that is not positive. Every share is
shown with its number of responses and 95% Wilson interval.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from lineofsight.errors import UserError
from lineofsight.model.qa import AREA, FEEDBACK_RESPONSE
from lineofsight.qa.csvio import Problem, RowError, collection_year, parse_date, read_rows
from lineofsight.qa.stats import Share
from lineofsight.store import Store

POSITIVE = {"strongly agree", "agree", "yes", "4", "5", "y"}
OTHER = {
    "neither agree nor disagree",
    "neither",
    "neutral",
    "disagree",
    "strongly disagree",
    "no",
    "n",
    "1",
    "2",
    "3",
    "don't know",
    "dont know",
    "not sure",
}
SCALE = (
    "an answer on the scale strongly agree, agree, neither, disagree, strongly disagree; 1 to 5; yes, no, don't know"
)
# Columns that describe the respondent rather than ask a question.
META = {"respondent": "respondent", "id": "respondent", "date": "date", "response date": "date", "area": "area"}


@dataclass
class FeedbackImport:
    survey: str
    respondents: int = 0
    answers: int = 0
    questions: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


def _area(text: str) -> str | None:
    low = text.strip().lower()
    for code, label in AREA.codes.items():
        if low in (code, label.lower()):
            return code
    return None


def answer_is_positive(field_name: str, text: str) -> bool:
    low = text.strip().lower().replace("’", "'")
    if low in POSITIVE:
        return True
    if low in OTHER:
        return False
    raise RowError(field_name, f"must be {SCALE}")


def read_map(path: Path) -> dict[str, str]:
    """A question -> area of practice map: a CSV with columns QUESTION and AREA."""
    header, rows = read_rows(path)
    if [h.upper() for h in header[:2]] != ["QUESTION", "AREA"]:
        raise UserError(f"{path.name}: a question map needs the header QUESTION,AREA")
    mapping = {}
    for number, row in rows:
        area = _area(row[header[1]])
        if area is None:
            raise UserError(f"{path.name}, row {number}, AREA: must be one of {', '.join(AREA.codes)}")
        mapping[row[header[0]]] = area
    return mapping


def import_csv(
    store: Store,
    path: Path,
    council: str,
    survey: str | None = None,
    area: str | None = None,
    question_areas: Mapping[str, str] | None = None,
    year: int | None = None,
) -> FeedbackImport:
    """Load a survey CSV: answers saved one per row, bad cells reported by file, row and question.

    Answers without a date belong to `year` (default: the collection year of today)."""
    header, rows = read_rows(path)
    meta = {h: META[h.lower()] for h in header if h.lower() in META}
    questions = [h for h in header if h and h not in meta]
    if not questions:
        raise UserError(f"{path.name}: no question columns found")
    default_area = _area(area) if area else None
    if area and default_area is None:
        raise UserError(f"unknown area of practice {area!r}; choose one of {', '.join(AREA.codes)}")
    question_areas = question_areas or {}
    has_row_area = "area" in meta.values()
    unmapped = [q for q in questions if q not in question_areas and not default_area]
    if unmapped and not has_row_area:
        raise UserError(
            f"{path.name}: no area of practice for {', '.join(unmapped)}: give --area, --map or an Area column"
        )
    result = FeedbackImport(survey or path.stem, questions=questions)
    records: list[dict[str, Any]] = []
    for number, row in rows:
        result.respondents += 1
        records += _answers(path.name, number, row, meta, questions, question_areas, default_area, result)
    with store.transaction():
        store.con.execute("DELETE FROM feedback_response WHERE la_code = ? AND survey = ?", [council, result.survey])
        save_answers(store, council, result.survey, path.name, records, year)
    result.answers = len(records)
    return result


def _answers(
    name: str,
    number: int,
    row: dict[str, str],
    meta: dict[str, str],
    questions: list[str],
    question_areas: Mapping[str, str],
    default_area: str | None,
    result: FeedbackImport,
) -> list[dict[str, Any]]:
    by_role = {role: row[h] for h, role in meta.items()}
    try:
        day = parse_date("Date", by_role.get("date", ""))
        row_area = _area(by_role["area"]) if by_role.get("area") else None
        if by_role.get("area") and row_area is None:
            raise RowError("Area", f"must be one of {', '.join(AREA.codes)}")
    except RowError as exc:
        result.problems.append(Problem(name, number, exc.field, exc.rule))
        return []
    out = []
    for question in questions:
        text = row.get(question, "")
        if not text:
            continue  # not answered
        try:
            positive = answer_is_positive(question, text)
        except RowError as exc:
            result.problems.append(Problem(name, number, exc.field, exc.rule))
            continue
        area = row_area or question_areas.get(question) or default_area
        if area is None:
            result.problems.append(Problem(name, number, "Area", "is blank and the question has no area"))
            continue
        respondent = by_role.get("respondent") or f"row {number}"
        out.append(
            {
                "respondent": respondent,
                "response_date": day,
                "area": area,
                "question": question,
                "answer": text,
                "positive": positive,
                "source_row": number,
            }
        )
    return out


def save_answers(
    store: Store, council: str, survey: str, source: str, records: list[dict[str, Any]], year: int | None = None
) -> None:
    if not records:
        return
    undated = year or collection_year(dt.date.today())
    columns: dict[str, list[Any]] = {c.name: [] for c in FEEDBACK_RESPONSE.all_columns}
    for r in records:
        values = {
            **r,
            "la_code": council,
            "collection_year": collection_year(r["response_date"]) if r["response_date"] else undated,
            "survey": survey,
            "source_file": source,
        }
        for name in columns:
            columns[name].append(values.get(name))
    store.insert_columns(FEEDBACK_RESPONSE, columns)


@dataclass(frozen=True)
class QuestionShare:
    survey: str
    area: str
    question: str
    share: Share  # positive answers of all answers


def by_area(store: Store, council: str, year: int | None = None) -> dict[str, list[QuestionShare]]:
    """Positive share of each question, grouped by area of practice (areas in the AREA order)."""
    where = "la_code = $council" + (" AND collection_year = $year" if year else "")
    params: dict[str, object] = {"council": council, **({"year": year} if year else {})}
    rows = store.query(
        f"""SELECT area, survey, question, count(*) FILTER (WHERE positive), count(*)
        FROM feedback_response WHERE {where} GROUP BY area, survey, question ORDER BY area, survey, question""",
        params,
    )
    out: dict[str, list[QuestionShare]] = {a: [] for a in AREA.codes}
    for area, survey, question, k, n in rows:
        out.setdefault(area, []).append(QuestionShare(survey, area, question, Share(int(k), int(n))))
    return {a: qs for a, qs in out.items() if qs}
