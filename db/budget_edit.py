"""Editing one budget figure, and the history of such edits.

A figure edit updates the figure and appends its history row in one transaction; it
checks the value the caller last saw (`StaleFigure`) and refuses what a plan file could
not hold (the core's rule, `vpl_tui.rules.figures`). An empty cell of a table with a
breakdown (a unit without a figure for a year) is filled the same way: its first edit
creates the figure, with no published value, and a history row starting from nothing
(`from_value` NULL, migration 10), so the plan file says the cell was empty.
"""

from __future__ import annotations

from decimal import Decimal

from vpl_tui.db.changes import (
    check_note_and_user,
    current_user,
    not_before,
    number_text,
    parse_time,
)
from vpl_tui.db.connection import Connected
from vpl_tui.db.published_file import read_units
from vpl_tui.errors import VplError
from vpl_tui.numbers import format_amount
from vpl_tui.records import FigureChangeRecord
from vpl_tui.rules.figures import (
    YEARS_OF_BREAKDOWN,
    can_fill,
    editable_column,
    figure_problem,
    unit_of,
)
from vpl_tui.safetext import clean


class StaleFigure(VplError):
    """The budget figure changed since the caller saw it."""

    def __init__(self, address: str, current: Decimal) -> None:
        shown = format_amount(current)
        super().__init__("error.stale_figure", address=clean(address), value=shown)
        self.current = current


def _decimal_or_none(value: object) -> Decimal | None:
    return None if value is None else Decimal(str(value))


class FigureEdits(Connected):
    """Editing (or filling) one budget figure, and reading the edits back."""

    def set_figure(
        self,
        table: str,
        line: str,
        year: int,
        value: Decimal,
        *,
        note: str = "",
        user: str | None = None,
        expected: Decimal | None = None,
        expect_empty: bool = False,
    ) -> FigureChangeRecord | None:
        """Edit one budget figure and append its history row, in one transaction.

        An empty cell of a table with a breakdown is filled: the figure is created, with no
        published value. `expected` is the figure the caller saw; `expect_empty` says it
        saw the cell empty (a figure someone else filled meanwhile is then stale).

        Raises:
            VplError: no such figure (nor a cell that may be filled), or one in an actual
                (Bokslut) column: read-only.
            StaleFigure: the figure is no longer `expected` (someone else edited it), or
                no longer empty.
        """
        address = f"{table}/{line}/{year}"
        with self._write():
            execute = self.db.conn.execute
            row = execute(
                "SELECT value FROM budget_figure WHERE table_name = ? AND line = ? AND year = ?",
                (table, line, year),
            ).fetchone()
            if row is None and not self._fillable(table, line, year):
                raise VplError("error.unknown_figure", address=clean(address))
            if not editable_column(self._column_kind(table, year)):
                raise VplError("error.figure_actual", address=clean(address))
            check_note_and_user(note, user or current_user())
            unit, decimals = read_units(self.db.conn).get(table, ("tkr", 0))
            problem = _figure_problem(table, value, unit, decimals)
            if problem is not None:
                raise VplError(
                    problem, address=clean(address), value=value, unit=unit, decimals=decimals
                )
            current = None if row is None else Decimal(str(row[0]))
            if current is not None and (
                expect_empty or (expected is not None and current != expected)
            ):
                raise StaleFigure(address, current)
            if current is None and expected is not None:
                # The figure the caller saw is gone: only a replacing load removes figures.
                raise VplError("error.unknown_figure", address=clean(address))
            if current == value:
                return None
            if current is None:
                execute(
                    "INSERT INTO budget_figure (table_name, line, year, value, published) "
                    "VALUES (?, ?, ?, ?, NULL)",
                    (table, line, year, number_text(value)),
                )
            else:
                execute(
                    "UPDATE budget_figure SET value = ? "
                    "WHERE table_name = ? AND line = ? AND year = ?",
                    (number_text(value), table, line, year),
                )
            at = not_before(
                self.db.conn,
                "SELECT MAX(at) FROM budget_history WHERE table_name = ? AND line = ? AND year = ?",
                (table, line, year),
            )
            cursor = execute(
                "INSERT INTO budget_history (table_name, line, year, at, from_value, to_value, "
                "note, user) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    table,
                    line,
                    year,
                    at,
                    number_text(current),
                    number_text(value),
                    note,
                    user or current_user(),
                ),
            )
            return self.figure_history(row_id=cursor.lastrowid)[0]

    def _fillable(self, table: str, line: str, year: int) -> bool:
        """Whether (table, line, year) is an empty cell that may be filled: a line of a table
        with a breakdown, in one of the years the table shows (`YEARS_OF_BREAKDOWN`)."""
        if not can_fill(table):
            return False
        execute = self.db.conn.execute
        known_line = execute(
            "SELECT 1 FROM budget_line WHERE table_name = ? AND line = ?", (table, line)
        ).fetchone()
        if known_line is None:
            return False
        sources = YEARS_OF_BREAKDOWN[table]
        marks = ", ".join("?" * len(sources))
        shown_year = execute(
            f"SELECT 1 FROM budget_column WHERE year = ? AND table_name IN ({marks}) "
            "UNION ALL SELECT 1 FROM budget_figure WHERE year = ? AND table_name = ? LIMIT 1",
            (year, *sources, year, table),
        ).fetchone()
        return shown_year is not None

    def _column_kind(self, table: str, year: int) -> str | None:
        """The kind of `year`'s column of `table` (for the units, the operating budget's
        where the units table declares none: they are shown as one)."""
        for source in YEARS_OF_BREAKDOWN.get(table, (table,)):
            kind = self.db.conn.execute(
                "SELECT kind FROM budget_column WHERE table_name = ? AND year = ?", (source, year)
            ).fetchone()
            if kind is not None:
                return str(kind[0])
        return None

    def figure_history(
        self,
        table: str | None = None,
        line: str | None = None,
        year: int | None = None,
        *,
        row_id: int | None = None,
    ) -> list[FigureChangeRecord]:
        """Edits of budget figures, oldest first, optionally of one figure."""
        clauses, params = [], []
        for column, value in (
            ("table_name", table),
            ("line", line),
            ("year", year),
            ("id", row_id),
        ):
            if value is not None:
                clauses.append(f"{column} = ?")
                params.append(value)
        where = " AND ".join(clauses) or "1"
        return [
            FigureChangeRecord(
                id=row["id"],
                table=row["table_name"],
                line=row["line"],
                year=row["year"],
                at=parse_time(row["at"]),
                from_value=_decimal_or_none(row["from_value"]),
                to_value=Decimal(str(row["to_value"])),
                note=row["note"],
                user=row["user"],
            )
            for row in self.db.query(
                f"SELECT * FROM budget_history WHERE {where} ORDER BY id", params
            )
        ]


def _figure_problem(
    table: str, value: Decimal, declared: str = "tkr", decimals: int = 0
) -> str | None:
    """Why a plan file could not hold `value` in `table` (a catalog key), or None.

    Refused when edited rather than found at the next `vpl load`: an export must load again.
    The rule is the core's (`vpl_tui.rules.figures`), the one the budget screen checks as you type.
    """
    unit = unit_of(table)
    if figure_problem(unit, value, decimals) is None:
        return None
    if unit == "mkr":
        return "error.figure_mkr"
    return "error.figure_whole_tkr" if (declared, decimals) == ("tkr", 0) else "error.figure_form"
