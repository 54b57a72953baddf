"""Budget tables as published, in the store: each table's unit and decimals, and the
driftredovisning (`[budget.drift]`), as `vpl load` writes them and the budget reads them.

Figures go in as their Decimal text (`number_text`) and come back through `str()` of what
SQLite's NUMERIC affinity made of it: a table's figures have at most 15 digits in all
(`vpl_tui.rules.figures.figure_problem`), which a REAL gives back exactly, so 175.9 is
175.9 again and an export is the file that was loaded.
"""

from __future__ import annotations

import sqlite3
from decimal import Decimal
from typing import TYPE_CHECKING, Any, NamedTuple

from vpl_tui.db.changes import number_text
from vpl_tui.rules.economy import DRIFT_COLUMNS

if TYPE_CHECKING:
    from vpl_tui.model import Budget
    from vpl_tui.model.drift import DriftStatement

TABLES = ("operating", "units", "investments", "drift")
"""The tables that declare a unit and decimals."""
_SQL_COLUMNS = tuple("grant_amount" if c == "grant" else c for c in DRIFT_COLUMNS)
"""The drift_line columns, in DRIFT_COLUMNS order (`grant` is `grant_amount` there)."""
TABLES_CHILDREN_FIRST = ("drift_line", "budget_table_unit")
"""What a load deletes before it writes the budget again."""


def insert_published(conn: sqlite3.Connection, budget: Budget) -> None:
    """Write each table's declared unit and decimals and the driftredovisning's lines."""
    declared = []
    for table in TABLES:
        found = getattr(budget, table, None)
        if found is not None and (found.unit, found.decimals) != ("tkr", 0):
            declared.append((table, found.unit, found.decimals))
    if budget.drift is not None and not any(row[0] == "drift" for row in declared):
        declared.append(("drift", "tkr", 0))  # kept: a statement in whole tkr
    conn.executemany("INSERT INTO budget_table_unit VALUES (?, ?, ?)", declared)
    if budget.drift is None:
        return
    names = ", ".join(_SQL_COLUMNS)
    marks = ", ".join("?" for _ in _SQL_COLUMNS)
    conn.executemany(
        f"INSERT INTO drift_line (position, name, year, {names}) VALUES (?, ?, ?, {marks})",
        [
            (i, line.name, line.year, *(number_text(getattr(line, c)) for c in DRIFT_COLUMNS))
            for i, line in enumerate(budget.drift.lines)
        ],
    )


def read_units(conn: sqlite3.Connection) -> dict[str, tuple[str, int]]:
    """Each table's declared (unit, decimals); a table not named is whole tkr."""
    try:
        rows = conn.execute("SELECT * FROM budget_table_unit").fetchall()
    except sqlite3.OperationalError:  # a read-only database from before migration 8
        return {}
    return {table: (unit, decimals) for table, unit, decimals in rows}


def _decimal(value: Any) -> Decimal | None:
    return None if value is None else Decimal(str(value))


class DriftLineRecord(NamedTuple):
    """A driftredovisning line as plain data: `vpl budget` reads it without pydantic."""

    name: str
    year: int
    income: Decimal | None = None
    costs: Decimal | None = None
    net_costs: Decimal | None = None
    grant: Decimal | None = None
    result: Decimal | None = None
    disposition: Decimal | None = None
    opening_result: Decimal | None = None
    closing_result: Decimal | None = None


class DriftRecord(NamedTuple):
    """The driftredovisning as plain data, with the model's attributes."""

    unit: str
    decimals: int
    lines: list[DriftLineRecord]


def read_drift(
    conn: sqlite3.Connection, units: dict[str, tuple[str, int]], *, light: bool = False
) -> DriftStatement | DriftRecord | None:
    """The driftredovisning as loaded (the model, or with `light` plain records), or None."""
    if "drift" not in units:
        return None  # also a database from before migration 8: it has none
    if light:
        line_kind: Any = DriftLineRecord
        statement_kind: Any = DriftRecord
    else:
        from vpl_tui.model.drift import DriftLine, DriftStatement

        line_kind, statement_kind = DriftLine.model_construct, DriftStatement.model_construct

    names = ", ".join(_SQL_COLUMNS)
    lines = [
        line_kind(
            name=name,
            year=year,
            **{c: _decimal(v) for c, v in zip(DRIFT_COLUMNS, values, strict=True)},
        )
        for name, year, *values in conn.execute(
            f"SELECT name, year, {names} FROM drift_line ORDER BY position"
        )
    ]
    unit, decimals = units["drift"]
    return statement_kind(unit=unit, decimals=decimals, lines=lines)
