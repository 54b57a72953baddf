"""Change an activity's status with a note that is kept in its history (key `n`).

The status may stay as it is: a note on its own ("läget just nu") is kept in the history
too. In the list of statuses, the digits 1-5 choose the status numbered so and go on to
the note; in the note, a digit is a digit.
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.widgets import Input, OptionList, Static

from vpl_tui.rules.statuses import STATUSES
from vpl_tui.screens.dialogs.status_dialog import ActivityDialog, status_options
from vpl_tui.screens.safe import plain


class NoteDialog(ActivityDialog[tuple[str, str] | None]):
    """Pick a status and write why; dismisses with (status, note), or None on escape."""

    CSS_PATH = "note_dialog.tcss"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", tooltip="Close without a change", id="dialog-cancel"),
        Binding("ctrl+s", "save", "Save", tooltip="Save the status and the note", id="dialog-save"),
    ]

    def compose(self) -> ComposeResult:
        s = self.strings
        with Vertical(id="dialog"):
            yield Static(Text(s("app.dialog.note_title")), id="dialog-heading")
            yield Static(plain(f"{self.activity.ref} {self.activity.title}"), id="dialog-subject")
            yield OptionList(*status_options(s, self.activity.status), id="statuses")
            yield Static(Text(s("app.dialog.note_label")), id="note-label")
            yield Input(placeholder=s("app.dialog.note_placeholder"), id="note")
            yield Static(Text(s("app.dialog.note_hint")), id="dialog-hint")

    @on(OptionList.OptionSelected, "#statuses")
    def _status_chosen(self) -> None:
        self.set_focus(self.query_one("#note", Input))

    def on_key(self, event: events.Key) -> None:
        # 1-5 choose at once, as numbered in the list; the note takes digits as text.
        statuses = self.query_one("#statuses", OptionList)
        status = self.digit_status(event)
        if self.focused is not statuses or status is None:
            return
        event.stop()
        statuses.highlighted = STATUSES.index(status)
        # At once, not `focus()`: the letters typed right after go into the note.
        self.set_focus(self.query_one("#note", Input))

    @on(Input.Submitted, "#note")
    def _note_submitted(self) -> None:
        self.action_save()

    def action_save(self) -> None:
        """Close the dialog with the highlighted status and the note."""
        index = self.query_one("#statuses", OptionList).highlighted
        status = STATUSES[index if index is not None else STATUSES.index(self.activity.status)]
        self.dismiss((status, self.query_one("#note", Input).value.strip()))
