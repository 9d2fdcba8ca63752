"""Quality-assurance commands: `audit ...`, `feedback ...`, `annex-a`, `self-evaluation`.

Thin wrappers: each parses options, opens the store and calls `lineofsight.qa`.
Output names children only by the council's identifiers, and only in files the
user asks for; the terminal shows counts and figures.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from lineofsight.errors import UserError
from lineofsight.store import DB_HELP, Store, exists, open_store

console = Console()

Db = Annotated[str, typer.Option("--db", help=DB_HELP)]
Council = Annotated[str, typer.Option("--council", help="Council: the DfE three-digit LA code")]
Today = Annotated[str | None, typer.Option("--today", help="Count overdue actions as at this date (YYYY-MM-DD)")]


def _store(db: str, must_exist: bool = True) -> Store:
    if must_exist and not exists(db):
        raise UserError(f"{db}: no such store; load data into it first")
    try:
        return open_store(db)
    except UserError:
        raise
    except Exception as exc:  # duckdb raises its own types for a file that is not a store
        raise UserError(f"{db}: cannot open the store ({type(exc).__name__})") from None


def _record_export(store: Store, subject: str, council: str, detail: str) -> None:
    """Child-level lists leaving the store are written to the audit log first (who, what, when)."""
    import getpass

    from lineofsight.store import audit

    audit.record(store, getpass.getuser(), "export", subject, council, detail)


def _date(text: str | None, option: str) -> dt.date | None:
    if not text:
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise UserError(f"{option} must be a date written YYYY-MM-DD, not {text!r}") from None


def _problems(problems: list[object], summary: str) -> None:
    console.print(summary)
    if problems:
        table = Table("Rejected row", title=f"{len(problems)} problems (fix the file and import it again)")
        for p in problems:
            table.add_row(str(p))
        console.print(table)
        raise typer.Exit(1)


audit_app = typer.Typer(help="Case audits: plan a programme, import and export, summarise, follow actions.")
feedback_app = typer.Typer(help="Feedback from children and families: import surveys, summarise by area.")


@audit_app.command("plan")
def audit_plan(
    db: Db,
    council: Council,
    month: Annotated[str, typer.Option(help="Month the audits are due, YYYY-MM")],
    auditors: Annotated[str, typer.Option(help="Auditors, comma-separated; cases are shared in turn")],
    theme: Annotated[
        str, typer.Option(help="random, second_cp_plan, three_placements, care_leavers_not_in_touch")
    ] = "random",
    size: Annotated[int, typer.Option(help="Number of cases to audit")] = 10,
    seed: Annotated[int, typer.Option(help="Seed of the draw, to draw the same sample again")] = 1,
    out: Annotated[Path | None, typer.Option(help="Write the planned audits as an audit CSV to fill in")] = None,
) -> None:
    """Draw an audit programme at random or by theme, and save it as planned audits."""
    from lineofsight.qa import audits, programme

    day = _date(f"{month}-01", "--month")
    assert day is not None
    names = [a.strip() for a in auditors.split(",") if a.strip()]
    with _store(db) as store:
        drawn = programme.plan(store, council, day, theme, size, names, seed)
        console.print(
            f"Programme {drawn.programme_id}: {drawn.title}; {len(drawn.audits)} cases drawn from "
            f"{drawn.cohort} who fit the theme, shared between {len(names)} auditors."
        )
        if out:
            _record_export(store, "audit programme", council, drawn.programme_id)
            audits.export_csv(store, council, out, programme=drawn.programme_id)
            console.print(f"Audit forms to fill in: {out}")


@audit_app.command("sample")
def audit_sample(
    db: Db,
    council: Council,
    year: Annotated[int, typer.Option(help="Collection year (2026 = 2025/26)")],
    seed: Annotated[int, typer.Option(help="Seed of the synthetic draws")] = 1,
    per_month: Annotated[int, typer.Option(help="Audits a month")] = 6,
) -> None:
    """Plant a synthetic year of audits, actions and survey answers (for demonstrations)."""
    from lineofsight.qa import sample

    with _store(db) as store:
        planted = sample.plant(store, council, year, seed, per_month)
    console.print(
        f"Synthetic evidence for council {council}, {year}: {planted.audits} audits, "
        f"{planted.actions} actions, {planted.answers} survey answers."
    )


@audit_app.command("import")
def audit_import(
    file: Annotated[Path, typer.Argument(help="An audits CSV (AUDIT_ID, ...) or an actions CSV (ACTION_ID, ...)")],
    db: Db,
    council: Council,
) -> None:
    """Import audits or actions from CSV: good rows saved, every bad row named."""
    from lineofsight.qa import audits

    with _store(db, must_exist=False) as store:
        result = audits.import_csv(store, file, council)
    _problems(list(result.problems), f"{result.rows_loaded} of {result.rows_read} {result.kind} loaded.")


@audit_app.command("export")
def audit_export(
    db: Db,
    council: Council,
    out: Annotated[Path, typer.Option(help="CSV file to write")],
    actions: Annotated[bool, typer.Option("--actions", help="Export the actions rather than the audits")] = False,
) -> None:
    """Export a council's audits (with domain grades) or actions as CSV."""
    from lineofsight.qa import audits

    with _store(db) as store:
        _record_export(store, "actions" if actions else "audits", council, out.name)
        count = audits.export_csv(store, council, out, "actions" if actions else "audits")
    console.print(f"{count} {'actions' if actions else 'audits'} written to {out}")


@audit_app.command("summary")
def audit_summary(
    db: Db,
    council: Council,
    year: Annotated[int | None, typer.Option(help="Collection year (2026 = 2025/26); all years if omitted")] = None,
    today: Today = None,
) -> None:
    """Share of audits good or better by team, area and month; moderation; actions."""
    from lineofsight.qa import summary

    with _store(db) as store:
        s = summary.summarise(store, council, year, _date(today, "--today"))
    if not s.graded:
        console.print(
            f"No audits graded for council {council}" + (f" in {year}." if year else ".") + f" {s.planned} planned."
        )
        return
    console.print(f"Audits graded: {s.graded} ({s.planned} planned). Good or better: {s.good.text()}")
    for title, groups in (
        ("Team", s.by_team),
        ("Area of practice", s.by_area),
        ("Month", s.by_month),
        ("Domain", s.by_domain),
    ):
        table = Table(title, "Good or better (95% CI, n)", title=f"By {title.lower()}")
        for g in groups:
            table.add_row(g.label, g.good.text())
        console.print(table)
    m = s.moderation
    kappa = f", Cohen's kappa {m.kappa:.2f}" if m.kappa is not None else ""
    console.print(f"Moderation: {m.moderated} audits moderated; agreement {m.agreement.text()}{kappa}")
    console.print(f"Actions: {s.actions_open} open, {s.actions_overdue} overdue, {s.actions_completed} completed")


@audit_app.command("actions")
def audit_actions(db: Db, council: Council, today: Today = None) -> None:
    """Overdue audit actions, oldest first, with their owners."""
    from lineofsight.qa import summary

    with _store(db) as store:
        rows = summary.overdue_actions(store, council, _date(today, "--today"))
    if not rows:
        console.print("No overdue actions.")
        return
    table = Table("Action", "Audit", "Owner", "Due", "Days overdue", "Area", title=f"{len(rows)} overdue actions")
    for r in rows:
        table.add_row(
            str(r["action_id"]),
            str(r["audit_id"]),
            str(r["owner"]),
            f"{r['due_date']:%d/%m/%Y}",
            str(r["days_overdue"]),
            str(r["area"]),
        )
    console.print(table)


@audit_app.command("complete")
def audit_complete(
    action_id: Annotated[str, typer.Argument(help="The action's ACTION_ID")],
    db: Db,
    council: Council,
    date: Annotated[str | None, typer.Option(help="Day it was done, YYYY-MM-DD (default today)")] = None,
) -> None:
    """Mark an audit action done."""
    from lineofsight.qa import audits

    day = _date(date, "--date") or dt.date.today()
    with _store(db) as store:
        audits.complete_action(store, council, action_id, day)
    console.print(f"Action {action_id} completed on {day:%d %B %Y}.")


@feedback_app.command("import")
def feedback_import(
    file: Annotated[Path, typer.Argument(help="Survey CSV: one row per respondent, one column per question")],
    db: Db,
    council: Council,
    survey: Annotated[str | None, typer.Option(help="Name of the survey (default: the file name)")] = None,
    area: Annotated[str | None, typer.Option(help="Area of practice of every question")] = None,
    map_file: Annotated[Path | None, typer.Option("--map", help="CSV QUESTION,AREA mapping questions to areas")] = None,
    year: Annotated[
        int | None, typer.Option(help="Collection year of answers without a date (default: this year)")
    ] = None,
) -> None:
    """Import survey answers; each answer is kept with its area of practice."""
    from lineofsight.qa import feedback

    mapping = feedback.read_map(map_file) if map_file else None
    with _store(db, must_exist=False) as store:
        result = feedback.import_csv(store, file, council, survey, area, mapping, year)
    console.print(f"Survey {result.survey}: {len(result.questions)} questions.")
    _problems(list(result.problems), f"{result.answers} answers from {result.respondents} respondents loaded.")


@feedback_app.command("summary")
def feedback_summary(
    db: Db,
    council: Council,
    year: Annotated[int | None, typer.Option(help="Collection year; all years if omitted")] = None,
) -> None:
    """Positive answers to each question by area of practice, with n and 95% confidence interval."""
    from lineofsight.model.qa import AREA
    from lineofsight.qa import evidence, feedback

    with _store(db) as store:
        by_area = feedback.by_area(store, council, year)
        judged = evidence.latest_judgements(store, council)
    if not by_area:
        console.print("No feedback recorded.")
        return
    for area, shares in by_area.items():
        table = Table("Survey", "Question", "Positive (95% CI, n)", title=AREA.label(area))
        for q in shares:
            table.add_row(q.survey, q.question, q.share.text())
        console.print(table)
        if area in judged:
            j = judged[area]
            console.print(f"  Ofsted's latest judgement: {j.judgement}: {j.grade} (published {j.published:%d %B %Y})")


def annex_a_callback(
    ctx: typer.Context,
    db: Annotated[str | None, typer.Option("--db", help=DB_HELP)] = None,
    council: Annotated[str | None, typer.Option("--council", help="Council: the DfE three-digit LA code")] = None,
    date: Annotated[str | None, typer.Option("--date", help="Data as at this date, YYYY-MM-DD (default today)")] = None,
    out: Annotated[Path | None, typer.Option("--out", help="Workbook to write (.xlsx)")] = None,
) -> None:
    """Build Ofsted's Annex A workbook from the store (or `annex-a read FILE` to load one)."""
    if ctx.invoked_subcommand is not None:
        return
    if db is None or council is None or out is None:
        raise UserError("annex-a needs --db, --council and --out (or: annex-a read FILE --db --council)")
    if out.suffix.lower() != ".xlsx":
        raise UserError(f"{out}: Annex A is written as an Excel workbook; name it .xlsx")
    from lineofsight.formats.annex_a import gaps
    from lineofsight.qa import annex_a

    as_at = _date(date, "--date") or dt.date.today()
    with _store(db) as store:
        _record_export(store, "annex_a", council, f"as at {as_at:%Y-%m-%d}")
        counts = annex_a.write(store, council, as_at, out)
    console.print(f"Annex A for council {council} at {as_at:%d %B %Y} written to {out}")
    for number, count in counts.items():
        console.print(f"  List {number}: {count} records")
    console.print(f"{len(gaps())} fields the store cannot fill are listed on the cover sheet.")


annex_app = typer.Typer(invoke_without_command=True, callback=annex_a_callback, no_args_is_help=False)


@annex_app.command("read")
def annex_a_read(
    file: Annotated[Path, typer.Argument(help="An Annex A workbook (.xlsx)")],
    db: Db,
    council: Council,
) -> None:
    """Load an Annex A workbook into the store (rows of an earlier load of the same file are replaced)."""
    from lineofsight.qa import annex_a

    with _store(db, must_exist=False) as store:
        loaded, problems = annex_a.load(store, file, council)
    for table, count in loaded.items():
        if count:
            console.print(f"  {table}: {count} rows")
    if problems:
        table_ = Table("Rejected cell", title=f"{len(problems)} problems; those rows were not loaded")
        for p in problems:
            table_.add_row(str(p))
        console.print(table_)
        raise typer.Exit(1)


def self_evaluation(
    db: Db,
    council: Council,
    year: Annotated[int, typer.Option(help="Collection year (2026 = 2025/26)")],
    out: Annotated[Path, typer.Option(help="File to write: .html, .docx or .pdf")],
    today: Today = None,
) -> None:
    """Draft the self-evaluation (Ofsted's three questions per area) with its evidence linked."""
    from lineofsight.qa import evidence, render
    from lineofsight.qa import self_evaluation as se

    with _store(db) as store:
        sources = evidence.gather(store, council, year, _date(today, "--today"))
    draft = se.draft(sources)
    render.write(draft, out)
    statements = sum(len(a) for s in draft.sections for a in s.answers)
    console.print(f"Draft written to {out}: {statements} statements, {len(draft.evidence)} evidence items.")
    for note in draft.notes:
        console.print(f"  note: {note}")


def register(app: typer.Typer) -> None:
    """Add this area's commands to the main app."""
    app.add_typer(audit_app, name="audit")
    app.add_typer(feedback_app, name="feedback")
    app.add_typer(annex_app, name="annex-a", help="Build Ofsted's Annex A workbook, or read one back (annex-a read).")
    app.command("self-evaluation")(self_evaluation)
