"""SQL building blocks shared by the CIN census rules (this module declares no rules).

Every CIN rule is one query over one council-year. These helpers keep the
council-year filter, the joins between the flattened XML tables and the
code-list checks written once, so each rule states only its DfE logic.
"""

from __future__ import annotations

from collections.abc import Iterable

from lineofsight.model import TABLES
from lineofsight.model.schema import CodeList
from lineofsight.validate import build
from lineofsight.validate.rule import Rule, Severity

RULES: tuple[Rule, ...] = ()

# A value the reader could not type (a date like 2025-02-30) is reported under the
# DfE rule that says the field is "missing or invalid".
build.TYPE_RULES.update(
    {
        ("referral", "CINreferralDate"): "8600",
        ("cin_plan", "CINPlanStartDate"): "4010",
        ("protection_plan", "CPPstartDate"): "8720",
        ("protection_plan", "NumberOfPreviousCPP"): "8730",
    }
)

ERROR, QUERY = Severity.ERROR, Severity.QUERY
REFERENCE = "DfE, Children in need census 2025 to 2026: validation rules"
TRUE = "('true', '1')"  # XML booleans as the census carries them
FALSE = "('false', '0')"


def scope(alias: str) -> str:
    """The rows of one council's census year."""
    return f"{alias}.la_code = $la_code AND {alias}.collection_year = $year"


def same_child(a: str, b: str) -> str:
    return f"{a}.la_code = {b}.la_code AND {a}.collection_year = {b}.collection_year AND {a}.child_id = {b}.child_id"


def same_referral(a: str, b: str) -> str:
    """Both rows belong to the same CINdetails block of the same child."""
    return f"{same_child(a, b)} AND {a}.referral_id = {b}.referral_id"


def same_row(a: str, b: str) -> str:
    return f"({a}.source_file IS NOT DISTINCT FROM {b}.source_file AND {a}.source_row = {b}.source_row)"


def in_list(values: CodeList | Iterable[str]) -> str:
    codes = values.codes if isinstance(values, CodeList) else list(values)
    return "(" + ", ".join("'" + code.replace("'", "''") + "'" for code in codes) + ")"


def outside_year(expr: str) -> str:
    """A present date outside 1 April to 31 March (the reference date)."""
    return f"({expr} < $start OR {expr} > $end)"


def make(
    code: str,
    table: str,
    fields: tuple[str, ...],
    message: str,
    sql: str,
    severity: Severity = ERROR,
    first_year: int | None = None,
) -> Rule:
    return Rule(code, "cin", table, fields, message, sql, severity, first_year, None, REFERENCE)


def where(
    code: str,
    table: str,
    fields: tuple[str, ...],
    message: str,
    condition: str,
    joins: str = "",
    severity: Severity = ERROR,
    first_year: int | None = None,
) -> Rule:
    """A rule flagging each row `t` of `table` (optionally joined) that meets `condition`."""
    sql = f"SELECT DISTINCT t.source_file, t.source_row FROM {table} t {joins} WHERE {scope('t')} AND ({condition})"
    return make(code, table, fields, message, sql, severity, first_year)


def la_level(code: str, table: str, fields: tuple[str, ...], message: str, anchor: str, condition: str) -> Rule:
    """A query about the whole return: it points at the first row matching `anchor` when `condition` holds."""
    sql = (
        f"SELECT t.source_file, t.source_row FROM {table} t WHERE {scope('t')} AND ({anchor}) AND ({condition}) "
        "ORDER BY t.source_file, t.source_row LIMIT 1"
    )
    return make(code, table, fields, message, sql, QUERY)


def working_days_to_end(date: str) -> str:
    """Working days from `date` to the reference date, by the store's calendar."""
    return (
        f"((SELECT w.working_day_number FROM calendar w WHERE w.day = $end) "
        f"- (SELECT w.working_day_number FROM calendar w WHERE w.day = {date}))"
    )


def icpc_required(alias: str) -> str:
    """The section 47 enquiry was not marked as needing no initial conference."""
    return f"COALESCE({alias}.icpc_not_required, 'false') NOT IN {TRUE}"


def weekend(date: str) -> str:
    return f"isodow({date}) IN (6, 7)"


def exists(table: str, alias: str, link: str, condition: str = "TRUE") -> str:
    """EXISTS a row of `table` (as `alias`) linked to `t` by `link` and meeting `condition`."""
    return f"EXISTS (SELECT 1 FROM {table} {alias} WHERE {link} AND ({condition}))"


def code_check(code: str, table: str, column: str, message: str, mandatory: bool | None = None) -> Rule:
    """The code-list (and, if mandatory, presence) check of a model column."""
    col = TABLES[table].column(column)
    assert col.codes is not None and col.source is not None, f"{table}.{column} has no DfE code list"
    required = col.required if mandatory is None else mandatory
    invalid = f"t.{column} NOT IN {in_list(col.codes)}"
    condition = f"t.{column} IS NULL OR {invalid}" if required else invalid
    return where(code, table, (col.source,), message, condition)


def overlaps(
    code: str,
    table: str,
    fields: tuple[str, ...],
    message: str,
    start: str,
    end: str,
    link: str,
    open_when: str = "TRUE",
    severity: Severity = ERROR,
    inclusive_end: bool = False,
) -> Rule:
    """Each row whose `start` falls on or after the start of another row of the same
    group and before that row's end (or at any time, while it is open); `open_when`
    limits which rows without an end count as ongoing. Ending on the day the next
    one starts is allowed unless `inclusive_end`."""
    still_open = f"o.{end} IS NULL AND ({open_when.replace('t.', 'o.')})"
    condition = exists(
        table,
        "o",
        f"{link} AND NOT {same_row('o', 't')}",
        f"t.{start} >= o.{start} AND (t.{start} {'<=' if inclusive_end else '<'} o.{end} OR ({still_open}))",
    )
    return where(code, table, fields, message, f"t.{start} IS NOT NULL AND {condition}", severity=severity)
