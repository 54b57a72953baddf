"""Ask before something that is not undone by leaving: cancelling an activity (`x`)."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static

from vpl_tui.screens.keys import localise_bindings
from vpl_tui.screens.safe import plain
from vpl_tui.strings import Strings


class ConfirmDialog(ModalScreen[bool]):
    """A question (its text may hold plan text: shown literally); dismisses True or False."""

    CSS_PATH = "confirm_dialog.tcss"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("y,j,enter", "answer(True)", "Yes", tooltip="Yes, do it", id="confirm-yes"),
        Binding("n,escape", "answer(False)", "No", tooltip="No, close", id="confirm-no"),
    ]

    def __init__(self, strings: Strings, question: str) -> None:
        super().__init__()
        self.strings = strings
        self.question = question
        localise_bindings(self, strings)

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Static(plain(self.question), id="dialog-heading")
            yield Static(Text(self.strings("app.confirm.hint")), id="dialog-hint")

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes)
