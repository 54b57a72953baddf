"""The budget screen's tables: the check list and the figure tables.

Both are `DataTable`s that draw specs built elsewhere (`vpl_tui.views.budget_tables`,
`vpl_tui.budget`): they know nothing of the store. A failing cell shows a sign as well
as a colour (✗ fails, ? cannot be checked, ✓ passes, ✎ edited), so the tables read the
same without colour.
Colours come from component classes styled with theme variables in `budget.tcss`.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from rich.style import Style
from rich.text import Text
from textual.binding import Binding, BindingType
from textual.coordinate import Coordinate
from textual.widgets import DataTable

from vpl_tui.budget import SIGNS, Check, failures_first, signed_amount
from vpl_tui.numbers import format_published
from vpl_tui.safetext import clean, one_line
from vpl_tui.screens.keys import localise_bindings
from vpl_tui.strings import Strings
from vpl_tui.views.budget_tables import CellSpec, RowSpec, TableSpec
from vpl_tui.views.budget_view import can_edit

EDITED = "✎"
"""Marks a figure that differs from the published one."""
LABEL_WIDTH = 40
"""Widest row label in a table, in characters."""


class FigureTable(DataTable):
    """A budget table: rows of figures by year, the published total and the computed one.

    Enter on a figure asks the screen to edit it (`DataTable.CellSelected`); the screen
    looks the cell up with `cell_at`.
    """

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "figure-table--fail",
        "figure-table--pass",
        "figure-table--unchecked",
        "figure-table--rounding",
        "figure-table--edited",
        "figure-table--computed",
    }
    """
    | Class | Description |
    | :- | :- |
    | `figure-table--fail` | A figure or row that fails a check. |
    | `figure-table--pass` | A computed figure that matches the published one. |
    | `figure-table--unchecked` | A figure that cannot be checked. |
    | `figure-table--rounding` | A figure off by no more than its rounding. |
    | `figure-table--edited` | A figure that differs from the published one. |
    | `figure-table--computed` | A row the reconciliation computed. |
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "enter",
            "select_cursor",
            "Edit",
            tooltip="Edit the figure in the cell",
            id="budget.edit",
        ),
    ]

    def __init__(self, strings: Strings, *, id: str | None = None) -> None:
        super().__init__(cursor_type="cell", zebra_stripes=True, id=id)
        self.strings = strings
        self.spec: TableSpec | None = None
        localise_bindings(self, strings)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # Enter edits only a figure that can be edited: elsewhere the footer does not offer
        # it, and the key goes on to the screen, which says why (`BudgetScreen`).
        if action == "select_cursor":
            return can_edit(self.cell_at(self.cursor_coordinate))
        return True

    def _style(self, name: str) -> Style:
        return self.get_component_rich_style(f"figure-table--{name}", partial=True)

    def show(self, spec: TableSpec) -> None:
        """Draw `spec`, keeping the cursor where it was."""
        cursor = self.cursor_coordinate
        self.spec = spec
        self.clear(columns=True)
        for column in spec.columns:
            self.add_column(Text(clean(column.label), justify="right"), key=column.key)
        for row in spec.rows:
            self.add_row(
                *(self._cell(cell) for cell in row.cells),
                key=row.key,
                label=self._label(row),
            )
        if spec.rows:
            self.move_cursor(
                row=min(cursor.row, len(spec.rows) - 1),
                column=min(cursor.column, len(spec.columns) - 1),
                scroll=False,
            )

    def _label(self, row: RowSpec) -> Text:
        failing = any(cell.status == "fail" for cell in row.cells)
        style = self._style("fail") if failing else Style()
        if row.computed:
            style = self._style("computed") + style
        # Long names are cut so the year columns keep the width; the explanation pane under
        # the table shows the whole name of the row under the cursor.
        label = one_line(row.label, LABEL_WIDTH)
        return Text(("✗ " if failing else "") + label, style=style, end="")

    def _cell(self, cell: CellSpec) -> Text:
        if cell.text is not None:
            return Text(clean(cell.text), end="")
        # As the table was published: 175,9 mnkr with its decimal, 279 191 tkr whole.
        decimals = self.spec.decimals if self.spec is not None else 0
        amount = (
            signed_amount(cell.value, decimals)
            if cell.difference
            else format_published(cell.value, decimals)
        )
        if cell.value is None and cell.status == "unchecked":
            amount = "—"
        signs = []
        if cell.edited:
            signs.append(EDITED)
        style = Style()
        if cell.status is not None and (cell.status != "pass" or cell.address is None):
            # Published figures that pass stay plain; computed ones show their ✓.
            signs.append(SIGNS[cell.status])
            style = self._style(cell.status)
        elif cell.edited:
            style = self._style("edited")
        text = " ".join([*signs, amount]) if amount else " ".join(signs)
        return Text(text, style=style, justify="right", end="")

    def cell_at(self, coordinate: Coordinate) -> CellSpec | None:
        """The spec of the cell at `coordinate`, or None."""
        if self.spec is None:
            return None
        if not (0 <= coordinate.row < len(self.spec.rows)):
            return None
        cells = self.spec.rows[coordinate.row].cells
        return cells[coordinate.column] if 0 <= coordinate.column < len(cells) else None

    def row_at(self, coordinate: Coordinate) -> RowSpec | None:
        """The spec of the row at `coordinate`, or None."""
        if self.spec is None or not (0 <= coordinate.row < len(self.spec.rows)):
            return None
        return self.spec.rows[coordinate.row]

    def column_label(self, column: int) -> str:
        """The heading of column `column` (a year with its kind, say)."""
        if self.spec is None or not (0 <= column < len(self.spec.columns)):
            return ""
        return self.spec.columns[column].label


class CheckList(DataTable):
    """Every check, failures first: sign and status, id, difference, description.

    Enter on a check posts `DataTable.RowSelected`; the screen jumps to the check's cell.
    """

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "check-list--fail",
        "check-list--pass",
        "check-list--unchecked",
        "check-list--rounding",
    }
    """Colours of the rows by status (the sign says it too)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "enter",
            "select_cursor",
            "Show the cell",
            tooltip="Go to the table cell the check is about",
            id="budget.jump",
        ),
    ]

    def __init__(self, strings: Strings, *, id: str | None = None) -> None:
        super().__init__(cursor_type="row", zebra_stripes=True, id=id)
        self.strings = strings
        self.checks: list[Check] = []
        localise_bindings(self, strings)

    def on_mount(self) -> None:
        s = self.strings
        self.add_column(Text(s("budget.col.status")), key="status")
        self.add_column(Text(s("budget.col.id")), key="id")
        self.add_column(Text(s("budget.col.difference"), justify="right"), key="difference")
        self.add_column(Text(s("budget.col.check")), key="check")

    def show(self, checks: Sequence[Check]) -> None:
        """Draw `checks`, failures first, keeping the cursor on the check it was on."""
        current = self.current_check()
        self.checks = failures_first(checks)
        self.clear()
        s = self.strings
        for check in self.checks:
            style = self.get_component_rich_style(f"check-list--{check.status}", partial=True)
            difference = signed_amount(check.difference, check.decimals)
            if difference and check.unit:
                difference += f" {check.unit}"
            self.add_row(
                Text(f"{SIGNS[check.status]} {s(f'budget.status.{check.status}')}", style=style),
                Text(clean(check.id), style=style),
                Text(difference, style=style, justify="right"),
                Text(clean(check.describe(s)), style=style),
                key=check.id,
            )
        if current is not None:
            self.select_check(current.id)

    def current_check(self) -> Check | None:
        """The check under the cursor."""
        if not self.checks or not (0 <= self.cursor_row < len(self.checks)):
            return None
        return self.checks[self.cursor_row]

    def select_check(self, check_id: str) -> None:
        """Put the cursor on `check_id`."""
        for index, check in enumerate(self.checks):
            if check.id == check_id:
                self.move_cursor(row=index)
                return
