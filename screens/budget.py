"""The budget screen: does the plan's budget hold together, and where not, by how much?

At the top, the checks (how many pass, fail, cannot be checked) with the failures first;
enter on a check jumps to its cell. Below, one section per table (operating budget, net
costs by unit, the earmarked pot, investments) with the published total and the computed
one side by side, and a section of bar charts. Enter on a figure edits it (a forecast
update, say): an edit field opens under the table with the figure selected, enter saves
it with a history row and the checks rerun at once; `p` restores the published figure. The explanation pane under the tables spells out
the check or cell under the cursor (`i` hides or shows it).

The screen reads and writes only through the `Store` it is given; the checks come from
`vpl_tui.budget`, the tables from `budget_tables`. Everything it reads is small (a few
hundred figures), so it reads on the event loop; another session's edits are picked up by
polling `PRAGMA data_version`, which changes only when another connection commits.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.coordinate import Coordinate
from textual.message import Message
from textual.reactive import reactive
from textual.screen import Screen
from textual.widgets import (
    DataTable,
    Footer,
    Header,
    Input,
    Label,
    Static,
    TabbedContent,
    TabPane,
)

from vpl_tui.budget import EARMARKS_TABLE, Check, FigureAddress, reconcile
from vpl_tui.checks import failures_first, tally
from vpl_tui.db.store import StaleFigure, Store
from vpl_tui.errors import VplError
from vpl_tui.figures import figure_problem
from vpl_tui.model import Budget
from vpl_tui.numbers import format_amount, parse_amount
from vpl_tui.records import FigureChangeRecord
from vpl_tui.safetext import clean
from vpl_tui.screens.budget_charts import BudgetCharts
from vpl_tui.screens.budget_tables import SECTION_OF_TABLE, TABLE_IDS, CellSpec, build_tables
from vpl_tui.screens.budget_widgets import CheckList, FigureTable, localise_budget_bindings
from vpl_tui.screens.safe import plain
from vpl_tui.strings import Strings

SECTIONS: tuple[str, ...] = ("operating", "units", "pot", "investments", "charts")
"""The sections (tabs) in order; keys 1–5 switch to them."""
POLL_SECONDS = 2.0
"""How often the screen looks for edits made in another session."""
HISTORY_SHOWN = 5
"""How many of a figure's latest changes the explanation pane lists."""


@dataclass(frozen=True)
class EditTarget:
    """The figure being edited: its table, where the cursor was, and the value shown."""

    table_id: str
    coordinate: Coordinate
    address: FigureAddress
    shown: Decimal
    line: str
    column: str
    unit: str


class BudgetScreen(Screen[None]):
    """Reconcile the budget: the checks, the tables behind them, the charts, and edits."""

    CSS_PATH = "budget.tcss"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "Tillbaka", tooltip="Tillbaka till planen", id="budget.back"),
        Binding(
            "c",
            "focus_checks",
            "Kontroller",
            tooltip="Gå till listan över kontroller",
            id="budget.checks",
        ),
        Binding(
            "i",
            "toggle_explain",
            "Förklaring",
            tooltip="Visa eller dölj förklaringen",
            id="budget.explain",
        ),
        Binding(
            "p",
            "restore",
            "Publicerad",
            tooltip="Återställ cellens publicerade siffra",
            id="budget.restore",
        ),
        Binding(
            "1",
            "section('operating')",
            "Avsnitt",
            key_display="1–5",
            tooltip="1 drift, 2 per enhet, 3 potten, 4 investeringar, 5 diagram",
            id="budget.section",
        ),
        Binding(
            "2",
            "section('units')",
            "Per enhet",
            show=False,
            tooltip="Visa nettokostnader per enhet",
            id="budget.section_units",
        ),
        Binding(
            "3",
            "section('pot')",
            "Potten",
            show=False,
            tooltip="Visa potten och de särskilda resurserna",
            id="budget.section_pot",
        ),
        Binding(
            "4",
            "section('investments')",
            "Investeringar",
            show=False,
            tooltip="Visa investeringarna",
            id="budget.section_investments",
        ),
        Binding(
            "5",
            "section('charts')",
            "Diagram",
            show=False,
            tooltip="Visa diagrammen",
            id="budget.section_charts",
        ),
    ]

    explain_visible: reactive[bool] = reactive(True)
    """Whether the explanation pane under the tables is shown."""

    class FigureChanged(Message):
        """A budget figure was edited on this screen (saved, with its history row)."""

        def __init__(self, change: FigureChangeRecord) -> None:
            self.change = change
            """The history row that was written."""
            super().__init__()

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
        self.budget: Budget | None = None
        self.checks: list[Check] = []
        self.editing: EditTarget | None = None
        self._data_version: int | None = None
        localise_budget_bindings(self, strings)

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
        with Horizontal(id="budget-edit"):
            yield Label(id="budget-edit-label")
            yield Input(id="budget-edit-input")
        with VerticalScroll(id="budget-explain"):
            yield Static(id="budget-explain-text")
        yield Footer()

    def on_mount(self) -> None:
        self.title = self.strings("budget.title")
        self.reload()
        self.query_one(CheckList).focus()
        self.set_interval(POLL_SECONDS, self.look_for_outside_changes)

    def watch_explain_visible(self, visible: bool) -> None:
        self.query_one("#budget-explain").display = visible

    # -- reading -----------------------------------------------------------------------------

    def reload(self) -> None:
        """Read the budget again, rerun the checks and redraw everything."""
        s = self.strings
        self.budget = self.store.budget()
        self._data_version = self.store.data_version()
        counts = self.query_one("#budget-counts", Static)
        sections = self.query_one("#budget-sections")
        if self.budget is None:
            self.checks = []
            counts.update(s("summary.no_budget"))
            sections.display = False
            self.query_one(CheckList).show([])
            return
        sections.display = True
        earmarks = self.store.earmarks()
        self.checks = reconcile(self.budget, earmarks)
        specs = build_tables(self.budget, self.store.figures(), earmarks, self.checks, s)
        tabs = self.query_one(TabbedContent)
        for table_id in TABLE_IDS:
            table = self.query_one(f"#table-{table_id}", FigureTable)
            table.display = table_id in specs
            if table_id in specs:
                table.show(specs[table_id])
        self.query_one("#budget-earmarks-title").display = "earmarks" in specs
        for section in ("units", "pot", "investments"):
            present = any(SECTION_OF_TABLE[t] == section for t in specs)
            (tabs.show_tab if present else tabs.hide_tab)(f"section-{section}")
        result = tally(self.checks)
        counts.update(
            s(
                "budget.counts",
                total=result.total,
                passed=result.passed,
                failed=result.failed,
                unchecked=result.unchecked,
            )
        )
        counts.set_class(result.failed > 0, "-failing")
        self.query_one(CheckList).show(self.checks)
        self.query_one(BudgetCharts).show(self.budget)
        self._explain_focused()

    def look_for_outside_changes(self) -> None:
        """Redraw when another session has changed the database since the last read."""
        if self.editing is not None:
            return  # the save checks the figure it edits; redraw after
        if self.store.data_version() != self._data_version:
            self.reload()
            self.notify(self.strings("budget.outside_change"), markup=False)

    # -- the check list ----------------------------------------------------------------------

    @on(DataTable.RowHighlighted, "#budget-checks")
    def _check_highlighted(self, _event: DataTable.RowHighlighted) -> None:
        self._explain_focused()

    @on(DataTable.RowSelected, "#budget-checks")
    def _check_selected(self, event: DataTable.RowSelected) -> None:
        check = self.query_one(CheckList).current_check()
        if check is not None:
            self.jump_to(check)
        event.stop()

    def jump_to(self, check: Check) -> None:
        """Show the table cell of `check`: its published figure, else its computed one."""
        section = self._section_of(check)
        tables = sorted(
            (t for t in self.query(FigureTable) if t.spec is not None and t.display),
            key=lambda t: SECTION_OF_TABLE[t.spec.id] != section,  # type: ignore[union-attr]
        )
        found: tuple[FigureTable, int, int] | None = None
        for address in check.addresses:
            for table in tables:
                where = table.spec.find(address) if table.spec else None
                if where is not None:
                    found = (table, *where)
                    break
            if found:
                break
        if found is None:
            for table in tables:
                where = table.spec.find_check(check.id) if table.spec else None
                if where is not None:
                    found = (table, *where)
                    break
        if found is None:  # a column check: show the table it is about
            table = next(
                (t for t in tables if t.spec and SECTION_OF_TABLE[t.spec.id] == section), None
            )
            if table is None:
                return
            found = (table, 0, 0)
        table, row, column = found
        assert table.spec is not None
        self.query_one(TabbedContent).active = f"section-{SECTION_OF_TABLE[table.spec.id]}"
        table.move_cursor(row=row, column=column)
        table.focus()
        self._explain_focused()

    @staticmethod
    def _section_of(check: Check) -> str:
        if check.group == "columns":
            return check.id.split(".", 1)[1]
        return check.group

    # -- the tables --------------------------------------------------------------------------

    @on(DataTable.CellHighlighted)
    def _cell_highlighted(self, event: DataTable.CellHighlighted) -> None:
        if isinstance(event.data_table, FigureTable):
            self._explain_focused()

    @on(DataTable.CellSelected)
    def _cell_selected(self, event: DataTable.CellSelected) -> None:
        if isinstance(event.data_table, FigureTable):
            event.stop()
            self.start_edit(event.data_table, event.coordinate)

    def _focused_table(self) -> FigureTable | None:
        focused = self.focused
        return focused if isinstance(focused, FigureTable) else None

    # -- editing -----------------------------------------------------------------------------

    def start_edit(self, table: FigureTable, coordinate: Coordinate) -> None:
        """Open the edit field for the figure at `coordinate`, or say why it cannot be edited."""
        cell = table.cell_at(coordinate)
        row = table.row_at(coordinate)
        s = self.strings
        if (
            cell is None
            or row is None
            or table.spec is None
            or not cell.editable
            or cell.address is None
            or cell.value is None
            or cell.address.table == EARMARKS_TABLE
        ):
            self.notify(s("budget.edit.not_editable"), severity="warning", markup=False)
            return
        self.editing = EditTarget(
            table_id=table.id or "",
            coordinate=coordinate,
            address=cell.address,
            shown=cell.value,
            line=clean(row.label),
            column=table.column_label(coordinate.column),
            unit=table.spec.unit,
        )
        self.query_one("#budget-edit-label", Label).update(
            plain(
                s(
                    "budget.edit.prompt",
                    line=clean(row.label),
                    year=self.editing.column,
                    unit=table.spec.unit,
                )
            )
        )
        field = self.query_one("#budget-edit-input", Input)
        field.value = format_amount(cell.value)
        self.query_one("#budget-edit").display = True
        field.focus()

    def _end_edit(self) -> None:
        target = self.editing
        self.editing = None
        self.query_one("#budget-edit").display = False
        if target is not None:
            table = self.query_one(f"#{target.table_id}", FigureTable)
            table.focus()
            table.move_cursor(row=target.coordinate.row, column=target.coordinate.column)

    @on(Input.Submitted, "#budget-edit-input")
    def _edit_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        target = self.editing
        if target is None:
            return
        s = self.strings
        try:
            value = parse_amount(event.value)
        except ValueError:
            self.notify(
                s("budget.edit.not_number", value=clean(event.value)),
                severity="error",
                markup=False,
            )
            return
        problem = self._problem(value, target.unit)
        if problem is not None:
            self.notify(problem, severity="error", markup=False)
            return
        self._save(target, value, note="")

    def _problem(self, value: Decimal, unit: str) -> str | None:
        """Why `value` cannot go into a table in `unit`, in the user's words, or None."""
        problem = figure_problem(unit, value)  # type: ignore[arg-type]
        return None if problem is None else self.strings(problem)

    def _save(self, target: EditTarget, value: Decimal, *, note: str) -> None:
        s = self.strings
        address = target.address
        if target.unit == "tkr":
            value = Decimal(int(value))  # "279 191,0" is 279 191: stored as a whole number
        try:
            change = self.store.set_figure(
                address.table, address.line, address.year, value, note=note, expected=target.shown
            )
        except StaleFigure as stale:
            self.notify(
                s(
                    "budget.edit.stale",
                    line=target.line,
                    year=target.column,
                    value=f"{format_amount(stale.current)} {target.unit}",
                ),
                severity="error",
                timeout=8,
                markup=False,
            )
            self._end_edit()
            self.reload()
            return
        except VplError as error:
            self.notify(error.render(s), severity="error", markup=False)
            return
        self._end_edit()
        if change is None:
            self.notify(
                s("budget.edit.unchanged", line=target.line, year=target.column), markup=False
            )
            return
        self.reload()
        self.notify(
            s(
                "budget.edit.saved",
                line=target.line,
                year=target.column,
                old=format_amount(change.from_value),
                new=format_amount(change.to_value),
                unit=target.unit,
            ),
            markup=False,
        )
        self.post_message(self.FigureChanged(change))

    def action_restore(self) -> None:
        """Put the published figure back in the cell under the cursor (a new history row)."""
        table = self._focused_table()
        if table is None:
            return
        coordinate = table.cursor_coordinate
        cell, row = table.cell_at(coordinate), table.row_at(coordinate)
        s = self.strings
        if (
            cell is None
            or row is None
            or table.spec is None
            or not cell.editable
            or cell.address is None
            or cell.value is None
            or cell.published is None
        ):
            self.notify(s("budget.edit.not_editable"), severity="warning", markup=False)
            return
        column = table.column_label(coordinate.column)
        if not cell.edited:
            self.notify(
                s("budget.edit.already_published", line=clean(row.label), year=column), markup=False
            )
            return
        target = EditTarget(
            table.id or "",
            coordinate,
            cell.address,
            cell.value,
            clean(row.label),
            column,
            table.spec.unit,
        )
        self.editing = target
        self._save(target, cell.published, note=s("budget.edit.restore_note"))
        if self.editing is target:  # refused: there is no edit field to leave open
            self._end_edit()

    # -- the explanation pane ----------------------------------------------------------------

    def action_toggle_explain(self) -> None:
        """Hide or show the explanation pane."""
        self.explain_visible = not self.explain_visible

    def _explain_focused(self) -> None:
        if not self.explain_visible:
            return
        pane = self.query_one("#budget-explain-text", Static)
        if isinstance(self.focused, BudgetCharts):
            pane.update("")  # the charts explain themselves; the pane would only distract
            return
        table = self._focused_table()
        if table is not None:
            pane.update(plain("\n".join(self._cell_lines(table)), multiline=True))
            return
        check = self.query_one(CheckList).current_check()
        lines = check.explain(self.strings) if check is not None else []
        pane.update(plain("\n".join(lines), multiline=True))

    def _cell_lines(self, table: FigureTable) -> list[str]:
        s = self.strings
        coordinate = table.cursor_coordinate
        cell, row = table.cell_at(coordinate), table.row_at(coordinate)
        if cell is None or row is None or table.spec is None:
            return []
        unit = table.spec.unit
        lines = []
        if cell.value is not None and cell.text is None:
            lines.append(
                s(
                    "budget.detail.figure",
                    line=clean(row.label),
                    year=table.column_label(coordinate.column),
                    value=format_amount(cell.value),
                    unit=unit,
                )
            )
        if cell.edited and cell.published is not None:
            lines.append(
                s("budget.detail.published", value=format_amount(cell.published), unit=unit)
            )
        if cell.editable and cell.address is not None:
            address = cell.address
            history = self.store.figure_history(address.table, address.line, address.year)
            for change in history[-HISTORY_SHOWN:]:
                lines.append(
                    s(
                        "budget.detail.history",
                        at=change.at.astimezone().strftime("%Y-%m-%d %H:%M"),
                        user=change.user,
                        old=format_amount(change.from_value),
                        new=format_amount(change.to_value),
                    )
                )
        if row.funds:
            lines.append(s("budget.detail.funds", targets=", ".join(row.funds)))
        checks = {check.id: check for check in self.checks}
        involved = [checks[i] for i in cell.checks if i in checks]
        involved = failures_first(involved)
        if not involved and cell.text is None:
            lines.append(s("budget.detail.no_checks"))
        for check in involved:
            lines.append("")
            lines.extend(check.explain(s))
        return lines

    # -- moving around -----------------------------------------------------------------------

    def action_back(self) -> None:
        """Cancel an edit, or go back to the plan."""
        if self.editing is not None:
            self._end_edit()
            return
        self.app.pop_screen()

    def action_focus_checks(self) -> None:
        """Put the focus back in the check list."""
        self.query_one(CheckList).focus()
        self._explain_focused()

    def action_section(self, section: str) -> None:
        """Show section `section` and put the focus in its first table."""
        tabs = self.query_one(TabbedContent)
        pane = self.query_one(f"#section-{section}", TabPane)
        if pane.disabled or not self.query_one("#budget-sections").display:
            return
        tabs.active = f"section-{section}"
        # Focus something in the new section: were the focus left in a hidden section,
        # TabbedContent would switch back to the section holding the focus.
        targets = [t for t in pane.query(FigureTable) if t.display] or list(
            pane.query(BudgetCharts)
        )
        if targets:
            targets[0].focus()
        self._explain_focused()

    def on_descendant_focus(self) -> None:
        self._explain_focused()

    @property
    def current_cell(self) -> CellSpec | None:
        """The cell under the cursor of the focused table (None when no table has focus)."""
        table = self._focused_table()
        return table.cell_at(table.cursor_coordinate) if table is not None else None
