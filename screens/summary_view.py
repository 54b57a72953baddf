"""The status summary as `vpl summary` prints it, with where its file was saved (key `p`)."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import ModalScreen
from textual.widgets import Footer, Static, TextArea

from vpl_tui.screens.keys import localise_bindings
from vpl_tui.screens.safe import plain
from vpl_tui.strings import Strings


class SummaryView(ModalScreen[None]):
    """Shows the text summary (read-only, selectable) and the path of the saved Markdown."""

    CSS_PATH = "summary_view.tcss"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q", "close", "Close", tooltip="Back to the plan", id="close"),
    ]

    def __init__(self, strings: Strings, text: str, path: Path, error: str | None) -> None:
        super().__init__()
        self.strings = strings
        self.text = text
        self.path = path
        self.error = error
        localise_bindings(self, strings)

    def compose(self) -> ComposeResult:
        s = self.strings
        if self.error is None:
            where = plain(s("app.summary.saved", path=str(self.path)))
        else:
            where = plain(s("app.summary.not_saved", path=str(self.path), reason=self.error))
        yield Static(Text(s("summary.title")), id="summary-heading")
        yield Static(where, id="summary-path", classes="error" if self.error else "")
        # The text is already cleaned by the summary renderer; a TextArea never parses markup.
        yield TextArea(self.text, read_only=True, show_line_numbers=False, id="summary-text")
        yield Footer()

    def action_close(self) -> None:
        """Back to the plan."""
        self.dismiss(None)
