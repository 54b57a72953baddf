"""What the budget screen shows, worked out from one read: checks, tables, explanations.

A worker reads the budget, its figures and their history, and `budget_state` runs the
checks and builds the tables there, off the event loop; the screen draws the result.
`locate` finds the cell a check is about, and `cell_explanation` spells out a cell in
the explanation pane, both from that state alone.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from vpl_tui.budget import EARMARKS_TABLE, Check, FigureAddress, reconcile
from vpl_tui.numbers import format_amount
from vpl_tui.records import Earmark, FigureChangeRecord, FigureRecord
from vpl_tui.rules.checks import failures_first
from vpl_tui.safetext import clean, one_line
from vpl_tui.strings import Strings
from vpl_tui.views.budget_tables import SECTION_OF_TABLE, CellSpec, RowSpec, TableSpec, build_tables
from vpl_tui.views.drift_table import DRIFT_TABLE  # as published: read-only

if TYPE_CHECKING:  # the model only as a type: importing it loads pydantic
    from vpl_tui.model import Budget

HISTORY_SHOWN = 5
"""How many of a figure's latest changes the explanation pane lists."""


@dataclass(frozen=True)
class BudgetState:
    """The budget as read at one moment, with its checks run and its tables built."""

    budget: Budget | None
    """None when the plan has no budget."""
    checks: list[Check] = field(default_factory=list)
    tables: dict[str, TableSpec] = field(default_factory=dict)
    """By table id, only the tables the plan has."""
    history: dict[FigureAddress, list[FigureChangeRecord]] = field(default_factory=dict)
    """Every figure's edits, oldest first."""
    closed: frozenset[FigureAddress] = frozenset()
    """The figures of the closed accounts (Bokslut columns): outcome, never edited."""


def budget_state(
    budget: Budget | None,
    earmarks: Sequence[Earmark],
    figures: Sequence[FigureRecord],
    history: Iterable[FigureChangeRecord],
    strings: Strings,
) -> BudgetState:
    """Run the checks on `budget` and build every table of the screen."""
    if budget is None:
        return BudgetState(None)
    checks = reconcile(budget, list(earmarks))
    by_address: dict[FigureAddress, list[FigureChangeRecord]] = {}
    for change in history:
        by_address.setdefault(FigureAddress(change.table, change.line, change.year), []).append(
            change
        )
    tables = build_tables(budget, figures, earmarks, checks, strings)
    actual = actual_years(budget)
    tables = {
        table_id: _actuals_fixed(spec, actual.get(table_id, frozenset()))
        for table_id, spec in tables.items()
    }
    closed = frozenset(
        cell.address
        for table_id, spec in tables.items()
        for row in spec.rows
        for column, cell in zip(spec.columns, row.cells, strict=False)
        if cell.address is not None and column.key in actual.get(table_id, frozenset())
    )
    return BudgetState(budget, checks, tables, by_address, closed)


ACTUAL = "actual"
"""The kind of a column of figures already closed (Bokslut): outcome, never edited."""


def actual_years(budget: Budget) -> dict[str, frozenset[str]]:
    """The years (column keys) of each table whose figures are the closed accounts."""

    def closed(*columns: Mapping[str, str]) -> frozenset[str]:
        merged: dict[str, str] = {}
        for mapping in columns:
            merged.update(mapping)
        return frozenset(year for year, kind in merged.items() if kind == ACTUAL)

    years = {"operating": closed(budget.operating.columns)}
    if budget.units is not None:
        years["units"] = closed(budget.operating.columns, budget.units.columns)
    if budget.investments is not None:
        years["investments"] = closed(budget.investments.columns)
    return years


def _actuals_fixed(spec: TableSpec, years: frozenset[str]) -> TableSpec:
    """`spec` with the figures of the `years` columns not editable (they are outcome)."""
    keys = [column.key in years for column in spec.columns]
    if not any(keys):
        return spec
    rows = tuple(
        replace(
            row,
            cells=tuple(
                replace(cell, editable=False)
                if index < len(keys) and keys[index] and cell.editable
                else cell
                for index, cell in enumerate(row.cells)
            ),
        )
        for row in spec.rows
    )
    return replace(spec, rows=rows)


def can_edit(cell: CellSpec | None) -> bool:
    """Whether the budget screen edits `cell`: a stored figure (or an empty cell that may be
    filled), not outcome, not an earmark."""
    return (
        cell is not None
        and cell.editable
        and cell.address is not None
        and (cell.value is not None or cell.empty)
        and cell.address.table != EARMARKS_TABLE
    )


def why_not_editable(cell: CellSpec | None, state: BudgetState, table_id: str = "") -> str:
    """The catalog key of why `cell` (of table `table_id`) cannot be edited (`can_edit`)."""
    if table_id == DRIFT_TABLE:
        return "budget.edit.drift"
    if cell is not None and cell.address in state.closed:
        return "budget.edit.actual"
    return "budget.edit.not_editable"


def section_of(check: Check) -> str:
    """The section (tab) a check is about."""
    if check.group == "columns":
        return check.id.split(".", 1)[1]
    return check.group


def locate(check: Check, tables: Iterable[TableSpec]) -> tuple[str, int, int] | None:
    """Where to show `check`: (table id, row, column) of its published figure, else of its
    computed one, else the first cell of the table it is about (a column check)."""
    section = section_of(check)
    ordered = sorted(tables, key=lambda spec: SECTION_OF_TABLE[spec.id] != section)
    for address in check.addresses:
        for spec in ordered:
            where = spec.find(address)
            if where is not None:
                return (spec.id, *where)
    for spec in ordered:
        where = spec.find_check(check.id)
        if where is not None:
            return (spec.id, *where)
    about = next((spec for spec in ordered if SECTION_OF_TABLE[spec.id] == section), None)
    return (about.id, 0, 0) if about is not None else None


def cell_explanation(
    cell: CellSpec,
    row: RowSpec,
    column: str,
    unit: str,
    state: BudgetState,
    strings: Strings,
    table_id: str = "",
) -> list[str]:
    """The lines of the explanation pane for a cell: its figure, history and checks.

    Args:
        cell: The cell under the cursor.
        row: Its row.
        column: Its column's heading.
        unit: The table's unit (tkr, mkr).
        state: The budget as read, for the figure's history and the checks.
        strings: The interface language.
        table_id: The cell's table (the driftredovisning's says it is read-only).
    """
    s = strings
    lines = []
    if cell.value is not None and cell.text is None:
        value = format_amount(cell.value)
        line = clean(row.label)
        lines.append(s("budget.detail.figure", line=line, year=column, value=value, unit=unit))
    if cell.edited and cell.published is not None:
        lines.append(s("budget.detail.published", value=format_amount(cell.published), unit=unit))
    elif cell.edited:  # a figure without a published one: the plan left its cell empty
        lines.append(s("budget.detail.filled"))
    elif cell.empty and cell.editable:  # not in a Bokslut column
        lines.append(s("budget.detail.empty", line=clean(row.label), year=column))
    if table_id == DRIFT_TABLE:
        lines.append(s("budget.detail.drift_read_only"))
    if cell.address is not None:  # a closed figure's history too, though it is not edited
        # Newest first, as an activity's history is shown; each with its note.
        for change in reversed(state.history.get(cell.address, [])[-HISTORY_SHOWN:]):
            said = s(
                "budget.detail.history",
                at=change.at.astimezone().strftime("%Y-%m-%d %H:%M"),
                user=change.user,
                old=format_amount(change.from_value)
                if change.from_value is not None
                else s("budget.detail.was_empty"),
                new=format_amount(change.to_value),
            )
            lines.append(f"{said}  {one_line(change.note, 80)}" if change.note.strip() else said)
    if row.funds:
        lines.append(s("budget.detail.funds", targets=", ".join(row.funds)))
    checks = {check.id: check for check in state.checks}
    involved = failures_first([checks[i] for i in cell.checks if i in checks])
    if not involved and cell.text is None:
        lines.append(s("budget.detail.no_checks"))
    for check in involved:
        lines.append("")
        lines.extend(check.explain(s))
    return lines
