"""Where to move an activity (`m`): every goal, each with its initiatives, to pick one.

Goal and initiative titles are plan text, shown with `plain()`.
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from vpl_tui.screens.keys import localise_bindings
from vpl_tui.screens.safe import plain
from vpl_tui.strings import Strings

Place = tuple[str, str, bool]
"""A place to move to: (goal number or initiative id, title, is an initiative)."""


class MoveDialog(ModalScreen[str | None]):
    """Pick a goal or an initiative; dismisses with its number or id, or None on escape."""

    CSS_PATH = "move_dialog.tcss"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Close", tooltip="Close without saving", id="form-cancel"),
    ]

    def __init__(self, strings: Strings, *, ref: str, places: list[Place], current: str) -> None:
        super().__init__()
        self.strings = strings
        self.ref = ref
        self.places = places
        self.current = current
        localise_bindings(self, strings)

    def compose(self) -> ComposeResult:
        s = self.strings
        options = []
        for ident, title, initiative in self.places:
            prompt = Text.assemble("    " if initiative else "", plain(f"{ident} {title}"))
            if ident == self.current:
                prompt.append(f"  ({s('app.dialog.current')})", style="italic")
            options.append(Option(prompt, id=ident))
        with Vertical(id="dialog"):
            yield Static(plain(s("app.move.title", ref=self.ref)), id="dialog-heading")
            yield OptionList(*options, id="places")
            yield Static(Text(s("app.move.hint")), id="dialog-hint")

    def on_mount(self) -> None:
        places = self.query_one("#places", OptionList)
        ids = [ident for ident, _, _ in self.places]
        if self.current in ids:
            places.highlighted = ids.index(self.current)
        places.focus()

    @on(OptionList.OptionSelected, "#places")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    def action_cancel(self) -> None:
        self.dismiss(None)
