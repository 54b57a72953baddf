"""The status summary as `vpl summary` prints it, with where its file was saved (key `p`).

The text is rendered at the width the view has, and again when it changes: titles use
the room there is, and no line wraps (a line wider than the pane scrolls sideways).
"""

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
from vpl_tui.summary import Summary
from vpl_tui.summary.as_text import render_text


class SummaryView(ModalScreen[None]):
    """Shows the text summary (read-only, selectable) and the path of the saved Markdown."""

    CSS_PATH = "summary_view.tcss"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q", "close", "Close", tooltip="Back to the plan", id="close"),
    ]

    def __init__(self, strings: Strings, summary: Summary, path: Path, error: str | None) -> None:
        super().__init__()
        self.strings = strings
        self.summary = summary
        self._width = 0
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
        yield TextArea(
            "", read_only=True, soft_wrap=False, show_line_numbers=False, id="summary-text"
        )
        yield Footer()

    def on_resize(self) -> None:
        area = self.query_one("#summary-text", TextArea)
        # The area's border, padding and scrollbar are not room for text.
        width = max(self.size.width - 6, 40)
        if width != self._width:
            self._width = width
            area.load_text(render_text(self.summary, self.strings, width=width))

    @property
    def text(self) -> str:
        """The summary as shown."""
        return self.query_one("#summary-text", TextArea).text

    def action_close(self) -> None:
        """Back to the plan."""
        self.dismiss(None)
