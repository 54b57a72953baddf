"""The budget screen's follow-up section: budget, outcome, forecast and deviation per unit.

The period is the app's current one (`followup_period`); the table is read in a worker
(`Store.followup_table`), as the rest of the screen is. Enter on a unit opens three
fields under the table: utfall t.o.m., prognos helår and a comment; enter saves them as a
figure edit is saved, naming the version the row was read at (a forecast changed
meanwhile is refused), and the table is read again in the worker. Below the table, the follow-up's checks and a bar chart of
budget against forecast per unit. Plan text is shown through `clean()`, never as markup.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from textual import on, work
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.widgets import DataTable, Input, Label, Static

from vpl_tui.budget.followup import TOTAL, FollowUpTable, LineKey
from vpl_tui.budget.followup_output import amount, row_cells
from vpl_tui.budget.output import SIGNS
from vpl_tui.db.store import Store
from vpl_tui.errors import VplError
from vpl_tui.numbers import MAX_AMOUNT_TEXT, format_amount, parse_amount
from vpl_tui.rules.figures import figure_problem
from vpl_tui.rules.periods import Period, current_period
from vpl_tui.safetext import clean, one_line
from vpl_tui.screens.safe import plain
from vpl_tui.screens.widgets.budget_charts import BarChart, forecast_chart
from vpl_tui.strings import Strings

if TYPE_CHECKING:
    from textual.app import App

FIELDS = ("outcome", "forecast", "comment")


def followup_period(app: App[Any], periods: tuple[Period, ...]) -> Period | None:
    """The period the follow-up shows: the app's current one.

    The one place to rewire when the app knows its period (`VplApp.current_period()`);
    until then the period whose end comes next from the app's today.
    """
    chosen = getattr(app, "current_period", None)
    if callable(chosen):
        found = chosen()
        if isinstance(found, Period):
            return found
    today = getattr(app, "today", None)
    return current_period(periods, today if isinstance(today, date) else date.today())


class FollowupPane(Vertical):
    """The follow-up table of the current period, its checks, its chart and its edit fields."""

    DEFAULT_CSS = """
    FollowupPane { height: 1fr; }
    FollowupPane #followup-table { height: auto; max-height: 14; }
    FollowupPane #followup-edit { display: none; height: auto; background: $boost; }
    FollowupPane #followup-edit Label { width: auto; max-width: 40%; padding: 1 1 0 0; }
    FollowupPane #followup-edit Input { width: 1fr; }
    FollowupPane #followup-edit #followup-comment { width: 2fr; }
    FollowupPane #followup-checks { height: auto; padding: 0 1; }
    """

    class Read(Message):
        def __init__(self, generation: int, table: FollowUpTable | None, versions: Any) -> None:
            super().__init__()
            self.generation, self.table, self.versions = generation, table, versions

    def __init__(self, store: Store, strings: Strings, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.store, self.strings = store, strings
        self.table: FollowUpTable | None = None
        self.versions: dict[LineKey, int] = {}
        self.editing: str | None = None
        """The unit whose fields are open, or None."""
        self._generation = 0

    def compose(self) -> ComposeResult:
        yield Static(id="followup-heading")
        yield DataTable(id="followup-table", cursor_type="row")
        with Horizontal(id="followup-edit"):
            yield Label(id="followup-edit-label")
            for name in FIELDS:
                yield Input(placeholder=self.strings(f"economy.col.{name}"), id=f"followup-{name}")
        yield Static(id="followup-checks")
        yield BarChart(self.strings, id="followup-chart")

    def on_mount(self) -> None:
        s = self.strings
        keys = ("unit", "budget", "outcome", "forecast", "deviation", "comment")
        self.query_one(DataTable).add_columns(*(s(f"economy.col.{key}") for key in keys))

    # -- reading -----------------------------------------------------------------------------

    def reload(self) -> None:
        """Read the period's follow-up again, in a worker."""
        self._generation += 1
        wanted = followup_period(self.app, self.store.periods())
        self._read(self._generation, wanted)

    @work(thread=True, group="followup-read")
    def _read(self, generation: int, period: Period | None) -> None:
        with Store.open(self.store.path) as store:
            table = None if period is None else store.followup_table(period)
            versions = {} if period is None else store.forecast_versions(period.id)
        self.post_message(self.Read(generation, table, versions))

    @on(Read)
    def _show(self, message: Read) -> None:
        if message.generation != self._generation:
            return  # a newer read is on its way
        self.table, self.versions = message.table, message.versions
        s, table = self.strings, message.table
        heading = self.query_one("#followup-heading", Static)
        grid = self.query_one(DataTable)
        cursor = grid.cursor_row
        grid.clear()
        if table is None:
            heading.update(s("economy.screen.no_budget"))
            return
        heading.update(plain(s("economy.heading", period=table.period.name, year=table.year)))
        for row in [*table.rows, table.total]:
            grid.add_row(*(plain(cell) for cell in row_cells(row, table, s)), key=row.unit)
        grid.move_cursor(row=min(cursor, grid.row_count - 1))
        self.query_one("#followup-checks", Static).update(
            plain("\n".join(self.explanation()), multiline=True)
        )
        self.query_one(BarChart).data = forecast_chart(table, s)

    def explanation(self) -> list[str]:
        """The follow-up's checks, one line each, failures first."""
        if self.table is None:
            return []
        s = self.strings
        lines = [s("economy.threshold", percent=format_amount(self.table.threshold * 100))]
        for check in sorted(self.table.checks, key=lambda c: c.status != "fail"):
            text = f"{SIGNS[check.status]} {s(check.id.replace('economy.', 'economy.check.'))}"
            if check.units:
                text += " – " + s("economy.check.missing", units=", ".join(check.units[:10]))
            lines.append(text)
        return lines

    # -- entering a unit's figures -----------------------------------------------------------

    @on(DataTable.RowSelected, "#followup-table")
    def _row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        if self.table is None or event.row_key.value is None:
            return
        unit = event.row_key.value
        if unit == TOTAL:
            self.notify(self.strings("economy.screen.not_total"), severity="warning", markup=False)
            return
        row = next(r for r in self.table.rows if r.unit == unit)
        self.editing = unit
        prompt = self.strings(
            "economy.screen.edit_prompt", unit=unit, period=self.table.period.name
        )
        self.query_one("#followup-edit-label", Label).update(plain(prompt))
        values = (
            "" if row.outcome is None else format_amount(row.outcome),
            "" if row.forecast is None else format_amount(row.forecast),
            row.comment,
        )
        for name, value in zip(FIELDS, values, strict=True):
            self.query_one(f"#followup-{name}", Input).value = value
        self.query_one("#followup-edit").display = True
        self.query_one("#followup-forecast", Input).focus()

    def cancel(self) -> None:
        """Close the fields without saving; the focus goes back to the table."""
        self.editing = None
        self.query_one("#followup-edit").display = False
        self.query_one(DataTable).focus()

    @on(Input.Submitted, "#followup-edit Input")
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if self.editing is None or self.table is None:
            return
        amounts: dict[str, Decimal | None] = {}
        for name in ("outcome", "forecast"):
            typed = self.query_one(f"#followup-{name}", Input).value
            amounts[name] = self._amount(typed)
            if typed.strip() and amounts[name] is None:
                return  # said why; the fields stay open with what was typed
        comment = self.query_one("#followup-comment", Input).value.strip()
        version = self.versions.get(("units", self.editing), 0)
        self._save(self.editing, self.table.period.id, amounts, comment, version)
        self.cancel()

    def _amount(self, typed: str) -> Decimal | None:
        """A typed figure in whole tkr, or None (a notice says why when it is not one)."""
        if not typed.strip():
            return None
        try:
            value = parse_amount(typed)  # checked for size and form before it is converted
        except ValueError:
            value = None
        problem = "figure.not_number" if value is None else figure_problem("tkr", value)
        if problem is not None:
            shown = one_line(typed, MAX_AMOUNT_TEXT)
            message = self.strings("budget.edit.not_number", value=shown)
            if value is not None:
                message = self.strings(problem)
            self.notify(message, severity="error", markup=False)
            return None
        return value

    def _save(
        self, unit: str, period: str, amounts: dict[str, Decimal | None], comment: str, version: int
    ) -> None:
        """One short transaction on the screen's own store, as a figure edit is: its commit
        is not taken for another session's, and a forecast changed meanwhile is refused."""
        s = self.strings
        try:
            record = self.store.set_forecast(
                "units", unit, period, comment=comment, expected_version=version, **amounts
            )
        except VplError as error:
            self.notify(one_line(error.render(s)), severity="error", markup=False)
        else:
            forecast = amount(record.forecast.forecast)
            text = s(
                "economy.screen.saved",
                unit=clean(unit),
                period=period,
                forecast=forecast,
                version=record.version,
            )
            self.notify(text, markup=False)
        self.reload()
