"""Data quality of a loaded council-year, and uploading a return: validate first, load only what passes."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path
from typing import Any

from starlette.concurrency import run_in_threadpool
from starlette.datastructures import FormData, UploadFile
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route
from starlette.types import Message

from lineofsight.errors import UserError
from lineofsight.store.load import load_paths
from lineofsight.validate import ValidationReport, validate_paths, validate_store
from lineofsight.web.pages import User, check_csrf, record, render, require, state

MAX_ISSUES_SHOWN = 500  # of the report's sample; the page says "showing the first 500 of N"
MAX_UPLOAD_BYTES = 256 * 2**20  # a whole return of a large council is tens of MB


def data_quality(request: Request) -> Response:
    user = require(request)
    council, year = request.path_params["council"], request.path_params["year"]
    los = state(request)

    def build() -> ValidationReport:
        return validate_store(los.store, council, year)

    report: ValidationReport = los.cached(("quality", council, year), build)
    if user.child_level and report.issue_count:
        record(request, user, "list_issues", f"validation {council} {year}", council, "dashboard data quality page")
    context = {"title": f"Data quality {council} {year}", "council": council, "year": year, "report": report}
    return render(request, "quality.html", {**context, "shown": report.issues[:MAX_ISSUES_SHOWN], **_summary(report)})


def _summary(report: ValidationReport) -> dict[str, Any]:
    return {"rules": report.rule_summary(), "errors": report.errors, "queries": report.queries}


def upload_page(request: Request) -> Response:
    require(request, "analyst")
    return render(request, "upload.html", {"title": "Upload a return"})


class TooLarge(Exception):
    """The request body went over MAX_UPLOAD_BYTES."""


def _limited(request: Request) -> Request:
    """The request with its body cut off at MAX_UPLOAD_BYTES, whatever Content-Length claims."""
    received = 0

    async def receive() -> Message:
        nonlocal received
        message = await request.receive()
        received += len(message.get("body", b""))
        if received > MAX_UPLOAD_BYTES:
            raise TooLarge
        return message

    return Request(request.scope, receive)


def _too_large(request: Request) -> Response:
    limit = f"{MAX_UPLOAD_BYTES // 2**20} MB" if MAX_UPLOAD_BYTES >= 2**20 else f"{MAX_UPLOAD_BYTES // 2**10} KB"
    problem = f"The upload is larger than {limit}, the most this dashboard accepts; validate it with the command line"
    return render(request, "upload.html", {"title": "Upload a return", "problem": problem}, 413)


async def upload(request: Request) -> Response:
    user = require(request, "analyst")
    if int(request.headers.get("content-length") or 0) > MAX_UPLOAD_BYTES:
        return _too_large(request)
    try:  # the multipart parser spools each file to disk as it arrives (beyond 1 MB): never whole in memory
        form = await _limited(request).form(max_files=100, max_fields=20)
    except TooLarge:
        return _too_large(request)
    try:
        return await _upload(request, user, form)
    finally:
        await form.close()  # removes the spooled files


async def _upload(request: Request, user: User, form: FormData) -> Response:
    check_csrf(request, form)
    files = [f for f in form.getlist("returns") if isinstance(f, UploadFile) and f.filename]
    council = str(form.get("council") or "").strip().upper() or None
    year_text = str(form.get("year") or "").strip()
    force = form.get("force") == "yes"
    context: dict[str, Any] = {"title": "Upload a return", "council_value": council or "", "year_value": year_text}
    if not files:
        return render(request, "upload.html", {**context, "problem": "Choose at least one file to upload"}, 400)
    if council is None and len(user.councils) == 1:
        council = next(iter(user.councils))  # a user limited to one council uploads that council's returns
    if council is not None and not user.may_see(council):
        return render(request, "upload.html", {**context, "problem": _not_yours(user, council)}, 403)
    if year_text and not year_text.isdigit():
        return render(
            request, "upload.html", {**context, "problem": "The collection year must be a year, like 2026"}, 400
        )
    with tempfile.TemporaryDirectory(prefix="lineofsight-upload-") as tmp:
        paths = []
        for f in files:
            path = Path(tmp) / Path(f.filename or "upload").name  # never a path the sender chose
            with path.open("wb") as out:  # streamed: a large return is never held whole in memory
                shutil.copyfileobj(f.file, out)
            paths.append(path)
        outcome = await run_in_threadpool(
            _validate_and_load, request, user, paths, council, int(year_text) if year_text else None, force
        )
    if outcome.get("report") is not None and outcome["report"].issue_count:
        record(request, user, "list_issues", "upload validation", council, "dashboard upload page")
    status = 200 if outcome.get("loaded") else 422
    return render(request, "upload.html", {**context, **outcome}, status)


def _not_yours(user: User, council: str) -> str:
    return f"Your account is limited to council {', '.join(sorted(user.councils))}: it cannot load council {council}'s return."


def _validate_and_load(
    request: Request, user: User, paths: list[Path], council: str | None, year: int | None, force: bool
) -> dict[str, Any]:
    """Validate in a scratch store; only a return without errors (or one the analyst forces) reaches the real store."""
    try:
        report = validate_paths(paths, year, council, earlier=state(request).use)  # last year from the store
    except UserError as exc:
        return {"problem": str(exc), "report": None, "loaded": False}
    if user.councils and report.council not in user.councils:  # read from the files: show nothing of another's
        return {"problem": _not_yours(user, str(report.council)), "report": None, "loaded": False}
    outcome: dict[str, Any] = {"report": report, "shown": report.issues[:MAX_ISSUES_SHOWN], **_summary(report)}
    if report.errors and not force:
        return {**outcome, "loaded": False, "rejected": True}
    los = state(request)
    try:
        with los.use() as store:
            result = load_paths(store, paths, council or report.council, year or report.year)
    except UserError as exc:
        return {**outcome, "problem": str(exc), "loaded": False}
    finally:
        los.changed()
    return {**outcome, "loaded": True, "counts": result.counts, "council": report.council, "year": report.year}


routes = [
    Route("/data-quality/{council}/{year:int}", data_quality),
    Route("/upload", upload_page, methods=["GET"]),
    Route("/upload", upload, methods=["POST"]),
]
