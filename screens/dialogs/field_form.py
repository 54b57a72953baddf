"""What the plan's form dialogs share: keys, checking as typed, saving only what is accepted.

A form (`ActivityForm`, `MetricForm`, `TextForm`) says what its fields are (`compose`),
what they hold (`values`) and where the first refused one is (`refused_at`, which also
shows each field's reason under it, in the plan file's words). This base checks on every
change, saves with `ctrl+s` or Enter only when nothing is refused (else the refused field
takes the focus), and closes without saving on escape.
"""

from __future__ import annotations

from typing import Any, ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Select, Static, TextArea

from vpl_tui.screens.keys import localise_bindings
from vpl_tui.screens.safe import plain
from vpl_tui.strings import Strings


class FieldForm(ModalScreen[dict[str, str] | None]):
    """A form of fields; dismisses with their values (by field name), or None on escape."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Close", tooltip="Close without saving", id="form-cancel"),
        Binding("ctrl+s", "save", "Save", tooltip="Save the changes", id="form-save"),
    ]

    def __init__(self, strings: Strings, *, heading: str, values: dict[str, str]) -> None:
        super().__init__()
        self.strings = strings
        self.heading = heading
        self.initial = dict(values)
        localise_bindings(self, strings)

    def values(self) -> dict[str, str]:
        """What the fields say now."""
        raise NotImplementedError

    def refused_at(self) -> str | None:
        """Check every field and show each one's reason; the first refused one's selector."""
        raise NotImplementedError

    def text_field(self, field: str, label: str) -> ComposeResult:
        """A labelled one-line field `#field` with its reason `#error-field` under it."""
        with Vertical(classes="field"):
            yield Static(Text(label), classes="label")
            yield Input(self.initial.get(field, ""), id=field)
            yield Static("", id=f"error-{field}", classes="error")

    def show_reason(self, where: str, reason: Any) -> None:
        """The reason (a catalog `Reason`, or None) under a field, in the user's language."""
        error = self.query_one(where, Static)
        error.update(plain(reason.render(self.strings)) if reason is not None else Text(""))
        error.display = reason is not None

    @on(Input.Changed)
    @on(Select.Changed)
    @on(TextArea.Changed)
    def _changed(self) -> None:
        self.refused_at()

    @on(Input.Submitted)
    def _submitted(self) -> None:
        self.action_save()

    def action_save(self) -> None:
        """Close with the values, when the plan file's rules accept them all."""
        where = self.refused_at()
        if where is not None:
            self.query_one(where).focus()
            return
        self.dismiss(self.values())

    def action_cancel(self) -> None:
        """Close without saving anything."""
        self.dismiss(None)
