"""Helpers for declaring rules: scoping SQL to one council-year, and the
column checks derived from the model (code lists, mandatory fields, dates).

A rule module writes its SQL against `@table`, which stands for that table
restricted to the council and collection year being validated, so no rule
can accidentally read another council's rows. `@previous.table` stands for the
same council's rows of the collection year before: a rule using it compares the
return with last year's, and the engine runs it only when that year is loaded.
"""

from __future__ import annotations

import re

from lineofsight.model import TABLES
from lineofsight.model.schema import Column, ColumnType, Span, Table
from lineofsight.validate.rule import PREVIOUS_YEAR, Rule, Severity

ERROR, QUERY = Severity.ERROR, Severity.QUERY
GUIDE_903 = "DfE, Children looked after return 2025 to 2026: guide and validation rules (SSDA903)"

# (table, DfE field) -> code of the DfE rule that reports a value the reader could not type,
# so a date like 31/02/2025 is reported under the DfE's own rule number.
TYPE_RULES: dict[tuple[str, str], str] = {}

_SCOPED = re.compile(r"@(previous\.)?([a-z_0-9]+)")


def scope(sql: str) -> str:
    """Replace `@table` by that table restricted to the council-year being validated, and
    `@previous.table` by the same council's rows of the year before ($previous_year)."""

    def one(match: re.Match[str]) -> str:
        previous, name = match.group(1), match.group(2)
        if name not in TABLES or not TABLES[name].provenance:
            raise ValueError(f"@{previous or ''}{name} is not a stored table with provenance")
        year = f"${PREVIOUS_YEAR}" if previous else "$year"
        return f"(SELECT * FROM {name} WHERE la_code = $la_code AND collection_year = {year})"

    return _SCOPED.sub(one, sql)


def rule(
    code: str,
    table: str,
    fields: tuple[str, ...],
    message: str,
    where: str,
    *,
    source: str = "",
    severity: Severity = ERROR,
    first_year: int | None = None,
    last_year: int | None = None,
    dataset: str = "ssda903",
) -> Rule:
    """A rule selecting the rows `t` of `source` (default: the scoped table) that meet `where`."""
    sql = f"SELECT t.source_file, t.source_row FROM {source or '@' + table} t WHERE {where}"
    return Rule(
        code=code,
        dataset=dataset,
        table=table,
        fields=fields,
        message=message,
        sql=scope(sql),
        severity=severity,
        first_year=first_year,
        last_year=last_year,
        reference=GUIDE_903 if dataset == "ssda903" else "",
    )


def column(table: str, field: str) -> Column:
    found = TABLES[table].by_source().get(field)
    if found is None:
        raise KeyError(f"{table} has no DfE field {field}")
    return found


def in_list(codes: object) -> str:
    """A SQL list literal of codes: ('A', 'B')."""
    return "(" + ", ".join(f"'{c}'" for c in codes) + ")"  # type: ignore[attr-defined]


def valid_codes(value: str, spans: dict[Span, tuple[str, ...]]) -> str:
    """SQL true when `value` is one of the codes valid in the collection year being validated ($year)."""
    terms = []
    for (first, last), codes in spans.items():
        years = [f"$year >= {first}"] * (first is not None) + [f"$year <= {last}"] * (last is not None)
        terms.append(" AND ".join([f"{value} IN {in_list(codes)}", *years]))
    return " OR ".join(f"({t})" for t in terms) if len(terms) > 1 else terms[0]


def code_check(
    code: str, table: str, field: str, message: str, *, required: bool | None = None, also: str = "", **kw: object
) -> Rule:
    """Value not in the field's DfE code list (and, if the field is mandatory, blank), or (`also`) a case
    the rule's DfE text adds, such as a blank the text requires only from some date."""
    col = column(table, field)
    assert col.codes is not None, f"{table}.{field} has no code list"
    valid: tuple[str, ...] | None = kw.pop("codes", None)  # type: ignore[assignment]
    spans: dict[Span, tuple[str, ...]] = {(None, None): tuple(valid)} if valid else col.codes.spans()
    where = f"NOT ({valid_codes(f't.{col.name}', spans)})"
    if col.required if required is None else required:
        where = f"({where} OR t.{col.name} IS NULL)"
    if also:
        where = f"({where} OR {also})"
    return rule(code, table, (field,), message, where, **kw)  # type: ignore[arg-type]


def mandatory(code: str, table: str, fields: tuple[str, ...], message: str, **kw: object) -> Rule:
    """Any of the fields blank."""
    cols = [column(table, f) for f in fields]
    where = " OR ".join(f"t.{c.name} IS NULL" for c in cols)
    return rule(code, table, fields, message, where, **kw)  # type: ignore[arg-type]


def date_check(
    code: str, table: str, field: str, message: str, *, also: str = "", fields: tuple[str, ...] = (), **kw: object
) -> Rule:
    """A date the reader could not parse (reported by reading under this code), an implausible
    year (a typing slip such as 0215 or 2205), a blank mandatory date, or (`also`) a date the
    rule's DfE text rules out, such as one before the collection year."""
    col = column(table, field)
    assert col.type is ColumnType.DATE
    TYPE_RULES[(table, field)] = code
    where = f"t.{col.name} NOT BETWEEN DATE '1900-01-01' AND DATE '2099-12-31'"
    if col.required:
        where = f"{where} OR t.{col.name} IS NULL"
    if also:
        where = f"{where} OR {also}"
    return rule(code, table, (field, *fields), message, f"({where})", **kw)  # type: ignore[arg-type]


def integer_check(code: str, table: str, field: str, message: str, low: int, high: int, **kw: object) -> Rule:
    col = column(table, field)
    TYPE_RULES[(table, field)] = code
    return rule(code, table, (field,), message, f"t.{col.name} NOT BETWEEN {low} AND {high}", **kw)  # type: ignore[arg-type]


def in_header(code: str, table: Table, message: str) -> Rule:
    """Internal check: every child in `table` appears in the Header."""
    return rule(code, table.name, ("CHILD",), message, "t.child_id NOT IN (SELECT child_id FROM @child)")


def same_dob(code: str, table: Table, message: str) -> Rule:
    """Internal check: the table's DOB agrees with the Header's."""
    return rule(
        code,
        table.name,
        ("DOB",),
        message,
        "EXISTS (SELECT 1 FROM @child c WHERE c.child_id = t.child_id AND c.date_of_birth <> t.date_of_birth)",
    )


def once(code: str, table: Table, message: str) -> Rule:
    """Internal check: a child appears once in the table."""
    return rule(
        code,
        table.name,
        ("CHILD",),
        message,
        "t.child_id IN (SELECT child_id FROM @" + table.name + " GROUP BY child_id HAVING count(*) > 1)",
    )


# --- shared SQL fragments (the cohorts the DfE rules refer to) ------------------

# Episodes in order with their neighbours: the sequence rules compare each episode with these.
EPISODE_SEQUENCE = """(SELECT e.*,
    lag(e.end_date) OVER w AS prev_end, lag(e.reason_episode_ceased) OVER w AS prev_rec,
    lag(e.legal_status) OVER w AS prev_ls, lag(e.placement_type) OVER w AS prev_place,
    lag(e.placement_postcode) OVER w AS prev_post, lag(e.urn) OVER w AS prev_urn,
    lag(e.placement_provider) OVER w AS prev_provider,
    lead(e.start_date) OVER w AS next_start, lead(e.reason_new_episode) OVER w AS next_rne,
    lead(e.placement_type) OVER w AS next_place,
    row_number() OVER w AS seq, count(*) OVER (PARTITION BY e.child_id) AS n_episodes,
    c.date_of_birth AS dob
  FROM @episode e LEFT JOIN (SELECT child_id, any_value(date_of_birth) AS date_of_birth
    FROM @child GROUP BY child_id) c USING (child_id)
  WINDOW w AS (PARTITION BY e.child_id ORDER BY e.start_date, e.source_row))"""

# Children looked after at 31 March (an episode open at the end of the year).
LOOKED_AFTER_AT_END = "(SELECT child_id FROM @episode WHERE end_date IS NULL OR end_date > $end)"

# Children looked after continuously for 12 months at 31 March (the OC2 cohort): open at
# 31 March, in care since at least 1 April, and no new period of care since.
CONTINUOUSLY_12_MONTHS = """(SELECT child_id FROM @episode GROUP BY child_id
  HAVING bool_or(end_date IS NULL OR end_date > $end) AND min(start_date) <= $start
     AND NOT bool_or(reason_new_episode = 'S' AND start_date > $start))"""

# Children whose last episode of the year ended their care (not X1, not open).
CEASED_IN_YEAR = """(SELECT child_id FROM (SELECT child_id, end_date, reason_episode_ceased,
    row_number() OVER (PARTITION BY child_id ORDER BY start_date DESC, source_row DESC) AS r FROM @episode)
  WHERE r = 1 AND end_date BETWEEN $start AND $end AND reason_episode_ceased IS DISTINCT FROM 'X1')"""

# Each child's first episode of the year beside the last episode of last year's return, where
# that one was still open at 31 March: the same episode continuing, so the two must agree.
CONTINUATION = """(SELECT f.*, p.start_date AS prev_start, p.reason_new_episode AS prev_rne,
    p.legal_status AS prev_ls, p.cin_category AS prev_cin, p.placement_type AS prev_place,
    p.placement_provider AS prev_provider, p.urn AS prev_urn,
    p.home_postcode AS prev_home_postcode, p.placement_postcode AS prev_placement_postcode
  FROM (SELECT * FROM @episode
    QUALIFY row_number() OVER (PARTITION BY child_id ORDER BY start_date NULLS LAST, source_row) = 1) f
  JOIN (SELECT * FROM @previous.episode
    QUALIFY row_number() OVER (PARTITION BY child_id ORDER BY start_date DESC NULLS LAST, source_row DESC) = 1) p
  USING (child_id) WHERE p.end_date IS NULL)"""

# Fragments many rules share: the engine computes each once per validation (same SQL,
# same answer) instead of once per rule. A rule's SQL stays complete without this.
SHARED = {
    "episode_sequence": scope(EPISODE_SEQUENCE),
    "looked_after_at_end": scope(LOOKED_AFTER_AT_END),
    "continuously_12_months": scope(CONTINUOUSLY_12_MONTHS),
    "ceased_in_year": scope(CEASED_IN_YEAR),
    "continuation": scope(CONTINUATION),
}

HEADER_DOB = "(SELECT date_of_birth FROM @child c WHERE c.child_id = t.child_id LIMIT 1)"


def miles(home: str, placement: str) -> str:
    """Miles between the centroids of two postcodes (SQL, British National Grid metres); NULL if either
    is unknown. The DfE derives a placement's distance from home this way."""
    return (
        "(SELECT sqrt(power(h.easting - p.easting, 2) + power(h.northing - p.northing, 2)) / 1609.344 "
        f"FROM postcode h, postcode p WHERE h.postcode = upper(replace({home}, ' ', '')) "
        f"AND p.postcode = upper(replace({placement}, ' ', '')))"
    )


def age(at: str, dob: str = "t.dob") -> str:
    """Whole years of age at a date (SQL)."""
    return f"date_sub('year', {dob}, {at})"


TEMPORARY = ("T0", "T1", "T2", "T3", "T4")
ADOPTION_PLACEMENTS = ("A3", "A4", "A5", "A6")
FOSTER_PLACEMENTS = ("U1", "U2", "U3", "U4", "U5", "U6")
OTHER_PLACEMENTS = ("Z11", "Z12", "Z13", "Z14")
ADOPTED = ("E11", "E12")
