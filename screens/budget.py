"""The budget screen: does the plan's budget hold together, and where not, by how much?

At the top, the checks, failures first; enter on a check jumps to its cell. Below, one
section per table (operating budget, by unit, pot, investments, charts, the period's
follow-up `FollowupPane`, the driftredovisning), each in its published unit and decimals.
Enter on a figure edits it, or fills an empty cell of a table with a breakdown
(`controllers.budget_edit`); `p` restores the published one. The explanation pane under
the tables spells out the check or cell under the cursor (`i` hides or shows it;
`controllers.budget_explain`).

The budget, its figures and their history are read in a worker thread, which also runs
the checks and builds the tables (`vpl_tui.views.budget_view`); the screen draws what it
posts back. Another session's edits are picked up by polling `PRAGMA data_version`,
which changes only when another connection commits.
"""

from __future__ import annotations

from typing import ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.message import Message
from textual.reactive import reactive
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Input, Label, Static, TabbedContent, TabPane

from vpl_tui.budget import Check
from vpl_tui.db.store import Store
from vpl_tui.errors import VplError
from vpl_tui.rules.checks import tally
from vpl_tui.screens.controllers.budget_edit import FigureEditor
from vpl_tui.screens.controllers.budget_explain import explain_focused
from vpl_tui.screens.controllers.reads import read_budget
from vpl_tui.screens.guard import KeepsRunning
from vpl_tui.screens.keys import localise_bindings
from vpl_tui.screens.widgets.budget_charts import BudgetCharts
from vpl_tui.screens.widgets.figure_tables import CheckList, FigureTable
from vpl_tui.screens.widgets.followup_pane import FollowupPane
from vpl_tui.strings import Strings
from vpl_tui.views.budget_tables import SECTION_OF_TABLE, TABLE_IDS, CellSpec
from vpl_tui.views.budget_view import BudgetState, locate

SECTIONS = ("operating", "units", "pot", "investments", "charts", "followup", "drift")
"""The sections (tabs) in order; keys 1–7 switch to them."""
POLL_SECONDS = 2.0
"""How often the screen looks for edits made in another session."""


def _section_key(key: str, section: str, description: str, tooltip: str) -> Binding:
    return Binding(
        key,
        f"section('{section}')",
        description,
        show=False,
        tooltip=tooltip,
        id=f"budget.section_{section}",
    )


class BudgetScreen(KeepsRunning, Screen[None]):
    """Reconcile the budget: the checks, the tables behind them, the charts, and edits."""

    CSS_PATH = "budget.tcss"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "Back", tooltip="Back to the plan", id="budget.back"),
        Binding(
            "c", "focus_checks", "Checks", tooltip="Go to the list of checks", id="budget.checks"
        ),
        Binding(
            "i",
            "toggle_explain",
            "Explain",
            tooltip="Show or hide the explanation",
            id="budget.explain",
        ),
        Binding(
            "p",
            "restore",
            "Published",
            tooltip="Restore the cell's published figure",
            id="budget.restore",
        ),
        Binding(
            "enter",
            "not_editable",
            "Edit",
            show=False,
            tooltip="Says why the cell cannot be edited",
            id="budget.not_editable",
        ),
        Binding(
            "1",
            "section('operating')",
            "Section",
            key_display="1–6",
            tooltip="1 operating, 2 by unit, 3 pot, 4 investments, 5 charts, 6 follow-up",
            id="budget.section",
        ),
        _section_key("2", "units", "By unit", "Show net costs by unit"),
        _section_key("3", "pot", "Pot", "Show the pot and the earmarked resources"),
        _section_key("4", "investments", "Investments", "Show the investments"),
        _section_key("5", "charts", "Charts", "Show the charts"),
        _section_key("6", "followup", "Follow-up", "Show the period's follow-up of the economy"),
        _section_key("7", "drift", "Statement", "Show the driftredovisning (operating statement)"),
    ]

    explain_visible: reactive[bool] = reactive(True)
    """Whether the explanation pane under the tables is shown."""

    class BudgetRead(Message):
        """A worker has read the budget and run its checks."""

        def __init__(self, generation: int, state: BudgetState) -> None:
            super().__init__()
            self.generation = generation
            self.state = state

    class ReadFailed(Message):
        """A worker could not read the database (the error says why, in the catalog)."""

        def __init__(self, error: VplError) -> None:
            super().__init__()
            self.error = error

    def __init__(
        self,
        store: Store,
        strings: Strings,
        *,
        name: str | None = None,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self.store = store
        self.strings = strings
        self.state = BudgetState(None)
        """The budget as last read (nothing until the first read is back)."""
        self.editor = FigureEditor(self)
        self._data_version: int | None = None
        self._generation = 0
        """Bumped by every read started, so that an older one coming back late is dropped."""
        localise_bindings(self, strings)

    @property
    def checks(self) -> list[Check]:  # every check of the budget as last read
        return self.state.checks

    # -- layout ------------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        s = self.strings
        yield Header()
        yield Static(id="budget-counts")
        yield CheckList(s, id="budget-checks")
        with TabbedContent(id="budget-sections"):
            with TabPane(s("budget.tab.operating"), id="section-operating"):
                yield FigureTable(s, id="table-operating")
            with TabPane(s("budget.tab.units"), id="section-units"):
                yield FigureTable(s, id="table-units")
            with TabPane(s("budget.tab.pot"), id="section-pot"), VerticalScroll():
                yield FigureTable(s, id="table-pot")
                yield Label(s("budget.earmarks_title"), id="budget-earmarks-title")
                yield FigureTable(s, id="table-earmarks")
            with TabPane(s("budget.tab.investments"), id="section-investments"):
                yield FigureTable(s, id="table-investments")
            with TabPane(s("budget.tab.charts"), id="section-charts"):
                yield BudgetCharts(s, id="budget-charts")
            with TabPane(s("economy.tab"), id="section-followup"):
                yield FollowupPane(self.store, s, id="budget-followup")
            with TabPane(s("budget.section.drift"), id="section-drift"):
                yield FigureTable(s, id="table-drift")
        with Horizontal(id="budget-edit"):
            yield Label(id="budget-edit-label")
            yield Input(id="budget-edit-input")
            yield Input(placeholder=s("budget.edit.note_placeholder"), id="budget-edit-note")
        with VerticalScroll(id="budget-explain"):
            yield Static(id="budget-explain-text")
        yield Footer()

    def on_mount(self) -> None:
        self.title = self.strings("budget.title")
        self.query_one("#budget-counts", Static).update(self.strings("app.loading"))
        self.query_one(CheckList).focus()
        self.reload()
        self.set_interval(POLL_SECONDS, self.look_for_outside_changes)

    def watch_explain_visible(self, visible: bool) -> None:
        self.query_one("#budget-explain").display = visible

    # -- reading -----------------------------------------------------------------------------

    def reload(self) -> None:
        """Read the budget again in a worker; the checks rerun and everything is redrawn."""
        # PRAGMA data_version answers from the connection, without reading the file: it is
        # taken here, before the read, so that a commit made during the read reads again.
        self._data_version = self.store.data_version()
        self._generation += 1
        self._read(self._generation)

    @work(thread=True, group="budget-read")
    def _read(self, generation: int) -> None:
        try:
            state = read_budget(self.store.path, self.strings)
        except VplError as error:
            self.post_message(self.ReadFailed(error))
            return
        self.post_message(self.BudgetRead(generation, state))

    @on(ReadFailed)
    def _read_failed(self, message: ReadFailed) -> None:
        self.query_one("#budget-counts", Static).update("")  # the notice says why
        self.notify(message.error.render(self.strings), severity="error", markup=False)

    @on(BudgetRead)
    def _budget_read(self, message: BudgetRead) -> None:
        if message.generation != self._generation:
            return  # a newer read is on its way
        self.state = state = message.state
        s = self.strings
        counts = self.query_one("#budget-counts", Static)
        sections = self.query_one("#budget-sections")
        check_list = self.query_one(CheckList)
        if state.budget is None:
            counts.update(s("summary.no_budget"))
            sections.display = False
            check_list.show([])
            return
        sections.display = True
        tabs = self.query_one(TabbedContent)
        for table_id in TABLE_IDS:
            table = self.query_one(f"#table-{table_id}", FigureTable)
            table.display = table_id in state.tables
            if table_id in state.tables:
                table.show(state.tables[table_id])
        self.query_one("#budget-earmarks-title").display = "earmarks" in state.tables
        for section in ("units", "pot", "investments", "drift"):
            present = any(SECTION_OF_TABLE[t] == section for t in state.tables)
            (tabs.show_tab if present else tabs.hide_tab)(f"section-{section}")
        result = tally(state.checks)
        counts.update(
            s(
                "budget.counts",
                total=result.total,
                passed=result.passed,
                failed=result.failed,
                unchecked=result.unchecked,
                rounding=result.rounding,
            )
        )
        counts.set_class(result.failed > 0, "-failing")
        check_list.show(state.checks)
        self.query_one(BudgetCharts).show(state.budget)
        self.query_one(FollowupPane).reload()  # the period's forecasts: read with the rest
        self.explain_focused()

    def look_for_outside_changes(self) -> None:
        """Read again when another session has changed the database since the last read."""
        if self.editor.editing is not None:
            return  # the save checks the figure it edits; read again after
        if self.store.data_version() != self._data_version:  # no file read: see `reload`
            self.reload()
            self.notify(self.strings("budget.outside_change"), markup=False)

    # -- the check list and the tables -------------------------------------------------------

    @on(DataTable.RowHighlighted, "#budget-checks")
    def _check_highlighted(self, _event: DataTable.RowHighlighted) -> None:
        self.explain_focused()

    @on(DataTable.RowSelected, "#budget-checks")
    def _check_selected(self, event: DataTable.RowSelected) -> None:
        check = self.query_one(CheckList).current_check()
        if check is not None:
            self.jump_to(check)
        event.stop()

    def jump_to(self, check: Check) -> None:
        """Show the table cell of `check`: its published figure, else its computed one."""
        found = locate(check, self.state.tables.values())
        if found is None:
            return
        table_id, row, column = found
        table = self.query_one(f"#table-{table_id}", FigureTable)
        self.query_one(TabbedContent).active = f"section-{SECTION_OF_TABLE[table_id]}"
        table.move_cursor(row=row, column=column)
        table.focus()
        self.explain_focused()

    @on(DataTable.CellHighlighted)
    def _cell_highlighted(self, event: DataTable.CellHighlighted) -> None:
        if isinstance(event.data_table, FigureTable):
            self.refresh_bindings()  # enter edits here or not: the footer follows
            self.explain_focused()

    def action_not_editable(self) -> None:
        """Enter on a figure that cannot be edited: say why (the table took it otherwise)."""
        table = self._focused_table()
        if table is not None:
            self.editor.start(table, table.cursor_coordinate)

    @on(DataTable.CellSelected)
    def _cell_selected(self, event: DataTable.CellSelected) -> None:
        if isinstance(event.data_table, FigureTable):
            event.stop()
            self.editor.start(event.data_table, event.coordinate)

    @on(Input.Submitted, "#budget-edit-input")
    @on(Input.Submitted, "#budget-edit-note")
    def _edit_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.editor.submitted(self.query_one("#budget-edit-input", Input).value)

    def _focused_table(self) -> FigureTable | None:
        focused = self.focused
        return focused if isinstance(focused, FigureTable) else None

    def action_restore(self) -> None:
        """Put the published figure back in the cell under the cursor (a new history row)."""
        table = self._focused_table()
        if table is not None:
            self.editor.restore(table)

    # -- the explanation pane ----------------------------------------------------------------

    def action_toggle_explain(self) -> None:
        """Hide or show the explanation pane."""
        self.explain_visible = not self.explain_visible

    def explain_focused(self) -> None:
        """Describe what the focus is on: the cell (or the figure being edited), else the check."""
        explain_focused(self)  # controllers/budget_explain.py

    # -- moving around -----------------------------------------------------------------------

    def action_back(self) -> None:
        """Cancel an edit, or go back to the plan."""
        if self.editor.editing is not None:
            self.editor.end()
            return
        if (followup := self.query_one(FollowupPane)).editing is not None:
            followup.cancel()
            return
        self.app.pop_screen()

    def action_focus_checks(self) -> None:
        """Put the focus back in the check list."""
        self.query_one(CheckList).focus()
        self.explain_focused()

    def action_section(self, section: str) -> None:
        """Show section `section` and put the focus in its first table."""
        tabs = self.query_one(TabbedContent)
        pane = self.query_one(f"#section-{section}", TabPane)
        if pane.disabled or not self.query_one("#budget-sections").display:
            return
        tabs.active = f"section-{section}"
        # Focus something in the new section: were the focus left in a hidden section,
        # TabbedContent would switch back to the section holding the focus.
        targets = [t for t in pane.query(DataTable) if t.display] or list(pane.query(BudgetCharts))
        if targets:
            targets[0].focus()
        self.explain_focused()

    def on_descendant_focus(self) -> None:
        self.explain_focused()

    @property
    def current_cell(self) -> CellSpec | None:
        """The cell under the cursor of the focused table (None when no table has focus)."""
        table = self._focused_table()
        return table.cell_at(table.cursor_coordinate) if table is not None else None
