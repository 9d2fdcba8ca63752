"""The tiny rendering layer that lets one definition run on DuckDB, PostgreSQL and Spark.

Definitions are Jinja templates. Everything is plain SQL the engines accept,
except date arithmetic, which is written through these macros, as are the
periods and cohorts that many definitions share:

    {{ days(a, b) }}              calendar days from a to b
    {{ add_months(d, n) }}        the date n months after d (n may be negative)
    {{ add_days(d, n) }}          the date n days after d
    {{ year_start(y) }}           1 April that opens collection year y
    {{ year_end(y) }}             31 March that closes collection year y
    {{ census_date(y) }}          30 September workforce census of collection year y
    {{ age(dob, at) }}            whole years of age on a date
    {{ open_at_year_end(t) }}     a row of alias t (start_date, end_date; no alias: '') open at
                                  31 March: started by then, and not ended or ended after it
    {{ open_in_year(t) }}         a row of alias t open at any time in its collection year
    {{ in_post_at_census(w) }}    a worker of alias w started by the census date and not left by it
    {{ episode_history(n) }}      a CTE body: every episode of the council known by each
                                  collection year (all loaded returns up to it, latest copy);
                                  n (default 1) = collection years the figure pools
    {{ oc2_cohort(o) }}           FROM-clause: the OC2 rows as alias o, less children only on
                                  short breaks (declared in cohorts.py)

Working days are a join to the store's `calendar` table (number(b) - number(a)).
PostgreSQL spells DOUBLE, STRING, year(), month(), day(), round(double, n) and
date_diff('day', a, b) otherwise; its store declares those
names once (lineofsight.store.postgres.COMPATIBLE), so definitions stay as they are.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Literal

import jinja2

from lineofsight.indicators import cohorts

Dialect = Literal["duckdb", "postgres", "spark"]


def _days(dialect: Dialect) -> object:
    def days(a: str, b: str) -> str:
        if dialect == "postgres":  # date minus date is a number of days
            return f"(CAST({b} AS DATE) - CAST({a} AS DATE))"
        return f"date_diff('day', {a}, {b})" if dialect == "duckdb" else f"datediff({b}, {a})"

    return days


def _add(dialect: Dialect, duckdb_interval: str, spark_function: str, postgres_unit: str) -> object:
    """A macro adding n units to a date: an interval in DuckDB and PostgreSQL, a function in Spark."""

    def add(d: str, n: object) -> str:
        if dialect == "duckdb":
            return f"CAST(({d}) + {duckdb_interval}(CAST({n} AS INTEGER)) AS DATE)"
        if dialect == "postgres":
            return f"CAST(({d}) + make_interval({postgres_unit} => CAST({n} AS INTEGER)) AS DATE)"
        return f"{spark_function}({d}, {n})"

    return add


def year_start(y: str) -> str:
    return f"make_date(CAST({y} AS INTEGER) - 1, 4, 1)"


def year_end(y: str) -> str:
    return f"make_date(CAST({y} AS INTEGER), 3, 31)"


def census_date(y: str) -> str:
    return f"make_date(CAST({y} AS INTEGER) - 1, 9, 30)"


def age(dob: str, at: str) -> str:
    return (
        f"(year({at}) - year({dob}) - CASE WHEN month({at}) * 100 + day({at}) "
        f"< month({dob}) * 100 + day({dob}) THEN 1 ELSE 0 END)"
    )


def _in(alias: str, column: str) -> str:
    return f"{alias}.{column}" if alias else column


def open_at_year_end(alias: str = "") -> str:
    # An episode or plan ending on 31 March itself is not open at 31 March.
    at = year_end(_in(alias, "collection_year"))
    start, end = _in(alias, "start_date"), _in(alias, "end_date")
    return f"{start} <= {at} AND ({end} IS NULL OR {end} > {at})"


def open_in_year(alias: str = "") -> str:
    year = _in(alias, "collection_year")
    start, end = _in(alias, "start_date"), _in(alias, "end_date")
    return f"{start} <= {year_end(year)} AND ({end} IS NULL OR {end} >= {year_start(year)})"


def in_post_at_census(alias: str) -> str:
    at = census_date(_in(alias, "collection_year"))
    start, left = _in(alias, "start_date"), _in(alias, "leaving_date")
    return f"{start} <= {at} AND ({left} IS NULL OR {left} > {at})"


@jinja2.pass_context
def episode_history(context: jinja2.runtime.Context, years: int = 1) -> str:
    # A 903 return holds only the episodes open during its year, so a period of
    # care that began years ago is pieced together from the earlier returns.
    # When one council or year is asked for, the scan is narrowed here, since
    # the outer filter cannot reach through the window function; a figure that
    # pools `years` collection years needs the histories of the years before too.
    scope_y, scope_e = ["1 = 1"], ["1 = 1"]
    if context.get("council") is not None:
        scope_y.append(f"la_code = '{context['council']}'")
        scope_e.append(f"e.la_code = '{context['council']}'")
    if context.get("year") is not None:
        year = int(context["year"])
        scope_y.append(f"collection_year BETWEEN {year - int(years) + 1} AND {year}")
        scope_e.append(f"e.collection_year <= {year}")
    return f"""
    SELECT la_code, collection_year, child_id, start_date, end_date, reason_new_episode,
           legal_status, placement_type
    FROM (
      SELECT y.la_code, y.collection_year, e.child_id, e.start_date, e.end_date, e.reason_new_episode,
             e.legal_status, e.placement_type,
             row_number() OVER (
               PARTITION BY y.la_code, y.collection_year, e.child_id, e.start_date
               ORDER BY e.collection_year DESC
             ) AS copy
      FROM (SELECT DISTINCT la_code, collection_year FROM episode WHERE {" AND ".join(scope_y)}) y
      JOIN episode e ON e.la_code = y.la_code AND e.collection_year <= y.collection_year
      WHERE {" AND ".join(scope_e)}
    ) h
    WHERE copy = 1"""


# The macros whose SQL is the same on every engine, each under its own name.
_ALIKE_ON_BOTH = (
    year_start,
    year_end,
    census_date,
    age,
    open_at_year_end,
    open_in_year,
    in_post_at_census,
    episode_history,
)


@lru_cache(maxsize=4)
def _environment(dialect: Dialect) -> jinja2.Environment:
    env = jinja2.Environment(undefined=jinja2.StrictUndefined, autoescape=False)
    env.globals.update(
        days=_days(dialect),
        add_months=_add(dialect, "to_months", "add_months", "months"),
        add_days=_add(dialect, "to_days", "date_add", "days"),
        **{macro.__name__: macro for macro in _ALIKE_ON_BOTH},
        **cohorts.MACROS,
    )
    return env


def render(template: str, dialect: Dialect, council: str | None = None, year: int | None = None) -> str:
    """The definition's SQL for one engine (council and year only narrow the scans; the caller filters)."""
    return _environment(dialect).from_string(template).render(council=council, year=year)
