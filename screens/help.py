"""Every key of the app, with what it does, and how to read the tree (key `?`)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from vpl_tui.screens.keys import localise_bindings
from vpl_tui.strings import Strings


@dataclass(frozen=True)
class KeyHelp:
    """One line of the help: the keys as shown, what they do, and a longer explanation."""

    keys: str
    description: str
    tooltip: str


class HelpScreen(ModalScreen[None]):
    """The keys in sections (given by the screen that owns them) and a legend."""

    CSS_PATH = "help.tcss"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,question_mark", "close", "Close", tooltip="Close the help", id="close"),
    ]

    def __init__(self, strings: Strings, sections: list[tuple[str, list[KeyHelp]]]) -> None:
        super().__init__()
        self.strings = strings
        self.sections = sections
        localise_bindings(self, strings)

    def compose(self) -> ComposeResult:
        s = self.strings
        with Vertical(id="help"):
            yield Static(Text(s("app.help.title")), id="help-heading")
            with VerticalScroll(id="help-body"):
                yield Static(self._keys_table(), id="help-keys")
                yield Static(self._legend(), id="help-legend")
            yield Static(Text(s("app.help.close")), id="help-hint")

    def _keys_table(self) -> Table:
        table = Table.grid(padding=(0, 2))
        table.add_column(no_wrap=True, style="bold")
        table.add_column(no_wrap=True)
        table.add_column(style="dim")
        for number, (title, keys) in enumerate(self.sections):
            if number:
                table.add_row("", "", "")
            table.add_row(Text(title, style="bold underline"), "", "")
            for key in keys:
                table.add_row(Text(key.keys), Text(key.description), Text(key.tooltip))
        return table

    def _legend(self) -> Text:
        s = self.strings
        lines = [Text(s("app.help.legend"), style="bold underline")]
        lines += [Text(s(f"app.help.legend.{name}")) for name in ("badge", "overdue", "count")]
        lines += [Text(""), Text(s("app.help.saved")), Text(s("app.help.palette"))]
        return Text("\n").join(lines)

    def action_close(self) -> None:
        """Close the help."""
        self.dismiss(None)
