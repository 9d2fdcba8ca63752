"""Quality assurance in the dashboard: audit summaries, audit forms, actions, feedback, the self-evaluation.

Aggregate pages are open to every role; the audit list and forms name children, so they are child-level
(analyst, manager, auditor) and every view is written to the audit log. Auditors (and analysts) grade and
moderate; auditors, managers and analysts mark actions done.
"""

from __future__ import annotations

import datetime as dt
import html
import tempfile
from pathlib import Path
from typing import Any

from starlette.datastructures import UploadFile
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import HTMLResponse, RedirectResponse, Response
from starlette.routing import Route

from lineofsight.errors import UserError
from lineofsight.model.qa import AREA, DOMAIN, GRADE
from lineofsight.qa import annex_a, audits, evidence, feedback, programme, render, self_evaluation, summary
from lineofsight.qa.audits import DOMAIN_COLUMNS
from lineofsight.qa.csvio import RowError
from lineofsight.web.pages import check_csrf, record, require, require_child_level, state
from lineofsight.web.pages import render as page

GRADERS = ("auditor", "analyst")
ACTION_CLOSERS = ("auditor", "manager", "analyst")


def overview(request: Request) -> Response:
    user = require(request)
    council, year = request.path_params["council"], request.path_params["year"]
    with state(request).use() as store:
        audit_summary = summary.summarise(store, council, year)
        answers = feedback.by_area(store, council, year)
        judged = evidence.latest_judgements(store, council)
    context = {
        "title": f"Quality assurance {council} {year}",
        "council": council,
        "year": year,
        "s": audit_summary,
        "feedback": answers,
        "judged": judged,
        "areas": AREA.codes,
        "can_import": user.role in GRADERS,
    }
    return page(request, "qa/overview.html", context)


def audit_list(request: Request) -> Response:
    user = require_child_level(request)
    council, year = request.path_params["council"], request.path_params["year"]
    record(request, user, "list_audits", f"audits {council} {year}", council, "dashboard QA audit list")
    with state(request).use() as store:
        rows = store.dicts(
            """SELECT audit_id, child_id, area, team, auditor, audit_date, overall_grade, moderated_grade
            FROM audit WHERE la_code = ? AND collection_year = ? ORDER BY audit_date NULLS FIRST, audit_id""",
            [council, year],
        )
        overdue = summary.overdue_actions(store, council)
    context = {"title": f"Audits {council} {year}", "council": council, "year": year, "rows": rows}
    extra = {"themes": programme.THEMES, "can_plan": user.role in GRADERS}
    return page(request, "qa/audits.html", {**context, "overdue": overdue, "grade": GRADE, "area": AREA, **extra})


async def plan(request: Request) -> Response:
    """Draw an audit programme from the form on the audits page (auditors and analysts)."""
    user = require(request, *GRADERS)
    form = await request.form()
    check_csrf(request, form)
    council, year = request.path_params["council"], request.path_params["year"]
    fields = {k: str(v).strip() for k, v in form.items() if isinstance(v, str)}
    try:
        month = dt.date.fromisoformat(fields.get("month", "") + "-01")
        size, seed = int(fields.get("size") or 0), int(fields.get("seed") or 1)
    except ValueError:
        return _plan_problem(
            request, council, year, "Give the month as YYYY-MM and the size and seed as whole numbers."
        )
    auditors = [a.strip() for a in fields.get("auditors", "").split(",") if a.strip()]
    try:
        with state(request).use() as store:
            drawn = programme.plan(store, council, month, fields.get("theme", "random"), size, auditors, seed, year)
    except UserError as exc:
        return _plan_problem(request, council, year, str(exc))
    record(request, user, "plan_audits", drawn.programme_id, council, "dashboard QA")
    return RedirectResponse(f"/qa/{council}/{year}/audits", status_code=303)


def _plan_problem(request: Request, council: str, year: int, problem: str) -> Response:
    response = audit_list(request)
    body = bytes(response.body).decode()
    banner = (
        '<div class="govuk-error-summary" data-module="govuk-error-summary"><div role="alert">'
        '<h2 class="govuk-error-summary__title">There is a problem</h2><div class="govuk-error-summary__body">'
        f'<p class="govuk-body">{html.escape(problem)}</p></div></div></div>'
    )
    return HTMLResponse(body.replace('<h1 class="govuk-heading-l">', banner + '<h1 class="govuk-heading-l">', 1), 400)


def export(request: Request) -> Response:
    """The council's audits (or actions) as the CSV the CLI imports: child-level, so logged first."""
    user = require_child_level(request)
    council, kind = request.path_params["council"], request.path_params["kind"]
    if kind not in ("audits", "actions"):
        raise HTTPException(404, "Export audits.csv or actions.csv.")
    record(request, user, "export", kind, council, "dashboard QA download")
    with tempfile.TemporaryDirectory() as tmp, state(request).use() as store:
        path = Path(tmp) / f"{kind}.csv"
        audits.export_csv(store, council, path, kind)
        content = path.read_bytes()
    disposition = f'attachment; filename="{kind}_{council}.csv"'
    return Response(content, media_type="text/csv", headers={"content-disposition": disposition})


def _upload_name(sent: str) -> str:
    """The file's own name without any folder; '.', '..' or a bare folder is no file name (a 400)."""
    name = Path(sent.replace("\\", "/")).name
    if name in ("", ".", ".."):
        raise HTTPException(400, f"{sent[:100]!r} is not a file name: choose a CSV file to import.")
    return name


async def upload(request: Request) -> Response:
    """Import an audits or actions CSV (filled-in audit forms); bad rows are listed, good rows saved."""
    user = require(request, *GRADERS)
    form = await request.form()
    check_csrf(request, form)
    council, year = request.path_params["council"], request.path_params["year"]
    sent = form.get("file")
    if not isinstance(sent, UploadFile) or not sent.filename:
        return _plan_problem(request, council, year, "Choose an audits or actions CSV file to import.")
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / _upload_name(sent.filename)  # never a path the sender chose
        path.write_bytes(await sent.read())
        try:
            with state(request).use() as store:
                result = audits.import_csv(store, path, council)
        except UserError as exc:
            return _plan_problem(request, council, year, str(exc))
    record(request, user, "import_audits", path.name, council, f"{result.rows_loaded} {result.kind} loaded")
    if result.problems:
        lines = "; ".join(str(p) for p in result.problems[:20])
        more = f" and {len(result.problems) - 20} more" if len(result.problems) > 20 else ""
        message = f"{result.rows_loaded} of {result.rows_read} {result.kind} loaded. Not loaded: {lines}{more}."
        return _plan_problem(request, council, year, message)
    return RedirectResponse(f"/qa/{council}/{year}/audits", status_code=303)


async def feedback_upload(request: Request) -> Response:
    """Import a survey CSV (questions as columns) for an area of practice."""
    user = require(request, *GRADERS)
    form = await request.form()
    check_csrf(request, form)
    council, year = request.path_params["council"], request.path_params["year"]
    sent, area = form.get("file"), str(form.get("area") or "")
    survey = str(form.get("survey") or "").strip() or None
    if not isinstance(sent, UploadFile) or not sent.filename:
        return _overview_problem(request, "Choose a survey CSV file to import.")
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / _upload_name(sent.filename)
        path.write_bytes(await sent.read())
        try:
            with state(request).use() as store:
                result = feedback.import_csv(store, path, council, survey, area or None, year=year)
        except UserError as exc:
            return _overview_problem(request, str(exc))
    record(request, user, "import_feedback", result.survey, council, f"{result.answers} answers")
    if result.problems:
        lines = "; ".join(str(p) for p in result.problems[:20])
        return _overview_problem(request, f"{result.answers} answers loaded. Not loaded: {lines}.")
    return RedirectResponse(f"/qa/{council}/{year}", status_code=303)


def _overview_problem(request: Request, problem: str) -> Response:
    response = overview(request)
    body = bytes(response.body).decode()
    banner = (
        '<div class="govuk-error-summary" data-module="govuk-error-summary"><div role="alert">'
        '<h2 class="govuk-error-summary__title">There is a problem</h2><div class="govuk-error-summary__body">'
        f'<p class="govuk-body">{html.escape(problem)}</p></div></div></div>'
    )
    return HTMLResponse(body.replace('<h1 class="govuk-heading-l">', banner + '<h1 class="govuk-heading-l">', 1), 400)


def annex_a_file(request: Request) -> Response:
    """Ofsted's Annex A workbook at a date (default today): child-level, so logged first."""
    user = require_child_level(request)
    council = request.path_params["council"]
    try:
        as_at = dt.date.fromisoformat(request.query_params.get("date") or dt.date.today().isoformat())
    except ValueError:
        raise HTTPException(400, "Give the date as YYYY-MM-DD.") from None
    record(request, user, "export", "annex_a", council, f"as at {as_at:%Y-%m-%d}")
    with tempfile.TemporaryDirectory() as tmp, state(request).use() as store:
        path = Path(tmp) / "annex_a.xlsx"
        annex_a.write(store, council, as_at, path)
        content = path.read_bytes()
    media = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    disposition = f'attachment; filename="annex_a_{council}_{as_at:%Y-%m-%d}.xlsx"'
    return Response(content, media_type=media, headers={"content-disposition": disposition})


def _form_context(
    council: str, found: tuple[dict[str, Any], dict[str, str]], actions: list[dict[str, Any]]
) -> dict[str, Any]:
    audit, grades = found
    return {
        "title": f"Audit {audit['audit_id']}",
        "council": council,
        "year": audit["collection_year"],
        "audit": audit,
        "grades": grades,
        "domains": [(h, d, DOMAIN.label(d)) for h, d in DOMAIN_COLUMNS.items()],
        "grade_codes": GRADE.codes,
        "area": AREA,
        "actions": actions,
    }


def _load(
    request: Request, council: str, audit_id: str
) -> tuple[tuple[dict[str, Any], dict[str, str]], list[dict[str, Any]]]:
    with state(request).use() as store:
        found = audits.get_audit(store, council, audit_id)
        actions = store.dicts(
            "SELECT * FROM audit_action WHERE la_code = ? AND audit_id = ? ORDER BY due_date", [council, audit_id]
        )
    if found is None:
        raise HTTPException(404, f"No audit {audit_id} for council {council}.")
    return found, actions


def audit_form(request: Request) -> Response:
    user = require_child_level(request)
    council, audit_id = request.path_params["council"], request.path_params["audit_id"]
    found, actions = _load(request, council, audit_id)
    record(request, user, "view_audit", audit_id, council, "dashboard QA audit form")
    context = _form_context(council, found, actions)
    return page(request, "qa/audit.html", {**context, "editable": user.role in GRADERS})


async def audit_save(request: Request) -> Response:
    user = require(request, *GRADERS)
    form = await request.form()
    check_csrf(request, form)
    council, audit_id = request.path_params["council"], request.path_params["audit_id"]
    found, actions = _load(request, council, audit_id)
    fields = {k: str(v) for k, v in form.items() if isinstance(v, str)}
    try:
        updated = audits.parse_form(found[0], fields)
    except RowError as exc:
        context = _form_context(council, found, actions)
        problem = f"{exc.field.replace('_', ' ').capitalize()} {exc.rule}"
        return page(request, "qa/audit.html", {**context, "editable": True, "problem": problem}, 400)
    record(request, user, "grade_audit", audit_id, council, "dashboard QA audit form")
    with state(request).use() as store, store.transaction():
        audits.save_audits(store, council, [updated], "dashboard")
    return RedirectResponse(f"/qa/{council}/audit/{audit_id}", status_code=303)


async def action_complete(request: Request) -> Response:
    user = require(request, *ACTION_CLOSERS)
    form = await request.form()
    check_csrf(request, form)
    council, action_id = request.path_params["council"], request.path_params["action_id"]
    try:
        with state(request).use() as store:
            audits.complete_action(store, council, action_id, dt.date.today())
    except UserError as exc:
        raise HTTPException(404, str(exc)[:1].upper() + str(exc)[1:] + ".") from None
    with state(request).use() as store:
        rows = store.query(
            "SELECT audit_id FROM audit_action WHERE la_code = ? AND action_id = ?", [council, action_id]
        )
    record(request, user, "complete_action", action_id, council, "dashboard QA")
    return RedirectResponse(f"/qa/{council}/audit/{rows[0][0]}", status_code=303)


def _draft(request: Request) -> self_evaluation.Draft:
    council, year = request.path_params["council"], request.path_params["year"]
    with state(request).use() as store:
        return self_evaluation.draft(evidence.gather(store, council, year))


def self_evaluation_page(request: Request) -> Response:
    require(request)
    draft = _draft(request)
    context = {"title": f"Self-evaluation {draft.council} {draft.year}", "council": draft.council, "year": draft.year}
    return page(request, "qa/self_evaluation.html", {**context, "draft": draft})


def self_evaluation_file(request: Request) -> Response:
    require(request)
    suffix = "." + request.path_params["suffix"]
    if suffix not in (".docx", ".pdf"):
        raise HTTPException(404, "The draft is offered as .docx or .pdf.")
    draft = _draft(request)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"self_evaluation{suffix}"
        render.write(draft, path)
        content = path.read_bytes()
    types = {
        ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        ".pdf": "application/pdf",
    }
    name = f"self_evaluation_{draft.council}_{draft.year}{suffix}"
    return Response(
        content, media_type=types[suffix], headers={"content-disposition": f'attachment; filename="{name}"'}
    )


routes = [
    Route("/qa/{council}/{year:int}", overview),
    Route("/qa/{council}/{year:int}/audits", audit_list),
    Route("/qa/{council}/{year:int}/plan", plan, methods=["POST"]),
    Route("/qa/{council}/{year:int}/import", upload, methods=["POST"]),
    Route("/qa/{council}/{kind}.csv", export),
    Route("/qa/{council}/{year:int}/feedback", feedback_upload, methods=["POST"]),
    Route("/qa/{council}/annex-a.xlsx", annex_a_file),
    Route("/qa/{council}/{year:int}/self-evaluation", self_evaluation_page),
    Route("/qa/{council}/{year:int}/self-evaluation.{suffix}", self_evaluation_file),
    Route("/qa/{council}/audit/{audit_id}", audit_form, methods=["GET"]),
    Route("/qa/{council}/audit/{audit_id}", audit_save, methods=["POST"]),
    Route("/qa/{council}/action/{action_id}/complete", action_complete, methods=["POST"]),
]
