"""Enter a metric's outcome for the app's current period (key `o` on a metric).

The value is checked as it is typed, by the core's rules (`vpl_tui.rules.outcomes`): a
line under it says the number it is read as (`45 000`, `49,4 %`), or that words are kept
as text and cannot be judged, or why it cannot be saved. Enter saves (the plan screen
writes it in a worker); escape closes without a change.
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from vpl_tui.numbers import format_amount
from vpl_tui.rules.outcomes import outcome_number, value_problem
from vpl_tui.screens.keys import localise_bindings
from vpl_tui.screens.safe import plain
from vpl_tui.strings import Strings


class OutcomeDialog(ModalScreen[tuple[str, str] | None]):
    """Type an outcome and a comment; dismisses with (value, comment), or None on escape."""

    CSS_PATH = "outcome_dialog.tcss"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", tooltip="Close without a change", id="dialog-cancel"),
    ]

    def __init__(
        self, strings: Strings, subject: str, period: str, unit: str = "", value: str = ""
    ) -> None:
        super().__init__()
        self.strings = strings
        self.subject = subject
        self.period = period
        self.unit = unit
        self.value = value
        localise_bindings(self, strings)

    def compose(self) -> ComposeResult:
        s = self.strings
        with Vertical(id="dialog"):
            yield Static(plain(s("app.outcome.title", period=self.period)), id="dialog-heading")
            yield Static(plain(self.subject), id="dialog-subject")
            yield Static(Text(s("app.outcome.value_label")), id="value-label")
            yield Input(value=self.value, id="value")
            yield Static(Text(""), id="value-check")
            yield Static(Text(s("app.outcome.comment_label")), id="comment-label")
            yield Input(id="comment")
            yield Static(Text(s("app.outcome.hint")), id="dialog-hint")

    def on_mount(self) -> None:
        self._check(self.value)
        self.query_one("#value", Input).focus()

    @on(Input.Changed, "#value")
    def _typed(self, event: Input.Changed) -> None:
        self._check(event.value)

    def problem(self, value: str) -> str | None:
        """Why `value` cannot be saved, in the user's language, or None."""
        key = value_problem(value)
        return None if key is None else self.strings(key)

    def _check(self, value: str) -> None:
        check = self.query_one("#value-check", Static)
        problem = self.problem(value)
        if problem is not None:
            check.update(Text(problem, style="bold"))
            return
        number = outcome_number(value, self.unit)
        if number is None:
            check.update(Text(self.strings("app.outcome.words"), style="italic"))
            return
        shown = format_amount(number.number) + (f" {number.unit}" if number.unit else "")
        check.update(plain(self.strings("app.outcome.number", number=shown), "italic"))

    @on(Input.Submitted)
    def _submitted(self) -> None:
        value = self.query_one("#value", Input).value
        if self.problem(value) is not None:
            self.app.bell()
            return
        self.dismiss((value.strip(), self.query_one("#comment", Input).value.strip()))

    def action_cancel(self) -> None:
        self.dismiss(None)
