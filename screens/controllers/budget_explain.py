"""The budget screen's explanation pane: what the focus is on, spelt out.

The cell under the cursor (or the figure being edited) with its figure, history and
checks (`vpl_tui.views.budget_view.cell_explanation`); the follow-up's unit; else the
check under the cursor in the check list. Plan text goes through `plain`, never markup.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.widgets import Static

from vpl_tui.screens.safe import plain
from vpl_tui.screens.widgets.budget_charts import BudgetCharts
from vpl_tui.screens.widgets.figure_tables import CheckList, FigureTable
from vpl_tui.screens.widgets.followup_pane import FollowupPane
from vpl_tui.views.budget_view import cell_explanation

if TYPE_CHECKING:
    from vpl_tui.screens.budget import BudgetScreen


def explain_focused(screen: BudgetScreen) -> None:
    """Describe what the focus is on: the cell (or the figure being edited), else the check."""
    if not screen.explain_visible:
        return
    pane = screen.query_one("#budget-explain-text", Static)
    if isinstance(screen.focused, BudgetCharts):
        pane.update("")  # the charts explain themselves; the pane would only distract
        return
    if (followup := screen.query_one(FollowupPane)).has_focus_within:
        pane.update(plain("\n".join(followup.explanation()), multiline=True))
        return
    # While a figure is edited, the focus is in the edit field: the pane goes on
    # describing the figure being edited and its checks, not the check list's.
    focused = screen.focused
    table = focused if isinstance(focused, FigureTable) else screen.editor.table()
    if table is not None:
        pane.update(plain("\n".join(cell_lines(screen, table)), multiline=True))
        return
    check = screen.query_one(CheckList).current_check()
    lines = check.explain(screen.strings) if check is not None else []
    pane.update(plain("\n".join(lines), multiline=True))


def cell_lines(screen: BudgetScreen, table: FigureTable) -> list[str]:
    """The explanation of the cell under `table`'s cursor (none outside the figures)."""
    coordinate = table.cursor_coordinate
    cell, row = table.cell_at(coordinate), table.row_at(coordinate)
    if cell is None or row is None or table.spec is None:
        return []
    column = table.column_label(coordinate.column)
    unit, state, strings = table.spec.unit, screen.state, screen.strings
    return cell_explanation(cell, row, column, unit, state, strings, table.spec.id)
