"""A small list of statuses to choose from for one activity (key `s`)."""

from __future__ import annotations

from typing import ClassVar, TypeVar

from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from vpl_tui.records import ActivityRecord
from vpl_tui.rules.statuses import STATUSES
from vpl_tui.screens.keys import localise_bindings
from vpl_tui.screens.safe import plain
from vpl_tui.strings import Strings


def status_options(strings: Strings, current: str) -> list[Option]:
    """One option per status, numbered 1-5, the current one marked (shared with the note dialog)."""
    options = []
    for number, status in enumerate(STATUSES, start=1):
        prompt = Text(f"{number}  {strings.status(status)}")
        if status == current:
            prompt.append(f"  ({strings('app.dialog.current')})", style="italic")
        options.append(Option(prompt, id=status))
    return options


DialogResult = TypeVar("DialogResult")


class ActivityDialog(ModalScreen[DialogResult]):
    """What the status dialog (`s`) and the note dialog (`n`) share: the activity, the
    localised keys, the list of statuses with the current one highlighted, the digits that
    pick a status, and escape."""

    def __init__(self, strings: Strings, activity: ActivityRecord) -> None:
        super().__init__()
        self.strings = strings
        self.activity = activity
        localise_bindings(self, strings)

    def on_mount(self) -> None:
        statuses = self.query_one("#statuses", OptionList)
        statuses.highlighted = STATUSES.index(self.activity.status)
        statuses.focus()

    @staticmethod
    def digit_status(event: events.Key) -> str | None:
        """The status a digit typed names, as the list numbers them (1-5), or None."""
        character = event.character or ""
        if character.isdigit() and 1 <= int(character) <= len(STATUSES):
            return STATUSES[int(character) - 1]
        return None

    def action_cancel(self) -> None:
        """Close the dialog without changing anything."""
        self.dismiss(None)


class StatusDialog(ActivityDialog[str | None]):
    """Choose a status for `activity`; dismisses with the status code, or None on escape."""

    CSS_PATH = "status_dialog.tcss"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", tooltip="Close without a change", id="dialog-cancel"),
    ]

    def compose(self) -> ComposeResult:
        s = self.strings
        with Vertical(id="dialog"):
            yield Static(Text(s("app.dialog.status_title")), id="dialog-heading")
            yield Static(plain(f"{self.activity.ref} {self.activity.title}"), id="dialog-subject")
            yield OptionList(*status_options(s, self.activity.status), id="statuses")
            yield Static(Text(s("app.dialog.status_hint")), id="dialog-hint")

    @on(OptionList.OptionSelected, "#statuses")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    def on_key(self, event: events.Key) -> None:
        # 1-5 choose at once, as numbered in the list.
        status = self.digit_status(event)
        if status is not None:
            event.stop()
            self.dismiss(status)
