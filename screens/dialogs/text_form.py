"""The form of a goal's or an initiative's texts (`e` on its line): its title, and its
description (a goal) or purpose (an initiative), and who is responsible (ansvarig).

Checked as typed by the plan file's rules (`text_problem`): a title may not be empty, no
text may be longer than a plan file allows. The texts are plan text: shown as they are.
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static, TextArea

from vpl_tui.screens.keys import localise_bindings
from vpl_tui.screens.safe import plain
from vpl_tui.strings import Strings


class TextForm(ModalScreen[dict[str, str] | None]):
    """A title and one longer text; dismisses with both (by field name), or None on escape.

    Args:
        fields: The two field names (`title` and `description` or `purpose`).
        values: Their texts now.
    """

    CSS_PATH = "text_form.tcss"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Close", tooltip="Close without saving", id="form-cancel"),
        Binding("ctrl+s", "save", "Save", tooltip="Save the changes", id="form-save"),
    ]

    def __init__(
        self, strings: Strings, *, heading: str, fields: tuple[str, str], values: dict[str, str]
    ) -> None:
        super().__init__()
        self.strings = strings
        self.heading = heading
        self.title_field, self.text_field = fields
        self.initial = values
        self.problem: str | None = None
        localise_bindings(self, strings)

    def compose(self) -> ComposeResult:
        s = self.strings
        with Vertical(id="dialog"):
            yield Static(plain(self.heading), id="dialog-heading")
            yield Static(Text(s(f"field.{self.title_field}")), classes="label")
            yield Input(self.initial.get(self.title_field, ""), id="title")
            yield Static("", id="error-title", classes="error")
            yield Static(Text(s(f"field.{self.text_field}")), classes="label")
            yield TextArea(self.initial.get(self.text_field, ""), id="text", soft_wrap=True)
            yield Static("", id="error-text", classes="error")
            yield Static(Text(s("field.responsible")), classes="label")
            yield Input(self.initial.get("responsible", ""), id="responsible")
            yield Static("", id="error-responsible", classes="error")
            yield Static(Text(s("app.form.hint")), id="dialog-hint")

    def on_mount(self) -> None:
        self.query_one("#title", Input).focus()

    def values(self) -> dict[str, str]:
        return {
            self.title_field: self.query_one("#title", Input).value,
            self.text_field: self.query_one("#text", TextArea).text,
            "responsible": self.query_one("#responsible", Input).value.strip(),
        }

    def check(self) -> bool:
        """Show each field's reason under it; True when both are accepted."""
        from vpl_tui.model.plan_changes import text_problem
        from vpl_tui.rules.activity_fields import responsible_problem

        values = self.values()
        good = True
        for field, widget, required in (
            (self.title_field, "error-title", True),
            (self.text_field, "error-text", False),
            ("responsible", "error-responsible", False),
        ):
            if field == "responsible":
                reason = responsible_problem(values[field])
            else:
                reason = text_problem(values[field], required=required)
            error = self.query_one(f"#{widget}", Static)
            error.update(plain(reason.render(self.strings)) if reason else Text(""))
            error.display = reason is not None
            good = good and reason is None
        return good

    @on(Input.Changed)
    @on(TextArea.Changed)
    def _changed(self) -> None:
        self.check()

    @on(Input.Submitted)
    def _submitted(self) -> None:
        self.action_save()

    def action_save(self) -> None:
        """Close with the texts, when the plan file's rules accept them."""
        if self.check():
            self.dismiss(self.values())

    def action_cancel(self) -> None:
        self.dismiss(None)
