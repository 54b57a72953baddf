"""Editing a budget figure on the budget screen: the edit field, the checks, the save.

Enter on a figure opens an edit field under the tables with the figure as shown; enter
saves it with a history row, and the screen reads the budget again (the checks rerun);
escape cancels. `p` puts the published figure back the same way. An empty cell of a table
with a breakdown is filled the same way: its first save creates the figure, which then
has no published one to put back. A save goes through
the screen's own store on the event loop: one short transaction, made in the order the
user makes them, that refuses a figure someone else changed meanwhile (`StaleFigure`).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING

from textual.coordinate import Coordinate
from textual.widgets import Input, Label

from vpl_tui.budget import FigureAddress
from vpl_tui.db.store import StaleFigure
from vpl_tui.errors import VplError
from vpl_tui.numbers import MAX_AMOUNT_TEXT, format_published, parse_amount
from vpl_tui.rules.figures import figure_problem
from vpl_tui.safetext import clean, one_line
from vpl_tui.screens.safe import plain
from vpl_tui.screens.widgets.figure_tables import FigureTable
from vpl_tui.views.budget_view import can_edit, why_not_editable

if TYPE_CHECKING:
    from vpl_tui.screens.budget import BudgetScreen


@dataclass(frozen=True)
class EditTarget:
    """The figure being edited: its table, where the cursor was, and the value shown."""

    table_id: str
    coordinate: Coordinate
    address: FigureAddress
    shown: Decimal | None
    """The figure as shown; None: an empty cell, being filled."""
    line: str
    column: str
    unit: str
    decimals: int = 0
    """The decimals its table was published with: the form a typed figure may have."""


class FigureEditor:
    """The edit field of one budget screen, and the figure it edits."""

    def __init__(self, screen: BudgetScreen) -> None:
        self.screen = screen
        self.editing: EditTarget | None = None

    def _target(self, table: FigureTable, coordinate: Coordinate) -> EditTarget | None:
        cell, row = table.cell_at(coordinate), table.row_at(coordinate)
        if not can_edit(cell) or row is None or table.spec is None:
            return None
        assert cell is not None and cell.address is not None
        return EditTarget(
            table_id=table.id or "",
            coordinate=coordinate,
            address=cell.address,
            shown=cell.value,
            line=clean(row.label),
            column=table.column_label(coordinate.column),
            unit=table.spec.unit,
            decimals=table.spec.decimals,
        )

    def start(self, table: FigureTable, coordinate: Coordinate) -> None:
        """Open the edit field for the figure at `coordinate`, or say why it cannot be edited."""
        screen, s = self.screen, self.screen.strings
        target = self._target(table, coordinate)
        if target is None:
            table_id = table.spec.id if table.spec is not None else ""
            reason = why_not_editable(table.cell_at(coordinate), screen.state, table_id)
            screen.notify(s(reason), severity="warning", markup=False)
            return
        self.editing = target
        prompt = s("budget.edit.prompt", line=target.line, year=target.column, unit=target.unit)
        screen.query_one("#budget-edit-label", Label).update(plain(prompt))
        field = screen.query_one("#budget-edit-input", Input)
        field.value = (
            "" if target.shown is None else format_published(target.shown, target.decimals)
        )
        screen.query_one("#budget-edit-note", Input).value = ""
        screen.query_one("#budget-edit").display = True
        field.focus()
        screen.explain_focused()  # the figure being edited, not the check list's

    def table(self) -> FigureTable | None:
        """The table of the figure being edited, or None when none is."""
        if self.editing is None:
            return None
        return self.screen.query_one(f"#{self.editing.table_id}", FigureTable)

    def end(self) -> None:
        """Close the edit field; the focus goes back to the cell that was edited."""
        screen = self.screen
        target = self.editing
        self.editing = None
        screen.query_one("#budget-edit").display = False
        if target is not None:
            table = screen.query_one(f"#{target.table_id}", FigureTable)
            table.focus()
            table.move_cursor(row=target.coordinate.row, column=target.coordinate.column)

    def submitted(self, typed: str) -> None:
        """Save what was typed in the edit field, or say why it cannot be saved."""
        target = self.editing
        if target is None:
            return
        screen, s = self.screen, self.screen.strings
        try:
            value = parse_amount(typed)
        except ValueError:
            shown = one_line(typed, MAX_AMOUNT_TEXT)  # a pasted page is not repeated
            message = s("budget.edit.not_number", value=shown)
            screen.notify(message, severity="error", markup=False)
            return
        # The table's own form: 175,9 in an mnkr table with one decimal, 175,95 refused.
        problem = figure_problem(target.unit, value, target.decimals)  # type: ignore[arg-type]
        if problem is not None:
            screen.notify(s(problem), severity="error", markup=False)
            return
        # The note typed beside the figure travels with the change, as a status note does.
        note = self.screen.query_one("#budget-edit-note", Input).value.strip()
        self.save(target, value, note=note)

    def save(self, target: EditTarget, value: Decimal, *, note: str) -> None:
        """Write `value` for `target` with a history row; the screen reads everything again."""
        screen, s = self.screen, self.screen.strings
        address = target.address
        if target.unit == "tkr" and not target.decimals:
            value = Decimal(int(value))  # "279 191,0" is 279 191: stored as a whole number
        try:
            change = screen.store.set_figure(
                address.table,
                address.line,
                address.year,
                value,
                note=note,
                expected=target.shown,
                expect_empty=target.shown is None,  # filled by someone else meanwhile: stale
            )
        except StaleFigure as stale:
            current = f"{format_published(stale.current, target.decimals)} {target.unit}"
            message = s("budget.edit.stale", line=target.line, year=target.column, value=current)
            screen.notify(message, severity="error", timeout=8, markup=False)
            self.end()
            screen.reload()
            return
        except VplError as error:
            screen.notify(error.render(s), severity="error", markup=False)
            return
        self.end()
        if change is None:
            message = s("budget.edit.unchanged", line=target.line, year=target.column)
            screen.notify(message, markup=False)
            return
        screen.reload()
        new = format_published(change.to_value, target.decimals)
        if change.from_value is None:
            message = s(
                "budget.edit.filled",
                line=target.line,
                year=target.column,
                new=new,
                unit=target.unit,
            )
        else:
            old = format_published(change.from_value, target.decimals)
            message = s(
                "budget.edit.saved",
                line=target.line,
                year=target.column,
                old=old,
                new=new,
                unit=target.unit,
            )
        screen.notify(message, markup=False)

    def restore(self, table: FigureTable) -> None:
        """Put the published figure back in the cell under the cursor (a new history row)."""
        screen, s = self.screen, self.screen.strings
        coordinate = table.cursor_coordinate
        cell = table.cell_at(coordinate)
        target = self._target(table, coordinate)
        if cell is not None and target is not None and cell.published is None:
            # Filled since, or still empty: the published plan has no figure here.
            message = s("budget.edit.no_published", line=target.line, year=target.column)
            screen.notify(message, markup=False)
            return
        if cell is None or target is None or cell.published is None:
            table_id = table.spec.id if table.spec is not None else ""
            reason = why_not_editable(cell, screen.state, table_id)
            screen.notify(s(reason), severity="warning", markup=False)
            return
        if not cell.edited:
            message = s("budget.edit.already_published", line=target.line, year=target.column)
            screen.notify(message, markup=False)
            return
        self.editing = target
        self.save(target, cell.published, note=s("budget.edit.restore_note"))
        if self.editing is target:  # refused: there is no edit field to leave open
            self.end()
