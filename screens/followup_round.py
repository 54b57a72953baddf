"""The completeness view (key `c`): what the period's follow-up lacks before the deadline.

Read in a worker on its own connection (`Store.followup`, the same list `vpl followup`
prints, its gaps the core's `followup_gaps`); shown as `views.followup_round` words it:
the count ("12 av 17 klarmarkerade"), the days to the deadline, one line per goal and
initiative, and under each its metrics without an outcome for the period. Enter on a
line closes the view with it, and the plan screen goes there (to a metric: to enter it, `o`).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.message import Message
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from vpl_tui.db.store import Store
from vpl_tui.errors import VplError
from vpl_tui.rules.periods import Period
from vpl_tui.screens.keys import localise_bindings
from vpl_tui.screens.safe import plain
from vpl_tui.strings import Strings
from vpl_tui.views.followup_round import Completeness, completeness

Picked = tuple[str, str, str]
"""What Enter picks: (kind, target, goal)."""


class CompletenessScreen(ModalScreen[Picked | None]):
    """The period's follow-up, line by line, with what each still lacks."""

    CSS_PATH = "followup_round.tcss"
    AUTO_FOCUS = "#cp-list"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", "Back", tooltip="Back to the plan", id="completeness-close"),
    ]

    class Read(Message):
        def __init__(self, shown: Completeness) -> None:
            super().__init__()
            self.shown = shown

    def __init__(self, path: Path, strings: Strings, period: Period, today: date) -> None:
        super().__init__()
        self.path, self.strings, self.period, self.today = path, strings, period, today
        self.shown: Completeness | None = None
        localise_bindings(self, strings)

    def compose(self) -> ComposeResult:
        s = self.strings
        with Vertical(id="cp-dialog"):
            heading = s("app.completeness.heading", period=self.period.name)
            yield Static(plain(heading), id="cp-heading")
            yield Static(Text(s("app.completeness.reading")), id="cp-count")
            yield Static(id="cp-deadline")
            yield Static(id="cp-metrics")
            yield OptionList(id="cp-list")
            yield Static(Text(s("app.completeness.hint")), id="cp-hint")

    def on_mount(self) -> None:
        self._read()

    @work(thread=True, exclusive=True, group="completeness")
    def _read(self) -> None:
        try:
            with Store.open(self.path) as store:
                found = store.followup(self.period, self.today)
        except VplError as error:
            self.app.call_from_thread(
                self.notify, error.render(self.strings), severity="error", markup=False
            )
            return
        self.post_message(self.Read(completeness(found, self.strings)))

    @on(Read)
    def _shown(self, message: Read) -> None:
        shown = self.shown = message.shown
        self.query_one("#cp-count", Static).update(plain(shown.count))
        self.query_one("#cp-deadline", Static).update(plain(shown.deadline))
        metrics = self.query_one("#cp-metrics", Static)
        metrics.update(plain(shown.metrics))
        metrics.display = bool(shown.metrics)
        options = self.query_one("#cp-list", OptionList)
        options.clear_options()
        options.add_options(
            Option(plain(row.text, "" if row.missing else "dim"), id=f"{index}")
            for index, row in enumerate(shown.rows)
        )
        first_missing = shown.first
        if first_missing is None:
            self.notify(self.strings("app.completeness.all_done"), markup=False, timeout=3)
        else:
            options.highlighted = first_missing

    @on(OptionList.OptionSelected, "#cp-list")
    def _picked(self, event: OptionList.OptionSelected) -> None:
        if self.shown is None or event.option.id is None:
            return
        row = self.shown.rows[int(event.option.id)]
        self.dismiss((row.kind, row.target, row.goal))

    def action_close(self) -> None:
        """Back to the plan."""
        self.dismiss(None)
